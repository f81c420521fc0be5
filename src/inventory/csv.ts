/**
 * A small RFC 4180 CSV reader: quoted fields with `""` escapes and line breaks, CRLF/LF/CR,
 * a BOM, Excel's `sep=;` first line, and the separator (`,` `;` tab) and decimal mark of the
 * locale the file was saved in, detected from the data. Pure.
 */
import type { CellValue } from "./types";

export type CsvResult =
  | {
      readonly ok: true;
      /** Rows as a spreadsheet shows them; a blank line is an empty row, so row numbers stay true. */
      readonly rows: readonly (readonly CellValue[])[];
      readonly separator: "," | ";" | "\t";
      readonly decimalSeparator: "." | ",";
    }
  | { readonly ok: false; readonly unterminatedQuoteLine: number };

const SEPARATORS = [",", ";", "\t"] as const;

/** The separator used most often (outside quotes) in the first non-blank line; "," when none. */
export function detectSeparator(text: string): "," | ";" | "\t" {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let inQuotes = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (started) break;
    } else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    if (ch.trim() !== "") started = true;
  }
  let best: "," | ";" | "\t" = ",";
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s;
  return best;
}

const COMMA_DECIMAL = /^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+%?$/;
const DOT_DECIMAL = /^[+-]?\d+\.\d+%?$/;

/**
 * The decimal mark of a file: "," when the separator is not a comma and numbers such as
 * `1,5` occur at least as often as `1.5`; else ".".
 */
export function detectDecimalSeparator(
  rows: readonly (readonly CellValue[])[],
  separator: string
): "." | "," {
  if (separator === ",") return ".";
  let comma = 0;
  let dot = 0;
  for (const row of rows.slice(1)) {
    for (const cell of row) {
      if (typeof cell !== "string") continue;
      const t = cell.trim();
      if (COMMA_DECIMAL.test(t)) comma++;
      else if (DOT_DECIMAL.test(t)) dot++;
    }
  }
  return comma > 0 && comma >= dot ? "," : ".";
}

/** Parse CSV text into rows of text cells (empty cells are null). */
export function parseCsv(input: string): CsvResult {
  let text = input.replace(/^\uFEFF/, "");
  let separator: "," | ";" | "\t" | null = null;
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  if (sepLine) {
    const s = sepLine[1];
    if (s === "," || s === ";" || s === "\t") separator = s;
    text = text.slice(sepLine[0].length);
  }
  const sep = separator ?? detectSeparator(text);

  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let quoteLine = 1;
  const endField = (): void => {
    row.push(field === "" ? null : field);
    field = "";
    quoted = false;
  };
  const endRow = (): void => {
    rows.push(row.length === 1 && row[0] === null ? [] : row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === "" && !quoted) {
      field = "";
      inQuotes = true;
      quoted = true;
      quoteLine = line;
    } else if (ch === sep) {
      endField();
    } else if (ch === "\r" || ch === "\n") {
      endField();
      endRow();
      if (ch === "\r" && text[i + 1] === "\n") i++;
      line++;
    } else {
      field += ch;
    }
  }
  if (inQuotes) return { ok: false, unterminatedQuoteLine: quoteLine };
  if (field !== "" || quoted || row.length > 0) {
    endField();
    endRow();
  }
  return { ok: true, rows, separator: sep, decimalSeparator: detectDecimalSeparator(rows, sep) };
}
