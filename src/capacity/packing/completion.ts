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
  /** True when the search ran to its end: null then proves that no packing exists. */
  readonly complete: boolean;
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
  if (!place(s, 0)) return { binOf: null, nodes: s.nodes, complete: s.nodes < nodeLimit };
  // Back to the caller's order of items.
  const binOf = new Int32Array(count);
  const at = new Map<number, number>();
  items.forEach((item, k) => at.set(item, k));
  for (let k = 0; k < count; k++) binOf[at.get(order[k]!)!] = s.binOf[k]!;
  return { binOf, nodes: s.nodes, complete: true };
}

/** Working state of {@link packIntoBins}. */
interface Completion {
  readonly inst: Instance;
  /** Items in decreasing size; identical demand vectors adjacent. */
  readonly order: Int32Array;
  readonly used: Uint8Array;
  /** Bin of each position of `order`. */
  readonly binAt: Int32Array;
  /** Demand of the unused items per dimension. */
  readonly left: Float64Array;
  readonly nodeLimit: number;
  nodes: number;
}

function sameDemand(inst: Instance, a: number, b: number): boolean {
  const { d, demand } = inst;
  for (let j = 0; j < d; j++) if (demand[a * d + j] !== demand[b * d + j]) return false;
  return true;
}

/**
 * Fills bin `bin` with the largest unused item and every maximal set of the other unused items
 * that wastes at most `waste` (per dimension), then packs the rest into the following bins.
 */
function completeBin(c: Completion, bin: number, bins: number): boolean {
  const { d, demand, limit } = c.inst;
  const n = c.order.length;
  let first = 0;
  while (first < n && c.used[first] === 1) first++;
  if (first === n) return true;
  if (bin === bins) return false;
  // Room the bins left can waste: total capacity minus the demand still to place.
  const waste = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    waste[j] = (bins - bin) * limit[j]! - c.left[j]!;
    if (waste[j]! < 0) return false;
  }
  const candidates: number[] = [];
  for (let p = first + 1; p < n; p++) if (c.used[p] === 0) candidates.push(p);
  const m = candidates.length;
  const suffix = new Float64Array((m + 1) * d);
  for (let x = m - 1; x >= 0; x--) {
    const item = c.order[candidates[x]!]!;
    for (let j = 0; j < d; j++)
      suffix[x * d + j] = suffix[(x + 1) * d + j]! + demand[item * d + j]!;
  }
  const load = new Float64Array(d);
  const taken: number[] = [first];
  const take = (p: number, sign: number): void => {
    const item = c.order[p]!;
    c.used[p] = sign > 0 ? 1 : 0;
    for (let j = 0; j < d; j++) {
      load[j] = load[j]! + sign * demand[item * d + j]!;
      c.left[j] = c.left[j]! - sign * demand[item * d + j]!;
    }
  };
  take(first, 1);
  const extend = (from: number): boolean => {
    // Include candidate x (then recurse) or leave it out (the loop goes on), in turn.
    for (let x = from; ;) {
      if (c.nodes >= c.nodeLimit) return false;
      c.nodes++;
      // Even every remaining candidate cannot fill the bin to within the waste allowed.
      for (let j = 0; j < d; j++)
        if (load[j]! + suffix[x * d + j]! < limit[j]! - waste[j]!) return false;
      if (x === m) {
        // Maximal: no unused candidate still fits (else moving it here loses nothing).
        for (const p of candidates) {
          if (c.used[p] === 1) continue;
          const item = c.order[p]!;
          let fits = true;
          for (let j = 0; j < d && fits; j++) fits = load[j]! + demand[item * d + j]! <= limit[j]!;
          if (fits) return false;
        }
        for (const p of taken) c.binAt[p] = bin;
        return completeBin(c, bin + 1, bins);
      }
      const p = candidates[x]!;
      const item = c.order[p]!;
      let fits = true;
      for (let j = 0; j < d && fits; j++) fits = load[j]! + demand[item * d + j]! <= limit[j]!;
      if (fits) {
        take(p, 1);
        taken.push(p);
        const done = extend(x + 1);
        taken.pop();
        take(p, -1);
        if (done) return true;
      }
      // Leaving this item out: leave out its identical successors too (the same bins otherwise).
      x++;
      while (x < m && sameDemand(c.inst, c.order[candidates[x]!]!, item)) x++;
    }
  };
  const done = extend(0);
  take(first, -1);
  return done;
}

