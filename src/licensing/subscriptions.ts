/**
 * Estate-wide rules of today's subscriptions, applied after each host is licensed: the VMware
 * order minimum and vSAN entitlement, pay-as-you-go for every Windows VM's virtual cores, and
 * Azure Local per system — Azure Hybrid Benefit (owned Datacenter cores with active SA cover a
 * system's physical cores one for one and waive both fees) and owned Datacenter licences
 * assigned to each machine instead of the Windows Server subscription.
 */
import { dec } from "../money";
import type { CapacityPlan } from "../capacity/contract";
import type { Scenario } from "../scenario/types";
import {
  SUBSCRIPTION_RULES,
  VSAN_TIB_PER_CORE,
  windowsRule,
  type SubscriptionKind,
} from "./catalogs";
import { licensedCores, subscriptionLine } from "./count";
import { MESSAGES } from "./messages";
import type { LicensedHost, LicenceLine } from "./types";

/** What Azure Hybrid Benefit covers on Azure Local (the TCO times its 180-day dual use). */
export interface HybridBenefitUse {
  /** Owned Datacenter cores exchanged, one per physical core. */
  readonly cores: number;
  /** Systems (clusters) wholly covered. */
  readonly clusters: number;
}

export interface EstateSubscription {
  readonly lines: readonly LicenceLine[];
  readonly notes: readonly string[];
  readonly hybridBenefit: HybridBenefitUse | null;
}

const SUBSCRIPTION_SKUS: ReadonlySet<string> = new Set(
  Object.values(SUBSCRIPTION_RULES).map((r) => r.sku)
);

/** Cores a Windows Server licence must cover on one machine (16-core rules of the platform; 16 per 2 processors before 2016). */
function licensedCoresPerHost(scenario: Scenario): number {
  const rule = windowsRule(scenario.platform, "datacenter");
  const host = { sockets: scenario.host.sockets, coresPerSocket: scenario.host.coresPerSocket };
  if (rule?.count.kind === "perCore") return licensedCores(rule.count, host);
  return Math.ceil(host.sockets / 2) * 16;
}

/**
 * The estate's lines under subscription `kind`, from the per-host lines already aggregated
 * (`lines`) and the licensed hosts (`hosts`, counted cluster-aware or not). Lines of other
 * kinds pass through.
 */
export function estateSubscription(
  kind: SubscriptionKind,
  scenario: Scenario,
  capacity: CapacityPlan,
  hosts: readonly LicensedHost[],
  lines: readonly LicenceLine[]
): EstateSubscription {
  switch (kind) {
    case "vcf":
    case "vvf":
      return vmwareEstate(kind, scenario, lines);
    case "windows-payg":
      return paygEstate(scenario, capacity, lines);
    case "azure-local":
      return azureLocalEstate(scenario, capacity, hosts, lines);
  }
}

/** The order minimum (whole order) and the vSAN capacity beyond the per-core entitlement. */
function vmwareEstate(
  kind: "vcf" | "vvf",
  scenario: Scenario,
  lines: readonly LicenceLine[]
): EstateSubscription {
  const { prices, vmware } = scenario.licensing;
  const rule = SUBSCRIPTION_RULES[kind];
  const billed = lines.filter((l) => l.sku === rule.sku).reduce((n, l) => n + l.quantity, 0);
  const out = [...lines];
  const notes: string[] = [];
  let cores = billed;
  const minimum = vmware.minimumCoresPerOrder;
  if (minimum > 0 && billed > 0 && billed < minimum) {
    const extra = minimum - billed;
    out.push(
      subscriptionLine(
        kind === "vcf" ? SUBSCRIPTION_RULES.vcfOrderMinimum : SUBSCRIPTION_RULES.vvfOrderMinimum,
        extra,
        prices,
        MESSAGES.basis.orderMinimum(billed, minimum)
      )
    );
    notes.push(MESSAGES.orderMinimum(billed, minimum));
    cores = minimum;
  }
  if (vmware.vsanTiB.gt(0)) {
    const entitled = dec(VSAN_TIB_PER_CORE[kind]).times(cores);
    const shortfall = Math.max(0, vmware.vsanTiB.minus(entitled).ceil().toNumber());
    const tib = vmware.vsanTiB.toString();
    if (shortfall > 0) {
      out.push(
        subscriptionLine(
          SUBSCRIPTION_RULES.vsan,
          shortfall,
          prices,
          MESSAGES.basis.vsan(tib, entitled.toString(), shortfall)
        )
      );
      notes.push(MESSAGES.vsanShortfall(tib, entitled.toString(), shortfall));
      if (prices.vsanPerTiB.isZero()) notes.push(MESSAGES.vsanShortfallUnpriced(shortfall));
    } else notes.push(MESSAGES.vsanCovered(tib, entitled.toString()));
  }
  return { lines: out, notes, hybridBenefit: null };
}

