/**
 * Every text the custom functions show in an Excel error's message, in one place (tests pin
 * them). Each says which argument is wrong, what it must be and what came, e.g.
 * `sockets must be a whole number from 1 to 64, not -2.`
 */

/** 1024 → "1,024" (fixed en-US grouping, whatever the runtime's locale). */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;

export const FUNCTION_MESSAGES = {
  /** An argument of the wrong kind or out of range. */
  invalidArgument: (name: string, expected: string, received: string, suggestion?: string) =>
    `${name} must be ${expected}, not ${received}${didYouMean(suggestion)}.`,
  /** Two edition arguments that name the same edition. */
  sameEdition: (edition: string) =>
    `editionA and editionB must be different editions; both are ${edition}.`,
  /** An edition or option the platform does not have, or cannot use on this host. */
  notEligible: (edition: string, platform: string, reasons: readonly string[]) =>
    `${edition} cannot be used on ${platform}: ${reasons.join(" ")}`,
  /** BREAKEVEN when B is never strictly cheaper within the platform's VM limit. */
  neverCheaper: (b: string, a: string, limit: number, platform: string) =>
    `${b} never becomes cheaper than ${a} on this host at up to ${grouped(limit)} Windows VMs (the ${platform} limit per host).`,
  /** PAYBACK when the cumulative flow stays negative to the last year. */
  paybackNotReached: (years: number) =>
    `Payback is not reached within the ${years}-year horizon of cashflowRange (the cumulative flow is still negative in its last year).`,
  /** PAYBACK given a block of several rows and columns. */
  cashflowShape: (rows: number, columns: number) =>
    `cashflowRange must be one row or one column of yearly flows (year 0 first), not ${rows} rows × ${columns} columns.`,
  cashflowEmpty:
    "cashflowRange holds no cash flows: enter year 0 (the investment, negative) first, then one net flow per year.",
  /** A blank or non-number cell among the flows. */
  cashflowCell: (position: number, year: number, received: string) =>
    `cashflowRange cell ${position} (year ${year}) must be a number (0 for a year without cash flow), not ${received}.`,
  /** The inventory range holds no server rows. */
  inventoryEmpty:
    "inventoryRange holds no servers: give a header row (name, cores, cpuGhz, memoryGiB, …) and one row per server, or rows with the columns in inventory order.",
  /** A header cell that names no inventory field. */
  unknownHeader: (
    column: number,
    header: string,
    allowed: readonly string[],
    suggestion?: string
  ) =>
    `inventoryRange column ${column} header "${header}" is not an inventory field${didYouMean(suggestion)}; use one of ${allowed.join(", ")}.`,
  duplicateHeader: (column: number, header: string, first: number) =>
    `inventoryRange column ${column} header "${header}" names the same field as column ${first}; delete one of them.`,
  unlabelledColumn: (column: number) =>
    `inventoryRange column ${column} has values but no header; add the field name to its header cell, or leave the column out of the range.`,
  tooManyColumns: (row: number, column: number, max: number, keys: readonly string[]) =>
    `inventoryRange row ${row}, column ${column}: a range without a header row has at most ${max} columns (${keys[0] ?? ""} … ${keys[keys.length - 1] ?? ""}, in inventory order); add a header row to use other columns.`,
  /** Where an inventory problem is, before the parser's own sentence. */
  inventoryCell: (row: number, column: number | null, field: string | null) =>
    column === null
      ? `inventoryRange row ${row}${field === null ? "" : ` (no ${field} column)`}`
      : `inventoryRange row ${row}, column ${column}${field === null ? "" : ` (${field})`}`,
  /** Appended when more problems follow the first. */
  moreProblems: (n: number) => ` (${n} more problem${n === 1 ? "" : "s"} in the arguments.)`,
  /** hostMemoryGiB at or below the host's own memory reserve. */
  memoryBelowReserve: (memory: string, reserve: string, platform: string) =>
    `hostMemoryGiB must be above the ${reserve} GiB the ${platform} host keeps for itself, not ${memory}.`,
  /** Anything the implementation did not expect: a bug, reported instead of an unhandled exception. */
  unexpected: (fn: string, detail: string) =>
    `HVTCO.${fn} failed unexpectedly (${detail}). Please report this with the arguments used.`,
} as const;
