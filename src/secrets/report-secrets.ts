// The secrets of every file a check read (main templates, their parameters files and linked
// templates), for the action to register with the runner before it prints anything.
// Files are taken from the run's file cache (the text the check read: each file is read once per
// run), or read through the workspace reader when only a workspace is given (never outside it); a
// cheap text test skips the parse for files that cannot hold a secret, which is nearly all of them.
// Fails closed: when the secrets of a template cannot be established (a file that cannot be read
// or parsed, an error while searching), what its findings say is withheld, not printed unmasked.
import { posix } from 'node:path';
import { parse as parseLenient } from 'jsonc-parser';
import { parseTemplateText, type ParseOutcome } from '../parse/parse-json.ts';
import type { TemplateResult } from '../engine/types.ts';
import type { ReadOutcome, Workspace } from '../workspace/read-file.ts';
import { createWorkspaceFiles, type WorkspaceFiles } from '../workspace/workspace-files.ts';
import { parameterValuesOf } from '../workspace/parameter-files.ts';
import { findSecrets, sasQueries, secretsInParameterValues, secureParameterNames } from './find-secrets.ts';
import { maskCommitted, maskExternal, redactCommitted, redactText } from './mask-policy.ts';
import { isBicepFile, lowerBicepTemplate, type BicepTrees } from '../engine/check-bicep.ts';

export interface CheckedFiles {
  files: readonly {
    path: string;
    parametersFile?: string;
    linkedFiles: readonly string[];
    findings?: readonly { ruleId: string; messageId: string; message: string }[];
  }[];
}

export interface SecretSources {
  /** Parameter values given at run time (the action's inline `parameters` JSON): from outside the repository. */
  runTimeValues?: Readonly<Record<string, unknown>>;
  /** Other values from outside the repository to mask (inputs such as the token). */
  external?: readonly string[];
}

export interface ReportSecrets {
  /** Every secret found, longest first: cua-guard's own output never shows them. */
  secrets: string[];
  /** The ones to register with the runner (::add-mask::), by the masking policy (mask-policy.ts). */
  masks: string[];
  /** The ones replaced by *** in cua-guard's own text (findings, reports). */
  redacted: string[];
  /** Main templates whose secrets could not be established, with why (never the files' content). */
  unsure: Map<string, string>;
}

/**
 * Anything that could be a secret makes the file worth parsing. A `\u` escape could spell any of
 * these words, so it makes the file worth parsing too.
 */
const MAY_HOLD_SECRET = /secure(?:string|object)|sig=|sas|\\u/i;
/** The same for Bicep (`@secure()`, and a type imported from another file may be secure). */
const BICEP_MAY_HOLD_SECRET = /secure|sig=|sas|\bimport\b/i;

/** A file as the secrets search sees it: nothing to search, its parsed value, or why it is unknown. */
type FileRoot = { root: unknown; unsure?: string; unreadable?: boolean };

/** Where the files come from: the run's file cache (preferred: nothing is read twice), or the workspace. */
export type FileSource = Workspace | WorkspaceFiles;

interface FileReader {
  read: (file: string) => ReadOutcome;
  /** The file parsed (the run's parse when it still holds it), given its text. */
  parse: (file: string, text: string) => ParseOutcome;
}

function readerOf(source: FileSource): FileReader {
  // A plain workspace gets a file cache of its own: a linked template is parsed once for the search.
  const files = 'read' in source ? source : createWorkspaceFiles(source);
  return {
    read: (file) => files.read(file),
    parse: (file, text) => {
      const parsed = files.parse(file);
      return 'text' in parsed ? parsed : parseTemplateText(text);
    },
  };
}

/**
 * The secrets search of one run, a template at a time: `add` searches a checked main template and
 * the files it read while the run still holds their parsed values (so a caller can let them go
 * once added); `finish` searches the templates not added yet and sums up.
 */
