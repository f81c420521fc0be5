/** Straight-line depreciation. */
import { Dec } from "../money";

/**
 * Excel's `SLN`: depreciation per period, the same every period.
 *
 * @param cost - what the asset cost (money, positive)
 * @param salvage - its value at the end of its life (money, ≥ 0 usually)
 * @param life - periods it is depreciated over (years; the scenario's `depreciationYears`,
 *   3–5; Azure Migrate uses 4 for servers); must be > 0
 * @returns (cost − salvage) / life, money per period, positive for a depreciating asset
 * @throws RangeError when `life` ≤ 0 (Excel: #DIV/0! at 0)
 *
 * ## Notes
 * sln × life + salvage = cost exactly (up to 40 significant digits).
 *
 * ## Excel equivalent
 * `=SLN(cost, salvage, life)` (see `slnFormula`).
 *
 * ## References
 * Microsoft "SLN function" / `Excel.WorksheetFunction.Sln` (MicrosoftDocs/VBA-Docs).
 */
export function sln(cost: Dec, salvage: Dec, life: Dec | number): Dec {
  const periods = new Dec(life);
  if (!periods.isFinite() || !periods.greaterThan(0)) {
    throw new RangeError(`SLN needs a life above 0 periods, got ${periods.toString()}`);
  }
  return cost.minus(salvage).div(periods);
}
