/** Every text the TCO model shows a user, in one place (tests pin them). */
import type { PaybackResult } from "../finance";

export const TCO_MESSAGES = {
  /** No option can be used; each with its first reason (the CLI, the pane and TCO Licensing list them all). */
  noEligibleOption: (reasons: readonly { label: string; reason: string }[]) =>
    `None of the options compared can be used here (${reasons
      .map((r) => (r.reason ? `${r.label}: ${r.reason.replace(/\.$/, "")}` : r.label))
      .join("; ")}). Add an option that can, in licensing.options.`,
  /** Every server stays physical: nothing to consolidate, so nothing to save. */
  nothingToConsolidate: (servers: number, what: string, option: string) =>
    `None of the ${servers} ${what} can move to ${option}: every one stays physical, so consolidating changes nothing. See why each stays physical, or change the host.`,
  totalTooLarge: (
    side: string,
    total: string,
    currency: string,
    limit: string,
    line: string,
    path: string
  ) =>
    `${side} adds up to ${currency} ${total}; a workbook keeps money exact to the cent only up to ${currency} ${limit} per option over the horizon. Check ${path} (the largest cost is "${line}") and enter a realistic figure.`,
  breakEvenTooLarge: (option: string, cost: string, currency: string, limit: string) =>
    `${option} would cost ${currency} ${cost} per host in licences; a workbook keeps money exact to the cent only up to ${currency} ${limit}. Check the licence prices under licensing.prices.`,
} as const;

/**
 * A payback as the months it reads at `decimals` places: "immediately" at exactly 0 (the path
 * saves from the start), "under a month" where it rounds to 0, "1 month", "12.4 months".
 */
export function paybackFigure(payback: PaybackResult, horizonYears: number, decimals = 0): string {
  if (!payback.reached) return `not within ${horizonYears} years`;
  if (payback.months.isZero()) return "immediately";
  const shown = payback.months.toDecimalPlaces(decimals);
  if (shown.isZero()) return "under a month";
  return `${shown.toString()} month${shown.equals(1) ? "" : "s"}`;
}

/** The same in a sentence after the option's name: "pays back in 12 months", "saves from the start". */
export function paybackClause(payback: PaybackResult, horizonYears: number, decimals = 0): string {
  if (!payback.reached) return `does not pay back within ${horizonYears} years`;
  if (payback.months.isZero()) return "saves from the start";
  const figure = paybackFigure(payback, horizonYears, decimals);
  return figure === "under a month" ? "pays back within a month" : `pays back in ${figure}`;
}
