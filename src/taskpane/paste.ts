/**
 * Text copied from Excel: tab-separated cells, one row per line, cells holding tabs, line
 * breaks or quotes wrapped in double quotes (`""` inside for a quote). Pure.
 */
import type { SheetData, WorkbookData } from "../inventory/types";

/** Rows and cells of tab-separated text; trailing empty lines are dropped. */
export function parseTabSeparated(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let atCellStart = true;
  const src = text.replace(/\r\n?/g, "\n");
  while (i < src.length) {
    const ch = src[i] as string;
    if (atCellStart && ch === '"') {
      // A quoted cell: up to the closing quote not followed by another quote.
      let j = i + 1;
      let value = "";
      let closed = false;
      while (j < src.length) {
        const c = src[j] as string;
        if (c === '"') {
          if (src[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += c;
        j++;
      }
      const next = src[j];
      if (closed && (next === undefined || next === "\t" || next === "\n")) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell: read the quote literally.
    }
    atCellStart = false;
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).every((c) => c.trim() === ""))
    rows.pop();
  return rows;
}

/** Pasted text as a one-sheet workbook for the inventory importer; null without a header and a data row. */
export function pastedWorkbook(text: string): WorkbookData | null {
  const rows = parseTabSeparated(text);
  if (rows.length < 2) return null;
  const sheet: SheetData = {
    name: "Pasted",
    rows: rows.map((r) => r.map((c) => (c.trim() === "" ? null : c.trim()))),
  };
  return { fileName: "Pasted rows", sheets: [sheet] };
}
