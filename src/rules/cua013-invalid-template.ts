// Files that cannot be read as a deployment template: a main template that is not JSON or not a
// template (`checkUnreadable`), and, in a template that could be read, linked templates that
// cannot be, resources nested too deep to walk, suppression blocks that cannot work as written
// and parameters files that cannot be used.
import type { Rule, RuleContext } from '../engine/rule.ts';
import { MAX_NESTING } from '../model/template-model.ts';
import { templateShapeProblem, type TemplateShapeProblem } from '../model/template-shape.ts';
import type { SuppressionBlock } from '../model/suppression.ts';
import { isRecord } from '../parse/template-source.ts';
import type { JsonPath, NodeRef } from '../parse/types.ts';

const SUPPRESSION_EXAMPLE = '{ "ignore": ["CUA011"], "reason": "…" }';
const SUPPRESSION_KEYS = ['ignore', 'reason'];

const messages = {
  syntax: 'not a valid JSON template: {{problem}} (line {{line}}, column {{column}})',
  'not-an-object': 'the file is {{found}}, not a deployment template object',
  'other-schema': 'the file is {{what}}, not a deployment template ($schema {{schema}})',
  'no-resources': "the file has no 'resources', so it is not a deployment template",
  'resources-type': "'resources' must be {{expected}}, not {{found}}",
  'linked-not-an-object': 'linked template: the file is {{found}}, not a deployment template object',
  'linked-other-schema': 'linked template: the file is {{what}}, not a deployment template ($schema {{schema}})',
  'linked-no-resources': "linked template: the file has no 'resources', so it is not a deployment template",
  'linked-resources-type': "linked template: 'resources' must be {{expected}}, not {{found}}",
  'linked-unreadable': '{{problem}}',
  'bicep-unread': 'the Bicep grammar cannot read the {{length}} characters from here (syntax it does not know yet); whatever is written there was not checked',
  'too-deep': 'resources nest more than {{max}} levels deep here (child resources and nested deployments); the rest was not checked',
  'parameters-unusable': "{{problem}}; the template's default values were used",
  'suppression-on-template':
    'metadata.cua-guard applies to a resource, not to the whole template: move it into the metadata of the resource whose finding it suppresses',
  'suppression-not-object': 'metadata.cua-guard must be an object like {{example}}; nothing is suppressed',
  'suppression-unknown-key': "unknown key '{{key}}' in metadata.cua-guard (known: {{known}})",
  'suppression-no-ignore': 'metadata.cua-guard has no "ignore" list of rule ids, so it suppresses nothing (write {{example}})',
  'suppression-ignore-not-list': 'metadata.cua-guard.ignore must be a list of rule ids such as ["CUA011"], not {{found}}; nothing is suppressed',
  'suppression-id-not-string': 'metadata.cua-guard.ignore[{{index}}] must be a rule id string such as "CUA011", not {{found}}',
  'suppression-unknown-id': 'unknown rule id \'{{id}}\' in metadata.cua-guard.ignore (known: {{first}}…{{last}}, or "*"); it suppresses nothing',
  'suppression-reason-not-string': 'metadata.cua-guard.reason must be a string, not {{found}}',
} as const;

type MessageId = keyof typeof messages;

