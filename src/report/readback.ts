/**
 * The `TCO Inputs` and `TCO Inventory` sheets → a scenario, from plain cells (pure: no Office).
 *
 * The report writes those sheets (`sheets/inputsSheet.ts`, `sheets/inventorySheet.ts`) in the layout of
 * `sheetLayout.ts`; `scenarioFromSheets(inputs, inventory)` reads the scenario back from their used
 * ranges, through `parseScenario`, with every issue's `path` a cell (`TCO Inventory!D9`,
 * `TCO Inputs!C17`) instead of a JSON path.
 *
 * Cell conventions: numbers are Excel doubles, so a decimal input survives the round trip when
 * it has at most 15 significant digits (Excel's own precision); text comes back trimmed;
 * lists are one comma-separated cell; an empty cell means "not given" (the default applies).
 */
import {
  HOST_OPTION_FIELDS,
  INPUT_FIELDS,
  INVENTORY_FIELDS,
  parseScenario,
  type FieldKind,
  type FieldSpec,
  type Issue,
  type ParseResult,
} from "../scenario";
import { cellAddress, columnIndex, parseRange } from "./a1";
import { HOSTS_LAYOUT, INPUTS_LAYOUT, INVENTORY_LAYOUT, SHEETS } from "./sheetLayout";
import type { CellValue } from "./workbookPlan";

// ---------------------------------------------------------------------------------------------
// Messages (the reader's own; the parser's come from src/scenario/messages.ts)

export const READBACK_MESSAGES = {
  unknownKey: (key: string) =>
    `"${key}" in the Key column is not an input this version knows; restore the key or delete the row.`,
  duplicateKey: (key: string, first: string) =>
    `Input "${key}" appears twice (first at ${first}); delete one of the rows.`,
  unknownColumn: (header: string, allowed: readonly string[]) =>
    `Column "${header}" looks like a misspelt inventory field; rename it to one of ${allowed.join(", ")} (other columns are ignored).`,
  duplicateColumn: (header: string) =>
    `Column "${header}" appears twice in the inventory; delete one of them.`,
  missingColumn: (label: string) =>
    `The inventory has no "${label}" column; add it back (it is required).`,
  noInventoryHeader: "The inventory sheet is empty: add the header row and at least one server.",
} as const;

// ---------------------------------------------------------------------------------------------
// Numbers

/** Significant digits of a JS number's shortest decimal text ("0.0012" → 2, "1.5e-7" → 2). */
function significantDigits(text: string): number {
  const mantissa = text.replace(/^-/, "").split(/e/i)[0] as string;
  const digits = mantissa.replace(".", "").replace(/^0+/, "");
  return digits.replace(/0+$/, "").length || 1;
}

/**
 * A cell's number as decimal text without float noise: the shortest text that reads back as
 * the same double (`0.1` → "0.1"), rounded to Excel's 15 significant digits when the double
 * carries more (`0.1 + 0.2` → "0.3", as Excel shows it).
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const shortest = String(value);
  if (significantDigits(shortest) <= 15) return shortest;
  return String(Number(value.toPrecision(15)));
}

// ---------------------------------------------------------------------------------------------
// Shapes shared with the Excel reader

/** A sheet's used range: its address (`'TCO Inputs'!A1:F70` or `A1:F70`) and its values. */
export interface SheetCells {
  readonly address: string;
  readonly values: readonly (readonly CellValue[])[];
}

/** An input row found on the Inputs sheet. */
export interface InputCell {
  /** The value cell, e.g. `C7`. */
  readonly cell: string;
  /** The key cell, e.g. `F7`. */
  readonly keyCell: string;
  readonly value: CellValue;
}

/** Inputs by the key a user may type in column F (any text: unknown keys are reported). */
const INPUT_BY_PATH = new Map<string, (typeof INPUT_FIELDS)[number]>(
  INPUT_FIELDS.map((f) => [f.path, f])
);

/** Top-left cell (0-based) of a used-range address, with or without a sheet prefix. */
function topLeftOf(address: string): { row: number; col: number } {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const r = parseRange(local);
  return { row: r.top, col: r.left };
}

const isBlank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

const textOf = (v: CellValue | undefined): string =>
  v === null || v === undefined ? "" : typeof v === "number" ? numberText(v) : String(v).trim();

