// Checks one main template with the rules it is handed: build the model once, run each rule
// over it (a rule that throws costs only its own findings), then turn the nodes the rules pointed
// at into lines and columns (only for files that have findings). It knows no rule by id.
import { buildTemplateModel, type ModelOptions, type TemplateModel } from '../model/template-model.ts';
import { findTrackingResources, type TrackingCandidate } from '../model/tracking-candidates.ts';
import { templateShapeProblem } from '../model/template-shape.ts';
import { suppressionFor } from '../model/suppression.ts';
import { previewValue } from '../model/preview.ts';
import { writtenExpression } from '../model/written-as.ts';
import { createTemplateSource, type TemplateSource } from '../parse/template-source.ts';
import { parseTemplateText, type ParseOutcome } from '../parse/parse-json.ts';
import { locateNodes, type SkipCache } from '../parse/locate.ts';
import { LineIndex, type Position } from '../parse/text-position.ts';
import { toJsonPointer } from '../parse/json-pointer.ts';
import type { NodeRef } from '../parse/types.ts';
import type { CheckSettings } from './check-settings.ts';
import { isTerraformRule, renderMessage, type AnyRule, type Fix, type MessageData, type Rule, type RuleReport, type UnreadableProblem } from './rule.ts';
import type { Finding, NamePart, Severity, TemplateResult, TrackingResourceSummary } from './types.ts';
import { PartialString, type ArmValue } from '../expressions/value.ts';

export interface TemplateInput {
  /** Workspace-relative path. */
  file: string;
  text: string;
  parameterValues?: Record<string, unknown>;
  readLinked?: ModelOptions['readLinked'];
  /** A parameters file that could not be used (the defaults were used instead). */
  parametersProblem?: { file: string; problem: string };
  /** Link roots and the repository's files (see ModelOptions.links). */
  links?: ModelOptions['links'];
  /** The template is a Marketplace package's mainTemplate.json. */
  marketplacePackage?: boolean;
  /** `text` already parsed (by the run's file cache): it is not parsed again. */
  parsed?: ParseOutcome;
  /** The file's one TemplateSource, when the run made it already (shared with the link reader). */
  source?: TemplateSource;
}

/** A template ready for the rules: its model, or why it is not a template the model can hold. */
export type PreparedTemplate =
  | { kind: 'model'; model: TemplateModel; parametersProblem?: TemplateInput['parametersProblem'] }
  | { kind: 'unreadable'; file: string; text: string; problem: UnreadableProblem };

/** What a check runs: the rules (in order) and the settings for this template. */
export interface CheckPlan {
  /** Rules of another source kind (Terraform) are not run over templates. */
  rules: readonly AnyRule[];
  settings: CheckSettings;
}

interface PendingFinding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  data?: MessageData;
  message: string;
  at: NodeRef;
  suppressed?: { reason: string };
  fix?: Fix;
  notFixable?: string;
  internalError?: true;
}

export function checkTemplateText(input: TemplateInput, plan: CheckPlan): TemplateResult {
  return checkPrepared(prepareTemplate(input, plan.settings), plan);
}

/** Parses (unless done) and builds the model, links followed as the settings say; the rules run later. */
export function prepareTemplate(input: TemplateInput, settings: CheckSettings): PreparedTemplate {
  const parsed = input.parsed ?? parseTemplateText(input.text);
  if (!parsed.ok)
    return { kind: 'unreadable', file: input.file, text: parsed.text, problem: { kind: 'syntax', message: parsed.error.message, offset: parsed.error.offset } };
  const shape = templateShapeProblem(parsed.value);
  if (shape) return { kind: 'unreadable', file: input.file, text: parsed.text, problem: { kind: 'shape', shape } };
  const source = input.source ?? createTemplateSource(input.file, parsed.text, parsed.value as Record<string, unknown>);
  const model = buildTemplateModel(source, {
    ...(input.parameterValues ? { parameterValues: input.parameterValues } : {}),
    ...(input.readLinked && settings.followLinks ? { readLinked: input.readLinked } : {}),
    ...(input.links ? { links: input.links } : {}),
    ...(input.marketplacePackage ? { marketplacePackage: true } : {}),
  });
  return { kind: 'model', model, ...(input.parametersProblem ? { parametersProblem: input.parametersProblem } : {}) };
}

