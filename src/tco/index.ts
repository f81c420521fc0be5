export * from "./types";
export { analyze, cheapest, type AnalyzeOptions } from "./analyze";
export { analyzeOption, planFor, type PlanCache } from "./evaluate";
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
} from "./lines";
export { physicalBaselineLines, physicalLines, physicalQuantities } from "./physical";
export { optionLines, optionQuantities } from "./option";
export { optionLicensing, pricedLines, priceOf } from "./licensing";
export { sensitivityOf, scaled } from "./sensitivity";
export { analysisJson } from "./json";
export { moneyLimitIssues } from "./limits";
export { TCO_MESSAGES } from "./messages";
