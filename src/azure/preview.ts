// validate and what-if: ask ARM what the deployment would do, deploying nothing. Both must show
// the tracking deployment: a condition that is false with these parameters removes it here
// just as it would in a real deployment.
import type { Finding } from '../engine/types.ts';
import { beginValidate, beginWhatIf, type DeploymentRequest } from './arm-api.ts';
import type { StepContext, TemplateJob } from './context.ts';
import { errorFromBody, errorInfo, formatError } from './errors.ts';
import { verifyFinding, type FindingTarget } from './findings.ts';
import { driveLro } from './lro.ts';
import { parseDeploymentId } from './scope.ts';
import { describeExpectedNames } from './tracking-match.ts';

export interface PreviewResult {
  verified: boolean;
  tracking: string[];
  findings: Finding[];
  notes: string[];
}

/** Change types that mean the resource would be deployed. */
const DEPLOYED_CHANGES = new Set(['create', 'deploy', 'nochange', 'modify', 'unsupported']);

export async function runValidate(ctx: StepContext, job: TemplateJob, target: FindingTarget, request: DeploymentRequest): Promise<PreviewResult> {
  const { session, cancellation, settings } = ctx;
  const poller = beginValidate(session, settings.scope, job.deploymentName, request, cancellation.signal);
  const outcome = await driveLro(poller, session.meter, cancellation.signal);
  if (outcome.status !== 'succeeded') {
    const error = outcome.status === 'failed' ? formatError(errorInfo(outcome.error, outcome.body)) : 'the validation was canceled';
    return failed([verifyFinding(target, 'CUA106', `ARM preflight validation failed: ${error}`)]);
  }
  const result = outcome.result;
  const error = errorFromBody(result?.error);
  if (error) return failed([verifyFinding(target, 'CUA106', `ARM preflight validation failed: ${formatError(error)}`)]);
  const validated = (result?.properties?.validatedResources ?? []).map((r) => r.id ?? '').filter((id) => id !== '');
  const tracking = trackingIn(validated, job);
  const notes = [`preflight validation passed (${validated.length} resource(s) validated)`];
  // Some ARM versions list no validated resources; then validation can only say the template is accepted.
  if (validated.length > 0 && tracking.length === 0) {
    return { verified: false, tracking, notes, findings: [missing(target, job, 'validation')] };
  }
  if (validated.length === 0) notes.push('ARM listed no validated resources, so the tracking deployment could not be confirmed by validation');
  return { verified: true, tracking, notes, findings: [] };
}

export async function runWhatIf(ctx: StepContext, job: TemplateJob, target: FindingTarget, request: DeploymentRequest): Promise<PreviewResult> {
  const { session, cancellation, settings } = ctx;
  const whatIfRequest = {
    ...(request.location !== undefined ? { location: request.location } : {}),
    properties: { ...request.properties, whatIfSettings: { resultFormat: 'ResourceIdOnly' as const } },
  };
  const poller = beginWhatIf(session, settings.scope, job.deploymentName, whatIfRequest, cancellation.signal);
  const outcome = await driveLro(poller, session.meter, cancellation.signal);
  if (outcome.status !== 'succeeded') {
    const error = outcome.status === 'failed' ? formatError(errorInfo(outcome.error, outcome.body)) : 'the what-if operation was canceled';
    return failed([verifyFinding(target, 'CUA106', `ARM what-if failed: ${error}`)]);
  }
  const result = outcome.result;
  const error = errorFromBody(result?.error);
  if (error) return failed([verifyFinding(target, 'CUA106', `ARM what-if failed: ${formatError(error)}`)]);
  const changes = result?.changes ?? [];
  const deployed = changes.filter((c) => DEPLOYED_CHANGES.has(c.changeType.toLowerCase())).map((c) => c.resourceId ?? '');
  const tracking = trackingIn(deployed, job);
  const notes = [`what-if: ${changes.length} change(s)`];
  if (tracking.length === 0) return { verified: false, tracking, notes, findings: [missing(target, job, 'what-if')] };
  return { verified: true, tracking, notes, findings: [] };
}

function trackingIn(resourceIds: readonly string[], job: TemplateJob): string[] {
  const names: string[] = [];
  for (const id of resourceIds) {
    const parsed = parseDeploymentId(id);
    if (parsed && job.matcher(parsed.name)) names.push(parsed.name);
  }
  return names;
}

function missing(target: FindingTarget, job: TemplateJob, what: 'what-if' | 'validation'): Finding {
  return verifyFinding(
    target,
    'CUA105',
    `${what} shows no tracking deployment (${describeExpectedNames(job.template.trackingNames)}): with these parameters ARM would not deploy it (a condition may be false, or it is missing)`,
    ['pid-'],
  );
}

function failed(findings: Finding[]): PreviewResult {
  return { verified: false, tracking: [], findings, notes: [] };
}
