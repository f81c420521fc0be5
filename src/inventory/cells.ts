/**
 * Reading cells and headers: text, exact numbers (any locale's decimal mark), booleans,
 * column letters, and header rows matched by name — never by position.
 */
import { Dec } from "../money";
import type { CellPlace, CellValue, SheetData } from "./types";

/** Spreadsheet column letter of a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A cell as trimmed text ("" for empty). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.replace(/\u00a0/g, " ").trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return Number.isNaN(v.getTime()) ? "" : v.toISOString();
}

export function isBlank(v: CellValue | undefined): boolean {
  return cellText(v) === "";
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return row === undefined || row.every((c) => isBlank(c));
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parse a number written as text, exactly. `decimal` is the file's decimal mark: with ","
 * `1.234,5` is 1234.5 and `1,5` is 1.5; with "." `1,234.5` is 1234.5. Spaces, non-breaking
 * spaces and apostrophes between digits are thousands separators. Returns null when the
 * text is not a number.
 */
export function parseNumberText(text: string, decimal: "." | "," = "."): Dec | null {
  let s = text.replace(/[\u00a0\u202f\u2009]/g, " ").trim();
  if (s === "") return null;
  s = s.replace(/(?<=\d)[ '’](?=\d{3}\b)/g, "");
  if (decimal === ",") {
    if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, "");
    if (/^[+-]?\d*,\d+$/.test(s)) s = s.replace(",", ".");
  } else {
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
    // "1,5" cannot be a thousands group (that needs three digits): it is a decimal comma.
    else if (/^[+-]?\d+,(\d{1,2}|\d{4,})$/.test(s)) s = s.replace(",", ".");
  }
  if (!PLAIN_NUMBER.test(s)) return null;
  const d = new Dec(s);
  return d.isFinite() ? d : null;
}

/** The outcome of reading a numeric cell. */
export type NumberCell =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: Dec; readonly percent: boolean }
  | { readonly kind: "invalid"; readonly text: string };

/** Read a numeric cell: a number, numeric text in the sheet's locale, or `45 %` (percent flagged). */
export function readNumberCell(v: CellValue | undefined, decimal: "." | "," = "."): NumberCell {
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "number") {
    return Number.isFinite(v)
      ? { kind: "number", value: new Dec(String(v)), percent: false }
      : { kind: "invalid", text: String(v) };
  }
  if (typeof v === "boolean" || v instanceof Date) return { kind: "invalid", text: cellText(v) };
  const text = cellText(v);
  if (text === "") return { kind: "empty" };
  const percent = /%\s*$/.test(text);
  const value = parseNumberText(percent ? text.replace(/%\s*$/, "") : text, decimal);
  return value === null ? { kind: "invalid", text } : { kind: "number", value, percent };
}

/** `True`/`TRUE`/`yes`/`1`/true → true; `False`/`no`/`0`/false → false; anything else null. */
export function readBoolCell(v: CellValue | undefined): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  const t = cellText(v).toLowerCase();
  if (["true", "yes", "y", "1", "wahr", "vrai"].includes(t)) return true;
  if (["false", "no", "n", "0", "falsch", "faux"].includes(t)) return false;
  return null;
}

/**
 * A header reduced to what identifies it: lower case, no leading `*`, "Number of"/"Num" as
 * `#`, and only letters, digits, `#` and `%` kept — so `*Server Name`, `server name ` and
 * `Server  name` are the same, and `Free % ` matches `Free %`. Units stay (`inusemib`), so
 * conversion remains explicit.
 */
export function compactHeader(header: string): string {
  let s = header
    .normalize("NFKC")
    .replace(/\u00a0/g, " ")
    .trim()
    .toLowerCase()
    .replace(/^\*+/, "");
  s = s.replace(/\bnumber of\b/g, "#").replace(/^num\s+/, "#");
  return s.replace(/[^a-z0-9#%]/g, "");
}

/** RVTools internal header prefixes (`vInfoCPUs` → `CPUs`). */
const TAB_PREFIXES = [
  "vinfo",
  "vcpu",
  "vmemory",
  "vdisk",
  "vpartition",
  "vhost",
  "vcluster",
  "vdatastore",
  "vsnapshot",
  "vnetwork",
];

/** One column of a header row. */
export interface ColumnRef {
  /** 0-based column index. */
  readonly index: number;
  readonly letter: string;
  /** The header as written in the file, trimmed. */
  readonly header: string;
}

/** A sheet's header row, indexed by compacted header name. */
export interface HeaderIndex {
  readonly sheet: SheetData;
  /** 0-based index of the header row in `sheet.rows`. */
  readonly row: number;
  readonly columns: readonly ColumnRef[];
  /** The first column whose header matches one of the aliases (compared compacted). */
  get(aliases: readonly string[]): ColumnRef | undefined;
}

/** Index the headers of row `row` (0-based) of a sheet. */
export function headerIndex(sheet: SheetData, row: number): HeaderIndex {
  const cells = sheet.rows[row] ?? [];
  const columns: ColumnRef[] = [];
  const primary = new Map<string, ColumnRef>();
  const secondary = new Map<string, ColumnRef>();
  cells.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === "") return;
    const ref: ColumnRef = { index, letter: columnLetter(index), header };
    columns.push(ref);
    const key = compactHeader(header);
    if (!primary.has(key)) primary.set(key, ref);
    const prefix = TAB_PREFIXES.find((p) => key.startsWith(p) && key.length > p.length);
    if (prefix !== undefined && !secondary.has(key.slice(prefix.length)))
      secondary.set(key.slice(prefix.length), ref);
  });
  return {
    sheet,
    row,
    columns,
    get(aliases) {
      for (const alias of aliases) {
        const hit = primary.get(compactHeader(alias));
        if (hit) return hit;
      }
      for (const alias of aliases) {
        const hit = secondary.get(compactHeader(alias));
        if (hit) return hit;
      }
      return undefined;
    },
  };
}

/** The first row (within the first `scan` non-blank rows) whose headers pass `test`. */
export function findHeaderRow(
  sheet: SheetData,
  test: (index: HeaderIndex) => boolean,
  scan = 30
): HeaderIndex | null {
  let seen = 0;
  for (let r = 0; r < sheet.rows.length && seen < scan; r++) {
    if (isBlankRow(sheet.rows[r])) continue;
    seen++;
    const index = headerIndex(sheet, r);
    if (test(index)) return index;
  }
  return null;
}

/** The first non-blank row of a sheet (0-based), or -1. */
export function firstNonBlankRow(sheet: SheetData): number {
  return sheet.rows.findIndex((row) => !isBlankRow(row));
}

/** A sheet name as a formula reference shows it: `vInfo`, `'VM Performance'`. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `vInfo!Q10 (CPUs)`, `vInfo!10` or `vInfo`. */
export function placeText(place: CellPlace): string {
  const sheet = sheetRef(place.sheet);
  if (place.row === null) return sheet;
  if (place.column === null) return `${sheet}!${place.row}`;
  return `${sheet}!${place.column.letter}${place.row} (${place.column.header})`;
}

/** The place of a cell: sheet, 1-based row and column. */
export function cellPlace(sheet: string, row0: number, col: ColumnRef | undefined): CellPlace {
  return { sheet, row: row0 + 1, column: col ? { letter: col.letter, header: col.header } : null };
}
