/**
 * One option's analysis from its capacity plan, and the cache that lets options (and the
 * sensitivity analysis) with the same host constraints share one capacity plan.
 */
import {
  planByYear,
  planCapacity,
  type CapacityByYear,
  type CapacityPlan,
  type HostConstraints,
} from "../capacity";
import { licenseOption, type OptionLicensing as ModuleOptionLicensing } from "../licensing";
import type { OptionId, Scenario } from "../scenario";
import { businessCase, schedule, type CostSchedule } from "./cashflow";
import { optionLicensing, type OwnedLicences } from "./licenceCosts";
import type { ExistingEstate } from "./optionLines";
import { licenceSeriesKey, optionLines } from "./optionLines";
import type { LicenceLine, OptionAnalysis, OptionLicensing } from "./types";
import { capacitySeriesSpecs, seriesOf, type SeriesSpec } from "./years";

/** A vSphere estate being left: the Windows licences it owns and the hardware it can hand over. */
export interface LeavingEstate {
  readonly owned: OwnedLicences;
  readonly existing: ExistingEstate;
}

/** Options whose hosts can run Storage Spaces Direct: Windows Server Datacenter (2016 and later). */
const S2D_OPTIONS: readonly OptionId[] = ["datacenter"];

const S2D_REASON = (label: string): string =>
  `Storage Spaces Direct (storage.kind = s2d) runs on Windows Server Datacenter hosts; ${label} hosts cannot pool their drives, so compare it with storage.kind set to san.`;

const GROWTH_LICENCES_NOTE =
  "Demand grows: these are year 0's licences; more are bought in the years more hosts are needed (see TCO Cashflow, which holds the total over the horizon).";

const BASELINE_REASON =
  "Staying on VMware vSphere is the baseline here (finance.baseline = vsphere): the other options are compared with it.";

/**
 * Capacity plans by the constraints that shape them: options with the same constraints share
 * one; their plans for every year of the horizon are kept under `years|` + the same key.
 */
export type PlanCache = Map<string, CapacityPlan | CapacityByYear>;

const isPlan = (v: CapacityPlan | CapacityByYear | undefined): v is CapacityPlan =>
  v !== undefined && "hostPlans" in v;

/**
 * The cache key of a capacity plan: the constraints that shape it. `reason` is only text, and
 * it reaches the plan (in its notes) only through a limit or standalone hosts — so options
 * that add nothing but a reason (2008 R2 Standard licences on Hyper-V Server cluster nodes)
 * share the unconstrained plan instead of packing the same estate a second time.
 */
function planKey(c: HostConstraints): string {
  const shaping =
    c.maxHostMemoryGiB !== undefined ||
    c.maxRunningVmsPerHost !== undefined ||
    c.clusteringAllowed === false;
  return JSON.stringify([
    c.maxHostMemoryGiB ?? null,
    c.maxRunningVmsPerHost ?? null,
    c.clusteringAllowed !== false,
    shaping ? (c.reason ?? null) : null,
  ]);
}

/** The capacity plan for `constraints`, from `cache` when options share the same constraints. */
export function planFor(
  scenario: Scenario,
  constraints: HostConstraints,
  cache: PlanCache
): CapacityPlan {
  const key = planKey(constraints);
  const cached = cache.get(key);
  if (isPlan(cached)) return cached;
  const plan = planCapacity(scenario, constraints);
  cache.set(key, plan);
  return plan;
}

/** The plans of every year 0…N for `constraints` (one plan when demand does not grow), cached. */
export function yearsFor(
  scenario: Scenario,
  constraints: HostConstraints,
  cache: PlanCache
): CapacityByYear {
  const key = `years|${planKey(constraints)}`;
  const cached = cache.get(key);
  if (cached !== undefined && !isPlan(cached)) return cached;
  const years = planByYear(scenario, constraints, {}, planFor(scenario, constraints, cache));
  cache.set(key, years);
  return years;
}

/**
 * Licences year by year: each distinct year's plan licensed as year 0's, lines matched by SKU
 * and recurrence (a SKU first needed later is added), and per line the series the cost lines
 * read — needed (engine), owned (never fewer), then bought (one-time) or running (yearly).
 */
