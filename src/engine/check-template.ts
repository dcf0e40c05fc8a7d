// Checks one main template: build the model once, run every rule over it, then turn the
// nodes the rules pointed at into lines and columns (only for files that have findings).
import { RULES } from '../rules/index.ts';
import { templateShapeProblem } from '../rules/cua013-invalid-template.ts';
import type { RuleReport, TrackingCandidate } from '../rules/rule.ts';
import { buildTemplateModel, isDeploymentType, type ModelOptions, type TemplateModel } from '../model/template-model.ts';
import { analyzeTrackingName, looksLikeTrackingName } from '../model/tracking-name.ts';
import { knownPrefix } from '../expressions/value.ts';
import { createTemplateSource, isRecord, type TemplateSource } from '../parse/template-source.ts';
import { parseTemplateText, type ParseFailure } from '../parse/parse-json.ts';
import { locateNodes, type SkipCache } from '../parse/locate.ts';
import { suppressionFor, suppressionMistakes } from '../model/suppression.ts';
import { LineIndex, type Position } from '../parse/text-position.ts';
import { toJsonPointer } from '../parse/json-pointer.ts';
import { previewValue } from '../model/preview.ts';
import type { CheckSettings } from './check-settings.ts';
import type { Finding, Severity, TemplateResult, TrackingResourceSummary } from './types.ts';
import type { NodeRef } from '../parse/types.ts';

export interface TemplateInput {
  /** Workspace-relative path. */
  file: string;
  text: string;
  parameterValues?: Record<string, unknown>;
  readLinked?: ModelOptions['readLinked'];
}

interface PendingFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  at: NodeRef;
  suppressed?: { reason: string };
}

export function checkTemplateText(input: TemplateInput, settings: CheckSettings): TemplateResult {
  const parsed = parseTemplateText(input.text);
  if (!parsed.ok) return invalidTemplateResult(input.file, parsed.text, parsed.error, settings);
  const shape = templateShapeProblem(parsed.value);
  if (shape) {
    const finding = pendingInvalid(shape.message, { file: input.file, path: shape.path, at: 'value' }, settings);
    return finish(input.file, undefined, [finding], [], [createTemplateSource(input.file, parsed.text, {})], []);
  }
  const source = createTemplateSource(input.file, parsed.text, parsed.value as Record<string, unknown>);
  const model = buildTemplateModel(source, {
    ...(input.parameterValues ? { parameterValues: input.parameterValues } : {}),
    ...(input.readLinked && settings.followLinks ? { readLinked: input.readLinked } : {}),
  });
  return checkModel(model, settings);
}

export function checkModel(model: TemplateModel, settings: CheckSettings): TemplateResult {
  const candidates = findTrackingResources(model, settings);
  recordTrackingValues(model, candidates);
  const pending: PendingFinding[] = [];
  for (const rule of RULES) {
    const configured = settings.severities[rule.id];
    if (configured === 'off') continue;
    const report = (r: RuleReport): void => {
      // A value ARM rejects is CUA016's, where the mistake is written; what another rule would
      // conclude from it ("depends on …", "cannot be resolved") is not true of the template.
      if (rule.id !== CUA016 && model.expressionErrors.isBroken(r.at)) return;
      const suppressed = r.resource ? suppressionFor(r.resource.resource, rule.id) : undefined;
      pending.push({
        ruleId: rule.id,
        severity: configured ?? r.severity ?? rule.defaultSeverity,
        message: r.message,
        at: r.at,
        ...(suppressed ? { suppressed } : {}),
      });
    };
    rule.check({ model, candidates, settings, report });
  }
  pending.push(...suppressionWarnings(model, settings));
  const linkedFiles = model.linkedSources.map((s) => s.file);
  const result = finish(model.main.file, model.scope, pending, candidates, [model.main, ...model.linkedSources], linkedFiles);
  return { ...result, linkTargets: model.linkTargets };
}

const CUA016 = 'CUA016';
const RULE_IDS = RULES.map((rule) => rule.id);

/**
 * Suppression blocks that cannot work as written are CUA013 warnings at the mistake (like a
 * parameters file that cannot be used): silently suppressing nothing would leave the author
 * believing the finding is handled. CUA013=off silences them.
 */
function suppressionWarnings(model: TemplateModel, settings: CheckSettings): PendingFinding[] {
  if (model.suppressionBlocks.length === 0 || settings.severities['CUA013'] === 'off') return [];
  return model.suppressionBlocks.flatMap((block) => suppressionMistakes(block, RULE_IDS).map((m): PendingFinding => ({ ruleId: 'CUA013', severity: 'warning', message: m.message, at: m.at })));
}
/** Properties of a tracking resource that rules evaluate (CUA011, CUA012, CUA002). */
const TRACKING_VALUES: readonly (readonly string[])[] = [['condition'], ['location'], ['copy', 'count']];

/** Static expression errors in the values rules evaluate for tracking resources (CUA016). */
function recordTrackingValues(model: TemplateModel, candidates: readonly TrackingCandidate[]): void {
  for (const { entry } of candidates) {
    for (const keys of TRACKING_VALUES) {
      let raw: unknown = entry.resource;
      for (const key of keys) raw = isRecord(raw) ? raw[key] : undefined;
      if (raw === undefined) continue;
      const at: NodeRef = { file: entry.source.file, path: [...entry.path, ...keys], at: 'value' };
      model.expressionErrors.record({ raw, at, label: keys.join('.'), site: entry.definitions, resource: entry });
    }
  }
}

