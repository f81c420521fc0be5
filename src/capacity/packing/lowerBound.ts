/**
 * Lower bounds on the number of bins, for the items that fit an empty bin.
 *
 * Each bound relaxes the problem to something every feasible packing must satisfy, so the
 * largest of them is still a bound:
 * - continuous: in each dimension, total demand / capacity, rounded up;
 * - Martello–Toth L2 per dimension: the classic 1-D bound that counts items above half a
 *   bin separately (Martello & Toth 1990, "Knapsack Problems", §8.3.1), applied to each
 *   dimension on its own;
 * - incompatibility clique: items that pairwise exceed the capacity in some dimension need
 *   a bin each (Johnson-style greedy clique, limited in work);
 * - surrogate: the 1-D bounds of weighted sums of two dimensions (Caprara & Toth 2001);
 * - dual feasible functions: 1-D bounds that round item sizes up to fractions a bin can hold
 *   only so many of (Fekete & Schepers 2001), which count items per bin — e.g. "no three of
 *   these fit together" — where the sums above see room to spare;
 * - matching: items above half a bin in one of two dimensions, at most two to a bin, paired
 *   by a maximum bipartite matching (the exact largest clique among them);
 * - split: two sets of items no bin can mix, each bounded on its own (Caprara & Toth 2001,
 *   L_H type).
 * Typed-array reads use `!`: indices are in range by construction.
 */
import { cliqueBound } from "./cliqueBound";
import { descendingDemands, subInstance, type Instance } from "./instance";

/** Guard against rounding: a quotient within 1e-9 above an integer counts as that integer. */
const CEIL_SLACK = 1e-9;

function ceilSafe(x: number): number {
  return Math.max(0, Math.ceil(x - CEIL_SLACK));
}

/** max over dimensions of ceil(total demand / capacity); at least 1 when any item exists. */
export function continuousBound(inst: Instance): number {
  const { n, d, demand, limit } = inst;
  if (n === 0) return 0;
  let bound = 1;
  for (let j = 0; j < d; j++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += demand[i * d + j]!;
    const cap = limit[j]!;
    if (cap > 0) bound = Math.max(bound, ceilSafe(total / cap));
  }
  return bound;
}

/**
 * Martello–Toth L2 bound of one dimension, with bin size `cap`:
 * max over K in {0} ∪ {sizes ≤ cap/2} of |J1| + |J2| + max(0, ⌈(ΣJ3 − (|J2|·cap − ΣJ2)) / cap⌉),
 * where J1 = sizes > cap − K, J2 = cap/2 < size ≤ cap − K, J3 = K ≤ size ≤ cap/2.
 */
export function martelloTothBound(sizesDescending: Float64Array, cap: number): number {
  const n = sizesDescending.length;
  if (n === 0 || cap <= 0) return n === 0 ? 0 : 1;
  const half = cap / 2;
  // big = items above half a bin: indices [0, big), found by bisection.
  let big = 0;
  let above = n;
  while (big < above) {
    const mid = (big + above) >> 1;
    if (sizesDescending[mid]! > half) big = mid + 1;
    else above = mid;
  }
  // prefix[i]: the first i sizes summed in order from 0 (so prefix[big] is the big items' total).
  const prefix = new Float64Array(n + 1);
  // The running sum is carried in a local, not read back from the array.
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += sizesDescending[i]!;
    prefix[i + 1] = sum;
  }
  const bigTotal = prefix[big]!;
  // The small items summed in order from 0: prefix[n] when there is no big one.
  let smallTotal = 0;
  if (big === 0) smallTotal = prefix[n]!;
  else for (let i = big; i < n; i++) smallTotal += sizesDescending[i]!;
  // K = 0: J1 = ∅ (sizes > cap impossible), J2 = big, J3 = all small items.
  let best = big + ceilSafe((smallTotal - (big * cap - bigTotal)) / cap);
  // K runs up through the distinct small sizes, each at the first of its copies: J3 (small
  // items ≥ K, up to the last copy of K) shrinks while J1 (big items > cap − K, a prefix of
  // the descending order) grows.
  let j1 = 0;
  let last = n - 1;
  for (let s = n - 1; s >= big; s--) {
    const k = sizesDescending[s]!;
    if (s + 1 < n && sizesDescending[s + 1]! !== k) last = s;
    if (s > big && sizesDescending[s - 1]! === k) continue;
    const j3Total = prefix[last + 1]! - prefix[big]!;
    while (j1 < big && sizesDescending[j1]! > cap - k) j1++;
    const j2Count = big - j1;
    const j2Total = prefix[big]! - prefix[j1]!;
    const spare = j2Count * cap - j2Total;
    const value = big + Math.max(0, ceilSafe((j3Total - spare) / cap));
    if (value > best) best = value;
  }
  return Math.max(best, 1);
}

