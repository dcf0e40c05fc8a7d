// A fake Azure Resource Manager over HTTPS on 127.0.0.1 for the real SDK to talk to: deployments
// at all four scopes (PUT/GET/HEAD/list/delete/cancel, validate, whatIf, operations), resource
// groups (PUT/GET/HEAD/DELETE), long-running operations (Azure-AsyncOperation and Location, with
// Retry-After), nextLink paging, cloud metadata, an Entra-like (or AD FS-like) token endpoint, the
// GitHub OIDC token endpoint and an `az` executable for the Azure CLI credential. It keeps state,
// records every request with the Retry-After it answered, and is scripted per scenario.
//
// What-if fidelity: real ARM expands nested deployments and lists the resources they deploy, not
// the Microsoft.Resources/deployments themselves, so an empty pid- deployment never appears among
// the changes (see the what-if transcripts in Azure/arm-template-whatif#157 and #402, where nested
// deployments show up only in diagnostics). Preflight validation does list them in
// validatedResources, pid- deployments included (an `az deployment group validate` transcript in
// Oracle's WebLogic-on-Azure docs lists `.../Microsoft.Resources/deployments/pid-a816a607-…`).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter } from 'node:path';
import { createTestCertificate } from './certs.ts';
import { writeFakeAz } from './fake-az.ts';
import { SUB } from './fixtures.ts';
import { loadContract, type SpecOperation } from './contract.ts';
import { FakeState, deploymentIdOf, isRecord, key, type ArmErrorBody, type FakeDeployment, type PlannedItem } from './model.ts';

export interface Fault {
  method?: string;
  /** Matched against the decoded path. */
  path: RegExp;
  /** Matched against the query string (e.g. a later page's `$skiptoken`). */
  query?: RegExp;
  status: number;
  /** Seconds; omitted = no Retry-After header. */
  retryAfter?: number;
  times: number;
  /** ARM's error code and message (default: by status). */
  error?: ArmErrorBody;
}

/** The api-versions the cloud serves, per API family (see the provider registration it answers). */
export interface CloudApiVersions {
  deployments: string[];
  resources: string[];
}

/** Public Azure as far as the vendored spec goes: the SDK's versions, and the older 2019-10-01 it still serves. */
export const PUBLIC_API_VERSIONS: CloudApiVersions = { deployments: ['2026-06-01', '2019-10-01'], resources: ['2025-04-01', '2019-10-01'] };
/**
 * Azure Stack Hub's 2020-09-01-hybrid profile: Microsoft.Resources deployments, deployments/operations,
 * resource groups and providers at 2019-10-01 (learn.microsoft.com, "Resource provider API versions
 * supported by profiles in Azure Stack Hub", details for the 2020-09-01-hybrid profile).
 */
export const HYBRID_API_VERSIONS: CloudApiVersions = { deployments: ['2019-10-01'], resources: ['2019-10-01'] };

export interface Scenario {
  /** Items per page of list responses. */
  pageSize: number;
  /** Polls of a deployment's async operation that still say Running. */
  runningPolls: number;
  /** Retry-After (seconds) on LRO responses. */
  pollRetryAfter: number;
  /** Deployments never finish (until cancelled). */
  neverFinish: boolean;
  /** Resource names (lower case) that fail, with the error their operation reports. */
  failResources: Record<string, ArmErrorBody>;
  faults: Fault[];
  /** validate answers 400 with this error. */
  validationError?: ArmErrorBody;
  /** Polls of a Location-polled operation (delete, validate, what-if) that still answer 202. */
  locationPolls: number;
  /** `adfs`: the metadata names an AD FS login endpoint (Azure Stack Hub), tenant 'adfs'. */
  identityProvider: 'entra' | 'adfs';
  /** Token audience the metadata publishes (default: the server's own URL). */
  tokenAudience?: string;
  /** The api-versions this cloud serves; others answer 400 NoRegisteredProviderFound. */
  apiVersions: CloudApiVersions;
  /** validate answers without validatedResources (older ARM did). */
  omitValidatedResources: boolean;
  /** what-if ends `status: Failed` with this error. */
  whatIfError?: ArmErrorBody;
  /** Resource names (lower case) whose failed operation reports this free-form statusMessage. */
  rawStatusMessages: Record<string, unknown>;
  /** Polls of a cancel request that still say Canceling. */
  cancelPolls: number;
}

