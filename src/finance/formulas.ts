/**
 * Excel formula text for the report, so each finance figure in the workbook is a live
 * formula giving the same number as the functions here.
 *
 * Every builder takes cell references as strings — `"C5"`, `"$C$5"`, `"'TCO Cash'!C5"`,
 * `"C5:H5"` or a defined name (`"hv_DiscountRate"`) — never expressions, and returns
 * English formula text with a leading `=`. Only functions every Excel since 2010 has are
 * used (IF, AND, ROUND, MIN, COUNT, IFERROR, NPV, IRR, SLN); no LET/LAMBDA/XLOOKUP/IFS, so
 * HyperFormula and LibreOffice evaluate them too. Text results are quoted with `"` doubled.
 */
import { financeMessages } from "./messages";

/** A text literal for a formula: `say "hi"` → `"say ""hi"""`. */
function text(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function wholeYear(year: number): number {
  if (!Number.isInteger(year) || year < 0)
    throw new RangeError(`A year must be a whole number ≥ 0, got ${year}`);
  return year;
}

/**
 * The model's NPV: `=C4+NPV(rate,C5:C9)` — year 0 undiscounted plus Excel's NPV of years 1…n.
 * Same value as `netPresentValue(rate, flows)`. Needs at least one later year.
 */
export function netPresentValueFormula(
  rate: string,
  initialFlow: string,
  laterFlows: string
): string {
  return `=${initialFlow}+NPV(${rate},${laterFlows})`;
}

/**
 * The IRR cell, decided as `irr(flows)` decides it, for every sign pattern:
 * - with `guess` (the engine's rate, when it found one):
 *   `=IFERROR(IF(IRR(C4:C9,g)>-1,IRR(C4:C9,g),NA()),IFERROR(IF(IRR(C4:C9)>-1,IRR(C4:C9),NA()),"no IRR"))`
 *   — Excel's Newton iteration starts at the engine's root and lands on it in a step or two,
 *   whatever the pattern (a rate of −89.6 % at a one-year horizon, or one of several roots),
 *   where the default guess of 10 % may fail (#NUM!) or find another root. If the cash flows
 *   are later edited in Excel and that guess no longer converges, the default guess is tried.
 * - without (the engine found no rate): the default guess only.
 * A "rate" at or below −100 % is no rate (1 + r ≤ 0 has no meaning; `irr` never returns
 * one), so Excel's answer there reads "no IRR" too. Format `0.0%`.
 */
export function irrFormula(flows: string, guess?: string): string {
  const bounded = (call: string): string => `IF(${call}>-1,${call},NA())`;
  const fallback = `IFERROR(${bounded(`IRR(${flows})`)},${text(financeMessages.irrNotDefined)})`;
  return guess === undefined
    ? `=${fallback}`
    : `=IFERROR(${bounded(`IRR(${flows},${guess})`)},${fallback})`;
}

/** `=SLN(cost,salvage,life)`: straight-line depreciation per period, as `sln`. */
export function slnFormula(cost: string, salvage: string, life: string): string {
  return `=SLN(${cost},${salvage},${life})`;
}

/**
 * `=IF(C21=0,"n/a",(C20-C21)/C21)`: ROI as a RATIO for a `0.0%` format, i.e.
 * `roiPercent(benefits, costs) / 100`; the text where total costs are 0.
 */
export function roiFormula(totalBenefits: string, totalCosts: string): string {
  return `=IF(${totalCosts}=0,${text(financeMessages.roiNotDefined)},(${totalBenefits}-${totalCosts})/${totalCosts})`;
}

/** Running total: `=C5` for year 0 (no previous total), else `=B6+C5` (previous total + flow). */
export function cumulativeFormula(flow: string, previousCumulative?: string): string {
  return previousCumulative === undefined ? `=${flow}` : `=${previousCumulative}+${flow}`;
}

/** Present value of year `year`'s flow: `=C5/(1+hv_DiscountRate)^2`; as `discountedFlows`. */
export function discountedFlowFormula(flow: string, rate: string, year: number): string {
  return `=${flow}/(1+${rate})^${wholeYear(year)}`;
}

export interface PaybackCandidateCells {
  /** 0 for the investment year, then 1…n. */
  readonly year: number;
  /** This year's (discounted, for discounted payback) net flow. */
  readonly flow: string;
  /** This year's running total of those flows. */
  readonly cumulative: string;
  /** Last year's running total; required for every year but 0. */
  readonly previousCumulative?: string;
}

/**
 * One cell of the payback helper row: the payback month if the cumulative first turns
 * non-negative (to the cent) in this year, else `""`.
 * - year 0: `=IF(ROUND(B6,2)>=0,0,"")`
 * - year t: `=IF(AND(ROUND(B6,2)<0,ROUND(C6,2)>=0),12*(t-1+MIN(1,-B6/C5)),"")`
 *   (written with the number t − 1, e.g. `12*(2+MIN(1,-D6/E5))` for year 3).
 * Each later crossing (after a re-dip) also shows a month, but it is larger, so the
 * `MIN` in `paybackFormula` returns the first crossing, as `paybackMonths` does.
 */
export function paybackCandidateFormula(cells: PaybackCandidateCells): string {
  const year = wholeYear(cells.year);
  if (year === 0) return `=IF(ROUND(${cells.cumulative},2)>=0,0,"")`;
  const prev = cells.previousCumulative;
  if (prev === undefined)
    throw new RangeError(`Payback candidate for year ${year} needs the previous cumulative`);
  return (
    `=IF(AND(ROUND(${prev},2)<0,ROUND(${cells.cumulative},2)>=0),` +
    `12*(${year - 1}+MIN(1,-${prev}/${cells.flow})),"")`
  );
}

/**
 * The payback cell over the helper row: `=IF(COUNT(B7:G7)=0,"not within the horizon",MIN(B7:G7))`
 * — months as a number (format `0.0`), or the text. Same as `paybackMonths` /
 * `discountedPaybackMonths` for the flows the helper row was built on.
 */
export function paybackFormula(candidates: string): string {
  return `=IF(COUNT(${candidates})=0,${text(financeMessages.paybackNotWithinHorizon)},MIN(${candidates}))`;
}

export interface PaybackRowFormulas {
  /** For the running-total row, year 0…n. */
  readonly cumulative: string[];
  /** For the helper row, year 0…n; feed its range to `paybackFormula`. */
  readonly candidates: string[];
}

/**
 * The running-total and helper-row formulas for a whole row at once. `flowCells[t]` and
 * `cumulativeCells[t]` are the cells of year t (same length, year 0 first); for discounted
 * payback pass the discounted-flow cells.
 */
export function paybackRowFormulas(
  flowCells: readonly string[],
  cumulativeCells: readonly string[]
): PaybackRowFormulas {
  if (flowCells.length === 0 || flowCells.length !== cumulativeCells.length) {
    throw new RangeError(
      "paybackRowFormulas needs one flow cell and one cumulative cell per year, year 0 first"
    );
  }
  const cumulative: string[] = [];
  const candidates: string[] = [];
  flowCells.forEach((flow, year) => {
    const here = cumulativeCells[year] as string;
    const before = year === 0 ? undefined : (cumulativeCells[year - 1] as string);
    cumulative.push(
      before === undefined ? cumulativeFormula(flow) : cumulativeFormula(flow, before)
    );
    candidates.push(
      paybackCandidateFormula(
        before === undefined
          ? { year, flow, cumulative: here }
          : { year, flow, cumulative: here, previousCumulative: before }
      )
    );
  });
  return { cumulative, candidates };
}
