/** Finding a format's sheet and header row, and walking its data rows. */
import { findHeaderRow, isBlankRow, type ColumnRef, type HeaderIndex } from "./cells";
import type { ColumnUse, WorkbookData } from "./types";

/** Header aliases of one logical column, compared compacted (see `compactHeader`). */
export type Aliases = readonly string[];

/**
 * The header row of the first sheet that passes `test`: sheets named one of `names`
 * (case-insensitive; `RVTools_tabvInfo` counts as `vInfo`) first, then any sheet.
 */
export function locateSheet(
  wb: WorkbookData,
  names: readonly string[],
  test: (index: HeaderIndex) => boolean
): HeaderIndex | null {
  const wanted = names.map((n) => n.toLowerCase());
  const named = wb.sheets.filter((s) =>
    wanted.some(
      (w) => s.name.trim().toLowerCase() === w || s.name.trim().toLowerCase().endsWith(`_tab${w}`)
    )
  );
  for (const sheet of [...named, ...wb.sheets.filter((s) => !named.includes(s))]) {
    const hit = findHeaderRow(sheet, test);
    if (hit) return hit;
  }
  return null;
}

/** True when the header row has every alias group. */
export function hasAll(index: HeaderIndex, ...groups: readonly Aliases[]): boolean {
  return groups.every((g) => index.get(g) !== undefined);
}

/** 0-based indexes of the non-blank rows below the header row. */
export function dataRows(index: HeaderIndex): number[] {
  const out: number[] = [];
  for (let r = index.row + 1; r < index.sheet.rows.length; r++)
    if (!isBlankRow(index.sheet.rows[r])) out.push(r);
  return out;
}

/** A log entry: which column fed a field. */
export function used(field: string, index: HeaderIndex, col: ColumnRef | undefined): ColumnUse[] {
  return col === undefined
    ? []
    : [{ field, sheet: index.sheet.name, letter: col.letter, header: col.header }];
}

/** Index the data rows of a side sheet by a key; `unique` keeps only keys that occur once. */
export function indexRows(
  index: HeaderIndex,
  keyOf: (row0: number) => string,
  unique = false
): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const r of dataRows(index)) {
    const k = keyOf(r);
    if (k === "") continue;
    const list = map.get(k) ?? [];
    list.push(r);
    map.set(k, list);
  }
  if (unique) for (const [k, list] of map) if (list.length > 1) map.delete(k);
  return map;
}