export function checkPrepared(prepared: PreparedTemplate, plan: CheckPlan): TemplateResult {
  if (prepared.kind === 'unreadable') return checkUnreadableTemplate(prepared.file, prepared.text, prepared.problem, plan);
  return checkModel(prepared.model, plan, prepared.parametersProblem);
}

export function checkModel(model: TemplateModel, plan: CheckPlan, parametersProblem?: TemplateInput['parametersProblem']): TemplateResult {
  const { settings, rules } = plan;
  const candidates = findTrackingResources(model, settings.strictNames);
  const ruleIds = rules.map((rule) => rule.meta.id);
  const pending: PendingFinding[] = [];
  for (const rule of rules) {
    if (isTerraformRule(rule)) continue;
    const severity = severityFor(rule, settings);
    if (severity === undefined) continue;
    const report = (r: RuleReport): void => {
      // A value ARM rejects is reported where it is written (CUA016); what another rule would
      // conclude from it ("depends on …", "cannot be resolved") is not true of the template.
      if (!rule.meta.reportsInvalidExpressions && model.expressionErrors.isBroken(r.at)) return;
      const suppressed = r.resource ? suppressionFor(r.resource.resource, rule.meta.id) : undefined;
      pending.push({
        ...pendingFrom(rule, r, settings.severities[rule.meta.id] === undefined ? (r.severity ?? severity) : severity),
        ...(suppressed ? { suppressed } : {}),
      });
    };
    runIsolated(rule, model.main.file, pending, () =>
      rule.check({ model, candidates, settings, ruleIds, report, ...(parametersProblem ? { parametersProblem } : {}) }),
    );
  }
  // A Bicep template's module files are read with it (their templates are inline in its model).
  const moduleFiles = model.main.origin ? [...model.main.origin.texts.keys()].filter((f) => f !== model.main.file) : [];
  const linkedFiles = [...moduleFiles, ...model.linkedSources.map((s) => s.file)];
  const result = finish({ file: model.main.file, scope: model.scope, pending, candidates, sources: [model.main, ...model.linkedSources], linkedFiles });
  const links = model.links.map(({ file, via }) => ({ file, via }));
  return {
    ...result,
    linkTargets: moduleFiles.length > 0 ? [...moduleFiles, ...model.linkTargets] : model.linkTargets,
    ...(links.length > 0 ? { links } : {}),
    ...(model.kind !== 'solution' ? { kind: model.kind } : {}),
    ...(model.marketplacePackage ? { marketplacePackage: true } : {}),
  };
}

/**
 * A main template that is not a template at all (unreadable bytes, JSON syntax, another kind of
 * file): only rules that speak about such files run, and their findings are errors even when the
 * rule is configured off, because a file that cannot be checked can never pass.
 */
export function checkUnreadableTemplate(file: string, text: string, problem: UnreadableProblem, plan: CheckPlan): TemplateResult {
  const pending: PendingFinding[] = [];
  const position = 'offset' in problem ? new LineIndex(text).positionAt(problem.offset) : { line: 1, column: 1 };
  for (const rule of plan.rules) {
    if (isTerraformRule(rule)) continue;
    const check = rule.checkUnreadable;
    if (check === undefined) continue;
    const severity = severityFor(rule, plan.settings) ?? 'error';
    const report = (r: Omit<RuleReport, 'resource' | 'fix' | 'notFixable'>): void => void pending.push(pendingFrom(rule, r, severity));
    runIsolated(rule, file, pending, () => check.call(rule, { file, problem, position, settings: plan.settings, report }));
  }
  return finish({ file, scope: undefined, pending, candidates: [], sources: [createTemplateSource(file, text, {})], linkedFiles: [] });
}

