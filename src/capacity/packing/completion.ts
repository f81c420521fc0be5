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

/** One bin being filled by {@link completeBin}: its candidates and their suffix statistics. */
interface Level {
  /** Positions (in `order`) of the unused items after the bin's first item, in order. */
  readonly candidates: Int32Array;
  count: number;
  /** Per dimension over candidates [x, count): sum, smallest and largest demand at `x*d+j`. */
  readonly sum: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly load: Float64Array;
  /** Room the bins from this one on may leave empty, per dimension. */
  readonly waste: Float64Array;
  /** Where this bin's items start on the stack of taken positions. */
  start: number;
  bin: number;
}

/** Working state of {@link packIntoBins}. */
interface Completion {
  readonly inst: Instance;
  readonly bins: number;
  /** Items in decreasing size; identical demand vectors adjacent. */
  readonly order: Int32Array;
  /** Size of each position of `order`: Σ_j demand / limit (non-increasing). */
  readonly size: Float64Array;
  /** 1 / limit per dimension (0 for a zero limit), to measure room as a size. */
  readonly invLimit: Float64Array;
  readonly used: Uint8Array;
  /** Bin of each position of `order`. */
  readonly binAt: Int32Array;
  /** Demand of the unused items per dimension. */
  readonly left: Float64Array;
  /** Positions taken by the bins being filled, bin after bin. */
  readonly stack: Int32Array;
  top: number;
  /** Per bin, allocated when first reached. */
  readonly levels: Level[];
  readonly nodeLimit: number;
  nodes: number;
}

function sameDemand(inst: Instance, a: number, b: number): boolean {
  const { d, demand } = inst;
  for (let j = 0; j < d; j++) if (demand[a * d + j] !== demand[b * d + j]) return false;
  return true;
}

/** Slack on sizes compared across summation orders. */
const SIZE_SLACK = 1e-9;

/**
 * First index x in [from, count) of the level's candidates whose size is at most `most`
 * (sizes are non-increasing along them); `count` when none is.
 */
function firstAtMost(c: Completion, lv: Level, from: number, most: number): number {
  let lo = from;
  let hi = lv.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c.size[lv.candidates[mid]!]! > most) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function take(c: Completion, lv: Level, p: number, sign: number): void {
  const { d, demand } = c.inst;
  const item = c.order[p]!;
  c.used[p] = sign > 0 ? 1 : 0;
  for (let j = 0; j < d; j++) {
    lv.load[j] = lv.load[j]! + sign * demand[item * d + j]!;
    c.left[j] = c.left[j]! - sign * demand[item * d + j]!;
  }
  if (sign > 0) c.stack[c.top++] = p;
  else c.top--;
}

function fitsLevel(c: Completion, lv: Level, p: number): boolean {
  const { d, demand, limit } = c.inst;
  const item = c.order[p]!;
  for (let j = 0; j < d; j++) if (lv.load[j]! + demand[item * d + j]! > limit[j]!) return false;
  return true;
}

function levelOf(c: Completion, bin: number): Level {
  const { d } = c.inst;
  const n = c.order.length;
  let lv = c.levels[bin];
  if (lv === undefined) {
    lv = {
      candidates: new Int32Array(n),
      count: 0,
      sum: new Float64Array((n + 1) * d),
      min: new Float64Array((n + 1) * d),
      max: new Float64Array((n + 1) * d),
      load: new Float64Array(d),
      waste: new Float64Array(d),
      start: 0,
      bin,
    };
    c.levels[bin] = lv;
  }
  return lv;
}

/**
 * Fills bin `bin` with the largest unused item and every maximal set of the other unused items
 * that leaves the bins room to waste no more than the capacity they have beyond the demand
 * still to place, then packs the rest into the following bins.
 *
 * Candidates are in decreasing size, so those too large for the room left are skipped by
 * binary search, and when at most one more item fits, the one that closes the bin lies in a
 * range of sizes found the same way.
 */
