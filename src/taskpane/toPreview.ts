/**
 * The preview of a scenario: the analysis the pane shows (no sensitivity analysis: the report
 * has it), as plain numbers and strings. The pane loads this module — and with it the TCO
 * engine — in a chunk of its own once its first render is on screen (`engine.ts`), so the
 * start-up bundle holds only the form, the views and what the custom functions share.
 */
import { sizingOf } from "../capacity";
import { ownedLicenceStatement } from "../licensing/ownedLicences";
import { roundWhole, sum, type Dec } from "../money";
import type { Scenario } from "../scenario";
import { analyzeWith } from "../tco/analysis";
import { PlanStore } from "../tco/planStore";
import { physicalBaselineLines, RETIRED_PREFIX } from "../tco/physical";
import { moveSentence } from "../tco/recommendation";
import type { Analysis, OptionAnalysis } from "../tco/types";
import { hostPreviewOf } from "./hostPreview";
import type { Preview, PreviewCluster, PreviewIdle, PreviewSizing } from "./preview";

/**
 * Capacity plans of the pane's last analysis: an edit that changes no capacity input (a price,
 * a rate, a licensing choice) re-plans nothing, and *Generate* reuses the preview's plans.
 */
export const panePlans = new PlanStore();

/** The analysis the preview shows: no sensitivity analysis (the report has it). */
export function analyzeForPreview(scenario: Scenario): Analysis {
  return analyzeWith(scenario, null, panePlans);
}

/** The preview of a scenario. */
export function previewOf(scenario: Scenario): Preview {
  return toPreview(analyzeForPreview(scenario));
}

/** Whole currency units by the one rounding rule (half away from zero, as the workbook and CLI). */
const n = (d: Dec): number => roundWhole(d).toNumber();
const sumOf = (xs: readonly Dec[]): number => n(sum(xs));

function clusterOf(c: OptionAnalysis["capacity"]["clusters"][number]): PreviewCluster {
  const st = c.storage;
  return {
    nodes: c.nodes,
    vms: c.vms,
    failoverReserve: c.failoverReserve,
    binding: c.binding,
    storage: {
      kind: st.kind,
      rawTB: st.rawTB,
      reserveTB: st.reserveTB,
      usableTB: st.usableTB,
      neededTB: st.neededTB,
      layout: st.layout,
      efficiency: st.efficiency,
    },
  };
}

function sizingRows(s: Scenario): PreviewSizing[] {
  return s.inventory.map((row) => {
    const sizing = sizingOf(row, s);
    return { name: row.name, count: row.count, basis: sizing.basis, percentile: sizing.percentile };
  });
}

/** What retiring the idle servers saves (see `Preview.idleSaving`). */
function idleSaving(analysis: Analysis, idle: readonly PreviewIdle[]): number | null {
  if (idle.length === 0) return null;
  const s = analysis.scenario;
  if (s.demand.retireIdle) {
    const option =
      analysis.options.find((o) => o.id === analysis.recommended) ??
      analysis.options.find((o) => o.eligible);
    return option ? sumOf(option.businessCase.retirementSavings) : null;
  }
  if (s.finance.baseline !== "physical") return null;
  // The same baseline lines the business case shows once the servers are retired.
  const retired = physicalBaselineLines({ ...s, demand: { ...s.demand, retireIdle: true } });
  return sumOf(
    retired.filter((l) => l.id.startsWith(`${RETIRED_PREFIX}.`)).flatMap((l) => l.amounts)
  );
}

/** The plain preview of an analysis. */
export function toPreview(analysis: Analysis): Preview {
  const s = analysis.scenario;
  const first = analysis.options.find((o) => o.id === analysis.recommended) ?? analysis.options[0];
  const idle: PreviewIdle[] = (first?.capacity.idle ?? []).map((i) => ({
    name: i.name,
    count: i.count,
    reason: i.reason,
    retired: i.retired,
  }));
  const owned = ownedLicenceStatement(s);
  const t = analysis.timeline;
  return {
    baselineLabel: analysis.baselineLabel,
    baselineHosts: analysis.baselineHosts,
    baselineLicensing: n(analysis.physical.byCategory.licensing),
    timeline: t
      ? {
          startDate: t.startDate,
          renewalDate: t.renewalDate,
          monthsToRenewal: t.monthsToRenewal,
          moveEndMonth: t.moveEndMonth,
          renewalNeeded: t.renewalNeeded,
          renewalTerms: t.renewalTerms,
          sentence: moveSentence(t),
        }
      : null,
    owned: s.finance.baseline !== "physical" || !owned.noneEntered ? owned.message : null,
    storageKind: s.storage.kind,
    sizing: {
      basis: s.demand.basis,
      comfortFactor: s.demand.comfortFactor.toNumber(),
      rows: sizingRows(s),
    },
    idle,
    retireIdle: s.demand.retireIdle,
    idleSaving: idleSaving(analysis, idle),
    currency: s.currency,
    horizonYears: s.finance.horizonYears,
    physicalTco: n(analysis.physical.total),
    recommended: analysis.recommended,
    recommendation: analysis.recommendation,
    stayPhysical:
      analysis.options[0]?.capacity.stayPhysical.reduce((sum, sp) => sum + sp.count, 0) ?? 0,
    options: analysis.options.map((o) => ({
      id: o.id,
      label: o.label,
      eligible: o.eligible,
      reasons: o.reasons,
      recommended: o.id === analysis.recommended,
      hosts: o.capacity.hosts,
      clusters: o.capacity.clusters.length,
      tco: n(o.costs.total),
      savings: n(o.businessCase.totalSavings),
      npv: n(o.businessCase.npv),
      irrPercent:
        o.businessCase.irr === null ? null : Math.round(o.businessCase.irr.toNumber() * 1000) / 10,
      paybackMonths: o.businessCase.payback.reached
        ? Math.round(o.businessCase.payback.months.toNumber() * 10) / 10
        : null,
      cumulative: o.businessCase.cumulativeFlows.map(n),
      transition: n(o.transition),
      clusterPlans: o.capacity.clusters.map(clusterOf),
      hostsByYear: o.hostsByYear,
      licensing: {
        lines: o.licensing.lines.map((l) => ({
          sku: l.sku,
          label: l.label,
          quantity: l.quantity,
          unitPrice: n(l.unitPrice),
          cost: n(l.cost),
          recurrence: l.recurrence,
          basis: l.basis,
        })),
        oneTime: n(o.licensing.oneTime),
        annual: n(o.licensing.annual),
        total: n(o.licensing.total),
        notes: o.licensing.notes,
      },
      host: hostPreviewOf(o),
    })),
  };
}
