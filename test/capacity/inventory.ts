/**
 * Seeded synthetic inventories (scenario JSON rows) for properties and benchmarks: a mix of
 * small web/file servers, mid-size application servers and a few large database servers, in
 * rows of one or several identical servers.
 */
import { seededRandom } from "../../src/capacity/packing/localSearch";
import { defaultScenarioJson, parseScenario, type Scenario } from "../../src/scenario";
import type { PlatformId } from "../../src/platform";

export interface InventoryShape {
  /** Servers in all (rows × count). */
  readonly servers: number;
  /** Largest count of one row (default 1: one row per server). */
  readonly maxCount?: number;
  readonly seed?: number;
}

/** Rows whose counts add up to `servers`, deterministic for a seed. */
export function syntheticInventory({
  servers,
  maxCount = 1,
  seed = 7,
}: InventoryShape): Record<string, unknown>[] {
  const rnd = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!;
  const rows: Record<string, unknown>[] = [];
  let left = servers;
  while (left > 0) {
    const count = Math.min(left, 1 + Math.floor(rnd() * maxCount));
    left -= count;
    const kind = rnd();
    const cores = kind < 0.6 ? pick([1, 2, 2, 4]) : kind < 0.93 ? pick([4, 4, 8]) : pick([8, 16]);
    const memory =
      kind < 0.6 ? pick([1, 2, 4, 4, 8]) : kind < 0.93 ? pick([8, 16, 16, 32]) : pick([32, 48, 64]);
    rows.push({
      name: `SRV-${rows.length + 1}`,
      count,
      os: rnd() < 0.7 ? "windows" : "linux",
      cores,
      cpuGhz: pick(["2.0", "2.4", "2.66", "2.93", "3.0"]),
      peakCpuUtilization: (0.05 + Math.floor(rnd() * 60) / 100).toFixed(2),
      averageCpuUtilization: "0.03",
      memoryGiB: String(memory),
      storageGiB: String(40 + Math.floor(rnd() * 50) * 20),
    });
  }
  return rows;
}

/** A parsed scenario on a platform's defaults with a synthetic inventory. */
export function syntheticScenario(
  platform: PlatformId,
  shape: InventoryShape,
  cluster: Record<string, unknown> = {}
): Scenario {
  const json = defaultScenarioJson(platform, syntheticInventory(shape));
  json["cluster"] = { ...(json["cluster"] as object), ...cluster };
  const parsed = parseScenario(json as Parameters<typeof parseScenario>[0]);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return parsed.scenario;
}
