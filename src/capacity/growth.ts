/**
 * Capacity over the horizon: demand grows by a yearly compound rate (one for all, or one per
 * resource), every year 0…N is planned with that year's demand, and hosts — bought in the
 * year they are first needed — are never removed: hosts owned in year t are the most any year
 * up to t needed. Year 0 is today's demand (the investment); year t's is today's × (1 + r)^t.
 */
import { Dec } from "../money";
import type { Scenario } from "../scenario";
import type { CapacityPlan, HostConstraints } from "./contract";
import type { DemandScale } from "./demand";
import { planCapacity, type PlanOptions } from "./planCapacity";

/** Growth multipliers of one year. */
export interface YearScale extends DemandScale {
  readonly year: number;
}

/** One year's plan. Years with the same multipliers share one plan object. */
export interface YearPlan {
  readonly year: number;
  readonly scale: YearScale;
  readonly plan: CapacityPlan;
}

/** Hosts and clusters per year 0…N: needed by that year's demand, and owned (never fewer than before). */
export interface CapacityByYear {
  readonly years: readonly YearPlan[];
  readonly hostsNeeded: readonly number[];
  readonly hostsOwned: readonly number[];
  readonly clustersNeeded: readonly number[];
  readonly clustersOwned: readonly number[];
  /** Whether any year differs from year 0 (growth on): cost lines then follow the years. */
  readonly changes: boolean;
}

/** The yearly rates of CPU, memory and storage demand: each its own where given, else the common rate. */
export function growthRates(scenario: Scenario): { cpu: Dec; memory: Dec; storage: Dec } {
  const g = scenario.growth;
  return {
    cpu: g.cpuRatePerYear ?? g.ratePerYear,
    memory: g.memoryRatePerYear ?? g.ratePerYear,
    storage: g.storageRatePerYear ?? g.ratePerYear,
  };
}

/** Demand multipliers for years 0…horizon: (1 + rate)^t, exact before they become numbers. */
export function growthScales(scenario: Scenario): YearScale[] {
  const r = growthRates(scenario);
  const factor = (rate: Dec, t: number): number => rate.plus(1).pow(t).toNumber();
  return Array.from({ length: scenario.finance.horizonYears + 1 }, (_, year) => ({
    year,
    cpu: factor(r.cpu, year),
    memory: factor(r.memory, year),
    storage: factor(r.storage, year),
  }));
}

/** The running maximum of a series (what is owned when nothing is ever removed). */
export function ownedOf(needed: readonly number[]): number[] {
  const out: number[] = [];
  let most = 0;
  for (const n of needed) out.push((most = Math.max(most, n)));
  return out;
}

/**
 * Plans every year of the horizon for `scenario` under `constraints`. `year0` is today's plan
 * when the caller has it already. Without growth every year is that plan.
 */
export function planByYear(
  scenario: Scenario,
  constraints: HostConstraints = {},
  options: PlanOptions = {},
  year0: CapacityPlan = planCapacity(scenario, constraints, options)
): CapacityByYear {
  const byKey = new Map<string, CapacityPlan>();
  const keyOf = (s: DemandScale): string => `${s.cpu}|${s.memory}|${s.storage}`;
  byKey.set(keyOf({ cpu: 1, memory: 1, storage: 1 }), year0);
  const years = growthScales(scenario).map((scale) => {
    const key = keyOf(scale);
    let plan = byKey.get(key);
    if (plan === undefined) {
      plan = planCapacity(scenario, constraints, { ...options, demandScale: scale });
      byKey.set(key, plan);
    }
    return { year: scale.year, scale, plan };
  });
  const hostsNeeded = years.map((y) => y.plan.hosts);
  const clustersNeeded = years.map((y) => y.plan.clusters.length);
  return {
    years,
    hostsNeeded,
    hostsOwned: ownedOf(hostsNeeded),
    clustersNeeded,
    clustersOwned: ownedOf(clustersNeeded),
    changes: byKey.size > 1,
  };
}
