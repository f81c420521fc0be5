/**
 * The TCO model as cost lines: each line is an engine quantity times named inputs, on a
 * schedule of years. The same structure gives the engine's exact amounts and the report's
 * live formulas (`=ROUND(quantity * hv_HostPrice, 2)`), so the two cannot drift apart.
 */
import { Dec, ONE, ZERO, roundCents, type Money } from "../money";
import { inputValue, type InputPath, type Scenario } from "../scenario";
import type { TimelineProfile } from "./migrationTimeline";

export const COST_CATEGORIES = [
  "hardware",
  "licensing",
  "infrastructure",
  "maintenance",
  "power",
  "space",
  "setup",
  "manpower",
  "migration",
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<CostCategory, string>> = {
  hardware: "Hardware",
  licensing: "Licensing",
  infrastructure: "Storage and network",
  maintenance: "Maintenance",
  power: "Power and cooling",
  space: "Rack space",
  setup: "Setup",
  manpower: "Administration",
  migration: "Migration",
};

/**
 * When a line's amount falls:
 * - `once`: year 0 only (the investment);
 * - `annual`: every year 1…N;
 * - `refresh`: years t = k × cycle with 0 < t < N (a replacement serving years beyond t;
 *   a purchase at t = N would only serve years past the horizon), cycle = the named input;
 * - `byYear`: every year 0…N with that year's quantity (`quantityByYear`, a series of the
 *   option's capacity over the horizon: hosts bought, refreshed, running…), for lines that
 *   follow demand growth.
 */
export type Schedule =
  | { readonly kind: "once" }
  | { readonly kind: "annual" }
  | { readonly kind: "refresh"; readonly cycleInput: InputPath }
  | { readonly kind: "byYear"; readonly series: string };

/** A named input (JSON path, e.g. `host.price`) multiplied in, or divided by (`exponent: -1`). */
export interface InputFactor {
  readonly path: InputPath;
  readonly exponent: 1 | -1;
}

/** The input at `path` as a factor of a line (`factor("host.price")`), or its inverse with -1. */
export function factor(path: InputPath, exponent: 1 | -1 = 1): InputFactor {
  return { path, exponent };
}

export interface CostLine {
  /** Stable id, e.g. `physical.power` or `datacenter.hosts`. */
  readonly id: string;
  readonly category: CostCategory;
  readonly label: string;
  /** The engine quantity (hosts, servers, watts, licences…). */
  readonly quantity: Dec;
  readonly quantityLabel: string;
  readonly factors: readonly InputFactor[];
  /** A fixed multiplier, e.g. 8.76 = 8,760 h ÷ 1,000 W/kW for power. */
  readonly constant: Dec;
  readonly schedule: Schedule;
  /**
   * An `annual` line that runs only part of some years (leaving VMware): the months per year
   * 0…N of a timeline profile; each year's amount is the year's rate × months ÷ 12.
   */
  readonly months?: { readonly profile: TimelineProfile; readonly perYear: readonly number[] };
  /** With a `byYear` schedule: the quantity of each year 0…N (`quantity` is then their largest). */
  readonly quantityByYear?: readonly Dec[];
  /** Amount per year 0…N, each rounded to cents (costs positive). */
  readonly amounts: readonly Money[];
}

/** Whether year `t` carries a line on this schedule. */
export function scheduledIn(
  schedule: Schedule,
  t: number,
  horizonYears: number,
  scenario: Scenario
): boolean {
  switch (schedule.kind) {
    case "once":
      return t === 0;
    case "annual":
      return t >= 1 && t <= horizonYears;
    case "refresh": {
      const cycle = inputValue(scenario, schedule.cycleInput).toNumber();
      return t > 0 && t < horizonYears && t % cycle === 0;
    }
    case "byYear":
      return t >= 0 && t <= horizonYears;
  }
}

/** The exact (unrounded) amount of one scheduled year: quantity × constant × Π inputs. */
export function lineRate(
  scenario: Scenario,
  quantity: Dec,
  constant: Dec,
  factors: readonly InputFactor[]
): Dec {
  let value = quantity.times(constant);
  for (const f of factors) {
    const v = inputValue(scenario, f.path);
    value = f.exponent === 1 ? value.times(v) : v.isZero() ? ZERO : value.div(v);
  }
  return value;
}

/** Build a cost line and its amounts for years 0…N. */
export function costLine(
  scenario: Scenario,
  spec: Omit<CostLine, "amounts" | "constant"> & { readonly constant?: Dec }
): CostLine {
  const constant = spec.constant ?? ONE;
  const n = scenario.finance.horizonYears;
  const amounts: Money[] = [];
  if (spec.schedule.kind === "byYear") {
    const byYear = spec.quantityByYear ?? [];
    for (let t = 0; t <= n; t++)
      amounts.push(roundCents(lineRate(scenario, byYear[t] ?? ZERO, constant, spec.factors)));
    return Object.assign({}, spec, { constant, amounts });
  }
  const rate = lineRate(scenario, spec.quantity, constant, spec.factors);
  const perYear = roundCents(rate);
  const months = spec.months;
  for (let t = 0; t <= n; t++) {
    if (!scheduledIn(spec.schedule, t, n, scenario)) amounts.push(ZERO);
    else if (months) amounts.push(roundCents(rate.times(months.perYear[t] ?? 0).div(12)));
    else amounts.push(perYear);
  }
  // Object.assign, not { ...spec, constant, amounts }: Node 20 adds fields after a spread on a
  // slow path, and every costing (each sensitivity variant) builds some forty lines.
  return Object.assign({}, spec, { constant, amounts });
}

/** Hours in a year ÷ 1,000 (W → kW): the power constant. */
export const KWH_PER_WATT_YEAR = new Dec("8.76");