/**
 * A packing of all of `inst`'s items into `bins` bins by bin completion (Martello & Toth 1990,
 * §8.4; Korf 2003): bins are filled one at a time, each with the largest item left and a
 * maximal set of others, and a branch stops once the room wasted exceeds the capacity
 * `bins` bins have beyond the total demand. Strong when that spare room is small; bounded in
 * nodes. `binOf[i]` is the bin of kernel item i.
 */
export function packIntoBins(inst: Instance, bins: number, nodeLimit: number): ExactPacking {
  const { n, d, demand, norm } = inst;
  const size = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) size[i] = size[i]! + norm[i * d + j]!;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    if (size[b] !== size[a]) return size[b]! - size[a]!;
    for (let j = 0; j < d; j++) {
      const diff = demand[b * d + j]! - demand[a * d + j]!;
      if (diff !== 0) return diff;
    }
    return a - b;
  });
  const left = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) left[j] = left[j]! + demand[i * d + j]!;
  const c: Completion = {
    inst,
    order,
    used: new Uint8Array(n),
    binAt: new Int32Array(n),
    left,
    nodeLimit,
    nodes: 0,
  };
  if (!completeBin(c, 0, bins))
    return { binOf: null, nodes: c.nodes, complete: c.nodes < nodeLimit };
  const binOf = new Int32Array(n);
  for (let p = 0; p < n; p++) binOf[order[p]!] = c.binAt[p]!;
  return { binOf, nodes: c.nodes, complete: true };
}

/**
 * True for integer data of two dimensions, the only kind the exact steps run on: there they
 * gain bins on the Caprara–Toth set; on the seeded 5-D VM-like items of the packing bench
 * they cost bins and time, and plans of measured, non-integer loads keep the heuristics'
 * answers (a dimension holds integers only when its load limit is the capacity itself).
 */
export function exactStepsApply(inst: Instance): boolean {
  if (inst.d !== 2) return false;
  for (let j = 0; j < inst.d; j++) if (inst.limit[j] !== inst.capacity[j]) return false;
  return true;
}

/** Search nodes of {@link raiseByCompletion} (about 10–50 ms). */
const COMPLETION_PROOF_NODES = 200_000;
/** Above this many items {@link raiseByCompletion} is not tried (below the chunked path's 1,500). */
const COMPLETION_MAX_ITEMS = 1_000;

/**
 * Raises the lower bound `bound` by bin completion while it proves that no packing into
 * `bound` bins exists and the bound is below `stopAt`; returns the bound reached and, when the
 * search found one, a packing into that many bins. Tried where {@link exactStepsApply}, with at
 * least two items per bound bin only: with fewer, its waste bound prunes little.
 */
export function raiseByCompletion(
  inst: Instance,
  bound: number,
  stopAt: number
): { readonly bound: number; readonly binOf: Int32Array | null } {
  if (!exactStepsApply(inst) || inst.n > COMPLETION_MAX_ITEMS || inst.n < 2 * bound)
    return { bound, binOf: null };
  let nodesLeft = COMPLETION_PROOF_NODES;
  let raised = bound;
  while (raised < stopAt && nodesLeft > 0) {
    const exact = packIntoBins(inst, raised, nodesLeft);
    nodesLeft -= exact.nodes;
    if (exact.binOf !== null) return { bound: raised, binOf: exact.binOf };
    if (!exact.complete) break;
    raised++;
  }
  return { bound: raised, binOf: null };
}
