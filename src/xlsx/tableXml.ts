/** Table parts (`xl/tables/tableN.xml`): the Excel table over cells the sheet already holds. */
import { parseRange, rangeAddress } from "../report/a1";
import type { TablePlan } from "../report/workbookPlan";
import type { SheetCells } from "../report/planCells";
import { NS, XML_DECLARATION, el } from "./xml";

/**
 * The table part for `table`, with column names taken from its header cells (Excel repairs a
 * table whose column names differ from its header cells). `id` must be unique in the workbook.
 * The body cells, formulas included, stay ordinary sheet cells: a table part only describes
 * the range, so nothing the writer put there is rewritten.
 */
export function tableXml(table: TablePlan, id: number, cells: SheetCells): string {
  const r = parseRange(table.range);
  if (r.bottom <= r.top) {
    throw new RangeError(
      `Table ${table.name}: range ${table.range} needs a header row and at least one data row`
    );
  }
  const names = tableColumnNames(table, cells);
  const ref = rangeAddress(r);
  return (
    XML_DECLARATION +
    el(
      "table",
      { xmlns: NS.main, id, name: table.name, displayName: table.name, ref, totalsRowShown: 0 },
      el("autoFilter", { ref }) +
        el(
          "tableColumns",
          { count: names.length },
          names.map((name, i) => el("tableColumn", { id: i + 1, name })).join("")
        ) +
        el("tableStyleInfo", {
          name: table.style,
          showFirstColumn: 0,
          showLastColumn: 0,
          showRowStripes: 1,
          showColumnStripes: 0,
        })
    )
  );
}

/** Header texts of a table, checked the way Excel requires: non-empty text, unique ignoring case. */
export function tableColumnNames(table: TablePlan, cells: SheetCells): string[] {
  if (
    !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(table.name) ||
    /^[A-Za-z]{1,3}[0-9]+$/.test(table.name)
  ) {
    throw new RangeError(`Table name ${table.name} is not a valid Excel name`);
  }
  const r = parseRange(table.range);
  const seen = new Set<string>();
  const names: string[] = [];
  for (let col = r.left; col <= r.right; col++) {
    const v = cells.at(r.top, col)?.v;
    if (typeof v !== "string" || v.trim() === "") {
      throw new RangeError(
        `Table ${table.name}: header cell in column ${col + 1} must be non-empty text`
      );
    }
    const key = v.toLowerCase();
    if (seen.has(key)) throw new RangeError(`Table ${table.name}: duplicate column name "${v}"`);
    seen.add(key);
    // Excel stores line breaks in column names as _x000a_.
    names.push(v.replace(/\r?\n/g, "_x000a_"));
  }
  return names;
}
