/**
 * Protects a user's edits to `TCO Inputs` (pure): before the writer replaces its own Inputs
 * sheet, it compares the sheet's values with the ones the new plan would write, key by key.
 * Any difference means the user edited an input the new report does not reflect; the writer
 * then stops and asks the task pane to reload the inputs first (`readScenarioFromWorkbook`),
 * unless the caller chose to discard the edits.
 */
import { cellAddress, parseCell } from "../report/a1";
import type { CellValue, SheetPlan } from "../report/workbookPlan";
import { inputCellsByKey, numberText, type SheetCells } from "../report/readback";
import { INPUT_FIELDS } from "../scenario";

/** One input whose cell differs from what the new plan writes. */
export interface InputChange {
  /** Value cell on the sheet (`C8`). */
  readonly cell: string;
  /** JSON path (`finance.discountRate`). */
  readonly key: string;
  readonly label: string;
  /** What the sheet holds now. */
  readonly workbook: CellValue;
  /** What the new report would write. */
  readonly plan: CellValue;
}

/** A sheet plan's constant values as a used range from A1 (formula cells give their cached value). */
export function sheetPlanCells(sheet: SheetPlan): SheetCells {
  const grid: CellValue[][] = [];
  for (const b of sheet.blocks) {
    const { row, col } = parseCell(b.topLeft);
    b.cells.forEach((cells, r) =>
      cells.forEach((c, k) => {
        const line = (grid[row + r] ??= []);
        line[col + k] = c.v;
      })
    );
  }
  let width = 1;
  for (let r = 0; r < grid.length; r++) width = Math.max(width, grid[r]?.length ?? 0);
  const values = Array.from({ length: Math.max(1, grid.length) }, (_, r) =>
    Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? null)
  );
  return { address: `A1:${cellAddress(values.length - 1, width - 1)}`, values };
}

const blank = (v: CellValue): boolean => v === null || (typeof v === "string" && v.trim() === "");

/** Whether two cell values stand for the same input (numbers compared as Excel shows them). */
export function sameInput(a: CellValue, b: CellValue): boolean {
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === "number" && typeof b === "number") return numberText(a) === numberText(b);
  if (typeof a === "number" && typeof b === "string") return numberText(a) === b.trim();
  if (typeof a === "string" && typeof b === "number") return a.trim() === numberText(b);
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  return a === b;
}

/** Inputs whose sheet value differs from the plan's; keys only one side has are ignored. */
export function diffInputs(sheet: SheetCells, plan: SheetCells): InputChange[] {
  const current = inputCellsByKey(sheet);
  const next = inputCellsByKey(plan);
  const labels = new Map<string, string>(INPUT_FIELDS.map((f) => [f.path, f.field.label]));
  const changes: InputChange[] = [];
  for (const [key, now] of current) {
    const planned = next.get(key);
    if (planned === undefined || sameInput(now.value, planned.value)) continue;
    changes.push({
      cell: now.cell,
      key,
      label: labels.get(key) ?? key,
      workbook: now.value,
      plan: planned.value,
    });
  }
  return changes;
}

/** A cell value as a user reads it. */
export function displayValue(v: CellValue): string {
  if (v === null) return "(empty)";
  return typeof v === "number" ? numberText(v) : String(v);
}
