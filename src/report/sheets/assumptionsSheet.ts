/**
 * `TCO Assumptions`: the assumptions register (`../assumptions.ts`) as a sheet — what a
 * reviewer checks before signing: inputs changed from their defaults, values the importer
 * assumed, default prices without a firm source.
 */
import { ASSUMPTION_KINDS, type AssumptionRow } from "../assumptions";
import { COLORS } from "../formats";
import {
  headerRow,
  newGrid,
  put,
  putRow,
  sheetTitle,
  style,
  stylesOf,
  text,
  toBlocks,
} from "../grid";
import { SHEETS } from "../sheetLayout";
import type { SheetPlan } from "../workbookPlan";

const HEADER_ROW = 3; // 0-based: title, note, blank, header

export function buildAssumptionsSheet(rows: readonly AssumptionRow[]): SheetPlan {
  const g = newGrid();
  sheetTitle(
    g,
    "Assumptions register",
    "Check these before relying on the figures: inputs changed from their defaults, values the import assumed, and default prices without a firm source. Change any of them in TCO Inputs."
  );
  headerRow(g, HEADER_ROW, 0, ["Kind", "Input", "Value", "Default", "Source or note", "Key"]);
  let row = HEADER_ROW + 1;
  if (rows.length === 0) {
    put(g, row, 0, text("Nothing to check: every input is at its default and none is uncertain."));
    style(g, row, 0, row, 0, { italic: true, fontColor: COLORS.muted });
    row++;
  }
  for (const r of rows) {
    putRow(g, row, 0, [
      text(ASSUMPTION_KINDS[r.kind]),
      text(r.label),
      text(r.value),
      text(r.defaultValue ?? ""),
      text(r.source),
      text(r.path),
    ]);
    row++;
  }
  const last = row - 1;
  if (rows.length > 0) {
    style(g, HEADER_ROW + 1, 4, last, 4, { wrapText: true });
    style(g, HEADER_ROW + 1, 5, last, 5, { fontColor: COLORS.muted });
  }
  return {
    name: SHEETS.assumptions,
    purpose: "What to check before signing",
    tabColor: "#CA5010",
    columnWidths: [24, 34, 16, 16, 80, 30],
    blocks: toBlocks(g),
    styles: stylesOf(g),
    tables: [],
    charts: [],
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
  };
}
