// The GitHub side of the action: event context, pull-request files, check runs.
export { createGitHubApi, describeApiError, isPermissionError, type ApiFailure, type CheckRunAnnotation, type GitHubApi } from './api.ts';
export { readRunContext, PULL_REQUEST_EVENTS, type RunContext } from './event.ts';
export { changedFilesOf, type ChangedFiles } from './changed-files.ts';
export { PULL_REQUEST_FILES_LIMIT } from './api.ts';
export { publishCheckRun, toCheckAnnotation, ANNOTATIONS_PER_REQUEST, type CheckRunRequest, type CheckRunResult } from './check-run.ts';