function completeBin(c: Completion, bin: number): boolean {
  const { d, demand, limit } = c.inst;
  const n = c.order.length;
  let first = 0;
  while (first < n && c.used[first] === 1) first++;
  if (first === n) return true;
  if (bin === c.bins) return false;
  const lv = levelOf(c, bin);
  for (let j = 0; j < d; j++) {
    lv.waste[j] = (c.bins - bin) * limit[j]! - c.left[j]!;
    if (lv.waste[j]! < 0) return false;
    lv.load[j] = 0;
  }
  let m = 0;
  for (let p = first + 1; p < n; p++) if (c.used[p] === 0) lv.candidates[m++] = p;
  lv.count = m;
  c.nodes += m;
  const { sum, min, max } = lv;
  for (let j = 0; j < d; j++) {
    sum[m * d + j] = 0;
    min[m * d + j] = Infinity;
    max[m * d + j] = 0;
  }
  for (let x = m - 1; x >= 0; x--) {
    const item = c.order[lv.candidates[x]!]!;
    for (let j = 0; j < d; j++) {
      const v = demand[item * d + j]!;
      const at = x * d + j;
      sum[at] = sum[at + d]! + v;
      min[at] = Math.min(min[at + d]!, v);
      max[at] = Math.max(max[at + d]!, v);
    }
  }
  lv.start = c.top;
  take(c, lv, first, 1);
  const done = extend(c, lv, 0);
  take(c, lv, first, -1);
  return done;
}

/** The bin's set is final when maximal (no unused candidate still fits); then the next bin. */
function closeBin(c: Completion, lv: Level): boolean {
  const { d, limit } = c.inst;
  let room = 0;
  for (let j = 0; j < d; j++) room += (limit[j]! - lv.load[j]!) * c.invLimit[j]!;
  for (let x = firstAtMost(c, lv, 0, room + SIZE_SLACK); x < lv.count; x++) {
    c.nodes++;
    const p = lv.candidates[x]!;
    if (c.used[p] === 0 && fitsLevel(c, lv, p)) return false; // moving it here loses nothing
  }
  for (let k = lv.start; k < c.top; k++) c.binAt[c.stack[k]!] = lv.bin;
  return completeBin(c, lv.bin + 1);
}

/** Includes candidate x (then recurses) or leaves it out (the loop goes on), in turn. */
function extend(c: Completion, lv: Level, from: number): boolean {
  const { d, limit } = c.inst;
  const { sum, min, max, load, waste, candidates } = lv;
  const { invLimit, size } = c;
  const m = lv.count;
  for (let x = from; ;) {
    if (c.nodes >= c.nodeLimit) return false;
    c.nodes++;
    // The room left and the least size still to add, and whether the bin is already within
    // the waste allowed.
    let room = 0;
    let needed = 0;
    for (let j = 0; j < d; j++) {
      const free = limit[j]! - load[j]!;
      // Even every remaining candidate cannot fill the bin to within the waste allowed.
      if (free - sum[x * d + j]! > waste[j]!) return false;
      room += free * invLimit[j]!;
      if (free > waste[j]!) needed += (free - waste[j]!) * invLimit[j]!;
    }
    const within = needed === 0;
    if (x < m && size[candidates[x]!]! > room + SIZE_SLACK)
      x = firstAtMost(c, lv, x, room + SIZE_SLACK);
    if (x === m) return within && closeBin(c, lv);
    // How many more items fit at most; nor can that many fill the bin to within the waste,
    // each at most the largest left in a dimension.
    let most = Infinity;
    for (let j = 0; j < d; j++) {
      const smallest = min[x * d + j]!;
      if (smallest > 0) most = Math.min(most, Math.floor((limit[j]! - load[j]!) / smallest));
    }
    if (most === 0) return within && closeBin(c, lv);
    for (let j = 0; j < d; j++)
      if (limit[j]! - load[j]! - most * max[x * d + j]! > waste[j]!) return false;
    if (most === 1 && !within) return closeWithOne(c, lv, x, needed);
    const p = candidates[x]!;
    const item = c.order[p]!;
    if (fitsLevel(c, lv, p)) {
      take(c, lv, p, 1);
      const done = extend(c, lv, x + 1);
      take(c, lv, p, -1);
      if (done) return true;
    }
    // Leaving this item out: leave out its identical successors too (the same bins otherwise).
    x++;
    while (x < m && sameDemand(c.inst, c.order[candidates[x]!]!, item)) x++;
  }
}

