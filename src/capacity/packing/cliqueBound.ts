/**
 * The incompatibility-clique lower bound (`lowerBound.ts` lists it with the others): items that
 * pairwise exceed the capacity in some dimension need a bin each.
 * Typed-array reads use `!`: indices are in range by construction.
 */
import { decreasingOrder, type Instance } from "./instance";

/**
 * Size of a greedy clique of pairwise incompatible items (two items are incompatible when
 * their sum exceeds the limit in some dimension), largest first. Two items at most half the
 * capacity in every dimension always fit together, so a clique holds at most one of them.
 * At most about `maxChecks` pair tests are spent.
 */
export function cliqueBound(inst: Instance, maxChecks = 2_000_000): number {
  const { n } = inst;
  if (n === 0) return 0;
  const share = largestShares(inst);
  // The greedy reads the items by decreasing share: the big ones (above half a bin in some
  // dimension) first, sorted here; then the small ones, of which it takes at most one.
  const big = new Int32Array(n);
  let bigCount = 0;
  for (let i = 0; i < n; i++) if (share[i]! > 0.5) big[bigCount++] = i;
  // No big item (as with VMs): the greedy takes the first small one and stops.
  if (bigCount === 0) return 1;
  const sizes = new Float64Array(bigCount);
  for (let k = 0; k < bigCount; k++) sizes[k] = share[big[k]!]!;
  const order = decreasingOrder(sizes);
  for (let k = 0; k < bigCount; k++) order[k] = big[order[k]!]!;
  const clique = greedyClique(inst, order, maxChecks);
  if (clique.checks > maxChecks) return Math.max(clique.size, 1);
  return Math.max(clique.size + takesSmall(inst, share, clique, maxChecks - clique.checks), 1);
}

/** Largest normalised demand of each item over the dimensions. */
function largestShares(inst: Instance): Float64Array {
  const { n, d, norm } = inst;
  const share = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < d; j++) m = Math.max(m, norm[i * d + j]!);
    share[i] = m;
  }
  return share;
}

/** A greedy clique: its items (the first `size` of `members`) and the pair tests it spent. */
interface Clique {
  readonly members: Int32Array;
  readonly size: number;
  readonly checks: number;
}

/** Whether items i and c exceed the limit together in some dimension. */
function conflict(inst: Instance, i: number, c: number): boolean {
  const { d, demand, limit } = inst;
  for (let j = 0; j < d; j++) if (demand[i * d + j]! + demand[c * d + j]! > limit[j]!) return true;
  return false;
}

/**
 * The greedy clique of {@link cliqueBound} over the big items in `order` (by decreasing
 * share): each joins when it conflicts with every item taken so far; it stops once it has spent
 * more than `maxChecks` pair tests. Kept apart, on typed arrays, so that each loop is optimised
 * with its own type feedback (one function holding both deoptimised a dozen times on a cold
 * 10,000-VM plan).
 */
function greedyClique(inst: Instance, order: Int32Array, maxChecks: number): Clique {
  const members = new Int32Array(order.length);
  let size = 0;
  let checks = 0;
  for (let k = 0; k < order.length && checks <= maxChecks; k++) {
    const i = order[k]!;
    let compatibleWithAll = true;
    for (let m = 0; m < size && compatibleWithAll; m++) {
      checks++;
      compatibleWithAll = conflict(inst, i, members[m]!);
    }
    if (compatibleWithAll) members[size++] = i;
  }
  return { members, size, checks };
}

/**
 * 1 when the greedy of {@link cliqueBound}, reading the small items after the big ones, takes
 * one; else 0. Two items at most half full everywhere always fit together, so it takes at most
 * one: the first, by decreasing share (ties: lowest index), that conflicts with every member.
 * It reaches that one unless the pair tests spent on the small items before it exceed
 * `budget`; a small item costs the members tested up to the first it does not conflict with.
 * Found in two linear passes instead of sorting the small items.
 */
function takesSmall(inst: Instance, share: Float64Array, clique: Clique, budget: number): number {
  const { n } = inst;
  const { members, size } = clique;
  const cost = new Int32Array(n);
  let taken = -1;
  for (let i = 0; i < n; i++) {
    if (share[i]! > 0.5) continue;
    let m = 0;
    while (m < size && conflict(inst, i, members[m]!)) m++;
    if (m < size) cost[i] = m + 1;
    else if (taken < 0 || share[i]! > share[taken]!) taken = i;
  }
  if (taken < 0) return 0;
  let before = 0;
  for (let i = 0; i < n; i++)
    if (share[i]! > share[taken]! || (share[i] === share[taken] && i < taken)) before += cost[i]!;
  return before <= budget ? 1 : 0;
}
