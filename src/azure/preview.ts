// validate and what-if: ask ARM what the deployment would do, deploying nothing. A condition that
// is false with these parameters removes the tracking deployment here just as it would in a real
// deployment.
//
// Where the tracking deployment shows: preflight validation lists every resource it validated in
// validatedResources, nested deployments (pid- ones included) among them; an
// `az deployment group validate` transcript in Oracle's WebLogic-on-Azure docs lists
// `.../Microsoft.Resources/deployments/pid-a816a607-…` there. What-if does not: it expands nested
// deployments and lists only the resources inside them (Azure/arm-template-whatif#157 and #402 show
// nested deployments only in diagnostics, never as changes), so an empty pid- deployment is never
// among its changes. The what-if mode therefore runs the preflight validation for the tracking
// deployment and the what-if for what would really be deployed.
//
// Neither always expands nested deployments: validate reports `diagnostics` such as
// NestedDeploymentShortCircuited (a nested deployment whose parameters hold a reference()),
// NestedDeploymentSkippedFromInternalExpansion and NestedDeploymentExpansionLimitReached (the
// 2026-06-01 spec's PostDeploymentValidateOnResourceGroup example). What such a deployment would
// create cannot be established before deploying: that is a warning naming it, never CUA104. And a
// preview that lists nothing establishes nothing.
import type { Finding } from '../engine/types.ts';
import { beginValidate, beginWhatIf, type DeploymentRequest } from './arm-api.ts';
import type { StepContext, TemplateJob } from './context.ts';
import { errorFromBody, errorInfo, formatError } from './errors.ts';
import { verifyFinding, type FindingTarget } from './findings.ts';
import { cua104, cua105, cua106, cua109 } from './rules/index.ts';
import { driveLro } from './lro.ts';
import { parseDeploymentId } from './scope.ts';
import { describeExpectedNames } from './tracking-match.ts';

export interface PreviewResult {
  verified: boolean;
  tracking: string[];
  findings: Finding[];
  notes: string[];
}

/** Change types that mean the resource would be deployed (Ignore and Delete do not). */
const DEPLOYED_CHANGES = new Set(['create', 'deploy', 'nochange', 'modify', 'unsupported']);

/** `listed`: ARM sent validatedResources at all; `diagnostics`: the codes and targets it reported. */
type Validated = { ok: true; resourceIds: string[]; listed: boolean; diagnostics: Diagnostic[] } | { ok: false; findings: Finding[] };

interface Diagnostic {
  code: string;
  target?: string;
}

/** Diagnostics that say nested deployments were not expanded, so their resources are not in the preview. */
const NOT_EXPANDED = new Set(['nesteddeploymentshortcircuited', 'nesteddeploymentskippedfrominternalexpansion', 'nesteddeploymentexpansionlimitreached']);

/** Preflight validation; the ids it validated, or the finding that says why it failed. */
export async function preflight(ctx: StepContext, job: TemplateJob, target: FindingTarget, request: DeploymentRequest): Promise<Validated> {
  const { session, cancellation, settings } = ctx;
  const poller = beginValidate(session, { scope: settings.scope, name: job.deploymentName }, request, cancellation.signal);
  const outcome = await driveLro(poller, session.meter, cancellation.signal);
  if (outcome.status !== 'succeeded') {
    const error = outcome.status === 'failed' ? formatError(errorInfo(outcome.error, outcome.body)) : 'the validation was canceled';
    return { ok: false, findings: [verifyFinding(target, cua106, { messageId: 'validationFailed', data: { error } })] };
  }
  const result = outcome.result;
  const error = errorFromBody(result?.error);
  if (error) return { ok: false, findings: [verifyFinding(target, cua106, { messageId: 'validationFailed', data: { error: formatError(error) } })] };
  const validatedResources = result?.properties?.validatedResources;
  return {
    ok: true,
    resourceIds: (validatedResources ?? []).map((r) => r.id ?? '').filter((id) => id !== ''),
    listed: validatedResources !== undefined,
    diagnostics: diagnosticsOf(result?.properties?.diagnostics),
  };
}

function diagnosticsOf(raw: readonly { code?: string; target?: string }[] | undefined): Diagnostic[] {
  return (raw ?? []).map((d) => ({ code: d.code ?? '', ...(d.target ? { target: d.target } : {}) }));
}

export async function runValidate(ctx: StepContext, job: TemplateJob, target: FindingTarget, request: DeploymentRequest): Promise<PreviewResult> {
  const validated = await preflight(ctx, job, target, request);
  if (!validated.ok) return failed(validated.findings);
  const ids = validated.resourceIds;
  const notes = [`preflight validation passed (${ids.length} resource(s) validated)`];
  return judgePreview(
    job,
    target,
    { validatedIds: ids, listed: validated.listed, deployedCount: ids.filter((id) => !isDeploymentId(id)).length, diagnostics: validated.diagnostics },
    notes,
  );
}

