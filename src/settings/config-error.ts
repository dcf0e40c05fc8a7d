// A mistake in the configuration file, with the place it is at: shown as
// `.cua-guard.json:4:14: rules.CUA011 must be one of …` and stops the run (exit 2, setFailed).
import { isUsageError, UsageError } from './usage-error.ts';

export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
}

export class ConfigError extends UsageError {
  readonly file: string;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[]) {
    super(
      problems.length === 1
        ? `invalid configuration: ${formatProblem(file, problems[0] as ConfigProblem)}`
        : `invalid configuration, ${problems.length} problems:\n${problems.map((p) => `  ${formatProblem(file, p)}`).join('\n')}`,
    );
    this.file = file;
    this.problems = problems;
  }
}

export function formatProblem(file: string, problem: ConfigProblem): string {
  return `${file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** A brand check rather than `instanceof`: the lazily loaded validator carries its own copy of the class. */
export function isConfigError(error: unknown): error is ConfigError {
  return isUsageError(error) && typeof (error as Partial<ConfigError>).file === 'string' && Array.isArray((error as Partial<ConfigError>).problems);
}
