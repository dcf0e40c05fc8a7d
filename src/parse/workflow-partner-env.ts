// Reads a GitHub Actions workflow for `ARM_PARTNER_ID` set for a job that runs Terraform: in the
// workflow's `env`, the job's `env`, or the `env` of a step that runs Terraform. Uses the `yaml`
// package; the application imports this module only when a run checks .tf files.
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { HclSpan } from './hcl/types.ts';

export interface PartnerIdEnv {
  file: string;
  span: HclSpan;
  level: 'workflow' | 'job' | 'step';
  job: string;
  /** The value when written literally; absent for `${{ … }}` expressions. */
  value?: string;
}

const VARIABLE = 'ARM_PARTNER_ID';
const RUNS_TERRAFORM = /\b(terraform|terragrunt|tofu)\b/i;

export function partnerIdEnvOfWorkflow(file: string, text: string): PartnerIdEnv[] {
  let document;
  try {
    document = parseDocument(text, { uniqueKeys: false, strict: false });
  } catch {
    return [];
  }
  const root = document.contents;
  if (!isMap(root)) return [];
  const jobs = root.get('jobs');
  if (!isMap(jobs)) return [];
  const found: PartnerIdEnv[] = [];
  const terraformJobs: string[] = [];
  for (const pair of jobs.items) {
    const job = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!isMap(pair.value)) continue;
    const steps = pair.value.get('steps');
    const terraformSteps: YAMLMap[] = [];
    if (isSeq(steps)) for (const step of steps.items) if (isMap(step) && runsTerraform(step)) terraformSteps.push(step);
    if (terraformSteps.length === 0) continue;
    terraformJobs.push(job);
    found.push(...envEntries(pair.value, { file, level: 'job', job }));
    for (const step of terraformSteps) found.push(...envEntries(step, { file, level: 'step', job }));
  }
  const [firstJob] = terraformJobs;
  if (firstJob !== undefined) found.unshift(...envEntries(root, { file, level: 'workflow', job: terraformJobs.join(', ') }));
  return found;
}

function runsTerraform(step: YAMLMap): boolean {
  const uses = step.get('uses');
  const run = step.get('run');
  return (typeof uses === 'string' && RUNS_TERRAFORM.test(uses)) || (typeof run === 'string' && RUNS_TERRAFORM.test(run));
}

function envEntries(owner: YAMLMap, where: Omit<PartnerIdEnv, 'span' | 'value'>): PartnerIdEnv[] {
  const env = owner.get('env', true);
  if (!isMap(env)) return [];
  const entries: PartnerIdEnv[] = [];
  for (const pair of env.items) {
    if (!isScalar(pair.key) || pair.key.value !== VARIABLE) continue;
    const node = isScalar(pair.value) ? pair.value : undefined;
    const range = node?.range ?? pair.key.range;
    if (!range) continue;
    const raw = node?.value;
    const text = raw === null || raw === undefined ? '' : String(raw);
    entries.push({ ...where, span: { offset: range[0], end: range[1] }, ...(text.includes('${{') ? {} : { value: text }) });
  }
  return entries;
}
