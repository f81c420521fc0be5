/**
 * Year-by-year totals and the business case against staying physical, worked by hand on a
 * 3-year example: staying physical costs 100 a year; the option costs 150 up front and 40 a
 * year. Net flows (physical − option) are −150, 60, 60, 60.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, ZERO } from "../../src/money";
import {
  businessCase,
  COST_CATEGORIES,
  schedule,
  type CostCategory,
  type CostLine,
} from "../../src/tco";
import { irrOncePerFlows, rescheduled } from "../../src/tco/cashflow";
import { irr } from "../../src/finance";
import { d, npvByHand, s } from "./fixtures";

/** A cost line with the given amounts per year (what `costLine` would have computed). */
function flat(id: string, category: CostCategory, amounts: readonly (string | number)[]): CostLine {
  return {
    id,
    category,
    label: id,
    quantity: new Dec(1),
    quantityLabel: "",
    factors: [],
    constant: new Dec(1),
    schedule: { kind: "annual" },
    amounts: amounts.map((a) => new Dec(a)),
  };
}

const physical = schedule(
  [flat("p.admin", "manpower", [0, 70, 70, 70]), flat("p.power", "power", [0, 30, 30, 30])],
  3
);
const option = schedule(
  [
    flat("o.hosts", "hardware", [120, 0, 0, 0]),
    flat("o.setup", "setup", [30, 0, 0, 0]),
    flat("o.admin", "manpower", [0, 25, 25, 25]),
    flat("o.power", "power", [0, 15, 15, 15]),
  ],
  3
);
const bc = businessCase(physical, option, d("0.1"), 3, 3, 4);

describe("schedule: years and categories", () => {
  it("sums lines into each year's categories, and each year's total is the sum of its categories", () => {
    // year 0: hardware 120 + setup 30 = 150; years 1–3: manpower 25 + power 15 = 40
    expect(option.years.map((y) => s(y.total))).toEqual(["150", "40", "40", "40"]);
    expect(s(option.years[0]!.byCategory.hardware)).toBe("120");
    expect(s(option.years[2]!.byCategory.power)).toBe("15");
    expect(s(option.byCategory.manpower)).toBe("75"); // 25 × 3
    expect(s(option.total)).toBe("270"); //             150 + 3 × 40
    expect(s(physical.total)).toBe("300"); //           3 × 100
  });

  it("has a year 0 even for an empty schedule", () => {
    const empty = schedule([], 2);
    expect(empty.years.map((y) => [y.year, s(y.total)])).toEqual([
      [0, "0"],
      [1, "0"],
      [2, "0"],
    ]);
  });
});

describe("rescheduled: re-pricing some categories", () => {
  // Amounts in cents, zero in about half the years (as purchases and running costs are).
  const cents = fc.oneof(fc.constant(0), fc.integer({ min: -10_000_00, max: 10_000_000_00 }));
  const lineOf = fc.record({
    category: fc.constantFrom(...COST_CATEGORIES),
    amounts: fc.array(cents, { minLength: 4, maxLength: 4 }),
    repriced: fc.option(fc.array(cents, { minLength: 4, maxLength: 4 }), { nil: undefined }),
  });
  const money = (c: number): string => new Dec(c).div(100).toString();

  it("equals the schedule of the re-priced lines, summed afresh", () => {
    fc.assert(
      fc.property(fc.array(lineOf, { maxLength: 12 }), (specs) => {
        const before = specs.map((l, i) => flat(`l${i}`, l.category, l.amounts.map(money)));
        const changed = new Set<CostCategory>();
        const after = specs.map((l, i) => {
          if (l.repriced === undefined) return before[i]!;
          changed.add(l.category);
          return flat(`l${i}`, l.category, l.repriced.map(money));
        });
        const expected = schedule(after, 3);
        const actual = rescheduled(schedule(before, 3), after, changed);
        const text = (c: typeof expected): unknown => ({
          years: c.years.map((y) => [s(y.total), COST_CATEGORIES.map((k) => s(y.byCategory[k]))]),
          byCategory: COST_CATEGORIES.map((k) => s(c.byCategory[k])),
          total: s(c.total),
        });
        expect(text(actual)).toEqual(text(expected));
        expect(actual.lines).toBe(after);
      })
    );
  });
});

