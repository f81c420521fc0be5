export * from "./types";
export { analyze, cheapest, type AnalyzeOptions } from "./analyze";
export { analyzeOption, planFor, type PlanCache } from "./analyzeOption";
export { CAPACITY_INPUTS, COST_ONLY, PlanStore, capacityInputsKey } from "./planStore";
export {
  businessCase,
  schedule,
  type BusinessCase,
  type CostSchedule,
  type YearCosts,
} from "./cashflow";
export {
  CATEGORY_LABELS,
  COST_CATEGORIES,
  costLine,
  factor,
  scheduledIn,
  type CostCategory,
  type CostLine,
  type InputFactor,
  type Schedule,
} from "./costLines";
export { inputValue } from "../scenario";
export { physicalBaselineLines, physicalLines, physicalQuantities } from "./physical";
export { optionLines, optionQuantities } from "./optionLines";
export { optionLicensing, pricedLines } from "./licenceCosts";
export { sensitivityOf, scaled } from "./sensitivity";
export { analysisJson } from "./json";
export { moneyLimitIssues } from "./limits";
export { TCO_MESSAGES, paybackClause, paybackFigure } from "./messages";
