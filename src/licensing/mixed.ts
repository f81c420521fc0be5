/**
 * A mixed estate: licences attach to the hardware, so each host may carry the Windows
 * edition that is cheapest for the VMs it may run — Datacenter on dense hosts, Standard or
 * Enterprise on light ones.
 *
 * Which editions can coexist in one cluster:
 * - where a free Hyper-V Server exists (2008 R2 … 2019) every node runs it (it clusters) and
 *   each host's hardware is assigned its own licences for its guests, any edition;
 * - on 2022 and 2025 the nodes run Standard or Datacenter themselves; both are full cluster
 *   nodes, so a cluster may mix them.
 */
import type { CapacityPlan, HostPlan } from "../capacity/contract";
import type { Money } from "../money";
import type { PlatformId } from "../platform";
import type { OptionId, Scenario } from "../scenario/types";
import { optionRow, windowsRules, type WindowsRule, type WindowsWay } from "./catalogs";
import { moneyOf, overHorizon, softwareAssuranceLine, windowsLine } from "./count";
import { eligibility, wantsClustering } from "./eligibility";
import { MESSAGES } from "./messages";
import {
  aggregateLines,
  estateLines,
  estateNotes,
  hostExtraLines,
  hostShapeOf,
  totalsOf,
  vmsToManage,
  windowsVmsToLicense,
} from "./licenseOption";
import type { LicenceLine, LicensingTotals } from "./types";

/** The option a Windows way belongs to (per-VM guest licences are the Hyper-V Server option's). */
export function optionOfWay(way: WindowsWay): OptionId {
  return way === "guest-per-vm" ? "hyperv-server" : way;
}

/** One host of a mixed estate: the edition chosen for it (null when it runs no Windows guests and needs none). */
export interface MixedHostChoice {
  readonly index: number;
  readonly cluster: number;
  readonly windowsVmsLicensed: number;
  readonly way: WindowsWay | null;
  readonly lines: readonly LicenceLine[];
  readonly oneTime: Money;
  readonly annual: Money;
}

export interface MixedEstate extends LicensingTotals {
  readonly platform: PlatformId;
  /** What every node runs. */
  readonly hostOs: string;
  readonly clusterAware: boolean;
  readonly horizonYears: number;
  /** The ways each host could choose from (from the scenario's options). */
  readonly candidates: readonly WindowsWay[];
  readonly hosts: readonly MixedHostChoice[];
  readonly ifNotClusterAware: LicensingTotals;
  readonly totalIfNotClusterAware: Money;
  readonly notes: readonly string[];
}

interface Candidate {
  readonly rule: WindowsRule;
  readonly hostRunsEdition: boolean;
}

function candidatesFor(scenario: Scenario): {
  readonly hostOs: string;
  readonly candidates: readonly Candidate[];
} {
  const { platform } = scenario;
  const listed = new Set(scenario.licensing.options);
  const free = optionRow(platform, "hyperv-server");
  const clustered = wantsClustering(scenario);
  const sockets = scenario.host.sockets;
  if (free.unavailable === null) {
    const candidates = windowsRules(platform)
      .filter((rule) => listed.has(optionOfWay(rule.way)))
      .map((rule) => ({ rule, hostRunsEdition: false }));
    return { hostOs: free.hostOs, candidates };
  }
  const candidates = windowsRules(platform)
    .filter(
      (rule) =>
        listed.has(optionOfWay(rule.way)) &&
        eligibility(optionOfWay(rule.way), platform, { clustered, sockets }).eligible
    )
    .map((rule) => ({ rule, hostRunsEdition: true }));
  return {
    hostOs: candidates.map((c) => optionRow(platform, optionOfWay(c.rule.way)).hostOs).join(" or "),
    candidates,
  };
}

/**
 * The cheapest edition per host for a capacity plan whose hosts have no edition limits (use
 * the Datacenter option's plan). Per host, each candidate is costed over the horizon (one-time
 * + yearly × years, Software Assurance included); ties go to the edition with more VM rights.
 * Null when the scenario's options leave fewer than two editions to mix.
 */
