/**
 * Sensitivity: the NPV of one option with each key assumption 20 % lower and higher (the
 * tornado, sorted by swing), and for the most sensitive ones the value at which the NPV
 * crosses zero — "at what tariff does the project stop paying". Only utilisation changes the
 * capacity plan; every other input reuses it, and every input but the licence prices only
 * re-prices the base costing's lines that read it (the capacity plan, licence counts and the
 * physical baseline's quantities are counted once).
 */
import { Dec, ONE, ZERO, dec, min, sumOfProducts, type Money } from "../money";
import {
  hostConstraintsFor,
  licenseOption,
  type OptionLicensing as ModuleOptionLicensing,
} from "../licensing";
import {
  INPUT_PATHS,
  inputValue,
  type InventoryRow,
  valueAt,
  withInput,
  type InputPath,
  type OptionId,
  type Scenario,
} from "../scenario";
import { optionCosts, optionNpv, planFor, yearsFor, type PlanCache } from "./analyzeOption";
import { baselineOf, type Baseline } from "./baseline";
import { npvAgainst, rescheduled, type CostSchedule } from "./cashflow";
import { costLine, type CostCategory, type CostLine } from "./costLines";
import { physicalBaselineQuantities, type PhysicalBaselineQuantities } from "./physical";
import type { Sensitivity, SensitivityInput, SensitivityRow } from "./types";

export interface Param {
  readonly input: SensitivityInput;
  readonly label: string;
  /** The label inside a sentence ("The NPV moves most with licence prices"). */
  readonly phrase: string;
  /** Changing it changes the capacity plan. */
  readonly capacity?: boolean;
  /** Lowest meaningful value of the input (PUE ≥ 1). */
  readonly floor?: Dec;
  /** Highest meaningful scale factor, given the scenario. */
  readonly maxFactor?: (s: Scenario) => number;
}

/** The inputs the sensitivity analysis scales (exported for the plan-store test). */
export const SENSITIVITY_PARAMS: readonly Param[] = [
  {
    input: "inventory.peakCpuUtilization",
    label: "Peak CPU utilisation (every server)",
    phrase: "the peak CPU utilisation of every server",
    capacity: true,
    maxFactor: (s) =>
      1 / Math.max(...s.inventory.map((r) => r.peakCpuUtilization.toNumber()), 1e-9),
  },
  { input: "host.price", label: "Host price", phrase: "the host price" },
  { input: "licensing.prices", label: "Licence prices (all)", phrase: "licence prices (all)" },
  {
    input: "housing.electricityPerKWh",
    label: "Electricity tariff",
    phrase: "the electricity tariff",
  },
  { input: "housing.pue", label: "PUE", phrase: "the PUE", floor: ONE },
  {
    input: "manpower.adminHourlyRate",
    label: "Admin hourly rate",
    phrase: "the admin hourly rate",
  },
  {
    input: "manpower.hoursPerPhysicalServerPerYear",
    label: "Admin hours per physical server",
    phrase: "admin hours per physical server",
  },
  {
    input: "physical.serverPrice",
    label: "Physical server price",
    phrase: "the physical server price",
  },
  { input: "finance.discountRate", label: "Discount rate", phrase: "the discount rate" },
];

/** Every licence price input (`licensing.prices.*`): what "Licence prices (all)" scales together. */
const PRICE_INPUTS: readonly InputPath[] = INPUT_PATHS.filter((path) =>
  path.startsWith("licensing.prices.")
);

/** Whether a row carries none of the optional (measured or in-use) columns. */
function hasNoMeasurements(r: InventoryRow): boolean {
  return (
    r.storageInUseGiB === undefined &&
    r.measuredPercentile === undefined &&
    r.measuredCpuUtilization === undefined &&
    r.measuredMemoryGiB === undefined &&
    r.averageDiskMBps === undefined &&
    r.averageNetworkMBps === undefined
  );
}

/**
 * A copy of a row without optional columns, its utilisations replaced: one literal with the
 * columns in the parser's order (that of `InventoryRow`), twelve times quicker than
 * `Object.assign({}, r)` on Node 20 (0.015 against 0.19 ms for 1,000 rows).
 */