/** The severity a rule's findings get here, or undefined when it is off. */
function severityFor(rule: Rule, settings: CheckSettings): Severity | undefined {
  const configured = settings.severities[rule.meta.id];
  if (configured === 'off') return undefined;
  return configured ?? rule.meta.defaultSeverity;
}

function pendingFrom(rule: Rule, r: Omit<RuleReport, 'resource'>, severity: Severity): PendingFinding {
  const template = rule.meta.messages[r.messageId];
  const message = template === undefined ? `${r.messageId} (message missing from rule ${rule.meta.id})` : renderMessage(template, r.data, rule.meta.renderData);
  return {
    ruleId: rule.meta.id,
    severity,
    messageId: r.messageId,
    ...(r.data ? { data: r.data } : {}),
    message,
    at: r.at,
    ...(r.fix ? { fix: r.fix } : {}),
    ...(r.notFixable !== undefined ? { notFixable: r.notFixable } : {}),
  };
}

/** Runs one rule; if it throws, its findings so far stand and one internal-error finding names it. */
function runIsolated(rule: Rule, file: string, pending: PendingFinding[], run: () => void): void {
  const before = pending.length;
  try {
    run();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    pending.splice(before);
    pending.push({
      ruleId: rule.meta.id,
      severity: 'error',
      messageId: 'internal-error',
      data: { error: detail },
      message: `cua-guard's rule ${rule.meta.id} (${rule.meta.name}) failed on this template (internal error: ${detail}); its findings are missing, please report it`,
      at: { file, path: [], at: 'value' },
      internalError: true,
    });
  }
}

interface FinishInput {
  file: string;
  scope: TemplateResult['scope'];
  pending: PendingFinding[];
  candidates: TrackingCandidate[];
  sources: TemplateSource[];
  linkedFiles: string[];
}

function finish({ file, scope, pending, candidates: found, sources, linkedFiles }: FinishInput): TemplateResult {
  // A deployment named by a build placeholder carries no tracking id here (CUA003 says so): not listed.
  const candidates = found.filter((c) => !c.filledAtBuild);
  // One locate pass per file for everything that needs a position: findings and tracking names.
  const nameRefs = candidates.map((c): NodeRef => ({ file: c.entry.source.file, path: [...c.entry.path, 'name'], at: 'value' }));
  const positions = locateAll([...pending.map((p) => p.at), ...nameRefs], sources);
  const findings = pending.map((p, i) => toFinding(p, positions[i] ?? NOWHERE));
  findings.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) : a.file.localeCompare(b.file)));
  const tracking = candidates.map((c, i) => summarizeTracking(c, positions[pending.length + i] ?? NOWHERE));
  const failed = findings.some((f) => f.severity === 'error' && !f.suppressed);
  return { path: file, verdict: failed ? 'fail' : 'pass', ...(scope ? { scope } : {}), findings, tracking, linkedFiles };
}

interface Located {
  start: Position;
  end: Position;
  /** Set when the node is written in another file than its reference names (a Bicep module's). */
  file?: string;
}

const NOWHERE: Located = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** Line and column of each reference, grouped so that each file is scanned once. */
function locateAll(refs: NodeRef[], sources: TemplateSource[]): Located[] {
  const byFile = new Map<string, number[]>();
  refs.forEach((ref, i) => {
    const indexes = byFile.get(ref.file);
    if (indexes) indexes.push(i);
    else byFile.set(ref.file, [i]);
  });
  const located: Located[] = [];
  for (const [file, indexes] of byFile) {
    // A Bicep module's file is read through its main template's origin.
    const source = sources.find((s) => s.file === file) ?? sources.find((s) => s.origin?.texts.has(file));
    if (source?.origin) {
      locateInOrigin(source, indexes, refs).forEach((at, k) => (located[indexes[k] as number] = at));
      continue;
    }
    const lines = source?.lines ?? new LineIndex('');
    const spans = locateWithFallback(
      source?.text ?? '',
      indexes.map((i) => refs[i] as NodeRef),
    );
    indexes.forEach((refIndex, k) => {
      const span = spans[k] ?? { offset: 0, length: 0 };
      located[refIndex] = { start: lines.positionAt(span.offset), end: lines.positionAt(span.offset + span.length) };
    });
  }
  return located;
}

