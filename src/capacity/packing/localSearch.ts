/**
 * Local search that empties bins: take a feasible packing with m bins, remove its lightest
 * bin, and try to fit the removed items into the other m − 1 bins.
 *
 * The removed items form a pool. Each step first inserts any pool item that fits a bin
 * (the fullest such bin). Otherwise it looks for the best swap between the pool and one bin —
 * up to two items out of the bin for up to two pool items in — judged by the change in the
 * pool's total weight (weight = average-weighted normalised size). When no swap lowers
 * that weight, the step may instead move or swap items between two bins so that free capacity
 * gathers in fewer bins (raising Σ w_j·load_j², the "fill" potential of weight annealing);
 * otherwise it takes the least bad swap. Bins always stay feasible. Items that enter a bin from
 * the pool stay there for a few steps (tabu), so a swap is not undone at once. When the pool
 * empties, the m − 1 bin packing is kept and the next bin is attacked. With `completion`, every
 * few steps the pool and the items of a few light bins are re-packed into those bins by an
 * exact, node-bounded search (`completion.ts`), which places pools no swap sequence reaches.
 *
 * This is the "consistent neighbourhood search" of Buljubašić & Vasquez (Computers & OR 76,
 * 2016), simplified, with the slack-gathering moves of weight annealing (Loh, Golden & Wasil,
 * Computers & OR 35, 2008) in place of its exact bin refill.
 *
 * Work is counted in feasibility checks and bounded by `effort`; randomness comes from a
 * seeded generator, so the result depends only on the input and settings.
 * Typed-array reads use `!`: indices are in range by construction.
 */
import { packExactly } from "./completion";
import { gatherSlack } from "./gatherSlack";
import type { Instance, Packing } from "./instance";
import {
  GAIN_EPSILON,
  INSERTION_SORT_MAX,
  INSERTION_SORT_MAX_NEARLY_SORTED,
  addMember,
  recomputeLoad,
  removeFrom,
  sortHeaviestFirst,
  sortLightestFirst,
  type Search,
} from "./searchState";

/** Settings of {@link improvePacking}. */
export interface LocalSearchSettings {
  /** Budget in feasibility checks (each O(d)). */
  readonly effort: number;
  /** Seed of the tie-breaking generator. */
  readonly seed: number;
  /** Stop when the packing reaches this many bins. */
  readonly lowerBound: number;
  /** Exponent of the pool weight, (weighted L1 size)^power (default 1). */
  readonly weightPower?: number;
  /** Tabu tenure: base + uniform(0 .. spread + pool size − 1) steps (defaults 3 and 4). */
  readonly tenureBase?: number;
  readonly tenureSpread?: number;
  /** Chance that a step with no improving swap gathers free capacity instead (default 0.5). */
  readonly transferProbability?: number;
  /**
   * Now and then re-pack the pool with the items of a few light bins into those bins by an
   * exact search (default false; the packer turns it on for 2-D integer data).
   */
  readonly completion?: boolean;
}

/** Outcome of {@link improvePacking}. */
export interface LocalSearchResult {
  readonly packing: Packing;
  /** Bins removed compared with the start packing. */
  readonly binsSaved: number;
  /** Feasibility checks spent. */
  readonly effortUsed: number;
}

/** mulberry32: a small, fast, seeded 32-bit generator returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bins beyond this count are sampled (a rotating window) when looking for swaps. */
const SWAP_BIN_WINDOW = 192;
/** Pool pairs (two items in) are considered only while the pool is at most this big. */
const POOL_PAIR_LIMIT = 24;

function fitsBin(s: Search, item: number, b: number): boolean {
  const { d, demand, limit } = s.inst;
  for (let j = 0; j < d; j++) {
    if (s.load[b * d + j]! + demand[item * d + j]! > limit[j]!) return false;
  }
  return true;
}

/** Sets the least load per dimension, and the bin that has it, from every bin. */
function refreshLeastLoad(s: Search): void {
  const { d } = s.inst;
  const bins = s.members.length;
  const { leastLoad, leastLoadBin } = s;
  leastLoad.fill(Infinity);
  for (let b = 0; b < bins; b++) {
    for (let j = 0; j < d; j++) {
      const v = s.load[b * d + j]!;
      if (v < leastLoad[j]!) {
        leastLoad[j] = v;
        leastLoadBin[j] = b;
      }
    }
  }
  s.leastLoadStale = false;
}

