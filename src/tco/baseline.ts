/**
 * What the options are compared against. `physical`: the servers as they run today.
 * `vsphere`, `vcf`, `vvf`: the same workloads staying on VMware — the hosts of that option's
 * plan already owned (refreshed on a rolling cycle, no purchase in year 0, no migration), with
 * its yearly costs: upkeep, power, space, administration, and the VMware subscription (from
 * the renewal date for VCF and VVF, which a timeline gives) or per-CPU support; VMware licences
 * already bought are sunk. Windows licences the estate still lacks after `licensing.owned` are
 * bought in year 0, in the baseline as in every option, so no path is credited with licences
 * the user did not say they own.
 */
import type { CapacityPlan } from "../capacity";
import { hostConstraintsFor, licenseOption } from "../licensing";
import type { Scenario } from "../scenario";
import { schedule, type CostSchedule } from "./cashflow";
import { planFor, type PlanCache } from "./analyzeOption";
import { ownedAssuranceLines, stayingOnVmwareLines, type LeavingEstate } from "./leavingVmware";
import { optionLicensing, ownedBySku } from "./licenceCosts";
import { migrationTimeline } from "./migrationTimeline";
import {
  physicalBaselineLines,
  physicalBaselineQuantities,
  type PhysicalBaselineQuantities,
} from "./physical";

const LABELS: Readonly<Record<Scenario["finance"]["baseline"], string>> = {
  physical: "Staying physical",
  vsphere: "Staying on vSphere",
  vcf: "Staying on VMware Cloud Foundation",
  vvf: "Staying on VMware vSphere Foundation",
};

/** The label of a baseline in tables and sentences ("Staying physical"). */
export function baselineLabel(scenario: Scenario): string {
  return LABELS[scenario.finance.baseline];
}

/** The baseline inside a sentence ("staying on VMware Cloud Foundation"). */
export function baselinePhrase(scenario: Scenario): string {
  const label = baselineLabel(scenario);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** VMs a capacity plan places (what moves off VMware). */
export function placedVms(capacity: CapacityPlan): number {
  return capacity.hostPlans.reduce((s, h) => s + h.vms, 0);
}

export interface Baseline {
  /** The baseline's costs, years 0…N. */
  readonly schedule: CostSchedule;
  /** Leaving VMware: the hardware the estate has, its subscription and the move's timeline. */
  readonly leaving?: LeavingEstate;
  /** Staying physical: the quantities the schedule prices (the sensitivity analysis re-prices them). */
  readonly physical?: PhysicalBaselineQuantities;
}

/**
 * The baseline's yearly costs, planning the VMware estate when that is the baseline.
 * `physical`: the physical baseline's quantities of this inventory and `demand`, when the
 * caller has them (see `physicalBaselineQuantities`).
 */
export function baselineOf(
  scenario: Scenario,
  cache: PlanCache,
  physical?: PhysicalBaselineQuantities,
  cacheOf: (other: Scenario) => PlanCache = () => new Map()
): Baseline {
  const n = scenario.finance.horizonYears;
  const product = scenario.finance.baseline;
  if (product === "physical") {
    const quantities = physical ?? physicalBaselineQuantities(scenario);
    return {
      schedule: schedule(
        [
          ...physicalBaselineLines(scenario, quantities),
          ...ownedAssuranceLines(scenario, "physical"),
        ],
        n
      ),
      physical: quantities,
    };
  }
  // The estate as it runs today: idle VMs retired in the options still run on VMware.
  const today = scenario.demand.retireIdle
    ? { ...scenario, demand: { ...scenario.demand, retireIdle: false } }
    : scenario;
  const capacity = planFor(
    today,
    hostConstraintsFor(product, today),
    today === scenario ? cache : cacheOf(today)
  );
  const result = licenseOption(product, today, capacity);
  const licensing = optionLicensing(result, scenario, ownedBySku(scenario));
  const timeline = product === "vsphere" ? null : migrationTimeline(scenario, placedVms(capacity));
  return {
    schedule: schedule(
      stayingOnVmwareLines(scenario, "baseline", capacity, licensing, timeline),
      n
    ),
    leaving: {
      product,
      existing: { hosts: capacity.hosts, clusters: capacity.clusters.length },
      vmwareLines: licensing.lines,
      timeline,
    },
  };
}
