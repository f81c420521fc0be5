/**
 * The packing kernels' view of a problem: flat typed arrays of the items that fit an empty
 * bin, their demand normalised by capacity, and per-dimension limits with the tolerance.
 *
 * Typed-array reads use `!`: every index is in range by construction, and the kernels are
 * hot loops where a checked accessor would cost.
 */
import { packingMessages } from "./messages";
import type { PackingProblem } from "./types";

/** Prepared, immutable-by-convention packing instance (internal to the packing core). */
export interface Instance {
  /** Number of items that fit an empty bin (the only ones the kernels see). */
  readonly n: number;
  /** Dimensions. */
  readonly d: number;
  /** Demand of item i in dimension j at `i*d+j`, caller units. */
  readonly demand: Float64Array;
  /** Demand / capacity at `i*d+j` (0 where the capacity is 0). */
  readonly norm: Float64Array;
  /** Bin capacity per dimension, caller units. */
  readonly capacity: Float64Array;
  /**
   * Largest allowed load per dimension: the capacity itself when the dimension holds only
   * integers (sums of integers are exact), else capacity × (1 + 1e-9) to absorb rounding.
   */
  readonly limit: Float64Array;
  /** Average-demand weights: total normalised demand per dimension, summing to 1. */
  readonly avgWeights: Float64Array;
  /** Index into the caller's `items` of each kernel item. */
  readonly original: Int32Array;
  /** Caller's item count, fitting or not. */
  readonly totalItems: number;
}

/** Relative tolerance on capacity for dimensions holding non-integer numbers. */
export const RELATIVE_TOLERANCE = 1e-9;

/** Largest allowed load per dimension for `problem` (see {@link Instance.limit}). */
export function loadLimits(problem: PackingProblem): Float64Array {
  const d = problem.capacity.length;
  const limit = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const cap = problem.capacity[j]!;
    let integral = Number.isInteger(cap);
    for (let i = 0; integral && i < problem.items.length; i++) {
      integral = Number.isInteger(problem.items[i]![j]);
    }
    limit[j] = integral ? cap : cap + cap * RELATIVE_TOLERANCE;
  }
  return limit;
}

/** Throws a RangeError (a programmer error) when the problem's shape or numbers are invalid. */
export function assertValidProblem(problem: PackingProblem): void {
  const d = problem.capacity.length;
  problem.capacity.forEach((c, j) => {
    if (!Number.isFinite(c) || c < 0) throw new RangeError(packingMessages.capacityNotFinite(j, c));
  });
  problem.items.forEach((item, i) => {
    if (item.length !== d) throw new RangeError(packingMessages.itemLength(i, d, item.length));
    item.forEach((v, j) => {
      if (!Number.isFinite(v) || v < 0)
        throw new RangeError(packingMessages.itemNotFinite(i, j, v));
    });
  });
}

/** Validates `problem` and builds the kernel instance of the items that fit an empty bin. */
export function prepareInstance(problem: PackingProblem): Instance {
  assertValidProblem(problem);
  const d = problem.capacity.length;
  const flat = new Float64Array(problem.items.length * d);
  problem.items.forEach((item, i) => flat.set(item, i * d));
  return prepareFlat(problem.capacity, flat, problem.items.length);
}

/**
 * The kernel instance of `count` items given flat (`demand[i*d+j]`, d = capacity.length), the
 * items that fit an empty bin only; numbers are trusted (finite, ≥ 0), as the capacity engine
 * builds them. Limits as {@link loadLimits}.
 */
export function prepareFlat(
  capacityVector: readonly number[],
  flat: Float64Array,
  count: number
): Instance {
  const d = capacityVector.length;
  const capacity = Float64Array.from(capacityVector);
  const limit = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const cap = capacity[j]!;
    let integral = Number.isInteger(cap);
    for (let i = 0; integral && i < count; i++) integral = Number.isInteger(flat[i * d + j]!);
    limit[j] = integral ? cap : cap + cap * RELATIVE_TOLERANCE;
  }
  const fitting = new Int32Array(count);
  let n = 0;
  for (let i = 0; i < count; i++) {
    let fits = true;
    for (let j = 0; j < d && fits; j++) fits = flat[i * d + j]! <= limit[j]!;
    if (fits) fitting[n++] = i;
  }
  const demand = new Float64Array(n * d);
  const norm = new Float64Array(n * d);
  const totals = new Float64Array(d);
  for (let k = 0; k < n; k++) {
    const at = fitting[k]! * d;
    for (let j = 0; j < d; j++) {
      const v = flat[at + j]!;
      demand[k * d + j] = v;
      const cap = capacity[j]!;
      const x = cap > 0 ? v / cap : 0;
      norm[k * d + j] = x;
      totals[j] = totals[j]! + x;
    }
  }
  const avgWeights = new Float64Array(d);
  let grand = 0;
  for (let j = 0; j < d; j++) grand += totals[j]!;
  for (let j = 0; j < d; j++) avgWeights[j] = grand > 0 ? totals[j]! / grand : 1 / d;
  return {
    n,
    d,
    demand,
    norm,
    capacity,
    limit,
    avgWeights,
    original: fitting.slice(0, n),
    totalItems: count,
  };
}

/** Kernel packing: `binOf[k]` is the bin (0..bins-1) of kernel item k. */
export interface Packing {
  readonly bins: number;
  readonly binOf: Int32Array;
}