/** Every resource named `pid-…` (after resolving its name), any type, any depth. */
export function findTrackingResources(model: TemplateModel, settings: Pick<CheckSettings, 'strictNames'>): TrackingCandidate[] {
  const candidates: TrackingCandidate[] = [];
  for (const entry of model.resources) {
    if (!looksLikeTrackingName(entry.name)) continue;
    candidates.push({
      entry,
      name: analyzeTrackingName(entry.name, settings.strictNames),
      isDeployment: isDeploymentType(entry.type),
      attributable: knownPrefix(entry.name).slice(0, 4).toLowerCase() === 'pid-',
    });
  }
  return candidates;
}

export function invalidTemplateResult(file: string, text: string, failure: ParseFailure, settings: CheckSettings): TemplateResult {
  const position = new LineIndex(text).positionAt(failure.offset);
  const finding = pendingInvalid(`not a valid JSON template: ${failure.message} (line ${position.line}, column ${position.column})`, { file, path: [], at: 'value' }, settings);
  return finish(file, undefined, [finding], [], [createTemplateSource(file, text, {})], [], { [file]: failure.offset });
}

function pendingInvalid(message: string, at: NodeRef, settings: CheckSettings): PendingFinding {
  const configured = settings.severities['CUA013'];
  // A file that cannot be read can never pass: 'off' still reports it as an error.
  const severity: Severity = configured === undefined || configured === 'off' ? 'error' : configured;
  return { ruleId: 'CUA013', severity, message, at };
}

function finish(
  file: string,
  scope: TemplateResult['scope'],
  pending: PendingFinding[],
  candidates: TrackingCandidate[],
  sources: TemplateSource[],
  linkedFiles: string[],
  fixedOffsets: Record<string, number> = {},
): TemplateResult {
  // One locate pass per file for everything that needs a position: findings and tracking names.
  const nameRefs = candidates.map((c): NodeRef => ({ file: c.entry.source.file, path: [...c.entry.path, 'name'], at: 'value' }));
  const positions = locateAll([...pending.map((p) => p.at), ...nameRefs], sources, fixedOffsets);
  const findings = pending.map((p, i) => toFinding(p, positions[i] ?? NOWHERE));
  findings.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) : a.file.localeCompare(b.file)));
  const tracking = candidates.map((c, i) => summarizeTracking(c, positions[pending.length + i] ?? NOWHERE));
  const failed = findings.some((f) => f.severity === 'error' && !f.suppressed);
  return { path: file, verdict: failed ? 'fail' : 'pass', ...(scope ? { scope } : {}), findings, tracking, linkedFiles };
}

interface Located {
  start: Position;
  end: Position;
}

const NOWHERE: Located = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** Line and column of each reference, grouped so that each file is scanned once. */
function locateAll(refs: NodeRef[], sources: TemplateSource[], fixedOffsets: Record<string, number>): Located[] {
  const byFile = new Map<string, number[]>();
  refs.forEach((ref, i) => {
    const indexes = byFile.get(ref.file);
    if (indexes) indexes.push(i);
    else byFile.set(ref.file, [i]);
  });
  const located: Located[] = [];
  for (const [file, indexes] of byFile) {
    const source = sources.find((s) => s.file === file);
    const lines = source?.lines ?? new LineIndex('');
    const fixed = fixedOffsets[file];
    const spans = fixed === undefined ? locateWithFallback(source?.text ?? '', indexes.map((i) => refs[i] as NodeRef)) : indexes.map(() => ({ offset: fixed, length: 0 }));
    indexes.forEach((refIndex, k) => {
      const span = spans[k] ?? { offset: 0, length: 0 };
      located[refIndex] = { start: lines.positionAt(span.offset), end: lines.positionAt(span.offset + span.length) };
    });
  }
  return located;
}

function toFinding(p: PendingFinding, at: Located): Finding {
  return {
    ruleId: p.ruleId,
    severity: p.severity,
    message: p.message,
    file: p.at.file,
    line: at.start.line,
    column: at.start.column,
    endLine: at.end.line,
    endColumn: at.end.column,
    jsonPointer: toJsonPointer(p.at.path),
    ...(p.suppressed ? { suppressed: p.suppressed } : {}),
  };
}

/** Locates each node; a node that is not there falls back to its nearest ancestor. */
function locateWithFallback(text: string, refs: NodeRef[]): ({ offset: number; length: number } | undefined)[] {
  const skips: SkipCache = new Map();
  const spans = locateNodes(text, refs.map((r) => ({ path: r.path, at: r.at ?? 'value' })), skips);
  const missing = refs.map((r, i) => (spans[i] ? undefined : r)).filter((r): r is NodeRef => r !== undefined);
  if (missing.length === 0) return spans;
  return refs.map((ref, i) => {
    const found = spans[i];
    if (found) return found;
    for (let depth = ref.path.length - 1; depth >= 0; depth--) {
      const [span] = locateNodes(text, [{ path: ref.path.slice(0, depth), at: 'value' }], skips);
      if (span) return span;
    }
    return undefined;
  });
}

function summarizeTracking(c: TrackingCandidate, at: Located): TrackingResourceSummary {
  const raw = c.entry.resource['name'];
  return {
    nameExpression: typeof raw === 'string' ? raw : previewValue(raw),
    resolvedName: c.name.display,
    ...(c.name.trackingId ? { trackingId: c.name.trackingId } : {}),
    type: c.entry.type,
    file: c.entry.source.file,
    line: at.start.line,
    column: at.start.column,
    jsonPointer: toJsonPointer(c.entry.path),
    placement: c.entry.placement,
  };
}
