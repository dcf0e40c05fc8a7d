// A stand-in for the Azure CLI after azure/login: an `az` executable that answers
// `az account get-access-token --output json --resource <resource> [--tenant <id>]` exactly as
// @azure/identity's AzureCliCredential calls it and reads it (node_modules/@azure/identity/dist/esm/
// credentials/azureCliCredential.js: the arguments above, then `accessToken` and `expires_on`
// (epoch seconds), falling back to `expiresOn`). It hands out a token the fake ARM server accepts
// and logs every argument list, so a test can see which resource (token audience) was asked for.
// Anything else it is called with fails like an unknown az command. With FAKE_AZ_LOGGED_OUT set
// it answers as the CLI does without a session.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeAz {
  /** Directory to put first on PATH. */
  binDir: string;
  /** Argument lists of every call, oldest first. */
  calls(): string[][];
}

export interface FakeAzAccount {
  accessToken: string;
  tenantId: string;
  subscriptionId: string;
}

export function writeFakeAz(dir: string, account: FakeAzAccount): FakeAz {
  const binDir = join(dir, 'az-bin');
  const log = join(dir, 'az-calls.log');
  mkdirSync(binDir, { recursive: true });
  writeFileSync(log, '');
  const script = `#!${process.execPath}
'use strict';
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
const flag = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
if (args[0] !== 'account' || args[1] !== 'get-access-token') {
  process.stderr.write("ERROR: 'az " + args.join(' ') + "' is not supported by the fake az\\n");
  process.exit(2);
}
if (flag('--output') !== 'json' || !flag('--resource')) {
  process.stderr.write('ERROR: the fake az expects --output json and --resource\\n');
  process.exit(2);
}
if (process.env.FAKE_AZ_LOGGED_OUT) {
  process.stderr.write("ERROR: Please run 'az login' to setup account.\\n");
  process.exit(1);
}
const expiresOn = Math.floor(Date.now() / 1000) + 3600;
const local = new Date(expiresOn * 1000);
const pad = (n) => String(n).padStart(2, '0');
process.stdout.write(JSON.stringify({
  accessToken: ${JSON.stringify(account.accessToken)},
  expiresOn: local.getFullYear() + '-' + pad(local.getMonth() + 1) + '-' + pad(local.getDate()) + ' ' + pad(local.getHours()) + ':' + pad(local.getMinutes()) + ':' + pad(local.getSeconds()) + '.000000',
  expires_on: expiresOn,
  subscription: ${JSON.stringify(account.subscriptionId)},
  tenant: flag('--tenant') || ${JSON.stringify(account.tenantId)},
  tokenType: 'Bearer',
}, null, 2) + '\\n');
`;
  const az = join(binDir, 'az');
  writeFileSync(az, script);
  chmodSync(az, 0o755);
  return {
    binDir,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as string[])
        : [],
  };
}
