/**
 * The formula text the report writes, evaluated by a spreadsheet engine (HyperFormula,
 * configured like Excel) and compared with the exact-decimal functions on the same flows.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import {
  cumulativeFormula,
  discountedFlowFormula,
  discountedPaybackMonths,
  financeMessages,
  irr,
  irrFormula,
  netPresentValue,
  netPresentValueFormula,
  paybackCandidateFormula,
  paybackFormula,
  paybackMonths,
  paybackRowFormulas,
  roiFormula,
  roiPercent,
  slnFormula,
  type PaybackResult,
} from "../../src/finance";
import { Dec } from "../../src/money";
import { centsAmount, conventionalFlows, d, decs, discountRate, investmentFlows } from "./support";

type Cell = string | number | null;

/**
 * Evaluate rows of constants and formulas; returns the computed sheet (values only).
 * `plainFloats` turns off HyperFormula's snapping of near-zero sums to 0
 * (`precisionEpsilon: 0`), so additions behave like raw binary floating point.
 */
function evaluate(rows: Cell[][], plainFloats = false): unknown[][] {
  const hf = HyperFormula.buildFromArray(rows, {
    licenseKey: "gpl-v3",
    precisionRounding: 15,
    ...(plainFloats ? { precisionEpsilon: 0 } : {}),
  });
  try {
    return hf.getSheetValues(0);
  } finally {
    hf.destroy();
  }
}

