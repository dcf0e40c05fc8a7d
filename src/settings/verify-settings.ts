// The verification settings (inputs named like azure/arm-deploy's and azure/login's) as one typed
// VerifySettings, rejecting combinations that cannot work with a message that says what to change.
// Built with the rest of the run's settings; the Azure adapter receives the result and reads no input.
import { UsageError } from './usage-error.ts';
import { parseBoolean, parseChoice } from './parse-options.ts';
import { isGuid } from '../parse/guid.ts';
import { isRecord } from '../parse/template-source.ts';

/** `none`: the static check only. */
export const VERIFY_MODES = ['none', 'validate', 'what-if', 'deploy', 'existing'] as const;
/** What verification does in Azure. */
export type VerifyMode = Exclude<(typeof VERIFY_MODES)[number], 'none'>;
export const CLEANUP_POLICIES = ['always', 'on-success', 'never'] as const;
export type CleanupPolicy = (typeof CLEANUP_POLICIES)[number];
const SCOPE_KINDS = ['resourcegroup', 'subscription', 'managementgroup', 'tenant'] as const;

/** The Azure clouds azure/login knows by name (their endpoints are in src/azure/clouds.ts). */
export const CLOUD_NAMES = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

/** A deployment scope (src/azure/scope.ts builds resource ids from it). */
export type ArmScope =
  | { kind: 'resourceGroup'; subscriptionId: string; resourceGroup: string }
  | { kind: 'subscription'; subscriptionId: string }
  | { kind: 'managementGroup'; managementGroupId: string }
  | { kind: 'tenant' };

/** The inputs verification reads, as typed; absent or '' = not set. */
export const VERIFY_INPUTS = [
  'verify',
  'scope',
  'subscription-id',
  'resource-group',
  'management-group-id',
  'region',
  'deployment-name',
  'parameters',
  'create-resource-group',
  'cleanup',
  'timeout-minutes',
  'environment',
  'resource-manager-endpoint',
  'api-profile',
  'client-id',
  'tenant-id',
] as const;
export type VerifyInputs = Partial<Record<(typeof VERIFY_INPUTS)[number], string>>;

/** Parameter values as ARM takes them: `{ name: { value } }` or `{ name: { reference } }`. */
export type ParameterValues = Record<string, Record<string, unknown>>;

export type ParametersSource =
  | { kind: 'none' }
  | { kind: 'inline'; values: ParameterValues }
  /** A path as typed: tried relative to the workspace, then to the template. */
  | { kind: 'file'; path: string };

export interface VerifySettings {
  mode: VerifyMode;
  scope: ArmScope;
  /** Location of deployments above resource-group scope and of a created resource group. */
  region?: string;
  /** As given; when absent a unique name per run is made for each template. */
  deploymentName?: string;
  parameters: ParametersSource;
  createResourceGroup: boolean;
  cleanup: CleanupPolicy;
  timeoutMs: number;
  environment: CloudName;
  /** Azure Stack Hub (or any custom ARM): https URL without trailing slash. */
  resourceManagerEndpoint?: string;
  /** An Azure Stack Hub API profile naming the api-versions to speak (otherwise read from the endpoint). */
  apiProfile?: ApiProfileName;
  /** OpenID Connect login without azure/login. */
  clientId?: string;
  tenantId?: string;
}

const DEPLOYMENT_NAME = /^[A-Za-z0-9\-._()]{1,64}$/;
const DEFAULT_TIMEOUT_MINUTES = 60;

