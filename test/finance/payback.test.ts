import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cumulative,
  discountedFlows,
  discountedPaybackMonths,
  paybackMonths,
  paybackNotReachedMessage,
  type PaybackResult,
} from "../../src/finance";
import { Dec, roundCents } from "../../src/money";
import { d, decs, discountRate, expectClose, investmentFlows } from "./support";

/** "30" for 30 months, or the reason. */
function show(result: PaybackResult): string {
  return result.reached
    ? `${result.months.toString()} months in year ${result.year}`
    : result.reason;
}

/** The first year whose cumulative, rounded to the cent, is not negative; -1 if none. */
function firstNonNegativeYear(flows: readonly Dec[]): number {
  return cumulative(flows).findIndex((c) => !roundCents(c).lessThan(0));
}

describe("paybackMonths (simple payback, interpolated within the year)", () => {
  it.each([
    // C: -30000, -20000, -10000, 0 → reached exactly at the end of year 3 → 12 × (2 + 10000/10000)
    { flows: [-30000, 10000, 10000, 10000, 10000], expected: "36 months in year 3" },
    // C: -25000, -15000, -5000, 5000 → year 3: 12 × (2 + 5000/10000) = 30
    { flows: [-25000, 10000, 10000, 10000], expected: "30 months in year 3" },
    // C: -20000, -25000, -10000, 5000 → the year-1 outlay delays it: 12 × (2 + 10000/15000) = 32
    { flows: [-20000, -5000, 15000, 15000], expected: "32 months in year 3" },
    // C: -1000, 2000 → 12 × (0 + 1000/3000) = 4
    { flows: [-1000, 3000], expected: "4 months in year 1" },
    // nothing invested: C₀ = 0 is not negative → 0
    { flows: [0, 5000, 5000], expected: "0 months in year 0" },
    // C₀ = 100 ≥ 0 → 0, even though C₁ = -100 later
    { flows: [100, -200, 50], expected: "0 months in year 0" },
    // C: -30000, -25000, -20000 → never reached
    { flows: [-30000, 5000, 5000], expected: "notWithinHorizon" },
    // only year 0, negative → never reached
    { flows: [-1], expected: "notWithinHorizon" },
  ])("gives $expected for $flows", ({ flows, expected }) => {
    expect(show(paybackMonths(decs(...flows)))).toBe(expected);
  });

  it("keeps the first crossing when a refresh pushes the cumulative below zero again", () => {
    // C: -30000, -18000, -6000, 6000, -14000, -2000, 10000 → first crossing in year 3:
    // 12 × (2 + 6000/12000) = 30 months; the year-4 refresh (-20000) does not undo it
    const flows = decs(-30000, 12000, 12000, 12000, -20000, 12000, 12000);
    expect(show(paybackMonths(flows))).toBe("30 months in year 3");
  });

  it("judges break-even to the cent", () => {
    // -1000.10 + 500.05 + 500.05 = 0.00 exactly → the end of year 2 = 24 months
    expect(show(paybackMonths(decs("-1000.10", "500.05", "500.05")))).toBe("24 months in year 2");
    // C₁ = -0.004 rounds to 0.00 → reached; 12 × min(1, 100/99.996) = 12, still inside year 1
    expect(show(paybackMonths(decs(-100, "99.996")))).toBe("12 months in year 1");
    // C₁ = -0.01 → still a cent short
    expect(show(paybackMonths(decs(-100, "99.99")))).toBe("notWithinHorizon");
  });

  it("throws a RangeError for an empty row (there is always a year 0)", () => {
    expect(() => paybackMonths([])).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: paybackMonths needs at least the year-0 flow]`
    );
  });

  it("falls inside the first year whose cumulative is non-negative: (12(t−1), 12t] (property)", () => {
    fc.assert(
      fc.property(investmentFlows, (flows) => {
        const result = paybackMonths(flows);
        const t = firstNonNegativeYear(flows);
        if (t === -1) {
          expect(result.reached).toBe(false);
          return;
        }
        expect(result.reached && result.year).toBe(t);
        if (!result.reached) return;
        if (t === 0) expect(result.months.isZero()).toBe(true);
        else {
          expect(result.months.greaterThan(12 * (t - 1))).toBe(true);
          expect(result.months.lessThanOrEqualTo(12 * t)).toBe(true);
        }
      }),
      { numRuns: 300 }
    );
  });

  it("interpolates linearly: the cumulative reaches zero at the month it returns (property)", () => {
    fc.assert(
      fc.property(investmentFlows, (flows) => {
        const result = paybackMonths(flows);
        if (!result.reached || result.year === 0) return;
        // C(t−1) + CFₜ × (months − 12(t−1))/12 = 0 (to the cent, the way it was judged)
        const t = result.year;
        const before = cumulative(flows)[t - 1] as Dec;
        const within = result.months.minus(12 * (t - 1)).div(12);
        expectClose(before.plus((flows[t] as Dec).times(within)), 0, "0.005");
      })
    );
  });
});

describe("discountedPaybackMonths (payback on CFₜ/(1+r)ᵗ)", () => {
  it("discounts each year before cumulating", () => {
    // at 7 %: 10000/1.07 = 9345.79, /1.07² = 8734.39, /1.07³ = 8162.98, /1.07⁴ = 7628.95;
    // C₃ = -30000 + 26243.16 = -3756.84 → year 4: 12 × (3 + 3756.84/7628.95) ≈ 41.909
    const result = discountedPaybackMonths(d("0.07"), decs(-30000, 10000, 10000, 10000, 10000));
    expect(result.reached && result.months.toDecimalPlaces(3).toString()).toBe("41.909");
    // the simple payback of the same flows is 36 months
    expect(show(paybackMonths(decs(-30000, 10000, 10000, 10000, 10000)))).toBe(
      "36 months in year 3"
    );
  });

  it("is not reached when discounting pushes break-even past the horizon", () => {
    // simple: exactly 36 months; at 7 % the discounted sum after 3 years is -3756.84
    expect(show(discountedPaybackMonths(d("0.07"), decs(-30000, 10000, 10000, 10000)))).toBe(
      "notWithinHorizon"
    );
  });

  it("equals the simple payback at rate 0 (property)", () => {
    fc.assert(
      fc.property(investmentFlows, (flows) => {
        expect(discountedPaybackMonths(d(0), flows)).toEqual(paybackMonths(flows));
      })
    );
  });

  it("is never earlier than the simple payback when the rate is positive (property)", () => {
    fc.assert(
      fc.property(
        discountRate.filter((r) => r.greaterThan(0)),
        investmentFlows,
        (rate, flows) => {
          const discounted = discountedPaybackMonths(rate, flows);
          const simple = paybackMonths(flows);
          if (!discounted.reached) return;
          expect(simple.reached).toBe(true);
          if (simple.reached)
            expect(discounted.months.greaterThanOrEqualTo(simple.months)).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("is the simple payback of the discounted flows (property)", () => {
    fc.assert(
      fc.property(discountRate, investmentFlows, (rate, flows) => {
        expect(discountedPaybackMonths(rate, flows)).toEqual(
          paybackMonths(discountedFlows(rate, flows))
        );
      })
    );
  });
});

describe("payback messages", () => {
  it("name the horizon when payback is not reached", () => {
    expect(paybackNotReachedMessage(5)).toMatchInlineSnapshot(
      `"Payback is not reached within the 5-year horizon."`
    );
  });
});
