// fix: suggest: what `cua-guard fix` would change, as a patch file (output fix-patch) and a
// section of the job summary within its share of the summary budget. The fixer is loaded only here.
import * as core from '../../github/runner.ts';
import type { WorkspaceCheckReport } from '../check-workspace.ts';
import type { Workspace } from '../../workspace/read-file.ts';
import type { RunSettings } from '../../settings/run-settings.ts';
import { formatFixNote } from '../../report/fix-notes.ts';
import { createSyntaxParser } from '../../parse/tree-sitter/load.ts';
import { loadTerraformTools } from '../terraform-tools.ts';
import { writeOutputFile, type OutputPlaces } from '../../workspace/write-file.ts';

/** A suggested diff gets at most this much of the job summary, and the whole suggestion this much. */
const MAX_SUMMARY_DIFF = 256 * 1024;
const MAX_FIX_SUMMARY = 384 * 1024;

export interface FixSuggestionRequest {
  settings: RunSettings;
  workspace: Workspace;
  report: WorkspaceCheckReport;
  /** Where the patch may be written. */
  places: OutputPlaces;
  /** Replaces what would show a secret (change lines, notes) with ***. */
  redact: (text: string) => string;
}

/**
 * The job summary's fix section (Markdown); writes the patch when there is something to change.
 * The patch never shows a secure parameter's default (the fixer's diff replaces them with ***).
 */
export async function suggestFix({ settings, workspace, report, places, redact }: FixSuggestionRequest): Promise<string> {
  const { fixWorkspaceLoadingGrammars, unifiedDiff } = await import('../../fix/index.ts');
  const fixed = await fixWorkspaceLoadingGrammars(
    {
      workspace,
      patterns: settings.patterns,
      settingsFor: settings.settingsFor,
      only: new Set(report.files.map((f) => f.path)),
      ...(settings.parametersFile ? { parametersFile: settings.parametersFile } : {}),
      linkRoots: settings.linkRoots,
      write: false,
    },
    () => createSyntaxParser('bicep'),
    () => loadTerraformTools(workspace),
  );
  // Neither the patch nor the summary shows a secure default (a hunk whose context holds one then
  // does not apply: `cua-guard fix` makes that change itself).
  const diff = redact(await unifiedDiff(fixed.files, { hideSecureDefaults: true }));
  const out: string[] = ['', '### Suggested fix (`cua-guard fix`)', ''];
  let budget = MAX_FIX_SUMMARY;
  if (diff === '') {
    out.push('cua-guard fix has nothing to change.');
  } else {
    const patchPath = settings.fixPatchPath;
    writeOutputFile(patchPath, diff, places);
    core.setOutput('fix-patch', patchPath);
    core.info(`fix: suggested changes written to ${patchPath} (apply with git apply)`);
    const changes = fixed.files.flatMap((file) => file.changes.map((change) => `- \`${file.file}:${change.line}\` ${redact(change.message)}`));
    budget -= pushWithin(out, changes, budget / 4, 'change(s)');
    const room = Math.min(MAX_SUMMARY_DIFF, Math.max(0, budget - MAX_FIX_SUMMARY / 4));
    const shown =
      Buffer.byteLength(diff) > room
        ? `${Buffer.from(diff).subarray(0, room).toString('utf8')}\n… (truncated; the whole patch is the fix-patch output)\n`
        : diff;
    budget -= Buffer.byteLength(shown);
    const fence = '`'.repeat(Math.max(3, ...[...shown.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    out.push('', 'Apply it with `git apply`, or run `npx cua-guard fix` locally:', '', `${fence}diff`, shown.trimEnd(), fence);
  }
  const leftAlone = fixed.files.flatMap((f) => f.notes.filter((n) => n.kind !== 'still-reported').map((n) => `- \`${f.file}\`: ${redact(formatFixNote(n))}`));
  if (leftAlone.length > 0) {
    out.push('', 'Not changed by the fix:', '');
    pushWithin(out, leftAlone, budget, 'note(s)');
  }
  return `${out.join('\n')}\n`;
}

/** Appends lines while they fit in `budget` bytes, then one line saying how many were left out; returns the bytes used. */
function pushWithin(out: string[], lines: readonly string[], budget: number, what: string): number {
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const size = Buffer.byteLength(line) + 1;
    if (used + size > budget) {
      out.push(`- … ${lines.length - i} more ${what}: run \`cua-guard fix --dry-run\` to see them all`);
      return used + 100;
    }
    out.push(line);
    used += size;
  }
  return used;
}