/**
 * Exactly one more item fits and the bin needs one: each candidate from `from` on of size at
 * least `needed` that fits and brings the bin within the waste allowed, the first of a run of
 * identical ones only.
 */
function closeWithOne(c: Completion, lv: Level, from: number, needed: number): boolean {
  const { d, demand, limit } = c.inst;
  const { load, waste } = lv;
  let tried = -1;
  for (let x = from; x < lv.count && c.size[lv.candidates[x]!]! >= needed - SIZE_SLACK; x++) {
    c.nodes++;
    const p = lv.candidates[x]!;
    const item = c.order[p]!;
    if (tried >= 0 && sameDemand(c.inst, tried, item)) continue;
    let closes = true;
    for (let j = 0; j < d && closes; j++) {
      const after = load[j]! + demand[item * d + j]!;
      closes = after <= limit[j]! && after >= limit[j]! - waste[j]!;
    }
    if (!closes) continue;
    if (c.nodes >= c.nodeLimit) return false;
    tried = item;
    take(c, lv, p, 1);
    const done = closeBin(c, lv);
    take(c, lv, p, -1);
    if (done) return true;
  }
  return false;
}

/**
 * A packing of all of `inst`'s items into `bins` bins by bin completion (Martello & Toth 1990,
 * §8.4; Korf 2003): bins are filled one at a time, each with the largest item left and a
 * maximal set of others, and a branch stops once the room wasted exceeds the capacity
 * `bins` bins have beyond the total demand. Strong when that spare room is small; bounded in
 * nodes (candidates looked at). Items are ordered by size Σ_j weights[j] · demand_j / limit_j
 * (weights positive, 1 by default), which sets the search's order but not its answer when it
 * runs to its end. `binOf[i]` is the bin of kernel item i.
 */
export function packIntoBins(
  inst: Instance,
  bins: number,
  nodeLimit: number,
  weights?: readonly number[]
): ExactPacking {
  const { n, d, demand, limit } = inst;
  const invLimit = new Float64Array(d);
  for (let j = 0; j < d; j++) invLimit[j] = limit[j]! > 0 ? (weights?.[j] ?? 1) / limit[j]! : 0;
  const itemSize = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) itemSize[i] = itemSize[i]! + demand[i * d + j]! * invLimit[j]!;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    if (itemSize[b] !== itemSize[a]) return itemSize[b]! - itemSize[a]!;
    for (let j = 0; j < d; j++) {
      const diff = demand[b * d + j]! - demand[a * d + j]!;
      if (diff !== 0) return diff;
    }
    return a - b;
  });
  const size = new Float64Array(n);
  for (let p = 0; p < n; p++) size[p] = itemSize[order[p]!]!;
  const left = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) left[j] = left[j]! + demand[i * d + j]!;
  const c: Completion = {
    inst,
    bins,
    order,
    size,
    invLimit,
    used: new Uint8Array(n),
    binAt: new Int32Array(n),
    left,
    stack: new Int32Array(n),
    top: 0,
    levels: [],
    nodeLimit,
    nodes: 0,
  };
  if (!completeBin(c, 0)) return { binOf: null, nodes: c.nodes, complete: c.nodes < nodeLimit };
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

/**
 * Search nodes of {@link raiseByCompletion} per bound tried (about 10–20 ms), a node being a
 * candidate looked at.
 */
const COMPLETION_PROOF_NODES = 200_000;
/** Above this many items {@link raiseByCompletion} is not tried (below the chunked path's 1,500). */
const COMPLETION_MAX_ITEMS = 1_000;
/**
 * Weights of the two dimensions in the item size that orders each search of
 * {@link raiseByCompletion}, tried in turn with an equal share of its nodes. A failed search
 * mostly thrashes in its last bins after an early wrong choice; another order makes other
 * early choices. On the Caprara–Toth set, where the portfolio misses the bound, four orders of
 * 50,000 nodes pack 69 instances into it against 63 for one order of 200,000, in about the
 * same time.
 */
