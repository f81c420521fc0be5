/**
 * Which host to buy: every candidate of `hostOptions` planned, licensed and costed for one
 * option, and the lowest TCO over the horizon chosen (ties: fewer hosts, then input order).
 * A candidate's figures are exactly those of the scenario with `host` set to it: the sweep
 * analyses `withHost(scenario, candidate)` through the same `analyzeOption`. Every cluster is
 * built of one candidate; mixed node shapes inside a cluster are out of scope.
 */
import type { BindingResource, CapacityPlan } from "../capacity";
import { licensedCores, optionRow, windowsRule } from "../licensing";
import type { Money } from "../money";
import type { HostOption, OptionId, Scenario } from "../scenario";
import type { OptionAnalysis } from "./types";

/** The name of the single candidate when a scenario has no `hostOptions`. */
export const SCENARIO_HOST_NAME = "Scenario host";

/** The candidates of a scenario: `hostOptions`, or its `host` alone (named "Scenario host"). */
export function hostCandidates(scenario: Scenario): readonly HostOption[] {
  if (scenario.hostOptions !== undefined && scenario.hostOptions.length > 0)
    return scenario.hostOptions;
  return [
    {
      ...scenario.host,
      name: SCENARIO_HOST_NAME,
      drivesPerNode: scenario.storage.drivesPerNode,
      driveTB: scenario.storage.driveTB,
    },
  ];
}

/**
 * The scenario as if `candidate` were its only host: `host` and the S2D drive fields replaced,
 * `hostOptions` removed — what a user evaluating that host alone would write.
 */
export function withHost(scenario: Scenario, candidate: HostOption): Scenario {
  const rest: Scenario = { ...scenario };
  delete (rest as { hostOptions?: unknown }).hostOptions;
  const host = {
    sockets: candidate.sockets,
    coresPerSocket: candidate.coresPerSocket,
    threadsPerCore: candidate.threadsPerCore,
    cpuGhz: candidate.cpuGhz,
    memoryGiB: candidate.memoryGiB,
    price: candidate.price,
    powerWatts: candidate.powerWatts,
    rackUnits: candidate.rackUnits,
  };
  const { drivesPerNode, driveTB } = candidate;
  return { ...rest, host, storage: { ...scenario.storage, drivesPerNode, driveTB } };
}

/** How an option licenses a host's cores, as data (the edges word it). */
export interface LicenceEffect {
  /** sockets × cores per socket. */
  readonly physicalCoresPerHost: number;
  /** Cores the option bills per host (one licence set), or null when it is not licensed per core. */
  readonly licensedCoresPerHost: number | null;
  /** The floor that applies, e.g. "16 per server, 8 per processor"; null when none. */
  readonly floor: string | null;
}

/** One candidate's result for one option. */
export interface HostSweepEntry {
  /** Position in the candidates (input order). */
  readonly index: number;
  readonly name: string;
  readonly eligible: boolean;
  /** Hosts of today's plan (year 0). */
  readonly hosts: number;
  /** Hosts owned in years 0…N (differs from `hosts` when demand grows). */
  readonly hostsByYear: readonly number[];
  /** Total cost of ownership over the horizon. */
  readonly tco: Money;
  /** The resource that decides the node count of the largest cluster; null with no cluster. */
  readonly binding: BindingResource | null;
  readonly licence: LicenceEffect;
  /** Licensed cores of the whole plan (per host × hosts), or null when not per core. */
  readonly licensedCores: number | null;
  readonly chosen: boolean;
}

/** Why the chosen candidate wins, as data. */
export interface HostChoiceReason {
  readonly chosen: string;
  /** The cheapest other eligible candidate, or null when there is none. */
  readonly runnerUp: string | null;
  /** How much less the chosen candidate costs over the horizon than the runner-up. */
  readonly saving: Money | null;
  /** Decided by a tie on TCO: fewer hosts, or input order. */
  readonly tieBreak: "fewer-hosts" | "input-order" | null;
  readonly binding: BindingResource | null;
  readonly licence: LicenceEffect;
  /** Chosen vs runner-up: hosts. */
  readonly hosts: number;
  readonly runnerUpHosts: number | null;
}

/** The binding resource of the plan's largest cluster (first such cluster on a tie). */
export function bindingOf(plan: CapacityPlan): BindingResource | null {
  let best: CapacityPlan["clusters"][number] | null = null;
  for (const c of plan.clusters) if (!best || c.nodes > best.nodes) best = c;
  return best?.binding ?? null;
}

