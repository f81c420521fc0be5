import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roiPercent, sln } from "../../src/finance";
import { Dec } from "../../src/money";
import { centsAmount, d, expectClose } from "./support";

describe("roiPercent", () => {
  it.each([
    // (150000 − 100000) / 100000 × 100 = 50
    { benefits: "150000", costs: "100000", expected: "50" },
    // (80 − 100) / 100 × 100 = −20
    { benefits: "80", costs: "100", expected: "-20" },
    // (0 − 250) / 250 × 100 = −100: no benefit at all
    { benefits: "0", costs: "250", expected: "-100" },
    // (1234.56 − 1000) / 1000 × 100 = 23.456
    { benefits: "1234.56", costs: "1000", expected: "23.456" },
  ])("is $expected % for benefits $benefits over costs $costs", ({ benefits, costs, expected }) => {
    expect(roiPercent(d(benefits), d(costs))?.toString()).toBe(expected);
  });

  it("is null when total costs are 0 (no ratio exists)", () => {
    expect(roiPercent(d(500), d(0))).toBeNull();
    expect(roiPercent(d(0), d(0))).toBeNull();
  });

  it("throws a RangeError for negative costs (costs are a positive total, not a signed flow)", () => {
    expect(() => roiPercent(d(100), d(-50))).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: roiPercent takes total costs as a positive amount, got -50]`
    );
  });
});

describe("sln (Excel's SLN)", () => {
  it("matches Microsoft's SLN example", () => {
    // Microsoft "SLN function": =SLN(30000, 7500, 10) → 2,250
    expect(sln(d(30000), d(7500), 10).toString()).toBe("2250");
  });

  it("depreciates a host over Azure Migrate's 4 years, life as a Dec or a count", () => {
    // (12000 − 0) / 4 = 3000 per year
    expect(sln(d(12000), d(0), 4).toString()).toBe("3000");
    expect(sln(d(12000), d(0), d(4)).toString()).toBe("3000");
  });

  it.each([0, -3])("throws a RangeError for a life of %d periods (Excel: #DIV/0! at 0)", (life) => {
    expect(() => sln(d(1000), d(0), life)).toThrow(RangeError);
  });

  it("pins the SLN error text", () => {
    expect(() => sln(d(1000), d(0), 0)).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: SLN needs a life above 0 periods, got 0]`
    );
  });

  it("gives back the cost: sln × life + salvage = cost (property)", () => {
    fc.assert(
      fc.property(
        centsAmount(0, 100_000_000),
        centsAmount(0, 10_000_000),
        fc.integer({ min: 1, max: 40 }),
        (cost, salvage, life) => {
          // exact but for the 40-digit rounding of one division
          expectClose(sln(cost, salvage, life).times(life).plus(salvage), cost, new Dec("1e-30"));
        }
      )
    );
  });
});
