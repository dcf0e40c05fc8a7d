// fast-check arbitraries for property-based fuzzing: valid ARM templates with tracking
// resources, nested and linked deployments, expressions and secure parameters; then mutations
// on the value (drop, retype, reorder keys), on the text (comments, BOMs, control characters,
// 10,000-level nesting, 1 MB strings, duplicate keys, truncation, stray characters) and on the
// bytes (invalid UTF-8, NUL, UTF-16). Shared by __tests__/fuzz (short run) and scripts/fuzz.ts.
import fc from 'fast-check';

export const GUID = '4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6';
export const SCHEMAS = [
  'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
  'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
  'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#',
];
export const LINKED_FILE = 'nested/linked.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const trackingName = fc.oneof(
  { weight: 4, arbitrary: fc.constant(`pid-${GUID}`) },
  fc.constantFrom(
    `pid-${GUID.toUpperCase()}`,
    `pid-${GUID}-partnercenter`,
    `pid-${GUID}-westeurope`,
    `PID-${GUID}`,
    `pid-{${GUID}}`,
    'pid-eb7927c8-dd66-43e1-b0cf-c346a422063',
    'pid-contoso-offer-partnercenter',
    `amba-alz-pid-${GUID}`,
    `pid-${GUID}${'x'.repeat(70)}`,
    "[concat('pid-', variables('cuaId'))]",
    "[format('pid-{0}-{1}', variables('cuaId'), uniqueString(deployment().location))]",
    "[take(concat('pid-', variables('cuaId'), '-', uniqueString(resourceGroup().id)), 64)]",
    "[concat('pid-', parameters('trackingGuid'))]",
    "[concat('pid-', parameters('adminPassword'))]",
    "[concat('pid-', )]",
    "[concatenate('pid-', 'x')]",
    "[concat('pid-', variables('missing'))]",
    "[concat('pid-', variables('loopA'))]",
    '[[not-an-expression]',
    "[concat('pid-', copyIndex())]",
    "[if(parameters('flag'), 'pid-a', 'pid-b')]",
  ),
  fc.string({ maxLength: 20 }).map((s) => `pid-${s}`),
  fc.string({ maxLength: 30, unit: 'binary' }).map((s) => `[concat('pid-', '${s.replace(/'/g, "''")}')]`),
);

const plainName = fc.oneof(
  fc.constantFrom('stdemo', "[concat(parameters('prefix'), 'vm')]", "[variables('vnetName')]", '[uniqueString(resourceGroup().id)]', '[parameters(', ''),
  fc.string({ maxLength: 12 }),
);

const parameters: fc.Arbitrary<JsonObject> = fc.record(
  {
    prefix: fc.constant({ type: 'string', defaultValue: 'app' }),
    trackingGuid: fc.oneof(fc.constant({ type: 'string' }), fc.constant({ type: 'string', defaultValue: GUID })),
    adminPassword: fc.constant({ type: 'securestring', defaultValue: 'Fuzz-Secret-Value-1!' }),
    secrets: fc.constant({ type: 'secureObject', defaultValue: { key: 'fuzz-secure-object-value' } }),
    flag: fc.constant({ type: 'bool', defaultValue: true }),
    telemetryOptOut: fc.constant({ type: 'string', defaultValue: 'No', allowedValues: ['Yes', 'No'] }),
    _artifactsLocation: fc.constant({ type: 'string', defaultValue: '[deployment().properties.templateLink.uri]' }),
    _artifactsLocationSasToken: fc.constant({ type: 'securestring', defaultValue: '' }),
    n: fc.constant({ type: 'int', defaultValue: 2 }),
  },
  { requiredKeys: [] },
);

const variables: fc.Arbitrary<JsonObject> = fc.record(
  {
    cuaId: fc.constantFrom<Json>(GUID, "[parameters('trackingGuid')]", 'not-a-guid', "[variables('cuaId')]"),
    vnetName: fc.constant<Json>("[concat(parameters('prefix'), '-vnet')]"),
    copy: fc.constant<Json>([{ name: 'loopA', count: 2, input: "[concat('v', copyIndex('loopA'))]" }]),
  },
  { requiredKeys: [] },
);

