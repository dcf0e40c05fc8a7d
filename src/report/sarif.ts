// SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif) and other SARIF viewers.
// One run; tool.driver lists every rule the caller hands (so ruleIndex is stable whatever was
// found), with help and precision from each rule's own metadata; each finding is a result with a
// location relative to %SRCROOT% (the repository root); suppressed findings carry a `suppressions`
// entry; `partialFingerprints` identify a result across runs without the line number or the
// resource's position in its array, so an edit elsewhere in the file (even a resource inserted
// before it) does not turn an alert into a new one. They hash typed fields (rule, node, message id,
// data), never the message text.
import { pathToFileURL } from 'node:url';
import { REPOSITORY_URL, RULE_DOCS_BASE, ruleDocsUrl, TOOL_NAME, TOOL_VERSION } from '../meta.ts';
import type { CheckReport, Finding, Severity } from '../engine/types.ts';
import type { RuleMeta } from '../engine/rule.ts';
import { parseTemplateText } from '../parse/parse-json.ts';
import { isRecord } from '../parse/template-source.ts';
import { absoluteAnchors, firstParagraphText, markdownToText } from './markdown-text.ts';
import type { ReportedRules } from './rule-metadata.ts';
import { onRealFile } from './archive-location.ts';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** The partialFingerprints key; bump the version if the hash input ever changes. */
export const FINGERPRINT_KEY = 'cuaGuardFindingHash/v3';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifOptions {
  /** Every rule the check ran, in registry order: tool.driver.rules and each result's ruleIndex. */
  rules: ReportedRules;
  /** Absolute path of the workspace, recorded as originalUriBaseIds[%SRCROOT%] when given. */
  workspaceRoot?: string;
  /**
   * The text of a workspace file, for fingerprints that name resources by type and name rather
   * than by array index; without it (or for a file it cannot give) the JSON pointer is used.
   */
  readFile?: (file: string) => string | undefined;
  /**
   * Values that must never reach a fingerprint's input (the secrets the action masks): each is
   * replaced by `***` in the finding's data before hashing, as a masked log would show it.
   */
  secrets?: readonly string[];
  /**
   * How the run ended: the exit code it ends with, and whether it completed (a named path that
   * could not be used, or a template whose check failed, leaves it incomplete). Recorded in the
   * invocation; without it, completion is judged from the findings alone.
   */
  outcome?: { exitCode: number; complete: boolean };
}

// Minimal typings of the parts of SARIF this module writes.
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: SarifDriver };
  automationDetails?: { id: string };
  originalUriBaseIds?: Record<string, { uri: string }>;
  columnKind: 'utf16CodeUnits';
  invocations: SarifInvocation[];
  results: SarifResult[];
}

interface SarifDriver {
  name: string;
  version: string;
  semanticVersion: string;
  informationUri: string;
  rules: SarifRule[];
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: 'very-high' | 'high' | 'medium'; 'problem.severity': 'error' | 'warning' | 'recommendation' };
}

interface SarifInvocation {
  executionSuccessful: boolean;
  exitCode?: number;
  toolExecutionNotifications?: { level: 'warning'; message: { text: string } }[];
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'inSource'; justification: string }[];
  /** The rule's message id: a stable name for what was found, whatever the wording. */
  properties: { messageId: string; internalError?: true };
}

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'notice' ? 'note' : severity;
}

export function formatSarif(report: CheckReport & { problems?: { message: string }[] }, options: SarifOptions): string {
  return `${JSON.stringify(buildSarif(report, options), null, 2)}\n`;
}

/**
 * The fingerprint of each finding in turn (call it in report order): what identifies it across
 * runs. Identical findings (same rule, node, message id and data) are told apart by their order,
 * as GitHub does for its own line hashes. GitLab's Code Quality report uses the same ones.
 */
export function findingFingerprinter(options: Pick<SarifOptions, 'readFile' | 'secrets'>): (finding: Finding) => string {
  const identify = findingIdentity(stablePointers(options.readFile), options.secrets ?? []);
  const seen = new Map<string, number>();
  return (finding) => {
    const base = findingHash(identify(finding));
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return `${base}:${occurrence}`;
  };
}

