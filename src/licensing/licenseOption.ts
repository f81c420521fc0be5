/**
 * Licensing of a whole estate: `licenseOption(option, scenario, capacity)` licenses every
 * host of a capacity plan, cluster-aware (each host for the most Windows VMs it may run after
 * a failover — licences move at most once every 90 days) or not, and always reports the
 * steady-state figure beside it.
 */
import type { CapacityPlan, HostPlan } from "../capacity/contract";
import { sum, ZERO, type Money } from "../money";
import type { OptionId, Scenario } from "../scenario/types";
import { optionRow } from "./catalogs";
import { calLine, line, moneyOf, overHorizon, systemCenterLine } from "./count";
import { eligibility, wantsClustering } from "./eligibility";
import { hostLicences } from "./host";
import { MESSAGES } from "./messages";
import { preferOwnedDatacenter } from "./ownedLicences";
import { estateSubscription, type EstateSubscription } from "./subscriptions";
import type {
  HostLicensing,
  HostShape,
  LicensedHost,
  LicenceLine,
  LicensingTotals,
  OptionLicensing,
} from "./types";

/** Windows VMs a host is licensed for: the post-failover maximum when cluster-aware (never below steady state). */
export function windowsVmsToLicense(host: HostPlan, clusterAware: boolean): number {
  return clusterAware
    ? Math.max(host.windowsVms, host.maxWindowsVmsAfterFailover)
    : host.windowsVms;
}

/** All VMs a host is counted for by per-VM management licences. */
export function vmsToManage(host: HostPlan, clusterAware: boolean): number {
  return clusterAware ? Math.max(host.vms, host.maxVmsAfterFailover) : host.vms;
}

/**
 * Lines of many hosts merged per SKU, in first-seen order. Equal unit prices add up their
 * quantities; differing ones (yearly rates on different bases) become one line of quantity 1
 * whose unit price is the sum — so quantity × unitPrice = cost stays exact.
 */
export function aggregateLines(perHost: readonly (readonly LicenceLine[])[]): LicenceLine[] {
  // Hosts with the same counts share one array of lines (licenseOption, licenseMixed): merge
  // each distinct array once, times the hosts that carry it — the same sums, exactly, in the
  // same first-seen order, without walking thousands of identical lines.
  const hostsOf = new Map<readonly LicenceLine[], number>();
  for (const lines of perHost) hostsOf.set(lines, (hostsOf.get(lines) ?? 0) + 1);
  const bySku = new Map<string, { readonly line: LicenceLine; readonly hosts: number }[]>();
  for (const [lines, hosts] of hostsOf) {
    for (const line of lines) {
      const group = bySku.get(line.sku);
      if (group) group.push({ line, hosts });
      else bySku.set(line.sku, [{ line, hosts }]);
    }
  }
  return [...bySku.values()].map((group) => {
    const first = (group[0] as (typeof group)[number]).line;
    if (group.length === 1 && group[0]?.hosts === 1) return first;
    const cost = sum(group.map((g) => (g.hosts === 1 ? g.line.cost : g.line.cost.times(g.hosts))));
    const samePrice = group.every((g) => g.line.unitPrice.eq(first.unitPrice));
    const basis = aggregateBasis(group);
    return samePrice
      ? line({
          ...first,
          quantity: group.reduce((n, g) => n + g.line.quantity * g.hosts, 0),
          basis,
        })
      : line({ ...first, quantity: 1, unitPrice: cost, basis });
  });
}

function aggregateBasis(
  lines: readonly { readonly line: LicenceLine; readonly hosts: number }[]
): string {
  const counts = new Map<string, number>();
  for (const { line, hosts } of lines)
    counts.set(line.basis, (counts.get(line.basis) ?? 0) + hosts);
  const groups = [...counts.entries()].map(([basis, hosts]) => ({ basis, hosts }));
  const only = groups[0];
  if (groups.length === 1 && only) return MESSAGES.basis.aggregate(only.hosts, only.basis);
  const shown = groups.slice(0, 4);
  return MESSAGES.basis.aggregateMixed(shown, groups.length - shown.length);
}

