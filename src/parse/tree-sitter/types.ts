/** The tree-sitter grammars cua-guard reads: Bicep, and Terraform's dialect of HCL. */
export type GrammarName = 'bicep' | 'terraform';
