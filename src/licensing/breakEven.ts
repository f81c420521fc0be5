/**
 * Break-even: licence cost of one host against the Windows VMs it runs, for every option,
 * and the VM counts where the cheapest option changes. Feeds the break-even chart and the
 * custom function `=HVTCO.BREAKEVEN(editionA, editionB, sockets, coresPerSocket, [platform])`.
 */
import { dec, type Money } from "../money";
import { platformLimits, type PlatformId } from "../platform";
import { defaultSections } from "../scenario/defaults";
import {
  OPTION_IDS,
  type LicensePrices,
  type OptionId,
  type Scenario,
  type VsphereModel,
} from "../scenario/types";
import { optionRow } from "./catalogs";
import { assertCount, overHorizon } from "./count";
import { eligibility, wantsClustering } from "./eligibility";
import { hostLicences, licensesForHost } from "./host";
import { MESSAGES } from "./messages";
import type { HostShape, LicenceTerms } from "./types";

/** A host to chart, without a whole scenario. */
export interface BreakEvenHost {
  readonly platform: PlatformId;
  readonly sockets: number;
  readonly coresPerSocket: number;
  /** Prices and vSphere terms; default `defaultTerms(platform)`. */
  readonly terms?: LicenceTerms;
  /** Years of yearly costs added to one-time costs; defaults to the scenario default horizon (5). */
  readonly horizonYears?: number;
  /** Hosts in a failover cluster (2008 R2 Standard hosts then run Hyper-V Server); default false. */
  readonly clustered?: boolean;
  /** Options to compare; default every option. */
  readonly options?: readonly OptionId[];
}

export interface BreakEvenSeries {
  readonly option: OptionId;
  readonly label: string;
  /** Cost of one host at vms[i] Windows VMs: one-time + yearly × horizonYears. */
  readonly costs: readonly Money[];
}

export interface BreakEvenChange {
  /** The first VM count at which `to` is the cheapest. */
  readonly vms: number;
  readonly from: OptionId | null;
  readonly to: OptionId;
}

export interface BreakEvenTable {
  readonly platform: PlatformId;
  readonly host: HostShape;
  readonly horizonYears: number;
  readonly clustered: boolean;
  /** 1 … maxVms. */
  readonly vms: readonly number[];
  /** One series per eligible option. */
  readonly series: readonly BreakEvenSeries[];
  /** Options left out, with why. */
  readonly excluded: readonly { readonly option: OptionId; readonly reasons: readonly string[] }[];
  /** The cheapest option at each VM count (a tie keeps the previous cheapest, else the first listed). */
  readonly cheapest: readonly OptionId[];
  /** Where the cheapest option changes; the first entry (from: null) is the cheapest at 1 VM. */
  readonly changes: readonly BreakEvenChange[];
}

/** The default licensing terms of a platform (the scenario defaults, with their sources in `scenario/defaults.ts`). */
export function defaultTerms(platform: PlatformId): LicenceTerms {
  const l = defaultSections(platform).licensing as {
    readonly prices: Readonly<Record<keyof LicensePrices, string>>;
    readonly vsphereModel: VsphereModel;
    readonly vsphereCoresPerCpuLicence: number;
    readonly vsphereSupportRate: string;
    readonly softwareAssuranceRate: string;
    readonly vmware: {
      readonly minimumCoresPerCpu: number;
      readonly minimumCoresPerOrder: number;
      readonly termYears: number;
      readonly lateRenewalPenalty: string;
      readonly renewalDate: string;
      readonly renewLate: boolean;
      readonly vsanTiB: string;
    };
  };
  const p = l.prices;
  return {
    prices: {
      guestOsPerVm: dec(p.guestOsPerVm),
      standard: dec(p.standard),
      enterprise: dec(p.enterprise),
      datacenter: dec(p.datacenter),
      vsphere: dec(p.vsphere),
      cal: dec(p.cal),
      systemCenter: dec(p.systemCenter),
      vcf: dec(p.vcf),
      vvf: dec(p.vvf),
      windowsPayg: dec(p.windowsPayg),
      azureLocalHost: dec(p.azureLocalHost),
      azureLocalWindows: dec(p.azureLocalWindows),
      vsanPerTiB: dec(p.vsanPerTiB),
    },
    vsphereModel: l.vsphereModel,
    vsphereCoresPerCpuLicence: l.vsphereCoresPerCpuLicence,
    vsphereSupportRate: dec(l.vsphereSupportRate),
    softwareAssuranceRate: dec(l.softwareAssuranceRate),
    vmware: {
      ...l.vmware,
      lateRenewalPenalty: dec(l.vmware.lateRenewalPenalty),
      vsanTiB: dec(l.vmware.vsanTiB),
    },
  };
}

function defaultHorizon(platform: PlatformId): number {
  return (defaultSections(platform).finance as { readonly horizonYears: number }).horizonYears;
}

