/**
 * Reference copy of the constructive heuristics as they were before issue 16's speed work
 * (src/capacity/packing/heuristics.ts at a50603d): the straightforward O(n²·d) scans, a fresh
 * sort per heuristic. Tests only: the property test in heuristics.properties.test.ts checks
 * that the production heuristics make exactly the same choices.
 * Typed-array reads use `!`: indices are in range by construction.
 */
import type { Instance, Packing } from "../../../src/capacity/packing/instance";
import type { HeuristicName } from "../../../src/capacity/packing/types";

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

/** Item indices by decreasing size, ties by increasing index. */
export function decreasingOrder(sizes: Float64Array): Int32Array {
  const order = new Int32Array(sizes.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  return order;
}

/** Weights of 1 in every dimension. */
export function unitWeights(d: number): Float64Array {
  return new Float64Array(d).fill(1);
}

/**
 * First fit in the given order: each item goes to the lowest-numbered bin it fits.
 * A segment tree of per-dimension maximum free capacity over bins finds that bin in about
 * O(d log n) instead of scanning every open bin, so 100,000 items take milliseconds.
 */
export function firstFit(inst: Instance, order: Int32Array): Packing {
  const { n, d, demand, limit } = inst;
  let size = 1;
  let depth = 1;
  while (size < n) {
    size <<= 1;
    depth++;
  }
  const free = new Float64Array(2 * size * d);
  for (let node = 1; node < 2 * size; node++) free.set(limit, node * d);
  const load = new Float64Array(size * d);
  const binOf = new Int32Array(n);
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
    let node = size + b;
    for (let j = 0; j < d; j++) {
      const l = load[b * d + j]! + demand[base + j]!;
      load[b * d + j] = l;
      free[node * d + j] = limit[j]! - l;
    }
    node >>= 1;
    while (node >= 1) {
      const left = 2 * node * d;
      const right = left + d;
      for (let j = 0; j < d; j++) {
        const a = free[left + j]!;
        const c = free[right + j]!;
        free[node * d + j] = a > c ? a : c;
      }
      node >>= 1;
    }
  }
  return { bins, binOf };
}

/**
 * Best fit in the given order: each item goes to the open bin with the largest weighted
 * normalised load that it fits (ties: lowest index), else a new bin. O(n · bins · d).
 */
export function bestFit(inst: Instance, order: Int32Array, weights: Float64Array): Packing {
  const { n, d, demand, norm, limit } = inst;
  const load = new Float64Array(n * d);
  const fullness = new Float64Array(n);
  const binOf = new Int32Array(n);
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
    if (best < 0) best = bins++;
    binOf[i] = best;
    let f = fullness[best]!;
    for (let j = 0; j < d; j++) {
      load[best * d + j] = load[best * d + j]! + demand[base + j]!;
      f += weights[j]! * norm[base + j]!;
    }
    fullness[best] = f;
  }
  return { bins, binOf };
}

/** Scoring rule of the bin-centric heuristics. */
export type BinCentricRule = "dot" | "l2";

/**
 * Bin-centric greedy: open a bin, repeatedly add the fitting item with the best score against
 * the bin's normalised free capacity r, close the bin when nothing fits, open the next.
 * `dot` maximises Σ w_j·x_j·r_j; `l2` minimises Σ w_j·(r_j − x_j)², i.e. maximises
 * Σ w_j·x_j·(2r_j − x_j). With `dynamicWeights`, w is recomputed from the items still
 * unpacked each time a bin opens. O(n²·d); no allocation in the scan.
 */
export function binCentric(
  inst: Instance,
  rule: BinCentricRule,
  dynamicWeights: boolean,
  initialOrder: Int32Array
): Packing {
  const { n, d, demand, norm, limit } = inst;
  const alive = Int32Array.from(initialOrder);
  let aliveCount = n;
  const binOf = new Int32Array(n);
  const weights = Float64Array.from(inst.avgWeights);
  const load = new Float64Array(d);
  const freeNorm = new Float64Array(d);
  // score(x) = Σ_j x_j·(linear_j − quadratic_j·x_j): dot uses (w·r, 0), l2 uses (2·w·r, w).
  const linear = new Float64Array(d);
  const quadratic = new Float64Array(d);
  let bins = 0;
  while (aliveCount > 0) {
    if (dynamicWeights) {
      weights.fill(0);
      let grand = 0;
      for (let k = 0; k < aliveCount; k++) {
        const base = alive[k]! * d;
        for (let j = 0; j < d; j++) weights[j] = weights[j]! + norm[base + j]!;
      }
      for (let j = 0; j < d; j++) grand += weights[j]!;
      for (let j = 0; j < d; j++) weights[j] = grand > 0 ? weights[j]! / grand : 1 / d;
    }
    const b = bins++;
    load.fill(0);
    freeNorm.fill(1);
    for (;;) {
      for (let j = 0; j < d; j++) {
        linear[j] = (rule === "dot" ? 1 : 2) * weights[j]! * freeNorm[j]!;
        quadratic[j] = rule === "dot" ? 0 : weights[j]!;
      }
      let bestK = -1;
      let bestScore = -Infinity;
      for (let k = 0; k < aliveCount; k++) {
        const base = alive[k]! * d;
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
        if (fits && score > bestScore) {
          bestScore = score;
          bestK = k;
        }
      }
      if (bestK < 0) break;
      const i = alive[bestK]!;
      // Remove keeping order, so ties keep favouring the earlier (larger) item.
      alive.copyWithin(bestK, bestK + 1, aliveCount);
      aliveCount--;
      binOf[i] = b;
      const base = i * d;
      for (let j = 0; j < d; j++) {
        load[j] = load[j]! + demand[base + j]!;
        freeNorm[j] = freeNorm[j]! - norm[base + j]!;
      }
    }
  }
  return { bins, binOf };
}

/** Runs one named heuristic. */
export function runHeuristic(inst: Instance, name: HeuristicName): Packing {
  const [family, sizeOrRule, weighting] = name.split("-") as [string, string, string];
  const unit = unitWeights(inst.d);
  if (family === "bc") {
    const order = decreasingOrder(itemSizes(inst, "l1", inst.avgWeights));
    return binCentric(inst, sizeOrRule as BinCentricRule, weighting === "dyn", order);
  }
  const weights = weighting === "unit" ? unit : inst.avgWeights;
  const order = decreasingOrder(itemSizes(inst, sizeOrRule as SizeKind, weights));
  return family === "ffd" ? firstFit(inst, order) : bestFit(inst, order, inst.avgWeights);
}