/** Best Martello–Toth L2 bound over the dimensions taken one at a time. */
export function perDimensionBound(inst: Instance): number {
  const { n, d, limit } = inst;
  if (n === 0) return 0;
  let bound = 1;
  const columns = descendingDemands(inst);
  for (let j = 0; j < d; j++) bound = Math.max(bound, martelloTothBound(columns[j]!, limit[j]!));
  return bound;
}

/** The largest of the continuous, per-dimension Martello–Toth and clique bounds (the cheap ones). */
export function instanceLowerBound(inst: Instance): number {
  if (inst.n === 0) return 0;
  return Math.max(continuousBound(inst), perDimensionBound(inst), cliqueBound(inst));
}

/**
 * The strongest bound: the cheap ones and the {@link surrogateBound}. The packer asks for the
 * surrogate only when its greedy packing is above the cheap bound (below it, the surrogate
 * cannot be higher), so both report the same number.
 */
export function strongLowerBound(inst: Instance): number {
  return Math.max(instanceLowerBound(inst), proofBound(inst));
}

/**
 * The bounds the packer computes only when its greedy packing is above the cheap ones: the
 * {@link surrogateBound}, the {@link dualFeasibleBound} of each dimension and surrogate, the
 * {@link matchingBound} of each pair of dimensions and the {@link splitBound}; or `atLeast`
 * (a bound the caller holds) when that is larger, which lets the surrogate skip work.
 */
export function proofBound(inst: Instance, atLeast = 0): number {
  const { n, d, limit } = inst;
  if (n === 0 || n > SURROGATE_MAX_ITEMS) return Math.max(atLeast, surrogateBound(inst, atLeast));
  const split = n <= FINE_PROOF_MAX_ITEMS ? splitBound(inst) : 0;
  let bound = Math.max(atLeast, surrogateBound(inst, atLeast), split);
  const columns = descendingDemands(inst);
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  for (let j = 0; j < d; j++) {
    bound = Math.max(bound, dualFeasibleBound(columns[j]!, limit[j]!, "descending"));
    for (let k = j + 1; k < d; k++) bound = Math.max(bound, matchingBound(inst, all, j, k));
  }
  return bound;
}

/** Most items whose sizes a call of {@link dualFeasibleBound} tries as thresholds ε. */
const DFF_THRESHOLDS = 16;
/** Largest k of the Fekete–Schepers functions u^(k) tried. */
const DFF_MAX_K = 8;
/**
 * Sizes are shrunk by this share before rounding, so that a size computed a hair above an
 * exact fraction (1/3 as 0.33333333334) never rounds up: smaller sizes only relax the problem.
 */
const DFF_SHRINK = 1e-9;

/**
 * Best bound ⌈Σ f(x_i)⌉ over a family of dual feasible functions f, for items of sizes `sizes`
 * (any order, or decreasing when `order` says so) in bins of size `cap`. A function f: [0,1] → [0,1] is dual feasible when
 * Σ x_i ≤ 1 implies Σ f(x_i) ≤ 1; then every bin holds items of total f at most 1, so
 * ⌈Σ f(x_i)⌉ bins are needed. The family (Fekete & Schepers, "New classes of fast lower bounds
 * for bin packing problems", Math. Programming 91:11–31, 2001) composes
 * - f_ε(x) = 1 above 1 − ε, 0 below ε, x between (ε = 0 and up to {@link DFF_THRESHOLDS} item
 *   sizes ≤ 1/2), with
 * - u^(k)(x) = x when (k+1)·x is an integer, else ⌊(k+1)·x⌋ / k (k = 1..{@link DFF_MAX_K}, or
 *   none): k + 1 items above 1/(k+1) never share a bin, so each counts 1/k.
 * u^(2) proves, for example, that items all above a third of the bin need ⌈n/2⌉ bins.
 */
