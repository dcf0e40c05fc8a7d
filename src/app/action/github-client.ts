// The GitHub API client for only-changed and checks, created on first use: loading it
// (@actions/github) costs start-up time most runs do not need.
import type { GitHubApi } from '../../github/api.ts';

export function lazyApi(token: string): () => Promise<GitHubApi> {
  let api: Promise<GitHubApi> | undefined;
  return () => {
    if (!token) return Promise.reject(new Error('the token input is empty'));
    api ??= import('../../github/api.ts').then((m) => m.createGitHubApi(token));
    return api;
  };
}
