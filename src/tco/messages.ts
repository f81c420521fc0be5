/** Every text the TCO model shows a user, in one place (tests pin them). */

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
