/**
 * What the options are compared against. `physical`: the servers as they run today.
 * `vsphere`: the same workloads staying on VMware vSphere — the hosts of the vSphere
 * option already owned (refreshed on a rolling cycle, no purchase in year 0, no migration),
 * with its yearly costs: upkeep, power, space, administration, and the vSphere subscription
 * or support; licences already bought are sunk and not counted again.
 */
import { dec } from "../money";
import type { CapacityPlan } from "../capacity";
import { hostConstraintsFor, licenseOption } from "../licensing";
import type { Scenario } from "../scenario";
import { schedule, type CostSchedule } from "./cashflow";
import { planFor, type LeavingEstate, type PlanCache } from "./analyzeOption";
import { optionLicensing, windowsLicencesOf } from "./licenceCosts";
import { costLine, type CostLine } from "./costLines";
import { optionLines } from "./optionLines";
import { physicalBaselineLines } from "./physical";
import type { OptionLicensing } from "./types";

/** The label of a baseline in tables and sentences ("Staying physical"). */
export function baselineLabel(scenario: Scenario): string {
  return scenario.finance.baseline === "vsphere" ? "Staying on vSphere" : "Staying physical";
}

/** The cost lines of staying on vSphere, from the vSphere option's plan and licensing. */
export function vsphereBaselineLines(
  scenario: Scenario,
  capacity: CapacityPlan,
  licensing: OptionLicensing
): CostLine[] {
  // Running costs only: purchases (hosts, storage, licences bought once), setup and migration are sunk.
  const running = optionLines(scenario, "baseline", capacity, licensing).filter(
    (l) => l.schedule.kind === "annual"
  );
  const refresh = costLine(scenario, {
    id: "baseline.hostRefreshRolling",
    category: "hardware",
    label: "Host refresh (1/cycle a year)",
    quantity: dec(capacity.hosts),
    quantityLabel: "hosts",
    factors: [
      { path: "host.price", exponent: 1 },
      { path: "virtual.hostRefreshYears", exponent: -1 },
    ],
    schedule: { kind: "annual" },
  });
  return capacity.hosts > 0 ? [refresh, ...running] : running;
}

export interface Baseline {
  /** The baseline's costs, years 0…N. */
  readonly schedule: CostSchedule;
  /** Leaving vSphere: the Windows licences and the hardware the estate already has. */
  readonly leaving?: LeavingEstate;
}

/** The baseline's yearly costs, planning the vSphere estate when that is the baseline. */
export function baselineOf(scenario: Scenario, cache: PlanCache): Baseline {
  const n = scenario.finance.horizonYears;
  if (scenario.finance.baseline !== "vsphere") {
    return { schedule: schedule(physicalBaselineLines(scenario), n) };
  }
  // The estate as it runs today: idle VMs retired in the options still run on vSphere.
  const today = scenario.demand.retireIdle
    ? { ...scenario, demand: { ...scenario.demand, retireIdle: false } }
    : scenario;
  const capacity = planFor(
    today,
    hostConstraintsFor("vsphere", today),
    today === scenario ? cache : new Map()
  );
  const result = licenseOption("vsphere", today, capacity);
  const licensing = optionLicensing(result, scenario);
  return {
    schedule: schedule(vsphereBaselineLines(scenario, capacity, licensing), n),
    leaving: {
      owned: windowsLicencesOf(result),
      existing: { hosts: capacity.hosts, clusters: capacity.clusters.length },
    },
  };
}