/** Every Windows VM on its virtual cores (pay-as-you-go follows the VM: no 90-day rule). */
function paygEstate(
  scenario: Scenario,
  capacity: CapacityPlan,
  lines: readonly LicenceLine[]
): EstateSubscription {
  const windows = capacity.vms.filter((vm) => vm.os === "windows");
  const vcpus = windows.reduce((n, vm) => n + vm.vcpus, 0);
  const out = lines.filter((l) => l.sku !== SUBSCRIPTION_RULES.paygGuest.sku);
  if (vcpus > 0)
    out.push(
      subscriptionLine(
        SUBSCRIPTION_RULES.paygGuest,
        vcpus,
        scenario.licensing.prices,
        MESSAGES.basis.paygGuests(windows.length, vcpus)
      )
    );
  return { lines: out, notes: [], hybridBenefit: null };
}

/**
 * Azure Local per system (cluster): with Azure Hybrid Benefit, owned Datacenter cores with SA
 * cover whole systems (every physical core, Microsoft Learn windows-server
 * azure-hybrid-benefit.md 2025-09-03: "allocate enough core licenses for all physical cores on
 * servers in the Azure Local cluster"), waiving the host fee and the Windows subscription;
 * owned Datacenter cores left license the Windows guests of whole systems machine by machine
 * (16-core rules); every other system pays the host fee, and the Windows subscription when it
 * runs Windows VMs (any node may run them after a failover).
 */
function azureLocalEstate(
  scenario: Scenario,
  capacity: CapacityPlan,
  hosts: readonly LicensedHost[],
  lines: readonly LicenceLine[]
): EstateSubscription {
  const { prices, owned, azureHybridBenefit } = scenario.licensing;
  const perHost = scenario.host.sockets * scenario.host.coresPerSocket;
  const licensedPerHost = licensedCoresPerHost(scenario);
  const windowsIn = new Set(hosts.filter((h) => h.windowsVmsLicensed > 0).map((h) => h.cluster));
  let ownedLeft = owned.datacenterCores;
  let hostCores = 0;
  let windowsCores = 0;
  let windowsClusters = 0;
  const ahb = { cores: 0, clusters: 0 };
  const byOwned = { cores: 0, clusters: 0 };
  let smallestUncovered = Infinity;
  // Systems running Windows VMs first: there Azure Hybrid Benefit waives both fees.
  const ahbFirst = [...capacity.clusters].sort(
    (a, b) => Number(windowsIn.has(b.index)) - Number(windowsIn.has(a.index))
  );
  const byAhb = new Set<number>();
  if (azureHybridBenefit && owned.softwareAssurance) {
    for (const cluster of ahbFirst) {
      const physical = cluster.nodes * perHost;
      if (ownedLeft < physical) continue;
      ownedLeft -= physical;
      ahb.cores += physical;
      ahb.clusters++;
      byAhb.add(cluster.index);
    }
  }
  for (const cluster of capacity.clusters) {
    const physical = cluster.nodes * perHost;
    if (byAhb.has(cluster.index)) continue;
    smallestUncovered = Math.min(smallestUncovered, physical);
    hostCores += physical;
    if (!windowsIn.has(cluster.index)) continue;
    const need = cluster.nodes * licensedPerHost;
    if (ownedLeft >= need) {
      ownedLeft -= need;
      byOwned.cores += need;
      byOwned.clusters++;
      continue;
    }
    windowsCores += physical;
    windowsClusters++;
  }
  const rest = lines.filter((l) => !SUBSCRIPTION_SKUS.has(l.sku));
  const out: LicenceLine[] = [];
  if (hostCores > 0)
    out.push(
      subscriptionLine(
        SUBSCRIPTION_RULES.azureLocalHost,
        hostCores,
        prices,
        `${hostCores} physical cores (${perHost} per machine, no minimum)`
      )
    );
  if (windowsCores > 0)
    out.push(
      subscriptionLine(
        SUBSCRIPTION_RULES.azureLocalWindows,
        windowsCores,
        prices,
        MESSAGES.basis.azureLocalWindows(windowsClusters)
      )
    );
  const notes: string[] = [];
  if (ahb.clusters > 0) notes.push(MESSAGES.azureHybridBenefit(ahb.cores, ahb.clusters));
  else if (azureHybridBenefit && Number.isFinite(smallestUncovered))
    notes.push(MESSAGES.azureHybridBenefitShort(smallestUncovered, owned.datacenterCores));
  if (byOwned.clusters > 0) notes.push(MESSAGES.ownedOnAzureLocal(byOwned.cores, byOwned.clusters));
  return {
    lines: [...out, ...rest],
    notes,
    hybridBenefit: ahb.clusters > 0 ? ahb : null,
  };
}
