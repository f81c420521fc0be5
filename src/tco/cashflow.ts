/**
 * Year-by-year totals from cost lines, the savings against staying physical, and the
 * business-case metrics — all through `src/finance`, so they equal what Excel computes from
 * the same flows (`=CF0 + NPV(rate, CF1:CFn)`, `=IRR(CF0:CFn)`).
 */
import { Dec, ZERO, sum, type Money } from "../money";
import {
  discountedPaybackMonths,
  irr,
  netPresentValue,
  paybackMonths,
  roiPercent,
  sln,
  type IrrResult,
  type PaybackResult,
} from "../finance";
import { COST_CATEGORIES, type CostCategory, type CostLine } from "./costLines";
import { RETIRED_PREFIX } from "./physical";

export interface YearCosts {
  readonly year: number;
  readonly total: Money;
  readonly byCategory: Readonly<Record<CostCategory, Money>>;
}

export interface CostSchedule {
  readonly lines: readonly CostLine[];
  readonly years: readonly YearCosts[];
  readonly byCategory: Readonly<Record<CostCategory, Money>>;
  readonly total: Money;
}

function zeroByCategory(): Record<CostCategory, Money> {
  // A loop, not Object.fromEntries: built for every year of every costing (each sensitivity variant).
  const zeros = {} as Record<CostCategory, Money>;
  for (const c of COST_CATEGORIES) zeros[c] = ZERO;
  return zeros;
}

/**
 * `a + b`, skipping the addition when either is zero: decimal.js then returns the other
 * operand's value anyway, so the result is the same — and most amounts of a schedule are zero
 * (a purchase falls in one year, a running cost in every year but year 0).
 */
function plus(a: Money, b: Money): Money {
  return b.isZero() ? a : a.isZero() ? b : a.plus(b);
}

/** Adds each line's amount of year `t` to its category in `into`, in line order. */
function addYear(into: Record<CostCategory, Money>, lines: readonly CostLine[], t: number): void {
  for (const line of lines) {
    const amount = line.amounts[t];
    if (amount !== undefined) into[line.category] = plus(into[line.category], amount);
  }
}

/** The schedule of `lines` from each year's category sums (`byYear`, years 0…N). */
function assemble(
  lines: readonly CostLine[],
  byYear: readonly Record<CostCategory, Money>[]
): CostSchedule {
  const years: YearCosts[] = [];
  const overall = zeroByCategory();
  let total = ZERO;
  byYear.forEach((byCategory, t) => {
    let yearTotal = ZERO;
    for (const c of COST_CATEGORIES) {
      overall[c] = plus(overall[c], byCategory[c]);
      yearTotal = plus(yearTotal, byCategory[c]);
    }
    years.push({ year: t, total: yearTotal, byCategory });
    total = plus(total, yearTotal);
  });
  return { lines, years, byCategory: overall, total };
}

/** Sum lines into years 0…N and categories; each year's total is the sum of its categories. */
export function schedule(lines: readonly CostLine[], horizonYears: number): CostSchedule {
  const byYear: Record<CostCategory, Money>[] = [];
  for (let t = 0; t <= horizonYears; t++) {
    const byCategory = zeroByCategory();
    addYear(byCategory, lines, t);
    byYear.push(byCategory);
  }
  return assemble(lines, byYear);
}

/**
 * `schedule(lines, N)` where `lines` differ from `previous.lines` only in the categories
 * `changed` (the same lines, some re-priced): those categories are summed again, in line
 * order as `schedule` sums them; every other sum whose terms did not change (other
 * categories, years where the changed ones came to the same) is `previous`'s.
 */
export function rescheduled(
  previous: CostSchedule,
  lines: readonly CostLine[],
  changed: ReadonlySet<CostCategory>
): CostSchedule {
  // Arrays built by push (see netFlowsOf).
  const moved: CostLine[] = [];
  for (const l of lines) if (changed.has(l.category)) moved.push(l);
  const overall = { ...previous.byCategory };
  for (const c of changed) overall[c] = ZERO;
  let yearsChanged = false;
  const years: YearCosts[] = [];
  for (const [t, y] of previous.years.entries()) {
    const byCategory = { ...y.byCategory };
    for (const c of changed) byCategory[c] = ZERO;
    addYear(byCategory, moved, t);
    let same = true;
    for (const c of changed) {
      overall[c] = plus(overall[c], byCategory[c]);
      if (!byCategory[c].eq(y.byCategory[c])) same = false;
    }
    if (same) {
      years.push(y);
      continue;
    }
    yearsChanged = true;
    let yearTotal = ZERO;
    for (const c of COST_CATEGORIES) yearTotal = plus(yearTotal, byCategory[c]);
    years.push({ year: t, total: yearTotal, byCategory });
  }
  let total = previous.total;
  if (yearsChanged) {
    total = ZERO;
    for (const y of years) total = plus(total, y.total);
  }
  return { lines, years, byCategory: overall, total };
}

