// Parameters whose values are known only at deployment, whatever the template's defaultValue says:
// values the parameters file gives as Key Vault references, and `_artifactsLocation`, which the
// Marketplace replaces with the package location (its default is often a raw.githubusercontent.com
// URL). Their scopes see them without a default, so they evaluate to unknown.
import { PACKAGE_BASE_PARAMETER } from './linked-templates.ts';
import { isRecord } from '../parse/template-source.ts';
import { KNOWN_AT_DEPLOYMENT } from '../parse/types.ts';
import type { MissingParameterValue } from '../expressions/value.ts';

const NO_NAMES: ReadonlySet<string> = new Set();

/** Plain values for the scope, and the lower-case names of values known only at deployment. */
export function splitParameterValues(given: Record<string, unknown>): { values: Record<string, unknown>; knownAtDeployment: Set<string> } {
  const knownAtDeployment = new Set<string>();
  let values = given;
  for (const [name, value] of Object.entries(given)) {
    if (value !== KNOWN_AT_DEPLOYMENT && !PACKAGE_BASE_PARAMETER.test(name)) continue;
    if (values === given) values = { ...given };
    delete values[name];
    knownAtDeployment.add(name.toLowerCase());
  }
  return { values, knownAtDeployment };
}

/** `names` plus the template's `_artifactsLocation` parameter, if it declares one (lower case). */
export function withPackageBase(template: Record<string, unknown>, names: ReadonlySet<string> = NO_NAMES): ReadonlySet<string> {
  const parameters = template['parameters'];
  if (!isRecord(parameters)) return names;
  const base = Object.keys(parameters).find((key) => PACKAGE_BASE_PARAMETER.test(key));
  return base === undefined ? names : new Set([...names, base.toLowerCase()]);
}

/** Why each of these parameters (lower-case names) is known only at deployment. */
export function deploymentTimeReasons(names: ReadonlySet<string>): Map<string, MissingParameterValue> {
  return new Map([...names].map((name) => [name, PACKAGE_BASE_PARAMETER.test(name) ? 'package-location' : 'key-vault']));
}

/**
 * The template as its scope should see it: the parameters in `names` lose their defaultValue, so
 * they evaluate to unknown. The template itself when nothing changes (nearly always).
 */
export function withoutDefaults(template: Record<string, unknown>, names: ReadonlySet<string>): Record<string, unknown> {
  const parameters = template['parameters'];
  if (names.size === 0 || !isRecord(parameters)) return template;
  let copy: Record<string, unknown> | undefined;
  for (const [key, definition] of Object.entries(parameters)) {
    if (!names.has(key.toLowerCase()) || !isRecord(definition) || !('defaultValue' in definition)) continue;
    copy ??= { ...parameters };
    const { defaultValue: _dropped, ...rest } = definition;
    copy[key] = rest;
  }
  return copy === undefined ? template : { ...template, parameters: copy };
}
