/**
 * An Excel range as inventory rows for the capacity engine, remembering where each value
 * came from so every problem the scenario parser finds is reported at its cell.
 *
 * Two layouts:
 * - **With a header row** (recognised when the first row holds text only: a server row
 *   always has numbers, since cores, clock and RAM are required): each header is a field's
 *   key or label in any case (`memoryGiB`, `RAM`), or the label with its unit
 *   (`Core clock (GHz)`); columns in any order, unneeded ones left out. The computed columns
 *   of the `TCO Inventory` table (`CPU demand at peak (GHz)` or `… as sized`, `Sized on`,
 *   `Idle`, `Placement (recommended option)`) are skipped, so the whole table
 *   `hvInventory[#All]` works.
 * - **Without a header**: the columns in INVENTORY_FIELDS order (name, count, os, cores,
 *   cpuGhz, peakCpuUtilization, averageCpuUtilization, memoryGiB, storageGiB, powerWatts,
 *   rackUnits, stayPhysical, then the measured ones: storageInUseGiB, measuredPercentile,
 *   measuredCpuUtilization, measuredMemoryGiB, averageDiskMBps, averageNetworkMBps);
 *   trailing columns may be left out.
 *
 * Blank cells take the field's default, blank rows are skipped (both as
 * `inventoryRowsFromRange` does: each row goes through it).
 */
import { inventoryRowsFromRange } from "../capacity/sizing";
import { INVENTORY_FIELDS, type FieldSpec } from "../scenario/fields";
import { closestMatch } from "../scenario/parse";
import type { Issue } from "../scenario/types";
import { invalidValue } from "./errors";
import { FUNCTION_MESSAGES as M } from "./messages";

/** Headers of the `TCO Inventory` table's computed columns (report/sheets/inventorySheet.ts), skipped. */
export const COMPUTED_INVENTORY_HEADERS: readonly string[] = [
  "CPU demand at peak (GHz)",
  "CPU demand as sized (GHz)",
  "Sized on",
  "Idle",
  "Placement (recommended option)",
];

const FIELD_KEYS = INVENTORY_FIELDS.map((f) => f.key);

const normal = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, " ");

/** Lower-cased header forms naming a field: key, label, and "label (unit)". */
function headerForms(f: FieldSpec): string[] {
  const forms = [f.key, f.label];
  if (f.unit !== "") forms.push(`${f.label} (${f.unit})`);
  return forms.map(normal);
}

const FIELD_BY_HEADER = new Map<string, string>();
for (const f of INVENTORY_FIELDS)
  for (const form of headerForms(f)) FIELD_BY_HEADER.set(form, f.key);
const SKIPPED_HEADERS = new Set(COMPUTED_INVENTORY_HEADERS.map(normal));

const isBlank = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The field key a header cell names, or undefined. */
export function fieldOfHeader(cell: unknown): string | undefined {
  return typeof cell === "string" ? FIELD_BY_HEADER.get(normal(cell)) : undefined;
}

/**
 * Whether the first row of a range is a header: it holds text and nothing else (no number,
 * no TRUE/FALSE). A server row always has numbers (cores, clock and RAM are required).
 */
export function hasHeaderRow(first: readonly unknown[]): boolean {
  if (first.some((c) => !isBlank(c) && typeof c !== "string")) return false;
  return first.some((c) => !isBlank(c));
}

/** Inventory rows, with the range position of each row and field for error messages. */
export interface RangeInventory {
  readonly rows: Record<string, unknown>[];
  /** 1-based range row of each inventory row. */
  readonly rangeRows: readonly number[];
  /** 1-based range column of each field key present. */
  readonly columns: ReadonlyMap<string, number>;
  /** The header text of each column (its field key when headerless). */
  readonly headerOf: ReadonlyMap<number, string>;
  readonly hasHeader: boolean;
}

/** A range argument as rows: Excel passes a 2-D array; a lone value or a flat list is one row. */
function asMatrix(values: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(values)) return [[values]];
  if (!values.some((row: unknown) => Array.isArray(row))) return [values as unknown[]];
  return values.map((row: unknown) => (Array.isArray(row) ? (row as unknown[]) : [row]));
}