describe("businessCase: the worked example", () => {
  it("net flows are physical − option per year, and cumulate", () => {
    expect(bc.netFlows.map(s)).toEqual(["-150", "60", "60", "60"]);
    expect(bc.cumulativeFlows.map(s)).toEqual(["-150", "-90", "-30", "30"]);
    expect(s(bc.totalSavings)).toBe("30");
  });

  it("NPV = CF0 + NPV(10 %, CF1:CF3) = −0.79", () => {
    // Excel: =-150+NPV(0.1,60,60,60) → -0.788880540946…  (−150 + 54.5455 + 49.5868 + 45.0789)
    expect(bc.npv.toDecimalPlaces(10).toString()).toBe("-0.7888805409");
    expect(
      bc.npv
        .minus(npvByHand(d("0.1"), bc.netFlows))
        .abs()
        .lt("1e-30")
    ).toBe(true);
  });

  it("IRR = 9.7010 % (Excel =IRR({-150,60,60,60}); bisection in Python: 0.0970102574)", () => {
    expect(bc.irr?.toDecimalPlaces(10).toString()).toBe("0.0970102574");
    expect(bc.irrFailure).toBeNull();
  });

  it("pays back in 30 months: after year 2 −30 is left, recovered by half of year 3's 60", () => {
    // 12 × (2 + 30 / 60) = 30
    expect(bc.payback).toEqual({ reached: true, months: new Dec(30), year: 3 });
  });

  it("does not pay back discounted within 3 years (the NPV is below 0)", () => {
    expect(bc.discountedPayback).toEqual({ reached: false, reason: "notWithinHorizon" });
  });

  it("ROI = (300 − 270) ÷ 270 = 11.11 %; cost per VM per year = 270 ÷ (3 VMs × 3 years) = 30", () => {
    expect(bc.roiPercent?.toDecimalPlaces(4).toString()).toBe("11.1111");
    expect(s(bc.costPerVmPerYear!)).toBe("30");
  });
});

describe("irrOncePerFlows", () => {
  it("gives irr's answer, found once for flows of equal values (distinct Decimals, 60 vs 60.0)", () => {
    const irrOf = irrOncePerFlows();
    const flows = ["-150", "60", "60", "60"].map((x) => new Dec(x));
    const same = ["-150.00", "60.0", "60", "60"].map((x) => new Dec(x));
    const first = irrOf(flows);
    expect(first).toEqual(irr(flows));
    expect(irrOf(same)).toBe(first);
    // One cent more in year 3 is another series, with its own rate.
    const other = irrOf(["-150", "60", "60", "60.01"].map((x) => new Dec(x)));
    expect(other).not.toBe(first);
    expect(other).toEqual(irr(["-150", "60", "60", "60.01"].map((x) => new Dec(x))));
  });

  it("gives businessCase the same IRR as irr itself", () => {
    const shared = businessCase(physical, option, d("0.1"), 3, 3, 4, irrOncePerFlows());
    expect(shared.irr?.toString()).toBe(bc.irr?.toString());
  });
});

describe("businessCase: edge cases", () => {
  it("pays back at once (0 months) when the option costs less from year 0", () => {
    const cheap = schedule([flat("o", "manpower", [0, 50, 50, 50])], 3);
    const r = businessCase(physical, cheap, d("0.07"), 1, 3, 4);
    expect(r.payback).toEqual({ reached: true, months: ZERO, year: 0 });
    // no sign change in 0, 50, 50, 50: no IRR, said so — never NaN
    expect(r.irr).toBeNull();
    expect(r.irrFailure).toBe("noSignChange");
  });

  it("has no cost per VM without VMs, and no ROI when the option costs nothing", () => {
    const free = businessCase(physical, schedule([], 3), d("0.07"), 0, 3, 4);
    expect(free.costPerVmPerYear).toBeNull();
    expect(free.roiPercent).toBeNull();
  });

  it("at a 0 % discount rate the NPV is the plain sum of the flows", () => {
    expect(s(businessCase(physical, option, ZERO, 3, 3, 4).npv)).toBe("30");
  });
});
