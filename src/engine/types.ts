// Core vocabulary shared by the engine, the rules and the reporters.
// Nothing here knows about GitHub or Azure.
import type { DeploymentScope, Placement } from '../model/types.ts';
import type { TrackingNameForm } from '../model/tracking-name.ts';
import type { Fix, MessageData } from './rule.ts';
import type { LinkVia } from '../model/linked-templates.ts';
import type { TemplateKind } from '../model/template-kind.ts';

export type Severity = 'error' | 'warning' | 'notice';
/** A severity setting can also switch a rule off. */
export type SeverityLevel = Severity | 'off';

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Which of the rule's messages, and the values it was rendered with (fingerprints hash these). */
  messageId: string;
  data?: MessageData;
  /** The message rendered from the rule's template. */
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
  /** The rule's repair, when it has one for this finding (`cua-guard fix` applies it). */
  fix?: Fix;
  /** Why the rule attached no repair to this finding, when it says (see RuleReport.notFixable). */
  notFixable?: string;
  /** The rule itself failed on this template (a bug): the check is incomplete. */
  internalError?: true;
}

/** One part of a resolved name: known text, or a part known only at deployment. */
export type NamePart = { text: string } | { unknown: true };

/** What the checker concluded about one tracking resource it found. */
export interface TrackingResourceSummary {
  /** The name as written in the template. */
  nameExpression: string;
  /** The name as far as it could be resolved; unknown parts shown as `{…}` (for people). */
  resolvedName: string;
  /** The same name as data: what a deployment name is matched against. */
  nameParts: NamePart[];
  /** The tracking id (GUID or partner-center id) when it could be read from the name. */
  trackingId?: string;
  /** What the name is: `pid-<GUID>`, with a suffix, a Partner Center id, invalid, or unresolved before deployment. */
  form: TrackingNameForm;
  /** Resource type as written; a tracking resource must be Microsoft.Resources/deployments. */
  type: string;
  file: string;
  line: number;
  column: number;
  /** JSON pointer of the resource in its file. */
  jsonPointer: string;
  placement: Placement;
}

export interface TemplateResult {
  /** Workspace-relative path of the main template. */
  path: string;
  verdict: 'pass' | 'fail';
  scope?: DeploymentScope;
  findings: Finding[];
  tracking: TrackingResourceSummary[];
  /** Workspace-relative paths of linked template files that were checked with it. */
  linkedFiles: string[];
  /** The same files with how each was reached (relativePath, a base URL, this repository's GitHub URL, …). */
  links?: { file: string; via: LinkVia }[];
  /**
   * Every workspace-relative file a templateLink was looked for at, whether it exists or not
   * (a superset of linkedFiles): `only-changed` matches deleted and renamed linked files against
   * it. Absent when the template could not be read.
   */
  linkTargets?: string[];
  /** Workspace-relative path of the parameters file whose values were used. */
  parametersFile?: string;
  /**
   * Set for a Terraform module: its folder (workspace-relative, '' for the root). A module is all
   * the .tf and .tfvars files of its folder, so `only-changed` keeps it when any of them changes,
   * a deleted or renamed one included (no list of files can name those).
   */
  moduleFolder?: string;
  /** Set when the template is not a solution template: it only defines or only deploys a managed application. */
  kind?: Exclude<TemplateKind, 'solution'>;
  /** The template is the mainTemplate.json of a Marketplace Azure application package. */
  marketplacePackage?: true;
}

export interface CheckReport {
  tool: { name: 'cua-guard'; version: string };
  files: TemplateResult[];
  counts: Record<Severity, number> & { suppressed: number };
}
