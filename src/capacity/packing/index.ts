/**
 * Multi-dimensional vector bin packing: pack item demand vectors into the fewest identical
 * bins, deterministically, and say how far from optimal the answer can be.
 *
 * `packVectors` runs a portfolio of greedy heuristics (first/best fit decreasing with several
 * size measures, bin-centric dot-product and L2 greedy), keeps the packing with the fewest
 * bins, then runs a bounded local search that tries to empty bins. See
 * `shared/reference/capacity-engine.md` §1 for the evidence behind the choice.
 */
import {
  isFeasiblePacking,
  prepareFlat,
  prepareInstance,
  type Instance,
  type Packing,
} from "./instance";
import { raiseByCompletion } from "./completion";
import { instanceLowerBound, strongLowerBound } from "./lowerBound";
import {
  DEFAULT_CHUNK_SIZE,
  DEFAULT_HEURISTICS,
  defaultLocalSearchEffort,
  packInstance,
} from "./portfolio";
import { packingMessages } from "./messages";
import type { PackOptions, PackingProblem, PackingResult } from "./types";

export type { HeuristicName, PackOptions, PackingProblem, PackingResult } from "./types";
export { parseVbp, VBP_MAX_ITEMS } from "./vbp";
export { packingMessages } from "./messages";
export { ALL_HEURISTICS } from "./heuristics";
export { DEFAULT_CHUNK_SIZE, defaultLocalSearchEffort } from "./portfolio";
export { RELATIVE_TOLERANCE, loadLimits } from "./instance";

/**
 * A lower bound on the bins needed by the items that fit an empty bin: the largest of the
 * continuous bound (max over dimensions of ⌈total demand / capacity⌉), the per-dimension
 * Martello–Toth bound, a greedy clique of pairwise incompatible items and, up to 5,000 items,
 * the surrogate bound over pairs of dimensions, the dual-feasible-function bounds, the
 * matching bound of large items and (up to 500 items) the split bound; see `lowerBound.ts`.
 * On 2-D integer data of up to 1,000 items with two or more per bin, raised further while a
 * node-bounded bin completion proves that no packing into that many bins exists
 * (`completion.ts`). 0 when no item fits.
 * Throws a RangeError for malformed problems (a programmer error).
 */
export function lowerBoundBins(problem: PackingProblem): number {
  const inst = prepareInstance(problem);
  return raiseByCompletion(inst, strongLowerBound(inst), Infinity).bound;
}

/** Bin of each caller item (−1: fits no empty bin), bins numbered in order of their first item. */
function assignmentOf(inst: Instance, packing: Packing): Int32Array {
  const assignment = new Int32Array(inst.totalItems).fill(-1);
  const renumber = new Int32Array(packing.bins).fill(-1);
  const byOriginal = new Int32Array(inst.totalItems).fill(-1);
  for (let k = 0; k < inst.n; k++) byOriginal[inst.original[k]!] = packing.binOf[k]!;
  let next = 0;
  for (let i = 0; i < inst.totalItems; i++) {
    const b = byOriginal[i]!;
    if (b < 0) continue;
    if (renumber[b]! < 0) renumber[b] = next++;
    assignment[i] = renumber[b]!;
  }
  return assignment;
}

/** {@link PackingResult} with the assignment as a typed array (the capacity engine's form). */
export interface FlatPackingResult extends Omit<PackingResult, "assignment"> {
  readonly assignment: Int32Array;
}

function packPrepared(inst: Instance, options: PackOptions): FlatPackingResult {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!(chunkSize >= 1)) throw new RangeError(packingMessages.chunkSize(chunkSize));
  const effort = options.localSearchEffort;
  if (effort !== undefined && !(effort >= 0))
    throw new RangeError(packingMessages.localSearchEffort(effort));
  if (options.heuristics?.length === 0) throw new RangeError(packingMessages.noHeuristics);
  const cheapBound = instanceLowerBound(inst);
  if (inst.n === 0)
    return {
      bins: 0,
      assignment: new Int32Array(inst.totalItems).fill(-1),
      lowerBound: 0,
      heuristic: "none",
    };
  const { packing, heuristic, lowerBound } = packInstance(
    inst,
    {
      heuristics: options.heuristics ?? DEFAULT_HEURISTICS,
      localSearchEffort: effort ?? defaultLocalSearchEffort(inst.n),
      chunkSize,
      seed: options.seed ?? 1,
    },
    cheapBound
  );
  if (!isFeasiblePacking(inst, packing)) throw new Error(packingMessages.infeasible(heuristic));
  return { bins: packing.bins, assignment: assignmentOf(inst, packing), lowerBound, heuristic };
}

/**
 * Packs the item vectors into as few bins of `capacity` as it can find.
 *
 * Runs every heuristic of the portfolio, keeps the fewest bins, then lets the local search
 * empty bins until it reaches `lowerBound` or spends `localSearchEffort`. Above 1.5 ×
 * `chunkSize` items, packs representative chunks one after another and joins them.
 * Items exceeding the capacity of an empty bin in some dimension get assignment -1 and are not
 * counted. Load limits are exact for integer data; non-integer dimensions allow a relative
 * 1e-9 above capacity for rounding. Deterministic: the same problem and options always give
 * the same result. Throws a RangeError for malformed problems (a programmer error).
 */
export function packVectors(problem: PackingProblem, options: PackOptions = {}): PackingResult {
  const result = packPrepared(prepareInstance(problem), options);
  return { ...result, assignment: Array.from(result.assignment) };
}

/**
 * {@link packVectors} for `count` items given flat (`demand[i*d+j]`), as the capacity engine
 * holds them: no array per item, the assignment typed. The numbers are trusted (finite, ≥ 0).
 */
export function packFlat(
  capacity: readonly number[],
  demand: Float64Array,
  count: number,
  options: PackOptions = {}
): FlatPackingResult {
  return packPrepared(prepareFlat(capacity, demand, count), options);
}
