/**
 * Sizing straight from inventory rows, for callers without a whole scenario — the custom
 * functions (`=HVTCO.HOSTS(inventoryRange, hostCores, hostMemoryGiB, [failuresToTolerate],
 * [platform])`) and quick what-ifs. The rows and overrides go through the scenario parser, so
 * every problem comes back with its place, and the plan is exactly `planCapacity`'s.
 */
import type { PlatformId } from "../platform";
import {
  defaultScenarioJson,
  defaultSections,
  INVENTORY_FIELDS,
  parseScenario,
  DEFAULT_PLATFORM,
} from "../scenario";
import type { Issue, Scenario } from "../scenario";
import type { CapacityPlan, HostConstraints } from "./contract";
import { planCapacity } from "./planCapacity";

type NumberLike = number | string;

/** Host fields to change, as in scenario JSON. `cores` is the host's total core count. */
export interface HostOverrides {
  readonly sockets?: NumberLike;
  readonly coresPerSocket?: NumberLike;
  /** Total cores: split over the sockets when they divide it evenly, else one socket. */
  readonly cores?: NumberLike;
  readonly threadsPerCore?: NumberLike;
  readonly cpuGhz?: NumberLike;
  readonly memoryGiB?: NumberLike;
}

/** Cluster fields to change, as in scenario JSON. */
export interface ClusterOverrides {
  readonly failuresToTolerate?: NumberLike;
  readonly maxNodes?: NumberLike;
  readonly targetCpuUtilization?: NumberLike;
  readonly targetMemoryUtilization?: NumberLike;
  readonly hostMemoryReserveGiB?: NumberLike;
  readonly vmMemoryOverheadGiB?: NumberLike;
  readonly vcpuPerLogicalProcessor?: NumberLike;
}

/** What to size with: platform (default ws2022), host and cluster changes, edition limits. */
export interface SizingOverrides {
  readonly platform?: PlatformId;
  readonly host?: HostOverrides;
  readonly cluster?: ClusterOverrides;
  readonly constraints?: HostConstraints;
}

export type SizingResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly plan: CapacityPlan }
  | { readonly ok: false; readonly issues: readonly Issue[] };

function defined<T extends object>(value: T | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (value === undefined) return out;
  for (const [key, v] of Object.entries(value))
    if (v !== undefined && v !== null && v !== "") out[key] = v;
  return out;
}

/** The host section with `cores` resolved into sockets × coresPerSocket. */
function hostSection(
  platform: PlatformId,
  host: HostOverrides | undefined
): Record<string, unknown> {
  const base = defaultSections(platform).host;
  const { cores, ...rest } = defined(host);
  const out: Record<string, unknown> = { ...base, ...rest };
  if (cores !== undefined) {
    const total = Number(cores);
    const sockets = Number(out["sockets"]);
    if (
      Number.isInteger(total) &&
      Number.isInteger(sockets) &&
      sockets > 0 &&
      total % sockets === 0
    ) {
      out["coresPerSocket"] = total / sockets;
    } else {
      out["sockets"] = 1;
      out["coresPerSocket"] = cores;
    }
  }
  return out;
}

/**
 * Plans capacity for inventory rows (objects with the scenario's inventory fields: name,
 * count, os, cores, cpuGhz, peakCpuUtilization, memoryGiB, …; defaults as in a scenario) on
 * the default host and cluster of the platform, changed by `overrides`. Invalid input gives
 * every problem with its JSON path (`inventory[2].memoryGiB`, `host.memoryGiB`).
 */
export function sizeInventory(
  rows: readonly unknown[],
  overrides: SizingOverrides = {}
): SizingResult {
  const platform = overrides.platform ?? DEFAULT_PLATFORM;
  const json = defaultScenarioJson(platform, rows);
  json["host"] = hostSection(platform, overrides.host);
  json["cluster"] = { ...(json["cluster"] as object), ...defined(overrides.cluster) };
  const parsed = parseScenario(json as Parameters<typeof parseScenario>[0]);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  return {
    ok: true,
    scenario: parsed.scenario,
    plan: planCapacity(parsed.scenario, overrides.constraints ?? {}),
  };
}

/** The headline numbers of {@link sizeInventory}: hosts, the lower bound and the sentence explaining them. */
export type HostsNeeded =
  | {
      readonly ok: true;
      readonly hosts: number;
      readonly lowerBoundHosts: number;
      readonly clusters: number;
      readonly stayPhysical: number;
      readonly maxVmsPerHostAfterFailover: number;
      readonly explanation: string;
    }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Hosts needed for inventory rows (see {@link sizeInventory}). */
export function hostsNeeded(
  rows: readonly unknown[],
  overrides: SizingOverrides = {}
): HostsNeeded {
  const sized = sizeInventory(rows, overrides);
  if (!sized.ok) return sized;
  const { plan } = sized;
  return {
    ok: true,
    hosts: plan.hosts,
    lowerBoundHosts: plan.lowerBoundHosts,
    clusters: plan.clusters.length,
    stayPhysical: plan.stayPhysical.reduce((s, p) => s + p.count, 0),
    maxVmsPerHostAfterFailover: plan.maxVmsPerHostAfterFailover,
    explanation: plan.explanation,
  };
}

/**
 * Inventory rows from a 2-D range whose first row is a header: each header cell is an
 * inventory field's key or label, any case (`cores` or `Cores`, `memoryGiB` or `RAM`). Blank
 * cells are left out (the field's default applies) and blank rows skipped. An unknown header
 * is kept as is, so the parser reports it with its place.
 */
export function inventoryRowsFromRange(
  values: readonly (readonly unknown[])[]
): Record<string, unknown>[] {
  const [header, ...body] = values;
  if (header === undefined) return [];
  const byName = new Map<string, string>();
  for (const f of INVENTORY_FIELDS) {
    byName.set(f.key.toLowerCase(), f.key);
    byName.set(f.label.toLowerCase(), f.key);
  }
  const keys = header.map((cell) => {
    const text = String(cell ?? "").trim();
    return byName.get(text.toLowerCase()) ?? text;
  });
  const rows: Record<string, unknown>[] = [];
  for (const line of body) {
    const row: Record<string, unknown> = {};
    line.forEach((cell, c) => {
      const key = keys[c];
      if (key === undefined || key === "" || cell === null || cell === undefined || cell === "")
        return;
      row[key] = cell;
    });
    if (Object.keys(row).length > 0) rows.push(row);
  }
  return rows;
}