export function dualFeasibleBound(
  sizes: Float64Array,
  cap: number,
  order: "any" | "descending" = "any"
): number {
  const n = sizes.length;
  if (n === 0) return 0;
  if (!(cap > 0)) return 1;
  const x = new Float64Array(n);
  // Decreasing sizes read from the end give the shares sorted (each step of a share is monotone).
  const last = order === "descending" ? n - 1 : -1;
  for (let i = 0; i < n; i++)
    x[i] = Math.min(1, (sizes[last < 0 ? i : last - i]! / cap) * (1 - DFF_SHRINK));
  if (last < 0) x.sort();
  // Thresholds: 0 and up to DFF_THRESHOLDS sizes ≤ 1/2, spread over their sorted order.
  let small = 0;
  while (small < n && x[small]! <= 0.5) small++;
  const firstPositive = x.findIndex((v) => v > 0);
  const thresholds = [0];
  if (firstPositive >= 0 && firstPositive < small) {
    const count = small - firstPositive;
    const step = Math.max(1, count / DFF_THRESHOLDS);
    for (let t = 0; t < count; t += step) {
      const e = x[firstPositive + Math.floor(t)]!;
      if (e !== thresholds[thresholds.length - 1]) thresholds.push(e);
    }
  }
  // prefix[k][i]: Σ u^(k)(x) over the i smallest sizes (k = 0: u is the identity).
  // The rows share one buffer; each running sum is carried in a local, not read back.
  const rows = new Float64Array((DFF_MAX_K + 1) * (n + 1));
  const prefix: Float64Array[] = [];
  for (let k = 0; k <= DFF_MAX_K; k++) {
    const row = rows.subarray(k * (n + 1), (k + 1) * (n + 1));
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let v = x[i]!;
      if (k > 0 && v < 1) {
        const scaled = (k + 1) * v;
        if (!Number.isInteger(scaled)) v = Math.floor(scaled) / k;
      }
      sum += v;
      row[i + 1] = sum;
    }
    prefix.push(row);
  }
  // First index whose size is ≥ (above = false) or > (above = true) `value`.
  const search = (value: number, above: boolean): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (above ? x[mid]! <= value : x[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let best = 1;
  for (const e of thresholds) {
    // f_ε: sizes below ε count 0, above 1 − ε count 1 (u^(k)(1) = 1), the rest u^(k)(x).
    const from = search(e, false);
    const to = Math.max(from, search(1 - e, true));
    for (let k = 0; k <= DFF_MAX_K; k++) {
      const total = n - to + prefix[k]![to]! - prefix[k]![from]!;
      best = Math.max(best, ceilSafe(total));
    }
  }
  return best;
}

/**
 * {@link martelloTothBound} of items given as sizes (descending) with a count each: the same
 * bound as the expanded list, in O(groups) after sorting.
 */
export function martelloTothBoundCounted(
  sizesDescending: Float64Array,
  counts: Float64Array,
  cap: number
): number {
  const g = sizesDescending.length;
  let n = 0;
  for (let i = 0; i < g; i++) n += counts[i]!;
  if (n === 0 || cap <= 0) return n === 0 ? 0 : 1;
  const half = cap / 2;
  let bigGroups = 0;
  let big = 0;
  let bigTotal = 0;
  while (bigGroups < g && sizesDescending[bigGroups]! > half) {
    big += counts[bigGroups]!;
    bigTotal += counts[bigGroups]! * sizesDescending[bigGroups]!;
    bigGroups++;
  }
  // prefix[i]: total size of groups [0, i); prefixCount likewise in items.
  const prefix = new Float64Array(g + 1);
  const prefixCount = new Float64Array(g + 1);
  for (let i = 0; i < g; i++) {
    prefix[i + 1] = prefix[i]! + counts[i]! * sizesDescending[i]!;
    prefixCount[i + 1] = prefixCount[i]! + counts[i]!;
  }
  const smallTotal = prefix[g]! - prefix[bigGroups]!;
  let best = big + ceilSafe((smallTotal - (big * cap - bigTotal)) / cap);
  let j1 = 0; // big groups with size > cap − K: a prefix
  for (let s = g - 1; s >= bigGroups; s--) {
    const k = sizesDescending[s]!;
    if (counts[s]! === 0) continue;
    if (s > bigGroups && sizesDescending[s - 1]! === k) continue; // each distinct K once
    let last = s;
    while (last + 1 < g && sizesDescending[last + 1]! >= k) last++;
    const j3Total = prefix[last + 1]! - prefix[bigGroups]!;
    while (j1 < bigGroups && sizesDescending[j1]! > cap - k) j1++;
    const j2Count = big - prefixCount[j1]!;
    const j2Total = prefix[bigGroups]! - prefix[j1]!;
    const spare = j2Count * cap - j2Total;
    const value = big + Math.max(0, ceilSafe((j3Total - spare) / cap));
    if (value > best) best = value;
  }
  return Math.max(best, 1);
}

/**
 * The bound of {@link instanceLowerBound} for items in groups of identical ones: `inst` holds
 * one item per group and `counts[i]` says how many items it stands for. Equal to the bound of
 * the expanded instance (up to the order of floating-point sums), at a cost in groups, not
 * items — a million VMs in ten inventory rows is ten groups.
 */
export function groupedLowerBound(inst: Instance, counts: Float64Array): number {
  const { n, d, demand, norm, limit } = inst;
  let items = 0;
  for (let i = 0; i < n; i++) items += counts[i]!;
  if (items === 0) return 0;
  // Continuous.
  let bound = 1;
  for (let j = 0; j < d; j++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += counts[i]! * demand[i * d + j]!;
    if (limit[j]! > 0) bound = Math.max(bound, ceilSafe(total / limit[j]!));
  }
  // Martello–Toth per dimension.
  const order = new Int32Array(n);
  const sizes = new Float64Array(n);
  const sorted = new Float64Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) {
      order[i] = i;
      sizes[i] = demand[i * d + j]!;
    }
    order.sort((a, b) => sizes[b]! - sizes[a]! || a - b);
    const c = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      sorted[k] = sizes[order[k]!]!;
      c[k] = counts[order[k]!]!;
    }
    bound = Math.max(bound, martelloTothBoundCounted(sorted, c, limit[j]!));
  }
  // Greedy clique, largest first: a group joins whole when its items conflict with each other.
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    order[i] = i;
    let m = 0;
    for (let j = 0; j < d; j++) m = Math.max(m, norm[i * d + j]!);
    key[i] = m;
  }
  order.sort((a, b) => key[b]! - key[a]! || a - b);
  const conflict = (a: number, b: number): boolean => {
    for (let j = 0; j < d; j++)
      if (demand[a * d + j]! + demand[b * d + j]! > limit[j]!) return true;
    return false;
  };
  const clique: number[] = [];
  let size = 0;
  let smallTaken = false;
  for (const i of order) {
    if (counts[i]! === 0) continue;
    const isBig = key[i]! > 0.5;
    if (!isBig && smallTaken) break;
    if (!clique.every((c) => conflict(i, c))) continue;
    clique.push(i);
    size += isBig && conflict(i, i) ? counts[i]! : 1;
    if (!isBig) smallTaken = true;
  }
  return Math.max(bound, size, 1);
}