const COMPLETION_ORDERS: readonly (readonly number[])[] = [
  [1, 1],
  [2, 1],
  [1, 2],
  [3, 2],
];

/** Largest room to waste, in bins (Σ over dimensions), of a {@link isTight} packing. */
const TIGHT_ROOM_BINS = 0.5;
/** Most items per bin, on average, of a {@link isTight} packing. */
const TIGHT_ITEMS_PER_BIN = 3;
/**
 * Node factor of {@link raiseByCompletion} where {@link isTight}: there every bin must be
 * nearly full and each holds few items, so the search prunes hard and more nodes pay. On the
 * Caprara–Toth set, 2 packs three more instances into the bound (class 10, 99 items) and costs
 * no time overall, since their local search is then skipped; 4 packs none more.
 */
const TIGHT_PROOF_FACTOR = 2;

/**
 * True when a packing of `inst` into `bins` bins leaves at most {@link TIGHT_ROOM_BINS} bins of
 * room to waste (summed over the dimensions) and holds at most {@link TIGHT_ITEMS_PER_BIN} items
 * per bin on average.
 */
function isTight(inst: Instance, bins: number): boolean {
  const { n, d, demand, limit } = inst;
  if (n > TIGHT_ITEMS_PER_BIN * bins) return false;
  let room = 0;
  for (let j = 0; j < d; j++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += demand[i * d + j]!;
    room += (bins * limit[j]! - total) / limit[j]!;
  }
  return room <= TIGHT_ROOM_BINS;
}

/**
 * Share of the local search's budget left where the bound's bins are {@link isTight} and bin
 * completion found no packing into them: there the search empties a bin early or not at all.
 * On the Caprara–Toth set its last bin saved came within 22 % of the budget on every such
 * instance (class 7); on the 13 of class 10 it saved none with all of it. 0.3 keeps every bin
 * and saves about 0.4 s of the set's 4; 0.2 loses five bins.
 */
const TIGHT_SEARCH_SHARE = 0.3;

/**
 * Share of its budget the local search gets after {@link raiseByCompletion} proved `bound`
 * and found no packing into it: {@link TIGHT_SEARCH_SHARE} where the exact steps apply and the
 * bound's bins are {@link isTight}, else all of it.
 */
export function searchShareAfterCompletion(inst: Instance, bound: number): number {
  return exactStepsApply(inst) && isTight(inst, bound) ? TIGHT_SEARCH_SHARE : 1;
}

/**
 * Raises the lower bound `bound` by bin completion while it proves that no packing into
 * `bound` bins exists and the bound is below `stopAt`; returns the bound reached and, when the
 * search found one, a packing into that many bins. Tried where {@link exactStepsApply}, with at
 * least two items per bound bin only: with fewer, its waste bound prunes little. Spends
 * {@link COMPLETION_PROOF_NODES} nodes, {@link TIGHT_PROOF_FACTOR} times that when the bound's
 * bins are {@link isTight}.
 */
export function raiseByCompletion(
  inst: Instance,
  bound: number,
  stopAt: number
): { readonly bound: number; readonly binOf: Int32Array | null } {
  if (!exactStepsApply(inst) || inst.n > COMPLETION_MAX_ITEMS || inst.n < 2 * bound)
    return { bound, binOf: null };
  const budget = isTight(inst, bound)
    ? TIGHT_PROOF_FACTOR * COMPLETION_PROOF_NODES
    : COMPLETION_PROOF_NODES;
  const share = Math.floor(budget / COMPLETION_ORDERS.length);
  let nodesLeft = budget;
  let raised = bound;
  while (raised < stopAt && nodesLeft > 0) {
    // Any order that runs to its end proves that `raised` bins are too few.
    let proved = false;
    for (const weights of COMPLETION_ORDERS) {
      const exact = packIntoBins(inst, raised, Math.min(share, nodesLeft), weights);
      nodesLeft -= exact.nodes;
      if (exact.binOf !== null) return { bound: raised, binOf: exact.binOf };
      proved = exact.complete;
      if (proved || nodesLeft <= 0) break;
    }
    if (!proved) break;
    raised++;
  }
  return { bound: raised, binOf: null };
}
