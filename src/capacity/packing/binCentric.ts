/**
 * The bin-centric greedy heuristics and the k-d tree over items that finds their choices fast.
 *
 * Works on the kernel {@link Instance} and returns a {@link Packing}; ties break towards the
 * item earliest in the given order, so results are deterministic.
 * Typed-array reads use `!`: indices are in range by construction.
 */
import type { Instance, Packing } from "./instance";
import { runningContinuousBound } from "./earlyStop";
import { select } from "./select";

/** Scoring rule of the bin-centric heuristics. */
export type BinCentricRule = "dot" | "l2";

/**
 * How {@link binCentric} finds each step's item: by its k-d tree while that reads few items,
 * else by scanning them (`adaptive`), or always by one of the two. All make the same choices.
 */
export type BinCentricSearch = "adaptive" | "tree" | "scan";

/**
 * Slack on the score bounds of {@link binCentric}. A score is a sum of d terms each at most
 * about 3·w_j in size (items and free capacity are at most about 1 in every dimension, the
 * weights sum to 1), so its floating-point value is within a few ulps of 3; a bound this far
 * above every score it covers leaves no item it skips that could have won.
 */
const BOUND_SLACK = 1e-9;

/** Most items in a leaf of {@link ItemTree}. */
const LEAF_ITEMS = 8;

/**
 * A k-d tree over an instance's items in normalised-demand space, for the bin-centric scans.
 * Node 1 is the root and node k's children are 2k and 2k+1; a node's items are
 * `items[start[k]…end[k])`, a leaf's unpacked ones first (`items[start[k]…start[k]+count[k])`;
 * a run that packs an item swaps it behind them, so leaves never read packed items).
 * Per node and dimension it keeps the smallest and largest normalised demand (`low`, `high`)
 * and the smallest demand (`least`) of its unpacked items, and how many those are (`count`).
 */
interface ItemTree {
  readonly items: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly leaf: Uint8Array;
  /** Leaf of each item. */
  readonly leafOf: Int32Array;
  /** Place of each item in `items`. */
  readonly slotOf: Int32Array;
  readonly count: Int32Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
  readonly least: Float64Array;
}

/**
 * Recomputes the bounding boxes of `node` from its unpacked items (a leaf, whose count is
 * kept by the caller) or its children (and its count from theirs); true when a box changed (so
 * its parent's may have too).
 */
function refreshNode(inst: Instance, tree: ItemTree, node: number): boolean {
  const { d, norm, demand } = inst;
  const { low, high, least, count } = tree;
  const at = node * d;
  let changed = false;
  if (tree.leaf[node] === 1) {
    // Boxes of the unpacked items, one dimension at a time (a leaf holds a few items).
    const first = tree.start[node]!;
    const last = first + count[node]!;
    const items = tree.items;
    for (let j = 0; j < d; j++) {
      let lo = Infinity;
      let hi = -Infinity;
      let min = Infinity;
      for (let k = first; k < last; k++) {
        const slot = items[k]! * d + j;
        const x = norm[slot]!;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
        const v = demand[slot]!;
        if (v < min) min = v;
      }
      if (lo !== low[at + j] || hi !== high[at + j] || min !== least[at + j]) changed = true;
      low[at + j] = lo;
      high[at + j] = hi;
      least[at + j] = min;
    }
    return changed;
  }
  const a = 2 * node;
  const b = a + 1;
  const ca = count[a]!;
  const cb = count[b]!;
  count[node] = ca + cb;
  for (let j = 0; j < d; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    let min = Infinity;
    if (ca > 0) {
      lo = low[a * d + j]!;
      hi = high[a * d + j]!;
      min = least[a * d + j]!;
    }
    if (cb > 0) {
      if (low[b * d + j]! < lo) lo = low[b * d + j]!;
      if (high[b * d + j]! > hi) hi = high[b * d + j]!;
      if (least[b * d + j]! < min) min = least[b * d + j]!;
    }
    if (lo !== low[at + j] || hi !== high[at + j] || min !== least[at + j]) changed = true;
    low[at + j] = lo;
    high[at + j] = hi;
    least[at + j] = min;
  }
  return changed;
}

