// What the command does when its surroundings fail: output that cannot be written (a closed
// pipe such as `| head`, a full disk) or a working folder that no longer exists. Exit code 1
// means "findings", so none of these may end with it or with a stack trace: they exit 2, which
// means the run did not complete, with one line saying why where that line can still be written.

/** Exit code for a run that could not complete. */
export const EXIT_INCOMPLETE = 2;

export function exitOnOutputError(stream: string): (error: NodeJS.ErrnoException) => void {
  return (error) => {
    // A reader that went away (EPIPE) wants no more output, not even an explanation.
    if (error.code !== 'EPIPE') tryWriteError(`cua-guard: cannot write to ${stream} (${error.code ?? error.message}); the run did not complete\n`);
    process.exit(EXIT_INCOMPLETE);
  };
}

/** The current folder, or undefined (having said why and set exit code 2) when it is gone. */
export function workingFolder(): string | undefined {
  try {
    return process.cwd();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    tryWriteError(`cua-guard: the current folder cannot be read (${code}); run cua-guard from an existing folder\n`);
    process.exitCode = EXIT_INCOMPLETE;
    return undefined;
  }
}

function tryWriteError(text: string): void {
  try {
    process.stderr.write(text);
  } catch {
    // Nowhere left to say it.
  }
}

/** Colours on a terminal, unless NO_COLOR is set (no-color.org); FORCE_COLOR turns them on anywhere. */
export function wantsColor(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return isTerminal && env['TERM'] !== 'dumb';
}
