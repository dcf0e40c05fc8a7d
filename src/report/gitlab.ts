// GitLab Code Quality report (docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
// a JSON array of issues, each with description, check_name, fingerprint, severity and
// location.path + location.lines.begin. Paths are relative to the workspace (the repository root).
// Fingerprints are the SARIF ones (what identifies a finding across runs, never its line), so an
// issue keeps its identity in merge request widgets when lines move. Suppressed findings are left out.
import type { CheckReport, Severity } from '../engine/types.ts';
import { findingFingerprinter, type SarifOptions } from './sarif.ts';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

const SEVERITY: Record<Severity, CodeQualityIssue['severity']> = { error: 'major', warning: 'minor', notice: 'info' };

export function buildCodeQuality(report: CheckReport, options: Pick<SarifOptions, 'readFile' | 'secrets'>): CodeQualityIssue[] {
  const fingerprint = findingFingerprinter(options);
  const issues: CodeQualityIssue[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      // Every finding takes its turn, so that fingerprints number identical findings as SARIF does.
      const id = fingerprint(finding);
      if (finding.suppressed) continue;
      issues.push({
        description: `${finding.ruleId}: ${finding.message}`,
        check_name: finding.ruleId,
        fingerprint: id,
        severity: SEVERITY[finding.severity],
        location: { path: finding.file, lines: { begin: finding.line } },
      });
    }
  }
  return issues;
}

export function formatGitLab(report: CheckReport, options: Pick<SarifOptions, 'readFile' | 'secrets'>): string {
  return `${JSON.stringify(buildCodeQuality(report, options), null, 2)}\n`;
}
