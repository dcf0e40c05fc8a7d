// Reading raw template JSON (definitions, deployments, copy entries) the way ARM reads it: property
// names are case-insensitive. Sources: ARM's object functions document that "when testing if an
// object contains a key, the comparison is case-insensitive" (learn.microsoft.com, "Object
// functions for ARM templates", contains); Microsoft's own reader of ARM JSON, the Bicep
// decompiler, looks every template property up with `parent.Property(name,
// StringComparison.OrdinalIgnoreCase)` (Azure/bicep, src/Bicep.Decompiler/ArmHelpers/TemplateHelpers.cs,
// GetProperty). The exact spelling is tried first: nearly every template spells names as documented.
import { isRecord } from '../parse/template-source.ts';

export { isRecord };

/** The key of `record` equal to `name` ignoring case: the exact spelling first, else the first match. */
export function findKey(record: Record<string, unknown>, name: string): string | undefined {
  if (Object.hasOwn(record, name)) return name;
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) return key;
  return undefined;
}

/** `record[name]`, name ignoring case; undefined when absent. */
export function propertyOf(record: Record<string, unknown>, name: string): unknown {
  const key = findKey(record, name);
  return key === undefined ? undefined : record[key];
}

/** `name in record`, ignoring case. */
export function hasProperty(record: Record<string, unknown>, name: string): boolean {
  return findKey(record, name) !== undefined;
}

/** The value as an object, when it is one. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

/** The property as an object, when it is one. */
export function recordOf(record: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  return asRecord(propertyOf(record, name));
}
