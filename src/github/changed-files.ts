// Which files a pull request changes, for `only-changed` and for annotation priority.
// Only pull_request and pull_request_target events have a pull request; anything else (push,
// schedule, workflow_dispatch) checks everything and says so.
import { describeApiError, PULL_REQUEST_FILES_LIMIT, type GitHubApi } from './api.ts';
import type { RunContext } from './event.ts';

export type ChangedFiles =
  | { kind: 'pull-request'; number: number; files: ReadonlySet<string> }
  | { kind: 'not-a-pull-request'; reason: string }
  | { kind: 'unavailable'; reason: string };

export async function changedFilesOf(context: RunContext, api: () => Promise<GitHubApi>): Promise<ChangedFiles> {
  if (!context.pullRequest) {
    const reason = context.eventName
      ? `the '${context.eventName}' event is not a pull request`
      : 'GITHUB_EVENT_NAME is not set (not running in GitHub Actions?)';
    return { kind: 'not-a-pull-request', reason };
  }
  if (!context.owner || !context.repo) return { kind: 'unavailable', reason: 'GITHUB_REPOSITORY is not set' };
  try {
    const listed = await (await api()).listPullRequestFiles({ owner: context.owner, repo: context.repo, pullNumber: context.pullRequest.number });
    if (listed.length >= PULL_REQUEST_FILES_LIMIT) {
      return {
        kind: 'unavailable',
        reason: `pull request #${context.pullRequest.number} changes ${PULL_REQUEST_FILES_LIMIT} files or more, more than the API lists`,
      };
    }
    const files = new Set<string>();
    for (const file of listed) {
      files.add(file.filename);
      // A renamed file changes what links to its old path too.
      if (file.previousFilename) files.add(file.previousFilename);
    }
    return { kind: 'pull-request', number: context.pullRequest.number, files };
  } catch (error) {
    const failure = describeApiError(error);
    return {
      kind: 'unavailable',
      reason: `could not list the files of pull request #${context.pullRequest.number} (${failure.status ?? 'no response'}: ${failure.message})`,
    };
  }
}