/** True when every bin's load is within the limit and bins 0..bins-1 are all used. */
export function isFeasiblePacking(inst: Instance, packing: Packing): boolean {
  const { n, d, demand, limit } = inst;
  const load = new Float64Array(packing.bins * d);
  const used = new Uint8Array(packing.bins);
  for (let i = 0; i < n; i++) {
    const b = packing.binOf[i]!;
    if (b < 0 || b >= packing.bins) return false;
    used[b] = 1;
    for (let j = 0; j < d; j++) load[b * d + j] = load[b * d + j]! + demand[i * d + j]!;
  }
  for (let b = 0; b < packing.bins; b++) {
    if (used[b] === 0) return false;
    for (let j = 0; j < d; j++) if (load[b * d + j]! > limit[j]!) return false;
  }
  return true;
}

/**
 * The instance restricted to kernel items `items` (in that order), sharing capacity, limits and
 * average weights with the parent; its `original` maps back to the parent's kernel indices.
 */
export function subInstance(inst: Instance, items: Int32Array): Instance {
  const { d } = inst;
  const n = items.length;
  const demand = new Float64Array(n * d);
  const norm = new Float64Array(n * d);
  // Copied value by value: a subarray view per item costs more than the copy itself.
  for (let k = 0; k < n; k++) {
    const i = items[k]!;
    for (let j = 0; j < d; j++) {
      demand[k * d + j] = inst.demand[i * d + j]!;
      norm[k * d + j] = inst.norm[i * d + j]!;
    }
  }
  return { ...inst, n, demand, norm, original: Int32Array.from(items), totalItems: n };
}

/** Runs shorter than this are sorted by insertion before {@link decreasingOrder} merges them. */
const INSERTION_RUN = 16;

/**
 * Item indices by decreasing size, ties by increasing index. A stable merge sort of the
 * identity on typed arrays: the same order as sorting with the comparator
 * `sizes[b] - sizes[a] || a - b`, without a call per comparison.
 */
export function decreasingOrder(sizes: Float64Array): Int32Array {
  const n = sizes.length;
  let from = new Int32Array(n);
  let to = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  for (let lo = 0; lo < n; lo += INSERTION_RUN) {
    const hi = Math.min(n, lo + INSERTION_RUN);
    for (let k = lo + 1; k < hi; k++) {
      const item = from[k]!;
      const size = sizes[item]!;
      let at = k;
      // Strictly smaller sizes move right: equal ones keep their (index) order.
      while (at > lo && sizes[from[at - 1]!]! < size) {
        from[at] = from[at - 1]!;
        at--;
      }
      from[at] = item;
    }
  }
  for (let width = INSERTION_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let a = lo;
      let b = mid;
      let k = lo;
      // Two runs already in order are copied as they are; else the heads' sizes are held, so
      // each step of the merge reads one size.
      if (b < hi && sizes[from[b - 1]!]! < sizes[from[b]!]!) {
        let sizeA = sizes[from[a]!]!;
        let sizeB = sizes[from[b]!]!;
        for (;;) {
          if (sizeA >= sizeB) {
            to[k++] = from[a++]!;
            if (a === mid) break;
            sizeA = sizes[from[a]!]!;
          } else {
            to[k++] = from[b++]!;
            if (b === hi) break;
            sizeB = sizes[from[b]!]!;
          }
        }
      }
      while (a < mid) to[k++] = from[a++]!;
      while (b < hi) to[k++] = from[b++]!;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Each dimension's demands in decreasing order, per instance (sorted once). */
const sortedDemands = new WeakMap<Instance, Float64Array[]>();

/**
 * The demands of each dimension of `inst` in decreasing order (one array per dimension), sorted
 * once per instance: the per-dimension and dual-feasible bounds both read them. Callers must
 * not modify them.
 */
export function descendingDemands(inst: Instance): readonly Float64Array[] {
  let columns = sortedDemands.get(inst);
  if (columns !== undefined) return columns;
  const { n, d, demand } = inst;
  columns = [];
  for (let j = 0; j < d; j++) columns.push(descendingColumn(demand, n, d, j));
  sortedDemands.set(inst, columns);
  return columns;
}

/**
 * Most distinct values a column of {@link descendingColumn} is sorted by counting them: VM
 * demands in memory, disk or network take a few sizes, and the built-in sort costs about as
 * much on a column of one value (~20 µs for 1,000) as on one of many.
 */
const COUNTED_VALUES = 16;

/**
 * Dimension j of the n items of `demand` (at `i*d+j`) in decreasing order: the same array as
 * the built-in sort then reversed. Up to {@link COUNTED_VALUES} distinct values they are
 * counted and written out largest first; more (or a −0, which the built-in sort orders apart
 * from 0) go to the built-in sort.
 */
function descendingColumn(demand: Float64Array, n: number, d: number, j: number): Float64Array {
  const sizes = new Float64Array(n);
  const values = new Float64Array(COUNTED_VALUES);
  const counts = new Int32Array(COUNTED_VALUES);
  let distinct = 0;
  let counted = true;
  for (let i = 0; i < n; i++) {
    const v = demand[i * d + j]!;
    sizes[i] = v;
    if (!counted) continue;
    let u = 0;
    while (u < distinct && values[u] !== v) u++;
    if (u === distinct && distinct === COUNTED_VALUES) counted = false;
    // −0 equals 0 here: the built-in sort keeps them apart.
    else if (v === 0 && 1 / v < 0) counted = false;
    else if (u === distinct) values[distinct++] = v;
    if (counted) counts[u] = counts[u]! + 1;
  }
  if (!counted) {
    sizes.sort();
    sizes.reverse();
    return sizes;
  }
  // Largest remaining value first (distinct values, so no ties), each as often as it occurs.
  let at = 0;
  for (let written = 0; written < distinct; written++) {
    let top = -1;
    for (let u = 0; u < distinct; u++)
      if (counts[u]! > 0 && (top < 0 || values[u]! > values[top]!)) top = u;
    sizes.fill(values[top]!, at, at + counts[top]!);
    at += counts[top]!;
    counts[top] = 0;
  }
  return sizes;
}
