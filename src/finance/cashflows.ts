/**
 * Cash-flow rows: running totals, discount factors and discounted flows.
 *
 * Convention for the whole module: money out is negative, money in positive; `flows[0]` is
 * year 0 (the investment, "now") and `flows[t]` the net flow at the end of year t.
 */
import { Dec, ONE, ZERO } from "../money";

/**
 * Running totals: `result[t] = values[0] + … + values[t]`.
 *
 * @param values - amounts in any one unit (usually money per year, signed)
 * @returns a new array of the same length; `[]` for `[]`
 *
 * ## Excel equivalent
 * `=B5` in the first cell, then `=B6+C5` (previous total + this year's flow) along the row.
 */
export function cumulative(values: readonly Dec[]): Dec[] {
  const out: Dec[] = [];
  let total = ZERO;
  for (const v of values) {
    total = total.plus(v);
    out.push(total);
  }
  return out;
}

/** `1 + rate`, refusing the one rate Excel answers with #DIV/0! (a programmer error here). */
export function growthFactor(rate: Dec): Dec {
  const growth = ONE.plus(rate);
  if (growth.isZero()) {
    throw new RangeError("A discount rate of -100 % has no discount factor (Excel gives #DIV/0!)");
  }
  return growth;
}

/**
 * Discount factors `1/(1+rate)^t` for t = 0…years (so `years + 1` factors; the first is 1).
 *
 * @param rate - discount rate per year as a ratio (0.07 = 7 %); must not be -1
 * @param years - the horizon, a whole number ≥ 0
 *
 * ## Notes
 * Built by repeated division, exact to the 40 significant digits of `Dec`. At rate 0 every
 * factor is exactly 1.
 *
 * ## Excel equivalent
 * `=1/(1+rate)^t` per year.
 */
export function discountFactors(rate: Dec, years: number): Dec[] {
  if (!Number.isInteger(years) || years < 0) {
    throw new RangeError(`discountFactors needs a whole number of years ≥ 0, got ${years}`);
  }
  const growth = growthFactor(rate);
  const out: Dec[] = [ONE];
  for (let t = 1; t <= years; t++) out.push((out[t - 1] as Dec).div(growth));
  return out;
}

/**
 * Present values of yearly flows: `flows[t] / (1+rate)^t` (year 0 undiscounted).
 *
 * @param rate - discount rate per year as a ratio; must not be -1
 * @param flows - signed money per year, `flows[0]` at time 0
 *
 * ## Excel equivalent
 * `=C5/(1+rate)^t` per year (see `discountedFlowFormula`).
 */
export function discountedFlows(rate: Dec, flows: readonly Dec[]): Dec[] {
  const factors = discountFactors(rate, Math.max(flows.length - 1, 0));
  return flows.map((f, t) => f.times(factors[t] as Dec));
}
