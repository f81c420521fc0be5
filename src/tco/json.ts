/**
 * The `--json` form of an analysis (DESIGN.md "Command line contract"): money as strings
 * with two decimals, ratios as numbers, `null` where undefined. Keys other tools rely on come
 * first; the rest are additions.
 */
import { growthRates, sizingOf } from "../capacity";
import { rowDemandOf } from "../capacity/demand";
import { formatMoney, type Dec } from "../money";
import { ownedLicenceStatement } from "../licensing";
import { SCHEMA_VERSION } from "../scenario";
import type { CostSchedule } from "./cashflow";
import { COST_CATEGORIES } from "./costLines";
import type { Analysis, OptionAnalysis } from "./types";

const ratio = (d: Dec | number | null, decimals = 10): number | null =>
  d === null
    ? null
    : typeof d === "number"
      ? Number(d.toFixed(decimals))
      : Number(d.toDecimalPlaces(decimals).toString());

/** Decimal TB to 6 places (a megabyte), free of float noise; null stays null. */
const tb = (x: number | null): number | null => (x === null ? null : Number(x.toFixed(6)));

function tcoJson(s: CostSchedule): { years: Record<string, unknown>[]; total: string } {
  return {
    years: s.years.map((y) => ({
      year: y.year,
      total: formatMoney(y.total),
      ...Object.fromEntries(COST_CATEGORIES.map((c) => [c, formatMoney(y.byCategory[c])])),
    })),
    total: formatMoney(s.total),
  };
}

function optionJson(o: OptionAnalysis): Record<string, unknown> {
  const c = o.capacity;
  const money = (d: Dec): string | null => (o.eligible ? formatMoney(d) : null);
  return {
    id: o.id,
    label: o.label,
    eligible: o.eligible,
    reasons: o.reasons,
    capacity: {
      hostName: o.hostName,
      hosts: c.hosts,
      lowerBoundHosts: c.lowerBoundHosts,
      clusters: c.clusters.map((cl) => ({
        nodes: cl.nodes,
        vms: cl.vms,
        failoverReserve: cl.failoverReserve,
        failuresTolerated: cl.failuresTolerated,
        failoverCheck: cl.failoverCheck,
        scenariosChecked: cl.scenariosChecked,
        binding: cl.binding,
      })),
      storage: c.clusters.map((cl) => ({
        nodes: cl.nodes,
        rawTB: tb(cl.storage.rawTB),
        reserveTB: tb(cl.storage.reserveTB),
        usableTB: tb(cl.storage.usableTB),
        neededTB: tb(cl.storage.neededTB),
        kind: cl.storage.kind,
        efficiency: cl.storage.efficiency === null ? null : ratio(cl.storage.efficiency, 6),
        layout: cl.storage.layout,
        usableWithFailuresTB: tb(cl.storage.usableWithFailuresTB),
        nodesForStorage: cl.storage.nodesForStorage,
        binding: cl.binding,
      })),
      hostsByYear: o.hostsByYear,
      hostsNeededByYear: o.hostsNeededByYear,
      clustersByYear: o.clustersByYear,
      vmsPerHost: c.hostPlans.map((h) => h.vms),
      maxVmsPerHostAfterFailover: c.maxVmsPerHostAfterFailover,
      windowsVmsPerHostAfterFailover: c.hostPlans.map((h) => h.maxWindowsVmsAfterFailover),
      explanation: c.explanation,
      stayPhysical: c.stayPhysical.map((s) => ({
        name: s.name,
        count: s.count,
        reasons: s.reasons,
      })),
    },
    licensing: {
      total: money(o.licensing.total),
      totalIfNotClusterAware: money(o.licensing.totalIfNotClusterAware),
      lines: o.licensing.lines.map((l) => ({
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: formatMoney(l.unitPrice),
        cost: formatMoney(l.cost),
        label: l.label,
        recurrence: l.recurrence,
        basis: l.basis,
      })),
      oneTime: money(o.licensing.oneTime),
      annual: money(o.licensing.annual),
      notes: o.licensing.notes,
    },
    transition: o.eligible
      ? {
          total: formatMoney(o.transition),
          lines: o.costs.lines
            .filter((l) => l.id.startsWith(`${o.id}.move.`))
            .map((l) => ({
              id: l.id,
              label: l.label,
              category: l.category,
              quantity: l.quantity.toNumber(),
              years: l.amounts.map(formatMoney),
            })),
        }
      : null,
    // An option that cannot be used has no costs and no business case: null, not a zero TCO
    hostSweep: o.hostSweep.map((e) => ({
      name: e.name,
      hosts: e.hosts,
      hostsByYear: e.hostsByYear,
      tco: e.eligible ? formatMoney(e.tco) : null,
      eligible: e.eligible,
      chosen: e.chosen,
      binding: e.binding,
      physicalCoresPerHost: e.licence.physicalCoresPerHost,
      licensedCoresPerHost: e.licence.licensedCoresPerHost,
      licensedCores: e.licensedCores,
    })),
    hostChoice: {
      chosen: o.hostChoice.chosen,
      runnerUp: o.hostChoice.runnerUp,
      saving: o.hostChoice.saving === null ? null : formatMoney(o.hostChoice.saving),
      tieBreak: o.hostChoice.tieBreak,
      binding: o.hostChoice.binding,
      licenceFloor: o.hostChoice.licence.floor,
    },
    // and the physical estate's whole cost as "savings" (which read as NPV > 0, payback 0).
    tco: o.eligible ? tcoJson(o.costs) : { years: [], total: null },
    roi: o.eligible ? roiJson(o) : NO_ROI,
  };
}

