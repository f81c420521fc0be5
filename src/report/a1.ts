/** A1-style addresses: column letters, cell and range parsing, sheet-qualified references. */

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Bad column index ${index}`);
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters → 0-based column index (A → 0, AA → 26). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) throw new RangeError(`Bad column letters ${letters}`);
    n = n * 26 + c;
  }
  return n - 1;
}

export interface CellRef {
  /** 0-based row. */
  readonly row: number;
  /** 0-based column. */
  readonly col: number;
}

/** `"C5"` (or `"$C$5"`) → {row: 4, col: 2}. */
export function parseCell(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`Bad cell address ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1] as string) };
}

/** {row: 4, col: 2} → `"C5"`; with `absolute`, `"$C$5"`. */
export function cellAddress(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;
}

export interface RangeRef {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** `"B4:F12"` or `"B4"` → 0-based inclusive bounds. */
export function parseRange(range: string): RangeRef {
  const [a, b] = range.split(":");
  const start = parseCell(a as string);
  const end = b === undefined ? start : parseCell(b);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** Bounds → `"B4:F12"` (a single cell gives `"B4"`); with `absolute`, `$B$4:$F$12`. */
export function rangeAddress(r: RangeRef, absolute = false): string {
  const a = cellAddress(r.top, r.left, absolute);
  const b = cellAddress(r.bottom, r.right, absolute);
  return a === b ? a : `${a}:${b}`;
}

/** The range a block of `rows` × `cols` cells covers from `topLeft`. */
export function blockRange(topLeft: string, rows: number, cols: number): string {
  const { row, col } = parseCell(topLeft);
  return rangeAddress({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 });
}

/** A sheet name as it must appear in a reference: quoted when not a plain identifier. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `'TCO Inputs'!$C$6` from a sheet and an address. */
export function sheetRef(sheet: string, address: string, absolute = true): string {
  const r = parseRange(address);
  return `${quoteSheet(sheet)}!${rangeAddress(r, absolute)}`;
}
