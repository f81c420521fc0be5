import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cumulative,
  discountedFlows,
  discountFactors,
  netPresentValue,
  npv,
} from "../../src/finance";
import { Dec, sum } from "../../src/money";
import { anyFlows, d, decs, discountRate, expectClose, investmentFlows } from "./support";

describe("npv (Excel's NPV: first value discounted one period)", () => {
  it("matches Microsoft's NPV example 1", () => {
    // Microsoft "NPV function", example 1: =NPV(10%, -10000, 3000, 4200, 6800) → 1,188.44
    // (the -10,000 is an initial cost one year from today, so it is inside the NPV call)
    expect(npv(d("0.1"), decs(-10000, 3000, 4200, 6800)).toFixed(2)).toBe("1188.44");
  });

  it("matches Microsoft's NPV example 2, with the initial investment added outside", () => {
    // Microsoft "NPV function", example 2: =NPV(8%, A4:A8) + A3 with A3 = -40,000 → 1,922.06
    const yearly = decs(8000, 9200, 10000, 12000, 14500);
    expect(npv(d("0.08"), yearly).plus(-40000).toFixed(2)).toBe("1922.06");
    // …and =NPV(8%, A4:A8, -9000) + A3, a 9,000 loss in year 6 → -3,749.47
    expect(
      npv(d("0.08"), [...yearly, d(-9000)])
        .plus(-40000)
        .toFixed(2)
    ).toBe("-3749.47");
  });

  it("discounts one period further than numpy-financial's npv, which starts at t = 0", () => {
    // numpy-financial test_npv_decimal: npf.npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000])
    //   → 122.894854950942692161628715 (first value at t = 0)
    // so Excel's NPV of the same values is that ÷ 1.05: npf.npv(r, v) = (1 + r) × NPV(r, v)
    const values = decs(-15000, 1500, 2500, 3500, 4500, 6000);
    expectClose(npv(d("0.05"), values).times("1.05"), "122.894854950942692161628715", "1e-24");
  });

  it("is 0 for no values and exact at rates between -100 % and 0", () => {
    expect(npv(d("0.07"), []).isZero()).toBe(true);
    // 1/(1-0.5) + 1/(1-0.5)² = 2 + 4 = 6
    expect(npv(d("-0.5"), decs(1, 1)).toString()).toBe("6");
  });

  it("throws a RangeError at a rate of -100 %, where Excel gives #DIV/0!", () => {
    expect(() => npv(d(-1), decs(1, 2))).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: A discount rate of -100 % has no discount factor (Excel gives #DIV/0!)]`
    );
    expect(() => netPresentValue(d(-1), [])).toThrow(RangeError);
  });

  it("equals the plain sum of the values at rate 0 (property)", () => {
    fc.assert(
      fc.property(anyFlows, (values) => {
        expect(npv(d(0), values).equals(sum(values))).toBe(true);
        expect(netPresentValue(d(0), values).equals(sum(values))).toBe(true);
      })
    );
  });

  it("treats a leading year 0 as undiscounted: NPV(r, v) = netPresentValue(r, [0, …v]) (property)", () => {
    fc.assert(
      fc.property(discountRate, anyFlows, (rate, values) => {
        expect(npv(rate, values).equals(netPresentValue(rate, [d(0), ...values]))).toBe(true);
      })
    );
  });
});

describe("netPresentValue (the model's =CF0 + NPV(rate, CF1:CFn))", () => {
  it("matches Microsoft's NPV example 2 with the investment as year 0", () => {
    // Microsoft "NPV function", example 2: =NPV(8%, A4:A8) + A3 → 1,922.06
    expect(
      netPresentValue(d("0.08"), decs(-40000, 8000, 9200, 10000, 12000, 14500)).toFixed(2)
    ).toBe("1922.06");
  });

  it("equals numpy-financial's npv, which also starts at t = 0", () => {
    // numpy-financial test_npv_decimal → Decimal('122.894854950942692161628715') (28 digits)
    expectClose(
      netPresentValue(d("0.05"), decs(-15000, 1500, 2500, 3500, 4500, 6000)),
      "122.894854950942692161628715",
      "1e-24"
    );
  });

  it("is 0 for an empty row", () => {
    expect(netPresentValue(d("0.07"), []).isZero()).toBe(true);
  });

  it("equals the sum of the discounted flows (property)", () => {
    fc.assert(
      fc.property(discountRate, investmentFlows, (rate, flows) => {
        expectClose(netPresentValue(rate, flows), sum(discountedFlows(rate, flows)), "1e-25");
      })
    );
  });
});

describe("cash-flow rows", () => {
  it("cumulates a row into running totals", () => {
    // -30000, -30000+12000, -18000+12000, -6000+12000
    expect(cumulative(decs(-30000, 12000, 12000, 12000)).map(String)).toEqual([
      "-30000",
      "-18000",
      "-6000",
      "6000",
    ]);
    expect(cumulative([])).toEqual([]);
  });

  it("gives years + 1 discount factors, starting at 1", () => {
    // 1, 1/1.1, 1/1.21
    const f = discountFactors(d("0.1"), 2);
    expect(f).toHaveLength(3);
    expect(f[0]?.toString()).toBe("1");
    expectClose(f[1] as Dec, d(1).div("1.1"), "1e-38");
    expectClose(f[2] as Dec, d(1).div("1.21"), "1e-38");
    expect(discountFactors(d(0), 3).every((x) => x.equals(1))).toBe(true);
  });

  it("rejects a horizon that is not a whole number of years", () => {
    expect(() => discountFactors(d("0.07"), -1)).toThrow(RangeError);
    expect(() => discountFactors(d("0.07"), 2.5)).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: discountFactors needs a whole number of years ≥ 0, got 2.5]`
    );
  });

  it("discounts year t by (1 + rate)^t and leaves year 0 alone", () => {
    // 1100/1.1 = 1000; 1210/1.21 = 1000
    expect(discountedFlows(d("0.1"), decs(-2000, 1100, 1210)).map((x) => x.toFixed(10))).toEqual([
      "-2000.0000000000",
      "1000.0000000000",
      "1000.0000000000",
    ]);
    expect(discountedFlows(d("0.1"), [])).toEqual([]);
  });
});
