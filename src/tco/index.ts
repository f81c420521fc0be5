export * from "./types";
export { analyze, cheapest, type AnalyzeOptions } from "./analyze";
export { analyzeOption, planFor, type PlanCache } from "./analyzeOption";
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
  inputValue,
  scheduledIn,
  type CostCategory,
  type CostLine,
  type Schedule,
} from "./costLines";
export { physicalBaselineLines, physicalLines, physicalQuantities } from "./physical";
export { optionLines, optionQuantities } from "./optionLines";
export { optionLicensing, pricedLines, priceOf } from "./licenceCosts";
export { sensitivityOf, scaled } from "./sensitivity";
export { analysisJson } from "./json";
