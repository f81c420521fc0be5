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

/**
 * The plan caches of the last analysis and the one running, by {@link capacityInputsKey}: the
 * plans of an earlier draft are dropped when a later analysis starts without them, so the pane
 * holds at most two analyses' plans (one per host candidate each), whatever the estate's size.
 */
export class PlanStore {
  private readonly caches = new Map<string, { readonly cache: PlanCache; used: number }>();
  private analysis = 0;

  /** Starts an analysis: drops the plans the previous one did not use. */
  startAnalysis(): void {
    for (const [key, entry] of this.caches) if (entry.used < this.analysis) this.caches.delete(key);
    this.analysis++;
  }

  /** The plan cache of `scenario`'s capacity inputs: the one an analysis filled, or a new one. */
  cacheFor(scenario: Scenario): PlanCache {
    const key = capacityInputsKey(scenario);
    const entry = this.caches.get(key) ?? { cache: new Map(), used: this.analysis };
    entry.used = this.analysis;
    this.caches.set(key, entry);
    return entry.cache;
  }

  /** Scenarios whose plans are held. */
  get size(): number {
    return this.caches.size;
  }
}