export function licenseMixed(scenario: Scenario, capacity: CapacityPlan): MixedEstate | null {
  const { hostOs, candidates } = candidatesFor(scenario);
  if (candidates.length < 2) return null;
  const shape = hostShapeOf(scenario);
  const { prices, softwareAssuranceRate } = scenario.licensing;
  const horizonYears = scenario.finance.horizonYears;

  // The cheapest edition for a host licensed for this many Windows VMs (ties: more VM rights).
  const cheapestFor = (
    windowsVmsLicensed: number
  ): { way: WindowsWay | null; lines: LicenceLine[]; oneTime: Money; annual: Money } => {
    let best: { way: WindowsWay | null; lines: LicenceLine[]; cost: Money } | null = null;
    for (const { rule, hostRunsEdition } of candidates) {
      const windows = windowsLine(rule, shape, windowsVmsLicensed, hostRunsEdition, prices);
      const lines = windows ? [windows] : [];
      const assurance = softwareAssuranceLine(lines, softwareAssuranceRate);
      if (assurance) lines.push(assurance);
      const m = moneyOf(lines);
      const cost = overHorizon(m.oneTime, m.annual, horizonYears);
      if (best === null || cost.lte(best.cost))
        best = { way: windows ? rule.way : null, lines, cost };
    }
    const lines = best?.lines ?? [];
    return { way: best?.way ?? null, lines, ...moneyOf(lines) };
  };

  // Hosts repeat the same VM counts: choose for each Windows VM count once (the choice reads
  // nothing else), and add per-VM management lines for each (Windows VMs, VMs managed) pair.
  type Chosen = { way: WindowsWay | null; lines: LicenceLine[]; oneTime: Money; annual: Money };
  const byWindowsVms = new Map<number, Chosen>();
  const byCounts = new Map<number, Map<number, Chosen>>();
  const choose = (plan: HostPlan, aware: boolean): MixedHostChoice => {
    const windowsVmsLicensed = windowsVmsToLicense(plan, aware);
    const vmsCounted = vmsToManage(plan, aware);
    let byVms = byCounts.get(windowsVmsLicensed);
    if (!byVms) byCounts.set(windowsVmsLicensed, (byVms = new Map()));
    let chosen = byVms.get(vmsCounted);
    if (!chosen) {
      let edition = byWindowsVms.get(windowsVmsLicensed);
      if (!edition)
        byWindowsVms.set(windowsVmsLicensed, (edition = cheapestFor(windowsVmsLicensed)));
      const extra = hostExtraLines(scenario, vmsCounted);
      const lines = [...edition.lines, ...extra];
      // Without extra lines, the host's sums are the edition's own (moneyOf of the same lines).
      chosen =
        extra.length === 0
          ? { way: edition.way, lines, oneTime: edition.oneTime, annual: edition.annual }
          : { way: edition.way, lines, ...moneyOf(lines) };
      byVms.set(vmsCounted, chosen);
    }
    return {
      index: plan.index,
      cluster: plan.cluster,
      windowsVmsLicensed,
      way: chosen.way,
      lines: chosen.lines,
      oneTime: chosen.oneTime,
      annual: chosen.annual,
    };
  };

  const estate = estateLines(scenario);
  const totals = (hosts: readonly MixedHostChoice[]): LicensingTotals =>
    totalsOf([...aggregateLines(hosts.map((h) => h.lines)), ...estate], horizonYears);
  const awareHosts = capacity.hostPlans.map((p) => choose(p, true));
  const steadyHosts = capacity.hostPlans.map((p) => choose(p, false));
  const aware = totals(awareHosts);
  const steady = totals(steadyHosts);
  const clusterAware = scenario.licensing.clusterAware;
  return {
    platform: scenario.platform,
    hostOs,
    clusterAware,
    horizonYears,
    candidates: candidates.map((c) => c.rule.way),
    hosts: clusterAware ? awareHosts : steadyHosts,
    ...(clusterAware ? aware : steady),
    ifNotClusterAware: steady,
    totalIfNotClusterAware: steady.total,
    notes: [MESSAGES.mixedEstate, ...estateNotes(scenario, aware, steady)],
  };
}
