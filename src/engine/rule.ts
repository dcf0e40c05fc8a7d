// The contract every rule module follows (after ESLint's `meta` + `create` and markdownlint's
// `fixInfo`): everything about a rule lives in its module, and the engine only runs what it is
// handed. A rule reports a message id and data; the text is rendered from `meta.messages`, and a
// repair, where the rule can make one, travels with the report as data (`fix`).
import type { CheckSettings } from './check-settings.ts';
import type { Severity } from './types.ts';
import type { NodeRef, JsonPath } from '../parse/types.ts';
import type { ResourceEntry, TemplateModel } from '../model/template-model.ts';
import type { TrackingCandidate } from '../model/tracking-candidates.ts';
import type { TemplateShapeProblem } from '../model/template-shape.ts';
import type { TerraformModule } from '../model/terraform/terraform-module.ts';
import type { HclSpan } from '../parse/hcl/types.ts';

/** Values a message template interpolates (`{{name}}`); also what fingerprints hash. */
export type MessageData = Readonly<Record<string, string | number>>;

/** Puts one data value into words for a message (RuleMeta.renderData). */
export type DataRenderer = (value: string | number) => string;

/**
 * The kind of source a rule checks: ARM templates (the default) or Terraform module folders. The
 * engine runs a rule only over its own kind; nothing else decides whether a rule applies.
 */
export type RuleSource = 'arm' | 'terraform';

export interface RuleMeta<MessageId extends string = string> {
  /** `CUA007`. */
  id: string;
  /** Short kebab-case name, used in titles and documentation anchors. */
  name: string;
  /** One line: what the rule reports. */
  description: string;
  /**
   * Markdown: what the rule checks, why it matters, how to fix it, and a failing and a passing
   * snippet. SARIF `help`, the README's rule section and `--help` are rendered from it.
   */
  help: string;
  defaultSeverity: Severity;
  /** How sure a finding is (SARIF `precision`): `medium` when it depends on what is not known. */
  precision: 'very-high' | 'high' | 'medium';
  /** Message templates by id; `{{key}}` is replaced by the report's data. */
  messages: Readonly<Record<MessageId, string>>;
  /**
   * Data the rule puts into words itself, by key: a value that is codes rather than text (CUA016's
   * expression problems) stays codes in the data fingerprints hash, and is rendered from here.
   */
  renderData?: Readonly<Record<string, DataRenderer>>;
  /** Why `cua-guard fix` leaves this rule's findings to people (rules without a fix). */
  notFixable?: string;
  /**
   * This rule reports values ARM rejects (CUA016). The engine drops other rules' reports at such
   * values: what they would conclude from a broken value is not true of the template.
   */
  reportsInvalidExpressions?: boolean;
}

/** One change to the file a finding is in, as data; `src/fix` turns it into a text edit. */
export type FixOperation =
  | {
      kind: 'insert';
      /** Path of the new array element or object property. */
      path: JsonPath;
      value: unknown;
      /** Insert as the first element or property (arrays: first by default). */
      first?: boolean;
    }
  | { kind: 'replace'; path: JsonPath; value: unknown }
  /** Replace `length` characters at `offset` with `content` (sources that are not JSON: Terraform). */
  | { kind: 'text'; offset: number; length: number; content: string };

export interface Fix {
  /** The file the operations apply to (a repair never reaches into another file). */
  file: string;
  operations: readonly FixOperation[];
  /** What the repair does, in words ("set properties.mode to 'Incremental'"). */
  description: string;
}

export interface RuleReport<MessageId extends string = string> {
  messageId: MessageId;
  data?: MessageData;
  at: NodeRef;
  /** The resource the finding is about, for inline suppression. */
  resource?: ResourceEntry;
  /** For rules whose findings differ in weight (CUA011); a configured severity still wins. */
  severity?: Severity;
  fix?: Fix;
  /**
   * Why this finding carries no `fix` although the rule repairs others like it (no tracking id
   * was given, a value computed by an expression); `cua-guard fix` says it when it leaves the finding.
   */
  notFixable?: string;
}

/** Everything a rule sees about one main template that could be read as a template. */
export interface RuleContext<MessageId extends string = string> {
  model: TemplateModel;
  /** Every `pid-` resource, any type, any depth, in document order. */
  candidates: readonly TrackingCandidate[];
  settings: CheckSettings;
  /** The ids of every rule the engine runs (for suppression blocks that name one). */
  ruleIds: readonly string[];
  /** A parameters file that could not be used; the defaults were used instead. */
  parametersProblem?: { file: string; problem: string };
  report(report: RuleReport<MessageId>): void;
}

/**
 * Why a main template could not be read as a template at all; no model exists for it. The
 * `offset` or `path` says where, in the text as far as it could be read.
 */
export type UnreadableProblem =
  | { kind: 'syntax'; message: string; offset: number }
  | { kind: 'unreadable'; message: string; offset: number }
  | { kind: 'shape'; shape: TemplateShapeProblem };

export interface UnreadableContext<MessageId extends string = string> {
  file: string;
  problem: UnreadableProblem;
  /** Line and column of the problem's offset (syntax and unreadable problems). */
  position: { line: number; column: number };
  settings: CheckSettings;
  report(report: Omit<RuleReport<MessageId>, 'resource' | 'fix' | 'notFixable'>): void;
}

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId> & { source?: 'arm' };
  check(context: RuleContext<MessageId>): void;
  /** Only for rules about files that cannot be read as templates (CUA013). */
  checkUnreadable?(context: UnreadableContext<MessageId>): void;
}

/** A finding about a Terraform module: where it is (a span of a file), and what it is about. */
export interface TerraformRuleReport<MessageId extends string = string> {
  messageId: MessageId;
  data?: MessageData;
  file: string;
  span: HclSpan;
  /**
   * The block the finding is about (a provider block): `# cua-guard-ignore` comments right above
   * it or inside it suppress the finding.
   */
  block?: HclSpan;
  severity?: Severity;
  fix?: Fix;
  notFixable?: string;
}

/** Everything a Terraform rule sees about one module folder. */
export interface TerraformRuleContext<MessageId extends string = string> {
  module: TerraformModule;
  settings: CheckSettings;
  report(report: TerraformRuleReport<MessageId>): void;
}

export interface TerraformRule<MessageId extends string = string> {
  meta: RuleMeta<MessageId> & { source: 'terraform' };
  check(context: TerraformRuleContext<MessageId>): void;
}

/** A rule of any source kind (the registry, documentation, SARIF, severities). */
export type AnyRule = Rule | TerraformRule;

export function isTerraformRule(rule: AnyRule): rule is TerraformRule {
  return rule.meta.source === 'terraform';
}

/**
 * Renders a message template: `{{key}}` becomes the data's value, in the words of the rule's
 * renderer for that key when it has one (unknown keys stay visible).
 */
export function renderMessage(template: string, data: MessageData | undefined, renderData?: RuleMeta['renderData']): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const value = data?.[key];
    if (value === undefined) return whole;
    const render = renderData?.[key];
    return render === undefined ? String(value) : render(value);
  });
}
