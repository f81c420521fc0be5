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