/** Items up to which {@link surrogateBound} is worth its sorts (larger instances are chunked). */
export const SURROGATE_MAX_ITEMS = 5_000;
/**
 * Items up to which the proof step spends more: surrogate multipliers in twentieths with the
 * {@link dualFeasibleBound} of each, and the {@link splitBound}. Above it (the chunks of a
 * large inventory, ~1,000 VMs each) the surrogate keeps tenths and Martello–Toth alone, as
 * before: there the items are small against a host, where those bounds add nothing, and the
 * planner's time matters more.
 */
export const FINE_PROOF_MAX_ITEMS = 500;

/** Capacity of the surrogate sizes: 1, with slack so that a rounded sum never rules out a fit. */
const SURROGATE_CAP = 1 + 1e-9;
/**
 * A multiplier is skipped when its total is below `atLeast` bins by this factor, far beyond the
 * rounding of a sum in any order (under n·2⁻⁵³ relative, 6e-13 for 5,000 items).
 */
const SKIP_MARGIN = 1 - 1e-9;

/**
 * The surrogate bound (Caprara & Toth 2001, the "L2-type" bounds of 2-D vector packing): any
 * bin's items satisfy Σ_j λ_j·load_j / limit_j ≤ 1 for multipliers λ ≥ 0 summing to 1, so the
 * 1-D Martello–Toth bound and the {@link dualFeasibleBound} of the sizes Σ_j λ_j·x_j / limit_j
 * (capacity 1) bound the bins.
 * Multipliers: in twentieths (tenths, without the dual feasible functions, above
 * {@link FINE_PROOF_MAX_ITEMS} items), for every pair of dimensions that both bind (each at least 80 % as
 * loaded in total as the most loaded one: a pair with a slack dimension bounds no better than
 * its tight one alone). It proves optima that each dimension alone cannot (a bin too full in
 * CPU when it is light in memory, and the other way round). The capacity carries 1e-9 of
 * slack so that a rounded surrogate sum never rules out a fit. 0 above
 * {@link SURROGATE_MAX_ITEMS} items.
 *
 * Multipliers whose bound cannot exceed `atLeast` may be skipped (the result is then at most
 * `atLeast`, so the largest of the two is the same): with no surrogate size above half a bin,
 * Martello–Toth is the rounded-up total, which an unsorted sum bounds within rounding, and the
 * sort it saves is most of the cost.
 */