/** The tree of every item of `inst`, every item unpacked. */
function buildTree(inst: Instance): ItemTree {
  const { n, d } = inst;
  let depth = 0;
  while (Math.ceil(n / 2 ** depth) > LEAF_ITEMS) depth++;
  const nodes = 2 ** (depth + 1);
  const items = new Int32Array(n);
  for (let i = 0; i < n; i++) items[i] = i;
  const tree: ItemTree = {
    items,
    start: new Int32Array(nodes),
    end: new Int32Array(nodes),
    leaf: new Uint8Array(nodes),
    leafOf: new Int32Array(n),
    slotOf: new Int32Array(n),
    count: new Int32Array(nodes),
    low: new Float64Array(nodes * d),
    high: new Float64Array(nodes * d),
    least: new Float64Array(nodes * d),
  };
  if (n > 0) buildNode(inst, tree, 1, 0, n);
  return tree;
}

/** Fills node `node` of `tree` over `items[lo…hi)` and its subtree (splitting at medians). */
function buildNode(inst: Instance, tree: ItemTree, node: number, lo: number, hi: number): void {
  const { d, norm } = inst;
  const { items, start, end, leaf, leafOf, slotOf, count } = tree;
  start[node] = lo;
  end[node] = hi;
  if (hi - lo <= LEAF_ITEMS) {
    leaf[node] = 1;
    count[node] = hi - lo;
    for (let k = lo; k < hi; k++) {
      leafOf[items[k]!] = node;
      slotOf[items[k]!] = k;
    }
  } else {
    // Split at the median of the dimension the items spread most in.
    let split = 0;
    let widest = -1;
    if (d === 4) {
      // The capacity engine's four dimensions in one pass over the items (the same ranges).
      let a0 = Infinity;
      let a1 = Infinity;
      let a2 = Infinity;
      let a3 = Infinity;
      let b0 = -Infinity;
      let b1 = -Infinity;
      let b2 = -Infinity;
      let b3 = -Infinity;
      for (let k = lo; k < hi; k++) {
        const at = items[k]! * 4;
        const x0 = norm[at]!;
        const x1 = norm[at + 1]!;
        const x2 = norm[at + 2]!;
        const x3 = norm[at + 3]!;
        if (x0 < a0) a0 = x0;
        if (x0 > b0) b0 = x0;
        if (x1 < a1) a1 = x1;
        if (x1 > b1) b1 = x1;
        if (x2 < a2) a2 = x2;
        if (x2 > b2) b2 = x2;
        if (x3 < a3) a3 = x3;
        if (x3 > b3) b3 = x3;
      }
      // The first widest, as the loop below picks it.
      widest = b0 - a0;
      if (b1 - a1 > widest) {
        widest = b1 - a1;
        split = 1;
      }
      if (b2 - a2 > widest) {
        widest = b2 - a2;
        split = 2;
      }
      if (b3 - a3 > widest) split = 3;
    } else {
      for (let j = 0; j < d; j++) {
        let a = Infinity;
        let b = -Infinity;
        for (let k = lo; k < hi; k++) {
          const x = norm[items[k]! * d + j]!;
          if (x < a) a = x;
          if (x > b) b = x;
        }
        if (b - a > widest) {
          widest = b - a;
          split = j;
        }
      }
    }
    const mid = (lo + hi) >> 1;
    select(items, norm, d, split, lo, hi, mid);
    buildNode(inst, tree, 2 * node, lo, mid);
    buildNode(inst, tree, 2 * node + 1, mid, hi);
  }
  refreshNode(inst, tree, node);
}

/** Fewer items than this are scanned from the start by `adaptive`: the tree would not pay. */
const TREE_MIN_ITEMS = 200;

/** The tree of no item: what a scan-only run holds in its place. */
const NO_TREE: ItemTree = {
  items: new Int32Array(0),
  start: new Int32Array(2),
  end: new Int32Array(2),
  leaf: new Uint8Array(2),
  leafOf: new Int32Array(0),
  slotOf: new Int32Array(0),
  count: new Int32Array(2),
  low: new Float64Array(0),
  high: new Float64Array(0),
  least: new Float64Array(0),
};

/** Trees already built, per instance (the four bin-centric heuristics search the same one). */
const builtTrees = new WeakMap<Instance, ItemTree>();

/** A fresh copy of the tree of `inst`, every item unpacked, built once per instance. */
function unpackedTree(inst: Instance): ItemTree {
  let tree = builtTrees.get(inst);
  if (tree === undefined) builtTrees.set(inst, (tree = buildTree(inst)));
  return {
    ...tree,
    items: tree.items.slice(),
    slotOf: tree.slotOf.slice(),
    count: tree.count.slice(),
    low: tree.low.slice(),
    high: tree.high.slice(),
    least: tree.least.slice(),
  };
}