export interface SecretsSearch {
  /**
   * `bicepTrees`: the run's Bicep syntax trees, for a .bicep template: its secrets are those of its
   * lowering (what the check read). Without them, a .bicep template that may hold a secret is unsure.
   */
  add(file: CheckedFiles['files'][number], bicepTrees?: BicepTrees): void;
  finish(report: CheckedFiles): ReportSecrets;
}

export function createSecretsSearch(source: FileSource, sources: SecretSources = {}): SecretsSearch {
  const reader = readerOf(source);
  const found = new Set<string>();
  const external = new Set(sources.external ?? []);
  const unsure = new Map<string, string>();
  const added = new Set<string>();
  // Whether a file may hold a secret at all, by path: linked templates are searched once per main template.
  const mayHold = new Map<string, boolean>();
  const rootOf = (file: string): FileRoot => readRoot(reader, file, mayHold);
  const workspace = 'read' in source ? source.workspace : source;
  const add = (file: CheckedFiles['files'][number], bicepTrees?: BicepTrees): void => {
    if (added.has(file.path)) return;
    added.add(file.path);
    try {
      const bicep = isBicepFile(file.path);
      const result: Collected = bicep ? collectBicepFile(file, { rootOf, read: reader.read, workspace, trees: bicepTrees }) : collectFile(file, rootOf, reader);
      for (const s of result.secrets) found.add(s);
      const root = (): unknown => (bicep ? result.root : rootOf(file.path).root);
      if (sources.runTimeValues) for (const s of secretsInParameterValues(sources.runTimeValues, root())) external.add(s);
      if (result.unsure !== undefined) unsure.set(file.path, result.unsure);
    } catch {
      // A file too hostile to search (nesting beyond the stack): what it holds is unknown.
      unsure.set(file.path, 'an error while searching it');
    }
  };
  const finish = (report: CheckedFiles): ReportSecrets => {
    for (const file of report.files) add(file);
    const longestFirst = (list: Iterable<string>): string[] => [...list].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    const committed = [...found].filter((s) => !external.has(s));
    const externalList = [...external].filter((s) => s !== '');
    return {
      secrets: longestFirst(new Set([...found, ...externalList])),
      masks: longestFirst(new Set([...externalList.filter(maskExternal), ...committed.filter(maskCommitted)])),
      redacted: longestFirst(new Set([...externalList, ...committed.filter(redactCommitted)])),
      unsure,
    };
  };
  return { add, finish };
}

export function findReportSecrets(source: FileSource, report: CheckedFiles, sources: SecretSources = {}): ReportSecrets {
  return createSecretsSearch(source, sources).finish(report);
}

export interface ProtectedReport<R> {
  /** Every secret found (for fingerprints, which must never hash one). */
  secrets: string[];
  /** What the action registers with the runner. */
  masks: string[];
  /** Replaces what cua-guard would print of a secret with ***. */
  redact: (text: string) => string;
  /** The report with what unsure templates' findings say withheld, and secrets replaced by ***. */
  report: R;
}

/**
 * The secrets of a report and the report as it may be shown: what the findings of unsure
 * templates say is withheld, and any secret left in a message, a data value or a resolved name
 * replaced by *** (fails closed: a template whose secrets cannot be established shows no values).
 */
export function protectReport<R extends { files: readonly TemplateResult[] }>(
  files: FileSource,
  report: R,
  options: { sources?: SecretSources; search?: SecretsSearch } = {},
): ProtectedReport<R> {
  const search = options.search ?? createSecretsSearch(files, options.sources);
  const { secrets, masks, redacted, unsure } = search.finish(report);
  const redact = (text: string): string => redactText(text, redacted);
  return { secrets, masks, redact, report: redactReport(withholdUnsure(report, unsure), redact) };
}

/** Every text of the findings and tracking names that could carry a value, through `redact`. */
function redactReport<R extends { files: readonly TemplateResult[] }>(report: R, redact: (text: string) => string): R {
  let changed = false;
  const files = report.files.map((file): TemplateResult => {
    const findings = file.findings.map((finding) => {
      const message = redact(finding.message);
      const data = finding.data === undefined ? undefined : redactData(finding.data, redact);
      if (message === finding.message && data === finding.data) return finding;
      changed = true;
      return { ...finding, message, ...(data !== undefined ? { data } : {}) };
    });
    const tracking = file.tracking.map((entry) => {
      const resolvedName = redact(entry.resolvedName);
      if (resolvedName === entry.resolvedName) return entry;
      changed = true;
      return { ...entry, resolvedName };
    });
    return { ...file, findings, tracking };
  });
  return changed ? { ...report, files } : report;
}

