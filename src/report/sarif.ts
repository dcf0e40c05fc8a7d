// SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif) and other SARIF viewers.
// One run; tool.driver lists every rule (so ruleIndex is stable whatever was found); each finding
// is a result with a location relative to %SRCROOT% (the repository root); suppressed findings
// carry a `suppressions` entry; `partialFingerprints` identify a result across runs without the
// line number or the resource's position in its array, so an edit elsewhere in the file (even a
// resource inserted before it) does not turn an alert into a new one.
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl } from '../meta.ts';
import type { CheckReport, Finding, Severity } from '../engine/types.ts';
import { parseTemplateText } from '../parse/parse-json.ts';
import { RULES } from '../rules/index.ts';
import type { Rule } from '../engine/rule.ts';
import { REPOSITORY_URL, TOOL_NAME, TOOL_VERSION } from '../meta.ts';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** The partialFingerprints key; bump the version if the hash input ever changes. */
export const FINGERPRINT_KEY = 'cuaGuardFindingHash/v2';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifOptions {
  /** Absolute path of the workspace, recorded as originalUriBaseIds[%SRCROOT%] when given. */
  workspaceRoot?: string;
  /**
   * The text of a workspace file, for fingerprints that name resources by type and name rather
   * than by array index; without it (or for a file it cannot give) the JSON pointer is used.
   */
  readFile?: (file: string) => string | undefined;
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
}

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'notice' ? 'note' : severity;
}

export function formatSarif(report: CheckReport & { problems?: { message: string }[] }, options: SarifOptions = {}): string {
  return `${JSON.stringify(buildSarif(report, options), null, 2)}\n`;
}

export function buildSarif(report: CheckReport & { problems?: { message: string }[] }, options: SarifOptions = {}): SarifLog {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.id, index]));
  const seen = new Map<string, number>();
  const results: SarifResult[] = [];
  const stablePointer = stablePointers(options.readFile);
  for (const file of report.files) {
    for (const finding of file.findings) {
      const index = ruleIndex.get(finding.ruleId);
      if (index === undefined) continue; // every engine finding has a known rule; guard anyway
      results.push(toResult(finding, index, seen, stablePointer));
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
        rules: RULES.map(toRule),
      },
    },
    ...(options.workspaceRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.workspaceRoot) } } } : {}),
    columnKind: 'utf16CodeUnits',
    invocations: [
      {
        executionSuccessful: true,
        ...(problems.length > 0 ? { toolExecutionNotifications: problems.map((p) => ({ level: 'warning' as const, message: { text: p.message } })) } : {}),
      },
    ],
    results,
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