export interface BusinessCase {
  /** Physical cost − option cost per year 0…N (money in when positive). */
  readonly netFlows: readonly Money[];
  readonly cumulativeFlows: readonly Money[];
  /** CF0 + NPV(rate, CF1…CFn). */
  readonly npv: Money;
  /** IRR of the net flows; null where none exists (no sign change, no convergence). */
  readonly irr: Dec | null;
  readonly irrFailure: "noSignChange" | "didNotConverge" | null;
  readonly payback: PaybackResult;
  readonly discountedPayback: PaybackResult;
  /** (physical total − option total) / option total × 100; null when the option costs nothing. */
  readonly roiPercent: Dec | null;
  /** Option total ÷ (VMs × years); null without VMs. */
  readonly costPerVmPerYear: Money | null;
  /** Total saving over the horizon (undiscounted). */
  readonly totalSavings: Money;
  /** Straight-line depreciation per year of the year-0 hardware and infrastructure (SLN, no salvage). */
  readonly annualDepreciation: Money;
  /** Per year 0…N, the part of the savings that is retiring idle servers (their baseline lines); all zero without. */
  readonly retirementSavings: readonly Money[];
}

/**
 * Net cash flows of an option against the physical baseline, per year 0…N (savings positive).
 * Built by push, not `Array.prototype.map`: map's result is a packed array from the builtin and
 * a holey one once the engine has optimised the caller, and the finance functions reading the
 * flows (NPV, IRR) were then sent back to the interpreter partway through a session.
 */
function netFlowsOf(physical: CostSchedule, option: CostSchedule): Money[] {
  const flows: Money[] = [];
  physical.years.forEach((y, t) => flows.push(y.total.minus(option.years[t]?.total ?? ZERO)));
  return flows;
}

/**
 * The NPV of an option against the physical baseline alone: the business case's `npv`, without
 * its IRR, paybacks and the rest (the sensitivity analysis needs only this, many times over).
 */
export function npvAgainst(physical: CostSchedule, option: CostSchedule, discountRate: Dec): Money {
  return netPresentValue(discountRate, netFlowsOf(physical, option));
}

/** The IRR of net flows: `irr` itself, or {@link irrOncePerFlows} within one analysis. */
export type IrrOf = (netFlows: readonly Money[]) => IrrResult;

/**
 * `irr` (default guess and options), counted once per distinct series of net flows: options
 * that cost the same every year (2008 R2 Hyper-V Server and Standard on the same hosts) share
 * the Newton iteration, the business case's costliest step. Equal decimals print alike, and
 * `irr` of equal values is the same result. Made afresh for each analysis.
 */
export function irrOncePerFlows(): IrrOf {
  const known = new Map<string, IrrResult>();
  return (netFlows) => {
    const key = netFlows.join(" ");
    let result = known.get(key);
    if (result === undefined) known.set(key, (result = irr(netFlows)));
    return result;
  };
}

/** The business case of an option against the physical baseline (`irrOf`: how its IRR is found). */
export function businessCase(
  physical: CostSchedule,
  option: CostSchedule,
  discountRate: Dec,
  vms: number,
  horizonYears: number,
  depreciationYears: number,
  irrOf: IrrOf = irr
): BusinessCase {
  const netFlows = netFlowsOf(physical, option);
  const cumulativeFlows: Money[] = [];
  let running = ZERO;
  for (const f of netFlows) cumulativeFlows.push((running = running.plus(f)));
  const rate = irrOf(netFlows);
  return {
    netFlows,
    cumulativeFlows,
    npv: netPresentValue(discountRate, netFlows),
    irr: rate.ok ? rate.rate : null,
    irrFailure: rate.ok ? null : rate.reason,
    payback: paybackMonths(netFlows),
    discountedPayback: discountedPaybackMonths(discountRate, netFlows),
    roiPercent: roiPercent(physical.total, option.total),
    costPerVmPerYear: vms > 0 ? option.total.div(vms * horizonYears) : null,
    totalSavings: physical.total.minus(option.total),
    retirementSavings: physical.years.map((_, t) =>
      sum(
        physical.lines
          .filter((l) => l.id.startsWith(`${RETIRED_PREFIX}.`))
          .map((l) => l.amounts[t] ?? ZERO)
      )
    ),
    annualDepreciation: sln(
      option.years[0]?.byCategory.hardware.plus(option.years[0].byCategory.infrastructure) ?? ZERO,
      ZERO,
      depreciationYears
    ),
  };
}
