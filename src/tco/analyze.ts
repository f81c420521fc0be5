/**
 * `analyze(scenario)`: the one entry point — the analysis of `analysis.ts` with the ±20 %
 * sensitivity analysis of the recommended option (unless turned off).
 */
import type { Scenario } from "../scenario";
import { analyzeWith } from "./analysis";
import type { PlanStore } from "./planStore";
import { sensitivityOf } from "./sensitivity";
import type { Analysis } from "./types";

export { cheapest } from "./analysis";

export interface AnalyzeOptions {
  /** Run the ±20 % sensitivity analysis (default true; the task pane preview turns it off). */
  readonly sensitivity?: boolean;
  /**
   * Capacity plans kept between analyses (`PlanStore`): a caller that analyses edit after edit
   * (the task pane) passes the same store each time, and edits that change no capacity input
   * re-plan nothing. Absent: every plan is made afresh.
   */
  readonly plans?: PlanStore;
}

/** The whole analysis of a scenario (with the sensitivity analysis unless turned off). */
export function analyze(scenario: Scenario, options: AnalyzeOptions = {}): Analysis {
  return analyzeWith(scenario, options.sensitivity === false ? null : sensitivityOf, options.plans);
}
