/**
 * The last pass over every sheet of the report: column widths from what each column shows
 * (`columns.ts`) and how it prints — one page wide, the table header repeated on every page,
 * a header with the scenario and the sheet, a footer with the print date and "Page n of m".
 * The summary prints on one landscape page (key figures and charts; its chart data stays on
 * screen).
 */
import { fitColumnWidths, wrappedRowHeights } from "./columns";
import type { HeaderFooterText, PrintSetup, SheetPlan } from "./workbookPlan";

/** Excel's "Narrow" margins (inches): more of the page for the figures. */
export const NARROW_MARGINS = {
  left: 0.25,
  right: 0.25,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
} as const;

/** `&` starts a code in header and footer text: a literal one is doubled. */
export function headerFooterLiteral(text: string): string {
  return text.replace(/&/g, "&&");
}

/** The header and footer every sheet of the report prints with. */
export function reportHeaderFooter(
  scenarioName: string,
  generator: string
): { header: HeaderFooterText; footer: HeaderFooterText } {
  return {
    header: { left: headerFooterLiteral(scenarioName), right: "&A" },
    footer: { left: headerFooterLiteral(generator), center: "Printed &D", right: "Page &P of &N" },
  };
}

/** Printable area of a US Letter page with NARROW_MARGINS, in points (A4 is close: 8.27 × 11.69 in). */
const PRINTABLE = {
  portrait: { width: (8.5 - 0.5) * 72, height: (11 - 1.5) * 72 },
  landscape: { width: (11 - 0.5) * 72, height: (8.5 - 1.5) * 72 },
} as const;

/** Excel's row height (points) and column width in points for a width in characters. */
const ROW_POINTS = 15;
const columnPoints = (chars: number): number => (chars * 7 + 5) * 0.75;

/** Pages and scale of a sheet printed one page wide in `orientation`. */
export function printEstimate(
  widths: readonly number[],
  rows: number,
  rowHeights: Readonly<Record<number, number>>,
  orientation: "portrait" | "landscape"
): { pages: number; scale: number } {
  const page = PRINTABLE[orientation];
  const width = widths.reduce((a, w) => a + columnPoints(w), 0);
  const scale = Math.min(1, page.width / width);
  let height = 0;
  for (let r = 1; r <= rows; r++) height += rowHeights[r] ?? ROW_POINTS;
  return { pages: Math.max(1, Math.ceil((height * scale) / page.height)), scale };
}

/** The orientation that prints in fewer pages; on a tie, the one with the larger scale. */
function bestOrientation(
  widths: readonly number[],
  rows: number,
  rowHeights: Readonly<Record<number, number>>
): "portrait" | "landscape" {
  const p = printEstimate(widths, rows, rowHeights, "portrait");
  const l = printEstimate(widths, rows, rowHeights, "landscape");
  if (p.pages !== l.pages) return p.pages < l.pages ? "portrait" : "landscape";
  return l.scale > p.scale ? "landscape" : "portrait";
}

/** Rows the sheet's blocks cover (1-based last row). */
function lastRow(sheet: SheetPlan): number {
  let last = 0;
  for (const b of sheet.blocks) {
    const m = /\d+$/.exec(b.topLeft);
    last = Math.max(last, Number(m?.[0] ?? 1) + b.cells.length - 1);
  }
  return last;
}

/**
 * `sheet` with its final column widths and print setup. The builder's `print` wins where it
 * says something (orientation, one page tall, print area); the rest are the report's defaults.
 */
export function finishSheet(sheet: SheetPlan, scenarioName: string, generator: string): SheetPlan {
  const given: Partial<PrintSetup> = sheet.print ?? {};
  const titleRow = sheet.freeze && sheet.freeze.rows > 0 ? sheet.freeze.rows : undefined;
  const widths = fitColumnWidths(sheet);
  const heights = wrappedRowHeights(sheet, widths);
  const print: PrintSetup = {
    orientation: given.orientation ?? bestOrientation(widths, lastRow(sheet), heights),
    fitToWidth: true,
    ...(given.fitToHeight !== undefined ? { fitToHeight: given.fitToHeight } : {}),
    ...(given.titleRows
      ? { titleRows: given.titleRows }
      : titleRow !== undefined && given.fitToHeight !== 1
        ? { titleRows: { first: titleRow, last: titleRow } }
        : {}),
    ...(given.area !== undefined ? { area: given.area } : {}),
    margins: given.margins ?? NARROW_MARGINS,
    centerHorizontally: given.centerHorizontally ?? true,
    ...reportHeaderFooter(scenarioName, generator),
  };
  return {
    ...sheet,
    columnWidths: widths,
    ...(Object.keys(heights).length > 0 ? { rowHeights: heights } : {}),
    print,
  };
}
