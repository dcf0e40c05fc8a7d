// A link chosen by a parameter (`concat('nested/lb-', parameters('lbType'), '.json')`) names a
// different template for each value the customer may choose: with `allowedValues`, or a bool, each
// value is a deployment the check must see, not only the default's.
import { referencesIn } from '../expressions/index.ts';
import { isRecord } from '../parse/template-source.ts';

/** One value of one parameter that selects a link, to evaluate the link with. */
export interface LinkAlternative {
  parameter: string;
  value: string | number | boolean;
}

/** At most this many values per link: a long allowedValues list is a list of sizes, not of templates. */
const MAX_ALTERNATIVES = 16;

/**
 * The values other than the one the check used, for each parameter of `template` that the link
 * expression uses (directly or through a variable) and that has `allowedValues` or is a bool. A
 * parameters file is one deployment's choice; the repository serves every allowed one.
 */
export function linkAlternatives(raw: unknown, template: Record<string, unknown>, given: Record<string, unknown>): LinkAlternative[] {
  if (typeof raw !== 'string') return [];
  const parameters = isRecord(template['parameters']) ? template['parameters'] : {};
  const variables = isRecord(template['variables']) ? template['variables'] : {};
  const names = new Set<string>();
  for (const reference of referencesIn(raw)) {
    if (reference.kind === 'parameters') names.add(reference.name);
    else {
      const value = variables[keyOf(variables, reference.name) ?? ''];
      if (typeof value === 'string') for (const inner of referencesIn(value)) if (inner.kind === 'parameters') names.add(inner.name);
    }
  }
  const out: LinkAlternative[] = [];
  for (const name of names) {
    const key = keyOf(parameters, name);
    const definition = key === undefined ? undefined : parameters[key];
    if (key === undefined || !isRecord(definition)) continue;
    // The value the check used (the parameters file's, else the default) is followed already.
    const givenKey = keyOf(given, key);
    const used = givenKey === undefined ? definition['defaultValue'] : given[givenKey];
    const allowed = Array.isArray(definition['allowedValues'])
      ? definition['allowedValues']
      : String(definition['type'] ?? '').toLowerCase() === 'bool'
        ? [true, false]
        : [];
    const values = allowed.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v));
    for (const value of values.slice(0, MAX_ALTERNATIVES)) if (value !== used) out.push({ parameter: key, value });
  }
  return out;
}

function keyOf(record: Record<string, unknown>, name: string): string | undefined {
  if (Object.hasOwn(record, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(record).find((key) => key.toLowerCase() === lower);
}
