import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { irr, irrFailureMessage, netPresentValue, type IrrResult } from "../../src/finance";
import { Dec, ONE } from "../../src/money";
import {
  anyFlows,
  conventionalFlows,
  d,
  decs,
  expectClose,
  investmentFlows,
  textbookNewtonRate,
} from "./support";

/** The rate of a successful result, failing the test otherwise. */
function rateOf(result: IrrResult): Dec {
  if (!result.ok) throw new Error(`expected an IRR, got ${result.reason}`);
  return result.rate;
}

/** Σ|CFₜ|/(1+r)ᵗ — what "NPV ≈ 0" is measured against. */
function scaleAt(rate: Dec, flows: readonly Dec[]): Dec {
  return netPresentValue(
    rate,
    flows.map((f) => f.abs())
  );
}

describe("irr (Excel's IRR)", () => {
  it("matches Microsoft's IRR examples", () => {
    // Microsoft "IRR function": values -70,000, 12,000, 15,000, 18,000, 21,000, 26,000
    const values = decs(-70000, 12000, 15000, 18000, 21000, 26000);
    // =IRR(A2:A6) → -2.1% (four years of income)
    expect(
      rateOf(irr(values.slice(0, 5)))
        .toDecimalPlaces(3)
        .toString()
    ).toBe("-0.021");
    // =IRR(A2:A7) → 8.7% (five years)
    expect(rateOf(irr(values)).toDecimalPlaces(3).toString()).toBe("0.087");
    // =IRR(A2:A4, -10%) → -44.4% (two years, with a guess)
    expect(
      rateOf(irr(values.slice(0, 3), d("-0.1")))
        .toDecimalPlaces(3)
        .toString()
    ).toBe("-0.444");
  });

  it.each([
    // numpy-financial TestIrr.test_basic_values (asserted there to 2 decimals; the digits
    // given are the test's own)
    { values: [-150000, 15000, 25000, 35000, 45000, 60000], expected: "0.0524" },
    { values: [-100, 0, 0, 74], expected: "-0.0955" },
    { values: [-100, 39, 59, 55, 20], expected: "0.28095" },
    { values: [-100, 100, 0, -7], expected: "-0.0833" },
    { values: [-100, 100, 0, 7], expected: "0.06206" },
    { values: [-5, "10.5", 1, -8, 1], expected: "0.0886" },
    // test_trailing_zeros: trailing zero years change nothing
    { values: [-5, "10.5", 1, -8, 1, 0, 0, 0], expected: "0.0886" },
  ])("matches numpy-financial: irr($values) ≈ $expected", ({ values, expected }) => {
    const rate = rateOf(irr(decs(...values)));
    const digits = expected.split(".")[1]?.length ?? 0;
    expectClose(rate, expected, new Dec(10).pow(-digits).div(2)); // to the digits given
  });

  it("solves the rate exactly enough that NPV at it is 0 to 1e-20", () => {
    // numpy-financial test_npv_irr_congruence: npv(irr(x), x) = 0 with atol 1e-10
    const flows = decs(-40000, 5000, 8000, 12000, 30000);
    const rate = rateOf(irr(flows));
    expect(netPresentValue(rate, flows).abs().lessThan("1e-20")).toBe(true);
  });

  it("finds a rate just above -100 % for a vanishing payback", () => {
    // numpy-financial test_gh_15: desired -0.9999999990596069, rtol 1e-9
    const flows = decs(
      "-3000.0",
      "2.3926932267015667e-07",
      "4.1672087103345505e-16",
      "5.3965110036378706e-25",
      "5.1962551071806174e-34",
      "3.7202955645436402e-43",
      "1.9804961711632469e-52",
      "7.8393517651814181e-62",
      "2.3072565113911438e-71",
      "5.0491839233308912e-81",
      "8.2159177668499263e-91",
      "9.9403244366963527e-101",
      "8.942410813633967e-111",
      "5.9816122646481191e-121",
      "2.9750309031844241e-131",
      "1.1002067043497954e-141",
      "3.0252876563518021e-152",
      "6.1854121948207909e-163",
      "9.4032980015353301e-174",
      "1.0629218520017728e-184",
      "8.9337141847171845e-196",
      "5.5830607698467935e-207",
      "2.5943122036622652e-218",
      "8.9635842466507006e-230",
      "2.3027710094332358e-241",
      "4.3987510596745562e-253",
      "6.2476630372575209e-265",
      "6.598046841695288e-277",
      "5.1811095266842017e-289",
      "3.0250999925830644e-301",
      "1.3133070599585015e-313"
    );
    expectClose(rateOf(irr(flows)), "-0.9999999990596069", "1e-9");
  });

  it("returns exactly 0 % when the flows sum to zero", () => {
    // -1000.10 + 500.05 + 500.05 = 0, so r = 0 solves Σ CFₜ/(1+r)ᵗ = 0
    expectClose(rateOf(irr(decs("-1000.10", "500.05", "500.05"))), 0, "1e-24");
  });

  it.each([
    { name: "all positive", values: [100, 200, 300] },
    { name: "all negative (numpy gh-6744)", values: [-1, -2, -3] },
    { name: "all zero", values: [0, 0, 0] },
    { name: "empty", values: [] },
    { name: "one negative value", values: [-1000] },
  ])("reports noSignChange, as Excel's #NUM!, for $name flows", ({ values }) => {
    expect(irr(decs(...values))).toEqual({ ok: false, reason: "noSignChange" });
  });

  it("reports didNotConverge where the NPV never reaches zero", () => {
    // 1 - x + x² > 0 for every x = 1/(1+r) (discriminant 1 - 4 < 0): no IRR exists
    expect(irr(decs(1, -1, 1))).toEqual({ ok: false, reason: "didNotConverge" });
    expect(irr(decs(-1, 1, -1))).toEqual({ ok: false, reason: "didNotConverge" });
  });

  it("falls back to bisection when Newton runs out of steps, and finds the same rate", () => {
    // Microsoft IRR example (five years) → 8.7%; two Newton steps are not enough from 10 %
    const values = decs(-70000, 12000, 15000, 18000, 21000, 26000);
    const newton = irr(values);
    const fallback = irr(values, d("0.1"), { maxIterations: 2 });
    expect(newton.ok && newton.method).toBe("newton");
    expect(fallback.ok && fallback.method).toBe("bisection");
    expectClose(rateOf(fallback), rateOf(newton), "1e-22");
  });

  it("starts from the guess, like Excel, when flows have two IRRs", () => {
    // -100 + 230x - 132x² = 0 at x = 1/1.1 and x = 1/1.2: IRRs of 10 % and 20 %
    const flows = decs(-100, 230, -132);
    expectClose(rateOf(irr(flows, d("0.05"))), "0.1", "1e-20");
    expectClose(rateOf(irr(flows, d("0.25"))), "0.2", "1e-20");
  });

  it("throws a RangeError for a guess at or below -100 %", () => {
    expect(() => irr(decs(-1, 2), d(-1))).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: IRR guess must be a rate above -100 %, got -1]`
    );
  });

  it("never throws and never gives NaN, whatever the flows (property)", () => {
    fc.assert(
      fc.property(anyFlows, (flows) => {
        const result = irr(flows);
        if (result.ok) {
          expect(result.rate.isFinite()).toBe(true);
          expect(result.rate.greaterThan(-1)).toBe(true);
        } else {
          expect(["noSignChange", "didNotConverge"]).toContain(result.reason);
        }
      }),
      { numRuns: 200 }
    );
  });

  it("makes the NPV zero at the rate it returns (property)", () => {
    fc.assert(
      fc.property(anyFlows, (flows) => {
        const result = irr(flows);
        if (!result.ok) return;
        const residual = netPresentValue(result.rate, flows).abs();
        // |NPV| < 1e-6 × Σ|CFₜ|/(1+r)ᵗ (in practice far smaller)
        expect(residual.lessThan(scaleAt(result.rate, flows).times("1e-6"))).toBe(true);
      }),
      { numRuns: 200 }
    );
  });

  it("takes the same Newton steps as the textbook iteration, to the last digit (property)", () => {
    fc.assert(
      fc.property(investmentFlows, (flows) => {
        const result = irr(flows);
        if (!result.ok || result.method !== "newton") return;
        const reference = textbookNewtonRate(flows);
        expect(reference && [reference.rate.toString(), reference.iterations]).toEqual([
          result.rate.toString(),
          result.iterations,
        ]);
      }),
      { numRuns: 200 }
    );
  });

  it("always finds the one IRR of a conventional investment, whatever the guess (property)", () => {
    // one sign change → exactly one root above -100 % (Descartes' rule of signs)
    fc.assert(
      fc.property(
        conventionalFlows,
        fc.constantFrom("-0.5", "0", "0.1", "1", "3"),
        (flows, guess) => {
          const reference = rateOf(irr(flows));
          const fromGuess = rateOf(irr(flows, d(guess)));
          expectClose(fromGuess, reference, reference.abs().plus(ONE).times("1e-15"));
        }
      ),
      { numRuns: 100 }
    );
  });
});

describe("irr failure messages", () => {
  it("say what would make an IRR exist", () => {
    expect(irrFailureMessage("noSignChange")).toMatchInlineSnapshot(
      `"No IRR: the cash flows need at least one negative year (the investment) and one positive year (the savings)."`
    );
    expect(irrFailureMessage("didNotConverge")).toMatchInlineSnapshot(
      `"No IRR: no discount rate between -100 % and 100,000,000 % makes the NPV zero. Check the yearly cash flows."`
    );
  });
});
