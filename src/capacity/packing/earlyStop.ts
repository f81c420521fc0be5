/**
 * What lets a heuristic stop early: a bound on the bins the demand it has not packed yet still
 * needs, from sums it keeps as it goes. Typed-array reads use `!`: indices are in range.
 */
import type { Instance } from "./instance";

/**
 * Slack, in bins, of {@link runningContinuousBound}: sums kept by adding and subtracting item
 * demands as a packing proceeds carry rounding errors many orders of magnitude below this.
 */
const RUNNING_SUM_SLACK = 1e-6;

/**
 * max over dimensions of ⌈demand_j / limit_j⌉ (0 when nothing is left), for `demand` kept as a
 * running sum while a heuristic packs: a bound on the bins that demand still needs.
 */
export function runningContinuousBound(demand: Float64Array, limit: Float64Array): number {
  let bins = 0;
  for (let j = 0; j < limit.length; j++) {
    if (!(limit[j]! > 0)) continue;
    const needed = Math.ceil(demand[j]! / limit[j]! - RUNNING_SUM_SLACK);
    if (needed > bins) bins = needed;
  }
  return bins;
}

/** Items the item-centric heuristics place between two checks of {@link needsCutoff}. */
export const CUTOFF_CHECK_ITEMS = 32;

/**
 * What {@link needsCutoff} reads, for items placed in `order`: the total demand and, at
 * `k*d+j`, the least demand in dimension j of the items at positions k… (Infinity for k = n).
 */
export interface CutoffData {
  readonly total: Float64Array;
  readonly leastFrom: Float64Array;
  /** Scratch: demand outside the closed bins. */
  readonly rest: Float64Array;
}

/** The {@link CutoffData} of `inst` for items placed in `order`. */
export function cutoffData(inst: Instance, order: Int32Array): CutoffData {
  const { n, d, demand } = inst;
  const total = new Float64Array(d);
  const leastFrom = new Float64Array((n + 1) * d).fill(Infinity);
  for (let k = n - 1; k >= 0; k--) {
    const base = order[k]! * d;
    for (let j = 0; j < d; j++) {
      const v = demand[base + j]!;
      total[j] = total[j]! + v;
      leastFrom[k * d + j] = Math.min(leastFrom[(k + 1) * d + j]!, v);
    }
  }
  return { total, leastFrom, rest: new Float64Array(d) };
}

/**
 * True when an item-centric packing in progress needs `cutoff` bins or more. `bins` bins hold
 * loads `load` (at `b*d+j`) and the items from position `next` of the order are still to
 * place. A bin too full for the least demand left in some dimension is closed: no item left
 * fits it. The demand outside the closed bins needs at least its continuous bound of others.
 */
export function needsCutoff(
  inst: Instance,
  data: CutoffData,
  load: Float64Array,
  bins: number,
  next: number,
  cutoff: number
): boolean {
  const { d, limit } = inst;
  const { rest, leastFrom } = data;
  rest.set(data.total);
  let closed = 0;
  for (let b = 0; b < bins; b++) {
    let full = false;
    for (let j = 0; j < d && !full; j++)
      full = load[b * d + j]! + leastFrom[next * d + j]! > limit[j]!;
    if (!full) continue;
    closed++;
    for (let j = 0; j < d; j++) rest[j] = rest[j]! - load[b * d + j]!;
  }
  return closed + runningContinuousBound(rest, limit) >= cutoff;
}