/**
 * The Inputs sheet's rows by key: the header row is the one holding "Value" and "Key" (so
 * columns may move); without it, the layout's columns C and F. Rows without a key are skipped.
 */
export function inputCellsByKey(
  cells: SheetCells,
  issues?: Issue[],
  sheet: string = SHEETS.inputs
): Map<string, InputCell> {
  const origin = topLeftOf(cells.address);
  let valueCol = columnIndex(INPUTS_LAYOUT.columns.value);
  let keyCol = columnIndex(INPUTS_LAYOUT.columns.key);
  let firstRow = INPUTS_LAYOUT.firstRow - 1;
  for (let r = 0; r < cells.values.length; r++) {
    const row = cells.values[r] ?? [];
    const v = row.findIndex((c) => textOf(c).toLowerCase() === "value");
    const k = row.findIndex((c) => textOf(c).toLowerCase() === "key");
    if (v >= 0 && k >= 0) {
      valueCol = origin.col + v;
      keyCol = origin.col + k;
      firstRow = origin.row + r + 1;
      break;
    }
  }
  const out = new Map<string, InputCell>();
  for (let r = 0; r < cells.values.length; r++) {
    const sheetRow = origin.row + r;
    if (sheetRow < firstRow) continue;
    const row = cells.values[r] ?? [];
    const key = textOf(row[keyCol - origin.col]);
    if (key === "") continue;
    const keyCell = cellAddress(sheetRow, keyCol);
    const cell = cellAddress(sheetRow, valueCol);
    const first = out.get(key);
    if (first !== undefined) {
      issues?.push({
        path: `${sheet}!${keyCell}`,
        expected: "each input once",
        received: JSON.stringify(key),
        message: READBACK_MESSAGES.duplicateKey(key, `${sheet}!${first.keyCell}`),
      });
      continue;
    }
    out.set(key, { cell, keyCell, value: row[valueCol - origin.col] ?? null });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cells → JSON values

/**
 * An Excel date serial as `YYYY-MM-DD` (1900 date system: serial 1 is 1900-01-01, with Excel's
 * phantom 29 February 1900, so day 0 is 1899-12-30 for every serial after it). A user who types
 * a date into a date input gets a serial back, not the text we wrote.
 */
export function excelSerialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A cell value as the JSON the scenario parser reads, or undefined for "not given". */
export function cellToJson(value: CellValue, kind: FieldKind): unknown {
  if (isBlank(value)) return undefined;
  switch (kind) {
    case "int":
      return typeof value === "string" ? value.trim() : value;
    case "decimal":
    case "money":
    case "ratio":
      return typeof value === "number"
        ? numberText(value)
        : typeof value === "string"
          ? value.trim()
          : value;
    case "string":
    case "enum":
      return typeof value === "number"
        ? numberText(value)
        : typeof value === "string"
          ? value.trim()
          : value;
    case "bool":
      if (typeof value === "string" && /^(true|false)$/i.test(value.trim()))
        return value.trim().toLowerCase() === "true";
      return value;
    case "enumList":
      if (typeof value !== "string") return value;
      return value
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
  }
}

function setDotted(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    cur[part] ??= {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1] as string] = value;
}

/** Levenshtein distance (small strings: headers). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Lower-cased header forms a column may carry: key, label, "label (unit)". */
function headerForms(f: FieldSpec): string[] {
  return [f.key, f.label, inventoryHeader(f)].map((s) =>
    s.toLowerCase().replace(/\s+/g, " ").trim()
  );
}

const INVENTORY_UNIT_SHOWN = new Set(["GHz", "GiB", "W", "U"]);

/**
 * An inventory field's label with its unit where it is GHz/GiB/W/U (`RAM (GiB)`): a header the
 * reader accepts besides the key and the label, and the name its messages give a column.
 */
export function inventoryHeader(f: FieldSpec): string {
  return INVENTORY_UNIT_SHOWN.has(f.unit) ? `${f.label} (${f.unit})` : f.label;
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface SheetNames {
  readonly inputsSheet?: string;
  readonly inventorySheet?: string;
  readonly hostsSheet?: string;
}

/** Candidate hosts read from `TCO Hosts`, and the cell of each (row, key). */
interface HostsRead {
  readonly options: Record<string, unknown>[];
  readonly cellOf: (row: number, key: string | undefined) => string;
}

/**
 * The candidate table of `TCO Hosts` (HOSTS_LAYOUT): one candidate per row from the first row
 * down to the first blank name, each cell as the JSON the parser reads (blank = not given).
 */
function readHosts(cells: SheetCells, sheet: string): HostsRead {
  const origin = topLeftOf(cells.address);
  const options: Record<string, unknown>[] = [];
  const specs = HOST_OPTION_FIELDS;
  const at = (row: number, col: number): CellValue =>
    cells.values[row - origin.row]?.[col - origin.col] ?? null;
  for (let row = HOSTS_LAYOUT.firstRow - 1; ; row++) {
    if (row - origin.row >= cells.values.length || isBlank(at(row, 0))) break;
    const option: Record<string, unknown> = {};
    HOSTS_LAYOUT.columns.forEach((key, col) => {
      const kind = specs.find((f) => f.key === key)?.kind ?? "string";
      const value = cellToJson(at(row, col), kind);
      if (value !== undefined) option[key] = value;
    });
    options.push(option);
  }
  return {
    options,
    cellOf: (i, key) => {
      const col = key === undefined ? 0 : Math.max(0, HOSTS_LAYOUT.columns.indexOf(key as never));
      return `${sheet}!${cellAddress(HOSTS_LAYOUT.firstRow - 1 + i, col)}`;
    },
  };
}

/**
 * The scenario held by the Inputs and Inventory sheets' used ranges: `{ok: true, scenario}` or
 * `{ok: false, issues}` with every issue's `path` a cell of those sheets.
 */
export function scenarioFromSheets(
  inputs: SheetCells,
  inventory: SheetCells,
  names: SheetNames = {},
  hosts?: SheetCells
): ParseResult {
  const inputsSheet = names.inputsSheet ?? SHEETS.inputs;
  const inventorySheet = names.inventorySheet ?? SHEETS.inventory;
  const issues: Issue[] = [];
  const json: Record<string, unknown> = { schemaVersion: 1 };

  // Inputs, by key.
  const rows = inputCellsByKey(inputs, issues, inputsSheet);
  const cellOfPath = new Map<string, string>();
  for (const [key, row] of rows) {
    const spec = INPUT_BY_PATH.get(key);
    if (!spec) {
      issues.push({
        path: `${inputsSheet}!${row.keyCell}`,
        expected: "a known input key",
        received: JSON.stringify(key),
        message: READBACK_MESSAGES.unknownKey(key),
      });
      continue;
    }
    cellOfPath.set(key, `${inputsSheet}!${row.cell}`);
    const value =
      spec.field.format === "date" && typeof row.value === "number"
        ? excelSerialToIso(row.value)
        : cellToJson(row.value, spec.field.kind);
    if (value !== undefined) setDotted(json, key, value);
  }

  // Inventory, by header.
  const inv = readInventory(inventory, inventorySheet, issues);
  json["inventory"] = inv.rows;

  // Candidate hosts, when the workbook has a TCO Hosts sheet with any.
  const hostRead = hosts ? readHosts(hosts, names.hostsSheet ?? SHEETS.hosts) : undefined;
  if (hostRead && hostRead.options.length > 0) json["hostOptions"] = hostRead.options;

  const parsed = parseScenario(json);
  if (parsed.ok && issues.length === 0) return parsed;
  const placed = parsed.ok
    ? []
    : parsed.issues.map((i) =>
        placeIssue(i, cellOfPath, inv, inputsSheet, inventorySheet, hostRead)
      );
  return { ok: false, issues: [...issues, ...placed] };
}

interface InventoryRead {
  readonly rows: Record<string, unknown>[];
  /** Sheet row (0-based) of each JSON row. */
  readonly sheetRows: number[];
  /** Sheet column (0-based) of each field key. */
  readonly columns: Map<string, number>;
  readonly headerRow: number;
  readonly left: number;
}

function readInventory(cells: SheetCells, sheet: string, issues: Issue[]): InventoryRead {
  const origin = topLeftOf(cells.address);
  const headerIndex = cells.values.findIndex((row) => row.some((c) => !isBlank(c)));
  const columns = new Map<string, number>();
  const rows: Record<string, unknown>[] = [];
  const sheetRows: number[] = [];
  if (headerIndex < 0) {
    const cell = `${sheet}!${cellAddress(INVENTORY_LAYOUT.headerRow - 1, 0)}`;
    issues.push({
      path: cell,
      expected: "a header row and servers",
      received: "an empty sheet",
      message: READBACK_MESSAGES.noInventoryHeader,
    });
    return { rows, sheetRows, columns, headerRow: INVENTORY_LAYOUT.headerRow - 1, left: 0 };
  }
  const headerRow = origin.row + headerIndex;
  const header = cells.values[headerIndex] ?? [];
  const allowed = INVENTORY_FIELDS.map(inventoryHeader);
  header.forEach((h, c) => {
    if (isBlank(h)) return;
    const text = textOf(h).toLowerCase().replace(/\s+/g, " ");
    const field = INVENTORY_FIELDS.find((f) => headerForms(f).includes(text));
    const at = `${sheet}!${cellAddress(headerRow, origin.col + c)}`;
    if (!field) {
      // Other columns (the report's computed ones, a user's notes) are not read; a header a
      // letter or two away from a field's (one for short names) is a typo and is reported.
      const nearMiss = INVENTORY_FIELDS.some((f) =>
        headerForms(f).some((form) => editDistance(form, text) <= (form.length <= 5 ? 1 : 2))
      );
      if (nearMiss) {
        issues.push({
          path: at,
          expected: "an inventory field",
          received: JSON.stringify(textOf(h)),
          message: READBACK_MESSAGES.unknownColumn(textOf(h), allowed),
        });
      }
    } else if (columns.has(field.key)) {
      issues.push({
        path: at,
        expected: "each column once",
        received: JSON.stringify(textOf(h)),
        message: READBACK_MESSAGES.duplicateColumn(textOf(h)),
      });
    } else {
      columns.set(field.key, origin.col + c);
    }
  });
  for (const f of INVENTORY_FIELDS) {
    if (f.required && !columns.has(f.key)) {
      issues.push({
        path: `${sheet}!${cellAddress(headerRow, origin.col)}`,
        expected: `a "${inventoryHeader(f)}" column`,
        received: "no such column",
        message: READBACK_MESSAGES.missingColumn(inventoryHeader(f)),
      });
    }
  }
  for (let r = headerIndex + 1; r < cells.values.length; r++) {
    const row = cells.values[r] ?? [];
    const obj: Record<string, unknown> = {};
    for (const f of INVENTORY_FIELDS) {
      const c = columns.get(f.key);
      if (c === undefined) continue;
      const value = cellToJson(row[c - origin.col] ?? null, f.kind);
      if (value !== undefined) obj[f.key] = value;
    }
    if (Object.keys(obj).length === 0) continue;
    rows.push(obj);
    sheetRows.push(origin.row + r);
  }
  return { rows, sheetRows, columns, headerRow, left: origin.col };
}

/** An issue from the parser, its JSON path (and any path in its message) turned into a cell. */
function placeIssue(
  issue: Issue,
  cellOfPath: ReadonlyMap<string, string>,
  inv: InventoryRead,
  inputsSheet: string,
  inventorySheet: string,
  hosts?: HostsRead
): Issue {
  const cellOf = (path: string): string => {
    const host = /^hostOptions\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (host && hosts) return hosts.cellOf(Number(host[1]), host[2]);
    const row = /^inventory\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (row) {
      const sheetRow = inv.sheetRows[Number(row[1])] ?? inv.headerRow + 1;
      const col = (row[2] !== undefined ? inv.columns.get(row[2]) : undefined) ?? inv.left;
      return `${inventorySheet}!${cellAddress(sheetRow, col)}`;
    }
    if (path === "inventory")
      return `${inventorySheet}!${cellAddress(inv.headerRow + 1, inv.left)}`;
    const key = path.replace(/\[\d+\]$/, "");
    return cellOfPath.get(key) ?? inputsSheet;
  };
  return {
    ...issue,
    path: cellOf(issue.path),
    message: issue.message.replace(/(inventory|hostOptions)\[\d+\](?:\.\w+)?/g, (p) => cellOf(p)),
  };
}