const isScenario = (x: Scenario | BreakEvenHost): x is Scenario => "schemaVersion" in x;

function fromScenario(s: Scenario): Required<BreakEvenHost> {
  return {
    platform: s.platform,
    sockets: s.host.sockets,
    coresPerSocket: s.host.coresPerSocket,
    terms: s.licensing,
    horizonYears: s.finance.horizonYears,
    clustered: wantsClustering(s),
    options: s.licensing.options,
  };
}

/** Cost of one host under an option at `vms` Windows VMs over the horizon. */
export function hostCost(
  option: OptionId,
  platform: PlatformId,
  host: HostShape,
  vms: number,
  terms: LicenceTerms,
  horizonYears: number,
  clustered = false
): Money {
  const lic = licensesForHost(option, platform, host, vms, terms, { clustered });
  return overHorizon(lic.oneTime, lic.annual, horizonYears);
}

/**
 * Licence cost of one host against its Windows VMs (1 … maxVms, default the platform's running
 * VMs per host) for every eligible option, the cheapest at each count and where it changes.
 * Host-edition limits (2008 R2 Standard's 192 VMs) are not applied: this is a price curve.
 */
export function breakEven(input: Scenario | BreakEvenHost, maxVms?: number): BreakEvenTable {
  const h = isScenario(input) ? fromScenario(input) : input;
  const platform = h.platform;
  const host: HostShape = { sockets: h.sockets, coresPerSocket: h.coresPerSocket };
  const horizonYears = h.horizonYears ?? defaultHorizon(platform);
  const clustered = h.clustered ?? false;
  const terms = h.terms ?? defaultTerms(platform);
  const last = maxVms ?? platformLimits(platform).maxRunningVmsPerHost;
  assertCount("maxVms", last, 1);
  const vms = Array.from({ length: last }, (_, i) => i + 1);

  const series: BreakEvenSeries[] = [];
  const excluded: { option: OptionId; reasons: readonly string[] }[] = [];
  for (const option of h.options ?? OPTION_IDS) {
    const el = eligibility(option, platform, { clustered, sockets: host.sockets });
    if (!el.eligible) {
      excluded.push({ option, reasons: el.reasons });
      continue;
    }
    // Pay-as-you-go bills each VM's own virtual cores: no single curve against VMs per host.
    if (option === "windows-payg") {
      excluded.push({ option, reasons: [MESSAGES.paygNoBreakEven] });
      continue;
    }
    // hostCost at every count, with what does not depend on the count worked out once.
    const licences = hostLicences(option, platform, host, terms, { clustered });
    const costs = vms.map((n) => {
      const lic = licences(n);
      return overHorizon(lic.oneTime, lic.annual, horizonYears);
    });
    series.push({ option, label: optionRow(platform, option).label, costs });
  }

  const cheapest: OptionId[] = [];
  const changes: BreakEvenChange[] = [];
  vms.forEach((n, i) => {
    const prev = cheapest[i - 1] ?? null;
    let best: BreakEvenSeries | null = null;
    for (const s of series) {
      const c = s.costs[i] as Money;
      const b = best?.costs[i];
      if (b === undefined || c.lt(b) || (c.eq(b) && s.option === prev)) best = s;
    }
    if (!best) return;
    cheapest.push(best.option);
    if (best.option !== prev) changes.push({ vms: n, from: prev, to: best.option });
  });
  return { platform, host, horizonYears, clustered, vms, series, excluded, cheapest, changes };
}

/**
 * The smallest number of Windows VMs per host (1 … maxVms) at which option `b` costs strictly
 * less than option `a` on this host, or null when it never does — or when either option does
 * not exist on the platform (ask `eligibility` for the reason).
 */
export function breakEvenVms(
  a: OptionId,
  b: OptionId,
  host: HostShape,
  terms: LicenceTerms,
  platform: PlatformId,
  options: {
    readonly maxVms?: number;
    readonly horizonYears?: number;
    readonly clustered?: boolean;
  } = {}
): number | null {
  const clustered = options.clustered ?? false;
  const horizonYears = options.horizonYears ?? defaultHorizon(platform);
  const last = options.maxVms ?? platformLimits(platform).maxRunningVmsPerHost;
  assertCount("maxVms", last, 1);
  for (const option of [a, b]) {
    if (!eligibility(option, platform, { clustered, sockets: host.sockets }).eligible) return null;
    if (option === "windows-payg") return null; // billed per VM's cores: no per-host curve
  }
  for (let n = 1; n <= last; n++) {
    const costA = hostCost(a, platform, host, n, terms, horizonYears, clustered);
    const costB = hostCost(b, platform, host, n, terms, horizonYears, clustered);
    if (costB.lt(costA)) return n;
  }
  return null;
}
