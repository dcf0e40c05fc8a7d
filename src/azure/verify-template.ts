// Verifies one main template in the chosen mode; every failure becomes a finding on that
// template, never an exception (except a usage mistake, which the step reports as such).
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { DeploymentRequest } from './arm-api.ts';
import type { StepContext, TemplateJob, TemplateRun, VerifyTemplate } from './context.ts';
import { runDeploy, runExisting, type RunResult } from './deploy.ts';
import { errorInfo, formatError, isSignInError } from './errors.ts';
import { verifyFinding, type FindingTarget } from './findings.ts';
import { cua100, cua107, cua108 } from './rules/index.ts';
import { runValidate, runWhatIf } from './preview.ts';
import { ensureResourceGroup } from './resource-group.ts';
import type { VerifySettings } from '../settings/verify-settings.ts';
import { loadTemplate, resolveParameters } from './template-input.ts';
import { trackingMatcher } from './tracking-match.ts';

const MAX_NAME = 64;

export async function runTemplate(ctx: StepContext, template: VerifyTemplate, index: number, count: number): Promise<TemplateRun> {
  const { settings, session } = ctx;
  const before = session.meter.count;
  const deploymentName = deploymentNameFor(settings, { path: template.path, index, count }, process.env);
  const loaded = loadTemplate(ctx.workspace, template.path);
  const target: FindingTarget = { file: template.path, ...(loaded.ok ? { text: loaded.value.text } : {}) };
  const job: TemplateJob = { template, deploymentName, matcher: trackingMatcher(template.trackingNames) };
  let result: RunResult;
  let signInFailed = false;
  try {
    if (settings.mode === 'existing') {
      // The template only helps to name and locate things here; the deployment is what counts.
      result = await runExisting(ctx, job, target, loaded.ok ? loaded.value.template : undefined);
    } else if (!loaded.ok) {
      result = failedWith(verifyFinding(target, cua108, { messageId: 'cannotDeploy', data: { file: template.path, reason: loaded.message } }));
    } else {
      result = await runDeploying(ctx, job, target, loaded.value);
    }
  } catch (error) {
    signInFailed = !ctx.cancellation.signal.aborted && isSignInError(error);
    result = failedWith(unexpected(ctx, target, error));
  }
  return { template, mode: settings.mode, deploymentName, ...result, requestCount: session.meter.count - before, ...(signInFailed ? { signInFailed } : {}) };
}

async function runDeploying(
  ctx: StepContext,
  job: TemplateJob,
  target: FindingTarget,
  loaded: { template: Record<string, unknown>; schemaScope?: string | undefined },
): Promise<RunResult> {
  const { template, schemaScope } = loaded;
  const { settings } = ctx;
  if (schemaScope !== undefined && schemaScope !== settings.scope.kind) {
    const data = { file: job.template.path, schemaScope, scope: settings.scope.kind.toLowerCase() };
    return failedWith(verifyFinding(target, cua108, { messageId: 'scopeMismatch', data, needles: ['$schema'] }));
  }
  const parameters = resolveParameters(ctx.workspace, settings.parameters, job.template.path, job.template.parametersFile);
  if (!parameters.ok)
    return failedWith(verifyFinding(target, cua108, { messageId: 'cannotDeploy', data: { file: job.template.path, reason: parameters.message } }));
  const request: DeploymentRequest = {
    properties: { template, parameters: parameters.value.values, mode: 'Incremental' },
    ...(settings.scope.kind !== 'resourceGroup' ? { location: settings.region ?? '' } : {}),
  };
  const groupNote = await ensureResourceGroup(ctx);
  const notes = [
    ...(groupNote ? [groupNote] : []),
    parameters.value.file ? `parameters from ${parameters.value.file}` : settings.parameters.kind === 'inline' ? 'inline parameters' : 'no parameters file',
  ];
  const result =
    settings.mode === 'validate'
      ? await runValidate(ctx, job, target, request)
      : settings.mode === 'what-if'
        ? await runWhatIf(ctx, job, target, request)
        : await runDeploy(ctx, job, target, { request, template });
  return { trackedResources: [], ...result, notes: [...notes, ...result.notes] };
}

function unexpected(ctx: StepContext, target: FindingTarget, error: unknown): ReturnType<typeof verifyFinding> {
  if (ctx.cancellation.signal.aborted) {
    const why = ctx.cancellation.signal.reason instanceof Error ? ctx.cancellation.signal.reason.message : 'stopped';
    return verifyFinding(target, cua107, { messageId: 'stopped', data: { reason: why } });
  }
  if (isSignInError(error)) return signInFinding(error);
  // A paging call or a HEAD loses ARM's error body in the SDK's error: the meter kept it.
  const status = error instanceof Error && 'statusCode' in error && typeof error.statusCode === 'number' ? ` (HTTP ${error.statusCode})` : '';
  return verifyFinding(target, cua100, {
    messageId: 'requestFailed',
    data: { error: `${formatError(errorInfo(error, ctx.session.meter.last?.body))}${status}` },
  });
}

/** Not on a template line: signing in is the same for every template. */
export function signInFinding(error: unknown): ReturnType<typeof verifyFinding> {
  return verifyFinding({ file: '' }, cua100, { messageId: 'signIn', data: { error: formatError(errorInfo(error)) } });
}

function failedWith(finding: ReturnType<typeof verifyFinding>): RunResult {
  return { verified: false, trackedResources: [], tracking: [], findings: [finding], notes: [] };
}

/**
 * The deployment-name input, or `cua-guard-<run id>-<attempt>-<template stem>-<path hash>`: unique
 * per run and attempt, and per template across a matrix. At most 64 characters.
 */
/** Which template of the run: its path, and its place among `count`. */
export interface TemplatePlace {
  path: string;
  index: number;
  count: number;
}

export function deploymentNameFor(settings: VerifySettings, { path, index, count }: TemplatePlace, env: NodeJS.ProcessEnv): string {
  const suffix = count > 1 && settings.mode !== 'existing' ? `-${index + 1}` : '';
  if (settings.deploymentName !== undefined) return `${settings.deploymentName.slice(0, MAX_NAME - suffix.length)}${suffix}`;
  const run = env['GITHUB_RUN_ID'] ? `${env['GITHUB_RUN_ID']}-${env['GITHUB_RUN_ATTEMPT'] ?? '1'}` : Date.now().toString(36);
  const stem = posix
    .basename(path)
    .replace(/\.json$/i, '')
    .replace(/[^A-Za-z0-9\-._()]/g, '-');
  const hash = createHash('sha256').update(path).digest('hex').slice(0, 6);
  const head = `cua-guard-${run}-`;
  const tail = `-${hash}${suffix}`;
  return `${head}${stem.slice(0, Math.max(0, MAX_NAME - head.length - tail.length))}${tail}`.replace(/-{2,}/g, '-');
}
