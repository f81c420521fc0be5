/**
 * One option's analysis from its capacity plan, and the cache that lets options (and the
 * sensitivity analysis) with the same host constraints share one capacity plan.
 */
import { planCapacity, type CapacityPlan, type HostConstraints } from "../capacity";
import { licenseOption, type OptionLicensing as ModuleOptionLicensing } from "../licensing";
import type { OptionId, Scenario } from "../scenario";
import { formatMoney, sum, type Money } from "../money";
import { businessCase, schedule, type CostSchedule } from "./cashflow";
import {
  ownedAssuranceLines,
  stayingOnVmwareLines,
  transitionLines,
  usesOwnedLicences,
  VMWARE_OPTIONS,
  type LeavingEstate,
} from "./leavingVmware";
import { optionLicensing, ownedBySku } from "./licenceCosts";
import type { CostLine } from "./costLines";
import { optionLines } from "./optionLines";
import type { OptionAnalysis } from "./types";

export type { LeavingEstate } from "./leavingVmware";

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

/** Capacity plans by the constraints that shape them: options with the same constraints share one. */
export type PlanCache = Map<string, CapacityPlan>;

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
  let plan = cache.get(key);
  if (!plan) cache.set(key, (plan = planCapacity(scenario, constraints)));
  return plan;
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
  leaving?: LeavingEstate
): OptionAnalysis {
  const first = costOption(
    scenario,
    id,
    capacity,
    licensed ?? licenseOption(id, scenario, capacity),
    leaving
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
    const alt = costOption(without, id, capacity, licenseOption(id, without, capacity), leaving);
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
  const { result, eligible, reasons, licensing, costs, transition } = built;
  const vms = capacity.hostPlans.reduce((s, h) => s + h.vms, 0);
  return {
    id,
    label: result.label,
    eligible,
    reasons,
    capacity,
    licensing,
    costs,
    transition,
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

interface CostedOption {
  readonly result: ModuleOptionLicensing;
  readonly eligible: boolean;
  readonly reasons: readonly string[];
  readonly licensing: OptionAnalysis["licensing"];
  readonly costs: CostSchedule;
  readonly transition: Money;
}

/** An option's licensing and cost schedule from its licensing result (and the estate it leaves). */
function costOption(
  scenario: Scenario,
  id: OptionId,
  capacity: CapacityPlan,
  result: ModuleOptionLicensing,
  leaving?: LeavingEstate
): CostedOption {
  // Leaving VMware: staying there is the baseline, not an option to move to.
  const isBaseline = leaving !== undefined && id === leaving.product;
  const eligible = result.eligible && !isBaseline;
  const reasons = isBaseline ? [baselineReason(id)] : result.reasons;
  const owns = usesOwnedLicences(id);
  const priced = optionLicensing(result, scenario, owns ? ownedBySku(scenario) : undefined);
  const { datacenterCores, standardCores } = scenario.licensing.owned;
  const reused = priced.lines.some((l) => l.basis.includes("already owned (licensing.owned)"));
  const timeline = leaving?.timeline;
  const extraNotes = [
    ...(!owns && datacenterCores + standardCores > 0 ? [PAYG_OWNED_NOTE] : []),
    ...(owns && reused && !VMWARE_OPTIONS.has(id) ? [OWNED_REASSIGNED_NOTE] : []),
    ...(timeline && VMWARE_OPTIONS.has(id) && id !== "vsphere"
      ? [fromRenewalNote(timeline.renewalDate, timeline.monthsToRenewal)]
      : []),
  ];
  const licensing =
    extraNotes.length > 0 ? { ...priced, notes: [...priced.notes, ...extraNotes] } : priced;
  let lines: CostLine[] = [];
  if (eligible && leaving && VMWARE_OPTIONS.has(id)) {
    // Another VMware product at the renewal: the same hosts, no move.
    lines = stayingOnVmwareLines(scenario, id, capacity, licensing, leaving.timeline);
  } else if (eligible) {
    lines = [
      ...optionLines(scenario, id, capacity, licensing, leaving?.existing),
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
  const costs = schedule(lines, scenario.finance.horizonYears);
  const transition = sum(
    lines.filter((l) => l.id.startsWith(`${id}.move.`)).flatMap((l) => l.amounts)
  );
  return { result, eligible, reasons, licensing, costs, transition };
}