/**
 * Reads an inventory range (see the file comment for the two layouts). Throws `#VALUE!` for a
 * header problem (unknown, repeated or missing header) and for extra columns without a header.
 */
export function readInventoryRange(values: unknown): RangeInventory {
  const matrix = asMatrix(values);
  const first = matrix[0] ?? [];
  const hasHeader = hasHeaderRow(first);
  const columns = new Map<string, number>();
  const headerOf = new Map<number, string>();
  let keys: string[];
  let body: readonly (readonly unknown[])[];
  let firstBodyRow: number;
  if (hasHeader) {
    keys = first.map((cell, c) => {
      const column = c + 1;
      if (isBlank(cell)) return "";
      const header = String(cell).trim();
      headerOf.set(column, header);
      if (SKIPPED_HEADERS.has(normal(header))) return "";
      const key = fieldOfHeader(cell);
      if (key === undefined) {
        const suggestion =
          closestMatch(header, FIELD_KEYS) ??
          closestMatch(
            header,
            INVENTORY_FIELDS.map((f) => f.label)
          );
        throw invalidValue(M.unknownHeader(column, header, FIELD_KEYS, suggestion));
      }
      const earlier = columns.get(key);
      if (earlier !== undefined) throw invalidValue(M.duplicateHeader(column, header, earlier));
      columns.set(key, column);
      return key;
    });
    body = matrix.slice(1);
    firstBodyRow = 2;
    // A column with values but no header would be dropped silently: say so instead.
    body.forEach((line) =>
      line.forEach((cell, c) => {
        if (!isBlank(cell) && isBlank(first[c])) throw invalidValue(M.unlabelledColumn(c + 1));
      })
    );
  } else {
    keys = [...FIELD_KEYS];
    keys.forEach((key, c) => {
      columns.set(key, c + 1);
      headerOf.set(c + 1, key);
    });
    body = matrix;
    firstBodyRow = 1;
    body.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (c >= keys.length && !isBlank(cell))
          throw invalidValue(M.tooManyColumns(r + 1, c + 1, keys.length, FIELD_KEYS));
      })
    );
  }
  const rows: Record<string, unknown>[] = [];
  const rangeRows: number[] = [];
  body.forEach((line, r) => {
    if (line.every(isBlank)) return; // whole-column references pass many blank rows
    // The engine's own conversion, one row at a time so each row keeps its place.
    const [row] = inventoryRowsFromRange([keys, line.slice(0, keys.length)]);
    if (row === undefined) return;
    rows.push(row);
    rangeRows.push(firstBodyRow + r);
  });
  return { rows, rangeRows, columns, headerOf, hasHeader };
}

/** `inventory[3].cores` (or `inventory[3]`, `inventory[3]["odd key"]`) → row index and field. */
const INVENTORY_PATH = /inventory\[(\d+)\](?:\.(\w+)|\["([^"]*)"\])?/;
const INVENTORY_PATHS = new RegExp(INVENTORY_PATH.source, "g");

/** "inventoryRange row 4, column 3 (Cores)" for a parser path, or null when the path is not an inventory row. */
export function placeOf(path: string, inv: RangeInventory): string | null {
  const m = INVENTORY_PATH.exec(path);
  if (m === null) return null;
  const row = inv.rangeRows[Number(m[1])];
  if (row === undefined) return null;
  const key = m[2] ?? m[3];
  const column = key === undefined ? undefined : inv.columns.get(key);
  if (column === undefined) return M.inventoryCell(row, null, key ?? null);
  return M.inventoryCell(row, column, inv.headerOf.get(column) ?? key ?? null);
}

/** A parser issue about the inventory as the sentence the user sees, its paths turned into range positions. */
export function inventoryIssueText(issue: Issue, inv: RangeInventory): string {
  if (issue.path === "inventory") return M.inventoryEmpty;
  const where = placeOf(issue.path, inv);
  // Paths inside the message ("first at inventory[0].name") become positions too.
  const message = issue.message.replace(INVENTORY_PATHS, (p) => placeOf(p, inv) ?? p);
  return where === null ? message : `${where}: ${message}`;
}
