/**
 * The packing strategy: run a portfolio of heuristics, keep the fewest bins, improve that
 * packing with the local search. Many items are packed in representative chunks that are
 * then joined, which keeps the O(n²) parts of the work at chunk size.
 * Typed-array reads use `!`: indices are in range by construction.
 */
import { ALL_HEURISTICS, decreasingOrder, itemSizes, runHeuristic } from "./heuristics";
import { subInstance, type Instance, type Packing } from "./instance";
import { improvePacking } from "./localSearch";
import { exactStepsApply, raiseByCompletion, searchShareAfterCompletion } from "./completion";
import { packingMessages } from "./messages";
import { instanceLowerBound, proofBound } from "./lowerBound";
import type { HeuristicName } from "./types";

/** Resolved settings of {@link packInstance}. */
export interface PortfolioSettings {
  readonly heuristics: readonly HeuristicName[];
  /** Local-search budget in feasibility checks for the whole instance. */
  readonly localSearchEffort: number;
  /** Target items per chunk; instances above 1.5 × this are chunked. */
  readonly chunkSize: number;
  readonly seed: number;
}

/** A packing with the name of the heuristic that produced it. */
export interface NamedPacking {
  readonly packing: Packing;
  readonly heuristic: string;
}

/** The strategy's packing and the best lower bound it proved on the way. */
export interface PortfolioResult extends NamedPacking {
  readonly lowerBound: number;
}

/** Default local-search budget: 2,000,000 feasibility checks plus 4,000 per item. */
export function defaultLocalSearchEffort(itemCount: number): number {
  return 2_000_000 + 4_000 * itemCount;
}

/** Default target items per chunk. */
export const DEFAULT_CHUNK_SIZE = 1_000;
/** Share of the local-search budget spent inside chunks; the final pass over all bins gets the rest. */
const CHUNK_SHARE = 0.8;
/**
 * Most feasibility checks of the final pass over all bins of a chunked packing. It only tries to
 * empty the few light bins the chunks leave; on 10,000 and 100,000 VMs a larger budget found no
 * further bin (5,424 hosts for 100,000 either way) and cost a second of search.
 */
const FINAL_PASS_EFFORT = 5_000_000;
/**
 * Below this many items per bin of the greedy packing, the local search gets only
 * {@link FEW_ITEMS_EFFORT_SHARE} of its budget. With one or two items in most bins, emptying a
 * bin means re-pairing large items, which the greedy portfolio already does about as well: on
 * the 80 Caprara–Toth instances of classes 2 and 3 (1.5–1.9 items per bin) the search saved
 * no bin even with 10,000,000 checks each, while it spent half the time of the whole set on
 * the ones whose optimum no bound proves. Real inventories hold many VMs per host.
 */
const FEW_ITEMS_PER_BIN = 2;
const FEW_ITEMS_EFFORT_SHARE = 0.1;
/**
 * Share of the local-search budget where the exact steps apply (2-D integer data; bin
 * completion before the search and pool completion inside it do part of its work): on the
 * Caprara–Toth set 70 % gave 13,252 bins against 13,251 with all of it, in about 78 % of the
 * time.
 */
const TWO_D_EFFORT_SHARE = 0.7;
/**
 * Pool weight exponent where the exact steps apply: the pool then prefers many small items to
 * a few large ones a little more. On the Caprara–Toth set 1.5 gave 13,246 bins, against
 * 13,252 with 1, 13,249 with 1.25, 13,247 with 1.75 and 13,248 with 2; on the 5-D VM-like
 * items of the packing bench it lost bins (44 instead of 42 for 500), so elsewhere it stays 1.
 */
const TWO_D_WEIGHT_POWER = 1.5;

/** Lightest bins of each chunk whose items are carried into the next chunk. */
const CARRIED_BINS = 3;

/** The portfolio's packing, the lower bound known when it stopped and how many heuristics ran. */
export interface PortfolioRun {
  readonly greedy: NamedPacking;
  readonly lowerBound: number;
  readonly heuristicsRun: number;
}

/**
 * Runs the heuristics in order and keeps the first with the fewest bins, stopping once one
 * meets the lower bound (no later one can beat it). Starts from the cheap bound; once a
 * heuristic misses it, the surrogate and dual-feasible bounds are proved (on 2-D integer data
 * at once, where they often stand above the cheap one and let the portfolio stop early; on other
 * data only after the last heuristic, as they seldom rise there and a later heuristic often
 * meets the cheap bound). The bound returned is the same either way.
 */
export function runPortfolio(
  inst: Instance,
  names: readonly HeuristicName[],
  cheapBound: number
): PortfolioRun {
  const proveEarly = exactStepsApply(inst);
  let lowerBound = cheapBound;
  let proved = false;
  let best: NamedPacking | undefined;
  let heuristicsRun = 0;
  for (const name of names) {
    heuristicsRun++;
    // Only a packing of fewer bins than the best is kept: the others may stop early (null).
    const packing = runHeuristic(inst, name, best?.packing.bins);
    if (packing === null) continue;
    best = { packing, heuristic: name };
    if (best.packing.bins <= lowerBound) break;
    if (proveEarly && !proved) {
      lowerBound = proofBound(inst, lowerBound);
      proved = true;
      if (best.packing.bins <= lowerBound) break;
    }
  }
  if (best === undefined) throw new RangeError(packingMessages.noHeuristics);
  if (best.packing.bins > lowerBound && !proved) lowerBound = proofBound(inst, lowerBound);
  return { greedy: best, lowerBound, heuristicsRun };
}