const condition = fc.constantFrom<Json>(
  true,
  false,
  '[false()]',
  "[equals(parameters('telemetryOptOut'), 'No')]",
  "[parameters('flag')]",
  "[equals(parameters('unknownParam'), 'x')]",
);

const templateLink = fc.constantFrom<Json>(
  { relativePath: LINKED_FILE },
  { relativePath: '../../outside.json' },
  { relativePath: "[concat('nested/', 'linked.json')]" },
  { uri: "[uri(deployment().properties.templateLink.uri, 'nested/linked.json')]" },
  { uri: "[concat(parameters('_artifactsLocation'), '/nested/linked.json', parameters('_artifactsLocationSasToken'))]" },
  { uri: 'https://contoso.blob.core.windows.net/t/main.json?sv=2022-11-02&ss=b&sp=r&sig=FuzzSasSignature%3D' },
  { uri: "[parameters('unknownUri')]" },
  { relativePath: 42 },
);

function trackingResource(inner: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.record(
    {
      type: fc.constantFrom<Json>('Microsoft.Resources/deployments', 'microsoft.resources/DEPLOYMENTS', 'Microsoft.Resources/tags'),
      apiVersion: fc.constantFrom<Json>('2021-04-01', '2022-09-01-preview', 'latest', 7),
      name: trackingName,
      location: fc.constantFrom<Json>('[deployment().location]', 'westeurope'),
      condition,
      copy: fc.constantFrom<Json>({ name: 'loop', count: 1 }, { name: 'loop', count: 3 }, { name: 'loop', count: "[parameters('n')]" }),
      metadata: fc.constant<Json>({ 'cua-guard': { ignore: ['CUA011', 'CUA007'], reason: 'fuzz' } }),
      properties: fc.record(
        {
          mode: fc.constantFrom<Json>('Incremental', 'Complete', 'incremental', null),
          template: inner,
          templateLink,
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['type', 'name', 'properties'] },
  );
}

function plainResource(children: fc.Arbitrary<Json[]>): fc.Arbitrary<Json> {
  return fc.record(
    {
      type: fc.constantFrom<Json>('Microsoft.Storage/storageAccounts', 'Microsoft.Network/virtualNetworks', 'Microsoft.Web/sites', 'config', ''),
      apiVersion: fc.constant<Json>('2023-01-01'),
      name: plainName,
      location: fc.constant<Json>("[parameters('location')]"),
      properties: fc.constant<Json>({ supportsHttpsTrafficOnly: true }),
      existing: fc.boolean(),
      resources: children,
    },
    { requiredKeys: ['type', 'name'] },
  );
}

function deploymentResource(inner: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.record(
    {
      type: fc.constant<Json>('Microsoft.Resources/deployments'),
      apiVersion: fc.constant<Json>('2021-04-01'),
      name: plainName,
      properties: fc.oneof(
        fc.record({
          mode: fc.constant<Json>('Incremental'),
          expressionEvaluationOptions: fc.constantFrom<Json>({ scope: 'inner' }, { scope: 'outer' }),
          parameters: fc.constantFrom<Json>(
            {},
            { trackingGuid: { value: GUID } },
            { adminPassword: { value: 'Fuzz-Passed-Secret-2!' } },
            { trackingGuid: { value: "[parameters('trackingGuid')]" } },
          ),
          template: inner,
        }),
        fc.record({ mode: fc.constant<Json>('Incremental'), templateLink, parameters: fc.constantFrom<Json>({}, { trackingGuid: { value: GUID } }) }),
      ),
    },
    { requiredKeys: ['type', 'name', 'properties'] },
  );
}

/** Templates nested up to `depth` deployments deep. */
export function templateArbitrary(depth = 2): fc.Arbitrary<JsonObject> {
  const levels: fc.Arbitrary<JsonObject>[] = [];
  for (let d = 0; d <= depth; d++) {
    const inner: fc.Arbitrary<Json> =
      d === 0 ? fc.constant<Json>({ $schema: SCHEMAS[0] ?? '', contentVersion: '1.0.0.0', resources: [] }) : (levels[d - 1] as fc.Arbitrary<Json>);
    const leaf = plainResource(fc.constant([]));
    const resource = fc.oneof(
      { weight: 3, arbitrary: trackingResource(inner) },
      { weight: 3, arbitrary: plainResource(fc.array(leaf, { maxLength: 2 })) },
      { weight: d === 0 ? 0 : 2, arbitrary: deploymentResource(inner) },
      { weight: 1, arbitrary: fc.constantFrom<Json>(null, 7, 'resource', [], {}) },
    );
    levels.push(
      fc
        .record(
          {
            $schema: fc.constantFrom<Json>(...SCHEMAS, 'https://example.com/not-a-schema.json', 12),
            contentVersion: fc.constant<Json>('1.0.0.0'),
            languageVersion: fc.constantFrom<Json>('2.0', '1.9-experimental'),
            parameters,
            variables,
            resources: fc.array(resource, { maxLength: 5 }),
            outputs: fc.constant<Json>({ id: { type: 'string', value: "[parameters('prefix')]" } }),
          },
          { requiredKeys: ['resources'] },
        )
        .map((t) => (t['languageVersion'] === '2.0' && Array.isArray(t['resources']) ? { ...t, resources: symbolic(t['resources']) } : t)),
    );
  }
  return levels[depth] as fc.Arbitrary<JsonObject>;
}

/** languageVersion 2.0: resources keyed by symbolic name. */
function symbolic(resources: Json[]): JsonObject {
  const out: JsonObject = {};
  resources.forEach((r, i) => {
    out[`res${i}`] = r;
  });
  return out;
}

// ---------------------------------------------------------------- mutations

export type ValueOp =
  | { kind: 'drop'; pick: number }
  | { kind: 'retype'; pick: number; to: number }
  | { kind: 'reorder'; pick: number; seed: number }
  | { kind: 'deep'; pick: number; levels: number; shape: 'array' | 'object' | 'mixed' }
  | { kind: 'bigString'; pick: number; size: number; char: string }
  /** Variables d1…dN, each built from the previous one twice (issue 11), used by `consumer` at a slot and in the first name. */
  | { kind: 'doubling'; pick: number; levels: number; step: DoublingStep; consumer: DoublingConsumer };

/** How each variable doubles the previous one (`P` stands for the previous variable). */
export const DOUBLING_STEPS = {
  createArray: '[createArray(P, P)]',
  concatArrays: '[concat(P, P)]',
  concatStrings: '[concat(string(P), string(P))]',
  createObject: "[createObject('l', P, 'r', P)]",
  withUnknown: '[createArray(P, P, deployment().name)]',
  unionUnknown: '[union(createArray(P), createArray(P), createArray(resourceGroup().id))]',
  format: "[format('{0}{0}', string(P))]",
  replace: "[replace(string(P), 'x', string(P))]",
  object: '',
} as const;
export type DoublingStep = keyof typeof DOUBLING_STEPS;

/** What reads the last variable (`P`): the walks issue 11 found quadratic or exponential. */
export const DOUBLING_CONSUMERS = [
  'string(P)',
  'length(string(P))',
  'equals(P, P)',
  'union(P, P)',
  'length(P)',
  'concat(P, P)',
  'createArray(P, P)',
  'contains(P, P)',
  'json(string(P))',
  'uniqueString(string(P))',
  'take(string(P), 10)',
  "items(createObject('a', P))",
  "padLeft(string(length(string(P))), 2000000000, '0')",
] as const;
export type DoublingConsumer = (typeof DOUBLING_CONSUMERS)[number];

export type TextOp =
  | { kind: 'comment'; at: number; style: 'line' | 'block' | 'unterminated' }
  | { kind: 'bom'; at: number }
  | { kind: 'control'; at: number; code: number }
  | { kind: 'duplicateKey'; pick: number; value: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'newlines'; style: 'crlf' | 'cr' }
  | { kind: 'trailingComma'; pick: number };

export type ByteOp =
  { kind: 'invalidUtf8'; at: number; bytes: readonly number[] } | { kind: 'nul'; at: number } | { kind: 'utf16'; bigEndian: boolean } | { kind: 'utf8Bom' };

const at = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const pick = fc.nat();

export const valueOp: fc.Arbitrary<ValueOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('retype' as const), pick, to: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('reorder' as const), pick, seed: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      pick,
      levels: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constant(10_000)),
      shape: fc.constantFrom('array' as const, 'object' as const, 'mixed' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bigString' as const),
      pick,
      size: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.constant(1 << 20)),
      char: fc.constantFrom('x', 'é', '😀', '\\', '"', '\n'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('doubling' as const),
      pick,
      levels: fc.oneof(fc.integer({ min: 1, max: 24 }), fc.constantFrom(40, 64)),
      step: fc.constantFrom(...(Object.keys(DOUBLING_STEPS) as DoublingStep[])),
      consumer: fc.constantFrom(...DOUBLING_CONSUMERS),
    }),
  },
);

