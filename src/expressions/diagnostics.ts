// The catalog of static expression diagnostics: each problem ARM rejects whatever the parameter
// values (a syntax error, an unknown function, a wrong argument count, an undefined or circular
// parameter or variable, a scope function at the wrong scope) as a code and its parameters, and
// the one place that puts them into words. Errors and findings carry the data, so rewording a
// message here changes no finding's identity; nothing reads the words back.
import { isRecord } from './raw.ts';
import type { ExpectedToken, ExpressionDiagnostic, ExpressionError, ScopeFunction, ScopeKind, StaticExpressionError, SyntaxProblem } from './types.ts';

// The diagnostics are data types of the module's results (types.ts); the catalog's users import them here too.
export type { ExpectedToken, ExpressionDiagnostic, ScopeFunction, SyntaxProblem } from './types.ts';

/**
 * The deployment scopes each scope function is available at ("Supported functions" of ARM's
 * deployment scopes): resourceGroup() at resource-group scope, subscription() there and at
 * subscription scope. The evaluator checks calls against it; messages name the scopes.
 */
export const SCOPE_FUNCTION_SCOPES = {
  resourceGroup: ['resourceGroup'],
  subscription: ['resourceGroup', 'subscription'],
} as const satisfies Record<ScopeFunction, readonly ScopeKind[]>;

type DiagnosticCode = ExpressionDiagnostic['code'];

/** The error for a diagnostic: its message is rendered here, nowhere else. */
export function staticError(diagnostic: ExpressionDiagnostic, offset: number | undefined): StaticExpressionError {
  const message = describeDiagnostic(diagnostic);
  return offset === undefined ? { message, kind: 'static', diagnostic } : { message, offset, kind: 'static', diagnostic };
}

/** A circular reference between variables or parameters, where it closes or carried from a definition that has one. */
export function isCircularReference(error: ExpressionError): boolean {
  if (error.kind === 'static') return error.diagnostic.code === 'circular-parameter' || error.diagnostic.code === 'circular-variable';
  return error.kind === undefined && error.circular === true;
}

/** The diagnostic in words (the messages cua-guard has always shown). */
export function describeDiagnostic(diagnostic: ExpressionDiagnostic): string {
  switch (diagnostic.code) {
    case 'syntax':
      return describeSyntax(diagnostic);
    case 'unknown-function':
      return `unknown function '${diagnostic.name}'`;
    case 'arity':
      return describeArity(diagnostic.function, diagnostic.min, diagnostic.max, diagnostic.got);
    case 'undefined-parameter':
      return `parameter '${diagnostic.name}' is not defined in the template`;
    case 'undefined-variable':
      return `variable '${diagnostic.name}' is not defined in the template`;
    case 'circular-parameter':
      return `circular reference: parameter '${diagnostic.name}' depends on itself`;
    case 'circular-variable':
      return `circular reference: variable '${diagnostic.name}' depends on itself`;
    case 'wrong-scope': {
      const available = SCOPE_FUNCTION_SCOPES[diagnostic.function].map(describeScope).join(' or ');
      return `${diagnostic.function}() is only available in deployments to ${available}, not in a deployment to ${describeScope(diagnostic.scope)}`;
    }
  }
}

const TOKEN_TEXT: Readonly<Record<ExpectedToken, string>> = { 'close-bracket': "']'", 'argument-end': "',' or ')'" };

function describeSyntax(syntax: SyntaxProblem): string {
  switch (syntax.problem) {
    case 'empty-expression':
      return 'empty expression';
    case 'unexpected-end':
      return 'unexpected end of expression';
    case 'unexpected-character':
      return `unexpected character '${syntax.found}'`;
    case 'unexpected-identifier':
      return `unexpected identifier '${syntax.name}' (function calls need parentheses)`;
    case 'bare-literal':
      return `'${syntax.name}' is not a literal in ARM expressions: write ${syntax.name.toLowerCase()}()`;
    case 'expected':
      return describeExpected(TOKEN_TEXT[syntax.expected], syntax.found);
    case 'expected-parenthesis':
      return describeExpected(`'(' after '${syntax.call}'`, syntax.found);
    case 'expected-property-name':
      return "expected a property name after '.'";
    case 'expected-function-name':
      return `expected a function name after '${syntax.namespace}.'`;
    case 'unterminated-string':
      return 'unterminated string literal';
    case 'decimal-number':
      return `ARM expressions have no decimal numbers: '${syntax.text}' (write json('${syntax.text}'))`;
    case 'number-out-of-range':
      return `'${syntax.text}' is not a number ARM reads (32-bit integers only)`;
    case 'too-deep':
      return `expression nests deeper than ${syntax.limit} levels`;
  }
}