export type RequestKind = 'arm' | 'lro' | 'token' | 'discovery' | 'oidc' | 'metadata' | 'unknown';

export interface RecordedRequest {
  method: string;
  path: string;
  search: string;
  /** Date.now() when the request arrived. */
  at: number;
  status: number;
  userAgent: string;
  kind: RequestKind;
  /** Date.now() when the answer was sent. */
  respondedAt: number;
  /** Retry-After the answer carried, in milliseconds. */
  retryAfterMs?: number;
  /** The long-running operation this request started (its answer points to it) or polled. */
  lro?: string;
}

interface Lro {
  kind: 'deploy' | 'delete-deployment' | 'delete-group' | 'validate' | 'whatif';
  target: string;
  polls: number;
  result?: unknown;
}

export interface FakeArm {
  readonly url: string;
  readonly caFile: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly oidcRequestToken: string;
  /** The access token the fake `az` hands out. */
  readonly cliAccessToken: string;
  readonly scenario: Scenario;
  readonly state: FakeState;
  readonly requests: RecordedRequest[];
  /**
   * Environment for a child process using this server (CA trusted). environment and oidc are
   * pinned with CUA_GUARD_CREDENTIAL; azure-cli is not pinned and has no AZURE_* variables, as after
   * azure/login: the fake `az` comes first on PATH.
   */
  childEnv(credential: ChildCredential): Record<string, string>;
  /** Requests or responses that broke the vendored specification (contract.ts); a test fails on any. */
  readonly violations: string[];
  /** Argument lists the fake `az` was called with, oldest first. */
  azCalls(): string[][];
  /** A deployment that already ran (as azure/arm-deploy would have done it). */
  deployNow(scope: string, name: string, template: Record<string, unknown>, parameters?: Record<string, unknown>, location?: string): FakeDeployment;
  close(): Promise<void>;
}

export type ChildCredential = 'environment' | 'oidc' | 'azure-cli';

const API_VERSION_RE = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
const DEPLOYMENTS_PATH =
  /^(|\/subscriptions\/[^/]+|\/subscriptions\/[^/]+\/resourcegroups\/[^/]+|\/providers\/microsoft\.management\/managementgroups\/[^/]+)\/providers\/microsoft\.resources\/deployments(?:\/([^/]+)(?:\/(validate|whatif|cancel|operations))?)?$/i;
const RG_OPERATIONS_PATH = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+)\/deployments\/([^/]+)\/operations$/i;
const RG_PATH = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)$/i;
const PROVIDER_PATH = /^\/subscriptions\/([^/]+)\/providers\/microsoft\.resources$/i;

