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
 * Open bins up to which {@link firstFit} scans them in order; above, a segment tree finds the
 * first that fits (on ~1,000 VMs in ~110 bins the scan is about a third faster).
 */
const FIRST_FIT_SCAN_BINS = 128;

/**
 * The segment tree of {@link firstFit} over `size` bins (a power of two), node 1 the root and
 * node k's children 2k and 2k+1: per node and dimension, the largest free capacity of its bins
 * (at `node*d+j`). Leaves `size…size+bins` are the free capacities limit − `load` of the open
 * bins (loads at `b*d+j`), the other bins are empty.
 */
function segmentTree(
  load: Float64Array,
  size: number,
  bins: number,
  limit: Float64Array
): Float64Array {
  const d = limit.length;
  const free = new Float64Array(2 * size * d);
  for (let b = 0; b < size; b++)
    for (let j = 0; j < d; j++)
      free[(size + b) * d + j] = b < bins ? limit[j]! - load[b * d + j]! : limit[j]!;
  for (let node = size - 1; node >= 1; node--)
    for (let j = 0; j < d; j++) {
      const a = free[2 * node * d + j]!;
      const c = free[(2 * node + 1) * d + j]!;
      free[node * d + j] = a > c ? a : c;
    }
  return free;
}

/**
 * The dimensions of the largest and second largest average weight (the first such; the lead
 * twice in one dimension): the ones most bins are full in. On ~1,000 VMs of 2008 hosts the
 * lead (CPU) turns away 80 % of the bins first fit tests, the second (memory) most of the rest.
 */
function leadDimensions(inst: Instance): readonly [number, number] {
  const w = inst.avgWeights;
  let lead = 0;
  for (let j = 1; j < inst.d; j++) if (w[j]! > w[lead]!) lead = j;
  let second = lead === 0 && inst.d > 1 ? 1 : 0;
  for (let j = 0; j < inst.d; j++) if (j !== lead && w[j]! > w[second]!) second = j;
  return [lead, second];
}

/** Whether item `base / d` fits bin `b` under `limit` in every dimension. */
function fitsLoad(
  load: Float64Array,
  b: number,
  demand: Float64Array,
  base: number,
  limit: Float64Array,
  d: number
): boolean {
  for (let j = 0; j < d; j++) if (load[b * d + j]! + demand[base + j]! > limit[j]!) return false;
  return true;
}

/*
 * ENDS_IN_LOOP. The item-centric heuristics build their result before their loop and return
 * from inside it or right after it, with nothing after the loop that the engine needs to have
 * seen run. V8 compiles such a loop while the first call is still in it (on-stack
 * replacement) and keeps that code for later calls; code after the loop that no call had
 * reached when it was compiled (a compare, an object literal) sends it back to the
 * interpreter in every later call that finishes the loop. On 10,000 VMs that was about 100
 * deoptimisations of firstFit over the first ten plans in one process out of four or five.
 */

/** The packing of no items: no bins, kept only under a cutoff above 0. */
function emptyPacking(cutoff: number): Packing | null {
  return cutoff > 0 ? { bins: 0, binOf: new Int32Array(0) } : null;
}

/**
 * First fit in the given order: each item goes to the lowest-numbered bin it fits. While few
 * bins are open it scans them; then a segment tree of per-dimension maximum free capacity over
 * bins finds that bin in about O(d log bins), so 100,000 items take milliseconds. Both test a
 * bin the same way (free capacity, then load), so they choose the same bin.
 * Null when it needs `cutoff` bins or more, as soon as {@link needsCutoff} can tell.
 */
