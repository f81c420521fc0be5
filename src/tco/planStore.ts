/**
 * Capacity plans kept from one analysis to the next, for a caller that analyses the same estate
 * again and again as its user edits it (the task pane previews every edit). Most edits — a price,
 * a rate, a horizon-free finance input, a licensing choice — leave every capacity plan as it was;
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

/** The key a scenario's plans are filed under: its {@link CAPACITY_INPUTS} as JSON. */
export function capacityInputsKey(scenario: Scenario): string {
  return JSON.stringify([
    scenario.platform,
    scenario.inventory,
    without(scenario.host, COST_ONLY.host),
    scenario.cluster,
    without(scenario.storage, COST_ONLY.storage),
    scenario.growth,
    scenario.demand,
    scenario.finance.horizonYears,
  ]);
}

/** Default number of scenarios whose plans are kept: the last edit and the one before it, per host candidate. */
const DEFAULT_KEEP = 8;

/**
 * The plan caches of the scenarios analysed last, by {@link capacityInputsKey}; the least recently
 * used are dropped beyond `keep`, so an estate of 100,000 VMs keeps a few plans, not every draft's.
 */
export class PlanStore {
  private readonly caches = new Map<string, PlanCache>();

  constructor(private readonly keep = DEFAULT_KEEP) {}

  /** The plan cache of `scenario`'s capacity inputs: the one its last analysis filled, or a new one. */
  cacheFor(scenario: Scenario): PlanCache {
    const key = capacityInputsKey(scenario);
    const cache = this.caches.get(key) ?? new Map();
    // Re-inserted last: a Map iterates in insertion order, so the first key is the least recent.
    this.caches.delete(key);
    this.caches.set(key, cache);
    while (this.caches.size > this.keep) {
      const oldest = this.caches.keys().next().value as string;
      this.caches.delete(oldest);
    }
    return cache;
  }

  /** Scenarios whose plans are held. */
  get size(): number {
    return this.caches.size;
  }
}