export async function startFakeArm(overrides: Partial<Scenario> = {}): Promise<FakeArm> {
  const certificate = createTestCertificate();
  const scenario: Scenario = {
    pageSize: 2,
    runningPolls: 1,
    pollRetryAfter: 0,
    neverFinish: false,
    failResources: {},
    faults: [],
    locationPolls: 0,
    identityProvider: 'entra',
    apiVersions: PUBLIC_API_VERSIONS,
    omitValidatedResources: false,
    rawStatusMessages: {},
    cancelPolls: 1,
    ...overrides,
  };
  const state = new FakeState();
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const contract = loadContract();
  const lros = new Map<string, Lro>();
  /** Deployments whose cancel was accepted: reads left before they show Canceled. */
  const cancelling = new Map<string, number>();
  /** Reads each running deployment has had (see progress). */
  const progressReads = new Map<string, number>();
  const tokens = new Set<string>();
  const oidcTokens = new Set<string>();
  const tenantId = randomUUID();
  const clientId = randomUUID();
  const clientSecret = `fake-secret-${randomUUID()}`;
  const oidcRequestToken = `fake-runtime-${randomUUID()}`;
  const cliAccessToken = `fake-access-cli-${randomUUID()}`;
  tokens.add(cliAccessToken);
  const az = writeFakeAz(certificate.dir, { accessToken: cliAccessToken, tenantId, subscriptionId: SUB });
  let base = '';

  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    void readBody(req).then((body) => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function handle(req: IncomingMessage, res: ServerResponse, rawBody: string): void {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', base);
    const path = decodeURIComponent(url.pathname);
    const kind = kindOf(path);
    const record: RecordedRequest = {
      method,
      path,
      search: url.search,
      at: Date.now(),
      status: 0,
      userAgent: String(req.headers['user-agent'] ?? ''),
      kind,
      respondedAt: 0,
      ...(kind === 'lro' ? { lro: path.split('/')[2] ?? '' } : {}),
    };
    requests.push(record);
    let specOperation: SpecOperation | undefined;
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      if (specOperation) {
        const problems = contract.checkResponse(specOperation, status, method === 'HEAD' ? undefined : json);
        violations.push(...problems.map((p) => `response to ${method} ${path}: ${p}`));
      }
      record.respondedAt = Date.now();
      if (headers['retry-after'] !== undefined) record.retryAfterMs = Number(headers['retry-after']) * 1000;
      const lroId = /\/_lro\/([^?/]+)/.exec(headers['location'] ?? headers['azure-asyncoperation'] ?? '')?.[1];
      if (lroId) record.lro = lroId;
      const payload = json === undefined || method === 'HEAD' ? undefined : JSON.stringify(json);
      res.writeHead(status, { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers });
      res.end(payload);
    };
    const armError = (status: number, code: string, message: string, headers?: Record<string, string>): void =>
      send(status, { error: { code, message } }, headers);
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = rawBody ? JSON.parse(rawBody) : {};
      if (isRecord(parsed)) body = parsed;
    } catch {
      if (record.kind !== 'token') return armError(400, 'InvalidRequestContent', 'the body is not JSON');
    }
    if (record.kind === 'arm') {
      const family = PROVIDER_PATH.test(path) || RG_PATH.test(path) ? 'resources' : 'deployments';
      const apiVersion = url.searchParams.get('api-version') ?? '';
      const served = scenario.apiVersions[family];
      if (!served.includes(apiVersion)) {
        // ARM's answer to an api-version the resource type is not registered with (the code and
        // message ARM gives for any type; Azure Stack Hub's exact text is not in the spec).
        const type = family === 'resources' ? 'resourceGroups' : 'deployments';
        return armError(
          400,
          'NoRegisteredProviderFound',
          `No registered resource provider found for location 'local' and API version '${apiVersion}' for type '${type}'. The supported api-versions are '${served.join(', ')}'.`,
        );
      }
      const checked = contract.checkRequest({ method, path, query: url.searchParams, body: rawBody === '' ? undefined : body, family });
      if (checked.problems.length > 0) {
        violations.push(...checked.problems.map((p) => `request ${method} ${path}${url.search}: ${p}`));
        if (!checked.operation) return armError(404, 'NotFound', `no operation of the specification for ${method} ${path}`);
      }
      specOperation = checked.operation;
      if (checked.problems.length > 0) return armError(400, 'InvalidRequestContent', checked.problems.join('; '));
    }

    const fault = scenario.faults.find(
      (f) => f.times > 0 && (f.method === undefined || f.method === method) && f.path.test(path) && (f.query === undefined || f.query.test(url.search)),
    );
    if (fault) {
      fault.times--;
      return armError(
        fault.status,
        fault.error?.code ?? FAULT_CODES[fault.status] ?? 'ScriptedFault',
        fault.error?.message ?? 'scripted fault',
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      );
    }

    switch (record.kind) {
      case 'metadata': {
        // Azure Stack Hub with AD FS publishes https://adfs.<region>.<domain>/adfs/ as its login endpoint.
        const loginEndpoint = scenario.identityProvider === 'adfs' ? `${base}/adfs/` : `${base}/`;
        return send(200, {
          galleryEndpoint: '',
          graphEndpoint: '',
          portalEndpoint: '',
          authentication: { loginEndpoint, audiences: [scenario.tokenAudience ?? `${base}/`] },
        });
      }
      case 'discovery': {
        const tenant = path.split('/')[1] ?? '';
        const root = `${base}/${tenant}`;
        // AD FS serves OAuth 2.0 endpoints without the v2.0 segment.
        const v2 = tenant.toLowerCase() === 'adfs' ? '' : '/v2.0';
        return send(200, {
          token_endpoint: `${root}/oauth2${v2}/token`,
          authorization_endpoint: `${root}/oauth2${v2}/authorize`,
          end_session_endpoint: `${root}/oauth2${v2}/logout`,
          issuer: tenant.toLowerCase() === 'adfs' ? root : `${root}/v2.0`,
          jwks_uri: `${root}/discovery/v2.0/keys`,
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        });
      }
      case 'token':
        return issueToken(path, new URLSearchParams(rawBody), send);
      case 'oidc': {
        if (req.headers.authorization !== `Bearer ${oidcRequestToken}`) return send(401, { message: 'bad runtime token' });
        if (url.searchParams.get('audience') !== 'api://AzureADTokenExchange') return send(400, { message: 'wrong audience' });
        const token = fakeJwt({
          iss: 'https://token.actions.githubusercontent.com',
          aud: 'api://AzureADTokenExchange',
          sub: 'repo:cua-guard/test:ref:refs/heads/main',
        });
        oidcTokens.add(token);
        return send(200, { value: token });
      }
      case 'unknown':
        return armError(404, 'NotFound', `fake ARM has no route for ${method} ${path}`);
      default:
        break;
    }
    // Everything below is ARM: a token from our token endpoint is required.
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !tokens.has(auth.slice(7))) {
      return armError(401, 'AuthenticationFailed', 'no valid access token', {
        'www-authenticate': `Bearer authorization_uri="${base}/${tenantId}", error="invalid_token"`,
      });
    }
    const apiVersion = url.searchParams.get('api-version') ?? '';
    if (!API_VERSION_RE.test(apiVersion)) return armError(400, 'MissingApiVersionParameter', 'api-version is required');
    if (record.kind === 'lro') return pollLro(record.lro ?? '', send, armError);

    const provider = PROVIDER_PATH.exec(path);
    if (provider && method === 'GET') return send(200, providerRegistration(provider[1] ?? ''));
    const rg = RG_PATH.exec(path);
    if (rg) return resourceGroup(method, rg[1] ?? '', rg[2] ?? '', body, send, armError);
    const rgOps = RG_OPERATIONS_PATH.exec(path);
    if (rgOps && method === 'GET') return operations(canonicalScope(rgOps[1] ?? ''), rgOps[2] ?? '', url, send, armError);
    const dep = DEPLOYMENTS_PATH.exec(path);
    // ARM takes the request's x-ms-correlation-request-id as the deployment's correlationId (the
    // header is ARM's common tracing header; that the deployment record keeps it is observed
    // behaviour of az and PowerShell deployments, not written in the spec).
    const correlationId = String(req.headers['x-ms-correlation-request-id'] ?? '') || randomUUID();
    if (dep) return deployments(method, canonicalScope(dep[1] ?? ''), dep[2], dep[3]?.toLowerCase(), { body, url, correlationId }, send, armError);
    return armError(404, 'NotFound', `fake ARM has no route for ${method} ${path}`);
  }

  type Send = (status: number, json?: unknown, headers?: Record<string, string>) => void;
  type ArmErrorSend = (status: number, code: string, message: string, headers?: Record<string, string>) => void;

  function issueToken(path: string, form: URLSearchParams, send: Send): void {
    const tenant = path.split('/')[1];
    const expectedTenant = scenario.identityProvider === 'adfs' ? 'adfs' : tenantId;
    const authenticated = form.get('client_secret') === clientSecret || oidcTokens.has(form.get('client_assertion') ?? '');
    if (tenant !== expectedTenant || form.get('client_id') !== clientId || !authenticated) {
      return send(401, { error: 'invalid_client', error_description: 'fake token endpoint: bad client credentials' });
    }
    const scope = `${(scenario.tokenAudience ?? base).replace(/\/+$/, '')}/.default`;
    if (!(form.get('scope') ?? '').split(' ').includes(scope)) {
      return send(400, { error: 'invalid_scope', error_description: `fake token endpoint: scope must be ${scope}` });
    }
    const token = `fake-access-${randomUUID()}`;
    tokens.add(token);
    return send(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
  }

  function startLro(lro: Lro, send: Send, status: number, json: unknown, header: 'azure-asyncoperation' | 'location'): void {
    const id = randomUUID();
    lros.set(id, lro);
    send(status, json, { [header]: `${base}/_lro/${id}?api-version=2025-04-01`, 'retry-after': String(scenario.pollRetryAfter) });
  }

  function pollLro(id: string, send: Send, armError: ArmErrorSend): void {
    const lro = lros.get(id);
    if (!lro) return armError(404, 'NotFound', 'no such operation');
    const later = { 'retry-after': String(scenario.pollRetryAfter) };
    switch (lro.kind) {
      case 'deploy': {
        const deployment = state.deployments.get(key(lro.target));
        if (!deployment) return armError(404, 'DeploymentNotFound', 'the deployment is gone');
        settleCancel(deployment);
        progress(deployment);
        const { provisioningState, error } = deployment.properties;
        if (provisioningState === 'Running') return send(200, { status: 'Running' }, later);
        return send(200, { status: provisioningState, ...(error ? { error } : {}) });
      }
      default:
        break;
    }
    // Location-polled operations: 202 while running, as ARM answers them.
    if (lro.polls < scenario.locationPolls) {
      lro.polls++;
      return send(202, undefined, { location: `${base}/_lro/${id}?api-version=2025-04-01`, ...later });
    }
    switch (lro.kind) {
      case 'delete-deployment':
        state.deployments.delete(key(lro.target));
        return send(204);
      case 'delete-group':
        state.deleteResourceGroup(lro.target);
        return send(200);
      case 'validate':
      case 'whatif':
        return send(200, lro.result);
    }
  }

  function resourceGroup(method: string, subscriptionId: string, name: string, body: Record<string, unknown>, send: Send, armError: ArmErrorSend): void {
    const id = `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
    const existing = state.resourceGroups.get(key(id));
    const json = (g: { id: string; name: string; location: string }): unknown => ({
      id: g.id,
      name: g.name,
      type: 'Microsoft.Resources/resourceGroups',
      location: g.location,
      properties: { provisioningState: 'Succeeded' },
    });
    switch (method) {
      case 'HEAD':
        return send(existing ? 204 : 404);
      case 'GET':
        return existing ? send(200, json(existing)) : armError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
      case 'PUT': {
        if (typeof body['location'] !== 'string' || body['location'] === '') return armError(400, 'LocationRequired', 'location is required');
        const group = existing ?? state.addResourceGroup(subscriptionId, name, body['location']);
        return send(existing ? 200 : 201, json(group));
      }
      case 'DELETE':
        if (!existing) return armError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
        return startLro({ kind: 'delete-group', target: existing.id, polls: 0 }, send, 202, undefined, 'location');
      default:
        return armError(405, 'MethodNotAllowed', method);
    }
  }

  function deployments(
    method: string,
    scope: string,
    name: string | undefined,
    action: string | undefined,
    { body, url, correlationId }: { body: Record<string, unknown>; url: URL; correlationId: string },
    send: Send,
    armError: ArmErrorSend,
  ): void {
    const rg = RG_PATH.exec(scope);
    const groupMissing = rg !== null && !state.hasResourceGroup(rg[1] ?? '', rg[2] ?? '');
    if (name === undefined) {
      if (method !== 'GET') return armError(405, 'MethodNotAllowed', method);
      if (groupMissing) return armError(404, 'ResourceGroupNotFound', 'Resource group could not be found.');
      return send(200, page(state.deploymentsAt(scope).map(deploymentJson), url));
    }
    const deployment = state.getDeployment(scope, name);
    if (deployment) settleCancel(deployment);
    if (deployment && method === 'GET' && action === undefined) progress(deployment);
    if (action === 'operations') {
      if (method !== 'GET') return armError(405, 'MethodNotAllowed', method);
      return operations(scope, name, url, send, armError);
    }
    if (action === 'cancel') {
      if (!deployment) return armError(404, 'DeploymentNotFound', `Deployment '${name}' could not be found.`);
      const running = ['Accepted', 'Running'].includes(deployment.properties.provisioningState);
      if (!running) return armError(409, 'DeploymentCannotBeCanceled', `Deployment '${name}' is ${deployment.properties.provisioningState}.`);
      // Cancel is asynchronous (204, "cancels a currently running template deployment"): the
      // deployment still reads as running for scenario.cancelPolls reads, then Canceled.
      cancelling.set(key(deployment.id), scenario.cancelPolls);
      settleCancel(deployment);
      return send(204);
    }
    if (action === 'validate' || action === 'whatif') {
      if (groupMissing) return armError(404, 'ResourceGroupNotFound', 'Resource group could not be found.');
      if (action === 'validate' && scenario.validationError) return send(400, { error: scenario.validationError });
      const request = deploymentBody(body, scope);
      if ('error' in request) return armError(400, request.error.code, request.error.message);
      let planned: PlannedItem[];
      try {
        planned = state.plan({
          scope,
          name,
          template: request.template,
          parameters: request.parameters,
          ...(request.location ? { location: request.location } : {}),
        });
      } catch (error) {
        return armError(400, 'InvalidTemplate', error instanceof Error ? error.message : String(error));
      }
      const missingGroup = missingTargetGroup(planned);
      if (missingGroup) return armError(404, 'ResourceGroupNotFound', `Resource group '${missingGroup}' could not be found.`);
      // Validation does not expand a nested deployment whose parameters hold a reference(); its
      // resources are skipped and a diagnostic says so (PostDeploymentValidateOnResourceGroup example).
      const items = flatten(planned, action === 'validate');
      const shortCircuited = items.some((i) => i.shortCircuited);
      const diagnostics = shortCircuited ? [diagnosticFromExample('NestedDeploymentShortCircuited')] : [];
      const result =
        action === 'validate'
          ? {
              id: deploymentIdOf(scope, name),
              name,
              type: 'Microsoft.Resources/deployments',
              properties: {
                provisioningState: 'Succeeded',
                correlationId,
                mode: 'Incremental',
                ...(scenario.omitValidatedResources ? {} : { validatedResources: items.map((i) => ({ id: i.id })) }),
                ...(diagnostics.length > 0 ? { diagnostics } : {}),
              },
            }
          : scenario.whatIfError
            ? { status: 'Failed', error: scenario.whatIfError }
            : { status: 'Succeeded', properties: { changes: whatIfChanges(items, resultFormat(body)) } };
      return startLro({ kind: action, target: deploymentIdOf(scope, name), polls: 0, result }, send, 202, undefined, 'location');
    }
    switch (method) {
      case 'GET':
        return deployment ? send(200, deploymentJson(deployment)) : armError(404, 'DeploymentNotFound', `Deployment '${name}' could not be found.`);
      case 'HEAD':
        return send(deployment ? 204 : 404);
      case 'PUT': {
        if (groupMissing) return armError(404, 'ResourceGroupNotFound', `Resource group '${rg?.[2]}' could not be found.`);
        const request = deploymentBody(body, scope);
        if ('error' in request) return armError(400, request.error.code, request.error.message);
        try {
          state.plan({ scope, name, template: request.template, parameters: request.parameters, ...(request.location ? { location: request.location } : {}) });
        } catch (error) {
          return armError(400, 'InvalidTemplateDeployment', error instanceof Error ? error.message : String(error));
        }
        // ARM refuses to replace a deployment of the same name while it runs (real message).
        if (deployment && ['Accepted', 'Running'].includes(deployment.properties.provisioningState)) {
          return armError(
            409,
            'DeploymentActive',
            `Unable to edit or replace deployment '${name}': previous deployment from '${deployment.properties.timestamp}' is still active (expiration time is '${new Date(Date.now() + 86_400_000).toISOString()}'). Please see https://aka.ms/arm-deploy for usage details.`,
          );
        }
        const created = state.createDeployment(scope, name, request, correlationId);
        progressReads.delete(key(created.id));
        cancelling.delete(key(created.id));
        return startLro({ kind: 'deploy', target: created.id, polls: 0 }, send, 201, deploymentJson(created), 'azure-asyncoperation');
      }
      case 'DELETE':
        if (!deployment) return send(204);
        if (['Accepted', 'Running'].includes(deployment.properties.provisioningState)) {
          return armError(409, 'DeploymentActive', `Deployment '${name}' is running; cancel it first.`);
        }
        return startLro({ kind: 'delete-deployment', target: deployment.id, polls: 0 }, send, 202, undefined, 'location');
      default:
        return armError(405, 'MethodNotAllowed', method);
    }
  }

  /**
   * ARM runs a deployment by itself, whoever watches: each read of it (its operation status, or a
   * GET by anyone, the post step included) moves it on; after scenario.runningPolls reads it ends.
   */
  function progress(deployment: FakeDeployment): void {
    const current = deployment.properties.provisioningState;
    if ((current !== 'Accepted' && current !== 'Running') || cancelling.has(key(deployment.id))) return;
    const reads = progressReads.get(key(deployment.id)) ?? 0;
    if (scenario.neverFinish || reads < scenario.runningPolls) {
      progressReads.set(key(deployment.id), reads + 1);
      deployment.properties.provisioningState = 'Running';
      return;
    }
    progressReads.delete(key(deployment.id));
    state.apply(deployment, { failResources: scenario.failResources, rawStatusMessages: scenario.rawStatusMessages });
  }

  /** A cancelled deployment reads as running for scenario.cancelPolls reads, then Canceled. */
  function settleCancel(deployment: FakeDeployment): void {
    const left = cancelling.get(key(deployment.id));
    if (left === undefined) return;
    if (left > 0) {
      cancelling.set(key(deployment.id), left - 1);
      return;
    }
    cancelling.delete(key(deployment.id));
    if (['Accepted', 'Running'].includes(deployment.properties.provisioningState)) deployment.properties.provisioningState = 'Canceled';
  }

  /** A nested deployment into a resource group that neither exists nor is created by the template. */
  function missingTargetGroup(planned: PlannedItem[]): string | undefined {
    const all = flatten(planned, false);
    const created = new Set(all.filter((i) => i.kind === 'resourceGroup').map((i) => key(i.id)));
    for (const item of all) {
      const rg = item.kind === 'deployment' ? RG_PATH.exec(item.targetScope ?? '') : null;
      if (rg && !state.hasResourceGroup(rg[1] ?? '', rg[2] ?? '') && !created.has(key(item.targetScope ?? ''))) return rg[2];
    }
    return undefined;
  }

  /** GET /subscriptions/{id}/providers/Microsoft.Resources, shaped like the spec's GetProvider example. */
  function providerRegistration(subscriptionId: string): unknown {
    const example = contract.example('resources/examples/2025-04-01/GetProvider.json') as { responses: { 200: { body: Record<string, unknown> } } };
    const shape = example.responses[200].body;
    const type = (resourceType: string, apiVersions: string[]): unknown => ({ resourceType, locations: [], apiVersions, capabilities: 'None' });
    return {
      ...shape,
      id: `/subscriptions/${subscriptionId}/providers/Microsoft.Resources`,
      namespace: 'Microsoft.Resources',
      registrationPolicy: 'RegistrationFree',
      registrationState: 'Registered',
      resourceTypes: [
        type('deployments', scenario.apiVersions.deployments),
        type('deployments/operations', scenario.apiVersions.deployments),
        type('resourceGroups', scenario.apiVersions.resources),
        type('providers', scenario.apiVersions.resources),
      ],
    };
  }

  function diagnosticFromExample(code: string): unknown {
    const example = contract.example('deployments/stable/2026-06-01/examples/PostDeploymentValidateOnResourceGroup.json') as {
      responses: { 200: { body: { properties: { diagnostics: { code: string }[] } } } };
    };
    return example.responses[200].body.properties.diagnostics.find((d) => d.code === code);
  }

  function operations(scope: string, name: string, url: URL, send: Send, armError: ArmErrorSend): void {
    const deployment = state.getDeployment(scope, name);
    if (!deployment) return armError(404, 'DeploymentNotFound', `Deployment '${name}' could not be found.`);
    return send(200, page(deployment.operations, url));
  }

  function page(items: unknown[], url: URL): unknown {
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const value = items.slice(skip, skip + scenario.pageSize);
    const more = skip + scenario.pageSize < items.length;
    return {
      value,
      ...(more ? { nextLink: `${base}${url.pathname}?api-version=${url.searchParams.get('api-version')}&$skiptoken=${skip + scenario.pageSize}` } : {}),
    };
  }

  /**
   * Nested deployments are expanded, not listed (see the header). With ResourceIdOnly, ARM cannot
   * diff properties, so a resource that exists is `Deploy` rather than `NoChange`/`Modify`.
   */
  function whatIfChanges(items: PlannedItem[], format: string): { resourceId: string; changeType: string }[] {
    return items
      .filter((i) => i.kind !== 'deployment')
      .map((i) => ({ resourceId: i.id, changeType: !exists(i) ? 'Create' : format === 'resourceidonly' ? 'Deploy' : 'NoChange' }));
  }

  function exists(item: PlannedItem): boolean {
    if (item.kind === 'deployment') return state.deployments.has(key(item.id));
    if (item.kind === 'resourceGroup') return state.resourceGroups.has(key(item.id));
    return state.resources.has(key(item.id));
  }

  return {
    url: base,
    caFile: certificate.certFile,
    tenantId,
    clientId,
    clientSecret,
    oidcRequestToken,
    cliAccessToken,
    scenario,
    state,
    requests,
    violations,
    childEnv(credential): Record<string, string> {
      const trust = { NODE_EXTRA_CA_CERTS: certificate.certFile };
      if (credential === 'azure-cli') return { ...trust, PATH: `${az.binDir}${delimiter}${process.env['PATH'] ?? ''}` };
      if (credential === 'oidc') {
        // Decoys: the client-id and tenant-id inputs must win over these for the login to work.
        return {
          ...trust,
          CUA_GUARD_CREDENTIAL: 'oidc',
          AZURE_TENANT_ID: randomUUID(),
          AZURE_CLIENT_ID: randomUUID(),
          ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/_github/idtoken?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidcRequestToken,
        };
      }
      return { ...trust, CUA_GUARD_CREDENTIAL: 'environment', AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId, AZURE_CLIENT_SECRET: clientSecret };
    },
    azCalls: () => az.calls(),
    deployNow(scope, name, template, parameters = {}, location) {
      const deployment = state.createDeployment(scope, name, { template, parameters, ...(location ? { location } : {}) }, randomUUID());
      state.apply(deployment, { failResources: scenario.failResources, rawStatusMessages: scenario.rawStatusMessages });
      return deployment;
    },
    /** Stops the server; rejects when anything broke the specification, so the test file fails. */
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      certificate.dispose();
      if (violations.length > 0) throw new Error(`fake ARM: ${violations.length} contract violation(s):\n${[...new Set(violations)].slice(0, 20).join('\n')}`);
    },
  };
}

