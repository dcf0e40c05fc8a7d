const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);

// src/github/api.ts
var PULL_REQUEST_FILES_LIMIT = 3e3;
var FILES_PER_PAGE = 100;
var MAX_FILE_PAGES = PULL_REQUEST_FILES_LIMIT / FILES_PER_PAGE;
function describeApiError(error) {
  const status = typeof error?.status === "number" ? error.status : void 0;
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.split(" - https://")[0] ?? raw;
  return { ...status !== void 0 ? { status } : {}, message };
}
function isPermissionError(failure) {
  return failure.status === 403 || failure.status === 401 || /not accessible by integration|permission/i.test(failure.message);
}

// src/github/check-run.ts
var ANNOTATIONS_PER_REQUEST = 50;
var MAX_SUMMARY = 65535;
async function publishCheckRun(api, request) {
  const annotations = request.findings.filter((f) => !f.suppressed).map((f) => toCheckAnnotation(f, request.titleOf));
  const summary = truncate(request.summary, MAX_SUMMARY);
  let created;
  let requests = 0;
  try {
    created = await api.createCheckRun({
      owner: request.owner,
      repo: request.repo,
      name: request.name,
      headSha: request.headSha,
      output: { title: request.title, summary }
    });
    requests++;
    const batches = chunk(annotations, ANNOTATIONS_PER_REQUEST);
    for (let i = 0; i < batches.length; i++) {
      const last = i === batches.length - 1;
      await api.updateCheckRun({
        owner: request.owner,
        repo: request.repo,
        checkRunId: created.id,
        output: { title: request.title, summary, annotations: batches[i] ?? [] },
        ...last ? { conclusion: request.conclusion } : {}
      });
      requests++;
    }
    if (batches.length === 0) {
      await api.updateCheckRun({
        owner: request.owner,
        repo: request.repo,
        checkRunId: created.id,
        output: { title: request.title, summary },
        conclusion: request.conclusion
      });
      requests++;
    }
    return { ok: true, id: created.id, ...created.url ? { url: created.url } : {}, annotations: annotations.length, requests };
  } catch (error) {
    const failure = describeApiError(error);
    if (created) {
      await api.updateCheckRun({
        owner: request.owner,
        repo: request.repo,
        checkRunId: created.id,
        output: {
          title: `${request.title} (incomplete)`,
          summary: `Publishing the annotations failed: ${failure.message}. See the workflow run's job summary for every finding.`
        },
        conclusion: "neutral"
      }).catch(() => void 0);
    }
    return { ok: false, failure, permission: isPermissionError(failure), ...created ? { created: created.id } : {} };
  }
}
function toCheckAnnotation(finding, titleOf) {
  const endLine = finding.endLine !== void 0 && finding.endLine >= finding.line ? finding.endLine : finding.line;
  const sameLine = endLine === finding.line;
  return {
    path: finding.file,
    start_line: finding.line,
    end_line: endLine,
    // Columns are allowed only when the annotation starts and ends on the same line.
    ...sameLine ? { start_column: finding.column, end_column: Math.max(finding.column, finding.endColumn ?? finding.column) } : {},
    annotation_level: finding.severity === "error" ? "failure" : finding.severity,
    message: finding.message,
    title: titleOf(finding.ruleId)
  };
}
function chunk(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
function truncate(text, max) {
  if (text.length <= max) return text;
  const note = "\n\n\u2026 (truncated: the full list is in the job summary)";
  return text.slice(0, max - note.length) + note;
}
export {
  ANNOTATIONS_PER_REQUEST,
  MAX_SUMMARY,
  publishCheckRun,
  toCheckAnnotation
};