export async function runWhatIf(ctx: StepContext, job: TemplateJob, target: FindingTarget, request: DeploymentRequest): Promise<PreviewResult> {
  const validated = await preflight(ctx, job, target, request);
  if (!validated.ok) return failed(validated.findings);
  const { session, cancellation, settings } = ctx;
  const whatIfRequest = {
    ...(request.location !== undefined ? { location: request.location } : {}),
    properties: { ...request.properties, whatIfSettings: { resultFormat: 'ResourceIdOnly' as const } },
  };
  const poller = beginWhatIf(session, { scope: settings.scope, name: job.deploymentName }, whatIfRequest, cancellation.signal);
  const outcome = await driveLro(poller, session.meter, cancellation.signal);
  if (outcome.status !== 'succeeded') {
    const error = outcome.status === 'failed' ? formatError(errorInfo(outcome.error, outcome.body)) : 'the what-if operation was canceled';
    return failed([verifyFinding(target, cua106, { messageId: 'whatIfFailed', data: { error } })]);
  }
  const result = outcome.result;
  const error = errorFromBody(result?.error);
  if (error) return failed([verifyFinding(target, cua106, { messageId: 'whatIfFailed', data: { error: formatError(error) } })]);
  const changes = result?.changes ?? [];
  // Listed nested deployments (older ARM did) are not resources to attribute.
  const deployed = changes.filter((c) => DEPLOYED_CHANGES.has(c.changeType.toLowerCase()) && !isDeploymentId(c.resourceId ?? ''));
  const notes = [
    `preflight validation passed (${validated.resourceIds.length} resource(s) validated)`,
    `what-if: ${deployed.length} resource(s) would be deployed, ${changes.length} change(s) listed`,
  ];
  const diagnostics = [...validated.diagnostics, ...diagnosticsOf(result?.diagnostics)];
  return judgePreview(job, target, { validatedIds: validated.resourceIds, listed: validated.listed, deployedCount: deployed.length, diagnostics }, notes);
}

/**
 * The tracking deployment must be among the validated resources, and something else must be
 * deployed with it (a tracking deployment on its own tracks nothing, CUA104).
 */
function judgePreview(job: TemplateJob, target: FindingTarget, preview: Preview, notes: readonly string[]): PreviewResult {
  const { validatedIds, deployedCount } = preview;
  const tracking = trackingIn(validatedIds, job);
  const findings: Finding[] = [];
  if (validatedIds.length === 0) {
    // Older ARM lists no validated resources: the template is only known to be accepted.
    findings.push(verifyFinding(target, cua109, { messageId: preview.listed ? 'emptyValidatedResources' : 'noValidatedResources' }));
    return { verified: false, tracking, notes: [...notes], findings };
  }
  const unexpanded = unexpandedNested(preview, job);
  if (tracking.length === 0) findings.push(missing(target, job));
  else if (deployedCount === 0 && unexpanded.codes.length > 0) {
    const names = unexpanded.names.map((n) => `'${n}'`).join(', ') || '(unnamed)';
    findings.push(verifyFinding(target, cua109, { messageId: 'notExpanded', data: { names, codes: unexpanded.codes.join(', ') }, needles: unexpanded.names }));
  } else if (deployedCount === 0) {
    findings.push(verifyFinding(target, cua104, { messageId: 'nothingPreviewed' }));
  }
  const extra =
    unexpanded.codes.length > 0 && deployedCount > 0 ? [`not expanded by ARM (${unexpanded.codes.join(', ')}): ${unexpanded.names.join(', ')}`] : [];
  return { verified: findings.every((f) => f.severity !== 'error'), tracking, notes: [...notes, ...extra], findings };
}

interface Preview {
  validatedIds: readonly string[];
  /** validatedResources was in the answer (older ARM leaves it out). */
  listed: boolean;
  deployedCount: number;
  diagnostics: readonly Diagnostic[];
}

/** The diagnostics that say nested deployments were skipped, and the nested deployments they may concern. */
function unexpandedNested(preview: Preview, job: TemplateJob): { codes: string[]; names: string[] } {
  const skipped = preview.diagnostics.filter((d) => NOT_EXPANDED.has(d.code.toLowerCase()));
  if (skipped.length === 0) return { codes: [], names: [] };
  const targets = skipped.flatMap((d) => (d.target ? [parseDeploymentId(d.target)?.name ?? d.target] : []));
  // The spec's example diagnostics name no target: every nested deployment but the tracking one may be concerned.
  const nested = preview.validatedIds.flatMap((id) => parseDeploymentId(id)?.name ?? []).filter((name) => !job.matcher(name));
  return { codes: [...new Set(skipped.map((d) => d.code))], names: [...new Set(targets.length > 0 ? targets : nested)] };
}

function trackingIn(resourceIds: readonly string[], job: TemplateJob): string[] {
  const names: string[] = [];
  for (const id of resourceIds) {
    const parsed = parseDeploymentId(id);
    if (parsed && job.matcher(parsed.name)) names.push(parsed.name);
  }
  return names;
}

function isDeploymentId(id: string): boolean {
  return parseDeploymentId(id) !== undefined;
}

function missing(target: FindingTarget, job: TemplateJob): Finding {
  return verifyFinding(target, cua105, { messageId: 'missing', data: { expected: describeExpectedNames(job.template.trackingNames) }, needles: ['pid-'] });
}

function failed(findings: Finding[]): PreviewResult {
  return { verified: false, tracking: [], findings, notes: [] };
}