export function buildSarif(report: CheckReport & { problems?: { message: string }[] }, options: SarifOptions): SarifLog {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.meta.id, index]));
  const fingerprint = findingFingerprinter(options);
  const results: SarifResult[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const index = ruleIndex.get(finding.ruleId);
      if (index === undefined) continue; // every finding comes from a rule the caller handed; guard anyway
      results.push(toResult(finding, index, fingerprint(finding)));
    }
  }
  const problems = report.problems ?? [];
  const run: SarifRun = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version: TOOL_VERSION,
        semanticVersion: TOOL_VERSION,
        informationUri: REPOSITORY_URL,
        rules: options.rules.map(({ meta }) => toRule(meta)),
      },
    },
    ...(options.workspaceRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.workspaceRoot) } } } : {}),
    columnKind: 'utf16CodeUnits',
    invocations: [
      {
        executionSuccessful: (options.outcome?.complete ?? true) && !report.files.some((f) => f.findings.some((x) => x.internalError)),
        ...(options.outcome ? { exitCode: options.outcome.exitCode } : {}),
        ...(problems.length > 0 ? { toolExecutionNotifications: problems.map((p) => ({ level: 'warning' as const, message: { text: p.message } })) } : {}),
      },
    ],
    results,
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/** Everything here comes from the rule's own metadata; README anchors in its help are made absolute. */
function toRule(meta: RuleMeta): SarifRule {
  const docsUrl = ruleDocsUrl(meta);
  const level = sarifLevel(meta.defaultSeverity);
  const help = absoluteAnchors(meta.help, RULE_DOCS_BASE);
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: meta.description },
    fullDescription: { text: firstParagraphText(help) },
    help: {
      text: `${markdownToText(help)}\n\nDocumentation: ${docsUrl}`,
      markdown: `${help}\n\n[Documentation](${docsUrl})`,
    },
    helpUri: docsUrl,
    defaultConfiguration: { level },
    properties: {
      tags: ['azure', 'arm-template', 'customer-usage-attribution'],
      precision: meta.precision,
      'problem.severity': level === 'note' ? 'recommendation' : level,
    },
  };
}

function toResult(found: Finding, ruleIndex: number, fingerprint: string): SarifResult {
  const finding = onRealFile(found);
  const region: SarifResult['locations'][number]['physicalLocation']['region'] = { startLine: finding.line, startColumn: finding.column };
  if (finding.endLine !== undefined && finding.endColumn !== undefined && isAfterStart(finding)) {
    region.endLine = finding.endLine;
    region.endColumn = finding.endColumn;
  }
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(finding.file), uriBaseId: SRCROOT }, region } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(finding.suppressed ? { suppressions: [{ kind: 'inSource' as const, justification: finding.suppressed.reason }] } : {}),
    properties: { messageId: finding.messageId, ...(finding.internalError ? { internalError: true as const } : {}) },
  };
}

function isAfterStart(finding: Finding): boolean {
  const endLine = finding.endLine ?? finding.line;
  const endColumn = finding.endColumn ?? finding.column;
  return endLine > finding.line || (endLine === finding.line && endColumn >= finding.column);
}

type StablePointer = (file: string, pointer: string | undefined) => string | undefined;

/**
 * JSON pointers with each resource's array index replaced by what names it: its type and its
 * name as written (`/resources/Microsoft.Web/sites:[parameters('site')]/properties/x`). Symbolic
 * names (languageVersion 2.0) already name it. Falls back to the pointer as it is when the file
 * cannot be read or the pointer does not lead through resources. Each file is parsed once.
 */