export function firstFit(inst: Instance, order: Int32Array, cutoff = Infinity): Packing | null {
  const { n, d, demand, limit } = inst;
  if (n === 0) return emptyPacking(cutoff);
  const load = new Float64Array(n * d);
  const binOf = new Int32Array(n);
  // Made before the loop, its count kept as bins open: see ENDS_IN_LOOP.
  const packing = { bins: 0, binOf };
  const cutoffs = cutoff < Infinity ? cutoffData(inst, order) : null;
  // Read once: an imported binding may be a getter call on every read.
  const checkEvery = CUTOFF_CHECK_ITEMS;
  let size = 0;
  const [lead, second] = leadDimensions(inst);
  const leadLimit = limit[lead]!;
  const secondLimit = limit[second]!;
  const leadLoad = new Float64Array(n);
  const secondLoad = new Float64Array(n);
  let free: Float64Array = new Float64Array(0);
  let depth = 1;
  while (1 << (depth - 1) < n) depth++;
  const stack = new Int32Array(2 * depth + 4);
  let bins = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const base = i * d;
    let found = -1;
    if (size === 0 && bins > FIRST_FIT_SCAN_BINS) {
      size = 1;
      while (size < n) size <<= 1;
      free = segmentTree(load, size, bins, limit);
    }
    if (size === 0) {
      const leadDemand = demand[base + lead]!;
      const secondDemand = demand[base + second]!;
      for (let b = 0; b <= bins; b++) {
        // fitsLoad's tests in the two lead dimensions first, on loads side by side: most bins
        // fail them.
        if (leadLoad[b]! + leadDemand > leadLimit) continue;
        if (secondLoad[b]! + secondDemand > secondLimit) continue;
        let fits = fitsLoad(load, b, demand, base, limit, d);
        // The tree's test on free capacity too (rounding can tell them apart), where the load
        // test passed.
        for (let j = 0; j < d && fits; j++)
          fits = limit[j]! - load[b * d + j]! >= demand[base + j]!;
        if (fits) {
          found = b;
          break;
        }
      }
    } else {
      let sp = 0;
      stack[sp++] = 1;
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
          if (fitsLoad(load, b, demand, base, limit, d)) {
            found = b;
            break;
          }
          continue;
        }
        stack[sp++] = 2 * node + 1;
        stack[sp++] = 2 * node;
      }
    }
    // An unopened bin is empty and every kernel item fits an empty bin, so found ≥ 0.
    const b = found;
    binOf[i] = b;
    if (b >= bins) packing.bins = bins = b + 1;
    if (bins >= cutoff) return null;
    for (let j = 0; j < d; j++) load[b * d + j] = load[b * d + j]! + demand[base + j]!;
    leadLoad[b] = load[b * d + lead]!;
    secondLoad[b] = load[b * d + second]!;
    if (size > 0) raiseLeaf(free, size, b, load, limit);
    if (
      cutoffs !== null &&
      (k + 1) % checkEvery === 0 &&
      needsCutoff(inst, cutoffs, load, bins, k + 1, cutoff)
    )
      return null;
  }
  return packing; // each bin opened was checked against the cutoff
}

/**
 * Sets leaf `b` of the {@link segmentTree} `free` to the bin's free capacity (limit − `load`)
 * and updates the maxima up to the first ancestor whose maxima stay the same (those above it do
 * too).
 */
function raiseLeaf(
  free: Float64Array,
  size: number,
  b: number,
  load: Float64Array,
  limit: Float64Array
): void {
  const d = limit.length;
  let node = size + b;
  for (let j = 0; j < d; j++) free[node * d + j] = limit[j]! - load[b * d + j]!;
  node >>= 1;
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
  if (n === 0) return emptyPacking(cutoff);
  const load = new Float64Array(n * d);
  const fullness = new Float64Array(n);
  const binOf = new Int32Array(n);
  // Made before the loop, its count kept as bins open: see ENDS_IN_LOOP.
  const packing = { bins: 0, binOf };
  const cutoffs = cutoff < Infinity ? cutoffData(inst, order) : null;
  // Read once: an imported binding may be a getter call on every read.
  const checkEvery = CUTOFF_CHECK_ITEMS;
  const [lead, second] = leadDimensions(inst);
  const leadLimit = limit[lead]!;
  const secondLimit = limit[second]!;
  const leadLoad = new Float64Array(n);
  const secondLoad = new Float64Array(n);
  let bins = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const base = i * d;
    const leadDemand = demand[base + lead]!;
    const secondDemand = demand[base + second]!;
    let best = -1;
    let bestFullness = -1;
    for (let b = 0; b < bins; b++) {
      if (fullness[b]! <= bestFullness) continue;
      // fitsLoad's tests in the two lead dimensions first, on loads side by side: most bins
      // fail them.
      if (leadLoad[b]! + leadDemand > leadLimit) continue;
      if (secondLoad[b]! + secondDemand > secondLimit) continue;
      if (fitsLoad(load, b, demand, base, limit, d)) {
        best = b;
        bestFullness = fullness[b]!;
      }
    }
    if (best < 0) {
      best = bins++;
      packing.bins = bins;
      if (bins >= cutoff) return null;
    }
    binOf[i] = best;
    let f = fullness[best]!;
    for (let j = 0; j < d; j++) {
      load[best * d + j] = load[best * d + j]! + demand[base + j]!;
      f += weights[j]! * norm[base + j]!;
    }
    fullness[best] = f;
    leadLoad[best] = load[best * d + lead]!;
    secondLoad[best] = load[best * d + second]!;
    if (
      cutoffs !== null &&
      (k + 1) % checkEvery === 0 &&
      needsCutoff(inst, cutoffs, load, bins, k + 1, cutoff)
    )
      return null;
  }
  return packing; // each bin opened was checked against the cutoff
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
