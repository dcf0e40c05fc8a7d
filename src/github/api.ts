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
  /** The files of a pull request, every page up to GitHub's documented maximum (3,000 files). */
  listPullRequestFiles(request: { owner: string; repo: string; pullNumber: number }): Promise<PullRequestFile[]>;
}

export interface PullRequestFile {
  filename: string;
  previousFilename?: string;
  status: string;
}

/** GitHub's documented maximum of files listed for one pull request. */
export const PULL_REQUEST_FILES_LIMIT = 3000;
const FILES_PER_PAGE = 100;
const MAX_FILE_PAGES = PULL_REQUEST_FILES_LIMIT / FILES_PER_PAGE;

/** The files of one page of `pulls.listFiles`; an answer of any other shape is an error. */
export function pullRequestFilesOf(data: unknown): PullRequestFile[] {
  if (!Array.isArray(data)) throw new Error('the pull request files API answered with something other than a list of files');
  return data.map((item: unknown) => {
    const file = item as { filename?: unknown; status?: unknown; previous_filename?: unknown } | null;
    if (typeof file !== 'object' || file === null || typeof file.filename !== 'string' || file.filename === '') {
      throw new Error('the pull request files API answered with an entry that is not a file');
    }
    return {
      filename: file.filename,
      status: typeof file.status === 'string' ? file.status : 'modified',
      ...(typeof file.previous_filename === 'string' ? { previousFilename: file.previous_filename } : {}),
    };
  });
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
      // Bounded trust: GitHub lists at most 3,000 files of a pull request (30 pages of 100), so a
      // server that keeps sending `rel="next"` is not followed past that, and an answer that is
      // not a list of files is an error (the caller then checks everything), never a file.
      const files: PullRequestFile[] = [];
      const pages = octokit.paginate.iterator(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: FILES_PER_PAGE });
      let count = 0;
      for await (const page of pages) {
        files.push(...pullRequestFilesOf(page.data as unknown));
        if (++count >= MAX_FILE_PAGES) break;
      }
      return files;
    },
  };
}
