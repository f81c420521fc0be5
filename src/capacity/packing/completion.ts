/**
 * Exact packing of a few items into a few bins, by depth-first search: the "bin completion"
 * step of the local search, which re-packs the items of k bins and the pool into those k bins.
 *
 * Items go in decreasing order of size, each into one of the bins; a bin whose load equals an
 * earlier bin's is skipped (the same subtree), and a branch stops when the demand left exceeds
 * the free room in some dimension. The search is bounded in nodes, so "not found" may mean
 * "not found yet".
 * Typed-array reads use `!`: indices are in range by construction.
 */
import type { Instance } from "./instance";

/** Outcome of {@link packExactly}: the bin of each item (null when none found) and the nodes used. */
export interface ExactPacking {
  readonly binOf: Int32Array | null;
  readonly nodes: number;
}

interface Dfs {
  readonly inst: Instance;
  readonly items: Int32Array;
  readonly bins: number;
  readonly load: Float64Array;
  /** Demand of items [k, count) per dimension at `k*d+j`. */
  readonly suffix: Float64Array;
  readonly binOf: Int32Array;
  readonly nodeLimit: number;
  nodes: number;
}

function sameLoad(s: Dfs, a: number, b: number): boolean {
  const { d } = s.inst;
  for (let j = 0; j < d; j++) if (s.load[a * d + j] !== s.load[b * d + j]) return false;
  return true;
}

function place(s: Dfs, k: number): boolean {
  if (k === s.items.length) return true;
  if (s.nodes >= s.nodeLimit) return false;
  s.nodes++;
  const { d, demand, limit } = s.inst;
  const item = s.items[k]!;
  // Room left across all bins must hold what is left to place.
  for (let j = 0; j < d; j++) {
    let free = 0;
    for (let b = 0; b < s.bins; b++) free += limit[j]! - s.load[b * d + j]!;
    if (s.suffix[k * d + j]! > free) return false;
  }
  for (let b = 0; b < s.bins; b++) {
    let twin = false;
    for (let e = 0; e < b && !twin; e++) twin = sameLoad(s, e, b);
    if (twin) continue;
    let fits = true;
    for (let j = 0; j < d; j++) {
      if (s.load[b * d + j]! + demand[item * d + j]! > limit[j]!) {
        fits = false;
        break;
      }
    }
    if (!fits) continue;
    for (let j = 0; j < d; j++) s.load[b * d + j] = s.load[b * d + j]! + demand[item * d + j]!;
    s.binOf[k] = b;
    const done = place(s, k + 1);
    for (let j = 0; j < d; j++) s.load[b * d + j] = s.load[b * d + j]! - demand[item * d + j]!;
    if (done) return true;
    if (s.nodes >= s.nodeLimit) return false;
  }
  return false;
}

/**
 * A packing of `items` (kernel indices) into `bins` bins, or null when the search finds none
 * within `nodeLimit` nodes. `binOf[k]` is the bin of `items[k]`.
 */
export function packExactly(
  inst: Instance,
  items: readonly number[],
  bins: number,
  nodeLimit: number
): ExactPacking {
  const { d, demand, norm } = inst;
  const size = (i: number): number => {
    let total = 0;
    for (let j = 0; j < d; j++) total += norm[i * d + j]!;
    return total;
  };
  const order = Int32Array.from(items).sort((a, b) => size(b) - size(a) || a - b);
  const count = order.length;
  const suffix = new Float64Array((count + 1) * d);
  for (let k = count - 1; k >= 0; k--) {
    for (let j = 0; j < d; j++)
      suffix[k * d + j] = suffix[(k + 1) * d + j]! + demand[order[k]! * d + j]!;
  }
  const s: Dfs = {
    inst,
    items: order,
    bins,
    load: new Float64Array(bins * d),
    suffix,
    binOf: new Int32Array(count),
    nodeLimit,
    nodes: 0,
  };
  if (!place(s, 0)) return { binOf: null, nodes: s.nodes };
  // Back to the caller's order of items.
  const binOf = new Int32Array(count);
  const at = new Map<number, number>();
  items.forEach((item, k) => at.set(item, k));
  for (let k = 0; k < count; k++) binOf[at.get(order[k]!)!] = s.binOf[k]!;
  return { binOf, nodes: s.nodes };
}