export function parseVerifySettings(inputs: VerifyInputs): VerifySettings {
  const read = (name: keyof VerifyInputs): string => (inputs[name] ?? '').trim();
  const rawMode = read('verify');
  if (rawMode.toLowerCase() === 'none' || rawMode === '') throw new UsageError('verify is none: there is nothing to verify in Azure');
  const mode = parseChoice(
    rawMode,
    'verify',
    VERIFY_MODES.filter((m): m is VerifyMode => m !== 'none'),
    'deploy',
  );
  const scope = parseScope(read);
  const region = read('region') || undefined;
  const deploymentName = read('deployment-name') || undefined;
  const createResourceGroup = parseBoolean(read('create-resource-group'), 'create-resource-group', false);

  if (deploymentName !== undefined && !DEPLOYMENT_NAME.test(deploymentName)) {
    throw new UsageError(`deployment-name '${deploymentName}' is not a valid deployment name (1-64 letters, digits and -._())`);
  }
  if (mode === 'existing' && deploymentName === undefined) {
    throw new UsageError('verify: existing needs deployment-name: the name of the deployment that already ran (for azure/arm-deploy, its deploymentName)');
  }
  if (mode === 'existing' && createResourceGroup) {
    throw new UsageError('create-resource-group cannot be used with verify: existing, which only reads a deployment that already ran');
  }
  if (createResourceGroup && scope.kind !== 'resourceGroup') {
    throw new UsageError('create-resource-group is only for scope: resourcegroup');
  }
  if (createResourceGroup && region === undefined) {
    throw new UsageError('create-resource-group needs region: the location of the new resource group');
  }
  if (mode !== 'existing' && scope.kind !== 'resourceGroup' && region === undefined) {
    throw new UsageError(`scope: ${scopeInputName(scope)} needs region: ARM stores deployments above resource-group scope in a location`);
  }

  const clientId = read('client-id') || undefined;
  const tenantId = read('tenant-id') || undefined;
  if ((clientId === undefined) !== (tenantId === undefined)) {
    throw new UsageError('client-id and tenant-id go together: give both for OpenID Connect login, or neither to use azure/login or AZURE_* variables');
  }
  if (clientId !== undefined && !isGuid(clientId)) throw new UsageError(`client-id '${clientId}' is not a GUID`);

  return {
    mode,
    scope,
    ...(region !== undefined ? { region } : {}),
    ...(deploymentName !== undefined ? { deploymentName } : {}),
    parameters: parseParametersInput(inputs.parameters ?? ''),
    createResourceGroup,
    cleanup: parseChoice(read('cleanup'), 'cleanup', CLEANUP_POLICIES, 'always'),
    timeoutMs: parseTimeoutMinutes(read('timeout-minutes')) * 60_000,
    environment: parseEnvironment(read('environment')),
    ...parseEndpoint(read('resource-manager-endpoint')),
    ...parseApiProfile(read('api-profile')),
    ...(clientId !== undefined ? { clientId } : {}),
    ...(tenantId !== undefined ? { tenantId } : {}),
  };
}

function parseScope(read: (name: keyof VerifyInputs) => string): ArmScope {
  const kind = parseChoice(read('scope'), 'scope', SCOPE_KINDS, 'resourcegroup');
  const subscriptionId = read('subscription-id');
  const resourceGroup = read('resource-group');
  const managementGroupId = read('management-group-id');
  const refuse = (input: string, value: string): void => {
    if (value !== '') throw new UsageError(`${input} is not used with scope: ${kind}; remove it or change scope`);
  };
  const needSubscription = (): string => {
    if (subscriptionId === '') throw new UsageError(`scope: ${kind} needs subscription-id`);
    if (!isGuid(subscriptionId)) throw new UsageError(`subscription-id '${subscriptionId}' is not a GUID`);
    return subscriptionId;
  };
  switch (kind) {
    case 'resourcegroup': {
      refuse('management-group-id', managementGroupId);
      const sub = needSubscription();
      if (resourceGroup === '') throw new UsageError('scope: resourcegroup needs resource-group');
      if (!/^[-\w._()]{1,90}$/u.test(resourceGroup) || resourceGroup.endsWith('.')) {
        throw new UsageError(`resource-group '${resourceGroup}' is not a valid resource group name`);
      }
      return { kind: 'resourceGroup', subscriptionId: sub, resourceGroup };
    }
    case 'subscription':
      refuse('resource-group', resourceGroup);
      refuse('management-group-id', managementGroupId);
      return { kind: 'subscription', subscriptionId: needSubscription() };
    case 'managementgroup':
      refuse('resource-group', resourceGroup);
      refuse('subscription-id', subscriptionId);
      if (managementGroupId === '') throw new UsageError('scope: managementgroup needs management-group-id');
      return { kind: 'managementGroup', managementGroupId };
    case 'tenant':
      refuse('resource-group', resourceGroup);
      refuse('subscription-id', subscriptionId);
      refuse('management-group-id', managementGroupId);
      return { kind: 'tenant' };
  }
}