function peakOnlyRow(r: InventoryRow, peak: Dec, average: Dec): InventoryRow {
  return {
    name: r.name,
    count: r.count,
    os: r.os,
    cores: r.cores,
    cpuGhz: r.cpuGhz,
    peakCpuUtilization: peak,
    averageCpuUtilization: average,
    memoryGiB: r.memoryGiB,
    storageGiB: r.storageGiB,
    powerWatts: r.powerWatts,
    rackUnits: r.rackUnits,
    stayPhysical: r.stayPhysical,
  };
}

/** The scenario with one input scaled by `factor` (a new object; the original is untouched). */
export function scaled(
  scenario: Scenario,
  input: SensitivityInput,
  factor: Dec,
  floor?: Dec
): Scenario {
  const scale = (v: Dec): Dec => {
    const x = v.times(factor);
    return floor && x.lt(floor) ? floor : x;
  };
  if (input === "inventory.peakCpuUtilization") {
    // One scaled pair per distinct (peak, average) pair (the parser shares a Decimal among rows
    // that read the same text): 100,000 rows hold a few hundred pairs, not 200,000 new Decimals
    // and 100,000 comparisons.
    const pairs = new Map<Dec, Map<Dec, readonly [Dec, Dec]>>();
    const scaledPair = (r: InventoryRow): readonly [Dec, Dec] => {
      let byAverage = pairs.get(r.peakCpuUtilization);
      if (byAverage === undefined) pairs.set(r.peakCpuUtilization, (byAverage = new Map()));
      let pair = byAverage.get(r.averageCpuUtilization);
      if (pair === undefined) {
        const peak = min(ONE, scale(r.peakCpuUtilization));
        pair = [peak, min(peak, r.averageCpuUtilization.times(factor))];
        byAverage.set(r.averageCpuUtilization, pair);
      }
      return pair;
    };
    return {
      ...scenario,
      inventory: scenario.inventory.map((r) => {
        const [peak, average] = scaledPair(r);
        if (hasNoMeasurements(r)) return peakOnlyRow(r, peak, average);
        // A copy, then its two fields set: the quickest general copy measured on Node 20
        // (spread or Object.assign with a literal).
        const row: { -readonly [K in keyof InventoryRow]: InventoryRow[K] } = Object.assign({}, r);
        row.peakCpuUtilization = peak;
        row.averageCpuUtilization = average;
        return row;
      }),
    };
  }
  if (input === "licensing.prices")
    return PRICE_INPUTS.reduce(
      (s, path) => withInput(s, path, scale(inputValue(s, path))),
      scenario
    );
  return withInput(scenario, input, scale(inputValue(scenario, input)));
}

/** A representative base value for display: the input itself, or the mean peak / a scale of 1. */
function baseValueOf(scenario: Scenario, p: Param): Dec {
  if (p.input === "licensing.prices") return ONE;
  if (p.input === "inventory.peakCpuUtilization") {
    const rows = scenario.inventory;
    const servers = rows.reduce((n, r) => n + r.count, 0);
    // A few hundred distinct peaks among thousands of rows: summed once per peak.
    const total = sumOfProducts(
      rows,
      (r) => r.peakCpuUtilization,
      (r) => r.count
    );
    return servers > 0 ? total.div(servers).toDecimalPlaces(4) : ZERO;
  }
  return inputValue(scenario, p.input);
}

/**
 * What every variant of one option's sensitivity analysis shares: the base scenario, its
 * baseline and plans, and what is counted once, on first use, for the inputs that leave it
 * alone.
 */
interface Shared {
  readonly scenario: Scenario;
  readonly option: OptionId;
  readonly baseline: Baseline;
  readonly cache: PlanCache;
  /** The option's licensing: counts and prices depend only on the plan and the licensing inputs. */
  readonly licensing: () => ModuleOptionLicensing;
  /** The physical baseline's quantities (see `keepsPhysicalQuantities`). */
  readonly physical: () => PhysicalBaselineQuantities;
  /** The option's costs in the base scenario. */
  readonly costs: () => CostSchedule;
}

