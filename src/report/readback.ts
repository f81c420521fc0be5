/**
 * Scenario ↔ the `TCO Inputs` and `TCO Inventory` sheets, as plain cells (pure: no Office).
 *
 * - `inputsSheetCells(scenario)` / `inventorySheetCells(scenario)`: the cells the report writes
 *   for a scenario, in the layout of `layout.ts` (the report builder uses these, so writing and
 *   reading agree by construction).
 * - `scenarioFromSheets(inputs, inventory)`: the scenario read back from those sheets' used
 *   ranges, through `parseScenario`, with every issue's `path` a cell (`TCO Inventory!D9`,
 *   `TCO Inputs!C17`) instead of a JSON path.
 *
 * Cell conventions: numbers are Excel doubles, so a decimal input survives the round trip when
 * it has at most 15 significant digits (Excel's own precision); text comes back trimmed;
 * lists are one comma-separated cell; an empty cell means "not given" (the default applies).
 */
import { Dec } from "../money";
import {
  DEFAULT_CURRENCY,
  DEFAULT_NAME,
  DEFAULT_PLATFORM,
  DEFAULT_SOURCES,
  INVENTORY_FIELDS,
  LICENCE_PRICES,
  SECTIONS,
  TOP_FIELDS,
  defaultSections,
  definedNameOf,
  parseScenario,
  type FieldKind,
  type FieldSpec,
  type Issue,
  type ParseResult,
  type Scenario,
} from "../scenario";
import { cellAddress, columnIndex, columnLetters, parseCell, parseRange, quoteSheet } from "./a1";
import { INPUTS_LAYOUT, INVENTORY_LAYOUT, LIST_SEPARATOR, SHEETS } from "./layout";
import type { CellBlock, CellValue, DefinedNamePlan, PlanCell, TablePlan } from "./plan";

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

/** The known inputs of the Inputs sheet, by JSON path (`finance.discountRate`). */
export interface InputField {
  readonly path: string;
  readonly section: string | null;
  readonly field: FieldSpec;
}

/** Every input the `TCO Inputs` sheet holds, in sheet order: top fields, then each section. */
export const INPUT_FIELDS: readonly InputField[] = [
  ...TOP_FIELDS.map((field) => ({ path: field.key, section: null, field })),
  ...SECTIONS.flatMap((s) =>
    s.fields.map((field) => ({ path: `${s.key}.${field.key}`, section: s.key, field }))
  ),
];

const INPUT_BY_PATH = new Map(INPUT_FIELDS.map((f) => [f.path, f]));

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

