// A repository of 100 templates with mixed results, for the job summary: its test reads the
// summary of it as GitHub does (__tests__/reporters/summary-gfm.test.ts) and `npm run
// render-summary` draws it for the README. 30 fail (29 without a tracking deployment, one with a
// tracking name that gives no valid id), 20 pass with a warning (apiVersion 'latest'), 50 pass.
import { RG_SCHEMA, TRACKING_GUID, trackingResource } from './generate.ts';

export const SUMMARY_TRACKING_GUID = TRACKING_GUID;

/** Folder names a pull request could choose: each tries to close a code span, a row, a summary, or to become HTML or a link. */
export const HOSTILE_FOLDERS = [
  'x`<img src=https:attacker.example>`',
  'pipe|cell|break',
  'line\nbreak\r\nhere',
  '</code></summary></details><img src=x>',
  '[click](https://attacker.example) *em* ~~del~~ https://attacker.example www.attacker.example a@attacker.example',
  '``` fence',
];
/** A tracking name that tries to close the Tracking id cell's code span and add a link. */
export const HOSTILE_TRACKING_NAME = 'pid-`[x](https://attacker.example)`|';

/** Folder names as a solutions repository has them. */
const PRODUCTS = ['web-app', 'data-lake', 'aks-cluster', 'sql-managed', 'vm-scale-set', 'api-gateway', 'event-hub', 'key-vault', 'front-door', 'batch'];
const VARIANTS = ['basic', 'standard', 'premium', 'ha', 'dev', 'hub', 'spoke', 'private', 'public', 'gov'];

export interface SummaryWorkspaceOptions {
  /** hostile: the first folders and one tracking name are built to break Markdown (the test); plain: names as a repository has them (the picture). */
  names: 'hostile' | 'plain';
  /** Writes a template (workspace-relative path, JSON value). */
  write: (path: string, template: Record<string, unknown>) => void;
}

/** Writes the 100 templates; returns the failing ones' paths, sorted. */
export function writeSummaryWorkspace({ names, write }: SummaryWorkspaceOptions): string[] {
  const failing: string[] = [];
  for (let i = 0; i < 100; i++) {
    const folder =
      names === 'hostile'
        ? (HOSTILE_FOLDERS[i] ?? `solutions/s${String(i).padStart(3, '0')}`)
        : `solutions/${PRODUCTS[i % PRODUCTS.length]}-${VARIANTS[Math.floor(i / PRODUCTS.length)]}`;
    // As the file system names it: `https://x` is the folder `https:` holding `x` (`https:/x`).
    const path = `${folder}/${i % 3 === 0 && names === 'plain' ? 'mainTemplate' : 'azuredeploy'}.json`.replace(/\/{2,}/g, '/');
    if (i === 29) {
      const name = names === 'hostile' ? HOSTILE_TRACKING_NAME : 'pid-00000000-0000-0000-0000-000000000000';
      write(path, template([tracking({ name })]));
      failing.push(path);
    } else if (i < 30) {
      write(path, template([storageAccount(`st${i}`)]));
      failing.push(path);
    } else if (i < 50) write(path, template([tracking({ apiVersion: 'latest' })]));
    else write(path, template([tracking()]));
  }
  return failing.sort();
}

function template(resources: unknown[]): Record<string, unknown> {
  return { $schema: RG_SCHEMA, contentVersion: '1.0.0.0', resources };
}

function tracking(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...trackingResource(), ...overrides };
}

function storageAccount(name: string): Record<string, unknown> {
  return {
    type: 'Microsoft.Storage/storageAccounts',
    apiVersion: '2023-01-01',
    name,
    location: 'westeurope',
    sku: { name: 'Standard_LRS' },
    kind: 'StorageV2',
  };
}