/**
 * The best score any item of tree node `node` can have (before the slack), each term
 * Σ x·(linear − quadratic·x) at its best over the node's box: dot at the top of the range (the
 * bottom when linear < 0), l2 at `peak` clamped into it.
 */
function boundOf(
  node: number,
  dot: boolean,
  d: number,
  linear: Float64Array,
  quadratic: Float64Array,
  peak: Float64Array,
  low: Float64Array,
  high: Float64Array
): number {
  const at = node * d;
  let ub = 0;
  if (dot) {
    for (let j = 0; j < d; j++) {
      const c = linear[j]!;
      ub += (c >= 0 ? high[at + j]! : low[at + j]!) * c;
    }
    return ub;
  }
  for (let j = 0; j < d; j++) {
    const lo = low[at + j]!;
    const hi = high[at + j]!;
    const p = peak[j]!;
    const x = p < lo ? lo : p > hi ? hi : p;
    ub += x * (linear[j]! - quadratic[j]! * x);
  }
  return ub;
}

/** Whether the least demand of node `node` fits the open bin in each of the `tight` dimensions. */
function fitsSome(
  node: number,
  tight: Int32Array,
  tightCount: number,
  load: Float64Array,
  least: Float64Array,
  limit: Float64Array,
  d: number
): boolean {
  const at = node * d;
  for (let t = 0; t < tightCount; t++) {
    const j = tight[t]!;
    if (load[j]! + least[at + j]! > limit[j]!) return false;
  }
  return true;
}

/**
 * Bin-centric greedy: open a bin, repeatedly add the fitting item with the best score against
 * the bin's normalised free capacity r, close the bin when nothing fits, open the next.
 * `dot` maximises Σ w_j·x_j·r_j; `l2` minimises Σ w_j·(r_j − x_j)², i.e. maximises
 * Σ w_j·x_j·(2r_j − x_j). With `dynamicWeights`, w is recomputed from the items still
 * unpacked each time a bin opens. Ties go to the item earliest in `initialOrder`.
 *
 * The choices are exactly those of scanning every unpacked item at every step, found faster:
 * a k-d tree over the items skips each group whose smallest demand does not fit the bin, or
 * whose best possible score (each term at its best over the group's box) is below the best
 * score found. When the tree reads about as many items as a scan would (few items left, or
 * dimensions its boxes cannot separate), `adaptive` scans from the next bin on (and from the
 * start below 200 items): the unpacked items in order, dropping those that no longer fit the
 * open bin. No allocation in the search.
 *
 * Null when the packing needs `cutoff` bins or more. Bins close for good, so it stops as soon
 * as the closed bins plus the continuous bound of the items left (in each dimension, their
 * demand over the limit, rounded up) reach `cutoff`.
 */