/** Adds the doubling variables to the template and returns the consumer expression over the last. */
function addDoubling(template: Json, op: Extract<ValueOp, { kind: 'doubling' }>): string {
  const root: JsonObject = isJsonObject(template) ? template : {};
  const variables: JsonObject = isJsonObject(root['variables']) ? root['variables'] : {};
  root['variables'] = variables;
  const name = (i: number): string => `dbl${i}`;
  variables[name(0)] = op.step === 'concatArrays' ? ['x'] : 'x';
  for (let i = 1; i <= op.levels; i++) {
    const previous = `variables('${name(i - 1)}')`;
    variables[name(i)] = op.step === 'object' ? { l: `[${previous}]`, r: `[${previous}]` } : DOUBLING_STEPS[op.step].replaceAll('P', previous);
  }
  return `[${op.consumer.replaceAll('P', `variables('${name(op.levels)}')`)}]`;
}

function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('comment' as const), at, style: fc.constantFrom('line' as const, 'block' as const, 'unterminated' as const) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bom' as const), at: fc.oneof(fc.constant(0), at) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('control' as const),
      at,
      code: fc.oneof(fc.integer({ min: 0, max: 31 }), fc.constantFrom(0x7f, 0x85, 0x2028, 0xfffe, 0xd800)),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('duplicateKey' as const),
      pick,
      value: fc.constantFrom('"pid-dup"', '1', 'null', '{}', '[]', `"pid-${GUID}"`, '"Complete"'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at,
      text: fc.oneof(fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '/*', '//', 'true', '-', '1e999'), fc.string({ maxLength: 8, unit: 'binary' })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('newlines' as const), style: fc.constantFrom('crlf' as const, 'cr' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('trailingComma' as const), pick }) },
);

