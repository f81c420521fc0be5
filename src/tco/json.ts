/**
 * The `--json` form of an analysis (DESIGN.md "Command line contract"): money as strings
 * with two decimals, ratios as numbers, `null` where undefined. Keys other tools rely on come
 * first; the rest are additions.
 */
import { formatMoney, type Dec } from "../money";
import { SCHEMA_VERSION } from "../scenario";
import type { CostSchedule } from "./cashflow";
import { COST_CATEGORIES } from "./costLines";
import type { Analysis, OptionAnalysis } from "./types";

const ratio = (d: Dec | null, decimals = 10): number | null =>
  d === null ? null : Number(d.toDecimalPlaces(decimals).toString());

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
      hosts: c.hosts,
      lowerBoundHosts: c.lowerBoundHosts,
      clusters: c.clusters.map((cl) => ({
        nodes: cl.nodes,
        vms: cl.vms,
        failoverReserve: cl.failoverReserve,
        failuresTolerated: cl.failuresTolerated,
        failoverCheck: cl.failoverCheck,
        scenariosChecked: cl.scenariosChecked,
      })),
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
    // An option that cannot be used has no costs and no business case: null, not a zero TCO
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
  };
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
    },
    physical: { tco: tcoJson(a.physical) },
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
