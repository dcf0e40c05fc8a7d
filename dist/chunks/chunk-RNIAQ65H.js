import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-F4RSYQYD.js";

// src/config/config-error.ts
var ConfigError = class extends UsageError {
  file;
  problems;
  constructor(file, problems) {
    super(
      problems.length === 1 ? `invalid configuration: ${formatProblem(file, problems[0])}` : `invalid configuration, ${problems.length} problems:
${problems.map((p) => `  ${formatProblem(file, p)}`).join("\n")}`
    );
    this.file = file;
    this.problems = problems;
  }
};
function formatProblem(file, problem) {
  return `${file}:${problem.line}:${problem.column}: ${problem.message}`;
}

export {
  ConfigError
};
