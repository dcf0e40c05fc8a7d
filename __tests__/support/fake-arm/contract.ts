// Microsoft's published contract for the ARM calls the fake answers: the vendored Swagger files in
// __tests__/fixtures/azure-rest-api-specs (deployments 2026-06-01 and Azure Stack Hub's 2019-10-01,
// resources 2025-04-01). Every request the fake receives is matched to an operation of the spec
// for its api-version (path, method, query, body schema), and every response it sends is checked
// against that operation's response schema for the status. A mismatch is a contract violation:
// the fake records it, and the test fails (use-fake-arm.ts).
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

const SPEC_ROOT = join(import.meta.dirname, '../../fixtures/azure-rest-api-specs');
const RESOURCES_DIR = 'specification/resources/resource-manager/Microsoft.Resources';

/** Spec file per api-version and API family. */
export const SPEC_FILES = {
  deployments: {
    '2026-06-01': `${RESOURCES_DIR}/deployments/stable/2026-06-01/deployments.json`,
    '2019-10-01': `${RESOURCES_DIR}/deployments/stable/2019-10-01/deployments.json`,
  },
  // Resource groups and providers at 2019-10-01 (the hybrid profile) are not vendored: their
  // shapes are checked against 2025-04-01, whose resource-group and provider models are a superset.
  resources: {
    '2025-04-01': `${RESOURCES_DIR}/resources/stable/2025-04-01/resources.json`,
    '2019-10-01': `${RESOURCES_DIR}/resources/stable/2025-04-01/resources.json`,
  },
} as const;

const COMMON_FILES = [
  'specification/common-types/resource-management/v1/types.json',
  'specification/common-types/resource-management/v3/types.json',
  'specification/common-types/resource-management/v3/managedidentity.json',
];

const BASE = 'https://spec.invalid/';

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'body' | 'header';
  required?: boolean;
  schema?: Json;
  enum?: unknown[];
}

export interface SpecOperation {
  operationId: string;
  file: string;
  pathTemplate: string;
  method: string;
  parameters: Parameter[];
  responses: Record<string, { schema?: Json }>;
}

interface Route {
  regex: RegExp;
  operations: Map<string, SpecOperation>;
  /** Paths with {scope} match almost anything: tried after the specific ones. */
  generic: boolean;
}

export interface RequestCheck {
  operation?: SpecOperation;
  problems: string[];
}

export interface Contract {
  /** The api-versions of a family the spec files cover. */
  versions(family: keyof typeof SPEC_FILES): string[];
  checkRequest(request: { method: string; path: string; query: URLSearchParams; body: unknown; family: keyof typeof SPEC_FILES }): RequestCheck;
  checkResponse(operation: SpecOperation, status: number, body: unknown): string[];
  /** An example file's JSON (path relative to the Microsoft.Resources folder). */
  example(path: string): Json;
}

let loaded: Contract | undefined;

export function loadContract(): Contract {
  loaded ??= buildContract();
  return loaded;
}

