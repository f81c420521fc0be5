/**
 * `analyze(scenario)`: the one entry point. For each licensing option: a capacity plan under
 * the host constraints its edition imposes, cluster-aware licences, the cost lines and the
 * business case against staying physical; then the recommendation, the mixed estate, the
 * break-even table and (optionally) the sensitivity analysis.
 */
import { breakEven, hostConstraintsFor, licenseMixed, optionOfWay } from "../licensing";
import type { Scenario } from "../scenario";
import { analyzeOption, planFor, type PlanCache } from "./analyzeOption";
import { baselineLabel, baselineOf } from "./baseline";
import { recommendationSentence } from "./recommendation";
import { sensitivityOf } from "./sensitivity";
import type { Analysis, BreakEvenTable, MixedRecommendation, OptionAnalysis } from "./types";

export interface AnalyzeOptions {
  /** Run the ±20 % sensitivity analysis (default true; the task pane preview turns it off). */
  readonly sensitivity?: boolean;
}

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

export function analyze(scenario: Scenario, options: AnalyzeOptions = {}): Analysis {
  const cache: PlanCache = new Map();
  const baseline = baselineOf(scenario, cache);
  const physical = baseline.schedule;
  const results = scenario.licensing.options.map((id) =>
    analyzeOption(
      scenario,
      id,
      planFor(scenario, hostConstraintsFor(id, scenario), cache),
      physical,
      undefined,
      baseline.leaving
    )
  );
  const best = cheapest(results);

  let mixed: MixedRecommendation | null = null;
  const mixedEstate = licenseMixed(
    scenario,
    planFor(scenario, hostConstraintsFor("datacenter", scenario), cache)
  );
  if (mixedEstate) {
    const singles = results
      .filter((r) => r.eligible && r.id !== "vsphere")
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
  const sensitivity =
    best && options.sensitivity !== false
      ? sensitivityOf(scenario, best.id, baseline, cache)
      : null;
  return {
    scenario,
    baselineLabel: baselineLabel(scenario),
    physical,
    options: results,
    recommended: best?.id ?? null,
    recommendation: recommendationSentence(scenario, physical, results, best),
    mixed,
    sensitivity,
    breakEven: breakEvenTable(scenario),
  };
}