function licencesByYear(
  scenario: Scenario,
  id: OptionId,
  years: CapacityByYear,
  year0: OptionLicensing,
  owned: OwnedLicences | undefined
): { readonly lines: LicenceLine[]; readonly specs: SeriesSpec[] } {
  const byPlan = new Map<CapacityPlan, OptionLicensing>([[years.years[0]!.plan, year0]]);
  const perYear = years.years.map((y) => {
    let lic = byPlan.get(y.plan);
    if (!lic) {
      lic = optionLicensing(licenseOption(id, scenario, y.plan), scenario, owned);
      byPlan.set(y.plan, lic);
    }
    return lic;
  });
  const keyOf = (l: LicenceLine): string => `${l.sku}|${l.recurrence}`;
  const lines: LicenceLine[] = [];
  const index = new Map<string, number>();
  for (const lic of perYear)
    for (const l of lic.lines)
      if (!index.has(keyOf(l))) {
        index.set(keyOf(l), lines.length);
        lines.push(l);
      }
  const specs: SeriesSpec[] = [];
  lines.forEach((l, i) => {
    const needed = licenceSeriesKey(i, "needed");
    const ownedKey = licenceSeriesKey(i, "owned");
    specs.push(
      {
        key: needed,
        label: `${l.label}: needed`,
        unit: "licences",
        rule: { kind: "engine" },
        engineValues: perYear.map(
          (lic) => lic.lines.find((x) => keyOf(x) === keyOf(l))?.quantity ?? 0
        ),
      },
      {
        key: ownedKey,
        label: `${l.label}: owned`,
        unit: "licences",
        rule: { kind: "owned", of: needed },
      },
      l.recurrence === "once"
        ? {
            key: licenceSeriesKey(i, "bought"),
            label: `${l.label}: bought`,
            unit: "licences",
            rule: { kind: "added", of: ownedKey },
          }
        : {
            key: licenceSeriesKey(i, "running"),
            label: `${l.label}: paid`,
            unit: "licences",
            rule: { kind: "running", of: ownedKey },
          }
    );
  });
  return { lines, specs };
}

/**
 * Analyse one option given its capacity plan. `licensed` is `licenseOption(id, scenario,
 * capacity)` when the caller already has it (the sensitivity analysis varies inputs that
 * leave licence counts and prices alone, and so counts the licences once).
 */
export function analyzeOption(
  scenario: Scenario,
  id: OptionId,
  capacity: CapacityPlan,
  physical: CostSchedule,
  licensed?: ModuleOptionLicensing,
  leaving?: LeavingEstate,
  years?: CapacityByYear
): OptionAnalysis {
  const result = licensed ?? licenseOption(id, scenario, capacity);
  // Leaving vSphere: staying there is the baseline, not an option to move to.
  const isBaseline = leaving !== undefined && id === "vsphere";
  const storageReason =
    scenario.storage.kind === "s2d" && !S2D_OPTIONS.includes(id) ? [S2D_REASON(result.label)] : [];
  const eligible = result.eligible && !isBaseline && storageReason.length === 0;
  const reasons = isBaseline ? [BASELINE_REASON] : [...result.reasons, ...storageReason];
  const licensing = optionLicensing(result, scenario, leaving?.owned);
  const n = scenario.finance.horizonYears;
  const growing = years !== undefined && years.changes && eligible;
  let lines: LicenceLine[] = [...licensing.lines];
  let series: OptionAnalysis["series"] = [];
  if (growing) {
    const byYear = licencesByYear(scenario, id, years, licensing, leaving?.owned);
    lines = byYear.lines;
    series = seriesOf(scenario, [
      ...capacitySeriesSpecs(years, leaving?.existing ?? { hosts: 0, clusters: 0 }),
      ...byYear.specs,
    ]);
  }
  const costs = schedule(
    eligible
      ? optionLines(
          scenario,
          id,
          capacity,
          { ...licensing, lines },
          leaving?.existing,
          growing ? { series } : undefined
        )
      : [],
    n
  );
  const hostsNeeded = years?.hostsNeeded ?? Array.from({ length: n + 1 }, () => capacity.hosts);
  const hostsByYear = years?.hostsOwned ?? hostsNeeded;
  const vms = capacity.hostPlans.reduce((s, h) => s + h.vms, 0);
  return {
    id,
    label: result.label,
    eligible,
    reasons,
    capacity,
    hostsByYear,
    hostsNeededByYear: hostsNeeded,
    clustersByYear:
      years?.clustersOwned ?? Array.from({ length: n + 1 }, () => capacity.clusters.length),
    yearPlans: years?.years.map((y) => y.plan) ?? Array.from({ length: n + 1 }, () => capacity),
    series,
    licensing: growing
      ? {
          ...licensing,
          notes: [...licensing.notes, GROWTH_LICENCES_NOTE],
        }
      : licensing,
    costs,
    businessCase: businessCase(
      physical,
      costs,
      scenario.finance.discountRate,
      vms,
      scenario.finance.horizonYears,
      scenario.finance.depreciationYears
    ),
  };
}