/** Totals of lines over the horizon. */
export function totalsOf(lines: readonly LicenceLine[], horizonYears: number): LicensingTotals {
  const { oneTime, annual } = moneyOf(lines);
  return { lines, oneTime, annual, total: overHorizon(oneTime, annual, horizonYears) };
}

/** The host shape of a scenario. */
export function hostShapeOf(scenario: Pick<Scenario, "host">): HostShape {
  return { sockets: scenario.host.sockets, coresPerSocket: scenario.host.coresPerSocket };
}

/** Estate-wide lines that do not depend on hosts (CALs). */
export function estateLines(scenario: Scenario): LicenceLine[] {
  const cal = calLine(scenario.licensing.calUsers, scenario.licensing.prices.cal);
  return cal ? [cal] : [];
}

/** Per-host optional lines (System Center), for a host counted for `vms` VMs. */
export function hostExtraLines(scenario: Scenario, vms: number): LicenceLine[] {
  return scenario.licensing.systemCenter
    ? [systemCenterLine(vms, scenario.licensing.prices.systemCenter)]
    : [];
}

/** Notes shared by every option's result: the cluster-aware difference, CALs, System Center. */
export function estateNotes(
  scenario: Scenario,
  aware: LicensingTotals,
  steady: LicensingTotals
): string[] {
  const notes: string[] = [];
  const extra = aware.total.minus(steady.total);
  if (scenario.licensing.clusterAware)
    notes.push(extra.isZero() ? MESSAGES.clusterAwareNoExtra : MESSAGES.clusterAware(extra));
  else if (!extra.isZero()) notes.push(MESSAGES.notClusterAware(extra));
  if (scenario.licensing.calUsers > 0) notes.push(MESSAGES.calsEqual);
  if (scenario.licensing.systemCenter) notes.push(MESSAGES.systemCenterRule);
  return notes;
}

/**
 * Licences of `option` for every host of `capacity` (the plan made with
 * `hostConstraintsFor(option, scenario)`). Lines are aggregated per SKU; `oneTime` is paid
 * once, `annual` every year, `total` = oneTime + annual × finance.horizonYears.
 * `ifNotClusterAware` licenses steady-state counts; with `clusterAware: false` it equals the
 * main figures. An option that does not exist on the platform returns `eligible: false` with
 * its reasons, no lines and zero totals — check `eligible` before comparing totals.
 */