function redactData<T extends Record<string, unknown>>(data: T, redact: (text: string) => string): T {
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const shown = typeof value === 'string' ? redact(value) : value;
    if (shown !== value) changed = true;
    out[key] = shown;
  }
  return changed ? (out as T) : data;
}

/** Every secret of a report. Prefer protectReport, which also withholds what cannot be masked. */
export function secretsOfReport(files: FileSource, report: CheckedFiles): string[] {
  return findReportSecrets(files, report).secrets;
}

/**
 * The report with every finding of an unsure template stripped of what could carry a value (its
 * message, data and repair) and tracking names shown as written, not resolved. Where the finding
 * is stays: rule, severity, file, line and column.
 */
export function withholdUnsure<R extends { files: readonly TemplateResult[] }>(report: R, unsure: ReadonlyMap<string, string>): R {
  if (unsure.size === 0) return report;
  const files = report.files.map((file): TemplateResult => {
    const reason = unsure.get(file.path);
    if (reason === undefined) return file;
    const message = `message withheld: cua-guard could not establish which values in this template are secret (${reason})`;
    return {
      ...file,
      findings: file.findings.map(({ data: _data, fix: _fix, ...finding }) => ({ ...finding, message })),
      // The resolved parts could carry a secret value too: nothing of them is known any more.
      tracking: file.tracking.map((tracking) => ({ ...tracking, resolvedName: tracking.nameExpression, nameParts: [{ unknown: true as const }] })),
    };
  });
  return { ...report, files };
}

function collectFile(file: CheckedFiles['files'][number], rootOf: (file: string) => FileRoot, reader: FileReader): { secrets: Set<string>; unsure?: string } {
  const found = new Set<string>();
  const reasons: string[] = [];
  const linkedSecure = new Set<string>();
  for (const linked of file.linkedFiles) {
    const read = rootOf(linked);
    if (read.unsure !== undefined) reasons.push(read.unsure);
    for (const name of secureParameterNames(read.root)) linkedSecure.add(name);
  }
  const main = rootOf(file.path);
  // A template the check could not read or parse either: its findings say only that (a parse error
  // names no string), nothing of its content.
  const findings = file.findings ?? [];
  const neverRead = findings.length > 0 && findings.every((f) => f.ruleId === 'CUA013' && f.messageId === 'syntax');
  if (main.unsure !== undefined && !neverRead) reasons.push(main.unsure);
  let values: Record<string, unknown> = {};
  if (file.parametersFile) {
    const read = reader.read(file.parametersFile);
    if (read.ok) {
      const parsed = parameterValuesOf(reader.parse(file.parametersFile, read.text), file.parametersFile);
      values = parsed.values;
      // Its values are secrets when the template declares them secure: unknown values then are unknown secrets.
      if (parsed.problem !== undefined && (secureParameterNames(main.root).size > 0 || MAY_HOLD_SECRET.test(read.text)))
        reasons.push(`'${file.parametersFile}' does not parse`);
      // Values of parameters the template declares secure, and `…SasToken` values.
      for (const s of secretsInParameterValues(values, main.root)) found.add(s);
      for (const s of sasQueries(read.text)) found.add(s);
    } else if (!(file.findings ?? []).some((f) => f.message.includes(read.message))) {
      // Unless the check could not read it either (then its values were never used).
      reasons.push(read.message);
    }
  }
  for (const s of findSecrets(main.root, values, linkedSecure)) found.add(s);
  for (const linked of file.linkedFiles) for (const s of findSecrets(rootOf(linked).root, {}, linkedSecure)) found.add(s);
  return reasons.length > 0 ? { secrets: found, unsure: reasons.join('; ') } : { secrets: found };
}