export const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('invalidUtf8' as const),
      at,
      bytes: fc.constantFrom([0xff], [0xc3, 0x28], [0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xc0, 0xaf]),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nul' as const), at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('utf16' as const), bigEndian: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('utf8Bom' as const) }) },
);

export const formatting = fc.record({ indent: fc.constantFrom(0, 2, 4, '\t'), newline: fc.constantFrom('\n', '\r\n') });

export interface FuzzCase {
  template: JsonObject;
  valueOps: ValueOp[];
  format: { indent: number | string; newline: string };
  textOps: TextOp[];
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  template: templateArbitrary(2),
  valueOps: fc.array(valueOp, { maxLength: 3 }),
  format: formatting,
  textOps: fc.array(textOp, { maxLength: 3 }),
});

/** Cases that always carry a structure-doubling value (issue 11), without text damage. */
export const doublingCase: fc.Arbitrary<FuzzCase> = fc.record({
  template: templateArbitrary(1),
  valueOps: fc.tuple(
    fc.record({
      kind: fc.constant('doubling' as const),
      pick,
      levels: fc.oneof(fc.integer({ min: 1, max: 24 }), fc.constantFrom(40, 64)),
      step: fc.constantFrom(...(Object.keys(DOUBLING_STEPS) as DoublingStep[])),
      consumer: fc.constantFrom(...DOUBLING_CONSUMERS),
    }),
  ),
  format: fc.constant({ indent: 2, newline: '\n' as const }),
  textOps: fc.constant([]),
});

export interface WorkspaceCase {
  main: FuzzCase;
  mainBytes: ByteOp[];
  linked: FuzzCase | undefined;
  linkedBytes: ByteOp[];
  parameters: { values: JsonObject; textOps: TextOp[] } | undefined;
}

