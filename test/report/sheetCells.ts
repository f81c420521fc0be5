/**
 * The report's own `TCO Inputs` and `TCO Inventory` sheets for a scenario (the builders of
 * src/report/sheets), and their cells as the reader takes them: the used range as a top-left
 * address and a 2-D array of values. Cells are found through the layout of src/report/sheetLayout.ts:
 * an input by its key (column F), an inventory value by its field's column and its server's row.
 */
import {
  cellAddress,
  columnIndex,
  parseCell,
  parseRange,
  quoteSheet,
  rangeAddress,
} from "../../src/report/a1";
import { formatsFor } from "../../src/report/formats";
import { INPUTS_LAYOUT, INVENTORY_LAYOUT } from "../../src/report/sheetLayout";
import type { CellValue, PlanCell, SheetPlan } from "../../src/report/workbookPlan";
import type { SheetCells } from "../../src/report/readback";
import { buildInputsSheet, type InputsSheet } from "../../src/report/sheets/inputsSheet";
import { buildInventorySheet } from "../../src/report/sheets/inventorySheet";
import { INVENTORY_FIELDS, type Scenario } from "../../src/scenario";
import { analyze } from "../../src/tco";

/** The `TCO Inputs` sheet the report writes for `scenario`, with its defined names. */
export function inputsSheetOf(scenario: Scenario): InputsSheet {
  return buildInputsSheet(scenario, formatsFor(scenario.currency));
}

/** The `TCO Inventory` sheet the report writes for `scenario` (placements from its analysis). */
export function inventorySheetOf(scenario: Scenario): SheetPlan {
  return buildInventorySheet(
    scenario,
    analyze(scenario, { sensitivity: false }),
    formatsFor(scenario.currency)
  );
}

/** A used range whose values may be replaced (what the tests edit). */
export interface UsedRange extends SheetCells {
  readonly values: CellValue[][];
}

/**
 * The used range Excel returns for a sheet written from its plan: the bounding box of its
 * blocks, as values (a formula's cached result), blank cells as "".
 */
export function usedRange(sheet: Pick<SheetPlan, "name" | "blocks">): UsedRange {
  const placed = sheet.blocks.map((b) => ({ at: parseCell(b.topLeft), cells: b.cells }));
  const top = Math.min(...placed.map((b) => b.at.row));
  const left = Math.min(...placed.map((b) => b.at.col));
  const bottom = Math.max(...placed.map((b) => b.at.row + b.cells.length - 1));
  const right = Math.max(...placed.map((b) => b.at.col + (b.cells[0]?.length ?? 0) - 1));
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () =>
    Array.from({ length: right - left + 1 }, (): CellValue => "")
  );
  for (const b of placed) {
    b.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        (values[b.at.row - top + r] as CellValue[])[b.at.col - left + k] = c.v ?? "";
      })
    );
  }
  return {
    address: `${quoteSheet(sheet.name)}!${rangeAddress({ top, left, bottom, right })}`,
    values,
  };
}

/** The planned cell at `address` of a sheet, or undefined where no block covers it. */
export function planCellAt(
  sheet: Pick<SheetPlan, "blocks">,
  address: string
): PlanCell | undefined {
  const at = parseCell(address);
  for (const b of sheet.blocks) {
    const origin = parseCell(b.topLeft);
    const cell = b.cells[at.row - origin.row]?.[at.col - origin.col];
    if (cell !== undefined) return cell;
  }
  return undefined;
}

/** A copy of a used range with the cell at `address` (a sheet address) set to `value`. */
export function withCell(cells: UsedRange, address: string, value: CellValue): UsedRange {
  const local = cells.address.slice(cells.address.lastIndexOf("!") + 1);
  const origin = parseRange(local);
  const at = parseCell(address);
  const row = at.row - origin.top;
  const col = at.col - origin.left;
  return {
    address: cells.address,
    values: cells.values.map((line, r) => line.map((v, c) => (r === row && c === col ? value : v))),
  };
}

/** 0-based sheet row of input `path` on an Inputs sheet: the row whose key column holds it. */
export function inputRow(sheet: Pick<SheetPlan, "blocks">, path: string): number {
  const keyCol = columnIndex(INPUTS_LAYOUT.columns.key);
  for (const b of sheet.blocks) {
    const at = parseCell(b.topLeft);
    const r = b.cells.findIndex((row) => row[keyCol - at.col]?.v === path);
    if (r >= 0) return at.row + r;
  }
  throw new Error(`no input "${path}" in column ${INPUTS_LAYOUT.columns.key}`);
}

/** The value cell of input `path` (`finance.discountRate` → `C9`). */
export function inputValueCell(sheet: Pick<SheetPlan, "blocks">, path: string): string {
  return cellAddress(inputRow(sheet, path), columnIndex(INPUTS_LAYOUT.columns.value));
}

/** The key cell of input `path` (`finance.discountRate` → `F9`). */
export function inputKeyCell(sheet: Pick<SheetPlan, "blocks">, path: string): string {
  return cellAddress(inputRow(sheet, path), columnIndex(INPUTS_LAYOUT.columns.key));
}

function inventoryColumn(key: string): number {
  const col = INVENTORY_FIELDS.findIndex((f) => f.key === key);
  if (col < 0) throw new Error(`no inventory field "${key}"`);
  return col;
}

/** The Inventory cell of field `key` for the server at 0-based `index` (the 8th's cores → `D9`). */
export function inventoryCell(index: number, key: string): string {
  return cellAddress(INVENTORY_LAYOUT.firstRow - 1 + index, inventoryColumn(key));
}

/** The Inventory header cell of field `key` (`count` → `B1`). */
export function inventoryHeaderCell(key: string): string {
  return cellAddress(INVENTORY_LAYOUT.headerRow - 1, inventoryColumn(key));
}
