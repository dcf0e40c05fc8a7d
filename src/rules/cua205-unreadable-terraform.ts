// CUA205: part of a .tf or .tfvars file the Terraform grammar could not read. What parsed around it
// is checked; a provider block or a value in the unread region is not, so the finding says where.
import type { TerraformRule } from '../engine/rule.ts';

const messages = {
  unreadable: 'cua-guard could not read this part of the Terraform file: a provider block or partner_id value written here is not checked',
  unreadableMore:
    'cua-guard could not read this part of the Terraform file, nor {{more}} more places after it: a provider block or partner_id value written there is not checked',
} as const;

export const cua205: TerraformRule<keyof typeof messages> = {
  meta: {
    id: 'CUA205',
    source: 'terraform',
    name: 'unreadable-terraform',
    description: 'Part of a Terraform file could not be read',
    help: [
      'cua-guard reads Terraform with the tree-sitter Terraform grammar (`@tree-sitter-grammars/tree-sitter-hcl`), without Terraform itself. Where the grammar cannot read the text (a syntax error, or syntax newer than the grammar), the finding points at the first place; the rest of the file and folder is still checked, but nothing is concluded about what could not be read. A file that is not text at all (binary, not UTF-8) is reported at its start.',
      '',
      'Failing: `provider "azurerm" {` with no closing brace.',
      'Passing: the block closed.',
    ].join('\n'),
    defaultSeverity: 'warning',
    precision: 'high',
    messages,
    notFixable: 'cua-guard does not rewrite what it cannot read',
  },
  check({ module, report }) {
    for (const file of [...module.files, ...module.varFiles]) {
      const [first, ...rest] = file.syntaxErrors;
      if (first === undefined) continue;
      report({
        messageId: rest.length === 0 ? 'unreadable' : 'unreadableMore',
        ...(rest.length === 0 ? {} : { data: { more: rest.length } }),
        file: file.file,
        span: first,
      });
    }
  },
};
