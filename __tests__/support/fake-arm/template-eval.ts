// Just enough of ARM's template language for the fake server to decide what a test template
// deploys: literals, parameters(), variables(), concat/format/not/equals/and/or/if, toLower,
// uniqueString, guid, resourceGroup()/subscription()/deployment() with property access.
// Anything else throws, so a test template that needs more fails loudly instead of silently.
import { createHash } from 'node:crypto';

export interface EvalScope {
  subscriptionId?: string;
  resourceGroup?: string;
  managementGroupId?: string;
  location?: string;
}

export interface EvalContext {
  parameters: Record<string, unknown>;
  variables: Record<string, unknown>;
  scope: EvalScope;
  deploymentName: string;
}

export function evaluate(value: unknown, ctx: EvalContext): unknown {
  if (typeof value === 'string') {
    // As ARM reads it: an expression is '[…]'; '[[' escapes only inside that form.
    if (value.length >= 2 && value.startsWith('[') && value.endsWith(']')) {
      if (value.startsWith('[[')) return value.slice(1);
      return new Parser(value.slice(1, -1), ctx).parseAll();
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => evaluate(v, ctx));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, ctx)]));
  }
  return value;
}

/** Parameter values: template defaults, overridden by `{ name: { value } }` from the request. */
export function resolveParameters(
  template: Record<string, unknown>,
  given: Record<string, unknown>,
  ctx: Omit<EvalContext, 'parameters'>,
): Record<string, unknown> {
  const defs = isRecord(template['parameters']) ? template['parameters'] : {};
  const values: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(defs)) {
    const passed = given[name];
    if (isRecord(passed) && 'value' in passed) values[name] = passed['value'];
    else if (isRecord(def) && 'defaultValue' in def) values[name] = evaluate(def['defaultValue'], { ...ctx, parameters: values });
  }
  return values;
}

class Parser {
  private pos = 0;
  private readonly text: string;
  private readonly ctx: EvalContext;

  constructor(text: string, ctx: EvalContext) {
    this.text = text;
    this.ctx = ctx;
  }

  parseAll(): unknown {
    const value = this.expression();
    this.skip();
    if (this.pos !== this.text.length) throw new Error(`fake ARM: cannot parse '${this.text}' at ${this.pos}`);
    return value;
  }

  private expression(): unknown {
    this.skip();
    let value = this.primary();
    for (;;) {
      this.skip();
      if (this.peek() === '.') {
        this.pos++;
        const prop = this.identifier();
        value = isRecord(value) ? value[prop] : undefined;
      } else if (this.peek() === '[') {
        this.pos++;
        const index = this.expression();
        this.expect(']');
        value = Array.isArray(value) ? value[Number(index)] : isRecord(value) ? value[String(index)] : undefined;
      } else {
        return value;
      }
    }
  }

  private primary(): unknown {
    const c = this.peek();
    if (c === "'") return this.stringLiteral();
    if (c !== undefined && /[-\d]/.test(c)) {
      const match = /^-?\d+/.exec(this.text.slice(this.pos));
      this.pos += match?.[0].length ?? 1;
      return Number(match?.[0]);
    }
    const name = this.identifier();
    this.skip();
    this.expect('(');
    const args: unknown[] = [];
    this.skip();
    if (this.peek() !== ')') {
      for (;;) {
        args.push(this.expression());
        this.skip();
        if (this.peek() === ',') {
          this.pos++;
          continue;
        }
        break;
      }
    }
    this.expect(')');
    return this.call(name.toLowerCase(), args);
  }

  private call(name: string, args: unknown[]): unknown {
    const { ctx } = this;
    const str = (i: number): string => String(args[i] ?? '');
    switch (name) {
      case 'parameters':
        if (!(str(0) in ctx.parameters)) throw new Error(`fake ARM: parameter '${str(0)}' has no value`);
        return ctx.parameters[str(0)];
      case 'variables': {
        const variable = ctx.variables[str(0)];
        return evaluate(variable, ctx);
      }
      case 'concat':
        return args.every(Array.isArray) ? args.flat() : args.map((a) => String(a)).join('');
      case 'format':
        return str(0).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i) + 1] ?? ''));
      case 'not':
        return !args[0];
      case 'equals':
        return JSON.stringify(args[0]) === JSON.stringify(args[1]);
      case 'and':
        return args.every(Boolean);
      case 'or':
        return args.some(Boolean);
      case 'if':
        return args[0] ? args[1] : args[2];
      case 'true':
        return true;
      case 'false':
        return false;
      case 'bool':
        return args[0] === true || str(0).toLowerCase() === 'true';
      case 'string':
        return typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
      case 'tolower':
        return str(0).toLowerCase();
      case 'empty':
        return args[0] === '' || args[0] === null || (Array.isArray(args[0]) && args[0].length === 0);
      case 'uniquestring':
        return createHash('sha256').update(args.map(String).join('|')).digest('hex').slice(0, 13);
      case 'guid': {
        const h = createHash('sha256').update(args.map(String).join('|')).digest('hex');
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
      }
      case 'resourcegroup':
        return {
          name: ctx.scope.resourceGroup,
          location: ctx.scope.location ?? 'westeurope',
          id: `/subscriptions/${ctx.scope.subscriptionId}/resourceGroups/${ctx.scope.resourceGroup}`,
        };
      case 'subscription':
        return { subscriptionId: ctx.scope.subscriptionId, id: `/subscriptions/${ctx.scope.subscriptionId}` };
      case 'managementgroup':
        return { name: ctx.scope.managementGroupId };
      case 'reference':
        // At deployment time ARM reads the referenced resource's runtime state; the fake's
        // resources are all provisioned once their deployment ran.
        return { provisioningState: 'Succeeded', name: str(0) };
      case 'deployment':
        return { name: ctx.deploymentName, location: ctx.scope.location };
      default:
        throw new Error(`fake ARM: function ${name}() is not supported`);
    }
  }

  private stringLiteral(): string {
    this.expect("'");
    let out = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) throw new Error(`fake ARM: unterminated string in '${this.text}'`);
      this.pos++;
      if (c === "'") {
        if (this.text[this.pos] === "'") {
          out += "'";
          this.pos++;
          continue;
        }
        return out;
      }
      out += c;
    }
  }

  private identifier(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!match) throw new Error(`fake ARM: expected a name in '${this.text}' at ${this.pos}`);
    this.pos += match[0].length;
    return match[0];
  }

  private expect(c: string): void {
    this.skip();
    if (this.text[this.pos] !== c) throw new Error(`fake ARM: expected '${c}' in '${this.text}' at ${this.pos}`);
    this.pos++;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private skip(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
