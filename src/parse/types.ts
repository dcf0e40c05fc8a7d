// Where things are in a parsed document, independent of what they mean.

/** Path of a node inside a JSON document: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/** A place a rule points at, before it is turned into line and column. */
export interface NodeRef {
  /** Workspace-relative path of the file (forward slashes). */
  file: string;
  path: JsonPath;
  /** Point at the property key rather than its value (for "missing x" findings). */
  at?: 'key' | 'value';
  /** A character offset in the file's text, for places no path reaches (a JSON syntax error). */
  offset?: number;
}

/**
 * A parameters-file value known only at deployment (a Key Vault reference): the parameter
 * evaluates to unknown, never to its defaultValue, and the reference itself is never shown.
 */
export const KNOWN_AT_DEPLOYMENT: unique symbol = Symbol('known at deployment');
