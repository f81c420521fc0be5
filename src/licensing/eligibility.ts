/**
 * Whether an option exists on a platform, what the hosts run under it, and the limits the
 * host's own edition puts on capacity (`hostConstraintsFor`, read by the capacity engine).
 */
import type { HostConstraints } from "../capacity/contract";
import type { PlatformId } from "../platform";
import type { OptionId, Scenario } from "../scenario/types";
import { optionRow, type OptionRow } from "./catalogs";
import { MESSAGES } from "./messages";
import type { Eligibility } from "./types";

/**
 * True when the scenario wants failover clusters (failuresToTolerate > 0). Capacity
 * (through `hostConstraintsFor`) and licensing use this one test, so they agree on what the
 * hosts run.
 */
export function wantsClustering(scenario: Pick<Scenario, "cluster">): boolean {
  return scenario.cluster.failuresToTolerate > 0;
}

/** What the hosts run under an option, and whether that OS is itself the licensed edition. */
export interface HostSetup {
  readonly hostOs: string;
  readonly hostRunsEdition: boolean;
  readonly notes: readonly string[];
}

/** The host OS under an option: a non-clustering edition is replaced by its `whenClustered` host OS in a cluster. */
export function hostSetup(row: OptionRow, clustered: boolean): HostSetup {
  if (clustered && !row.clusterNode && row.whenClustered) {
    return {
      hostOs: row.whenClustered.hostOs,
      hostRunsEdition: false,
      notes: [row.whenClustered.note, ...row.notes],
    };
  }
  const standalone = row.hostLimits && row.whenClustered ? [MESSAGES.standard2008r2Standalone] : [];
  return {
    hostOs: row.hostOs,
    hostRunsEdition: row.hostRunsEdition,
    notes: [...standalone, ...row.notes],
  };
}

/**
 * Whether `option` can be used on `platform` for hosts with `sockets` processors, with every
 * reason when it cannot and notes on what it means (e.g. 2008 R2 Standard in a cluster).
 */
export function eligibility(
  option: OptionId,
  platform: PlatformId,
  context: { readonly clustered: boolean; readonly sockets: number }
): Eligibility {
  const row = optionRow(platform, option);
  if (row.unavailable !== null)
    return { eligible: false, reasons: [row.unavailable], notes: [], hostOs: row.hostOs };
  const setup = hostSetup(row, context.clustered);
  const reasons: string[] = [];
  if (setup.hostRunsEdition && row.hostLimits && context.sockets > row.hostLimits.maxSockets) {
    reasons.push(MESSAGES.standardTooManySockets(context.sockets, row.hostLimits.maxSockets));
  }
  return { eligible: reasons.length === 0, reasons, notes: setup.notes, hostOs: setup.hostOs };
}

/**
 * Limits the option's host OS adds to capacity planning. Windows Server 2008 R2 Standard
 * as the host: 32 GB RAM, 192 running VMs, no clustering — unless clustering is wanted,
 * when the hosts run Hyper-V Server 2008 R2 instead and no Standard limit applies
 * (`{}` with the reason). Every other option: `{}`.
 */
export function hostConstraintsFor(
  option: OptionId,
  scenario: Pick<Scenario, "platform" | "cluster">
): HostConstraints {
  const row = optionRow(scenario.platform, option);
  if (row.unavailable !== null || !row.hostLimits) return {};
  const setup = hostSetup(row, wantsClustering(scenario));
  if (!setup.hostRunsEdition) return { reason: setup.notes[0] ?? setup.hostOs };
  return {
    maxHostMemoryGiB: row.hostLimits.maxHostMemoryGiB,
    maxRunningVmsPerHost: row.hostLimits.maxRunningVmsPerHost,
    clusteringAllowed: row.clusterNode,
    reason: `${MESSAGES.standard2008r2Standalone} (${row.hostLimits.source})`,
  };
}
