/**
 * Every user-facing text of the finance module, in one place so the task pane, the report
 * and the formulas written into the workbook say the same thing (tests pin them).
 */
import type { IrrFailureReason } from "./irr";

export const financeMessages = {
  /** Cell text where payback (simple or discounted) is not reached by the last year. */
  paybackNotWithinHorizon: "not within the horizon",
  /** Cell text where IRR has no answer (Excel's #NUM!, caught by IFERROR). */
  irrNotDefined: "no IRR",
  /** Cell text for ROI % when total costs are 0. */
  roiNotDefined: "n/a",
} as const;

/** A sentence for the task pane saying why there is no IRR and what would give one. */
export function irrFailureMessage(reason: IrrFailureReason): string {
  switch (reason) {
    case "noSignChange":
      return "No IRR: the cash flows need at least one negative year (the investment) and one positive year (the savings).";
    case "didNotConverge":
      return "No IRR: no discount rate between -100 % and 100,000,000 % makes the NPV zero. Check the yearly cash flows.";
  }
}

/** A sentence for the task pane when payback falls after the last year of the horizon. */
export function paybackNotReachedMessage(horizonYears: number): string {
  return `Payback is not reached within the ${horizonYears}-year horizon.`;
}