function improve(
  inst: Instance,
  start: NamedPacking,
  effort: number,
  seed: number,
  lowerBound: number
): NamedPacking {
  if (effort <= 0 || start.packing.bins <= lowerBound) return start;
  const result = improvePacking(inst, start.packing, {
    effort,
    seed,
    lowerBound,
    completion: exactStepsApply(inst),
    weightPower: exactStepsApply(inst) ? TWO_D_WEIGHT_POWER : 1,
  });
  return result.binsSaved > 0
    ? { packing: result.packing, heuristic: `${start.heuristic}+ls` }
    : start;
}

function packWhole(
  inst: Instance,
  settings: PortfolioSettings,
  cheapBound: number
): PortfolioResult {
  // The portfolio proves the surrogate and dual-feasible bounds when the cheap one is not met:
  // they may show the greedy packing is optimal already, or tell the search where to stop.
  const portfolio = runPortfolio(inst, settings.heuristics, cheapBound);
  const greedy = portfolio.greedy;
  let lowerBound = portfolio.lowerBound;
  // On integer data, bin completion may pack the items into the bound's bins, or prove that
  // no such packing exists (the bound then rises). Its packing counts as search: with the
  // local search off, the greedy packing stands (the bound is the same either way).
  const exact = raiseByCompletion(inst, lowerBound, greedy.packing.bins);
  if (exact.binOf !== null && settings.localSearchEffort > 0)
    return {
      packing: { bins: exact.bound, binOf: exact.binOf },
      heuristic: "bin-completion",
      lowerBound: exact.bound,
    };
  lowerBound = exact.bound;
  const effort =
    inst.n < FEW_ITEMS_PER_BIN * greedy.packing.bins
      ? Math.floor(FEW_ITEMS_EFFORT_SHARE * settings.localSearchEffort)
      : settings.localSearchEffort;
  const share = exactStepsApply(inst)
    ? TWO_D_EFFORT_SHARE * searchShareAfterCompletion(inst, lowerBound)
    : 1;
  const best = improve(inst, greedy, Math.floor(share * effort), settings.seed, lowerBound);
  return { ...best, lowerBound };
}

/**
 * Packs many items in chunks: items sorted by size are dealt round-robin, so each chunk is a
 * sample of the whole; each chunk gets the portfolio and its share of the local search; the
 * lightest bins of a chunk are dissolved into the next one; a final local search over all
 * bins tries to empty the light bins that remain.
 */
function packChunked(
  inst: Instance,
  settings: PortfolioSettings,
  lowerBound: number
): PortfolioResult {
  const { n, d } = inst;
  const chunks = Math.round(n / settings.chunkSize);
  const order = decreasingOrder(itemSizes(inst, "l1", inst.avgWeights));
  const effortPerItem = (CHUNK_SHARE * settings.localSearchEffort) / n;
  let effortSpent = 0;
  const binOf = new Int32Array(n);
  let bins = 0;
  let carried: number[] = [];
  const winners = new Map<string, number>();
  for (let c = 0; c < chunks; c++) {
    const items = carried;
    for (let k = c; k < n; k += chunks) items.push(order[k]!);
    const sub = subInstance(inst, Int32Array.from(items));
    const effort = Math.floor(effortPerItem * sub.n);
    effortSpent += effort;
    const { packing, heuristic } = packWhole(
      sub,
      { ...settings, localSearchEffort: effort },
      instanceLowerBound(sub)
    );
    const base = heuristic.replace(/\+ls$/, "");
    winners.set(base, (winners.get(base) ?? 0) + 1);
    // Keep every bin but the lightest few (unless this is the last chunk).
    const fill = new Float64Array(packing.bins);
    for (let k = 0; k < sub.n; k++) {
      const b = packing.binOf[k]!;
      for (let j = 0; j < d; j++) fill[b] = fill[b]! + sub.avgWeights[j]! * sub.norm[k * d + j]!;
    }
    const byFill = Array.from({ length: packing.bins }, (_, b) => b).sort(
      (a, b) => fill[a]! - fill[b]! || a - b
    );
    const dissolved = new Set(c === chunks - 1 ? [] : byFill.slice(0, CARRIED_BINS));
    const renumber = new Int32Array(packing.bins).fill(-1);
    carried = [];
    for (let k = 0; k < sub.n; k++) {
      const b = packing.binOf[k]!;
      const item = sub.original[k]!;
      if (dissolved.has(b)) {
        carried.push(item);
        continue;
      }
      if (renumber[b]! < 0) renumber[b] = bins++;
      binOf[item] = renumber[b]!;
    }
  }
  const mostCommon = [...winners].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const joined: NamedPacking = { packing: { bins, binOf }, heuristic: `chunked-${mostCommon}` };
  const surrogate = bins > lowerBound ? proofBound(inst, lowerBound) : lowerBound;
  const exact = raiseByCompletion(inst, surrogate, bins);
  if (exact.binOf !== null && settings.localSearchEffort > 0)
    return {
      packing: { bins: exact.bound, binOf: exact.binOf },
      heuristic: "bin-completion",
      lowerBound: exact.bound,
    };
  const proven = exact.bound;
  return {
    ...improve(
      inst,
      joined,
      Math.min(FINAL_PASS_EFFORT, settings.localSearchEffort - effortSpent),
      settings.seed,
      proven
    ),
    lowerBound: proven,
  };
}

/**
 * Best packing the strategy finds for `inst`, whose cheap lower bound is `lowerBound`, with the
 * best bound it proved (the surrogate bound too, when the greedy packing is above the cheap one).
 */
export function packInstance(
  inst: Instance,
  settings: PortfolioSettings,
  lowerBound: number
): PortfolioResult {
  return inst.n > 1.5 * settings.chunkSize
    ? packChunked(inst, settings, lowerBound)
    : packWhole(inst, settings, lowerBound);
}

/** The default portfolio. */
export const DEFAULT_HEURISTICS: readonly HeuristicName[] = ALL_HEURISTICS;
