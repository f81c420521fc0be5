/** Looking up a plan's cells by sheet and position (blocks are where the plan keeps them). */
import { parseCell, parseRange, type RangeRef } from "./a1";
import type { PlanCell, SheetPlan, WorkbookPlan } from "./workbookPlan";

/** Excel's column count; keys below are `row * MAX_COLUMNS + col`. */
const MAX_COLUMNS = 16384;

/** A placed plan cell: 0-based row and column. */
export interface PlacedCell {
  readonly row: number;
  readonly col: number;
  readonly cell: PlanCell;
}

/** Calls `visit` for every cell of every block of `sheet`, in block order (row by row). */
export function forEachPlanCell(sheet: SheetPlan, visit: (placed: PlacedCell) => void): void {
  for (const block of sheet.blocks) {
    const origin = parseCell(block.topLeft);
    block.cells.forEach((rowCells, r) => {
      rowCells.forEach((cell, c) => visit({ row: origin.row + r, col: origin.col + c, cell }));
    });
  }
}

/** The cells of one sheet by position. A later block wins where blocks overlap. */
export class SheetCells {
  private readonly byKey = new Map<number, PlanCell>();

  constructor(sheet: SheetPlan) {
    forEachPlanCell(sheet, ({ row, col, cell }) => this.byKey.set(row * MAX_COLUMNS + col, cell));
  }

  /** The cell at 0-based `row`, `col`, or undefined when no block covers it. */
  at(row: number, col: number): PlanCell | undefined {
    return this.byKey.get(row * MAX_COLUMNS + col);
  }

  /** The cell at an A1 address (`"C6"`). */
  get(address: string): PlanCell | undefined {
    const { row, col } = parseCell(address);
    return this.at(row, col);
  }

  /** Cells of a range, row by row (undefined where no block covers a position). */
  range(range: string | RangeRef): (PlanCell | undefined)[][] {
    const r = typeof range === "string" ? parseRange(range) : range;
    const rows: (PlanCell | undefined)[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const cells: (PlanCell | undefined)[] = [];
      for (let col = r.left; col <= r.right; col++) cells.push(this.at(row, col));
      rows.push(cells);
    }
    return rows;
  }
}

/** Indexes every sheet of `plan` by name. */
export function indexPlan(plan: WorkbookPlan): Map<string, SheetCells> {
  return new Map(plan.sheets.map((s) => [s.name, new SheetCells(s)]));
}