function shared(
  scenario: Scenario,
  option: OptionId,
  baseline: Baseline,
  cache: PlanCache,
  costs: CostSchedule | undefined
): Shared {
  const constraints = hostConstraintsFor(option, scenario);
  const once = <T>(f: () => T): (() => T) => {
    let value: { readonly v: T } | undefined;
    return () => (value ??= { v: f() }).v;
  };
  const licensing = once(() =>
    licenseOption(option, scenario, planFor(scenario, constraints, cache))
  );
  return {
    scenario,
    option,
    baseline,
    cache,
    licensing,
    // The analysis's baseline has them (of this inventory and `demand`; the scenario may differ
    // from the analysed one by its host alone).
    physical: once(() => baseline.physical ?? physicalBaselineQuantities(scenario)),
    costs: once(
      () =>
        costs ??
        optionCosts(
          scenario,
          option,
          planFor(scenario, constraints, cache),
          licensing(),
          baseline.leaving,
          yearsFor(scenario, constraints, cache)
        )
    ),
  };
}

/** The option's NPV with input `p` scaled by `factor`. */
function npvAt(base: Shared, p: Param, factor: Dec): Money {
  const { scenario, option, cache } = base;
  const variant = scaled(scenario, p.input, factor, p.floor);
  const replanCache: PlanCache = p.capacity ? new Map() : cache;
  const baseline = leavesBaselineUnchanged(p, scenario)
    ? base.baseline
    : scenario.finance.baseline === "physical" && keepsPhysicalQuantities(p, scenario)
      ? // The same servers, priced under the variant: only the lines that read the input move.
        { ...base.baseline, schedule: repriced(base.baseline.schedule, variant, p.input) }
      : baselineOf(
          variant,
          replanCache,
          keepsPhysicalQuantities(p, scenario) ? base.physical() : undefined
        );
  const physical = baseline.schedule;
  if (p.capacity) {
    const constraints = hostConstraintsFor(option, variant);
    const replanned = planFor(variant, constraints, replanCache);
    return optionNpv(
      variant,
      option,
      replanned,
      physical,
      undefined,
      baseline.leaving,
      yearsFor(variant, constraints, replanCache)
    );
  }
  // Inputs that only price the option's cost lines (every one but the licence prices, which
  // also price its licensing): the base costing's lines, those that read the input re-priced.
  // Leaving VMware (the move's timeline) and Azure Local (Azure Hybrid Benefit elected only
  // where it pays) decide more from the inputs: they are costed afresh.
  if (p.input !== "licensing.prices" && baseline.leaving === undefined && option !== "azure-local")
    return npvAgainst(
      physical,
      repriced(base.costs(), variant, p.input),
      variant.finance.discountRate
    );
  const constraints = hostConstraintsFor(option, scenario);
  return optionNpv(
    variant,
    option,
    planFor(scenario, constraints, cache),
    physical,
    p.input === "licensing.prices" ? undefined : base.licensing(),
    baseline.leaving,
    yearsFor(scenario, constraints, cache)
  );
}

/** Whether a cost line's amounts read the input at `path` (a factor, or its refresh cycle). */
function reads(line: CostLine, path: SensitivityInput): boolean {
  return (
    line.factors.some((f) => f.path === path) ||
    (line.schedule.kind === "refresh" && line.schedule.cycleInput === path)
  );
}

/**
 * `costs` with the lines that read the input at `path` re-priced under `variant`: a line's
 * quantities, schedule and factors are what the costing decided; only its inputs' values move.
 */
function repriced(costs: CostSchedule, variant: Scenario, path: SensitivityInput): CostSchedule {
  const changed = new Set<CostCategory>();
  const lines = costs.lines.map((l) => {
    if (!reads(l, path)) return l;
    changed.add(l.category);
    return costLine(variant, l);
  });
  return changed.size === 0 ? costs : rescheduled(costs, lines, changed);
}

/**
 * Inputs that leave the physical baseline's quantities alone: every input but the inventory's,
 * and utilisation too unless idle servers are retired — the quantities (servers, watts, rack
 * units) read utilisation only to find the idle ones.
 */
function keepsPhysicalQuantities(p: Param, scenario: Scenario): boolean {
  if (!p.input.startsWith("inventory.")) return true;
  return p.input === "inventory.peakCpuUtilization" && !scenario.demand.retireIdle;
}

/** Inputs that leave the baseline's costs unchanged (so it need not be recomputed). */
function leavesBaselineUnchanged(p: Param, scenario: Scenario): boolean {
  // Staying on vSphere pays host refresh and vSphere subscriptions: only the rate leaves it alone.
  if (scenario.finance.baseline !== "physical") return p.input === "finance.discountRate";
  return (
    p.input === "host.price" ||
    p.input === "licensing.prices" ||
    p.input === "finance.discountRate" ||
    // The physical lines price the baseline's quantities with inputs utilisation is not one
    // of: with the same quantities, the same costs.
    (p.input === "inventory.peakCpuUtilization" && keepsPhysicalQuantities(p, scenario))
  );
}