/** What the search found in one main template; `root`: the template it searched (a Bicep template's lowering). */
interface Collected {
  secrets: Set<string>;
  unsure?: string;
  root?: unknown;
}

interface BicepSearch {
  rootOf: (file: string) => FileRoot;
  read: (file: string) => ReadOutcome;
  workspace: Workspace;
  trees: BicepTrees | undefined;
}

/**
 * The secrets of a Bicep main template: those of its lowering (modules inline, the types of its
 * parameters as `definitions`), with the values of its parameters file (.bicepparam or JSON), and
 * of the JSON templates it links to. Lowered only when one of its files may hold a secret.
 */
function collectBicepFile(file: CheckedFiles['files'][number], { rootOf, read, workspace, trees }: BicepSearch): Collected {
  const found = new Set<string>();
  const reasons: string[] = [];
  const linkedSecure = new Set<string>();
  const linkedJson = file.linkedFiles.filter((linked) => !isBicepFile(linked));
  for (const linked of linkedJson) {
    const linkedRoot = rootOf(linked);
    if (linkedRoot.unsure !== undefined) reasons.push(linkedRoot.unsure);
    for (const name of secureParameterNames(linkedRoot.root)) linkedSecure.add(name);
  }
  for (const linked of linkedJson) for (const s of findSecrets(rootOf(linked).root, {}, linkedSecure)) found.add(s);
  const finish = (root?: unknown): Collected => ({
    secrets: found,
    ...(root !== undefined ? { root } : {}),
    ...(reasons.length > 0 ? { unsure: reasons.join('; ') } : {}),
  });
  const main = read(file.path);
  if (!main.ok) {
    reasons.push(main.message);
    return finish();
  }
  const parametersText = file.parametersFile === undefined ? undefined : read(file.parametersFile);
  const texts = [main.text, ...file.linkedFiles.filter(isBicepFile).map((linked) => textOf(read(linked))), parametersText?.ok ? parametersText.text : ''];
  if (!texts.some((text) => BICEP_MAY_HOLD_SECRET.test(text))) return finish();
  if (trees === undefined) {
    reasons.push('the Bicep grammar was not loaded for the secrets search');
    return finish();
  }
  const relativeParameters = file.parametersFile === undefined ? undefined : posix.relative(posix.dirname(file.path), file.parametersFile);
  const { lowered, parameters } = lowerBicepTemplate({
    workspace,
    file: file.path,
    text: main.text,
    trees,
    ...(relativeParameters !== undefined ? { parametersFile: relativeParameters } : {}),
  });
  const root = lowered.root;
  // Unknown values given to secure parameters are unknown secrets (as for JSON).
  if (parameters.problem !== undefined && secureParameterNames(root).size > 0) reasons.push(parameters.problem);
  for (const s of secretsInParameterValues(parameters.values, root)) found.add(s);
  if (parametersText?.ok) for (const s of sasQueries(parametersText.text)) found.add(s);
  for (const s of findSecrets(root, parameters.values, linkedSecure)) found.add(s);
  return finish(root);
}

function textOf(read: ReadOutcome): string {
  return read.ok ? read.text : '';
}

function readRoot(reader: FileReader, file: string, mayHold: Map<string, boolean>): FileRoot {
  const read = reader.read(file);
  // The reader's messages name the file and what is wrong with it, never its content.
  if (!read.ok) return { root: undefined, unsure: read.message, unreadable: true };
  let may = mayHold.get(file);
  if (may === undefined) mayHold.set(file, (may = MAY_HOLD_SECRET.test(read.text)));
  if (!may) return { root: undefined };
  const parsed = reader.parse(file, read.text);
  if (parsed.ok) return { root: parsed.value };
  // A broken file may still show parts of itself in a parse-error message: mask what parses.
  const unsure = `'${file}' does not parse`;
  try {
    return { root: parseLenient(parsed.text, [], { allowTrailingComma: true, disallowComments: false }), unsure };
  } catch {
    return { root: undefined, unsure };
  }
}