export function licenseOption(
  option: OptionId,
  scenario: Scenario,
  capacity: CapacityPlan
): OptionLicensing {
  const { platform } = scenario;
  const clusterAware = scenario.licensing.clusterAware;
  const clustered = wantsClustering(scenario);
  const horizonYears = scenario.finance.horizonYears;
  const shape = hostShapeOf(scenario);
  const row = optionRow(platform, option);
  const el = eligibility(option, platform, { clustered, sockets: shape.sockets });
  const head = { option, label: row.label, platform, clusterAware, clustered, horizonYears };
  if (!el.eligible) {
    const empty = totalsOf([], horizonYears);
    return {
      ...head,
      ...el,
      ...empty,
      hosts: [],
      ifNotClusterAware: empty,
      totalIfNotClusterAware: ZERO,
      hybridBenefit: null,
    };
  }

  const hostNotes = new Set<string>(el.notes);
  // Hosts repeat the same VM counts: count each (Windows VMs, VMs managed) pair once.
  type Counted = { lines: LicenceLine[]; oneTime: Money; annual: Money; notes: readonly string[] };
  // By Windows VMs, then VMs managed (numbers, not a `w/v` text built for every host).
  const byCounts = new Map<number, Map<number, Counted>>();
  // The Windows licences depend on the Windows VMs alone (many count pairs share them); only
  // per-VM management lines read the VMs counted.
  const byWindowsVms = new Map<number, HostLicensing>();
  // Made at the first host, as licensing a host always was (an estate without hosts counts none).
  let licences: ((windowsVms: number) => HostLicensing) | undefined;
  const license = (plan: HostPlan, aware: boolean): LicensedHost => {
    const windowsVmsLicensed = windowsVmsToLicense(plan, aware);
    const vmsCounted = vmsToManage(plan, aware);
    let byVms = byCounts.get(windowsVmsLicensed);
    if (!byVms) byCounts.set(windowsVmsLicensed, (byVms = new Map()));
    let counted = byVms.get(vmsCounted);
    if (!counted) {
      let lic = byWindowsVms.get(windowsVmsLicensed);
      if (!lic) {
        licences ??= hostLicences(option, platform, shape, scenario.licensing, { clustered });
        lic = licences(windowsVmsLicensed);
        byWindowsVms.set(windowsVmsLicensed, lic);
      }
      const extra = hostExtraLines(scenario, vmsCounted);
      const lines = [...lic.lines, ...extra];
      // Without extra lines, the host's sums are the licences' own (moneyOf of the same lines).
      const money =
        extra.length === 0 ? { oneTime: lic.oneTime, annual: lic.annual } : moneyOf(lines);
      counted = { lines, ...money, notes: lic.notes };
      byVms.set(vmsCounted, counted);
    }
    if (aware === clusterAware) for (const n of counted.notes) hostNotes.add(n);
    return {
      index: plan.index,
      cluster: plan.cluster,
      windowsVms: plan.windowsVms,
      windowsVmsLicensed,
      vmsCounted,
      lines: counted.lines,
      oneTime: counted.oneTime,
      annual: counted.annual,
    };
  };
  // Both counts are always computed: the one not chosen explains what the 90-day rule costs.
  // Owned Datacenter licences are used first: where guests are licensed the cheapest way, and
  // on Standard hosts (a Datacenter licence also grants the Standard edition's rights).
  const owning = (hosts: LicensedHost[]): LicensedHost[] =>
    row.windows === "cheapest" || row.windows === "standard"
      ? preferOwnedDatacenter(hosts, scenario, shape)
      : hosts;
  const awareHosts = owning(capacity.hostPlans.map((p) => license(p, true)));
  const steadyHosts = owning(capacity.hostPlans.map((p) => license(p, false)));
  const estate = estateLines(scenario);
  // Today's subscriptions have estate-wide rules (order minimum, vSAN, Azure Local systems).
  const kind = row.subscription;
  const withEstate = (hosts: readonly LicensedHost[]): EstateSubscription => {
    const lines = aggregateLines(hosts.map((h) => h.lines));
    return kind === null
      ? { lines, notes: [], hybridBenefit: null }
      : estateSubscription(kind, scenario, capacity, hosts, lines);
  };
  const awareEstate = withEstate(awareHosts);
  const steadyEstate = withEstate(steadyHosts);
  const aware = totalsOf([...awareEstate.lines, ...estate], horizonYears);
  const steady = totalsOf([...steadyEstate.lines, ...estate], horizonYears);
  const counted = clusterAware ? aware : steady;
  const countedEstate = clusterAware ? awareEstate : steadyEstate;

  const notes = dedupe([
    ...hostNotes,
    ...countedEstate.notes,
    ...estateNotes(scenario, aware, steady),
  ]);
  return {
    ...head,
    ...el,
    notes,
    ...counted,
    hosts: clusterAware ? awareHosts : steadyHosts,
    ifNotClusterAware: steady,
    totalIfNotClusterAware: steady.total,
    hybridBenefit: countedEstate.hybridBenefit,
  };
}

function dedupe(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}

/**
 * Every option of the scenario (`licensing.options`), each licensed on its own capacity plan.
 * `planFor(option)` is typically `planCapacity(scenario, hostConstraintsFor(option, scenario))`.
 */
export function licenseOptions(
  scenario: Scenario,
  planFor: (option: OptionId) => CapacityPlan
): OptionLicensing[] {
  return scenario.licensing.options.map((option) =>
    licenseOption(option, scenario, planFor(option))
  );
}
