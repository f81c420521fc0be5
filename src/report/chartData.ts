/**
 * The cells a chart reads: series names, categories and values, as references plus the
 * values the plan holds for them (the caches a chart part carries for viewers that do not
 * recalculate).
 */
import { parseRange, quoteSheet, rangeAddress, type RangeRef } from "./a1";
import type { CellValue, ChartSpec, PlanCell } from "./workbookPlan";
import type { SheetCells } from "./planCells";

/** Text points (series names, text categories); null = blank cell, no point. */
export interface StrData {
  readonly kind: "str";
  /** `'TCO Summary'!$A$5:$A$9`, no leading `=`. */
  readonly ref: string;
  readonly points: readonly (string | null)[];
}

/** Numeric points; null = blank or non-numeric cell, no point (Excel leaves a gap). */
export interface NumData {
  readonly kind: "num";
  readonly ref: string;
  /** The source cells' number format (`General` when none). */
  readonly formatCode: string;
  readonly points: readonly (number | null)[];
}

export interface SeriesData {
  /** 0-based series index within the data range (the `c:idx`/`c:order` of the series). */
  readonly index: number;
  /** The header cell (`c:tx/c:strRef`). */
  readonly name: StrData;
  readonly values: NumData;
}

export interface ChartData {
  /** Text categories → `c:strRef`; all-numeric categories → `c:numRef`. */
  readonly categories: StrData | NumData;
  readonly series: readonly SeriesData[];
}

/**
 * Splits `spec.dataRange` on the data sheet the way the plan defines it: the first row holds
 * series names, the first column categories, each further column one series.
 */
export function resolveChartData(spec: ChartSpec, cells: SheetCells): ChartData {
  const r = parseRange(spec.dataRange);
  if (r.right <= r.left || r.bottom <= r.top) {
    throw new RangeError(
      `Chart ${spec.id}: data range ${spec.dataRange} needs a header row, a category column and at least one series column`
    );
  }
  const column = (col: number): RangeRef => ({
    top: r.top + 1,
    bottom: r.bottom,
    left: col,
    right: col,
  });
  const categoryCells = cells.range(column(r.left)).map((row) => row[0]);
  const categories = allNumeric(categoryCells)
    ? numData(spec.dataSheet, column(r.left), categoryCells)
    : strData(spec.dataSheet, column(r.left), categoryCells);

  const series: SeriesData[] = [];
  for (let col = r.left + 1; col <= r.right; col++) {
    const header: RangeRef = { top: r.top, bottom: r.top, left: col, right: col };
    const valueCells = cells.range(column(col)).map((row) => row[0]);
    series.push({
      index: col - r.left - 1,
      name: strData(spec.dataSheet, header, [cells.at(r.top, col)]),
      values: numData(spec.dataSheet, column(col), valueCells),
    });
  }
  return { categories, series };
}

function allNumeric(cells: readonly (PlanCell | undefined)[]): boolean {
  const present = cells.filter((c) => c !== undefined && c.v !== null && c.v !== "");
  return present.length > 0 && present.every((c) => typeof c?.v === "number");
}

function strData(
  sheet: string,
  range: RangeRef,
  cells: readonly (PlanCell | undefined)[]
): StrData {
  return { kind: "str", ref: ref(sheet, range), points: cells.map((c) => text(c?.v ?? null)) };
}

function numData(
  sheet: string,
  range: RangeRef,
  cells: readonly (PlanCell | undefined)[]
): NumData {
  const first = cells.find((c) => typeof c?.v === "number");
  return {
    kind: "num",
    ref: ref(sheet, range),
    formatCode: first?.fmt ?? "General",
    points: cells.map((c) => (typeof c?.v === "number" && Number.isFinite(c.v) ? c.v : null)),
  };
}

function text(v: CellValue): string | null {
  if (v === null || v === "") return null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** `'Sheet'!$A$2:$A$9` for a range on `sheet`. */
function ref(sheet: string, r: RangeRef): string {
  return `${quoteSheet(sheet)}!${rangeAddress(r, true)}`;
}