function stablePointers(readFile: SarifOptions['readFile']): StablePointer {
  const documents = new Map<string, unknown>();
  return (file, pointer) => {
    if (!readFile || pointer === undefined || !/\/resources\/\d/.test(pointer)) return pointer;
    if (!documents.has(file)) {
      const text = readFile(file);
      const parsed = text === undefined ? undefined : parseTemplateText(text);
      documents.set(file, parsed?.ok ? parsed.value : undefined);
    }
    const document = documents.get(file);
    return document === undefined ? pointer : resourcePointer(document, pointer);
  };
}

export function resourcePointer(document: unknown, pointer: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = document;
  let previous: string | undefined;
  const out: string[] = [];
  for (const segment of segments) {
    const container = node;
    // Past the end of the document (a "missing x" finding), the rest of the pointer is kept as it is.
    node = Array.isArray(container) ? container[Number(segment)] : isRecord(container) ? container[segment] : undefined;
    const named = previous === 'resources' && Array.isArray(container) && isRecord(node) ? resourceLabel(node) : undefined;
    out.push(named ?? segment.replace(/~/g, '~0').replace(/\//g, '~1'));
    previous = segment;
  }
  return `/${out.join('/')}`;
}

/** `{type}:{name}`, both as written (types compare case-insensitively in ARM); braces mark it as a label. */
function resourceLabel(resource: Record<string, unknown>): string | undefined {
  const type = resource['type'];
  const name = resource['name'];
  if (typeof type !== 'string' || name === undefined) return undefined;
  return `{${type.toLowerCase()}:${typeof name === 'string' ? name : JSON.stringify(name)}}`.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** What a fingerprint hashes: never the message prose, never a position. */
export interface FingerprintInput {
  ruleId: string;
  file: string;
  /** The node's pointer with resources named by type and name rather than array index. */
  jsonPointer: string;
  messageId: string;
  /** The message data as `key=value` lines, sorted by key: positions dropped, secrets masked. */
  data: string;
}

/**
 * Data keys that say where something is, not what it is: a line or column in the message moves
 * whenever an unrelated line does, so it is no part of a finding's identity (the location is
 * reported on its own).
 */
const POSITION_KEYS: ReadonlySet<string> = new Set(['line', 'column', 'endLine', 'endColumn', 'offset', 'character']);

/**
 * A finding's identity from typed fields only. Data values that are JSON pointers into resources
 * ("first declared at /resources/0") name the resource the same way the finding's own pointer does.
 *
 * Secrets: a rule may name a value from the template or its parameters file in its data, and that
 * value can be a secure parameter or a SAS token. The fingerprint hashes the data as a masked log
 * would show it (each known secret replaced by `***`) rather than dropping the keys it touches:
 * the finding keeps its identity from the non-secret parts, no digest of a secret is ever
 * published (a short secret would fall to a dictionary attack on the hash), and rotating the
 * secret does not turn the alert into a new one.
 */
function findingIdentity(stablePointer: StablePointer, secrets: readonly string[]): (finding: Finding) => FingerprintInput {
  const mask = (value: string): string => secrets.reduce((text, secret) => (secret === '' ? text : text.split(secret).join('***')), value);
  return (finding) => ({
    ruleId: finding.ruleId,
    file: finding.file,
    jsonPointer: stablePointer(finding.file, finding.jsonPointer) ?? '',
    messageId: finding.messageId,
    data: Object.entries(finding.data ?? {})
      .filter(([key]) => !POSITION_KEYS.has(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(
        ([key, value]) =>
          `${key}=${mask(typeof value === 'string' && value.startsWith('/resources/') ? (stablePointer(finding.file, value) ?? value) : String(value))}`,
      )
      .join('\n'),
  });
}

/** What identifies a finding across runs. Line numbers are deliberately not part of it. */
export function findingHash(input: FingerprintInput): string {
  const text = [input.ruleId, input.file, input.jsonPointer, input.messageId, input.data].join('\u0000');
  // node:crypto only when SARIF is asked for: the static check does not load it.
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A workspace-relative path as a relative URI reference (spaces and other characters escaped). */
export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(path: string): string {
  const url = pathToFileURL(path).href;
  return url.endsWith('/') ? url : `${url}/`;
}
