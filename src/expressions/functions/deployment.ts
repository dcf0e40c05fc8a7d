// parameters(), variables(), copyIndex() and the deployment-context functions.
import type { ScopeKind } from '../types.ts';
import { Unknown, type ArmValue, type ContextFunction } from '../value.ts';
import { fn, type Call, type FunctionTable } from './types.ts';

function lookup(call: Call, what: 'parameter' | 'variable'): ArmValue {
  const name = call.arg(0);
  if (name instanceof Unknown) return call.unknown();
  if (typeof name !== 'string') return call.fail(`${what} name must be a string`);
  const { scope, state, errors } = call.frame;
  const resolution = what === 'parameter' ? scope.resolveParameter(name, state) : scope.resolveVariable(name, state);
  switch (resolution.kind) {
    case 'missing':
      return call.fail(`${what} '${name}' is not defined in the template`, 'static');
    case 'cycle':
      return call.fail(`circular reference: ${what} '${name}' depends on itself`, 'circular');
    case 'value':
      for (const error of resolution.errors) errors.push({ ...error });
      return resolution.value;
  }
}

/** copyIndex([loopName], [offset]) inside a variable or property copy loop; Unknown elsewhere. */
function copyIndex(call: Call): ArmValue {
  const first = call.argCount > 0 ? call.arg(0) : null;
  const loopName = typeof first === 'string' ? first.toLowerCase() : undefined;
  const offsetValue = typeof first === 'number' ? first : call.argCount > 1 ? call.arg(1) : 0;
  if (first instanceof Unknown || offsetValue instanceof Unknown) return copyIndexUnknown(call);
  if (first !== null && typeof first !== 'string' && typeof first !== 'number') return call.fail('copyIndex expects a loop name or an offset');
  if (typeof offsetValue !== 'number' || !Number.isInteger(offsetValue)) return call.fail('copyIndex offset must be an integer');
  const loops = call.frame.copy;
  for (let i = loops.length - 1; i >= 0; i--) {
    const loop = loops[i];
    if (loop !== undefined && (loopName === undefined || loop.name === loopName)) return loop.index + offsetValue;
  }
  return copyIndexUnknown(call); // a resource copy loop: the index is the engine's business
}

function copyIndexUnknown(call: Call): Unknown {
  return new Unknown(call.text, { kind: 'copy-index' });
}

/** deployment(), resourceGroup(), ...: Unknown objects whose properties read as `<fn>().<prop>`. */
function contextObject(canonical: ContextFunction, availableAt?: readonly ScopeKind[]): (call: Call) => ArmValue {
  const unavailable =
    availableAt === undefined ? undefined : `${canonical}() is only available in deployments to ${availableAt.map(describeKind).join(' or ')}`;
  const available = new Set(availableAt);
  return (call) => {
    const kind = call.frame.scope.kind;
    // "Supported functions" of ARM's deployment scopes: resourceGroup() at resource-group scope,
    // subscription() there and at subscription scope.
    if (unavailable !== undefined && kind !== undefined && !available.has(kind))
      return call.fail(`${unavailable}, not in a deployment to ${describeKind(kind)}`, 'static');
    if (call.argCount > 0) {
      call.args(); // report problems inside the arguments
      return new Unknown(call.text, { kind: 'context', fn: canonical });
    }
    return new Unknown(`${canonical}()`, { kind: 'context', fn: canonical });
  };
}

function describeKind(kind: ScopeKind): string {
  switch (kind) {
    case 'resourceGroup':
      return 'a resource group';
    case 'subscription':
      return 'a subscription';
    case 'managementGroup':
      return 'a management group';
    case 'tenant':
      return 'the tenant';
  }
}

export const deploymentFunctions: FunctionTable = {
  parameters: fn(1, 1, (call) => lookup(call, 'parameter')),
  variables: fn(1, 1, (call) => lookup(call, 'variable')),
  copyIndex: fn(0, 2, copyIndex),
  deployment: fn(0, 0, contextObject('deployment')),
  resourceGroup: fn(0, 0, contextObject('resourceGroup', ['resourceGroup'])),
  subscription: fn(0, 0, contextObject('subscription', ['resourceGroup', 'subscription'])),
  environment: fn(0, 0, contextObject('environment')),
  managementGroup: fn(0, 1, contextObject('managementGroup')),
  tenant: fn(0, 0, contextObject('tenant')),
  deployer: fn(0, 0, contextObject('deployer')),
};
