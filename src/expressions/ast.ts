// Syntax tree of one ARM template expression. Offsets are 0-based positions inside the
// whole JSON string value (so the opening '[' is offset 0); `end` is exclusive.

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

/** Bare `true`, `false` or `null` (ARM itself wants true()/false()/null(); both are accepted). */
export interface LiteralNode extends Span {
  kind: 'literal';
  value: boolean | null;
}

export interface CallNode extends Span {
  kind: 'call';
  name: string;
  /** Set for user-defined functions: `namespace.member(...)`. */
  namespace: string | undefined;
  args: Node[];
  /**
   * What the name refers to, filled in on first evaluation: an implemented function, 'known' (a
   * documented ARM function that is not evaluated) or 'unknown'.
   */
  resolved: FunctionSpec | 'known' | 'unknown' | undefined;
  /** Source text of the call, filled in on first use (a node in a copy loop is evaluated often). */
  text: string | undefined;
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

export type Node = StringNode | NumberNode | LiteralNode | CallNode | PropertyNode | IndexNode;