/** The header the report writes for an inventory field: the label, with GHz/GiB/W/U units. */
export function inventoryHeader(f: FieldSpec): string {
  return INVENTORY_UNIT_SHOWN.has(f.unit) ? `${f.label} (${f.unit})` : f.label;
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface SheetNames {
  readonly inputsSheet?: string;
  readonly inventorySheet?: string;
}

/**
 * The scenario held by the Inputs and Inventory sheets' used ranges: `{ok: true, scenario}` or
 * `{ok: false, issues}` with every issue's `path` a cell of those sheets.
 */
export function scenarioFromSheets(
  inputs: SheetCells,
  inventory: SheetCells,
  names: SheetNames = {}
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
    const value = cellToJson(row.value, spec.field.kind);
    if (value !== undefined) setDotted(json, key, value);
  }

  // Inventory, by header.
  const inv = readInventory(inventory, inventorySheet, issues);
  json["inventory"] = inv.rows;

  const parsed = parseScenario(json);
  if (parsed.ok && issues.length === 0) return parsed;
  const placed = parsed.ok
    ? []
    : parsed.issues.map((i) => placeIssue(i, cellOfPath, inv, inputsSheet, inventorySheet));
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
  inventorySheet: string
): Issue {
  const cellOf = (path: string): string => {
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
    message: issue.message.replace(/inventory\[\d+\](?:\.\w+)?/g, (p) => cellOf(p)),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing: the cells of the Inputs and Inventory sheets for a scenario

const VALUE_FORMAT: Readonly<Record<FieldKind, string | undefined>> = {
  int: "0",
  decimal: undefined,
  money: "#,##0.00##",
  ratio: "0.0##%",
  string: undefined,
  enum: undefined,
  bool: undefined,
  enumList: undefined,
};

/** Value at a dotted path of a plain object (`licensing.prices.standard`). */
function valueAt(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const part of path.split(".")) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A scenario value as a cell value: decimals become numbers, lists one comma-separated text. */
export function toCellValue(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Dec) return value.toNumber();
  if (Array.isArray(value)) return value.map(String).join(LIST_SEPARATOR);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

function sameAsDefault(value: unknown, fallback: unknown): boolean {
  if (fallback === undefined) return false;
  if (value instanceof Dec) {
    try {
      return value.eq(new Dec(String(fallback)));
    } catch {
      return false;
    }
  }
  if (Array.isArray(value))
    return Array.isArray(fallback) && value.join(",") === fallback.join(",");
  return value === fallback;
}

/** Where an input's value comes from: its documented default source, or the scenario itself. */
function sourceOf(scenario: Scenario, input: InputField): string {
  const value = valueAt(scenario, input.path);
  const defaults: Record<string, unknown> = {
    name: DEFAULT_NAME,
    currency: DEFAULT_CURRENCY,
    platform: DEFAULT_PLATFORM,
    ...defaultSections(scenario.platform),
  };
  if (!sameAsDefault(value, valueAt(defaults, input.path))) return "Entered for this scenario";
  const direct = DEFAULT_SOURCES[input.path];
  if (direct !== undefined) return direct;
  if (input.path.startsWith("licensing.prices.") || input.path.startsWith("licensing.vsphere")) {
    return LICENCE_PRICES[scenario.platform].source;
  }
  return "Default (assumption)";
}

/** A unit for display: "currency" becomes the scenario's currency code. */
function unitText(unit: string, currency: string): string {
  return unit.replace(/\bcurrency\b/, currency);
}

export interface InputsSheetCells {
  /** Header row (`INPUTS_LAYOUT.headerRow`) and one row per input: Section, Input, Value, Unit, Source, Key. */
  readonly block: CellBlock;
  /** One defined name per input, e.g. `hv_DiscountRate` → `'TCO Inputs'!$C$8`. */
  readonly definedNames: readonly DefinedNamePlan[];
  /** JSON path → value cell (`finance.discountRate` → `C8`). */
  readonly valueCells: Readonly<Record<string, string>>;
}

/**
 * The `TCO Inputs` cells for a scenario, from `A{headerRow}` in the layout of `INPUTS_LAYOUT`
 * (columns A–F: section, label, value, unit, source, key), with one defined name per input.
 * Titles above the header and styling are the report builder's.
 */
export function inputsSheetCells(
  scenario: Scenario,
  sheetName: string = SHEETS.inputs
): InputsSheetCells {
  const header: PlanCell[] = ["Section", "Input", "Value", "Unit", "Source", "Key"].map((v) => ({
    v,
  }));
  const rows: PlanCell[][] = [header];
  const definedNames: DefinedNamePlan[] = [];
  const valueCells: Record<string, string> = {};
  const valueCol = columnIndex(INPUTS_LAYOUT.columns.value);
  let lastSection: string | null | undefined;
  for (const input of INPUT_FIELDS) {
    const sheetRow = INPUTS_LAYOUT.firstRow - 1 + rows.length - 1;
    const title =
      input.section === null
        ? "Scenario"
        : (SECTIONS.find((s) => s.key === input.section)?.title ?? "");
    const fmt = VALUE_FORMAT[input.field.kind];
    const value: PlanCell =
      fmt === undefined
        ? { v: toCellValue(valueAt(scenario, input.path)) }
        : { v: toCellValue(valueAt(scenario, input.path)), fmt };
    rows.push([
      { v: input.section === lastSection ? null : title },
      { v: input.field.label },
      value,
      { v: unitText(input.field.unit, scenario.currency) || null },
      { v: sourceOf(scenario, input) },
      { v: input.path },
    ]);
    lastSection = input.section;
    const cell = cellAddress(sheetRow, valueCol);
    valueCells[input.path] = cell;
    definedNames.push({
      name: definedNameOf(input.section, input.field.key),
      ref: `${quoteSheet(sheetName)}!${cellAddress(sheetRow, valueCol, true)}`,
      comment: input.field.help,
    });
  }
  return {
    block: { topLeft: `${INPUTS_LAYOUT.columns.section}${INPUTS_LAYOUT.headerRow}`, cells: rows },
    definedNames,
    valueCells,
  };
}

const INVENTORY_FORMAT: Readonly<Record<string, string>> = {
  count: "0",
  cores: "0",
  rackUnits: "0",
  peakCpuUtilization: "0.0%",
  averageCpuUtilization: "0.0%",
};

export interface InventorySheetCells {
  /** Header row and one row per inventory row, from `A{headerRow}`, columns in INVENTORY_FIELDS order. */
  readonly block: CellBlock;
  /** The `hvInventory` table over the block. */
  readonly table: TablePlan;
  /** Field key → column letters (`memoryGiB` → `H`). */
  readonly columns: Readonly<Record<string, string>>;
}

/** The `TCO Inventory` cells for a scenario: one server (or group) per row, every field given. */
export function inventorySheetCells(scenario: Scenario): InventorySheetCells {
  const header: PlanCell[] = INVENTORY_FIELDS.map((f) => ({ v: inventoryHeader(f) }));
  const rows: PlanCell[][] = [header];
  for (const server of scenario.inventory) {
    rows.push(
      INVENTORY_FIELDS.map((f) => {
        const v = toCellValue((server as unknown as Record<string, unknown>)[f.key]);
        const fmt = INVENTORY_FORMAT[f.key];
        return fmt === undefined ? { v } : { v, fmt };
      })
    );
  }
  const topLeft = `A${INVENTORY_LAYOUT.headerRow}`;
  const start = parseCell(topLeft);
  const range = `${topLeft}:${cellAddress(start.row + rows.length - 1, start.col + INVENTORY_FIELDS.length - 1)}`;
  const columns: Record<string, string> = {};
  INVENTORY_FIELDS.forEach((f, i) => (columns[f.key] = columnLetters(start.col + i)));
  return {
    block: { topLeft, cells: rows },
    table: { name: INVENTORY_LAYOUT.tableName, range, style: "TableStyleMedium2" },
    columns,
  };
}