/**
 * Inserts every pool item that fits some bin, heaviest first, into the fullest bin it fits.
 * Most pool items fit no bin: an item that does not fit even the least loaded bin of some
 * dimension is kept at once (float addition is monotonic, so no bin passes its test), charged
 * the one check per bin that the scan would have cost.
 */
function insertWherePossible(s: Search, now: number): void {
  const { d, demand, limit } = s.inst;
  const bins = s.members.length;
  // The pool is mostly in order already (a step appends one or two items to it).
  if (s.pool.length > INSERTION_SORT_MAX_NEARLY_SORTED)
    s.pool.sort((a, b) => s.weight[b]! - s.weight[a]! || a - b);
  else sortHeaviestFirst(s.pool, s.pool.length, s.weight);
  if (s.leastLoadStale) refreshLeastLoad(s);
  // Loads only grow below, so these stay lower bounds of every bin's load.
  const leastLoad = s.leastLoad;
  let kept = 0;
  for (let x = 0; x < s.pool.length; x++) {
    const p = s.pool[x]!;
    let fitsNowhere = false;
    for (let j = 0; j < d; j++) {
      if (leastLoad[j]! + demand[p * d + j]! > limit[j]!) {
        fitsNowhere = true;
        break;
      }
    }
    if (fitsNowhere) {
      s.effort += bins;
      s.pool[kept++] = p;
      continue;
    }
    let best = -1;
    let bestFill = -Infinity;
    for (let b = 0; b < bins; b++) {
      if (s.fill[b]! <= bestFill) continue;
      s.effort++;
      if (fitsBin(s, p, b)) {
        bestFill = s.fill[b]!;
        best = b;
      }
    }
    if (best < 0) {
      s.pool[kept++] = p;
      continue;
    }
    addMember(s, best, p);
    recomputeLoad(s, best);
    s.lockedUntil[p] = now + 1;
  }
  s.pool.length = kept;
}

/** Fills the in-set scratch: each pool item, and each pair while the pool is small; heaviest first. */
function buildInSets(s: Search): number {
  const { d, demand } = s.inst;
  const pool = s.pool;
  const P = pool.length;
  const count = P + (P <= POOL_PAIR_LIMIT ? (P * (P - 1)) / 2 : 0);
  if (s.inWeight.length < count) {
    const size = Math.max(count, 2 * s.inWeight.length);
    s.inVec = new Float64Array(size * d);
    s.inWeight = new Float64Array(size);
    s.inA = new Int32Array(size);
    s.inB = new Int32Array(size);
    s.inOrder = new Int32Array(size);
    s.inLeast = new Float64Array(size * d);
  }
  let c = 0;
  for (let x = 0; x < P; x++) {
    const p = pool[x]!;
    s.inA[c] = p;
    s.inB[c] = -1;
    s.inWeight[c] = s.weight[p]!;
    for (let j = 0; j < d; j++) s.inVec[c * d + j] = demand[p * d + j]!;
    c++;
  }
  if (P <= POOL_PAIR_LIMIT) {
    for (let x = 0; x < P; x++) {
      const p = pool[x]!;
      for (let y = x + 1; y < P; y++) {
        const q = pool[y]!;
        s.inA[c] = p;
        s.inB[c] = q;
        s.inWeight[c] = s.weight[p]! + s.weight[q]!;
        for (let j = 0; j < d; j++) s.inVec[c * d + j] = demand[p * d + j]! + demand[q * d + j]!;
        c++;
      }
    }
  }
  s.effort += c;
  const order = s.inOrder.subarray(0, c);
  for (let k = 0; k < c; k++) order[k] = k;
  const w = s.inWeight;
  // Single items come in pool order, heaviest first already; pairs do not.
  if (c <= INSERTION_SORT_MAX || P > POOL_PAIR_LIMIT) sortHeaviestFirst(order, c, w);
  else order.sort((a, b) => w[b]! - w[a]! || a - b);
  // Least demand per dimension of the k + 1 heaviest in-sets, at k*d+j.
  const least = s.inLeast;
  const inVec = s.inVec;
  for (let j = 0; j < d; j++) least[j] = inVec[order[0]! * d + j]!;
  for (let k = 1; k < c; k++) {
    const mt = order[k]! * d;
    for (let j = 0; j < d; j++)
      least[k * d + j] = Math.min(least[(k - 1) * d + j]!, inVec[mt + j]!);
  }
  return c;
}