export const workspaceCase: fc.Arbitrary<WorkspaceCase> = fc.record({
  main: fuzzCase,
  mainBytes: fc.array(byteOp, { maxLength: 2 }),
  linked: fc.option(
    fc.record({
      template: templateArbitrary(1),
      valueOps: fc.array(valueOp, { maxLength: 2 }),
      format: formatting,
      textOps: fc.array(textOp, { maxLength: 2 }),
    }),
    { nil: undefined },
  ),
  linkedBytes: fc.array(byteOp, { maxLength: 1 }),
  parameters: fc.option(
    fc.record({
      values: fc.constantFrom<JsonObject>(
        { trackingGuid: { value: GUID } },
        { adminPassword: { value: 'Fuzz-Param-File-Secret-3!' }, trackingGuid: { value: 'not-a-guid' } },
        { trackingGuid: { reference: { keyVault: { id: '/x' }, secretName: 's' } } },
        { flag: { value: false }, n: { value: 'three' } },
      ),
      textOps: fc.array(textOp, { maxLength: 1 }),
    }),
    { nil: undefined },
  ),
});

// ---------------------------------------------------------------- applying mutations

const DEEP_MARK = '__cua_fuzz_deep_';
const RETYPES: Json[] = [null, 0, -1.5e300, true, '', '[', "[concat(']", [], {}, 'pid-x', { a: [1, { b: null }] }, '\u0000', '[[', `pid-${GUID}`];

interface Slot {
  parent: JsonObject | Json[];
  key: string | number;
}

/** Every (container, key) slot in the value, in document order (bounded). */
function slots(value: Json, limit = 5000): Slot[] {
  const out: Slot[] = [];
  const stack: Json[] = [value];
  while (stack.length > 0 && out.length < limit) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const entries: [string | number, Json][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child] of entries) {
      out.push({ parent: node, key });
      stack.push(child);
    }
  }
  return out;
}

function objects(value: Json, limit = 5000): JsonObject[] {
  const out: JsonObject[] = [];
  const stack: Json[] = [value];
  while (stack.length > 0 && out.length < limit) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (!Array.isArray(node)) out.push(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push(child);
  }
  return out;
}

function setSlot(slot: Slot, value: Json | undefined): void {
  if (Array.isArray(slot.parent)) {
    if (value === undefined) slot.parent.splice(Number(slot.key), 1);
    else slot.parent[Number(slot.key)] = value;
  } else if (value === undefined) {
    delete slot.parent[String(slot.key)];
  } else {
    slot.parent[String(slot.key)] = value;
  }
}

function shuffle<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0 || 1;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Deep-nested JSON text built iteratively (never through recursion). */
export function deepText(levels: number, shape: 'array' | 'object' | 'mixed'): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < levels; i++) {
    const object = shape === 'object' || (shape === 'mixed' && i % 2 === 1);
    open.push(object ? '{"a":' : '[');
    close.push(object ? '}' : ']');
  }
  return `${open.join('')}"pid-${GUID}"${close.reverse().join('')}`;
}

/** Applies the value mutations, then formats; deep nesting is spliced into the text afterwards. */
export function renderCase(c: FuzzCase): string {
  const value = structuredClone(c.template) as Json;
  const deep: string[] = [];
  for (const op of c.valueOps) {
    const all = slots(value);
    if (op.kind === 'reorder') {
      const objs = objects(value);
      const target = objs[op.pick % Math.max(objs.length, 1)];
      if (!target) continue;
      const entries = shuffle(Object.entries(target), op.seed);
      for (const key of Object.keys(target)) delete target[key];
      for (const [k, v] of entries) target[k] = v;
      continue;
    }
    if (op.kind === 'doubling') {
      const expression = addDoubling(value, op);
      const slot = slots(value)[op.pick % Math.max(all.length, 1)];
      if (slot) setSlot(slot, expression);
      // The tracking name too, where the issue put it: `concat('pid-', <consumer>)`.
      const resources = isJsonObject(value) ? value['resources'] : undefined;
      const first = Array.isArray(resources) ? resources[0] : undefined;
      if (isJsonObject(first)) first['name'] = `[concat('pid-', ${expression.slice(1, -1)})]`;
      continue;
    }
    const slot = all[op.pick % Math.max(all.length, 1)];
    if (!slot) continue;
    if (op.kind === 'drop') setSlot(slot, undefined);
    else if (op.kind === 'retype') setSlot(slot, structuredClone(RETYPES[op.to % RETYPES.length] ?? null));
    else if (op.kind === 'bigString') setSlot(slot, op.char.repeat(op.size));
    else if (op.kind === 'deep') {
      setSlot(slot, `${DEEP_MARK}${deep.length}`);
      deep.push(deepText(op.levels, op.shape));
    }
  }
  let text = JSON.stringify(value, null, c.format.indent) ?? 'null';
  if (c.format.newline !== '\n') text = text.replace(/\n/g, c.format.newline);
  deep.forEach((d, i) => {
    text = text.replace(`"${DEEP_MARK}${i}"`, () => d);
  });
  for (const op of c.textOps) text = applyTextOp(text, op);
  return text;
}

