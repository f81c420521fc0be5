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
import { irrOncePerFlows } from "./cashflow";
import { VMWARE_OPTIONS } from "./leavingVmware";
import type { PlanStore } from "./planStore";
import { recommendationSentence } from "./recommendation";
import type { sensitivityOf } from "./sensitivity";
import { hostCandidates, sweepOption, withHost, type CandidateAnalysis } from "./hostSweep";
import type {
  Analysis,
  BreakEvenTable,
  MixedRecommendation,
  OptionAnalysis,
  OptionResult,
} from "./types";

/** The sensitivity analysis, passed in so a caller that never runs it does not load it. */
export type SensitivityAnalysis = typeof sensitivityOf;

/** The cheapest eligible option by TCO over the horizon (ties: higher NPV, then listed order). */
export function cheapest<T extends OptionResult>(options: readonly T[]): T | null {
  let best: T | null = null;
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
 * so its start-up bundle holds no sensitivity code. With `plans`, capacity plans come from
 * and go to that store, so an analysis after an edit that changes no capacity input re-plans
 * nothing (the answer is the same either way).
 */
export function analyzeWith(
  scenario: Scenario,
  sensitivity: SensitivityAnalysis | null,
  plans?: PlanStore
): Analysis {
  // Plan caches by scenario: from `plans` when the caller keeps them between analyses.
  plans?.startAnalysis();
  const cacheOf = (s: Scenario): PlanCache => plans?.cacheFor(s) ?? new Map();
  // The baseline is the estate as it is: with a VMware baseline, the scenario's own `host`
  // stands for the hardware it runs on today, whatever the candidates to buy.
  const baseCache = cacheOf(scenario);
  const baseline = baselineOf(scenario, baseCache, undefined, cacheOf);
  const physical = baseline.schedule;
  const candidates = hostCandidates(scenario);
  // One scenario and one plan cache per candidate: options whose constraints shape capacity
  // alike share the candidate's plan (planFor's key). No plan crosses candidates of different
  // capacity inputs; with `plans`, candidates alike but for their price share one cache.
  const perCandidate = candidates.map((candidate) => {
    const own = scenario.hostOptions === undefined ? scenario : withHost(scenario, candidate);
    return {
      candidate,
      scenario: own,
      cache: own === scenario ? baseCache : cacheOf(own),
    };
  });
  const irrOf = irrOncePerFlows();
  const sweeps = scenario.licensing.options.map((id) => {
    const runs: CandidateAnalysis[] = perCandidate.map((c) => {
      const constraints = hostConstraintsFor(id, c.scenario);
      return {
        candidate: c.candidate,
        scenario: c.scenario,
        analysis: analyzeOption(
          c.scenario,
          id,
          planFor(c.scenario, constraints, c.cache),
          physical,
          undefined,
          baseline.leaving,
          yearsFor(c.scenario, constraints, c.cache),
          irrOf
        ) as OptionAnalysis,
      };
    });
    const sweep = sweepOption(id, runs);
    return {
      sweep,
      chosen: perCandidate[sweep.chosen] as (typeof perCandidate)[number],
      run: runs[sweep.chosen] as CandidateAnalysis,
    };
  });
  const results: OptionAnalysis[] = sweeps.map(({ sweep, run }) => ({
    ...run.analysis,
    hostName: run.candidate.name,
    hostSweep: sweep.entries,
    hostChoice: sweep.reason,
  }));
  const best = cheapest(results);
  const chosenOf = (id: string): (typeof perCandidate)[number] =>
    sweeps[results.findIndex((r) => r.id === id)]?.chosen ??
    (perCandidate[0] as (typeof perCandidate)[number]);
  // The mixed estate licenses Datacenter's plan; on its chosen host when Datacenter is compared.
  const mixedOn = chosenOf("datacenter");
  const bestOn = best ? chosenOf(best.id) : (perCandidate[0] as (typeof perCandidate)[number]);

  let mixed: MixedRecommendation | null = null;
  const mixedEstate = licenseMixed(
    mixedOn.scenario,
    planFor(mixedOn.scenario, hostConstraintsFor("datacenter", mixedOn.scenario), mixedOn.cache)
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
  const tornado =
    best && sensitivity
      ? sensitivity(bestOn.scenario, best.id, baseline, bestOn.cache, {
          costs: best.costs,
          npv: best.businessCase.npv,
        })
      : null;
  return {
    scenario,
    baselineLabel: baselineLabel(scenario),
    baselinePhrase: baselinePhrase(scenario),
    baselineHosts: baseline.leaving?.existing.hosts ?? null,
    timeline: baseline.leaving?.timeline ?? null,
    physical,
    options: results,
    hostCandidates: candidates,
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
    breakEven: breakEvenTable(bestOn.scenario),
  };
}
