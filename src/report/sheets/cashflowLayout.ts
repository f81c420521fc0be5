/** Where `TCO Cashflow` puts things: shared by the sheet's builders. */

/** Column of Year 0 (0-based: E). */
export const FIRST_YEAR_COL = 4;
/** Row of the year headers (0-based). */
export const HEADER_ROW = 3;
