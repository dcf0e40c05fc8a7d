// Validates a parsed configuration against schema/cua-guard.schema.json (the schema editors use
// through `$schema`) and turns each ajv error into file:line:col and a sentence.
// Loaded lazily: runs without a configuration file never load ajv.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import schema from '../../schema/cua-guard.schema.json' with { type: 'json' };
import { LineIndex } from '../parse/text-position.ts';
import { ConfigError, type ConfigProblem } from './config-error.ts';
import type { ParsedConfig } from './load-config.ts';
import type { ConfigOverride, CuaGuardConfig } from './config-types.ts';

// The schema lists every rule (a test keeps it equal to the rule modules), so this lazily loaded
// module needs no rules and none of the engine behind them.
const RULE_IDS = Object.keys(schema.definitions.rules.properties);

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true, verbose: true }).compile(schema);
  return compiled;
}

export function validateConfiguration(parsed: ParsedConfig, text: string, displayPath: string): CuaGuardConfig {
  const validate = validator();
  if (validate(parsed.value)) return withCanonicalKeys(parsed, text, displayPath);
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const error of preferSpecific(validate.errors ?? [])) {
    const node = nodeFor(parsed.tree, error);
    const position = lines.positionAt(node?.offset ?? 0);
    const message = describe(error);
    const key = `${position.line}:${position.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ ...position, message });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  throw new ConfigError(displayPath, problems.slice(0, 10));
}

/** Kebab-case spellings (as the action inputs are written) and the camelCase ones mean the same. */
const ALIASES: Readonly<Record<string, keyof CuaGuardConfig & keyof ConfigOverride>> = {
  'tracking-ids': 'trackingIds',
  'strict-names': 'strictNames',
  'max-tracking-resources': 'maxTrackingResources',
};

/** The configuration with kebab-case keys renamed; both spellings of one setting in one place is a mistake. */
function withCanonicalKeys(parsed: ParsedConfig, text: string, file: string): CuaGuardConfig {
  const problems: ConfigProblem[] = [];
  const lines = new LineIndex(text);
  const canonical = (object: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(object)) {
      const name = ALIASES[key] ?? key;
      if (name !== key && name in object) {
        const node = findNodeAtLocation(parsed.tree, [...path, key])?.parent?.children?.[0];
        problems.push({
          ...lines.positionAt(node?.offset ?? 0),
          message: `'${key}' and '${name}' are the same setting${path.length ? ` (in ${displayPath(path)})` : ''}; keep one`,
        });
      }
      if (!(name in out)) out[name] = value;
    }
    return out;
  };
  const root = canonical(parsed.value as Record<string, unknown>, []);
  if (Array.isArray(root['overrides'])) root['overrides'] = (root['overrides'] as Record<string, unknown>[]).map((o, i) => canonical(o, ['overrides', i]));
  if (problems.length > 0) throw new ConfigError(file, problems);
  return root as CuaGuardConfig;
}

/** Drops the umbrella errors ajv adds next to a more specific one at the same place. */
function preferSpecific(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => !(e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf'));
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** The node the error is about: the offending key for unknown properties, else the value (or its nearest ancestor). */
function nodeFor(tree: Node, error: ErrorObject): Node | undefined {
  const path = pathOf(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const value = extra === undefined ? undefined : findNodeAtLocation(tree, [...path, extra]);
    const key = value?.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
    if (key) return key;
  }
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(tree, path.slice(0, depth));
    if (node) return node;
  }
  return tree;
}

function describe(error: ErrorObject): string {
  const path = pathOf(error.instancePath);
  const where = displayPath(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      if ((path.length === 1 && path[0] === 'rules') || (path.length === 3 && path[0] === 'overrides' && path[2] === 'rules')) {
        const upper = extra.toUpperCase();
        if (RULE_IDS.includes(upper)) return `rule ids are written in capitals: '${upper}', not '${extra}' (in ${where})`;
        return `unknown rule '${extra}' in ${where} (known: ${RULE_IDS[0]}…${RULE_IDS[RULE_IDS.length - 1]})`;
      }
      // The kebab-case aliases are left out of the hint: one spelling per setting is enough.
      const known = Object.keys(knownProperties(path))
        .filter((key) => !(key in ALIASES))
        .join(', ');
      return `unknown setting '${extra}'${where === 'the configuration' ? '' : ` in ${where}`}${known ? ` (known: ${known})` : ''}`;
    }
    case 'enum':
      return `${where} must be one of ${(params['allowedValues'] as unknown[]).map(String).join(', ')}, not ${JSON.stringify(error.data)}`;
    case 'type':
      return `${where} must be ${article(String(params['type']))}, not ${typeName(error.data)}`;
    case 'pattern':
      if (path.includes('trackingIds') || path.includes('tracking-ids')) {
        return `${where}: '${String(error.data)}' is neither a GUID (with or without 'pid-') nor a Partner Center id ('<id>-partnercenter')`;
      }
      return `${where} does not match ${String(params['pattern'])}`;
    case 'minimum':
      return `${where} must be at least ${String(params['limit'])}, not ${JSON.stringify(error.data)}`;
    case 'minItems':
      return `${where} must list at least ${String(params['limit'])} item(s)`;
    case 'minLength':
      return `${where} must not be empty`;
    case 'required':
      return `${where} needs '${String(params['missingProperty'])}'`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

function knownProperties(path: (string | number)[]): Record<string, unknown> {
  if (path.length === 0) return schema.properties;
  if (path.length === 2 && path[0] === 'overrides') return schema.properties.overrides.items.properties;
  return {};
}

function displayPath(path: (string | number)[]): string {
  if (path.length === 0) return 'the configuration';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function article(type: string): string {
  return type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
