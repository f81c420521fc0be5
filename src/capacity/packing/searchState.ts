/**
 * Working state of the bin-emptying local search (`localSearch.ts`), the few operations
 * that keep its bins, loads and fills consistent, and the sorts of its member and pool lists.
 * Typed-array reads use `!`: indices are in range by construction.
 */
import type { Instance } from "./instance";

/** Gains below this are treated as zero. */
export const GAIN_EPSILON = 1e-12;

/** Mutable working state of one search (never escapes `improvePacking`). */
export interface Search {
  readonly inst: Instance;
  readonly weight: Float64Array;
  readonly invCapacity: Float64Array;
  readonly rng: () => number;
  readonly tenureBase: number;
  readonly tenureSpread: number;
  readonly transferProbability: number;
  readonly completion: boolean;
  /** Items of each bin, lightest (pool weight) first. */
  readonly members: number[][];
  /** Bin of each item, −1 while in the pool. */
  readonly binOf: Int32Array;
  /** Load per bin and dimension, caller units (rows beyond the bin count are stale). */
  readonly load: Float64Array;
  /** Σ_j w_j · load_j / capacity_j per bin. */
  readonly fill: Float64Array;
  /** Pool weight of each bin's lightest member (Infinity for an empty bin). */
  readonly lightest: Float64Array;
  pool: number[];
  readonly lockedUntil: Int32Array;
  /** Steps taken so far (the clock of the tabu locks). */
  step: number;
  effort: number;
  // Scratch for swap evaluation, grown on demand.
  inVec: Float64Array;
  inWeight: Float64Array;
  inA: Int32Array;
  inB: Int32Array;
  inOrder: Int32Array;
  /** Least demand per dimension of the k + 1 heaviest in-sets, at `k*d+j`. */
  inLeast: Float64Array;
  readonly residual: Float64Array;
  /** limit − load of bin `freeBin` (−1: none yet this step). */
  readonly free: Float64Array;
  freeBin: number;
  /**
   * At most the least load of any bin, per dimension, and a bin that had it: exact unless
   * `leastLoadStale` (a bin having it got fuller, or was removed).
   */
  readonly leastLoad: Float64Array;
  readonly leastLoadBin: Int32Array;
  leastLoadStale: boolean;
  /** Scratch of `gatherSlack`: the target bin's demands in the tightest dimension. */
  readonly column: Float64Array;
  // Best swap found so far in the current step.
  bestDelta: number;
  ties: number;
  moveBin: number;
  moveOutA: number;
  moveOutB: number;
  moveIn: number;
}

/** Recomputes the load, fill and lightest member's weight of bin b from its members. */
export function recomputeLoad(s: Search, b: number): void {
  const { d, demand, avgWeights } = s.inst;
  const at = b * d;
  const items = s.members[b]!;
  const count = items.length;
  // Each dimension summed over the members in order, as 0 + first + second + ….
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (let x = 0; x < count; x++) sum += demand[items[x]! * d + j]!;
    s.load[at + j] = sum;
  }
  let f = 0;
  for (let j = 0; j < d; j++) f += avgWeights[j]! * s.load[at + j]! * s.invCapacity[j]!;
  s.fill[b] = f;
  s.lightest[b] = count > 0 ? s.weight[items[0]!]! : Infinity;
  const { leastLoad, leastLoadBin } = s;
  for (let j = 0; j < d; j++) {
    const v = s.load[at + j]!;
    if (v < leastLoad[j]!) {
      leastLoad[j] = v;
      leastLoadBin[j] = b;
    } else if (leastLoadBin[j] === b && v > leastLoad[j]!) {
      s.leastLoadStale = true; // the least load may have risen: still a lower bound, looser
    }
  }
}

/** Removes `item` from `list` in place (order of the rest kept). */
export function removeFrom(list: number[], item: number): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}

/** Adds `item` to bin b keeping its members sorted by weight, lightest first. */
export function addMember(s: Search, b: number, item: number): void {
  s.binOf[item] = b;
  const items = s.members[b]!;
  const w = s.weight[item]!;
  let at = items.length;
  while (
    at > 0 &&
    (s.weight[items[at - 1]!]! > w || (s.weight[items[at - 1]!]! === w && items[at - 1]! > item))
  )
    at--;
  items.splice(at, 0, item);
}

/** Moves `item` from bin `from` to bin `to` (loads are the caller's to recompute). */
export function moveItem(s: Search, item: number, from: number, to: number): void {
  removeFrom(s.members[from]!, item);
  addMember(s, to, item);
}

/**
 * Lists of up to this many indices are sorted by insertion, without the builtin sort's
 * callbacks; lists known to be nearly in order, up to the second bound.
 */
export const INSERTION_SORT_MAX = 128;
export const INSERTION_SORT_MAX_NEARLY_SORTED = 256;

/** Sorts `items` by increasing weight, ties by increasing index (`w[a] − w[b] || a − b`). */
export function sortLightestFirst(items: number[], w: Float64Array): void {
  if (items.length > INSERTION_SORT_MAX) {
    items.sort((a, b) => w[a]! - w[b]! || a - b);
    return;
  }
  for (let x = 1; x < items.length; x++) {
    const item = items[x]!;
    const wi = w[item]!;
    let y = x;
    for (; y > 0; y--) {
      const prev = items[y - 1]!;
      const wp = w[prev]!;
      if (wp < wi || (wp === wi && prev < item)) break;
      items[y] = prev;
    }
    items[y] = item;
  }
}

/**
 * Sorts the first `count` of `list` by decreasing weight, ties by increasing index
 * (`w[b] − w[a] || a − b`), by insertion: linear on a list already in order.
 */
export function sortHeaviestFirst(
  list: number[] | Int32Array,
  count: number,
  w: Float64Array
): void {
  for (let x = 1; x < count; x++) {
    const item = list[x]!;
    const wi = w[item]!;
    let y = x;
    for (; y > 0; y--) {
      const prev = list[y - 1]!;
      const wp = w[prev]!;
      if (wp > wi || (wp === wi && prev < item)) break;
      list[y] = prev;
    }
    list[y] = item;
  }
}
