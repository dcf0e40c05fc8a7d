// The work budget of an evaluation. Hostile templates can describe values far larger than they
// are written (forty variables that each hold the previous one twice describe 2^40 elements in
// 3 KB), and functions that walk such a value (string(), equals(), union(), length(string()))
// would take forever or exhaust memory. So:
//  - every value has a size, tracked as values are built (shared parts are counted as often as
//    they occur, but computed once: nothing is materialised to measure it), and no value larger
//    than MAX_VALUE_SIZE is kept: it becomes an Unknown whose cause says so;
//  - every evaluation has a number of steps: one per node, plus the size of each argument a
//    function receives (what walking it may cost), plus what a function building a value from
//    repeated parts would build; a scope tree (a template and its nested and linked templates)
//    has a total, so many evaluations cannot each spend their whole allowance.
// Past either bound the value is Unknown (cause `limit`) and an ExpressionError of kind 'budget'
// says where; a rule decides how to report it.
import type { ArmValue } from './value.ts';
import { PartialString, Unknown } from './value.ts';

/**
 * The largest value kept, in size units: a string counts its length + 2, every other scalar 1,
 * an array 1 + each item + 1 (its comma), an object 1 + each key's length + 4 (quotes, colon,
 * comma) + its value. That is at most the value's compact JSON length, so a value over it is over
 * 4 MiB as JSON. (Counting the commas matters: an array of 4 Mi one-character items is 8 MiB of
 * JSON, and arrays are what doubling templates build.) ARM limits the whole
 * template to 4 MB "after it has been expanded with iterative resource definitions, and values
 * for variables and parameters" (learn.microsoft.com, ARM template best practices, "Template
 * limits"), so no value of a deployable template is larger. (The 1 MB limit of one resource
 * definition is too tight for a variable: Azure/Enterprise-Scale's policies.json holds every
 * policy definition, about 1 MB, in one variable that its copy loop indexes.)
 */
export const MAX_VALUE_SIZE = 4 * 1024 * 1024;

/**
 * Steps of one evaluation: a few walks over the largest value kept. The most any evaluation of
 * the corpus of 491 real templates takes is 72,000; Azure/Enterprise-Scale's policies.json (its
 * ~1 MB policy variable built from 150 json() strings) needs more than 4 Mi.
 */
export const MAX_STEPS = 4 * MAX_VALUE_SIZE;

/**
 * Steps of every evaluation in one scope tree together; with MAX_VALUE_SIZE it bounds the memory
 * evaluation can hold (what is built costs at least its size in steps). The most a corpus
 * template takes is 805,000 (20 times fewer); a generated template of 200,000 resources (53 MB)
 * takes 636,000.
 */
const MAX_TOTAL_STEPS = 4 * MAX_STEPS;

/** What a scope tree has left; shared by the scopes of one template and its nested/linked ones. */
export interface TotalBudget {
  remaining: number;
}

export function newTotalBudget(): TotalBudget {
  return { remaining: MAX_TOTAL_STEPS };
}

/** Which bound an evaluation went past. */
export type BudgetLimit = 'size' | 'steps';

/** Sizes of arrays and objects already measured (an Unknown or a PartialString keeps its own). */
const sizes = new WeakMap<object, number>();

/**
 * The size of a value (see MAX_VALUE_SIZE), remembered per array, object, partly known string and
 * unknown, so a value made of shared parts is measured in the time it took to build. An unknown
 * counts what its cause was computed from: walks over dependencies (value.ts dependenciesOf) see
 * those too.
 */
export function sizeOf(value: ArmValue): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object' || value === null) return 1;
  // Evaluation asks after every step: a field of the value answers faster than a WeakMap.
  if (value instanceof Unknown) return value.sizeBy(measureUnknown);
  if (value instanceof PartialString) return value.sizeBy((partial) => partsSize(partial.parts));
  const known = sizes.get(value);
  if (known !== undefined) return known;
  const size = Array.isArray(value) ? measureArray(value) : measureObject(value);
  sizes.set(value, size);
  return size;
}

function measureUnknown(value: Unknown): number {
  const cause = value.cause;
  let size = 1 + value.text.length;
  if (cause.kind === 'hash' || cause.kind === 'call') size += partsSize(cause.inputs);
  else if (cause.kind === 'member') size += sizeOf(cause.of) + sizeOf(cause.key);
  return size;
}

function measureArray(items: readonly ArmValue[]): number {
  let size = 1;
  for (const item of items) size += sizeOf(item) + 1;
  return size;
}

function measureObject(value: { [key: string]: ArmValue }): number {
  let size = 1;
  for (const key in value) {
    const item = value[key];
    if (item !== undefined) size += key.length + 4 + sizeOf(item);
  }
  return size;
}

function partsSize(items: readonly ArmValue[]): number {
  let size = 1;
  for (const item of items) size += sizeOf(item);
  return size;
}
