/**
 * The analysis of a scenario (`analyze` in `analyze.ts` adds the sensitivity analysis). For each licensing option: a capacity plan under
 * the host constraints its edition imposes, cluster-aware licences, the cost lines and the
 * business case against staying physical; then the recommendation, the mixed estate, the
 * break-even table and (optionally) the sensitivity analysis.
 */
import { breakEven, hostConstraintsFor, licenseMixed, optionOfWay } from "../licensing";
import type { Scenario } from "../scenario";
import { analyzeOption, planFor, yearsFor, type PlanCache } from "./analyzeOption";
import { baselineLabel, baselineOf, baselinePhrase } from "./baseline";
import { VMWARE_OPTIONS } from "./leavingVmware";
import { recommendationSentence } from "./recommendation";
import type { sensitivityOf } from "./sensitivity";
import type { Analysis, BreakEvenTable, MixedRecommendation, OptionAnalysis } from "./types";

/** The sensitivity analysis, passed in so a caller that never runs it does not load it. */
export type SensitivityAnalysis = typeof sensitivityOf;

/** The cheapest eligible option by TCO over the horizon (ties: higher NPV, then listed order). */
export function cheapest(options: readonly OptionAnalysis[]): OptionAnalysis | null {
  let best: OptionAnalysis | null = null;
  for (const o of options) {
    if (!o.eligible) continue;
    if (
      !best ||
      o.costs.total.lt(best.costs.total) ||
      (o.costs.total.eq(best.costs.total) && o.businessCase.npv.gt(best.businessCase.npv))
    )
      best = o;
  }
  return best;
}

function breakEvenTable(scenario: Scenario): BreakEvenTable {
  // The chart's range, not a licensing rule: wide enough to show every switch point we know of
  // (2008 R2: 7 and 9 VMs per 2-socket host; 2012 R2: 13; 2016+: 11 on 16 cores) with room after.
  const limit = scenario.platform === "ws2008r2" ? 40 : 30;
  const t = breakEven(scenario, limit);
  return {
    vms: t.vms,
    series: t.series.map((s) => ({ option: s.option, label: s.label, costs: s.costs })),
    switchPoints: t.changes.flatMap((c) =>
      c.from === null ? [] : [{ vms: c.vms, from: c.from, to: c.to }]
    ),
  };
}

/**
 * The analysis with the sensitivity analysis `sensitivity` runs (null: none). `analyze` in
 * `analyze.ts` is the usual entry; the task pane's preview calls this with null
 * so its start-up bundle holds no sensitivity code.
 */
export function analyzeWith(scenario: Scenario, sensitivity: SensitivityAnalysis | null): Analysis {
  const cache: PlanCache = new Map();
  const baseline = baselineOf(scenario, cache);
  const physical = baseline.schedule;
  const results = scenario.licensing.options.map((id) => {
    const constraints = hostConstraintsFor(id, scenario);
    return analyzeOption(
      scenario,
      id,
      planFor(scenario, constraints, cache),
      physical,
      undefined,
      baseline.leaving,
      yearsFor(scenario, constraints, cache)
    );
  });
  const best = cheapest(results);

  let mixed: MixedRecommendation | null = null;
  const mixedEstate = licenseMixed(
    scenario,
    planFor(scenario, hostConstraintsFor("datacenter", scenario), cache)
  );
  if (mixedEstate) {
    const singles = results
      // Editions only: the mixed estate chooses a Windows Server edition per host.
      .filter(
        (r) =>
          r.eligible &&
          !VMWARE_OPTIONS.has(r.id) &&
          r.id !== "windows-payg" &&
          r.id !== "azure-local"
      )
      .map((r) => r.licensing.total);
    mixed = {
      perHost: mixedEstate.hosts.map((h) => ({
        host: h.index,
        option: h.way === null ? null : optionOfWay(h.way),
      })),
      total: mixedEstate.total,
      beatsSingleEdition: singles.length > 0 && singles.every((t) => mixedEstate.total.lt(t)),
    };
  }
  const tornado = best && sensitivity ? sensitivity(scenario, best.id, baseline, cache) : null;
  return {
    scenario,
    baselineLabel: baselineLabel(scenario),
    baselinePhrase: baselinePhrase(scenario),
    baselineHosts: baseline.leaving?.existing.hosts ?? null,
    timeline: baseline.leaving?.timeline ?? null,
    physical,
    options: results,
    recommended: best?.id ?? null,
    recommendation: recommendationSentence(
      scenario,
      physical,
      results,
      best,
      baseline.leaving?.timeline ?? null
    ),
    mixed,
    sensitivity: tornado,
    breakEven: breakEvenTable(scenario),
  };
}