/** Takes the swap of out-set (outA, outB) of bin b for in-set m as the step's best, or ties with it. */
function recordSwap(
  s: Search,
  b: number,
  outA: number,
  outB: number,
  m: number,
  delta: number
): void {
  if (delta < s.bestDelta) {
    s.bestDelta = delta;
    s.ties = 1;
  } else {
    s.ties++;
    if (s.rng() * s.ties >= 1) return; // keep each tied move with equal chance
  }
  s.moveBin = b;
  s.moveOutA = outA;
  s.moveOutB = outB;
  s.moveIn = m;
}

/**
 * Best in-set for taking `outA` (and `outB` unless −1) out of bin b; updates the step's best swap.
 * In-sets are heaviest first, so only a prefix of them can match the step's best swap and the
 * first of it that fits is this out-set's best. When the least demand of that prefix exceeds
 * the room in some dimension, none fits: its checks are charged without testing each.
 */
function tryOutSet(
  s: Search,
  inCount: number,
  b: number,
  outA: number,
  outB: number,
  outWeight: number
): void {
  const { d, demand, limit } = s.inst;
  const free = s.free;
  s.effort++;
  if (s.freeBin !== b) {
    // Most bins stop before their first out-set, so their free room is taken on first use.
    for (let j = 0; j < d; j++) free[j] = limit[j]! - s.load[b * d + j]!;
    s.freeBin = b;
  }
  const { inOrder, inWeight, inVec } = s;
  const bestDelta = s.bestDelta;
  // The in-sets within reach: outWeight − weight ≤ bestDelta holds for a prefix (float
  // subtraction is monotonic and weights do not increase along inOrder).
  let lo = 0;
  let hi = inCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (outWeight - inWeight[inOrder[mid]!]! > bestDelta) hi = mid;
    else lo = mid + 1;
  }
  const reach = lo;
  if (reach === 0) return;
  // The residual is (limit − load) + out-set, in the order the sums were always taken.
  const outAt = outA * d;
  const outBt = outB * d;
  if (reach === 1) {
    s.effort++;
    const m = inOrder[0]!;
    const mt = m * d;
    for (let j = 0; j < d; j++) {
      let r = free[j]! + demand[outAt + j]!;
      if (outB >= 0) r += demand[outBt + j]!;
      if (inVec[mt + j]! > r) return;
    }
    recordSwap(s, b, outA, outB, m, outWeight - inWeight[m]!);
  } else {
    tryInSets(s, reach, b, outA, outB, outWeight);
  }
}

/**
 * Tries the first `reach` in-sets (two or more) for out-set (outA, outB) of bin b; the first
 * that fits is recorded. When the least demand of those in-sets exceeds the room in some
 * dimension, none fits: their checks are charged without testing each.
 */
function tryInSets(
  s: Search,
  reach: number,
  b: number,
  outA: number,
  outB: number,
  outWeight: number
): void {
  const { d, demand } = s.inst;
  const { free, inOrder, inWeight, inVec, residual } = s;
  const outAt = outA * d;
  const outBt = outB * d;
  const least = s.inLeast;
  const leastAt = (reach - 1) * d;
  let fitsNone = false;
  for (let j = 0; j < d; j++) {
    let r = free[j]! + demand[outAt + j]!;
    if (outB >= 0) r += demand[outBt + j]!;
    residual[j] = r;
    if (least[leastAt + j]! > r) fitsNone = true;
  }
  if (fitsNone) {
    s.effort += reach;
    return;
  }
  for (let k = 0; k < reach; k++) {
    s.effort++;
    const m = inOrder[k]!;
    const mt = m * d;
    let fits = true;
    for (let j = 0; j < d; j++) {
      if (inVec[mt + j]! > residual[j]!) {
        fits = false;
        break;
      }
    }
    if (fits) {
      recordSwap(s, b, outA, outB, m, outWeight - inWeight[m]!);
      return;
    }
  }
}

/**
 * One step when no pool item fits anywhere: the best pool/bin swap, or a slack-gathering
 * bin-to-bin move when no swap lowers the pool weight. False when nothing is possible.
 */
