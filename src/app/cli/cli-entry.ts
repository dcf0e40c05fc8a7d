#!/usr/bin/env node
// Entry point of the `cua-guard` command (package.json bin → dist/cli.js).
import { runCli } from './cli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