/** Positions of nodes of a lowered template (Bicep), in the files they are written in. */
function locateInOrigin(source: TemplateSource, indexes: number[], refs: NodeRef[]): Located[] {
  const origin = source.origin;
  const lineIndexes = new Map<string, LineIndex>([[source.file, source.lines]]);
  const linesOf = (file: string): LineIndex => {
    let lines = lineIndexes.get(file);
    if (!lines) lineIndexes.set(file, (lines = new LineIndex(origin?.texts.get(file) ?? '')));
    return lines;
  };
  return indexes.map((i) => {
    const ref = refs[i] as NodeRef;
    const span = ref.offset !== undefined ? { file: ref.file, offset: ref.offset, length: 0 } : origin?.locate(ref.path, ref.at ?? 'value');
    if (!span) return NOWHERE;
    const lines = linesOf(span.file);
    return {
      start: lines.positionAt(span.offset),
      end: lines.positionAt(span.offset + span.length),
      ...(span.file !== source.file ? { file: span.file } : {}),
    };
  });
}

function toFinding(p: PendingFinding, at: Located): Finding {
  return {
    ruleId: p.ruleId,
    severity: p.severity,
    messageId: p.messageId,
    ...(p.data ? { data: p.data } : {}),
    message: p.message,
    file: at.file ?? p.at.file,
    line: at.start.line,
    column: at.start.column,
    endLine: at.end.line,
    endColumn: at.end.column,
    jsonPointer: toJsonPointer(p.at.path),
    ...(p.suppressed ? { suppressed: p.suppressed } : {}),
    ...(p.fix ? { fix: p.fix } : {}),
    ...(p.notFixable !== undefined ? { notFixable: p.notFixable } : {}),
    ...(p.internalError ? { internalError: true } : {}),
  };
}

/** Locates each node; a node that is not there falls back to its nearest ancestor. */
function locateWithFallback(text: string, refs: NodeRef[]): ({ offset: number; length: number } | undefined)[] {
  if (refs.some((r) => r.offset !== undefined))
    return refs.map((r) => (r.offset !== undefined ? { offset: r.offset, length: 0 } : locateWithFallback(text, [r])[0]));
  const skips: SkipCache = new Map();
  const spans = locateNodes(
    text,
    refs.map((r) => ({ path: r.path, at: r.at ?? 'value' })),
    skips,
  );
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

function namePartsOf(value: ArmValue): NamePart[] {
  if (typeof value === 'string') return [{ text: value }];
  if (value instanceof PartialString) return value.parts.map((p) => (typeof p === 'string' ? { text: p } : { unknown: true }));
  return [{ unknown: true }];
}

function summarizeTracking(c: TrackingCandidate, at: Located): TrackingResourceSummary {
  const raw = c.entry.resource['name'];
  return {
    nameExpression: writtenExpression(c.entry.source, raw) ?? (typeof raw === 'string' ? raw : previewValue(raw)),
    resolvedName: c.name.display,
    nameParts: namePartsOf(c.name.value),
    ...(c.name.trackingId ? { trackingId: c.name.trackingId } : {}),
    form: c.name.form,
    type: c.entry.type,
    file: at.file ?? c.entry.source.file,
    line: at.start.line,
    column: at.start.column,
    jsonPointer: toJsonPointer(c.entry.path),
    placement: c.entry.placement,
  };
}
