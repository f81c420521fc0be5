/**
 * Constructive heuristics: item-centric first/best fit decreasing here, bin-centric greedy in
 * `binCentric.ts`.
 *
 * All work on the kernel {@link Instance} and return a {@link Packing}; ties always break
 * towards the lower item or bin index, so results are deterministic.
 * Typed-array reads use `!`: indices are in range by construction.
 */
import { binCentric, type BinCentricRule } from "./binCentric";
import { decreasingOrder, type Instance, type Packing } from "./instance";
import { CUTOFF_CHECK_ITEMS, cutoffData, needsCutoff } from "./earlyStop";
import type { HeuristicName } from "./types";

export { decreasingOrder } from "./instance";

/** How an item's normalised demand vector is reduced to one size for sorting. */
export type SizeKind = "linf" | "l1" | "l2";

/** Per-item scalar size of the normalised demand: weighted max, sum or sum of squares. */
export function itemSizes(inst: Instance, kind: SizeKind, weights: Float64Array): Float64Array {
  const { n, d, norm } = inst;
  const sizes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const x = weights[j]! * norm[i * d + j]!;
      if (kind === "linf") s = x > s ? x : s;
      else if (kind === "l1") s += x;
      else s += x * norm[i * d + j]!;
    }
    sizes[i] = s;
  }
  return sizes;
}

/** Weights of 1 in every dimension. */
export function unitWeights(d: number): Float64Array {
  return new Float64Array(d).fill(1);
}

/**
 * First fit in the given order: each item goes to the lowest-numbered bin it fits.
 * A segment tree of per-dimension maximum free capacity over bins finds that bin in about
 * O(d log n) instead of scanning every open bin, so 100,000 items take milliseconds.
 * Null when it needs `cutoff` bins or more, as soon as {@link needsCutoff} can tell.
 */
export function firstFit(inst: Instance, order: Int32Array, cutoff = Infinity): Packing | null {
  const { n, d, demand, limit } = inst;
  let size = 1;
  let depth = 1;
  while (size < n) {
    size <<= 1;
    depth++;
  }
  const free = new Float64Array(2 * size * d);
  for (let node = 1; node < 2 * size; node++)
    for (let j = 0; j < d; j++) free[node * d + j] = limit[j]!;
  const load = new Float64Array(size * d);
  const binOf = new Int32Array(n);
  const cutoffs = cutoff < Infinity ? cutoffData(inst, order) : null;
  const stack = new Int32Array(2 * depth + 2);
  let bins = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const base = i * d;
    let sp = 0;
    stack[sp++] = 1;
    let found = -1;
    while (sp > 0) {
      const node = stack[--sp]!;
      let covers = true;
      for (let j = 0; j < d; j++) {
        if (free[node * d + j]! < demand[base + j]!) {
          covers = false;
          break;
        }
      }
      if (!covers) continue;
      if (node >= size) {
        const b = node - size;
        let fits = true;
        for (let j = 0; j < d; j++) {
          if (load[b * d + j]! + demand[base + j]! > limit[j]!) {
            fits = false;
            break;
          }
        }
        if (fits) {
          found = b;
          break;
        }
        continue;
      }
      stack[sp++] = 2 * node + 1;
      stack[sp++] = 2 * node;
    }
    // An unopened bin is empty and every kernel item fits an empty bin, so found ≥ 0.
    const b = found;
    binOf[i] = b;
    if (b >= bins) bins = b + 1;
    if (bins >= cutoff) return null;
    let node = size + b;
    for (let j = 0; j < d; j++) {
      const l = load[b * d + j]! + demand[base + j]!;
      load[b * d + j] = l;
      free[node * d + j] = limit[j]! - l;
    }
    node >>= 1;
    // Up to the first ancestor whose maxima stay the same (those above it do too).
    let changed = true;
    while (node >= 1 && changed) {
      const left = 2 * node * d;
      const right = left + d;
      changed = false;
      for (let j = 0; j < d; j++) {
        const a = free[left + j]!;
        const c = free[right + j]!;
        const m = a > c ? a : c;
        if (m !== free[node * d + j]) {
          free[node * d + j] = m;
          changed = true;
        }
      }
      node >>= 1;
    }
    if (
      cutoffs !== null &&
      (k + 1) % CUTOFF_CHECK_ITEMS === 0 &&
      needsCutoff(inst, cutoffs, load, bins, k + 1, cutoff)
    )
      return null;
  }
  return bins < cutoff ? { bins, binOf } : null;
}

