/**
 * Licences the user owns (`licensing.owned`), in the units each platform sells: core licences
 * in 2-core packs from 2016; one 2-processor licence per 16 cores on 2012 R2 (Microsoft Learn
 * windows-server azure-hybrid-benefit.md 2025-09-03: "each processor license is equivalent to 16
 * core licenses"); none on 2008 R2, whose licences were per processor or per server.
 *
 * Where a host's Windows guests may be licensed the cheapest way (a free hypervisor, VMware) or
 * by Standard, owned Datacenter licences are used first: a host they can cover gets Datacenter
 * (whose licence also grants Standard's rights), whatever buying would have chosen, so owned
 * licences are never left idle while others are bought.
 */
import type { PlatformId } from "../platform";
import type { Scenario } from "../scenario/types";
import { windowsRule } from "./catalogs";
import { moneyOf, softwareAssuranceLine, windowsLine } from "./count";
import { MESSAGES } from "./messages";
import type { HostShape, LicensedHost } from "./types";

/** Owned cores of an edition in the platform's SKU units (0 where cores do not convert). */
export function ownedUnits(platform: PlatformId, cores: number): number {
  if (platform === "ws2008r2") return 0;
  if (platform === "ws2012r2") return Math.floor(cores / 16);
  return Math.floor(cores / 2);
}

/**
 * Hosts whose guests are licensed the cheapest way, with owned Datacenter licences assigned
 * first: hosts already on Datacenter use them, then each other host (in order) switches to
 * Datacenter while the owned licences left cover it. Software Assurance follows the line.
 */
export function preferOwnedDatacenter(
  hosts: readonly LicensedHost[],
  scenario: Scenario,
  shape: HostShape
): LicensedHost[] {
  const { platform } = scenario;
  const rule = windowsRule(platform, "datacenter");
  let left = ownedUnits(platform, scenario.licensing.owned.datacenterCores);
  if (!rule || left <= 0) return [...hosts];
  const isWindows = (sku: string): boolean => /^ws\d/.test(sku);
  for (const h of hosts)
    for (const l of h.lines)
      if (l.sku === rule.sku && l.recurrence === "once") left -= Math.min(left, l.quantity);
  return hosts.map((h) => {
    const current = h.lines.find((l) => isWindows(l.sku) && l.recurrence === "once");
    if (!current || current.sku === rule.sku) return h;
    const dc = windowsLine(rule, shape, h.windowsVmsLicensed, false, scenario.licensing.prices);
    if (!dc || dc.quantity > left) return h;
    left -= dc.quantity;
    const others = h.lines.filter(
      (l) => !(isWindows(l.sku) && l.recurrence === "once") && l.category !== "assurance"
    );
    const lines = [dc, ...others];
    const assurance = softwareAssuranceLine(lines, scenario.licensing.softwareAssuranceRate);
    if (assurance) lines.push(assurance);
    return { ...h, lines, ...moneyOf(lines) };
  });
}

/** What the scenario says the user owns, as plain data for the CLI, the pane, the workbook and slides. */
export interface OwnedLicenceStatement {
  readonly datacenterCores: number;
  readonly standardCores: number;
  readonly softwareAssurance: boolean;
  readonly azureHybridBenefit: boolean;
  /** Nothing entered: every path buys the Windows licences its hosts need. */
  readonly noneEntered: boolean;
  /** One sentence a person reads. */
  readonly message: string;
}

/** The owned licences of a scenario, said plainly (never assumed: 0 unless the user entered them). */
export function ownedLicenceStatement(scenario: Scenario): OwnedLicenceStatement {
  const { owned, azureHybridBenefit } = scenario.licensing;
  const noneEntered = owned.datacenterCores === 0 && owned.standardCores === 0;
  return {
    datacenterCores: owned.datacenterCores,
    standardCores: owned.standardCores,
    softwareAssurance: owned.softwareAssurance,
    azureHybridBenefit,
    noneEntered,
    message: noneEntered
      ? MESSAGES.ownedNone
      : MESSAGES.ownedSome(
          owned.datacenterCores,
          owned.standardCores,
          owned.softwareAssurance,
          azureHybridBenefit
        ),
  };
}
