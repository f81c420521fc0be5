/**
 * The exceljs half of the writer: sheets, cells (formulas with their cached values, constants,
 * number formats), styles, column widths, frozen panes, tab colours and print setup.
 * Charts, tables and defined names are added to the package afterwards (`inject.ts`).
 */
import { parseRange } from "../report/a1";
import type {
  CellStyle,
  HeaderFooterText,
  PlanCell,
  PrintSetup,
  SheetPlan,
  WorkbookPlan,
} from "../report/workbookPlan";
import ExcelJS, { type Cell, type Style, type Workbook, type Worksheet } from "./exceljs";
import { forEachPlanCell } from "../report/planCells";

/** Excel's default page margins in inches (what it writes for a new sheet). */
const DEFAULT_MARGINS = {
  left: 0.7,
  right: 0.7,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

/** An exceljs workbook holding every sheet and cell of `plan` (no charts, tables or names). */
export function buildWorkbook(plan: WorkbookPlan): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = plan.generator;
  wb.lastModifiedBy = plan.generator;
  wb.title = plan.scenarioName;
  // Excel recomputes every formula when it opens the file; the cached values serve viewers
  // that do not calculate (previews, mail clients, charts' first paint).
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  return wb;
}

function writeSheet(wb: Workbook, sheet: SheetPlan): void {
  const freeze =
    sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) ? sheet.freeze : undefined;
  const ws = wb.addWorksheet(sheet.name, {
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views: freeze
      ? [{ state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows }]
      : [{ state: "normal" }],
    pageSetup: pageSetup(sheet.print),
  });
  const print = sheet.print;
  if (print?.header || print?.footer) {
    ws.headerFooter = {
      differentFirst: false,
      differentOddEven: false,
      ...(print.header ? { oddHeader: headerFooterCodes(print.header) } : {}),
      ...(print.footer ? { oddFooter: headerFooterCodes(print.footer) } : {}),
    };
  }
  sheet.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const [row, points] of Object.entries(sheet.rowHeights ?? {}))
    ws.getRow(Number(row)).height = points;
  forEachPlanCell(sheet, ({ row, col, cell }) =>
    writeCell(ws.getRow(row + 1).getCell(col + 1), cell)
  );
  applyStyles(ws, sheet);
  // After the cells: exceljs sends a value written to a merged cell to the range's first cell.
  for (const range of sheet.merges ?? []) ws.mergeCells(range);
}

/**
 * exceljs' page setup for a plan's print settings. `fitToPage` is what makes Excel (and
 * LibreOffice) honour fitToWidth/fitToHeight: exceljs writes it as `<pageSetUpPr
 * fitToPage="1"/>`; without it both print at 100 % and split columns across pages.
 * Print area and title rows are sheet-local defined names, added with the others
 * (`printNames` in inject.ts): exceljs writes them half-absolute (`$A1:$H47`), which
 * LibreOffice ignores.
 */
function pageSetup(print: PrintSetup | undefined): Partial<ExcelJS.PageSetup> {
  if (!print) return { margins: DEFAULT_MARGINS, orientation: "portrait" };
  return {
    margins: print.margins ?? DEFAULT_MARGINS,
    orientation: print.orientation,
    ...(print.fitToWidth
      ? { fitToPage: true, fitToWidth: 1, fitToHeight: print.fitToHeight ?? 0 }
      : { fitToPage: false }),
    ...(print.centerHorizontally ? { horizontalCentered: true } : {}),
  };
}

/** `&L…&C…&R…`: a plan header or footer in Excel's section codes. */
export function headerFooterCodes(text: HeaderFooterText): string {
  return (
    (text.left ? `&L${text.left}` : "") +
    (text.center ? `&C${text.center}` : "") +
    (text.right ? `&R${text.right}` : "")
  );
}

function writeCell(target: Cell, cell: PlanCell): void {
  if (cell.f !== undefined) {
    const formula = cell.f.startsWith("=") ? cell.f.slice(1) : cell.f;
    target.value = cell.v === null ? { formula } : { formula, result: cell.v };
  } else {
    target.value = cell.v;
  }
  if (cell.fmt !== undefined) target.numFmt = cell.fmt;
}

/**
 * Applies the sheet's styled ranges. Ranges may overlap: each cell gets the merge of every
 * range over it, later ranges winning per property. Cells a range covers but no block
 * fills are styled too (a header band across empty cells).
 */
function applyStyles(ws: Worksheet, sheet: SheetPlan): void {
  const merged = new Map<string, { row: number; col: number; style: CellStyle }>();
  for (const { range, style } of sheet.styles) {
    const r = parseRange(range);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const key = `${row}:${col}`;
        const prev = merged.get(key);
        merged.set(key, { row, col, style: prev ? { ...prev.style, ...style } : style });
      }
    }
  }
  // One set of exceljs style objects per distinct merged style, shared by its cells.
  const cache = new Map<string, Partial<Style>>();
  for (const { row, col, style } of merged.values()) {
    const key = JSON.stringify(style);
    let parts = cache.get(key);
    if (!parts) {
      parts = excelStyle(style);
      cache.set(key, parts);
    }
    const cell = ws.getRow(row + 1).getCell(col + 1);
    if (parts.font) cell.font = parts.font;
    if (parts.fill) cell.fill = parts.fill;
    if (parts.alignment) cell.alignment = parts.alignment;
    if (parts.border) cell.border = parts.border;
  }
}

/** A plan CellStyle as exceljs style parts (fonts keep Excel's default Calibri 11). */
export function excelStyle(style: CellStyle): Partial<Style> {
  const out: Partial<Style> = {};
  if (style.bold || style.italic || style.fontSize !== undefined || style.fontColor) {
    out.font = {
      name: "Calibri",
      family: 2,
      scheme: "minor",
      size: style.fontSize ?? 11,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill) {
    out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  }
  if (style.horizontalAlignment || style.wrapText) {
    out.alignment = {
      ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}),
      ...(style.wrapText ? { wrapText: true } : {}),
    };
  }
  if (style.borderTop || style.borderBottom) {
    out.border = {
      ...(style.borderTop ? { top: { style: "thin" as const } } : {}),
      ...(style.borderBottom ? { bottom: { style: "thin" as const } } : {}),
    };
  }
  return out;
}

/** `#RRGGBB` → exceljs' opaque `FFRRGGBB`. */
function argb(color: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color);
  if (!m) throw new RangeError(`Bad colour ${color}: expected #RRGGBB`);
  return `FF${(m[1] as string).toUpperCase()}`;
}
