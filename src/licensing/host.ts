/**
 * Licences for one host: `licensesForHost(option, platform, host, windowsVms, terms)`.
 * Linux VMs need no Windows licence, so only Windows VMs are counted.
 */
import { ZERO } from "../money";
import type { PlatformId } from "../platform";
import type { LicensePrices, OptionId } from "../scenario/types";
import {
  optionRow,
  SUBSCRIPTION_RULES,
  windowsRule,
  windowsRules,
  type SubscriptionKind,
  type WindowsWay,
} from "./catalogs";
import {
  assertCount,
  assertHost,
  moneyOf,
  softwareAssuranceLine,
  subscriptionLine,
  vsphereLines,
  windowsLine,
} from "./count";
import { eligibility, hostSetup } from "./eligibility";
import { MESSAGES } from "./messages";
import type { HostContext, HostLicensing, HostShape, LicenceLine, LicenceTerms } from "./types";

/**
 * The cheapest Windows licences for the guests of a host whose OS needs no Windows licence
 * (Hyper-V Server, vSphere): each of the platform's ways is counted without a host minimum
 * and the cheapest wins; on a tie the later catalog row (the one with more VM rights) wins.
 * Null when the host has no Windows guests.
 */
export function cheapestGuestCoverage(
  platform: PlatformId,
  host: HostShape,
  windowsVms: number,
  prices: LicensePrices
): { readonly way: WindowsWay; readonly line: LicenceLine } | null {
  let best: { way: WindowsWay; line: LicenceLine } | null = null;
  for (const rule of windowsRules(platform)) {
    const candidate = windowsLine(rule, host, windowsVms, false, prices);
    if (candidate && (best === null || candidate.cost.lte(best.line.cost)))
      best = { way: rule.way, line: candidate };
  }
  return best;
}

/**
 * Licences one host needs under `option` on `platform` with `windowsVms` Windows guests.
 * Lines are one-time Windows (and vSphere per-CPU) licences plus yearly vSphere support or
 * subscription and Software Assurance; `oneTime` and `annual` are their sums. An option
 * that does not exist on the platform returns `eligible: false`, its reasons and no lines.
 * `context.clustered` matters for 2008 R2 Standard, which cannot be a cluster node: the host
 * then runs Hyper-V Server and the Standard licences only cover guests (no host minimum).
 */
export function licensesForHost(
  option: OptionId,
  platform: PlatformId,
  host: HostShape,
  windowsVms: number,
  terms: LicenceTerms,
  context: HostContext = { clustered: false }
): HostLicensing {
  assertHost(host);
  assertCount("windowsVms", windowsVms, 0);
  return hostLicences(option, platform, host, terms, context)(windowsVms);
}

/**
 * {@link licensesForHost} of one option, platform, host, terms and context, for any number of
 * Windows guests: what does not depend on them (eligibility, the catalog row, vSphere's lines)
 * is counted once — the break-even table asks for every count from 1 to 40.
 */
export function hostLicences(
  option: OptionId,
  platform: PlatformId,
  host: HostShape,
  terms: LicenceTerms,
  context: HostContext = { clustered: false }
): (windowsVms: number) => HostLicensing {
  assertHost(host);
  const el = eligibility(option, platform, { clustered: context.clustered, sockets: host.sockets });
  if (!el.eligible)
    return (windowsVms) => {
      assertCount("windowsVms", windowsVms, 0);
      return hostLicensing(option, platform, host, windowsVms, el, el.notes, []);
    };
  const row = optionRow(platform, option);
  const setup = hostSetup(row, context.clustered);
  const vsphere = row.vsphere ? vsphereLines(host, terms) : null;
  // The per-processor note reads the host's sockets and the line's licence count and prices,
  // not the VM count: written once per licence count rather than for every VM count (two
  // amounts formatted each time).
  const datacenterNotes = new Map<number, string>();
  return (windowsVms) => {
    assertCount("windowsVms", windowsVms, 0);
    const lines: LicenceLine[] = [];
    const notes = [...el.notes];
    if (vsphere) {
      lines.push(...vsphere.lines);
      notes.push(...vsphere.notes);
    }
    if (row.subscription !== null)
      lines.push(...subscriptionLinesForHost(row.subscription, host, windowsVms, terms, context));
    const windows =
      row.windows === "subscription"
        ? null
        : row.windows === "cheapest"
          ? (cheapestGuestCoverage(platform, host, windowsVms, terms.prices)?.line ?? null)
          : windowsLine(
              requiredRule(platform, row.windows),
              host,
              windowsVms,
              setup.hostRunsEdition,
              terms.prices
            );
    if (windows) {
      lines.push(windows);
      if (windows.sku === "ws2008r2-datacenter") {
        let note = datacenterNotes.get(windows.quantity);
        if (note === undefined) {
          note = MESSAGES.datacenterPerProcessor(host.sockets, windows.unitPrice, windows.cost);
          datacenterNotes.set(windows.quantity, note);
        }
        notes.push(note);
      }
    }
    const assurance = softwareAssuranceLine(lines, terms.softwareAssuranceRate);
    if (assurance) lines.push(assurance);
    return hostLicensing(option, platform, host, windowsVms, el, notes, lines);
  };
}

