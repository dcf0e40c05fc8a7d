// parameters(), variables(), copyIndex() and the deployment-context functions.
import { SCOPE_FUNCTION_SCOPES, type ScopeFunction } from '../diagnostics.ts';
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
      return call.reject({ code: what === 'parameter' ? 'undefined-parameter' : 'undefined-variable', name });
    case 'cycle':
      return call.reject({ code: what === 'parameter' ? 'circular-parameter' : 'circular-variable', name });
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

/** deployment(), tenant(), ...: Unknown objects whose properties read as `<fn>().<prop>`. */
function contextObject(canonical: ContextFunction): (call: Call) => ArmValue {
  return (call) => {
    if (call.argCount > 0) {
      call.args(); // report problems inside the arguments
      return new Unknown(call.text, { kind: 'context', fn: canonical });
    }
    return new Unknown(`${canonical}()`, { kind: 'context', fn: canonical });
  };
}

/** resourceGroup() and subscription(): context objects in a deployment to a scope that has one. */
function scopeObject(canonical: ScopeFunction): (call: Call) => ArmValue {
  const available = new Set<ScopeKind>(SCOPE_FUNCTION_SCOPES[canonical]);
  const context = contextObject(canonical);
  return (call) => {
    const scope = call.frame.scope.kind;
    if (scope !== undefined && !available.has(scope)) return call.reject({ code: 'wrong-scope', function: canonical, scope });
    return context(call);
  };
}

export const deploymentFunctions: FunctionTable = {
  parameters: fn(1, 1, (call) => lookup(call, 'parameter')),
  variables: fn(1, 1, (call) => lookup(call, 'variable')),
  copyIndex: fn(0, 2, copyIndex),
  deployment: fn(0, 0, contextObject('deployment')),
  resourceGroup: fn(0, 0, scopeObject('resourceGroup')),
  subscription: fn(0, 0, scopeObject('subscription')),
  environment: fn(0, 0, contextObject('environment')),
  managementGroup: fn(0, 1, contextObject('managementGroup')),
  tenant: fn(0, 0, contextObject('tenant')),
  deployer: fn(0, 0, contextObject('deployer')),
};