const FAULT_CODES: Record<number, string> = {
  403: 'AuthorizationFailed',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

function kindOf(path: string): RequestKind {
  if (/^\/metadata\/endpoints$/i.test(path)) return 'metadata';
  if (/^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/i.test(path) || /^\/adfs\/\.well-known\/openid-configuration$/i.test(path)) return 'discovery';
  if (/^\/[^/]+\/oauth2\/v2\.0\/token$/i.test(path) || /^\/adfs\/oauth2\/token$/i.test(path)) return 'token';
  if (path === '/_github/idtoken') return 'oidc';
  if (path.startsWith('/_lro/')) return 'lro';
  if (/^\/(subscriptions|providers)\//i.test(path)) return 'arm';
  return 'unknown';
}

/** Canonical spelling of a scope id from a request path. */
function canonicalScope(raw: string): string {
  const rg = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)$/i.exec(raw);
  if (rg) return `/subscriptions/${rg[1]}/resourceGroups/${rg[2]}`;
  const sub = /^\/subscriptions\/([^/]+)$/i.exec(raw);
  if (sub) return `/subscriptions/${sub[1]}`;
  const mg = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/i.exec(raw);
  if (mg) return `/providers/Microsoft.Management/managementGroups/${mg[1]}`;
  return '';
}

function deploymentBody(
  body: Record<string, unknown>,
  scope: string,
): { template: Record<string, unknown>; parameters: Record<string, unknown>; location?: string; mode: string } | { error: ArmErrorBody } {
  const properties = isRecord(body['properties']) ? body['properties'] : undefined;
  if (!properties || !isRecord(properties['template']))
    return { error: { code: 'InvalidRequestContent', message: 'properties.template is required (the fake takes inline templates only)' } };
  const location = typeof body['location'] === 'string' && body['location'] !== '' ? body['location'] : undefined;
  if (!RG_PATH.test(scope) && location === undefined)
    return { error: { code: 'LocationRequired', message: 'The location property is required for this definition.' } };
  return {
    template: properties['template'],
    parameters: isRecord(properties['parameters']) ? properties['parameters'] : {},
    mode: typeof properties['mode'] === 'string' ? properties['mode'] : 'Incremental',
    ...(location ? { location } : {}),
  };
}

function resultFormat(body: Record<string, unknown>): string {
  const properties = isRecord(body['properties']) ? body['properties'] : {};
  const settings = isRecord(properties['whatIfSettings']) ? properties['whatIfSettings'] : {};
  return typeof settings['resultFormat'] === 'string' ? settings['resultFormat'].toLowerCase() : 'fullresourcepayloads';
}

function deploymentJson(d: FakeDeployment): unknown {
  const { template: _template, ...properties } = d.properties;
  return { id: d.id, name: d.name, type: 'Microsoft.Resources/deployments', ...(d.location ? { location: d.location } : {}), properties };
}

/** The plan's items, nested deployments expanded (for validation: unless short-circuited). */
function flatten(items: PlannedItem[], validation = false): PlannedItem[] {
  return items.flatMap((i) => [i, ...(validation && i.shortCircuited ? [] : flatten(i.children ?? [], validation))]);
}

function fakeJwt(payload: Record<string, unknown>): string {
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ ...payload, iat: now, nbf: now, exp: now + 600 })}.${Buffer.from(randomUUID()).toString('base64url')}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
