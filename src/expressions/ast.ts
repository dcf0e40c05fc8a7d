// Syntax tree of one ARM template expression. Offsets are 0-based positions inside the
// whole JSON string value (so the opening '[' is offset 0); `end` is exclusive.
// ARM's grammar has string literals, integers and function calls; property and index access
// follow a call only (see parser.ts). Booleans and null are the functions true(), false(), null().

import type { FunctionSpec } from './functions/types.ts';

interface Span {
  start: number;
  end: number;
}

export interface StringNode extends Span {
  kind: 'string';
  value: string;
}

export interface NumberNode extends Span {
  kind: 'number';
  value: number;
}

export interface CallNode extends Span {
  kind: 'call';
  /** Where the function's name is written (the member's, for `namespace.member(...)`). */
  nameStart: number;
  nameEnd: number;
  /** Set for user-defined functions: `namespace.member(...)`. */
  namespace: string | undefined;
  args: readonly Node[];
  /**
   * What the name refers to, as the parser resolved it: an implemented function, 'known' (a
   * documented ARM function that is not evaluated) or 'unknown'; undefined for user-defined ones.
   */
  resolved: FunctionSpec | 'known' | 'unknown' | undefined;
}

export interface PropertyNode extends Span {
  kind: 'property';
  target: Node;
  name: string;
}

export interface IndexNode extends Span {
  kind: 'index';
  target: Node;
  index: Node;
}

export type Node = StringNode | NumberNode | CallNode | PropertyNode | IndexNode;
