// The Azure tests must never leave 127.0.0.1: the network guard the children load really blocks
// other hosts, and the adapter never builds a credential that probes on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const GUARD = resolve(import.meta.dirname, '../support/fake-arm/network-guard.ts');

test('the network guard blocks the managed-identity endpoint and login.microsoftonline.com', () => {
  for (const url of ['http://169.254.169.254/metadata/identity/oauth2/token', 'https://login.microsoftonline.com/common/discovery/instance']) {
    const child = spawnSync(
      process.execPath,
      ['--import', GUARD, '-e', `fetch(${JSON.stringify(url)}).catch(() => {}); require('node:https').get(${JSON.stringify(url)}).on('error', () => {});`],
      {
        encoding: 'utf8',
        timeout: 10_000,
      },
    );
    assert.match(child.stderr, /NETWORK GUARD: blocked a connection to (169\.254\.169\.254|login\.microsoftonline\.com)/, url);
  }
});

test('the adapter never uses a credential chain that probes (DefaultAzureCredential, managed identity)', () => {
  const dir = resolve(import.meta.dirname, '../../src/azure');
  // Recursive: the verification rules live in src/azure/rules.
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    assert.doesNotMatch(text, /import[^;]*\b(DefaultAzureCredential|ManagedIdentityCredential|ChainedTokenCredential)\b/, file);
    assert.doesNotMatch(text, /new (DefaultAzureCredential|ManagedIdentityCredential|ChainedTokenCredential)\b/, file);
  }
});