export function surrogateBound(inst: Instance, atLeast = 0): number {
  const { n, d, demand, limit } = inst;
  if (n === 0 || n > SURROGATE_MAX_ITEMS || d < 2) return 0;
  const load = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    if (!(limit[j]! > 0)) continue;
    for (let i = 0; i < n; i++) load[j] = load[j]! + demand[i * d + j]!;
    load[j] = load[j]! / limit[j]!;
  }
  const binding = 0.8 * Math.max(...load);
  const fine = n <= FINE_PROOF_MAX_ITEMS;
  const steps = fine ? 20 : 10;
  const sizes = new Float64Array(n);
  let bound = 0;
  for (let a = 0; a < d; a++) {
    if (!(limit[a]! > 0) || load[a]! < binding) continue;
    for (let b = a + 1; b < d; b++) {
      if (!(limit[b]! > 0) || load[b]! < binding) continue;
      for (let step = 1; step < steps; step++) {
        const la = step / steps / limit[a]!;
        const lb = (1 - step / steps) / limit[b]!;
        let total = 0;
        let largest = 0;
        for (let i = 0; i < n; i++) {
          const size = la * demand[i * d + a]! + lb * demand[i * d + b]!;
          sizes[i] = size;
          total += size;
          if (size > largest) largest = size;
        }
        // No size above half a bin: Martello–Toth is max(1, the rounded-up sorted total).
        const small = largest <= SURROGATE_CAP / 2;
        if (!fine && atLeast >= 1 && small && total <= atLeast * SURROGATE_CAP * SKIP_MARGIN)
          continue;
        sizes.sort();
        sizes.reverse();
        bound = Math.max(bound, martelloTothBound(sizes, SURROGATE_CAP));
        if (fine) bound = Math.max(bound, dualFeasibleBound(sizes, SURROGATE_CAP, "descending"));
      }
    }
  }
  return bound;
}

/** Largest |a-only| × |b-only| for which {@link matchingBound} runs its matching. */
const MATCHING_MAX_PAIRS = 250_000;

/**
 * Bins needed by the items of `items` that are large (above half the limit) in dimension a or
 * b. A bin holds at most one item large in a and one large in b, so at most two of these, and
 * two only when one is large in a alone, the other in b alone, and they fit together: the
 * bins number at least (large items) − (a maximum matching of such compatible pairs). The
 * matching is bipartite (a-only against b-only) and found by augmenting paths (Kuhn 1955).
 * 0 when the pairs to consider exceed {@link MATCHING_MAX_PAIRS}.
 */