/** The value at an A1 address in an evaluated sheet (single letter columns). */
function at(values: unknown[][], address: string): unknown {
  const m = /^([A-Z])(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  return values[Number(m[2]) - 1]?.[(m[1] as string).charCodeAt(0) - 65];
}

const column = (i: number): string => String.fromCharCode(65 + i);
const numbers = (flows: readonly Dec[]): number[] => flows.map((f) => f.toNumber());

/**
 * The report's layout in miniature, for flows of years 0…n in columns A…:
 *   1 flows · 2 cumulative · 3 payback candidates · 4 A4 payback, B4 NPV, C4 IRR
 *   5 A5 discount rate · 6 discounted flows · 7 their cumulative · 8 candidates · 9 A9 discounted payback
 */
function workbook(
  flows: readonly Dec[],
  rate: Dec,
  plainFloats = false
): { simple: unknown; discounted: unknown; npv: unknown; irr: unknown } {
  const cols = flows.map((_, i) => column(i));
  const last = cols[cols.length - 1] as string;
  const row = (r: number): string[] => cols.map((c) => `${c}${r}`);
  const simple = paybackRowFormulas(row(1), row(2));
  const discounted = paybackRowFormulas(row(6), row(7));
  const values = evaluate(
    [
      numbers(flows),
      simple.cumulative,
      simple.candidates,
      [
        paybackFormula(`A3:${last}3`),
        netPresentValueFormula("$A$5", "A1", `B1:${last}1`),
        irrFormula(`A1:${last}1`),
      ],
      [rate.toNumber()],
      row(1).map((flow, t) => discountedFlowFormula(flow, "$A$5", t)),
      discounted.cumulative,
      discounted.candidates,
      [paybackFormula(`A8:${last}8`)],
    ],
    plainFloats
  );
  return {
    simple: at(values, "A4"),
    discounted: at(values, "A9"),
    npv: at(values, "B4"),
    irr: at(values, "C4"),
  };
}

/** The cell a payback result should show: months as a number, or the horizon text. */
function expectSameAsCell(result: PaybackResult, cell: unknown): void {
  if (!result.reached) {
    expect(cell).toBe(financeMessages.paybackNotWithinHorizon);
    return;
  }
  expect(typeof cell).toBe("number");
  expect(Math.abs((cell as number) - result.months.toNumber())).toBeLessThan(1e-6);
}

describe("formula text", () => {
  it("writes the model's NPV as year 0 plus Excel's NPV of the later years", () => {
    expect(netPresentValueFormula("hv_DiscountRate", "C5", "D5:H5")).toBe(
      "=C5+NPV(hv_DiscountRate,D5:H5)"
    );
  });

  it("wraps IRR so a missing rate (or one at or below -100 %) shows text, not #NUM!", () => {
    expect(irrFormula("C5:H5")).toBe('=IFERROR(IF(IRR(C5:H5)>-1,IRR(C5:H5),NA()),"no IRR")');
    // With the engine's rate as the guess, and the default guess as a fallback.
    expect(irrFormula("C5:H5", "-0.1")).toBe(
      '=IFERROR(IF(IRR(C5:H5,-0.1)>-1,IRR(C5:H5,-0.1),NA()),IFERROR(IF(IRR(C5:H5)>-1,IRR(C5:H5),NA()),"no IRR"))'
    );
  });

  it("writes SLN and ROI (as a ratio for a % format)", () => {
    expect(slnFormula("C10", "C11", "hv_DepreciationYears")).toBe(
      "=SLN(C10,C11,hv_DepreciationYears)"
    );
    expect(roiFormula("C20", "C21")).toBe('=IF(C21=0,"n/a",(C20-C21)/C21)');
  });

  it("writes running totals and discounted flows", () => {
    expect(cumulativeFormula("C5")).toBe("=C5");
    expect(cumulativeFormula("D5", "C6")).toBe("=C6+D5");
    expect(discountedFlowFormula("E5", "hv_DiscountRate", 2)).toBe("=E5/(1+hv_DiscountRate)^2");
    expect(() => discountedFlowFormula("E5", "hv_DiscountRate", -1)).toThrow(RangeError);
  });

  it("writes the payback helper row and the payback cell", () => {
    expect(paybackCandidateFormula({ year: 0, flow: "C5", cumulative: "C6" })).toBe(
      '=IF(ROUND(C6,2)>=0,0,"")'
    );
    expect(
      paybackCandidateFormula({ year: 3, flow: "F5", cumulative: "F6", previousCumulative: "E6" })
    ).toBe('=IF(AND(ROUND(E6,2)<0,ROUND(F6,2)>=0),12*(2+MIN(1,-E6/F5)),"")');
    expect(paybackFormula("C7:H7")).toBe('=IF(COUNT(C7:H7)=0,"not within the horizon",MIN(C7:H7))');
    expect(() =>
      paybackCandidateFormula({ year: 1, flow: "D5", cumulative: "D6" })
    ).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: Payback candidate for year 1 needs the previous cumulative]`
    );
  });

  it("builds a whole payback row, year 0 first", () => {
    expect(paybackRowFormulas(["C5", "D5"], ["C6", "D6"])).toEqual({
      cumulative: ["=C5", "=C6+D5"],
      candidates: [
        '=IF(ROUND(C6,2)>=0,0,"")',
        '=IF(AND(ROUND(C6,2)<0,ROUND(D6,2)>=0),12*(0+MIN(1,-C6/D5)),"")',
      ],
    });
    expect(() => paybackRowFormulas(["C5"], [])).toThrow(RangeError);
  });

  it("pins the texts cells show where there is no number", () => {
    expect(financeMessages).toMatchInlineSnapshot(`
      {
        "irrNotDefined": "no IRR",
        "paybackNotWithinHorizon": "not within the horizon",
        "roiNotDefined": "n/a",
      }
    `);
  });
});

describe("formulas evaluated by a spreadsheet engine", () => {
  it("reproduce Microsoft's NPV, IRR and SLN examples", () => {
    const values = evaluate([
      [-40000, 8000, 9200, 10000, 12000, 14500, 0.08],
      [-70000, 12000, 15000, 18000, 21000, 26000],
      [
        netPresentValueFormula("G1", "A1", "B1:F1"), // Microsoft NPV example 2 → 1,922.06
        irrFormula("A2:E2"), // Microsoft IRR example → -2.1%
        irrFormula("A2:F2"), // → 8.7%
        irrFormula("A2:C2", "-0.1"), // → -44.4%
        slnFormula("30000", "7500", "10"), // Microsoft SLN example → 2,250
        irrFormula("B2:F2"), // all positive → text, as irr's noSignChange
      ],
    ]);
    expect((at(values, "A3") as number).toFixed(2)).toBe("1922.06");
    expect((at(values, "B3") as number).toFixed(3)).toBe("-0.021");
    expect((at(values, "C3") as number).toFixed(3)).toBe("0.087");
    expect((at(values, "D3") as number).toFixed(3)).toBe("-0.444");
    expect(at(values, "E3")).toBe(2250);
    expect(at(values, "F3")).toBe("no IRR");
  });

  it.each([
    // C: -30000, …, 0 at the end of year 3 → 36 months
    { flows: [-30000, 10000, 10000, 10000, 10000] },
    // C: -30000, -18000, -6000, 6000, -14000, -2000, 10000 → first crossing, 30 months
    { flows: [-30000, 12000, 12000, 12000, -20000, 12000, 12000] },
    // exact break-even to the cent: -1000.10 + 500.05 + 500.05 → 24 months
    { flows: ["-1000.10", "500.05", "500.05"] },
    // C₁ = -0.004, zero to the cent → 12 months
    { flows: [-100, "99.996"] },
    // never reached
    { flows: [-30000, 5000, 5000] },
    // C₀ = 100 ≥ 0 → 0 months
    { flows: [100, -200, 50] },
  ])("give the same payback as paybackMonths for $flows", ({ flows }) => {
    const row = decs(...flows);
    const cells = workbook(row, d("0.07"));
    expectSameAsCell(paybackMonths(row), cells.simple);
    expectSameAsCell(discountedPaybackMonths(d("0.07"), row), cells.discounted);
  });

  it("give the same simple and discounted payback and NPV as the functions (property)", () => {
    fc.assert(
      fc.property(investmentFlows, discountRate, (flows, rate) => {
        const cells = workbook(flows, rate);
        expectSameAsCell(paybackMonths(flows), cells.simple);
        expectSameAsCell(discountedPaybackMonths(rate, flows), cells.discounted);
        const npv = netPresentValue(rate, flows).toNumber();
        expect(Math.abs((cells.npv as number) - npv)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(npv))
        );
      }),
      { numRuns: 60 }
    );
  });

  it("break even at exactly 12k months where the flows repay the outlay to the cent by year k (property)", () => {
    // CF₀ = −(CF₁ + … + CFₖ) with every CFₜ > 0: Cₖ = 0.00 exactly in decimals, while a
    // binary float sum can land a hair below zero (e.g. 1e-13). The cent rule keeps the
    // formulas equal to paybackMonths even on an engine that does not snap such sums to 0.
    fc.assert(
      fc.property(
        fc.array(centsAmount(1, 50_000_000), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (savings, extra) => {
          const k = savings.length;
          const outlay = savings.reduce((a, b) => a.plus(b), d(0)).neg();
          const flows = [
            outlay,
            ...savings,
            ...decs(...Array.from({ length: extra % 3 }, () => 1000)),
          ];
          const result = paybackMonths(flows);
          expect(result.reached && result.months.toString()).toBe(String(12 * k));
          expectSameAsCell(result, workbook(flows, d("0.05")).simple);
          expectSameAsCell(result, workbook(flows, d("0.05"), true).simple);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("give the same IRR as irr for conventional investments (property)", () => {
    fc.assert(
      fc.property(conventionalFlows, (flows) => {
        const ours = irr(flows);
        expect(ours.ok).toBe(true);
        const cell = workbook(flows, d("0.07")).irr;
        if (ours.ok && ours.method === "newton" && ours.iterations <= 20) {
          expect(typeof cell).toBe("number");
        }
        if (ours.ok && typeof cell === "number") {
          expect(Math.abs(cell - ours.rate.toNumber())).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 60 }
    );
  });

  it("give the same ROI ratio as roiPercent / 100 (property)", () => {
    fc.assert(
      fc.property(
        centsAmount(0, 100_000_000),
        fc.oneof(fc.constant(d(0)), centsAmount(0, 100_000_000)),
        (benefits, costs) => {
          const cell = at(
            evaluate([[benefits.toNumber(), costs.toNumber(), roiFormula("A1", "B1")]]),
            "C1"
          );
          const percent = roiPercent(benefits, costs);
          if (percent === null) expect(cell).toBe(financeMessages.roiNotDefined);
          else {
            const ratio = percent.div(100).toNumber();
            expect(Math.abs((cell as number) - ratio)).toBeLessThanOrEqual(
              1e-12 * Math.max(1, Math.abs(ratio))
            );
          }
        }
      ),
      { numRuns: 60 }
    );
  });
});