function swapStep(s: Search, now: number): boolean {
  const inCount = buildInSets(s);
  const bins = s.members.length;
  const window = Math.min(bins, SWAP_BIN_WINDOW);
  const start = bins > SWAP_BIN_WINDOW ? Math.floor(s.rng() * bins) : 0;
  s.bestDelta = Infinity;
  s.ties = 0;
  s.moveBin = -1;
  s.freeBin = -1;
  const heaviestIn = s.inWeight[s.inOrder[0]!]!;
  for (let w = 0; w < window; w++) {
    const b = (start + w) % bins;
    // Most bins stop at their lightest member: that is read without reaching the members.
    if (s.lightest[b]! - heaviestIn > s.bestDelta) continue;
    const items = s.members[b]!;
    const k = items.length;
    // Members are lightest first: once an out-set cannot beat the best swap even with the
    // heaviest in-set, no heavier one can.
    for (let x = 0; x < k; x++) {
      const i = items[x]!;
      const wi = s.weight[i]!;
      if (wi - heaviestIn > s.bestDelta) break;
      if (s.lockedUntil[i]! > now) continue;
      tryOutSet(s, inCount, b, i, -1, wi);
      for (let y = x + 1; y < k; y++) {
        const i2 = items[y]!;
        const w2 = wi + s.weight[i2]!;
        if (w2 - heaviestIn > s.bestDelta) break;
        if (s.lockedUntil[i2]! > now) continue;
        tryOutSet(s, inCount, b, i, i2, w2);
      }
    }
  }
  if (s.bestDelta >= 0 && s.rng() < s.transferProbability && gatherSlack(s)) return true;
  if (s.moveBin < 0) return false;

  const b = s.moveBin;
  const outA = s.moveOutA;
  const outB = s.moveOutB;
  const inA = s.inA[s.moveIn]!;
  const inB = s.inB[s.moveIn]!;
  const tenure = s.tenureBase + Math.floor(s.rng() * (s.tenureSpread + s.pool.length));
  removeFrom(s.members[b]!, outA);
  if (outB >= 0) removeFrom(s.members[b]!, outB);
  addMember(s, b, inA);
  s.lockedUntil[inA] = now + tenure;
  removeFrom(s.pool, inA);
  if (inB >= 0) {
    addMember(s, b, inB);
    s.lockedUntil[inB] = now + tenure;
    removeFrom(s.pool, inB);
  }
  recomputeLoad(s, b);
  s.pool.push(outA);
  s.binOf[outA] = -1;
  if (outB >= 0) {
    s.pool.push(outB);
    s.binOf[outB] = -1;
  }
  return true;
}

/** Steps between two attempts to complete the pool exactly. */
const COMPLETION_PERIOD = 8;
/** Largest number of bins an exact completion re-packs. */
const COMPLETION_MAX_BINS = 4;
/** Bins an attempt draws from: the lightest this many times the bins it re-packs. */
const COMPLETION_CANDIDATES = 3;
/** Search nodes per exact completion attempt. */
const COMPLETION_NODES = 3_000;

/**
 * Tries to place the whole pool by re-packing it with the items of k bins (k = 2 ..
 * {@link COMPLETION_MAX_BINS}, drawn from the lightest bins) into those k bins exactly.
 * True when the pool is now empty.
 */
function completePool(s: Search): boolean {
  const { d, demand, limit } = s.inst;
  const bins = s.members.length;
  const byFill = Array.from({ length: bins }, (_, b) => b).sort(
    (a, b) => s.fill[a]! - s.fill[b]! || a - b
  );
  for (let k = 2; k <= Math.min(COMPLETION_MAX_BINS, bins); k++) {
    const span = Math.min(bins, COMPLETION_CANDIDATES * k);
    const candidates = byFill.slice(0, span);
    // A random k of the candidates (partial Fisher–Yates).
    for (let x = 0; x < k; x++) {
      const y = x + Math.floor(s.rng() * (span - x));
      [candidates[x], candidates[y]] = [candidates[y]!, candidates[x]!];
    }
    const chosen = candidates.slice(0, k);
    const items = [...s.pool];
    for (const b of chosen) items.push(...s.members[b]!);
    let room = true;
    for (let j = 0; j < d && room; j++) {
      let total = 0;
      for (const i of items) total += demand[i * d + j]!;
      room = total <= k * limit[j]!;
    }
    if (!room) continue;
    const { binOf, nodes } = packExactly(s.inst, items, k, COMPLETION_NODES);
    s.effort += nodes * k * k;
    if (binOf === null) continue;
    for (const b of chosen) s.members[b] = [];
    items.forEach((i, x) => addMember(s, chosen[binOf[x]!]!, i));
    for (const b of chosen) recomputeLoad(s, b);
    s.pool = [];
    return true;
  }
  return false;
}

/**
 * Moves the items of bin `removed` to the pool (the last bin takes its number) and searches
 * until the pool is empty (true) or the budget is spent or no move is left (false). Steps
 * count on from `s.step`, so locks from earlier attempts simply expire.
 */