/**
 * Bisection on the scale factor for NPV = 0 between `lo` and `hi` (NPV signs must differ).
 * Stops early once `settled(a, b)`: every factor left in [a, b] gives the same reported value,
 * so further halvings (each a whole analysis, or a re-plan) could not change the answer.
 * With `linear` (see {@link linearSlack}), the NPV at a factor x is within `linear.slack` of a
 * straight line in x, so the line through the NPVs at `lo` and `hi` is within twice that of
 * the NPV anywhere between them: where the line is further than that from zero, its sign is
 * the NPV's, and the bisection takes it instead of computing the NPV.
 */
function crossing(
  f: (x: number) => Money,
  lo: number,
  hi: number,
  iterations: number,
  settled: (a: number, b: number) => boolean,
  linear: { readonly slack: Dec; readonly factorAt: (x: number) => Dec } | null
): number | null {
  let a = lo;
  let b = hi;
  const fa = f(a);
  const fb = f(b);
  if (fa.isZero()) return a;
  if (fa.isNegative() === fb.isNegative()) return null;
  const x0 = linear?.factorAt(lo);
  const x1 = linear?.factorAt(hi);
  const margin = linear?.slack.times(2);
  const negativeAt = (m: number): boolean => {
    if (linear && x0 && x1 && margin && !x1.eq(x0)) {
      const t = linear.factorAt(m).minus(x0).div(x1.minus(x0));
      const line = fa.plus(fb.minus(fa).times(t));
      if (line.abs().gt(margin)) return line.isNegative();
    }
    return f(m).isNegative();
  };
  let aNegative = fa.isNegative();
  for (let i = 0; i < iterations && !settled(a, b); i++) {
    const m = (a + b) / 2;
    const mNegative = negativeAt(m);
    if (mNegative === aNegative) {
      a = m;
      aNegative = mNegative;
    } else {
      b = m;
    }
  }
  return (a + b) / 2;
}

/**
 * When the NPV of input `p` scaled by any factor up to `highest` is the base costing
 * re-priced (`npvAt`'s `repriced` paths: the option's lines, and the physical baseline's or
 * none) and every line that reads the input reads it once, as a factor (not divided by it, not
 * its refresh cycle), each re-priced amount is a fixed rate × the factor, rounded to cents, and
 * the NPV a straight line in the factor but for those roundings: at most half a cent per
 * re-priced line and year, discounted. The slack returned is twice that (a cent), which also
 * covers the 40-digit roundings of products and quotients while every amount stays below
 * 10^20 (they then err by under 10^-17; sums of cents that size are exact). Null otherwise.
 */
function linearSlack(base: Shared, p: Param, highest: number): Dec | null {
  const { scenario, option } = base;
  const input = p.input;
  if (input === "inventory.peakCpuUtilization" || input === "licensing.prices") return null;
  if (p.capacity || p.floor || input === "finance.discountRate") return null;
  // A count (a number) is scaled and read back through a double: not exactly linear.
  if (!(valueAt(scenario, input) instanceof Dec)) return null;
  if (base.baseline.leaving !== undefined || option === "azure-local") return null;
  const schedules = [base.costs()];
  if (!leavesBaselineUnchanged(p, scenario)) {
    if (scenario.finance.baseline !== "physical" || !keepsPhysicalQuantities(p, scenario))
      return null;
    schedules.push(base.baseline.schedule);
  }
  let reading = 0;
  let amounts = 0;
  let largest = 0; // every amount is below 10^largest
  for (const { lines } of schedules)
    for (const line of lines) {
      let uses = 0;
      for (const f of line.factors) {
        if (f.path !== input) continue;
        if (f.exponent !== 1) return null;
        uses++;
      }
      if (uses > 1 || (line.schedule.kind === "refresh" && line.schedule.cycleInput === input))
        return null;
      reading += uses;
      for (const amount of line.amounts) {
        amounts++;
        if (!amount.isZero()) largest = Math.max(largest, amount.e + 1);
      }
    }
  // Re-priced amounts grow with the factor (at most `highest` times, plus a cent).
  if (amounts * 10 ** largest * Math.max(1, highest) >= 1e19) return null;
  const years = scenario.finance.horizonYears + 1;
  const rate = scenario.finance.discountRate;
  // The largest discount weight 1 / (1 + rate)^t: 1 at t = 0, more only for a negative rate.
  const weight = rate.isNegative() ? ONE.div(ONE.plus(rate).pow(years - 1)) : ONE;
  return new Dec(reading * years).div(100).times(weight);
}

