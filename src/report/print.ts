/**
 * The last pass over every sheet of the report: column widths from what each column shows
 * (`columns.ts`) and how it prints — one page wide, the table header repeated on every page,
 * a header with the scenario and the sheet, a footer with the print date and "Page n of m".
 * The summary prints on one landscape page (key figures and charts; its chart data stays on
 * screen).
 */
import { fitColumnWidths, wrappedRowHeights } from "./columns";
import type { HeaderFooterText, PrintSetup, SheetPlan } from "./plan";

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

/**
 * `sheet` with its final column widths and print setup. The builder's `print` wins where it
 * says something (orientation, one page tall, print area); the rest are the report's defaults.
 */
export function finishSheet(sheet: SheetPlan, scenarioName: string, generator: string): SheetPlan {
  const given: Partial<PrintSetup> = sheet.print ?? {};
  const titleRow = sheet.freeze && sheet.freeze.rows > 0 ? sheet.freeze.rows : undefined;
  const widths = fitColumnWidths(sheet);
  const print: PrintSetup = {
    orientation:
      given.orientation ?? (widths.reduce((a, w) => a + w, 0) > 110 ? "landscape" : "portrait"),
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
  const heights = wrappedRowHeights(sheet, widths);
  return {
    ...sheet,
    columnWidths: widths,
    ...(Object.keys(heights).length > 0 ? { rowHeights: heights } : {}),
    print,
  };
}