const NO_ROI = {
  npv: null,
  irr: null,
  paybackMonths: null,
  discountedPaybackMonths: null,
  roiPercent: null,
  costPerVmPerYear: null,
  totalSavings: null,
  netFlows: [],
  retirementSavings: [],
} as const;

function roiJson(o: OptionAnalysis): Record<string, unknown> {
  const bc = o.businessCase;
  return {
    npv: formatMoney(bc.npv),
    irr: ratio(bc.irr),
    paybackMonths: bc.payback.reached ? ratio(bc.payback.months, 2) : null,
    discountedPaybackMonths: bc.discountedPayback.reached
      ? ratio(bc.discountedPayback.months, 2)
      : null,
    roiPercent: ratio(bc.roiPercent, 4),
    costPerVmPerYear: bc.costPerVmPerYear === null ? null : formatMoney(bc.costPerVmPerYear),
    totalSavings: formatMoney(bc.totalSavings),
    netFlows: bc.netFlows.map(formatMoney),
    retirementSavings: bc.retirementSavings.map(formatMoney),
  };
}

/** Per inventory row: what its VMs were sized on (a measured percentile × comfort, or the peak inputs). */
function sizingJson(a: Analysis): Record<string, unknown>[] {
  const s = a.scenario;
  // Rows share their figures (rowDemandOf returns one Decimal per distinct figure): each is
  // rounded once, not once per row of 100,000.
  const exact = rowDemandOf(s);
  const rounded = new Map<Dec, number | null>();
  const six = (d: Dec): number | null => {
    let x = rounded.get(d);
    if (x === undefined) rounded.set(d, (x = ratio(d, 6)));
    return x;
  };
  const comfortFactor = ratio(s.demand.comfortFactor);
  return s.inventory.map((row) => {
    const sizing = sizingOf(row, s);
    const measured = sizing.basis === "measured";
    return {
      name: row.name,
      count: row.count,
      basis: sizing.basis,
      percentile: sizing.percentile,
      comfortFactor: measured ? comfortFactor : null,
      cpuGhz: six(exact.cpuGhz(row)),
      memoryGiB: six(exact.memoryGiB(row)),
    };
  });
}

/** The analysis as the JSON of the command-line contract. */
export function analysisJson(a: Analysis): Record<string, unknown> {
  const rec = a.options.find((o) => o.id === a.recommended);
  const stay = rec?.capacity.stayPhysical ?? a.options[0]?.capacity.stayPhysical ?? [];
  return {
    schemaVersion: SCHEMA_VERSION,
    recommended: a.recommended,
    baseline: a.scenario.finance.baseline,
    recommendation: a.recommendation,
    workloads: {
      servers: a.scenario.inventory.reduce((s, r) => s + r.count, 0),
      stayPhysical: stay.map((s) => ({ name: s.name, count: s.count, reasons: s.reasons })),
      sizing: sizingJson(a),
      idle:
        (rec ?? a.options[0])?.capacity.idle.map((i) => ({
          name: i.name,
          count: i.count,
          reason: i.reason,
          retired: i.retired,
        })) ?? [],
    },
    growth: {
      cpuRatePerYear: ratio(growthRates(a.scenario).cpu),
      memoryRatePerYear: ratio(growthRates(a.scenario).memory),
      storageRatePerYear: ratio(growthRates(a.scenario).storage),
    },
    physical: { tco: tcoJson(a.physical) },
    timeline: a.timeline
      ? {
          startDate: a.timeline.startDate,
          renewalDate: a.timeline.renewalDate,
          monthsToRenewal: a.timeline.monthsToRenewal,
          firstMoveMonth: a.timeline.firstMoveMonth,
          vmsToMove: a.timeline.vmsToMove,
          vmsPerMonth: a.timeline.vmsPerMonth,
          moveEndMonth: a.timeline.moveEndMonth,
          renewalNeeded: a.timeline.renewalNeeded,
          renewalTerms: a.timeline.renewalTerms,
          renewedLate: a.timeline.renewedLate,
          hybridBenefitFromMonth: a.timeline.hybridBenefitFromMonth,
          monthsPerYear: a.timeline.monthsPerYear,
        }
      : null,
    ownedLicences: ownedLicenceStatement(a.scenario),
    options: a.options.map(optionJson),
    mixed: a.mixed
      ? {
          total: formatMoney(a.mixed.total),
          beatsSingleEdition: a.mixed.beatsSingleEdition,
          perHost: a.mixed.perHost,
        }
      : null,
    breakEven: { switchPoints: a.breakEven.switchPoints },
    sensitivity: a.sensitivity
      ? {
          option: a.sensitivity.option,
          baseNpv: formatMoney(a.sensitivity.baseNpv),
          rows: a.sensitivity.rows.map((r) => ({
            input: r.input,
            label: r.label,
            baseValue: ratio(r.baseValue),
            lowValue: ratio(r.lowValue),
            highValue: ratio(r.highValue),
            npvLow: formatMoney(r.npvLow),
            npvHigh: formatMoney(r.npvHigh),
            swing: formatMoney(r.swing),
            breakEvenValue: ratio(r.breakEvenValue),
          })),
        }
      : null,
  };
}
