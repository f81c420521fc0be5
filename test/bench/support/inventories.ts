/** Inventories the speed benchmarks share: one row per server, or a few rows with large counts. */
import { defaultScenarioJson, parseScenario, type Scenario } from "../../../src/scenario";
import type { PlatformId } from "../../../src/platform";
import { syntheticInventory } from "../../capacity/inventory";

/**
 * `rows` inventory rows (the seeded synthetic shapes of `test/capacity/inventory.ts`) whose
 * counts add up to `vms`: identical servers written once with a count, as `import --group` and
 * hand-written scenarios do.
 */
export function countInventory(rows: number, vms: number): Record<string, unknown>[] {
  return syntheticInventory({ servers: rows, seed: 11 }).map((row, i) => ({
    ...row,
    count: Math.floor(vms / rows) + (i < vms % rows ? 1 : 0),
  }));
}

/** A parsed ws2022 scenario (platform defaults) of {@link countInventory}. */
export function countScenario(
  rows: number,
  vms: number,
  platform: PlatformId = "ws2022"
): Scenario {
  const parsed = parseScenario(defaultScenarioJson(platform, countInventory(rows, vms)));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return parsed.scenario;
}