function emptyOneBin(s: Search, removed: number, budget: number): boolean {
  const { d } = s.inst;
  const last = s.members.length - 1;
  s.pool = s.members[removed]!;
  for (const i of s.pool) s.binOf[i] = -1;
  if (removed !== last) {
    s.members[removed] = s.members[last]!;
    for (const i of s.members[removed]!) s.binOf[i] = removed;
    s.load.copyWithin(removed * d, last * d, last * d + d);
    s.fill[removed] = s.fill[last]!;
    s.lightest[removed] = s.lightest[last]!;
  }
  s.members.pop();
  s.leastLoadStale = true;
  const stopAt = s.effort + budget;
  while (s.effort < stopAt) {
    s.step++;
    insertWherePossible(s, s.step);
    if (s.pool.length === 0) return true;
    if (!swapStep(s, s.step)) return false;
    if (s.completion && s.step % COMPLETION_PERIOD === 0 && completePool(s)) return true;
  }
  insertWherePossible(s, ++s.step);
  return s.pool.length === 0;
}

/** Item weight for the pool objective: average-weighted normalised L1 size, to a power. */
function poolWeights(inst: Instance, power: number): Float64Array {
  const { n, d, norm, avgWeights } = inst;
  const w = new Float64Array(n);
  const epsilon = GAIN_EPSILON; // read once: an imported binding may be a getter call
  for (let i = 0; i < n; i++) {
    let size = 0;
    for (let j = 0; j < d; j++) size += avgWeights[j]! * norm[i * d + j]!;
    w[i] = Math.pow(size, power) + epsilon;
  }
  return w;
}

/** The bin with the smallest average-weighted normalised load (ties: lowest index). */
function lightestBin(s: Search): number {
  let lightest = 0;
  for (let b = 1; b < s.members.length; b++) if (s.fill[b]! < s.fill[lightest]!) lightest = b;
  return lightest;
}

/**
 * Improves `start` by emptying bins one at a time until the lower bound is reached, no
 * attacked bin can be emptied, or the effort budget runs out. Never returns a worse packing.
 */
export function improvePacking(
  inst: Instance,
  start: Packing,
  settings: LocalSearchSettings
): LocalSearchResult {
  const { n, d, capacity } = inst;
  const invCapacity = new Float64Array(d);
  for (let j = 0; j < d; j++) invCapacity[j] = capacity[j]! > 0 ? 1 / capacity[j]! : 0;
  const weight = poolWeights(inst, settings.weightPower ?? 1);
  const members: number[][] = Array.from({ length: start.bins }, () => []);
  for (let i = 0; i < n; i++) members[start.binOf[i]!]!.push(i);
  for (const items of members) sortLightestFirst(items, weight);
  const s: Search = {
    inst,
    weight,
    invCapacity,
    rng: seededRandom(settings.seed),
    tenureBase: settings.tenureBase ?? 3,
    tenureSpread: settings.tenureSpread ?? 4,
    transferProbability: settings.transferProbability ?? 0.5,
    completion: settings.completion ?? false,
    members,
    binOf: Int32Array.from(start.binOf),
    load: new Float64Array(start.bins * d),
    fill: new Float64Array(start.bins),
    lightest: new Float64Array(start.bins),
    pool: [],
    lockedUntil: new Int32Array(n),
    step: 0,
    effort: 0,
    inVec: new Float64Array(0),
    inWeight: new Float64Array(0),
    inA: new Int32Array(0),
    inB: new Int32Array(0),
    inOrder: new Int32Array(0),
    inLeast: new Float64Array(0),
    residual: new Float64Array(d),
    free: new Float64Array(d),
    leastLoad: new Float64Array(d).fill(Infinity),
    leastLoadBin: new Int32Array(d),
    leastLoadStale: false,
    freeBin: -1,
    column: new Float64Array(n),
    bestDelta: Infinity,
    ties: 0,
    moveBin: -1,
    moveOutA: -1,
    moveOutB: -1,
    moveIn: -1,
  };
  for (let b = 0; b < start.bins; b++) recomputeLoad(s, b);
  // The search runs in place; `best` is a snapshot of the last complete packing.
  let best: Packing = { bins: start.bins, binOf: s.binOf.slice() };
  while (best.bins > settings.lowerBound && s.effort < settings.effort) {
    if (!emptyOneBin(s, lightestBin(s), settings.effort - s.effort)) break;
    best = { bins: s.members.length, binOf: s.binOf.slice() };
  }
  return { packing: best, binsSaved: start.bins - best.bins, effortUsed: s.effort };
}
