/**
 * Finance: NPV, IRR, payback, ROI and depreciation with Excel's semantics, in exact decimals,
 * plus the formula text the report writes so the workbook recomputes the same numbers.
 *
 * Conventions (every function): money out negative, money in positive; yearly flows are a
 * row with year 0 (the investment, now) first and year t's net flow at the end of year t;
 * rates are ratios per year (0.07 = 7 %). Pure: no Office, DOM, files or process.
 */
export { cumulative, discountFactors, discountedFlows } from "./cashflows";
export { npv, netPresentValue } from "./npv";
export { irr } from "./irr";
export type { IrrFailureReason, IrrOptions, IrrResult } from "./irr";
export { paybackMonths, discountedPaybackMonths } from "./payback";
export type { PaybackResult } from "./payback";
export { roiPercent } from "./roi";
export { sln } from "./depreciation";
export {
  cumulativeFormula,
  discountedFlowFormula,
  irrFormula,
  netPresentValueFormula,
  paybackCandidateFormula,
  paybackFormula,
  paybackRowFormulas,
  roiFormula,
  slnFormula,
} from "./formulas";
export type { PaybackCandidateCells, PaybackRowFormulas } from "./formulas";
export { financeMessages, irrFailureMessage, paybackNotReachedMessage } from "./messages";
