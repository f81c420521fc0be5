/**
 * One option's analysis from its capacity plan, and the cache that lets options (and the
 * sensitivity analysis) with the same host constraints share one capacity plan.
 */
import { planCapacity, type CapacityPlan, type HostConstraints } from "../capacity";
import { licenseOption, type OptionLicensing as ModuleOptionLicensing } from "../licensing";
import type { OptionId, Scenario } from "../scenario";
import { businessCase, schedule, type CostSchedule } from "./cashflow";
import { optionLicensing, type OwnedLicences } from "./licenceCosts";
import type { ExistingEstate } from "./optionLines";
import { optionLines } from "./optionLines";
import type { OptionAnalysis } from "./types";

/** A vSphere estate being left: the Windows licences it owns and the hardware it can hand over. */
export interface LeavingEstate {
  readonly owned: OwnedLicences;
  readonly existing: ExistingEstate;
}

const BASELINE_REASON =
  "Staying on VMware vSphere is the baseline here (finance.baseline = vsphere): the other options are compared with it.";

/** Capacity plans by the constraints that shape them: options with the same constraints share one. */
export type PlanCache = Map<string, CapacityPlan>;

/**
 * The cache key of a capacity plan: the constraints that shape it. `reason` is only text, and
 * it reaches the plan (in its notes) only through a limit or standalone hosts — so options
 * that add nothing but a reason (2008 R2 Standard licences on Hyper-V Server cluster nodes)
 * share the unconstrained plan instead of packing the same estate a second time.
 */
function planKey(c: HostConstraints): string {
  const shaping =
    c.maxHostMemoryGiB !== undefined ||
    c.maxRunningVmsPerHost !== undefined ||
    c.clusteringAllowed === false;
  return JSON.stringify([
    c.maxHostMemoryGiB ?? null,
    c.maxRunningVmsPerHost ?? null,
    c.clusteringAllowed !== false,
    shaping ? (c.reason ?? null) : null,
  ]);
}

/** The capacity plan for `constraints`, from `cache` when options share the same constraints. */
export function planFor(
  scenario: Scenario,
  constraints: HostConstraints,
  cache: PlanCache
): CapacityPlan {
  const key = planKey(constraints);
  let plan = cache.get(key);
  if (!plan) cache.set(key, (plan = planCapacity(scenario, constraints)));
  return plan;
}

/**
 * Analyse one option given its capacity plan. `licensed` is `licenseOption(id, scenario,
 * capacity)` when the caller already has it (the sensitivity analysis varies inputs that
 * leave licence counts and prices alone, and so counts the licences once).
 */
export function analyzeOption(
  scenario: Scenario,
  id: OptionId,
  capacity: CapacityPlan,
  physical: CostSchedule,
  licensed?: ModuleOptionLicensing,
  leaving?: LeavingEstate
): OptionAnalysis {
  const result = licensed ?? licenseOption(id, scenario, capacity);
  // Leaving vSphere: staying there is the baseline, not an option to move to.
  const isBaseline = leaving !== undefined && id === "vsphere";
  const eligible = result.eligible && !isBaseline;
  const reasons = isBaseline ? [BASELINE_REASON] : result.reasons;
  const licensing = optionLicensing(result, scenario, leaving?.owned);
  const costs = schedule(
    eligible ? optionLines(scenario, id, capacity, licensing, leaving?.existing) : [],
    scenario.finance.horizonYears
  );
  const vms = capacity.hostPlans.reduce((s, h) => s + h.vms, 0);
  return {
    id,
    label: result.label,
    eligible,
    reasons,
    capacity,
    licensing,
    costs,
    businessCase: businessCase(
      physical,
      costs,
      scenario.finance.discountRate,
      vms,
      scenario.finance.horizonYears,
      scenario.finance.depreciationYears
    ),
  };
}
