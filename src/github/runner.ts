// The GitHub Actions runner protocol, the one implementation the main step, the post step and the
// Azure adapter share: inputs from INPUT_*, outputs and state as file commands, annotations and
// masks as workflow commands, the job summary file. The wire format is @actions/core's.
// Written here rather than taken from @actions/core because that package loads an HTTP client
// (undici, ~800 KB) at import for its OIDC helper: a bundle of this module starts in about 38 ms
// against 94 ms with @actions/core (an empty Node: 35 ms). The OIDC token request itself (an HTTP
// call, not part of this protocol) still comes from @actions/core, loaded only with the Azure SDK.
import { appendFileSync, closeSync, openSync, readSync } from 'node:fs';
import { EOL } from 'node:os';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function setOutput(name: string, value: unknown): void {
  if (!fileCommand('OUTPUT', name, value)) issue('set-output', commandValue(value), { name });
}

export function saveState(name: string, value: unknown): void {
  if (!fileCommand('STATE', name, value)) issue('save-state', commandValue(value), { name });
}

export function getState(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`STATE_${name}`] ?? '';
}

export function setSecret(secret: string): void {
  issue('add-mask', secret);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', message, annotationProperties(properties));
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue('warning', message, annotationProperties(properties));
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issue('notice', message, annotationProperties(properties));
}

export function debug(message: string): void {
  issue('debug', message);
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

/** Reports the failure as an error annotation and makes the step fail. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Appends markdown to the job summary (GITHUB_STEP_SUMMARY); a no-op outside a runner. */
export function appendSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (file) appendFileSync(file, markdown, 'utf8');
}

function annotationProperties(p: AnnotationProperties): Record<string, string | number | undefined> {
  // Same keys and order as @actions/core's toCommandProperties.
  return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn };
}

function issue(command: string, message: string, properties: Record<string, string | number | undefined> = {}): void {
  const pairs = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  process.stdout.write(`::${command}${pairs.length ? ` ${pairs.join(',')}` : ''}::${escapeData(message)}${EOL}`);
}

/** Writes `name<<delimiter` records to GITHUB_<kind>; false when the runner gave no such file. */
function fileCommand(kind: 'OUTPUT' | 'STATE', name: string, value: unknown): boolean {
  const file = process.env[`GITHUB_${kind}`];
  if (!file) return false;
  const text = commandValue(value);
  const delimiter = `ghadelimiter_${randomDelimiterId()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

/**
 * 128 random bits, as @actions/core's randomUUID gives, so a value cannot fake the delimiter.
 * Read from the kernel where it is a file (Linux and macOS runners): loading node:crypto for
 * this alone costs a static check more start-up time than the whole check takes.
 */
function randomDelimiterId(): string {
  try {
    const bytes = Buffer.alloc(16);
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, bytes, 0, 16, null) === 16) return bytes.toString('hex');
    } finally {
      closeSync(fd);
    }
  } catch {
    // no /dev/urandom (Windows runners): fall through
  }
  return process.getBuiltinModule('node:crypto').randomUUID();
}

function commandValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
