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
import { formatMoney, sum, type Money } from "../money";
import type { OptionId, Scenario } from "../scenario";
import { businessCase, npvAgainst, schedule, type CostSchedule, type IrrOf } from "./cashflow";
import type { CostLine } from "./costLines";
import {
  ownedAssuranceLines,
  stayingOnVmwareLines,
  transitionLines,
  usesOwnedLicences,
  VMWARE_OPTIONS,
  type LeavingEstate,
} from "./leavingVmware";
import { optionLicensing, ownedBySku, type OwnedBySku } from "./licenceCosts";
import { licenceSeriesKey, optionLines } from "./optionLines";
import type { LicenceLine, OptionAnalysis, OptionLicensing, OptionResult } from "./types";
import { capacitySeriesSpecs, seriesOf, type SeriesSpec } from "./years";

export type { LeavingEstate } from "./leavingVmware";

/** Options whose hosts can run Storage Spaces Direct: Windows Server Datacenter (2016 and later). */
const S2D_OPTIONS: readonly OptionId[] = ["datacenter"];

const S2D_REASON = (label: string): string =>
  `Storage Spaces Direct (storage.kind = s2d) runs on Windows Server Datacenter hosts; ${label} hosts cannot pool their drives, so compare it with storage.kind set to san.`;

const GROWTH_LICENCES_NOTE =
  "Demand grows: these are year 0's licences; more are bought in the years more hosts are needed (see TCO Cashflow, which holds the total over the horizon).";

const baselineReason = (id: OptionId): string =>
  `Staying on ${id === "vsphere" ? "VMware vSphere" : id === "vcf" ? "VMware Cloud Foundation" : "VMware vSphere Foundation"} is the baseline here (finance.baseline = ${id}): the other options are compared with it.`;

const OWNED_REASSIGNED_NOTE =
  "Licences you own are reassigned to the new hosts as each old host is emptied: once per licence, within the rule that a licence moves to other hardware at most every 90 days; only what they do not cover is bought.";

const fromRenewalNote = (date: string, month: number): string =>
  `The cash flows bill this subscription from the renewal date (${date}, month ${month}): the current term is already paid. The licensing total here is full years.`;

const AHB_NOT_ELECTED = (extra: Money): string =>
  `Azure Hybrid Benefit is not elected here: with it this estate would cost ${formatMoney(extra)} more over the horizon (the fees on the covered cores until its 180 days of dual use start, or owned cores taken from licensing machines that run Windows VMs); it waives fees only where it pays.`;

const PAYG_OWNED_NOTE =
  "Licences you own are not used under pay-as-you-go (every machine is licensed by the subscription), so their Software Assurance is not counted for this option.";

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
  owned: OwnedBySku | undefined
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
 * An option's costs as {@link analyzeOption} counts them: Azure Hybrid Benefit elected only
 * where it pays.
 */
function electedCosts(
  scenario: Scenario,
  id: OptionId,
  capacity: CapacityPlan,
  licensed?: ModuleOptionLicensing,
  leaving?: LeavingEstate,
  years?: CapacityByYear
): CostedOption {
  const first = costOption(
    scenario,
    id,
    capacity,
    licensed ?? licenseOption(id, scenario, capacity),
    leaving,
    years
  );
  // Azure Hybrid Benefit is an election: where its fees before the 180 days of dual use, or
  // the owned cores it takes from machine-by-machine licensing, cost more than it waives,
  // the planner does not elect it, and says so.
  let built = first;
  if (id === "azure-local" && scenario.licensing.azureHybridBenefit && first.eligible) {
    const without: Scenario = {
      ...scenario,
      licensing: { ...scenario.licensing, azureHybridBenefit: false },
    };
    const alt = costOption(
      without,
      id,
      capacity,
      licenseOption(id, without, capacity),
      leaving,
      years
    );
    if (alt.costs.total.lt(first.costs.total))
      built = {
        ...alt,
        licensing: {
          ...alt.licensing,
          notes: [
            ...alt.licensing.notes,
            AHB_NOT_ELECTED(first.costs.total.minus(alt.costs.total)),
          ],
        },
      };
  }
  return built;
}

/**
 * Analyse one option given its capacity plan. `licensed` is `licenseOption(id, scenario,
 * capacity)` when the caller already has it (the sensitivity analysis varies inputs that
 * leave licence counts and prices alone, and so counts the licences once); `irrOf` finds the
 * business case's IRR (the analysis shares one among its options: `irrOncePerFlows`).
 */
export function analyzeOption(
  scenario: Scenario,
  id: OptionId,
  capacity: CapacityPlan,
  physical: CostSchedule,
  licensed?: ModuleOptionLicensing,
  leaving?: LeavingEstate,
  years?: CapacityByYear,
  irrOf?: IrrOf
): OptionResult {
  const built = electedCosts(scenario, id, capacity, licensed, leaving, years);
  const { result, eligible, reasons, licensing, costs, transition, series } = built;
  const n = scenario.finance.horizonYears;
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
    licensing,
    costs,
    transition,
    businessCase: businessCase(
      physical,
      costs,
      scenario.finance.discountRate,
      vms,
      scenario.finance.horizonYears,
      scenario.finance.depreciationYears,
      irrOf
    ),
  };
}

