// Shared pieces of the Terraform rule tests (CUA201–CUA205).
export const GUID = '4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6';
export const OTHER = '11111111-2222-3333-4444-555555555555';

/** A provider block with the given lines inside (two-space indentation). */
export function provider(name: string, ...lines: string[]): string {
  return `provider "${name}" {\n${lines.map((l) => `  ${l}\n`).join('')}}\n`;
}

/** A workflow whose job `deploy` runs Terraform, with env entries at the given level. */
export function workflow(level: 'workflow' | 'job' | 'step', value: string, run = 'terraform apply -auto-approve'): string {
  const env = (indent: string): string => `${indent}env:\n${indent}  ARM_PARTNER_ID: ${value}\n`;
  return [
    'name: deploy\n',
    'on: push\n',
    level === 'workflow' ? env('') : '',
    'jobs:\n',
    '  deploy:\n',
    '    runs-on: ubuntu-latest\n',
    level === 'job' ? env('    ') : '',
    '    steps:\n',
    '      - uses: actions/checkout@v4\n',
    `      - run: ${run}\n`,
    level === 'step' ? env('        ') : '',
  ].join('');
}
