// The few GitHub REST calls cua-guard makes, behind a small interface so the logic around them
// is testable. The Octokit client (@actions/github) is imported only when a run needs the API
// (inputs `checks` or `only-changed`); it honours GITHUB_API_URL (GitHub Enterprise Server,
// and the local stand-in server the tests use).

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  message: string;
  title?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations?: CheckRunAnnotation[];
}

export interface GitHubApi {
  createCheckRun(request: { owner: string; repo: string; name: string; headSha: string; output: CheckRunOutput }): Promise<{ id: number; url?: string }>;
  updateCheckRun(request: {
    owner: string;
    repo: string;
    checkRunId: number;
    output: CheckRunOutput;
    conclusion?: 'success' | 'failure' | 'neutral';
  }): Promise<void>;
  /** Every file of a pull request (all pages). */
  listPullRequestFiles(request: { owner: string; repo: string; pullNumber: number }): Promise<{ filename: string; previousFilename?: string; status: string }[]>;
}

/** An error from the API, with the HTTP status when there was one. */
export interface ApiFailure {
  status?: number;
  message: string;
}

export function describeApiError(error: unknown): ApiFailure {
  const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : undefined;
  const raw = error instanceof Error ? error.message : String(error);
  // Octokit appends the documentation URL; keep the first sentence.
  const message = raw.split(' - https://')[0] ?? raw;
  return { ...(status !== undefined ? { status } : {}), message };
}

export function isPermissionError(failure: ApiFailure): boolean {
  return failure.status === 403 || failure.status === 401 || /not accessible by integration|permission/i.test(failure.message);
}

export async function createGitHubApi(token: string): Promise<GitHubApi> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token);
  return {
    async createCheckRun({ owner, repo, name, headSha, output }) {
      const response = await octokit.rest.checks.create({ owner, repo, name, head_sha: headSha, status: 'in_progress', output });
      return { id: response.data.id, ...(response.data.html_url ? { url: response.data.html_url } : {}) };
    },
    async updateCheckRun({ owner, repo, checkRunId, output, conclusion }) {
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: checkRunId,
        output,
        ...(conclusion ? { status: 'completed' as const, conclusion } : {}),
      });
    },
    async listPullRequestFiles({ owner, repo, pullNumber }) {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 });
      return files.map((f) => ({ filename: f.filename, status: f.status, ...(f.previous_filename ? { previousFilename: f.previous_filename } : {}) }));
    },
  };
}
