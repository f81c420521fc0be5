/** Scenario ↔ JSON: the export format (money and ratios as strings, counts as numbers). */
import { Dec } from "../money";
import type { PlatformId } from "../platform";
import { DEFAULT_CURRENCY, datedDefaults, defaultSections } from "./defaults";
import { SCHEMA_VERSION, type Scenario } from "./types";

/** Plain JSON value of any parsed scenario part: decimals become strings. */
function toJsonValue(value: unknown): unknown {
  if (value instanceof Dec) return value.toString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v);
    return out;
  }
  return value;
}

/** The JSON form of a scenario; `parseScenario(scenarioToJson(s))` gives `s` back. */
export function scenarioToJson(scenario: Scenario): Record<string, unknown> {
  return toJsonValue(scenario) as Record<string, unknown>;
}

/** A small illustrative inventory so `init` prints something that runs as is. */
export const EXAMPLE_INVENTORY: readonly Record<string, unknown>[] = [
  {
    name: "FILE-01",
    count: 1,
    os: "windows",
    cores: 4,
    cpuGhz: "2.4",
    peakCpuUtilization: "0.40",
    averageCpuUtilization: "0.12",
    memoryGiB: "8",
    storageGiB: "500",
    powerWatts: "350",
    rackUnits: 2,
  },
  {
    name: "WEB",
    count: 6,
    os: "linux",
    cores: 2,
    cpuGhz: "2.66",
    peakCpuUtilization: "0.30",
    averageCpuUtilization: "0.08",
    memoryGiB: "4",
    storageGiB: "80",
    powerWatts: "219",
    rackUnits: 1,
  },
  {
    name: "SQL-01",
    count: 1,
    os: "windows",
    cores: 8,
    cpuGhz: "2.93",
    peakCpuUtilization: "0.55",
    averageCpuUtilization: "0.20",
    memoryGiB: "32",
    storageGiB: "800",
    powerWatts: "450",
    rackUnits: 2,
  },
];

/**
 * A complete default scenario for a platform, with the example inventory (what `init` prints);
 * with `today`, the analysis starts that day and the renewal placeholder is a year later.
 */
export function defaultScenarioJson(
  platform: PlatformId,
  inventory: readonly unknown[] = EXAMPLE_INVENTORY,
  today?: Date
): Record<string, unknown> {
  const sections = defaultSections(platform);
  const dated = today ? datedDefaults(today) : null;
  return {
    schemaVersion: SCHEMA_VERSION,
    name: "Example consolidation",
    currency: DEFAULT_CURRENCY,
    platform,
    ...sections,
    ...(dated
      ? {
          finance: { ...sections.finance, startDate: dated.startDate },
          licensing: {
            ...sections.licensing,
            vmware: {
              ...(sections.licensing["vmware"] as object),
              renewalDate: dated.renewalDate,
            },
          },
        }
      : {}),
    inventory: inventory.map((row) => ({ ...(row as object) })),
  };
}
