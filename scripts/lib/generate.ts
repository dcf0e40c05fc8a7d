// Generators for scale benchmarks: one very large template (200,000 resources, ~50 MB) and a
// repository of thousands of templates with parameters files and linked templates. Output is
// deterministic for a given seed, pretty-printed like real templates, and valid ARM JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RG_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const TRACKING_GUID = '4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6';

/** Small deterministic PRNG (mulberry32): the same seed gives the same files. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trackingResource(guid = TRACKING_GUID): Record<string, unknown> {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2021-04-01',
    name: `pid-${guid}`,
    properties: { mode: 'Incremental', template: { $schema: RG_SCHEMA, contentVersion: '1.0.0.0', resources: [] } },
  };
}

/** One of a few realistic resource shapes; names mix literals and expressions, as real templates do. */
function resource(i: number, random: () => number, padding: number): Record<string, unknown> {
  const id = String(i).padStart(6, '0');
  // Shapes by index: storage, NIC, vnet, site (with a child), public IP; every 50th a nested deployment.
  const kind = i % 50 === 4 ? 5 : i % 5;
  const name =
    kind === 0
      ? `st${id}`
      : kind === 1
        ? `[concat(variables('prefix'), 'nic', '${id}')]`
        : kind === 2
          ? `[format('{0}-vnet-{1}', parameters('namePrefix'), '${id}')]`
          : `[concat('res-', '${id}')]`;
  const tags = padding > 0 ? { note: 'x'.repeat(padding) } : { component: `c${Math.floor(random() * 100)}` };
  switch (kind) {
    case 0:
      return {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-01-01',
        name,
        location: "[parameters('location')]",
        sku: { name: 'Standard_LRS' },
        kind: 'StorageV2',
        tags,
      };
    case 1:
      return {
        type: 'Microsoft.Network/networkInterfaces',
        apiVersion: '2023-04-01',
        name,
        location: "[parameters('location')]",
        dependsOn: [`vnet-${id}`],
        tags,
      };
    case 2:
      return { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-04-01', name, location: "[parameters('location')]", tags };
    case 3:
      return {
        type: 'Microsoft.Web/sites',
        apiVersion: '2022-09-01',
        name,
        tags,
        resources: [{ type: 'config', apiVersion: '2022-09-01', name: 'web' }],
      };
    case 4:
      return { type: 'Microsoft.Network/publicIPAddresses', apiVersion: '2023-04-01', name, location: "[parameters('location')]", tags };
    default:
      return {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2021-04-01',
        name: `nested-${id}`,
        tags,
        properties: {
          mode: 'Incremental',
          expressionEvaluationOptions: { scope: 'inner' },
          parameters: { location: { value: "[parameters('location')]" } },
          template: {
            $schema: RG_SCHEMA,
            contentVersion: '1.0.0.0',
            parameters: { location: { type: 'string' } },
            resources: [{ type: 'Microsoft.Network/publicIPAddresses', apiVersion: '2023-04-01', name: `pip-${id}`, location: "[parameters('location')]" }],
          },
        },
      };
  }
}

export interface LargeTemplateOptions {
  resources: number;
  /** Average bytes per resource (pretty-printed); padding in a tag brings resources up to it. */
  bytesPerResource?: number;
  seed?: number;
  /** Leave out the tracking resource so the check has a finding to locate (CUA001). */
  withoutTracking?: boolean;
}

/** Template text with `resources` resources (count includes the tracking deployment). */
export function generateLargeTemplate(options: LargeTemplateOptions): string {
  const random = prng(options.seed ?? 1);
  const target = options.bytesPerResource ?? 262;
  const head = {
    $schema: RG_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: { location: { type: 'string', defaultValue: '[resourceGroup().location]' }, namePrefix: { type: 'string', defaultValue: 'app' } },
    variables: { prefix: "[toLower(parameters('namePrefix'))]" },
  };
  const headText = JSON.stringify(head, null, 2);
  const chunks: string[] = [`${headText.slice(0, -2)},\n  "resources": [\n`];
  const first = !options.withoutTracking;
  if (first) chunks.push(formatResource(trackingResource()));
  for (let i = first ? 1 : 0; i < options.resources; i++) {
    // Measure the resource without padding, then pad to the target size.
    const bare = formatResource(resource(i, random, 0)).length + 2;
    const text = bare + 14 < target ? formatResource(resource(i, random, target - bare - 14)) : formatResource(resource(i, random, 0));
    chunks.push(`${chunks.length > 1 ? ',\n' : ''}${text}`);
  }
  chunks.push('\n  ]\n}\n');
  return chunks.join('');
}

/** One property per line, values compact: how many generated and minified-then-formatted templates look. */
export function formatResource(value: Record<string, unknown>): string {
  const lines = Object.entries(value).map(([key, v]) => `      ${JSON.stringify(key)}: ${JSON.stringify(v)}`);
  return `    {\n${lines.join(',\n')}\n    }`;
}

export interface RepositoryOptions {
  templates: number;
  seed?: number;
}

export interface GeneratedRepository {
  /** Workspace-relative paths of the main templates. */
  mainTemplates: string[];
  bytes: { main: number; other: number };
}

/**
 * Writes a repository of `templates` solutions under `dir`: each an azuredeploy.json of 3–40
 * resources; a third with azuredeploy.parameters.json, a fifth with a linked template under
 * nestedtemplates/, a tenth without a tracking resource, a twentieth with comments (JSONC).
 */
export function writeRepository(dir: string, options: RepositoryOptions): GeneratedRepository {
  const random = prng(options.seed ?? 7);
  const mainTemplates: string[] = [];
  const bytes = { main: 0, other: 0 };
  const write = (rel: string, text: string, main: boolean): void => {
    const path = join(dir, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    if (main) bytes.main += Buffer.byteLength(text);
    else bytes.other += Buffer.byteLength(text);
  };
  for (let t = 0; t < options.templates; t++) {
    const folder = `solutions/group-${String(Math.floor(t / 100)).padStart(3, '0')}/solution-${String(t).padStart(5, '0')}`;
    const count = 3 + Math.floor(random() * 38);
    const resources: unknown[] = [];
    if (t % 10 !== 3) resources.push(trackingResource());
    for (let i = 0; i < count; i++) resources.push(resource(t * 100 + i, random, Math.floor(random() * 120)));
    const linked = t % 5 === 1;
    if (linked) {
      resources.push({
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2021-04-01',
        name: 'linked',
        properties: { mode: 'Incremental', templateLink: { relativePath: 'nestedtemplates/network.json' } },
      });
      const nested = { $schema: RG_SCHEMA, contentVersion: '1.0.0.0', resources: [resource(t * 100 + 99, random, 10)] };
      write(`${folder}/nestedtemplates/network.json`, `${JSON.stringify(nested, null, 2)}\n`, false);
    }
    const template = {
      $schema: RG_SCHEMA,
      contentVersion: '1.0.0.0',
      parameters: { location: { type: 'string', defaultValue: '[resourceGroup().location]' }, namePrefix: { type: 'string', defaultValue: 'app' } },
      variables: { prefix: "[toLower(parameters('namePrefix'))]" },
      resources,
    };
    let text = `${JSON.stringify(template, null, 2)}\n`;
    if (t % 20 === 7) text = `// generated solution ${t}\n${text.replace('"resources": [', '/* resources */ "resources": [')}`;
    write(`${folder}/azuredeploy.json`, text, true);
    mainTemplates.push(`${folder}/azuredeploy.json`);
    if (t % 3 === 0) {
      const parameters = {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
        contentVersion: '1.0.0.0',
        parameters: { namePrefix: { value: `sol${t}` } },
      };
      write(`${folder}/azuredeploy.parameters.json`, `${JSON.stringify(parameters, null, 2)}\n`, false);
    }
    if (t % 4 === 0) write(`${folder}/README.md`, `# Solution ${t}\n`, false);
  }
  return { mainTemplates, bytes };
}

/**
 * Issue 11's denial of service: `count` variables, each `fn` of the previous one twice (2^count
 * elements in a few KB), and a tracking name built from string() of the last one.
 */
export function doublingTemplate(fn: 'createArray' | 'concat' = 'createArray', count = 40): Record<string, unknown> {
  const variables: Record<string, unknown> = { a0: fn === 'concat' ? "[createArray('x')]" : 'x' };
  for (let i = 1; i <= count; i++) variables[`a${i}`] = `[${fn}(variables('a${i - 1}'), variables('a${i - 1}'))]`;
  return {
    $schema: RG_SCHEMA,
    contentVersion: '1.0.0.0',
    variables,
    resources: [{ ...trackingResource(), name: `[concat('pid-', string(variables('a${count}')))]` }],
  };
}
