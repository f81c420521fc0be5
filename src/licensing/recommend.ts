/**
 * Recommendation: the cheapest eligible option, and a mixed estate when it beats every
 * single option. `cheapestOption` takes any per-option totals, so the TCO layer can
 * recommend by TCO with the same rule; `recommend` ranks licence cost over the horizon.
 */
import type { Money } from "../money";
import type { OptionId } from "../scenario/types";
import { MESSAGES } from "./messages";
import type { MixedEstate } from "./mixed";
import type { OptionLicensing } from "./types";

/** A total to compare: licence cost over the horizon, or a whole TCO. */
export interface OptionTotal {
  readonly option: OptionId;
  readonly eligible: boolean;
  readonly total: Money;
}

/** Eligible options, cheapest first; equal totals keep their input order. */
export function rankOptions(totals: readonly OptionTotal[]): OptionTotal[] {
  return totals
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.eligible)
    .sort((a, b) => a.t.total.comparedTo(b.t.total) || a.i - b.i)
    .map(({ t }) => t);
}

/** The id of the cheapest eligible option (the first listed on a tie), or null when none is eligible. */
export function cheapestOption(totals: readonly OptionTotal[]): OptionId | null {
  return rankOptions(totals)[0]?.option ?? null;
}

export interface Recommendation {
  /** Cheapest eligible single option by licence cost over the horizon; null when none is eligible. */
  readonly option: OptionId | null;
  readonly total: Money | null;
  /** Eligible options, cheapest first. */
  readonly ranking: readonly OptionTotal[];
  /** The mixed estate, only when strictly cheaper than every eligible single option. */
  readonly mixed: MixedEstate | null;
  /** What the mixed estate saves over `option` (null without a mixed estate). */
  readonly mixedSaving: Money | null;
  readonly notes: readonly string[];
}

/**
 * Recommend by licence cost over the horizon (`total` = one-time + yearly × horizonYears).
 * Pass the mixed estate from `licenseMixed` to have it reported when it beats every option.
 */
export function recommend(
  results: readonly OptionLicensing[],
  mixed: MixedEstate | null = null
): Recommendation {
  const ranking = rankOptions(results);
  const best = ranking[0];
  if (!best)
    return {
      option: null,
      total: null,
      ranking,
      mixed: null,
      mixedSaving: null,
      notes: [MESSAGES.recommendNone],
    };
  const beats = mixed !== null && mixed.total.lt(best.total);
  const label = results.find((r) => r.option === best.option)?.label ?? best.option;
  return {
    option: best.option,
    total: best.total,
    ranking,
    mixed: beats ? mixed : null,
    mixedSaving: beats ? best.total.minus(mixed.total) : null,
    notes: beats ? [MESSAGES.mixedBeats(label, best.total.minus(mixed.total))] : [],
  };
}