function position(text: string, fraction: number): number {
  return Math.min(text.length, Math.floor(fraction * (text.length + 1)));
}

export function applyTextOp(text: string, op: TextOp): string {
  switch (op.kind) {
    case 'comment': {
      const i = position(text, op.at);
      const comment = op.style === 'line' ? '// fuzz comment\n' : op.style === 'block' ? '/* fuzz\n comment */' : '/* never closed';
      return text.slice(0, i) + comment + text.slice(i);
    }
    case 'bom': {
      const i = op.at === 0 ? 0 : position(text, op.at);
      return `${text.slice(0, i)}\uFEFF${text.slice(i)}`;
    }
    case 'control': {
      const i = position(text, op.at);
      return text.slice(0, i) + String.fromCharCode(op.code) + text.slice(i);
    }
    case 'duplicateKey': {
      const keys = [...text.matchAll(/"([A-Za-z$][\w$-]*)"\s*:/g)];
      const match = keys[op.pick % Math.max(keys.length, 1)];
      if (!match || match.index === undefined) return text;
      return `${text.slice(0, match.index)}"${match[1]}": ${op.value}, ${text.slice(match.index)}`;
    }
    case 'truncate':
      return text.slice(0, position(text, op.at));
    case 'insert': {
      const i = position(text, op.at);
      return text.slice(0, i) + op.text + text.slice(i);
    }
    case 'delete': {
      const i = position(text, op.at);
      return text.slice(0, i) + text.slice(i + op.length);
    }
    case 'newlines':
      return text.replace(/\r?\n/g, op.style === 'crlf' ? '\r\n' : '\r');
    case 'trailingComma': {
      const closers = [...text.matchAll(/\s*[}\]]/g)];
      const match = closers[op.pick % Math.max(closers.length, 1)];
      if (!match || match.index === undefined || match.index === 0) return text;
      return `${text.slice(0, match.index)},${text.slice(match.index)}`;
    }
  }
}

export function applyByteOps(text: string, ops: readonly ByteOp[]): Buffer {
  let bytes = Buffer.from(text, 'utf8');
  for (const op of ops) {
    switch (op.kind) {
      case 'invalidUtf8': {
        const i = Math.min(bytes.length, Math.floor(op.at * (bytes.length + 1)));
        bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(op.bytes), bytes.subarray(i)]);
        break;
      }
      case 'nul': {
        const i = Math.min(bytes.length, Math.floor(op.at * (bytes.length + 1)));
        bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([0]), bytes.subarray(i)]);
        break;
      }
      case 'utf16': {
        const le = Buffer.from(bytes.toString('utf8'), 'utf16le');
        if (op.bigEndian) le.swap16();
        bytes = Buffer.concat([Buffer.from(op.bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
        break;
      }
      case 'utf8Bom':
        bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
        break;
    }
  }
  return bytes;
}

/** Parameters file text for a workspace case. */
export function renderParameters(p: NonNullable<WorkspaceCase['parameters']>): string {
  let text = JSON.stringify(
    { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: p.values },
    null,
    2,
  );
  for (const op of p.textOps) text = applyTextOp(text, op);
  return text;
}