/**
 * Best fit in the given order: each item goes to the open bin with the largest weighted
 * normalised load that it fits (ties: lowest index), else a new bin. O(n · bins · d).
 * Null when it needs `cutoff` bins or more, as soon as {@link needsCutoff} can tell.
 */
export function bestFit(
  inst: Instance,
  order: Int32Array,
  weights: Float64Array,
  cutoff = Infinity
): Packing | null {
  const { n, d, demand, norm, limit } = inst;
  const load = new Float64Array(n * d);
  const fullness = new Float64Array(n);
  const binOf = new Int32Array(n);
  const cutoffs = cutoff < Infinity ? cutoffData(inst, order) : null;
  let bins = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const base = i * d;
    let best = -1;
    let bestFullness = -1;
    for (let b = 0; b < bins; b++) {
      if (fullness[b]! <= bestFullness) continue;
      let fits = true;
      for (let j = 0; j < d; j++) {
        if (load[b * d + j]! + demand[base + j]! > limit[j]!) {
          fits = false;
          break;
        }
      }
      if (fits) {
        best = b;
        bestFullness = fullness[b]!;
      }
    }
    if (best < 0) {
      best = bins++;
      if (bins >= cutoff) return null;
    }
    binOf[i] = best;
    let f = fullness[best]!;
    for (let j = 0; j < d; j++) {
      load[best * d + j] = load[best * d + j]! + demand[base + j]!;
      f += weights[j]! * norm[base + j]!;
    }
    fullness[best] = f;
    if (
      cutoffs !== null &&
      (k + 1) % CUTOFF_CHECK_ITEMS === 0 &&
      needsCutoff(inst, cutoffs, load, bins, k + 1, cutoff)
    )
      return null;
  }
  return bins < cutoff ? { bins, binOf } : null;
}

/**
 * Decreasing orders already sorted, per instance and size (`kind-weighting`): the portfolio's
 * thirteen heuristics read six orders, and the bin-centric ones all read the same.
 */
const sortedOrders = new WeakMap<Instance, Map<string, Int32Array>>();

/**
 * Item indices of `inst` by decreasing size `kind` with `unit` or average weights, ties by
 * increasing index: `decreasingOrder(itemSizes(…))`, sorted once per instance. Callers must
 * not modify it.
 */
export function sizeOrder(inst: Instance, kind: SizeKind, weighting: "unit" | "avg"): Int32Array {
  let orders = sortedOrders.get(inst);
  if (orders === undefined) sortedOrders.set(inst, (orders = new Map()));
  const key = `${kind}-${weighting}`;
  let order = orders.get(key);
  if (order === undefined) {
    const weights = weighting === "unit" ? unitWeights(inst.d) : inst.avgWeights;
    order = decreasingOrder(itemSizes(inst, kind, weights));
    orders.set(key, order);
  }
  return order;
}

/**
 * Runs one named heuristic: its packing, or null when it needs `cutoff` bins or more (it stops
 * as soon as it can tell, which saves the portfolio the rest of a packing it would not keep).
 */
export function runHeuristic(
  inst: Instance,
  name: HeuristicName,
  cutoff = Infinity
): Packing | null {
  const [family, sizeOrRule, weighting] = name.split("-") as [string, string, string];
  if (family === "bc")
    return binCentric(
      inst,
      sizeOrRule as BinCentricRule,
      weighting === "dyn",
      sizeOrder(inst, "l1", "avg"),
      "adaptive",
      cutoff
    );
  const order = sizeOrder(inst, sizeOrRule as SizeKind, weighting === "unit" ? "unit" : "avg");
  return family === "ffd"
    ? firstFit(inst, order, cutoff)
    : bestFit(inst, order, inst.avgWeights, cutoff);
}

/** Every heuristic of the portfolio, cheapest first. */
export const ALL_HEURISTICS: readonly HeuristicName[] = [
  "ffd-linf-unit",
  "ffd-linf-avg",
  "ffd-l1-unit",
  "ffd-l1-avg",
  "ffd-l2-unit",
  "ffd-l2-avg",
  "bfd-linf-avg",
  "bfd-l1-avg",
  "bfd-l2-avg",
  "bc-dot-avg",
  "bc-dot-dyn",
  "bc-l2-avg",
  "bc-l2-dyn",
];