/**
 * The cost schedule of an option as {@link analyzeOption} reports it (its `costs`), without
 * the business case.
 */
export function optionCosts(
  scenario: Scenario,
  id: OptionId,
  capacity: CapacityPlan,
  licensed?: ModuleOptionLicensing,
  leaving?: LeavingEstate,
  years?: CapacityByYear
): CostSchedule {
  return electedCosts(scenario, id, capacity, licensed, leaving, years).costs;
}

/**
 * The NPV of an option as {@link analyzeOption} reports it (its `businessCase.npv`), without
 * the rest of the business case: what the sensitivity analysis asks of every variant.
 */
export function optionNpv(
  scenario: Scenario,
  id: OptionId,
  capacity: CapacityPlan,
  physical: CostSchedule,
  licensed?: ModuleOptionLicensing,
  leaving?: LeavingEstate,
  years?: CapacityByYear
): Money {
  const costs = optionCosts(scenario, id, capacity, licensed, leaving, years);
  return npvAgainst(physical, costs, scenario.finance.discountRate);
}

interface CostedOption {
  readonly result: ModuleOptionLicensing;
  readonly eligible: boolean;
  readonly reasons: readonly string[];
  readonly licensing: OptionAnalysis["licensing"];
  readonly costs: CostSchedule;
  readonly transition: Money;
  readonly series: OptionAnalysis["series"];
}

/**
 * An option's licensing and cost schedule from its licensing result: leaving VMware, staying
 * on another VMware product, or moving (the option's own lines, Software Assurance on owned
 * licences it uses, and what the move adds while it runs); demand growing, year by year.
 */
function costOption(
  scenario: Scenario,
  id: OptionId,
  capacity: CapacityPlan,
  result: ModuleOptionLicensing,
  leaving?: LeavingEstate,
  years?: CapacityByYear
): CostedOption {
  // Leaving VMware: staying there is the baseline, not an option to move to.
  const isBaseline = leaving !== undefined && id === leaving.product;
  const storageReason =
    scenario.storage.kind === "s2d" && !S2D_OPTIONS.includes(id) ? [S2D_REASON(result.label)] : [];
  const eligible = result.eligible && !isBaseline && storageReason.length === 0;
  const reasons = isBaseline ? [baselineReason(id)] : [...result.reasons, ...storageReason];
  const owns = usesOwnedLicences(id);
  const owned = owns ? ownedBySku(scenario) : undefined;
  const priced = optionLicensing(result, scenario, owned);
  const { datacenterCores, standardCores } = scenario.licensing.owned;
  const reused = priced.lines.some((l) => l.basis.includes("already owned (licensing.owned)"));
  const timeline = leaving?.timeline;
  const n = scenario.finance.horizonYears;
  const growing = years !== undefined && years.changes && eligible;
  const extraNotes = [
    ...(!owns && datacenterCores + standardCores > 0 ? [PAYG_OWNED_NOTE] : []),
    ...(owns && reused && !VMWARE_OPTIONS.has(id) ? [OWNED_REASSIGNED_NOTE] : []),
    ...(timeline && VMWARE_OPTIONS.has(id) && id !== "vsphere"
      ? [fromRenewalNote(timeline.renewalDate, timeline.monthsToRenewal)]
      : []),
    ...(growing ? [GROWTH_LICENCES_NOTE] : []),
  ];
  const licensing =
    extraNotes.length > 0 ? { ...priced, notes: [...priced.notes, ...extraNotes] } : priced;
  let lines: LicenceLine[] = [...licensing.lines];
  let series: OptionAnalysis["series"] = [];
  if (growing) {
    const byYear = licencesByYear(scenario, id, years, priced, owned);
    lines = byYear.lines;
    series = seriesOf(scenario, [
      ...capacitySeriesSpecs(years, leaving?.existing ?? { hosts: 0, clusters: 0 }),
      ...byYear.specs,
    ]);
  }
  let costLines: CostLine[] = [];
  if (eligible && leaving && VMWARE_OPTIONS.has(id)) {
    // Another VMware product at the renewal: the same hosts, no move.
    costLines = stayingOnVmwareLines(scenario, id, capacity, licensing, leaving.timeline);
  } else if (eligible) {
    costLines = [
      ...optionLines(
        scenario,
        id,
        capacity,
        { ...licensing, lines },
        leaving?.existing,
        growing ? { series } : undefined
      ),
      ...(owns ? ownedAssuranceLines(scenario, id) : []),
      ...(leaving
        ? transitionLines(
            scenario,
            id,
            `${id}.move`,
            leaving,
            capacity.hosts,
            result.hybridBenefit?.cores ?? 0
          )
        : []),
    ];
  }
  const costs = schedule(costLines, n);
  const transition = sum(
    costLines.filter((l) => l.id.startsWith(`${id}.move.`)).flatMap((l) => l.amounts)
  );
  return { result, eligible, reasons, licensing, costs, transition, series };
}