/**
 * The ±20 % analysis of one option. `known`: the option's costs in `scenario` and its NPV
 * against `baseline`, when the caller has them (the analysis does), so the base costing is
 * not done twice.
 */
export function sensitivityOf(
  scenario: Scenario,
  option: OptionId,
  baseline: Baseline,
  cache: PlanCache,
  known?: { readonly costs: CostSchedule; readonly npv: Money }
): Sensitivity {
  const low = new Dec("0.8");
  const high = new Dec("1.2");
  const common = shared(scenario, option, baseline, cache, known?.costs);
  const unchanged: Param = { input: "host.price", label: "", phrase: "" };
  const baseNpv = known?.npv ?? npvAt(common, unchanged, ONE);
  // The mean peak utilisation walks the whole inventory: one base value per input.
  const baseValues = new Map(SENSITIVITY_PARAMS.map((p) => [p.input, baseValueOf(scenario, p)]));
  const rows: SensitivityRow[] = SENSITIVITY_PARAMS.map((p) => {
    const base = baseValues.get(p.input) as Dec;
    const npvLow = npvAt(common, p, low);
    const npvHigh = npvAt(common, p, high);
    const clamp = (v: Dec): Dec => (p.floor && v.lt(p.floor) ? p.floor : v);
    return {
      input: p.input,
      label: p.label,
      baseValue: base,
      lowValue: clamp(base.times(low)),
      highValue:
        p.input === "inventory.peakCpuUtilization" ? min(ONE, base.times(high)) : base.times(high),
      npvLow,
      npvHigh,
      swing: npvHigh.minus(npvLow).abs(),
      breakEvenValue: null,
    };
  }).sort((a, b) => b.swing.comparedTo(a.swing) || a.label.localeCompare(b.label));

  // Break-even values of the three most sensitive inputs.
  const withBreakEven = rows.map((row, i) => {
    if (i >= 3 || row.swing.isZero()) return row;
    const p = SENSITIVITY_PARAMS.find((x) => x.input === row.input) as Param;
    const towardZero = baseNpv.isPositive() === row.npvHigh.lt(row.npvLow); // NPV falls as the input rises
    const maxFactor = Math.min(p.maxFactor ? p.maxFactor(scenario) : 20, 20);
    // The bisection starts at a factor of 1 (the base NPV) and may revisit ±20 %: reuse them
    // rather than re-plan capacity for the same inputs.
    const known = new Map<string, Money>([
      [(1).toFixed(6), baseNpv],
      [(0.8).toFixed(6), row.npvLow],
      [(1.2).toFixed(6), row.npvHigh],
    ]);
    const f = (x: number): Money => {
      const key = x.toFixed(6);
      let npv = known.get(key);
      if (npv === undefined) {
        npv = npvAt(common, p, dec(key));
        known.set(key, npv);
      }
      return npv;
    };
    const baseValue = baseValues.get(p.input) as Dec;
    // The value reported for a factor: monotonic in it, so once both ends of the bisection's
    // interval report the same value, every factor between them does too.
    const reported = (x: number): Dec => baseValue.times(dec(x.toFixed(6))).toSignificantDigits(4);
    const settled = (a: number, b: number): boolean => reported(a).eq(reported(b));
    const slack = linearSlack(common, p, towardZero ? maxFactor : 1);
    const linear = slack && { slack, factorAt: (x: number): Dec => dec(x.toFixed(6)) };
    const factor = towardZero
      ? crossing(f, 1, maxFactor, p.capacity ? 12 : 30, settled, linear)
      : crossing(f, 0.0001, 1, p.capacity ? 12 : 30, settled, linear);
    if (factor === null) return row;
    return { ...row, breakEvenValue: reported(factor) };
  });
  return { option, baseNpv, rows: withBreakEven };
}
