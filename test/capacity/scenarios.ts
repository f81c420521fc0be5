/** Small helpers to build parsed scenarios for the capacity tests. */
import { defaultScenarioJson, parseScenario, type Scenario } from "../../src/scenario";
import type { PlatformId } from "../../src/platform";

export interface ScenarioChanges {
  readonly host?: Record<string, unknown>;
  readonly cluster?: Record<string, unknown>;
  readonly storage?: Record<string, unknown>;
  readonly growth?: Record<string, unknown>;
  readonly demand?: Record<string, unknown>;
  readonly finance?: Record<string, unknown>;
}

/** Parses `defaultScenarioJson(platform, inventory)` with host/cluster changes; throws on issues. */
export function scenarioOf(
  platform: PlatformId,
  inventory: readonly unknown[],
  changes: ScenarioChanges = {}
): Scenario {
  const json = defaultScenarioJson(platform, inventory);
  json["host"] = { ...(json["host"] as object), ...changes.host };
  json["cluster"] = { ...(json["cluster"] as object), ...changes.cluster };
  for (const key of ["storage", "growth", "demand", "finance"] as const)
    json[key] = { ...(json[key] as object), ...changes[key] };
  const parsed = parseScenario(json as Parameters<typeof parseScenario>[0]);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return parsed.scenario;
}

/** A server row with sensible defaults. */
export function server(
  name: string,
  fields: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    name,
    cores: 2,
    cpuGhz: "2.5",
    peakCpuUtilization: "0.5",
    averageCpuUtilization: "0.1",
    memoryGiB: "4",
    storageGiB: "50",
    ...fields,
  };
}