function describeExpected(what: string, found: string | undefined): string {
  return found === undefined ? `expected ${what} before the end of the expression` : `expected ${what} but found '${found}'`;
}

function describeArity(name: string, min: number, max: number | undefined, got: number): string {
  const expected = min === max ? `${min}` : max === undefined ? `at least ${min}` : `${min} to ${max}`;
  // "1 argument" and "at least 1 argument"; "1 to 2 arguments".
  const singular = min === 1 && (max === min || max === undefined);
  return `function '${name}' expects ${expected} argument${singular ? '' : 's'} but got ${got}`;
}

function describeScope(kind: ScopeKind): string {
  switch (kind) {
    case 'resourceGroup':
      return 'a resource group';
    case 'subscription':
      return 'a subscription';
    case 'managementGroup':
      return 'a management group';
    case 'tenant':
      return 'the tenant';
  }
}

/** A diagnostic where it is written: `character` is its 1-based position in the string, when one is shown. */
export type LocatedDiagnostic = ExpressionDiagnostic & { character?: number };

/**
 * Diagnostics as one stable string, JSON with each object's keys sorted: what message data (and
 * so fingerprints) carry in place of the words.
 */
export function encodeDiagnostics(diagnostics: readonly LocatedDiagnostic[]): string {
  return `[${diagnostics.map((d) => JSON.stringify(d, Object.keys(d).sort())).join(',')}]`;
}

/** The diagnostics encodeDiagnostics wrote; undefined for any other text. */
export function decodeDiagnostics(text: string): LocatedDiagnostic[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) && parsed.every(isLocatedDiagnostic) ? parsed : undefined;
}

// The parameters of each code, to check decoded data against the types above.
type FieldType = 'string' | 'number' | 'optional string' | 'optional number' | readonly string[];
type Fields<T> = { readonly [K in Exclude<keyof T, 'code' | 'problem'>]-?: FieldType };

const SCOPE_KINDS: readonly ScopeKind[] = ['resourceGroup', 'subscription', 'managementGroup', 'tenant'];

const FIELDS: { readonly [C in Exclude<DiagnosticCode, 'syntax'>]: Fields<Extract<ExpressionDiagnostic, { code: C }>> } = {
  'unknown-function': { name: 'string' },
  arity: { function: 'string', min: 'number', max: 'optional number', got: 'number' },
  'undefined-parameter': { name: 'string' },
  'undefined-variable': { name: 'string' },
  'circular-parameter': { name: 'string' },
  'circular-variable': { name: 'string' },
  'wrong-scope': { function: Object.keys(SCOPE_FUNCTION_SCOPES), scope: SCOPE_KINDS },
};

const SYNTAX_FIELDS: { readonly [P in SyntaxProblem['problem']]: Fields<Extract<SyntaxProblem, { problem: P }>> } = {
  'empty-expression': {},
  'unexpected-end': {},
  'unexpected-character': { found: 'string' },
  'unexpected-identifier': { name: 'string' },
  'bare-literal': { name: 'string' },
  expected: { expected: Object.keys(TOKEN_TEXT), found: 'optional string' },
  'expected-parenthesis': { call: 'string', found: 'optional string' },
  'expected-property-name': {},
  'expected-function-name': { namespace: 'string' },
  'unterminated-string': {},
  'decimal-number': { text: 'string' },
  'number-out-of-range': { text: 'string' },
  'too-deep': { limit: 'number' },
};

type FieldTable = Readonly<Record<string, Readonly<Record<string, FieldType>>>>;

function fieldsOf(table: FieldTable, key: unknown): Readonly<Record<string, FieldType>> | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

function isLocatedDiagnostic(value: unknown): value is LocatedDiagnostic {
  if (!isRecord(value)) return false;
  const syntax = value['code'] === 'syntax';
  const fields = syntax ? fieldsOf(SYNTAX_FIELDS, value['problem']) : fieldsOf(FIELDS, value['code']);
  if (fields === undefined || !hasType(value['character'], 'optional number')) return false;
  const keys = new Set(['code', 'character', ...(syntax ? ['problem'] : []), ...Object.keys(fields)]);
  return Object.keys(value).every((key) => keys.has(key)) && Object.entries(fields).every(([key, type]) => hasType(value[key], type));
}

function hasType(value: unknown, type: FieldType): boolean {
  if (typeof type !== 'string') return typeof value === 'string' && type.includes(value);
  if (value === undefined) return type.startsWith('optional');
  return typeof value === (type.endsWith('string') ? 'string' : 'number');
}