export function binCentric(
  inst: Instance,
  rule: BinCentricRule,
  dynamicWeights: boolean,
  initialOrder: Int32Array,
  search: BinCentricSearch = "adaptive",
  cutoff = Infinity
): Packing | null {
  const { n, d, demand, norm, limit } = inst;
  // Demand of the unpacked items per dimension, for the early stop.
  const remaining = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) remaining[j] = remaining[j]! + demand[i * d + j]!;
  const position = new Int32Array(n);
  for (let p = 0; p < n; p++) position[initialOrder[p]!] = p;
  let useTree = search === "tree" || (search === "adaptive" && n >= TREE_MIN_ITEMS);
  const tree = useTree ? unpackedTree(inst) : NO_TREE;
  const { items, start, leaf, leafOf, slotOf, count, low, high, least } = tree;
  const packed = new Uint8Array(n);
  let left = n;
  // The unpacked items in order, as of the last bin opened (dynamic weights, the scan).
  const unpacked = Int32Array.from(initialOrder);
  let unpackedCount = n;
  const binOf = new Int32Array(n);
  const weights = Float64Array.from(inst.avgWeights);
  const load = new Float64Array(d);
  const freeNorm = new Float64Array(d);
  // score(x) = Σ_j x_j·(linear_j − quadratic_j·x_j): dot uses (w·r, 0), l2 uses (2·w·r, w).
  // Over x_j in [low, high] a term is largest at `peak_j` clamped into that range. At least four
  // entries: each tree search reads the first four into locals (for four dimensions).
  const linear = new Float64Array(Math.max(d, 4));
  const quadratic = new Float64Array(Math.max(d, 4));
  const peak = new Float64Array(d);
  let depth = 1;
  while (1 << depth < start.length) depth++;
  const stack = new Int32Array(2 * depth + 2);
  const stackBound = new Float64Array(2 * depth + 2);
  const dot = rule === "dot";
  // The dimensions where some item may not fit the open bin (even the largest demand fits the
  // others): the tree's fit tests read only these.
  const largest = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) largest[j] = Math.max(largest[j]!, demand[i * d + j]!);
  const tight = new Int32Array(d);
  let tightCount = d;
  // Work of the tree searches of the open bin: two per node, one per item scored.
  let work = 0;
  // The items that may fit the open bin, in order: the plain scan drops those that do not.
  const candidates = new Int32Array(n);
  let candidateCount = 0;
  // The tree pays off while its searches read a small share of the unpacked items; when they
  // read about as many (few items left, or dimensions the boxes cannot separate), the plain
  // scan takes over for the rest. Either finds the same item.
  let bins = 0;
  while (left > 0) {
    // The tree alone needs no list; the list catches up when the scan takes over.
    const leftAtOpen = left;
    if (!dynamicWeights && !useTree) {
      let kept = 0;
      for (let k = 0; k < unpackedCount; k++)
        if (packed[unpacked[k]!] === 0) unpacked[kept++] = unpacked[k]!;
      unpackedCount = kept;
    }
    if (dynamicWeights) {
      // Summed in the order of `initialOrder`, as the plain scan does.
      let grand = 0;
      for (let j = 0; j < d; j += 4) {
        // Four dimensions per pass (four sums in flight), each summed in the same order. The
        // first pass also drops the items packed since the last bin from the list.
        const dims = Math.min(4, d - j);
        const first = j === 0;
        let t0 = 0;
        let t1 = 0;
        let t2 = 0;
        let t3 = 0;
        let kept = 0;
        for (let k = 0; k < unpackedCount; k++) {
          const i = unpacked[k]!;
          if (first) {
            if (packed[i] === 1) continue;
            unpacked[kept++] = i;
          }
          const at = i * d + j;
          t0 += norm[at]!;
          if (dims > 1) t1 += norm[at + 1]!;
          if (dims > 2) t2 += norm[at + 2]!;
          if (dims > 3) t3 += norm[at + 3]!;
        }
        if (first) unpackedCount = kept;
        weights[j] = t0;
        if (dims > 1) weights[j + 1] = t1;
        if (dims > 2) weights[j + 2] = t2;
        if (dims > 3) weights[j + 3] = t3;
      }
      for (let j = 0; j < d; j++) grand += weights[j]!;
      for (let j = 0; j < d; j++) weights[j] = grand > 0 ? weights[j]! / grand : 1 / d;
    }
    const b = bins++;
    load.fill(0);
    freeNorm.fill(1);
    work = 0;
    let steps = 0;
    if (!useTree) {
      candidates.set(unpacked.subarray(0, unpackedCount));
      candidateCount = unpackedCount;
    }
    for (;;) {
      tightCount = 0;
      for (let j = 0; j < d; j++) if (load[j]! + largest[j]! > limit[j]!) tight[tightCount++] = j;
      for (let j = 0; j < d; j++) {
        linear[j] = (rule === "dot" ? 1 : 2) * weights[j]! * freeNorm[j]!;
        quadratic[j] = rule === "dot" ? 0 : weights[j]!;
        // dot: a line, largest at the top of the range (bottom when r < 0); l2: a parabola
        // with its top at x = r.
        peak[j] = rule === "l2" ? freeNorm[j]! : linear[j]! >= 0 ? Infinity : -Infinity;
      }
      let best = -1;
      let bestScore = -Infinity;
      let bestAt = 0;
      if (useTree) {
        // The terms' coefficients in locals, for the leaf scan's four-dimension case.
        const l0 = linear[0]!;
        const l1 = linear[1]!;
        const l2 = linear[2]!;
        const l3 = linear[3]!;
        const q0 = quadratic[0]!;
        const q1 = quadratic[1]!;
        const q2 = quadratic[2]!;
        const q3 = quadratic[3]!;
        let sp = 0;
        if (count[1]! > 0 && fitsSome(1, tight, tightCount, load, least, limit, d)) {
          stack[sp] = 1;
          stackBound[sp++] = boundOf(1, dot, d, linear, quadratic, peak, low, high);
        }
        while (sp > 0) {
          const node = stack[--sp]!;
          work += 2;
          if (best >= 0 && stackBound[sp]! + BOUND_SLACK < bestScore) continue;
          if (leaf[node] === 1) {
            const first = start[node]!;
            for (let k = first; k < first + count[node]!; k++) {
              const i = items[k]!;
              work++;
              const base = i * d;
              let fits = true;
              for (let t = 0; t < tightCount && fits; t++) {
                const j = tight[t]!;
                fits = load[j]! + demand[base + j]! <= limit[j]!;
              }
              if (!fits) continue;
              let score = 0;
              if (d === 4) {
                const y0 = norm[base]!;
                const y1 = norm[base + 1]!;
                const y2 = norm[base + 2]!;
                const y3 = norm[base + 3]!;
                score += y0 * (l0 - q0 * y0);
                score += y1 * (l1 - q1 * y1);
                score += y2 * (l2 - q2 * y2);
                score += y3 * (l3 - q3 * y3);
              } else
                for (let j = 0; j < d; j++) {
                  const x = norm[base + j]!;
                  score += x * (linear[j]! - quadratic[j]! * x);
                }
              if (score > bestScore || (score === bestScore && position[i]! < position[best]!)) {
                bestScore = score;
                best = i;
              }
            }
            continue;
          }
          // Children that may hold a fitting item, the more promising one searched first. A
          // child none of whose items fits needs no bound: only the order of two kept ones reads it.
          const a = 2 * node;
          const c = a + 1;
          const boundA =
            count[a]! > 0 && fitsSome(a, tight, tightCount, load, least, limit, d)
              ? boundOf(a, dot, d, linear, quadratic, peak, low, high)
              : -Infinity;
          const boundC =
            count[c]! > 0 && fitsSome(c, tight, tightCount, load, least, limit, d)
              ? boundOf(c, dot, d, linear, quadratic, peak, low, high)
              : -Infinity;
          const useA = boundA > -Infinity && (best < 0 || boundA + BOUND_SLACK >= bestScore);
          const useC = boundC > -Infinity && (best < 0 || boundC + BOUND_SLACK >= bestScore);
          // Pushed second, searched first.
          if (boundA >= boundC) {
            if (useC) {
              stack[sp] = c;
              stackBound[sp++] = boundC;
            }
            if (useA) {
              stack[sp] = a;
              stackBound[sp++] = boundA;
            }
          } else {
            if (useA) {
              stack[sp] = a;
              stackBound[sp++] = boundA;
            }
            if (useC) {
              stack[sp] = c;
              stackBound[sp++] = boundC;
            }
          }
        }
      } else {
        let kept = 0;
        for (let k = 0; k < candidateCount; k++) {
          const i = candidates[k]!;
          const base = i * d;
          let score = 0;
          let fits = true;
          for (let j = 0; j < d; j++) {
            const v = demand[base + j]!;
            if (load[j]! + v > limit[j]!) {
              fits = false;
              break;
            }
            const x = norm[base + j]!;
            score += x * (linear[j]! - quadratic[j]! * x);
          }
          if (!fits) continue;
          if (score > bestScore) {
            bestScore = score;
            best = i;
            bestAt = kept;
          }
          if (kept !== k) candidates[kept] = i;
          kept++;
        }
        candidateCount = kept;
      }
      steps++;
      if (best < 0) break;
      packed[best] = 1;
      left--;
      binOf[best] = b;
      const base = best * d;
      for (let j = 0; j < d; j++) {
        load[j] = load[j]! + demand[base + j]!;
        freeNorm[j] = freeNorm[j]! - norm[base + j]!;
        remaining[j] = remaining[j]! - demand[base + j]!;
      }
      if (!useTree) {
        candidates.copyWithin(bestAt, bestAt + 1, candidateCount--);
        continue;
      }
      // The item leaves its leaf's unpacked ones (swapped behind them); counts change up to
      // the root, boxes only as far as they change.
      const at = leafOf[best]!;
      const last = start[at]! + count[at]! - 1;
      const moved = items[last]!;
      items[slotOf[best]!] = moved;
      slotOf[moved] = slotOf[best]!;
      items[last] = best;
      slotOf[best] = last;
      count[at] = count[at]! - 1;
      let changed = refreshNode(inst, tree, at);
      for (let node = at >> 1; node >= 1; node >>= 1) {
        if (changed) changed = refreshNode(inst, tree, node);
        else count[node] = count[node]! - 1;
      }
    }
    if (useTree && search === "adaptive" && 2 * work > steps * leftAtOpen) useTree = false;
    if (left > 0 && bins + Math.max(1, runningContinuousBound(remaining, limit)) >= cutoff)
      return null;
  }
  return bins < cutoff ? { bins, binOf } : null;
}
