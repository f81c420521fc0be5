/** Return on investment over the horizon. */
import { Dec } from "../money";

/**
 * ROI in percent: (total benefits − total costs) / total costs × 100.
 *
 * @param totalBenefits - money gained over the horizon (savings avoided, a magnitude; may
 *   be any sign)
 * @param totalCosts - money spent over the horizon as a POSITIVE magnitude (not the
 *   negative cash-flow sign)
 * @returns percent (25 means 25 %), or `null` when total costs are 0 (no ratio exists;
 *   the report shows "n/a")
 * @throws RangeError when `totalCosts` is negative — a sign-convention mix-up by the caller
 *
 * ## Notes
 * No rate and no discounting: totals over the horizon. Exact decimals, not rounded.
 *
 * ## Excel equivalent
 * `=IF(C21=0,"n/a",(C20-C21)/C21)` formatted `0.0%` — the cell holds the ratio, i.e.
 * `roiPercent / 100` (see `roiFormula`).
 *
 * ## References
 * Azure Migrate glossary, ROI = (benefits − costs) / costs (MicrosoftDocs/azure-docs,
 * concepts-business-case-calculation.md).
 */
export function roiPercent(totalBenefits: Dec, totalCosts: Dec): Dec | null {
  if (totalCosts.isNegative() && !totalCosts.isZero()) {
    throw new RangeError(
      `roiPercent takes total costs as a positive amount, got ${totalCosts.toString()}`
    );
  }
  if (totalCosts.isZero()) return null;
  return totalBenefits.minus(totalCosts).div(totalCosts).times(100);
}
