/**
 * A sheet under construction: cells set by 0-based row/column, then emitted as one
 * rectangular block (the writers make one 2-D write of it). Local to a builder function.
 */
import { cellAddress, rangeAddress } from "./a1";
import { COLORS } from "./formats";
import type { CellBlock, CellStyle, PlanCell, StyledRange } from "./workbookPlan";

export interface Grid {
  readonly cells: Map<number, Map<number, PlanCell>>;
  readonly styles: StyledRange[];
  /** Header cells that {@link stylesOf} right-aligns over a column of numbers. */
  readonly headers: { readonly row: number; readonly col: number }[];
}

export function newGrid(): Grid {
  return { cells: new Map(), styles: [], headers: [] };
}

/** Put a cell at (row, col), 0-based. */
export function put(grid: Grid, row: number, col: number, cell: PlanCell): void {
  let r = grid.cells.get(row);
  if (!r) grid.cells.set(row, (r = new Map()));
  r.set(col, cell);
}

/** Put a row of cells starting at (row, col). */
export function putRow(grid: Grid, row: number, col: number, cells: readonly PlanCell[]): void {
  cells.forEach((c, i) => put(grid, row, col + i, c));
}

/** Style a rectangle (0-based, inclusive). */
export function style(
  grid: Grid,
  top: number,
  left: number,
  bottom: number,
  right: number,
  s: CellStyle
): void {
  grid.styles.push({ range: rangeAddress({ top, left, bottom, right }), style: s });
}

/** The bounding rectangle of every cell, as one block (blank cells `{v: null}`). */
export function toBlocks(grid: Grid): CellBlock[] {
  if (grid.cells.size === 0) return [];
  let top = Infinity,
    bottom = -Infinity,
    left = Infinity,
    right = -Infinity;
  for (const [r, row] of grid.cells) {
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    for (const c of row.keys()) {
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  const rows: PlanCell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const src = grid.cells.get(r);
    const out: PlanCell[] = [];
    for (let c = left; c <= right; c++) out.push(src?.get(c) ?? { v: null });
    rows.push(out);
  }
  return [{ topLeft: cellAddress(top, left), cells: rows }];
}

/** Text cell. */
export const text = (v: string, fmt?: string): PlanCell => (fmt ? { v, fmt } : { v });
/** Number cell. */
export const num = (v: number, fmt?: string): PlanCell => (fmt ? { v, fmt } : { v });
/** Formula cell carrying the engine's value. */
export const formula = (f: string, v: number | string | boolean | null, fmt?: string): PlanCell =>
  fmt ? { v, f: f.startsWith("=") ? f : `=${f}`, fmt } : { v, f: f.startsWith("=") ? f : `=${f}` };

/** A sheet's title in A1 and its one-line note in A2, in the report's title styles. */
export function sheetTitle(grid: Grid, title: string, note: string): void {
  put(grid, 0, 0, text(title));
  put(grid, 1, 0, text(note));
  style(grid, 0, 0, 0, 0, { bold: true, fontSize: 16, fontColor: COLORS.title });
  style(grid, 1, 0, 1, 0, { italic: true, fontColor: COLORS.muted });
}

/** A table header row of labels from `col`, in the report's header style (plus `extra`); long labels wrap. */
export function headerRow(
  grid: Grid,
  row: number,
  col: number,
  labels: readonly string[],
  extra: CellStyle = {}
): void {
  putRow(
    grid,
    row,
    col,
    labels.map((l) => text(l))
  );
  style(grid, row, col, row, col + labels.length - 1, {
    bold: true,
    fill: COLORS.headerFill,
    borderBottom: true,
    wrapText: true,
    ...extra,
  });
  if (extra.horizontalAlignment === undefined) alignOverNumbers(grid, row, col, labels.length);
}

/** Marks `count` header cells from (row, col) for {@link stylesOf} to align with their column. */
export function alignOverNumbers(grid: Grid, row: number, col: number, count: number): void {
  for (let i = 0; i < count; i++) grid.headers.push({ row, col: col + i });
}

/** Right-aligns the cells of row `row` in columns `cols`, one range per run of neighbours. */
export function alignRight(grid: Grid, row: number, cols: readonly number[]): void {
  grid.styles.push(...rightAligned(cols.map((col) => ({ row, col }))));
}

/** Rows below a header searched for its column's first value. */
const HEADER_LOOKAHEAD = 5;

/**
 * The sheet's styles: first the right alignment of each header whose column's first value below
 * is a number (spreadsheets put numbers on the right, and a header on the left of a wide column
 * stands over the next column's figures: "63 %" read as memory, not CPU), then every style the
 * builder set, which may align a header otherwise.
 */
export function stylesOf(grid: Grid): StyledRange[] {
  const overNumbers = grid.headers.filter(({ row, col }) => {
    for (let r = row + 1; r <= row + HEADER_LOOKAHEAD; r++) {
      const cell = grid.cells.get(r)?.get(col);
      if (cell !== undefined && cell.v !== null && cell.v !== "") return typeof cell.v === "number";
    }
    return false;
  });
  return [...rightAligned(overNumbers), ...grid.styles];
}

/** One right-aligned range per run of neighbouring cells in a row: fewer formats to write. */
function rightAligned(cells: readonly { row: number; col: number }[]): StyledRange[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: StyledRange[] = [];
  for (let i = 0; i < sorted.length;) {
    const { row, col } = sorted[i]!;
    let j = i;
    while (
      j + 1 < sorted.length &&
      sorted[j + 1]!.row === row &&
      sorted[j + 1]!.col === sorted[j]!.col + 1
    )
      j++;
    const range = rangeAddress({ top: row, left: col, bottom: row, right: sorted[j]!.col });
    out.push({ range, style: { horizontalAlignment: "right" } });
    i = j + 1;
  }
  return out;
}