export const cua013: Rule<MessageId> = {
  meta: {
    id: 'CUA013',
    name: 'invalid-template',
    description: 'The file is not valid JSON/JSONC, is empty, or is not a deployment template',
    help: [
      'A main template, or a template it links, that cannot be read as an ARM deployment template: not JSON (JSON with comments and trailing commas is fine, as ARM accepts it), binary or not UTF-8, an empty file, a parameters or createUiDefinition file, or a file without `resources`. In a Bicep file, it reports each region the grammar cannot read (syntax newer than the grammar): what is written there is not checked, so the file cannot pass. It also reports what would otherwise be ignored silently: resources nested more than 64 levels deep, a parameters file that cannot be used, and `metadata.cua-guard` suppression blocks that cannot work as written.',
      '',
      'A file that cannot be read can never pass: configured `off`, an unreadable main template is still an error.',
      '',
      'Fix the syntax error at the position given, or exclude the file from `templates` if it is not a deployment template.',
      '',
      'Fails:',
      '```json',
      '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [ }',
      '```',
      'Passes:',
      '```json',
      '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] }',
      '```',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: 'fix edits only files it can parse as deployment templates',
  },
  checkUnreadable({ file, problem, position, report }) {
    if (problem.kind === 'shape') {
      report({ messageId: problem.shape.kind, data: shapeData(problem.shape), at: { file, path: problem.shape.path, at: 'value' } });
      return;
    }
    report({
      messageId: 'syntax',
      data: { problem: problem.message, line: position.line, column: position.column },
      at: { file, path: [], offset: problem.offset },
    });
  },
  check(context) {
    const { model, report } = context;
    for (const source of model.linkedSources) {
      const shape = templateShapeProblem(source.root);
      if (shape) report({ messageId: `linked-${shape.kind}`, data: shapeData(shape), at: { file: source.file, path: shape.path, at: 'value' } });
    }
    // A Bicep file the grammar could not read in full: each region is an error, as a JSON syntax error is.
    for (const region of model.main.origin?.unread ?? []) {
      report({ messageId: 'bicep-unread', data: { length: region.length }, at: { file: region.file, path: [], offset: region.offset } });
    }
    for (const place of model.tooDeep) {
      report({ messageId: 'too-deep', data: { max: MAX_NESTING }, at: { file: place.file, path: place.path, at: 'value' } });
    }
    for (const span of model.main.origin?.tooDeep ?? []) {
      report({ messageId: 'too-deep', data: { max: MAX_NESTING }, at: { file: span.file, path: [], offset: span.offset } });
    }
    for (const note of model.linkNotes) {
      if (note.kind !== 'unreadable') continue;
      report({
        messageId: 'linked-unreadable',
        data: { problem: note.message },
        at: { file: note.from.file, path: [...note.from.path, 'properties', 'templateLink'], at: 'value' },
      });
    }
    for (const block of model.suppressionBlocks) reportSuppressionMistakes(block, context);
    if (context.parametersProblem) {
      const { file, problem } = context.parametersProblem;
      report({ messageId: 'parameters-unusable', data: { problem }, at: { file, path: [], at: 'value' }, severity: 'warning' });
    }
  },
};

function shapeData(shape: TemplateShapeProblem): Record<string, string> {
  switch (shape.kind) {
    case 'not-an-object':
      return { found: shape.found };
    case 'other-schema':
      return { what: shape.what, schema: shape.schema };
    case 'resources-type':
      return { expected: shape.expected, found: shape.found };
    case 'no-resources':
      return {};
  }
}

/**
 * A suppression block that cannot work as written (an unknown rule id, an `ignore` that is not a
 * list, a block on a template) would suppress nothing, silently, leaving the author believing the
 * finding is handled: each mistake is a warning where it is written.
 */
function reportSuppressionMistakes(block: SuppressionBlock, { report, ruleIds }: RuleContext<MessageId>): void {
  const { file, path, value } = block;
  const warn = (messageId: MessageId, where: JsonPath, data: Record<string, string | number> = {}, which: NodeRef['at'] = 'value'): void =>
    report({ messageId, data, at: { file, path: where, at: which }, severity: 'warning' });
  if (block.onTemplate) return warn('suppression-on-template', path, {}, 'key');
  if (!isRecord(value)) return warn('suppression-not-object', path, { example: SUPPRESSION_EXAMPLE });
  for (const key of Object.keys(value)) {
    if (!SUPPRESSION_KEYS.includes(key)) warn('suppression-unknown-key', [...path, key], { key, known: SUPPRESSION_KEYS.join(', ') }, 'key');
  }
  const ignore = value['ignore'];
  if (ignore === undefined) warn('suppression-no-ignore', path, { example: SUPPRESSION_EXAMPLE });
  else if (!Array.isArray(ignore)) warn('suppression-ignore-not-list', [...path, 'ignore'], { found: describeValue(ignore) });
  else {
    const known = new Set(ruleIds);
    ignore.forEach((entry: unknown, index) => {
      const where = [...path, 'ignore', index];
      if (typeof entry !== 'string') warn('suppression-id-not-string', where, { index, found: describeValue(entry) });
      else if (entry !== '*' && !known.has(entry.toUpperCase()))
        warn('suppression-unknown-id', where, { id: entry, first: ruleIds[0] ?? '', last: ruleIds[ruleIds.length - 1] ?? '' });
    });
  }
  const reason = value['reason'];
  if (reason !== undefined && typeof reason !== 'string') warn('suppression-reason-not-string', [...path, 'reason'], { found: describeValue(reason) });
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return 'an array';
  if (isRecord(value)) return 'an object';
  return value === null ? 'null' : `${typeof value} ${JSON.stringify(value)}`;
}
