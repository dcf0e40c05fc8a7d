// Core vocabulary shared by the engine, the rules and the reporters.
// Nothing here knows about GitHub or Azure.

export type Severity = 'error' | 'warning' | 'notice';
/** A severity setting can also switch a rule off. */
export type SeverityLevel = Severity | 'off';

/** Path of a node inside a JSON document: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/** A place a rule points at, before it is turned into line and column. */
export interface NodeRef {
  /** Workspace-relative path of the file (forward slashes). */
  file: string;
  path: JsonPath;
  /** Point at the property key rather than its value (for "missing x" findings). */
  at?: 'key' | 'value';
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** File the finding is in (workspace-relative, forward slashes); may be a linked template. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine?: number;
  endColumn?: number;
  /** JSON pointer of the node, for fingerprints and tools. */
  jsonPointer?: string;
  /** Set when an inline `metadata.cua-guard.ignore` suppresses the finding. */
  suppressed?: { reason: string };
}

/** What the checker concluded about one tracking resource it found. */
export interface TrackingResourceSummary {
  /** The name as written in the template. */
  nameExpression: string;
  /** The name as far as it could be resolved; unknown parts shown as `{…}`. */
  resolvedName: string;
  /** The tracking id (GUID or partner-center id) when it could be read from the name. */
  trackingId?: string;
  /** Resource type as written; a tracking resource must be Microsoft.Resources/deployments. */
  type: string;
  file: string;
  line: number;
  column: number;
  /** JSON pointer of the resource in its file. */
  jsonPointer: string;
  placement: Placement;
}

export type Placement = 'top-level' | 'nested-inline' | 'child' | 'linked';

export type DeploymentScope = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';

/**
 * A parameters-file value known only at deployment (a Key Vault reference): the parameter
 * evaluates to unknown, never to its defaultValue, and the reference itself is never shown.
 */
export const KNOWN_AT_DEPLOYMENT: unique symbol = Symbol('known at deployment');

export interface TemplateResult {
  /** Workspace-relative path of the main template. */
  path: string;
  verdict: 'pass' | 'fail';
  scope?: DeploymentScope;
  findings: Finding[];
  tracking: TrackingResourceSummary[];
  /** Workspace-relative paths of linked template files that were checked with it. */
  linkedFiles: string[];
  /**
   * Every workspace-relative file a templateLink was looked for at, whether it exists or not
   * (a superset of linkedFiles): `only-changed` matches deleted and renamed linked files against
   * it. Absent when the template could not be read.
   */
  linkTargets?: string[];
  /** Workspace-relative path of the parameters file whose values were used. */
  parametersFile?: string;
}

export interface CheckReport {
  tool: { name: 'cua-guard'; version: string };
  files: TemplateResult[];
  counts: Record<Severity, number> & { suppressed: number };
}