/** The per-core licence rule an option applies to one host of `scenario` (its `host`). */
export function licenceEffect(scenario: Scenario, id: OptionId): LicenceEffect {
  const { sockets, coresPerSocket } = scenario.host;
  const physicalCoresPerHost = sockets * coresPerSocket;
  const none = { physicalCoresPerHost, licensedCoresPerHost: null, floor: null };
  const row = optionRow(scenario.platform, id);
  if (row.subscription === "vcf" || row.subscription === "vvf") {
    const min = scenario.licensing.vmware.minimumCoresPerCpu;
    return {
      physicalCoresPerHost,
      licensedCoresPerHost: sockets * Math.max(min, coresPerSocket),
      floor: `${min} per processor`,
    };
  }
  if (row.subscription === "windows-payg" || row.subscription === "azure-local")
    return { physicalCoresPerHost, licensedCoresPerHost: physicalCoresPerHost, floor: null };
  if (row.vsphere && scenario.licensing.vsphereModel === "per-core-subscription") {
    const min = scenario.licensing.vmware.minimumCoresPerCpu;
    return {
      physicalCoresPerHost,
      licensedCoresPerHost: sockets * Math.max(min, coresPerSocket),
      floor: `${min} per processor`,
    };
  }
  const way = row.windows;
  if (way === "cheapest" || way === "subscription") return none;
  const rule = windowsRule(scenario.platform, way);
  if (!rule || rule.count.kind !== "perCore") return none;
  return {
    physicalCoresPerHost,
    licensedCoresPerHost: licensedCores(rule.count, { sockets, coresPerSocket }),
    floor: `${rule.count.minCoresPerServer} per server, ${rule.count.minCoresPerProcessor} per processor`,
  };
}

/** One candidate's analysis of one option, with the scenario it was analysed under. */
export interface CandidateAnalysis {
  readonly candidate: HostOption;
  readonly scenario: Scenario;
  readonly analysis: OptionAnalysis;
}

/**
 * Better-first order of candidates: eligible first, then lower TCO, then fewer hosts, then
 * input order (the array's own order, as `a` and `b` are compared by position).
 */
function compare(a: CandidateAnalysis, b: CandidateAnalysis): number {
  if (a.analysis.eligible !== b.analysis.eligible) return a.analysis.eligible ? -1 : 1;
  const byTco = a.analysis.costs.total.cmp(b.analysis.costs.total);
  if (byTco !== 0) return byTco;
  return a.analysis.capacity.hosts - b.analysis.capacity.hosts;
}

/** The sweep of one option: the chosen candidate's position, every entry, and why it wins. */
export interface OptionSweep {
  readonly chosen: number;
  readonly entries: readonly HostSweepEntry[];
  readonly reason: HostChoiceReason;
}

/** Choose among one option's candidate analyses (in input order) and explain the choice. */
export function sweepOption(id: OptionId, runs: readonly CandidateAnalysis[]): OptionSweep {
  if (runs.length === 0) throw new Error("sweepOption needs at least one candidate");
  let chosen = 0;
  for (let i = 1; i < runs.length; i++)
    if (compare(runs[i] as CandidateAnalysis, runs[chosen] as CandidateAnalysis) < 0) chosen = i;
  const entries = runs.map((r, index): HostSweepEntry => {
    const licence = licenceEffect(r.scenario, id);
    const hosts = r.analysis.capacity.hosts;
    return {
      index,
      name: r.candidate.name,
      eligible: r.analysis.eligible,
      hosts,
      hostsByYear: r.analysis.hostsByYear,
      tco: r.analysis.costs.total,
      binding: bindingOf(r.analysis.capacity),
      licence,
      licensedCores:
        licence.licensedCoresPerHost === null ? null : licence.licensedCoresPerHost * hosts,
      chosen: index === chosen,
    };
  });
  const win = entries[chosen] as HostSweepEntry;
  let runnerUp: HostSweepEntry | null = null;
  for (const e of entries) {
    if (e.index === chosen || !e.eligible) continue;
    const r = runs[e.index] as CandidateAnalysis;
    if (!runnerUp || compare(r, runs[runnerUp.index] as CandidateAnalysis) < 0) runnerUp = e;
  }
  const tie = runnerUp !== null && runnerUp.tco.eq(win.tco);
  return {
    chosen,
    entries,
    reason: {
      chosen: win.name,
      runnerUp: runnerUp?.name ?? null,
      saving: runnerUp && win.eligible ? runnerUp.tco.minus(win.tco) : null,
      tieBreak:
        !tie || !runnerUp ? null : runnerUp.hosts !== win.hosts ? "fewer-hosts" : "input-order",
      binding: win.binding,
      licence: win.licence,
      hosts: win.hosts,
      runnerUpHosts: runnerUp?.hosts ?? null,
    },
  };
}