function toRule({ meta: rule }: Rule): SarifRule {
  const docsUrl = ruleDocsUrl(rule);
  const level = sarifLevel(rule.defaultSeverity);
  const how = RULE_HELP[rule.id] ?? '';
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}. ${how}`.trim() },
    help: {
      text: `${rule.id} ${rule.name}: ${rule.description}.\n\n${how}\n\nDocumentation: ${docsUrl}`,
      markdown: `**${rule.id} ${rule.name}**: ${rule.description}.\n\n${how}\n\n[Documentation](${docsUrl})`,
    },
    helpUri: docsUrl,
    defaultConfiguration: { level },
    properties: {
      tags: ['azure', 'arm-template', 'customer-usage-attribution'],
      precision: rule.precision,
      'problem.severity': level === 'note' ? 'recommendation' : level,
    },
  };
}

function toResult(finding: Finding, ruleIndex: number, seen: Map<string, number>, stablePointer: StablePointer): SarifResult {
  const region: SarifResult['locations'][number]['physicalLocation']['region'] = { startLine: finding.line, startColumn: finding.column };
  if (finding.endLine !== undefined && finding.endColumn !== undefined && isAfterStart(finding)) {
    region.endLine = finding.endLine;
    region.endColumn = finding.endColumn;
  }
  const base = findingHash({ ...finding, jsonPointer: stablePointer(finding.file, finding.jsonPointer) });
  const occurrence = (seen.get(base) ?? 0) + 1;
  seen.set(base, occurrence);
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(finding.file), uriBaseId: SRCROOT }, region } }],
    // Identical findings (same rule, node and message) are told apart by their order, as
    // GitHub does for its own line hashes.
    partialFingerprints: { [FINGERPRINT_KEY]: `${base}:${occurrence}` },
    ...(finding.suppressed ? { suppressions: [{ kind: 'inSource' as const, justification: finding.suppressed.reason }] } : {}),
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
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = document;
  let previous: string | undefined;
  const out: string[] = [];
  for (const segment of segments) {
    const container = node;
    // Past the end of the document (a "missing x" finding), the rest of the pointer is kept as it is.
    node = Array.isArray(container) ? container[Number(segment)] : isObject(container) ? container[segment] : undefined;
    const named = previous === 'resources' && Array.isArray(container) && isObject(node) ? resourceLabel(node) : undefined;
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What identifies a finding across runs: rule, file, the resource-based pointer of the node and
 * the message with positions and counts taken out. Line numbers are deliberately not part of it.
 */
export function findingHash(finding: Pick<Finding, 'ruleId' | 'file' | 'jsonPointer' | 'message'>): string {
  const input = [finding.ruleId, finding.file, finding.jsonPointer ?? '', normalizeMessage(finding.message)].join('\u0000');
  // node:crypto only when SARIF is asked for: the static check does not load it.
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(input).digest('hex').slice(0, 32);
}

/** Drops what changes when unrelated lines move: positions ("line 4, column 1", "character 12", "a.json:4:2"). */
export function normalizeMessage(message: string): string {
  return message
    .replace(/\(line \d+, column \d+\)/gi, '')
    // "first at /resources/0": an index that moves when a resource is inserted before it.
    .replace(/\/resources\/\d+/g, '/resources/#')
    .replace(/\b(line|column|character|offset) \d+/gi, '$1')
    .replace(/:\d+:\d+\b/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A workspace-relative path as a relative URI reference (spaces and other characters escaped). */
export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(path: string): string {
  const url = pathToFileURL(path).href;
  return url.endsWith('/') ? url : `${url}/`;
}

/** How to fix each rule, for SARIF viewers that show help next to the alert. */
const RULE_HELP: Record<string, string> = {
  CUA001:
    "Add a Microsoft.Resources/deployments resource named 'pid-<your GUID>' with mode Incremental and an empty inline template to the main template's top-level resources (`cua-guard fix --tracking-id <GUID>` inserts it).",
  CUA002: 'Keep exactly one tracking deployment per main template (or raise max-tracking-resources for landing zones with several offers), outside any copy loop.',
  CUA003: "Name it 'pid-' followed by the GUID from Partner Center (8-4-4-4-12 hex digits, no braces), or 'pid-<id>-partnercenter'; a suffix after the GUID must start with '-'.",
  CUA004: "Move the tracking deployment out of the nested template or child resources into the main template's top-level resources.",
  CUA005: "Move the tracking deployment from the linked template into the main template's top-level resources.",
  CUA006: "Give the pid- resource the type Microsoft.Resources/deployments, or rename it if it is not meant to be the tracking resource.",
  CUA007: "Set properties.mode to 'Incremental'; 'Complete' would delete every other resource in the resource group.",
  CUA008: 'Use an inline template with no resources: {"$schema": "…/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": []}.',
  CUA009: 'Use one of the tracking ids registered for your offer in Partner Center (input tracking-ids / --tracking-id).',
  CUA010: 'Give the tracking id a literal value (or a variable or parameter default) so it can be checked before deployment.',
  CUA011: 'An opt-out condition is legitimate; make sure tracking is on with the default parameter values, and never use a literal false.',
  CUA012: 'Add "location": "[deployment().location]" to the tracking deployment.',
  CUA013: 'Fix the JSON syntax error at the position given, or exclude the file if it is not a deployment template.',
  CUA014: 'Set apiVersion to a date-form version such as "2021-04-01".',
  CUA015: "Make the name unique per location, e.g. \"[format('pid-<GUID>-{0}', uniqueString(deployment().location))]\".",
  CUA016: 'Fix the ARM expression so that it parses and calls only known functions.',
  CUA017: 'Keep linked templates in the repository and link them with relativePath so they can be checked, or verify the remote template yourself.',
};