export function matchingBound(inst: Instance, items: Int32Array, a: number, b: number): number {
  const { d, demand, limit } = inst;
  // 2·x is exact in floating point, so "2·x > limit" for both items means their sum exceeds it.
  const large = (i: number, j: number): boolean => 2 * demand[i * d + j]! > limit[j]!;
  const onlyA: number[] = [];
  const onlyB: number[] = [];
  let both = 0;
  for (const i of items) {
    const inA = large(i, a);
    const inB = large(i, b);
    if (inA && inB) both++;
    else if (inA) onlyA.push(i);
    else if (inB) onlyB.push(i);
  }
  if (onlyA.length * onlyB.length > MATCHING_MAX_PAIRS) return 0;
  const partners = onlyA.map((i) =>
    onlyB.flatMap((k, at) => {
      for (let j = 0; j < d; j++)
        if (demand[i * d + j]! + demand[k * d + j]! > limit[j]!) return [];
      return [at];
    })
  );
  const matchOfB = new Int32Array(onlyB.length).fill(-1);
  const seen = new Int32Array(onlyB.length).fill(-1);
  const augment = (x: number, round: number): boolean => {
    for (const y of partners[x]!) {
      if (seen[y] === round) continue;
      seen[y] = round;
      if (matchOfB[y]! < 0 || augment(matchOfB[y]!, round)) {
        matchOfB[y] = x;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let x = 0; x < onlyA.length; x++) if (augment(x, x)) matched++;
  return both + onlyA.length + onlyB.length - matched;
}

/** Thresholds α (share of the limit) of {@link splitBound}, in each of its two dimensions. */
const SPLIT_THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45];

/** Pair tests of the greedy clique inside {@link partBound} (each part is bounded 72 times). */
const PART_CLIQUE_CHECKS = 20_000;

/** Continuous, per-dimension Martello–Toth, clique and matching bound of the items `items`. */
function partBound(inst: Instance, items: Int32Array, a: number, b: number): number {
  if (items.length === 0) return 0;
  const sub = subInstance(inst, items);
  return Math.max(
    continuousBound(sub),
    perDimensionBound(sub),
    cliqueBound(sub, PART_CLIQUE_CHECKS),
    matchingBound(inst, items, a, b)
  );
}

/**
 * The split bound, after the L_H-type bounds of Caprara & Toth (2001) for 2-D vector packing:
 * for dimensions a, b and thresholds α, β, let M2 be the items with at least α of the limit in
 * a and β in b, and M1 the other items too big to share a bin with any of them (in a or b,
 * more than the limit minus the smallest of M2). No bin holds items of both, so the bins
 * number at least bound(M1) + bound(M2), each part bounded by {@link partBound}. Tried for
 * the two most loaded dimensions and α, β in {@link SPLIT_THRESHOLDS}. It proves optima where large items of one shape crowd out the
 * rest (Caprara–Toth classes 2 and 3), which neither the sums nor the counts see.
 */
export function splitBound(inst: Instance): number {
  const { n, d, demand, limit } = inst;
  if (n === 0 || d < 2) return 0;
  const load = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    if (!(limit[j]! > 0)) continue;
    for (let i = 0; i < n; i++) load[j] = load[j]! + demand[i * d + j]!;
    load[j] = load[j]! / limit[j]!;
  }
  // The two most loaded dimensions (lowest index first among equals): each pair costs 72 part
  // bounds, so with many dimensions only the pair most likely to bind is tried.
  const byLoad = Array.from({ length: d }, (_, j) => j)
    .filter((j) => limit[j]! > 0)
    .sort((x, y) => load[y]! - load[x]! || x - y);
  if (byLoad.length < 2) return 0;
  const a = Math.min(byLoad[0]!, byLoad[1]!);
  const b = Math.max(byLoad[0]!, byLoad[1]!);
  let bound = 0;
  const inM2 = new Uint8Array(n);
  for (const alpha of SPLIT_THRESHOLDS) {
    for (const beta of SPLIT_THRESHOLDS) {
      const m2: number[] = [];
      let minA = Infinity;
      let minB = Infinity;
      for (let i = 0; i < n; i++) {
        const xa = demand[i * d + a]!;
        const xb = demand[i * d + b]!;
        inM2[i] = xa >= alpha * limit[a]! && xb >= beta * limit[b]! ? 1 : 0;
        if (inM2[i] === 0) continue;
        m2.push(i);
        minA = Math.min(minA, xa);
        minB = Math.min(minB, xb);
      }
      if (m2.length === 0) continue;
      // The same sums as a bin's load check: if they exceed the limit, so does any pair.
      const m1: number[] = [];
      for (let i = 0; i < n; i++) {
        if (inM2[i] === 1) continue;
        if (demand[i * d + a]! + minA > limit[a]! || demand[i * d + b]! + minB > limit[b]!)
          m1.push(i);
      }
      if (m1.length === 0) continue;
      bound = Math.max(
        bound,
        partBound(inst, Int32Array.from(m1), a, b) + partBound(inst, Int32Array.from(m2), a, b)
      );
    }
  }
  return bound;
}
