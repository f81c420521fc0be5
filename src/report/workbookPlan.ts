/**
 * `WorkbookPlan`: the one description of the report — sheets, cells (value and/or formula,
 * number format), styles, defined names, tables and chart specs — as plain data.
 * The Office.js writer (`src/excel`) and the .xlsx writer (`src/xlsx`) only interpret it.
 *
 * Conventions:
 * - Addresses are A1 style without sheet (`"B4"`, `"B4:F12"`) unless the field says otherwise.
 * - Formulas are Excel's English syntax with a leading `=` (`"=hv_HostPrice*C5"`), using only
 *   functions every Excel since 2010 has (no `_xlfn.` functions), so both writers can pass
 *   them through unchanged.
 * - Every formula cell carries the engine's value in `v`: writers store it as the cached
 *   result, and tests prove a spreadsheet engine recomputes the same number.
 */

/** A cell's value as Excel stores it. Money is a number rounded to cents here. */
export type CellValue = string | number | boolean | null;

export interface PlanCell {
  /** The value (the engine's result when `f` is set). */
  readonly v: CellValue;
  /** Formula with a leading `=`, or absent for a constant. */
  readonly f?: string;
  /** Number format code (`'#,##0.00'`, `'0.0%'`); absent = General. */
  readonly fmt?: string;
}

/** A rectangle of cells written with one 2-D write, starting at `topLeft`. */
export interface CellBlock {
  readonly topLeft: string;
  /** Rows of equal length. */
  readonly cells: readonly (readonly PlanCell[])[];
}

/** A small set of cell styles that both Excel and LibreOffice render the same way. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points. */
  readonly fontSize?: number;
  /** `#RRGGBB`. */
  readonly fontColor?: string;
  /** `#RRGGBB` solid fill. */
  readonly fill?: string;
  readonly horizontalAlignment?: "left" | "center" | "right";
  readonly wrapText?: boolean;
  /** A thin border on this side of every cell in the range. */
  readonly borderBottom?: boolean;
  readonly borderTop?: boolean;
}

export interface StyledRange {
  readonly range: string;
  readonly style: CellStyle;
}

export interface TablePlan {
  /** Table name (unique in the workbook, e.g. `hvInventory`). */
  readonly name: string;
  /** Header row included. */
  readonly range: string;
  /** e.g. `TableStyleMedium2`. */
  readonly style: string;
}

export type ChartKind =
  | "columnClustered"
  | "columnStacked"
  | "barClustered"
  | "line"
  | "lineMarkers"
  | "xyScatterLines"
  | "xyScatterLinesNoMarkers";

/** A series drawn differently from the chart's kind (a combo chart). */
export interface SeriesOverride {
  /** 0-based series index within the data range. */
  readonly index: number;
  readonly kind: "line" | "lineMarkers" | "columnClustered";
  readonly secondaryAxis?: boolean;
}

/**
 * A native chart over one contiguous data range on `sheet`: the first row holds series
 * names, the first column categories, and each further column one series (`seriesBy`
 * is always "columns" — passed explicitly, as Excel's "Auto" swaps them on the web).
 */
export interface ChartSpec {
  /** Stable id, e.g. `tcoByOption`. */
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** Sheet holding the data (may differ from the sheet the chart sits on). */
  readonly dataSheet: string;
  /** Data range including the header row and category column, e.g. `A4:D10`. */
  readonly dataRange: string;
  readonly seriesBy: "columns";
  /** Top-left and bottom-right cells of the chart's frame on its own sheet. */
  readonly anchor: { readonly from: string; readonly to: string };
  readonly categoryAxisTitle?: string;
  readonly valueAxisTitle?: string;
  /** Number format of the value axis (`'#,##0'`). */
  readonly valueAxisFormat?: string;
  /** Lowest value on the value axis (0 keeps bar lengths honest); absent = automatic. */
  readonly valueAxisMinimum?: number;
  /** Categories top to bottom on bar charts (a tornado). */
  readonly reverseCategories?: boolean;
  /** Category labels at the low end (keeps labels clear of negative bars). */
  readonly categoryLabelsLow?: boolean;
  readonly legend: "right" | "bottom" | "top" | "none";
  /** Bar overlap in percent (-100…100) and gap width (0…500). */
  readonly overlap?: number;
  readonly gapWidth?: number;
  readonly seriesOverrides?: readonly SeriesOverride[];
  /** `#RRGGBB` per series, in order; absent = the theme's colours. */
  readonly seriesColors?: readonly string[];
  /**
   * `#RRGGBB` per category (data point) of a one-series bar or column chart — one colour per
   * option when the options are the categories; wins over `seriesColors` for those points.
   */
  readonly pointColors?: readonly string[];
  /**
   * The recommended option, marked: a 0-based category (a dark outline on that bar, and its
   * value label shown) or series (a thicker line).
   */
  readonly highlight?: { readonly point: number } | { readonly series: number };
  /** Value labels on every bar (in `valueAxisFormat`); absent = none. */
  readonly dataLabels?: boolean;
}

/** Header or footer text in Excel's codes (`&P` page, `&N` pages, `&D` date, `&&` an ampersand). */
export interface HeaderFooterText {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

/**
 * How a sheet prints. Both writers apply all of it: the .xlsx writer as `pageSetup`,
 * `pageSetUpPr fitToPage`, `headerFooter`, `pageMargins` and the `_xlnm.Print_Titles` /
 * `_xlnm.Print_Area` names; the Office.js writer through `worksheet.pageLayout` (ExcelApi 1.9).
 */
export interface PrintSetup {
  readonly orientation: "landscape" | "portrait";
  /** Scale the sheet to one page wide. */
  readonly fitToWidth: boolean;
  /** With `fitToWidth`: pages tall (1 = the whole sheet on one page); absent = as many as needed. */
  readonly fitToHeight?: number;
  /** Rows repeated at the top of every page, 1-based inclusive (`{first: 4, last: 4}`). */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /** Only this range prints (A1 style, e.g. `A1:H47`); absent = the used range. */
  readonly area?: string;
  /** Page margins in inches. */
  readonly margins?: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly centerHorizontally?: boolean;
  readonly header?: HeaderFooterText;
  readonly footer?: HeaderFooterText;
}

export interface SheetPlan {
  readonly name: string;
  /** What this sheet is for, one line (shown by the task pane while writing). */
  readonly purpose: string;
  readonly tabColor?: string;
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  readonly blocks: readonly CellBlock[];
  readonly styles: readonly StyledRange[];
  readonly tables: readonly TablePlan[];
  readonly charts: readonly ChartSpec[];
  /**
   * Heights in points of rows that hold wrapped text, by 1-based row number (other rows keep
   * the default 15 pt). Written explicitly: LibreOffice does not grow a row for wrapped text
   * in a file it opens.
   */
  readonly rowHeights?: Readonly<Record<number, number>>;
  /** Ranges merged into one cell each (`A2:H2`): a sentence that wraps across a table's width. */
  readonly merges?: readonly string[];
  /** Rows and columns frozen at the top/left. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly print?: PrintSetup;
}

export interface DefinedNamePlan {
  /** `hv_DiscountRate`. */
  readonly name: string;
  /** Absolute reference with sheet, e.g. `'TCO Inputs'!$C$6`. */
  readonly ref: string;
  readonly comment?: string;
  /** Hidden from Excel's Name Manager list (ownership tags). */
  readonly hidden?: boolean;
}

export interface WorkbookPlan {
  readonly generator: string;
  readonly scenarioName: string;
  readonly sheets: readonly SheetPlan[];
  readonly definedNames: readonly DefinedNamePlan[];
}
