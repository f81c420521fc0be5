/** Net present value, Excel's way (`NPV`) and the model's way (`CF0 + NPV(…)`). */
import { Dec, ZERO } from "../money";
import { growthFactor } from "./cashflows";

/**
 * Excel's `NPV`: the value one period before `values[0]` of flows at the end of periods 1…n.
 *
 * @param rate - discount rate per period as a ratio (0.1 = 10 %); must not be -1
 * @param values - signed money (out negative), `values[0]` at the end of period 1
 * @returns the present value in the same money; 0 for no values
 * @throws RangeError when `rate` is -1 (Excel: #DIV/0!) — a validated scenario never has it
 *
 * ## Notes
 * NPV = Σᵢ₌₁ⁿ vᵢ / (1+rate)ⁱ — the FIRST value is discounted one full period. Computed by
 * Horner's scheme in exact decimals. At rate 0 it is exactly the sum of the values.
 * numpy-financial's `npv` discounts its first value at t = 0 instead, so
 * `npf.npv(r, [v1…vn]) = (1+r) × npv(r, [v1…vn])`, and `npf.npv(r, flows)` equals our
 * `netPresentValue(r, flows)`.
 *
 * ## Excel equivalent
 * `=NPV(rate, C5:C9)`; for a time-0 investment use `netPresentValue` / `=C4+NPV(rate, C5:C9)`.
 *
 * ## References
 * Microsoft, "NPV function" and `Excel.WorksheetFunction.Npv` (MicrosoftDocs/VBA-Docs):
 * "The NPV investment begins one period before the date of the value1 cash flow".
 */
export function npv(rate: Dec, values: readonly Dec[]): Dec {
  const growth = growthFactor(rate);
  let acc = ZERO;
  for (let i = values.length - 1; i >= 0; i--) acc = acc.plus(values[i] as Dec).div(growth);
  return acc;
}

/**
 * The model's NPV: `flows[0]` (year 0, now, undiscounted) plus Excel's NPV of years 1…n.
 *
 * @param rate - discount rate per year as a ratio (e.g. the scenario's `discountRate`, 0.07)
 * @param flows - signed money per year, money out negative; `flows[0]` is the investment
 * @returns Σₜ₌₀ⁿ CFₜ / (1+rate)ᵗ; 0 for no flows
 * @throws RangeError when `rate` is -1
 *
 * ## Notes
 * At rate 0 this is the plain sum of the flows. Same as numpy-financial's `npv(rate, flows)`
 * and Azure Migrate's NPVₙ = Cashflowₙ/(1+WACC)ⁿ summed from year 0.
 *
 * ## Excel equivalent
 * `=C4+NPV(rate, C5:C9)` with C4 = year 0 (see `netPresentValueFormula`).
 *
 * ## References
 * Microsoft "NPV function" example 2 (initial cost added outside NPV); shared
 * reference licensing-tco-facts.md §6.
 */
export function netPresentValue(rate: Dec, flows: readonly Dec[]): Dec {
  const [first, ...rest] = flows;
  if (first === undefined) {
    growthFactor(rate); // same programmer-error check for an empty row
    return ZERO;
  }
  return first.plus(npv(rate, rest));
}
