// A throw-away certificate for the fake ARM server, made with openssl at test time. It is its own
// CA (CA:TRUE), so a child process trusts it through NODE_EXTRA_CA_CERTS like a private CA.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  dir: string;
  certFile: string;
  key: Buffer;
  cert: Buffer;
  dispose(): void;
}

export function createTestCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'cua-guard-fake-arm-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=cua-guard fake ARM',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
    ],
    { stdio: 'pipe' },
  );
  return {
    dir,
    certFile,
    key: readFileSync(keyFile),
    cert: readFileSync(certFile),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