/**
 * A host's licensing from its lines. Written out rather than spread ({ ...base, ...el, lines }):
 * Node 20 builds an object literal that adds fields after a spread on a slow path, and
 * licensing (the break-even table, every host count of every option) builds thousands of
 * these per analysis.
 */
function hostLicensing(
  option: OptionId,
  platform: PlatformId,
  host: HostShape,
  windowsVms: number,
  el: ReturnType<typeof eligibility>,
  notes: readonly string[],
  lines: readonly LicenceLine[]
): HostLicensing {
  const { oneTime, annual } = lines.length === 0 ? { oneTime: ZERO, annual: ZERO } : moneyOf(lines);
  return {
    option,
    platform,
    host,
    windowsVms,
    eligible: el.eligible,
    reasons: el.reasons,
    notes,
    hostOs: el.hostOs,
    lines,
    oneTime,
    annual,
  };
}

/**
 * One host's lines under today's subscriptions: VCF/VVF bill sockets × max(the per-CPU
 * minimum, cores per socket); pay-as-you-go bills the host's physical cores (and its Windows
 * VMs' virtual cores when `context.windowsVcpus` says how many); Azure Local bills the host
 * fee on every physical core and the Windows Server subscription on them when the host runs
 * Windows VMs. Order minimums, vSAN, Azure Hybrid Benefit and owned licences are estate-wide
 * (`licenseOption`).
 */
function subscriptionLinesForHost(
  kind: SubscriptionKind,
  host: HostShape,
  windowsVms: number,
  terms: LicenceTerms,
  context: HostContext
): LicenceLine[] {
  const physical = host.sockets * host.coresPerSocket;
  const physicalBasis = MESSAGES.basis.physicalCores(host.sockets, host.coresPerSocket);
  switch (kind) {
    case "vcf":
    case "vvf": {
      const minimum = terms.vmware.minimumCoresPerCpu;
      const billed = host.sockets * Math.max(minimum, host.coresPerSocket);
      return [
        subscriptionLine(
          SUBSCRIPTION_RULES[kind],
          billed,
          terms.prices,
          MESSAGES.basis.coreSubscription(host.sockets, host.coresPerSocket, minimum, billed)
        ),
      ];
    }
    case "windows-payg": {
      const lines = [
        subscriptionLine(SUBSCRIPTION_RULES.paygHost, physical, terms.prices, physicalBasis),
      ];
      const vcpus = context.windowsVcpus ?? 0;
      if (vcpus > 0)
        lines.push(
          subscriptionLine(
            SUBSCRIPTION_RULES.paygGuest,
            vcpus,
            terms.prices,
            MESSAGES.basis.paygGuests(windowsVms, vcpus)
          )
        );
      return lines;
    }
    case "azure-local": {
      const lines = [
        subscriptionLine(SUBSCRIPTION_RULES.azureLocalHost, physical, terms.prices, physicalBasis),
      ];
      if (windowsVms > 0)
        lines.push(
          subscriptionLine(
            SUBSCRIPTION_RULES.azureLocalWindows,
            physical,
            terms.prices,
            physicalBasis
          )
        );
      return lines;
    }
  }
}

function requiredRule(platform: PlatformId, way: WindowsWay) {
  const rule = windowsRule(platform, way);
  if (!rule) throw new Error(`Catalog ${platform} has no ${way} rule`);
  return rule;
}
