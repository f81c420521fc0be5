/** Helpers shared by the finance tests. */
import fc from "fast-check";
import { expect } from "vitest";
import { Dec } from "../../src/money";

/** Decimals from strings or integers: `decs(-100, "39.5")`. */
export function decs(...values: (string | number)[]): Dec[] {
  return values.map((v) => new Dec(v));
}

/** A rate or amount from a string: `d("0.08")`. */
export function d(value: string | number): Dec {
  return new Dec(value);
}

/** |actual − expected| ≤ tolerance, with both values in the failure message. */
export function expectClose(
  actual: Dec,
  expected: Dec | string | number,
  tolerance: Dec | string | number
): void {
  const want = new Dec(expected);
  const diff = actual.minus(want).abs();
  expect(
    diff.lessThanOrEqualTo(new Dec(tolerance)),
    `${actual.toString()} should be within ${new Dec(tolerance).toString()} of ${want.toString()}`
  ).toBe(true);
}

/** An amount of money in whole cents, as an exact Dec. */
export const centsAmount = (min: number, max: number): fc.Arbitrary<Dec> =>
  fc.integer({ min, max }).map((c) => new Dec(c).div(100));

/**
 * A yearly flow row (year 0 first), 2–11 years, amounts in cents: an outlay up to 5 million
 * in year 0, then yearly flows from -1 million (a refresh) to +3 million.
 */
export const investmentFlows: fc.Arbitrary<Dec[]> = fc
  .tuple(
    centsAmount(-500_000_000, 0),
    fc.array(centsAmount(-100_000_000, 300_000_000), { minLength: 1, maxLength: 10 })
  )
  .map(([first, rest]) => [first, ...rest]);

/** Any row of 0–12 flows in cents, any signs (for "never NaN, never throws"). */
export const anyFlows: fc.Arbitrary<Dec[]> = fc.array(centsAmount(-100_000_000, 100_000_000), {
  maxLength: 12,
});

/** A conventional investment: one outlay, then savings ≥ 0 with at least one positive year. */
export const conventionalFlows: fc.Arbitrary<Dec[]> = fc
  .tuple(
    centsAmount(-100_000_000, -100_000),
    fc
      .array(centsAmount(0, 50_000_000), { minLength: 1, maxLength: 10 })
      .filter((r) => r.some((v) => !v.isZero()))
  )
  .map(([first, rest]) => [first, ...rest]);

/** A discount rate from 0 % to 30 % in steps of 0.01 %. */
export const discountRate: fc.Arbitrary<Dec> = fc
  .integer({ min: 0, max: 3000 })
  .map((bp) => new Dec(bp).div(10_000));

/**
 * Newton's method for the IRR as the textbook writes it (Horner's scheme from zero for the
 * NPV in x = 1/(1+rate) and its slope; step value / (x² slope); half way to -100 % when a
 * step would pass it; stop when the step ≤ tolerance × max(1, |rate|)): the rate and steps
 * `irr` must reproduce digit for digit when Newton finds it. Null where Newton gives up.
 */
export function textbookNewtonRate(
  values: readonly Dec[],
  guess = new Dec("0.1"),
  maxIterations = 100,
  tolerance = new Dec("1e-24")
): { readonly rate: Dec; readonly iterations: number } | null {
  let rate = guess;
  for (let i = 1; i <= maxIterations; i++) {
    const x = new Dec(1).div(rate.plus(1));
    let value = new Dec(0);
    let slope = new Dec(0);
    for (let t = values.length - 1; t >= 0; t--) {
      slope = slope.times(x).plus(value);
      value = value.times(x).plus(values[t] as Dec);
    }
    if (value.isZero()) return { rate, iterations: i - 1 };
    const denominator = x.times(x).times(slope);
    if (denominator.isZero()) return null;
    let next = rate.plus(value.div(denominator));
    if (next.lessThanOrEqualTo(-1)) next = rate.minus(1).div(2);
    if (!next.isFinite() || next.abs().greaterThan("1e9")) return null;
    const step = next.minus(rate).abs();
    rate = next;
    if (step.lessThanOrEqualTo(tolerance.times(Dec.max(1, rate.abs()))))
      return { rate, iterations: i };
  }
  return null;
}
