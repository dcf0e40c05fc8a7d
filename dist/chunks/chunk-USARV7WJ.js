import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);

// src/github/api.ts
function describeApiError(error) {
  const status = typeof error?.status === "number" ? error.status : void 0;
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.split(" - https://")[0] ?? raw;
  return { ...status !== void 0 ? { status } : {}, message };
}
function isPermissionError(failure) {
  return failure.status === 403 || failure.status === 401 || /not accessible by integration|permission/i.test(failure.message);
}
async function createGitHubApi(token) {
  const { getOctokit } = await import("./github-V2NOOJIP.js");
  const octokit = getOctokit(token);
  return {
    async createCheckRun({ owner, repo, name, headSha, output }) {
      const response = await octokit.rest.checks.create({ owner, repo, name, head_sha: headSha, status: "in_progress", output });
      return { id: response.data.id, ...response.data.html_url ? { url: response.data.html_url } : {} };
    },
    async updateCheckRun({ owner, repo, checkRunId, output, conclusion }) {
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: checkRunId,
        output,
        ...conclusion ? { status: "completed", conclusion } : {}
      });
    },
    async listPullRequestFiles({ owner, repo, pullNumber }) {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 });
      return files.map((f) => ({ filename: f.filename, status: f.status, ...f.previous_filename ? { previousFilename: f.previous_filename } : {} }));
    }
  };
}

export {
  describeApiError,
  isPermissionError,
  createGitHubApi
};
