/**
 * One option's analysis from its capacity plan, and the cache that lets options (and the
 * sensitivity analysis) with the same host constraints share one capacity plan.
 */
import { planCapacity, type CapacityPlan, type HostConstraints } from "../capacity";
import { licenseOption } from "../licensing";
import type { OptionId, Scenario } from "../scenario";
import { businessCase, schedule, type CostSchedule } from "./cashflow";
import { optionLicensing } from "./licensing";
import { optionLines } from "./option";
import type { OptionAnalysis } from "./types";

/** Capacity plans by the constraints that shape them: options with the same constraints share one. */
export type PlanCache = Map<string, CapacityPlan>;

export function planFor(scenario: Scenario, constraints: HostConstraints, cache: PlanCache): CapacityPlan {
  const key = JSON.stringify(constraints);
  let plan = cache.get(key);
  if (!plan) cache.set(key, (plan = planCapacity(scenario, constraints)));
  return plan;
}

/** Analyse one option given its capacity plan. */
export function analyzeOption(scenario: Scenario, id: OptionId, capacity: CapacityPlan, physical: CostSchedule): OptionAnalysis {
  const result = licenseOption(id, scenario, capacity);
  const licensing = optionLicensing(result, scenario);
  const costs = schedule(result.eligible ? optionLines(scenario, id, capacity, licensing) : [], scenario.finance.horizonYears);
  const vms = capacity.hostPlans.reduce((s, h) => s + h.vms, 0);
  return {
    id,
    label: result.label,
    eligible: result.eligible,
    reasons: result.reasons,
    capacity,
    licensing,
    costs,
    businessCase: businessCase(physical, costs, scenario.finance.discountRate, vms, scenario.finance.horizonYears),
  };
}