function scopeInputName(scope: ArmScope): string {
  return scope.kind.toLowerCase();
}

function parseTimeoutMinutes(raw: string): number {
  if (raw === '') return DEFAULT_TIMEOUT_MINUTES;
  // Decimals are allowed (0.5 = 30 s): short time-outs are useful for smoke runs and tests.
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(value > 0) || value > 24 * 60) {
    throw new UsageError(`timeout-minutes must be a number of minutes above 0 and at most 1440, not '${raw}'`);
  }
  return value;
}

function parseEnvironment(raw: string): CloudName {
  if (raw === '') return 'AzureCloud';
  const match = CLOUD_NAMES.find((name) => name.toLowerCase() === raw.toLowerCase());
  if (match) return match;
  if (raw.toLowerCase() === 'azurestack') {
    throw new UsageError('environment: AzureStack needs resource-manager-endpoint (your Azure Stack Hub ARM endpoint) instead');
  }
  throw new UsageError(`environment must be one of ${CLOUD_NAMES.join(', ')}, not '${raw}' (for Azure Stack Hub set resource-manager-endpoint)`);
}

/** Azure Stack Hub API profiles cua-guard knows the Microsoft.Resources versions of. */
export const API_PROFILE_NAMES = ['2020-09-01-hybrid'] as const;
export type ApiProfileName = (typeof API_PROFILE_NAMES)[number];

function parseApiProfile(raw: string): { apiProfile?: ApiProfileName } {
  if (raw === '' || raw.toLowerCase() === 'latest') return {};
  const match = API_PROFILE_NAMES.find((name) => name === raw.toLowerCase());
  if (!match) throw new UsageError(`api-profile must be ${API_PROFILE_NAMES.join(' or ')} (or latest), not '${raw}'`);
  return { apiProfile: match };
}

function parseEndpoint(raw: string): { resourceManagerEndpoint?: string } {
  if (raw === '') return {};
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`resource-manager-endpoint '${raw}' is not a URL`);
  }
  if (url.protocol !== 'https:') throw new UsageError('resource-manager-endpoint must be an https URL (trust a private CA with NODE_EXTRA_CA_CERTS)');
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new UsageError('resource-manager-endpoint must be a plain https URL without query, fragment or credentials');
  }
  return { resourceManagerEndpoint: url.href.replace(/\/+$/, '') };
}

/**
 * `parameters` is a file path or inline JSON: a parameters file document
 * (`{"parameters": {"x": {"value": 1}}}`), values already wrapped (`{"x": {"value": 1}}`), or
 * plain values (`{"x": 1}`), which are wrapped here.
 */
export function parseParametersInput(raw: string): ParametersSource {
  const text = raw.trim();
  if (text === '') return { kind: 'none' };
  if (!text.startsWith('{')) return { kind: 'file', path: text };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`parameters looks like inline JSON but does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { kind: 'inline', values: normalizeParameters(value, 'the parameters input') };
}

/** Accepts the three shapes above; throws a UsageError naming `source` otherwise. */
export function normalizeParameters(value: unknown, source: string): ParameterValues {
  if (!isRecord(value)) throw new UsageError(`${source} must be a JSON object`);
  const body =
    isRecord(value['parameters']) && ('$schema' in value || 'contentVersion' in value || Object.keys(value).length === 1) ? value['parameters'] : value;
  const result: ParameterValues = {};
  for (const [name, entry] of Object.entries(body)) {
    if (name === '$schema' || name === 'contentVersion') continue;
    result[name] = isWrapped(entry) ? entry : { value: entry };
  }
  return result;
}

const WRAPPER_KEYS = new Set(['value', 'reference', 'expression', 'metadata']);

function isWrapped(entry: unknown): entry is Record<string, unknown> {
  if (!isRecord(entry)) return false;
  const keys = Object.keys(entry);
  return keys.length > 0 && keys.every((k) => WRAPPER_KEYS.has(k)) && ('value' in entry || 'reference' in entry || 'expression' in entry);
}
