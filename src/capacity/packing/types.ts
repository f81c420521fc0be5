/**
 * Public data shapes of the vector bin packing core.
 *
 * Items and bins are plain number vectors in the caller's units (one entry per dimension:
 * cores, GiB, IOPS…). All bins are identical. Nothing here depends on Hyper-V.
 */

/** Items and bins are plain number vectors in the same units, d dimensions. */
export interface PackingProblem {
  /** Per-dimension bin capacity (identical bins), each finite and ≥ 0. */
  readonly capacity: readonly number[];
  /** Item demand vectors, length d each, every entry finite and ≥ 0. */
  readonly items: readonly (readonly number[])[];
}

/** A packing of every item that fits an empty bin, with the bound it is measured against. */
export interface PackingResult {
  /** Bins used (items that fit no empty bin are not counted). */
  readonly bins: number;
  /**
   * `assignment[i]` is the bin (0..bins-1) of item i, or -1 when item i exceeds the capacity
   * of an empty bin in some dimension. Bins are numbered in order of their first item.
   */
  readonly assignment: readonly number[];
  /** A proven lower bound on the bins any packing of the assignable items needs. */
  readonly lowerBound: number;
  /**
   * Which heuristic's packing was kept (a {@link HeuristicName}), with `+ls` when the local
   * search then saved bins; `chunked-<name>` when the items were packed in chunks (the name
   * that won most chunks); `none` when no item fits an empty bin.
   */
  readonly heuristic: string;
}

/**
 * The constructive heuristics of the portfolio.
 *
 * `ffd-*` sort items by a size (largest first) and place each in the first bin it fits;
 * `bfd-*` place it in the fullest bin it fits. The size is the max (`linf`), sum (`l1`) or
 * sum of squares (`l2`) of the normalised demand, with `unit` weights or `avg` weights
 * (dimension j weighted by its total normalised demand). `bc-*` are bin-centric: fill one
 * bin at a time with the item of largest weighted dot product with the free capacity
 * (`dot`) or the one leaving the smallest weighted L2 norm of free capacity (`l2`), with
 * static average (`avg`) or per-bin recomputed average (`dyn`) weights.
 */
export type HeuristicName =
  | "ffd-linf-unit"
  | "ffd-linf-avg"
  | "ffd-l1-unit"
  | "ffd-l1-avg"
  | "ffd-l2-unit"
  | "ffd-l2-avg"
  | "bfd-linf-avg"
  | "bfd-l1-avg"
  | "bfd-l2-avg"
  | "bc-dot-avg"
  | "bc-dot-dyn"
  | "bc-l2-avg"
  | "bc-l2-dyn";

/** Knobs of {@link packVectors}. Every setting is deterministic: no clocks, no unseeded randomness. */
export interface PackOptions {
  /** Heuristics of the portfolio (default: all of them, `ALL_HEURISTICS`). */
  readonly heuristics?: readonly HeuristicName[];
  /**
   * Work budget of the local search, in candidate-move feasibility checks (each costs O(d)).
   * 0 disables it. Default: 2,000,000 + 4,000 per item (see `defaultLocalSearchEffort`).
   */
  readonly localSearchEffort?: number;
  /**
   * Target items per chunk (default 1,000). Instances above 1.5 × this many items are dealt
   * into representative chunks packed one after another, which keeps the O(n²·d) heuristics
   * and the local search fast; `Infinity` packs everything in one piece.
   */
  readonly chunkSize?: number;
  /** Seed of the local search's pseudo-random tie-breaking (default 1). */
  readonly seed?: number;
}
