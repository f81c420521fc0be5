/** Payback period in months, simple and discounted, interpolated within the year. */
import { Dec, ONE, ZERO, roundCents } from "../money";
import { cumulative, discountedFlows } from "./cashflows";

export type PaybackResult =
  | {
      readonly reached: true;
      /** Months from time 0, in (12(year−1), 12·year]; exactly 0 when year is 0. */
      readonly months: Dec;
      /** The year in which the cumulative flow first turns non-negative (0 = already at time 0). */
      readonly year: number;
    }
  | { readonly reached: false; readonly reason: "notWithinHorizon" };

const MONTHS_PER_YEAR = new Dec(12);

/** Negative to the cent: rounded half away from zero to 2 decimals (Excel's ROUND(x, 2)), below 0. */
function negativeToTheCent(amount: Dec): boolean {
  return roundCents(amount).lessThan(ZERO);
}

/**
 * Simple payback: months until the cumulative net cash flow first stops being negative.
 *
 * @param flows - signed money per year, money out negative; `flows[0]` is the investment at
 *   time 0 and `flows[t]` the net flow of year t, spread evenly over the year
 * @returns `{reached: true, months, year}` or `{reached: false, reason: 'notWithinHorizon'}`
 * @throws RangeError for an empty row (the horizon always has year 0)
 *
 * ## Notes
 * With Cₜ = CF₀ + … + CFₜ ("negative" meaning negative when rounded to the cent):
 * - C₀ not negative → 0 months (nothing to pay back);
 * - otherwise the FIRST year t ≥ 1 with Cₜ not negative gives
 *   months = 12 × ((t − 1) + min(1, −Cₜ₋₁ / CFₜ)),
 *   linear interpolation inside year t (the min only matters when Cₜ is within half a
 *   cent below 0);
 * - no such year → not within the horizon.
 * A later dip below zero (a hardware refresh in year 5, say) does not undo the payback: this
 * is the standard first-crossing definition. Judging break-even to the cent keeps the
 * workbook formulas, which add in binary floating point, in step with these exact decimals
 * when the cumulative lands exactly on 0.00 (where a float sum can be 1e-13 below zero).
 * There is no rate: see `discountedPaybackMonths`.
 *
 * ## Excel equivalent
 * A helper row of per-year candidates and a MIN over it — see `paybackCandidateFormula`
 * and `paybackFormula` (`=IF(COUNT(C9:H9)=0,"not within the horizon",MIN(C9:H9))`).
 *
 * ## References
 * Azure Migrate business case: "payback … the point where cumulative net benefit equals the
 * investment" (MicrosoftDocs/azure-docs, concepts-business-case-calculation.md).
 */
export function paybackMonths(flows: readonly Dec[]): PaybackResult {
  const totals = cumulative(flows);
  const first = totals[0];
  if (first === undefined) throw new RangeError("paybackMonths needs at least the year-0 flow");
  if (!negativeToTheCent(first)) return { reached: true, months: ZERO, year: 0 };
  for (let t = 1; t < totals.length; t++) {
    if (negativeToTheCent(totals[t] as Dec)) continue;
    // Cₜ₋₁ is negative (else we would have stopped a year earlier) and Cₜ is not, so CFₜ > 0.
    const share = Dec.min(ONE, (totals[t - 1] as Dec).neg().div(flows[t] as Dec));
    return { reached: true, months: MONTHS_PER_YEAR.times(share.plus(t - 1)), year: t };
  }
  return { reached: false, reason: "notWithinHorizon" };
}

/**
 * Discounted payback: `paybackMonths` on the present values CFₜ / (1+rate)ᵗ.
 *
 * @param rate - discount rate per year as a ratio (0.07 = 7 %); must not be -1
 * @param flows - signed money per year, `flows[0]` at time 0 (undiscounted)
 *
 * ## Notes
 * Same first-crossing rule and interpolation, applied to the discounted cumulative. At rate
 * 0 it equals the simple payback; for rate > 0 it is never earlier than the simple payback
 * (each discounted cumulative is ≤ the undiscounted one while the latter is negative).
 *
 * ## Excel equivalent
 * A row of `=C5/(1+rate)^t` (`discountedFlowFormula`), its running total, then the same
 * candidate row and MIN as the simple payback.
 *
 * ## References
 * Standard textbook definition; shared reference licensing-tco-facts.md §6.
 */
export function discountedPaybackMonths(rate: Dec, flows: readonly Dec[]): PaybackResult {
  return paybackMonths(discountedFlows(rate, flows));
}
