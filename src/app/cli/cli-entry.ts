#!/usr/bin/env node
// Entry point of the `cua-guard` command (package.json bin → dist/cli.js).
import { runCli } from './cli.ts';
import { exitOnOutputError, wantsColor, workingFolder } from './process-io.ts';

process.stdout.on('error', exitOnOutputError('standard output'));
process.stderr.on('error', exitOnOutputError('standard error'));
const cwd = workingFolder();
if (cwd !== undefined) {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd,
    color: wantsColor(process.env, process.stdout.isTTY === true),
  });
}
