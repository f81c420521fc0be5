/**
 * Capacity plans kept from one analysis to the next, for a caller that analyses the same estate
 * again and again as its user edits it (the task pane previews every edit). Most edits — a price,
 * a rate, a finance input other than the horizon, a licensing choice — leave every capacity plan as it was;
 * packing and balancing are most of an analysis's time, so such an edit re-plans nothing.
 *
 * A scenario's plans are filed under its capacity inputs: the sections planning reads
 * (`CAPACITY_INPUTS`, proved by a test that records every field planning reads), written out as
 * JSON. Within them a {@link PlanCache} files each plan by the constraints of the licensing
 * option, as within one analysis. Plans are never changed once made, so sharing them is safe.
 */
import type { Scenario } from "../scenario";
import type { PlanCache } from "./analyzeOption";

/**
 * The parts of a scenario a capacity plan depends on: the estate, the host and cluster rules,
 * storage, growth and demand sizing, the platform (its limits), and the horizon (the plans of
 * every year). Sections are taken whole, so a field added to one later is in the key until
 * shown otherwise, but for {@link COST_ONLY} fields. Everything else — prices, rates, licensing,
 * housing, manpower — only costs a plan.
 */
export const CAPACITY_INPUTS = [
  "platform",
  "inventory",
  "host",
  "cluster",
  "storage",
  "growth",
  "demand",
  "finance.horizonYears",
] as const;

/** Fields of {@link CAPACITY_INPUTS} sections that only cost a plan: editing them re-plans nothing. */
export const COST_ONLY = {
  host: ["price", "powerWatts", "rackUnits"],
  storage: ["drivePrice"],
} as const;

function without<T extends object>(section: T, fields: readonly string[]): Partial<T> {
  const kept: Partial<T> = { ...section };
  for (const field of fields) delete (kept as Record<string, unknown>)[field];
  return kept;
}

/** The values of a scenario's {@link CAPACITY_INPUTS}, in that order ({@link COST_ONLY} fields left out). */
function capacityInputs(scenario: Scenario): unknown[] {
  return CAPACITY_INPUTS.map((path) => {
    const [section, field] = path.split(".") as [keyof Scenario, string | undefined];
    const value = scenario[section];
    if (field !== undefined) return (value as unknown as Record<string, unknown>)[field];
    const costOnly = (COST_ONLY as Record<string, readonly string[]>)[section];
    return costOnly ? without(value as object, costOnly) : value;
  });
}

/** The key a scenario's plans are filed under: its {@link CAPACITY_INPUTS} as JSON. */
export function capacityInputsKey(scenario: Scenario): string {
  return JSON.stringify(capacityInputs(scenario));
}

const ESTATE = CAPACITY_INPUTS.indexOf("inventory");

interface Filed {
  readonly cache: PlanCache;
  /** The last analysis that used it. */
  used: number;
}

/**
 * The plan caches of the last analysis and the one running, by {@link capacityInputsKey}: the
 * plans of an earlier draft are dropped when a later analysis starts without them, so the pane
 * holds at most two analyses' plans (one per host candidate each), whatever the estate's size.
 * The key is held in two parts: the estate's JSON (written once per inventory, which the host
 * candidates of an analysis share: 0.13 s and 21 MB for 100,000 rows), then the other inputs'.
 * The estate's JSON is remembered by the inventory array itself when it is frozen, as
 * `parseScenario` leaves it (with its rows); an unfrozen one is written out on every call.
 */
export class PlanStore {
  private readonly byEstate = new Map<string, Map<string, Filed>>();
  private readonly estateJson = new WeakMap<object, string>();
  private analysis = 0;

  /** Starts an analysis: drops the plans the previous one did not use. */
  startAnalysis(): void {
    for (const [estate, filed] of this.byEstate) {
      for (const [rest, entry] of filed) if (entry.used < this.analysis) filed.delete(rest);
      if (filed.size === 0) this.byEstate.delete(estate);
    }
    this.analysis++;
  }

  /** The plan cache of `scenario`'s capacity inputs: the one an analysis filled, or a new one. */
  cacheFor(scenario: Scenario): PlanCache {
    const inputs = capacityInputs(scenario);
    // Remembered only for a frozen inventory: one changed in place would keep its old text.
    const frozen = Object.isFrozen(scenario.inventory);
    let estate = frozen ? this.estateJson.get(scenario.inventory) : undefined;
    if (estate === undefined) {
      estate = JSON.stringify(inputs[ESTATE]);
      if (frozen) this.estateJson.set(scenario.inventory, estate);
    }
    inputs[ESTATE] = null;
    const rest = JSON.stringify(inputs);
    let filed = this.byEstate.get(estate);
    if (filed === undefined) {
      filed = new Map();
      this.byEstate.set(estate, filed);
    }
    const entry = filed.get(rest) ?? { cache: new Map(), used: this.analysis };
    entry.used = this.analysis;
    filed.set(rest, entry);
    return entry.cache;
  }

  /** Scenarios whose plans are held. */
  get size(): number {
    let size = 0;
    for (const filed of this.byEstate.values()) size += filed.size;
    return size;
  }
}