function buildContract(): Contract {
  const ajv = new Ajv({ strict: false, validateFormats: false, validateSchema: false, allErrors: true });
  const documents = new Map<string, Json>();
  const files = new Set<string>([...COMMON_FILES, ...Object.values(SPEC_FILES.deployments), ...Object.values(SPEC_FILES.resources)]);
  for (const file of files) {
    const document = swaggerToJsonSchema(JSON.parse(readFileSync(join(SPEC_ROOT, file), 'utf8')) as Json);
    documents.set(file, document);
    ajv.addSchema({ ...document, $id: `${BASE}${file}` });
  }
  const routes = new Map<string, Route[]>();
  for (const file of new Set<string>([...Object.values(SPEC_FILES.deployments), ...Object.values(SPEC_FILES.resources)])) {
    routes.set(file, routesOf(file, documents.get(file) ?? {}, documents));
  }
  const validators = new Map<string, ValidateFunction>();
  const validator = (ref: string): ValidateFunction => {
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      validators.set(ref, validate);
    }
    return validate;
  };
  const check = (file: string, schema: Json, value: unknown, what: string): string[] => {
    const ref = schemaRef(file, schema);
    const validate = validator(ref);
    if (validate(value)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${what}${e.instancePath || ''} ${e.message ?? 'is invalid'} (${ref.replace(BASE, '')} ${e.schemaPath})`);
  };
  // Inline schemas in operations are registered once each, under an id of their own.
  const inlineIds = new WeakMap<Json, string>();
  const schemaRef = (file: string, schema: Json): string => {
    if (typeof schema['$ref'] === 'string') return new URL(schema['$ref'], `${BASE}${file}`).href;
    let id = inlineIds.get(schema);
    if (!id) {
      id = `${BASE}inline/${inlineIds.has(schema) ? '' : Math.random().toString(36).slice(2)}.json`;
      ajv.addSchema({ ...resolveRelativeRefs(schema, `${BASE}${file}`), $id: id });
      inlineIds.set(schema, id);
    }
    return id;
  };

  return {
    versions: (family) => Object.keys(SPEC_FILES[family]),
    checkRequest({ method, path, query, body, family }) {
      const apiVersion = query.get('api-version') ?? '';
      const file = (SPEC_FILES[family] as Record<string, string>)[apiVersion];
      if (!file) return { problems: [`api-version '${apiVersion}' is not a version of the ${family} spec (${Object.keys(SPEC_FILES[family]).join(', ')})`] };
      const route = (routes.get(file) ?? []).find((r) => r.regex.test(path) && r.operations.has(method.toLowerCase()));
      const operation = route?.operations.get(method.toLowerCase());
      if (!operation) return { problems: [`${method} ${path} is no operation of ${file}`] };
      const problems: string[] = [];
      const known = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
      for (const parameter of operation.parameters) {
        if (parameter.in === 'query' && parameter.required && !query.has(parameter.name)) problems.push(`query parameter ${parameter.name} is required`);
        if (parameter.in === 'body') {
          if (body === undefined) {
            if (parameter.required) problems.push(`${operation.operationId}: the body is required`);
          } else if (parameter.schema) problems.push(...check(file, parameter.schema, body, `${operation.operationId} body`));
        }
      }
      // $skiptoken is part of the server's own opaque nextLink.
      for (const name of query.keys())
        if (!known.has(name) && name !== '$skiptoken') problems.push(`${operation.operationId}: unknown query parameter ${name}`);
      return { operation, problems };
    },
    checkResponse(operation, status, body) {
      const response = operation.responses[String(status)] ?? operation.responses['default'];
      if (!response) return [`${operation.operationId}: status ${status} is not a response of the spec`];
      if (!response.schema) return body === undefined ? [] : [`${operation.operationId}: status ${status} has no body in the spec`];
      if (body === undefined) return [`${operation.operationId}: status ${status} needs a body`];
      return check(operation.file, response.schema, body, `${operation.operationId} ${status} response`);
    },
    example(path) {
      return JSON.parse(readFileSync(join(SPEC_ROOT, RESOURCES_DIR, path), 'utf8')) as Json;
    },
  };
}

function routesOf(file: string, document: Json, documents: Map<string, Json>): Route[] {
  const paths = (document['paths'] ?? {}) as Record<string, Record<string, Json>>;
  const routes: Route[] = [];
  for (const [template, methods] of Object.entries(paths)) {
    const operations = new Map<string, SpecOperation>();
    for (const [method, raw] of Object.entries(methods)) {
      if (method === 'parameters') continue;
      const parameters = [...((methods['parameters'] as unknown as Json[] | undefined) ?? []), ...((raw['parameters'] as Json[] | undefined) ?? [])].map((p) =>
        resolveParameter(file, p, documents),
      );
      operations.set(method, {
        operationId: String(raw['operationId']),
        file,
        pathTemplate: template,
        method,
        parameters,
        responses: (raw['responses'] ?? {}) as Record<string, { schema?: Json }>,
      });
    }
    routes.push({ regex: pathRegex(template), operations, generic: template.includes('{scope}') });
  }
  return routes.sort((a, b) => Number(a.generic) - Number(b.generic));
}

function resolveParameter(file: string, parameter: Json, documents: Map<string, Json>): Parameter {
  const ref = parameter['$ref'];
  if (typeof ref !== 'string') return parameter as unknown as Parameter;
  const [target = '', pointer = ''] = ref.split('#');
  const targetFile = target === '' ? file : posix.normalize(posix.join(posix.dirname(file), target));
  const document = documents.get(targetFile) ?? {};
  const resolved = pointer
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], document) as Json | undefined;
  if (!resolved) throw new Error(`contract: unresolved parameter ${ref} in ${file}`);
  const schema = resolved['schema'] as Json | undefined;
  // A body schema's relative $ref is relative to the file that holds the parameter.
  return { ...(resolved as unknown as Parameter), ...(schema ? { schema: resolveRelativeRefs(schema, `${BASE}${targetFile}`) } : {}) };
}

/** ARM compares paths without case; `{scope}` spans segments, other parameters one segment. */
function pathRegex(template: string): RegExp {
  const source = template
    .replace(/\/+$/, '')
    .split(/(\{[^}]+\})/)
    .map((part) => (part === '{scope}' ? '.+' : part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`, 'i');
}

/** Makes every $ref in an inline schema absolute, so it can live under another id. */
function resolveRelativeRefs(schema: Json, base: string): Json {
  return mapDeep(schema, (node) => (typeof node['$ref'] === 'string' ? { ...node, $ref: new URL(node['$ref'], base).href } : node)) as Json;
}

/**
 * Swagger 2.0 → JSON Schema as AutoRest reads it: `x-nullable` allows null; an enum with
 * `x-ms-enum.modelAsString` is extensible (any string), as ARM's enums are.
 */
function swaggerToJsonSchema(document: Json): Json {
  return mapDeep(document, (node) => {
    let result = node;
    if (result['x-nullable'] === true && typeof result['type'] === 'string') result = { ...result, type: [result['type'], 'null'] };
    const xmsEnum = result['x-ms-enum'];
    if (Array.isArray(result['enum']) && typeof xmsEnum === 'object' && xmsEnum !== null && (xmsEnum as Json)['modelAsString'] === true) {
      const { enum: _dropped, ...rest } = result;
      result = rest;
    }
    return result;
  }) as Json;
}

function mapDeep(value: unknown, transform: (node: Json) => Json): unknown {
  if (Array.isArray(value)) return value.map((v) => mapDeep(v, transform));
  if (typeof value !== 'object' || value === null) return value;
  const mapped: Json = {};
  for (const [k, v] of Object.entries(value)) mapped[k] = mapDeep(v, transform);
  return transform(mapped);
}
