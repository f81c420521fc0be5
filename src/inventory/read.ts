/**
 * File bytes → `WorkbookData`, the same in Node and the browser: .xlsx through exceljs (the
 * library the .xlsx writer uses), CSV through our own reader. A file that cannot be read gets
 * one clear message (password-protected, legacy .xls, OpenDocument, PDF, not a spreadsheet).
 */
import ExcelJS from "exceljs";
import { LIMITS } from "../scenario";
import { parseCsv } from "./csv";
import { importInventory } from "./importInventory";
import { MESSAGES } from "./messages";
import { checkXlsxSize } from "./zipCheck";
import type {
  CellValue,
  ImportFailure,
  ImportOptions,
  ImportResult,
  SheetData,
  WorkbookData,
} from "./types";

export interface InventoryFile {
  readonly bytes: Uint8Array | ArrayBuffer;
  /** The file's name (a path is fine): shown in messages, and names a CSV's sheet. */
  readonly name: string;
}

export type ReadResult =
  | { readonly ok: true; readonly workbook: WorkbookData }
  | { readonly ok: false; readonly failure: ImportFailure };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (u8: Uint8Array, bytes: readonly number[]): boolean =>
  bytes.every((b, i) => u8[i] === b);

/** True when the bytes contain `text` as ASCII (zip entry names) or as UTF-16LE (CFB directory names). */
function contains(u8: Uint8Array, text: string, utf16: boolean): boolean {
  const needle = utf16
    ? [...text].flatMap((c) => [c.charCodeAt(0), 0])
    : [...text].map((c) => c.charCodeAt(0));
  const first = needle[0];
  outer: for (
    let i = u8.indexOf(first as number);
    i >= 0 && i <= u8.length - needle.length;
    i = u8.indexOf(first as number, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (u8[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The file's base name (no folders). */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

/** A CSV's sheet name: the base name without extension; `RVTools_tabvInfo.csv` → `vInfo`. */
export function sheetNameForCsv(fileName: string): string {
  const base = baseName(fileName).replace(/\.[^.]*$/, "");
  const tab = /^RVTools_tab(.+)$/i.exec(base);
  return (tab?.[1] ?? base) || "Sheet1";
}

const failure = (code: ImportFailure["code"], message: string): ReadResult => ({
  ok: false,
  failure: { code, message },
});

/** Read one file (xlsx or CSV) into sheets. */
export async function readInventoryFile(
  bytes: Uint8Array | ArrayBuffer,
  fileName: string
): Promise<ReadResult> {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const file = baseName(fileName);
  if (u8.length === 0) return failure("empty-file", MESSAGES.emptyFile(file));
  if (u8.length > LIMITS.importFileBytes.value)
    return failure("too-large", MESSAGES.fileTooLarge(file, LIMITS.importFileBytes.value));

  if (startsWith(u8, CFB_MAGIC)) {
    // An OLE2 compound file: an encrypted OOXML package, or a legacy .xls (or another Office 97 document).
    if (contains(u8, "EncryptedPackage", true) || contains(u8, "EncryptionInfo", true))
      return failure("encrypted", MESSAGES.encrypted);
    if (contains(u8, "WordDocument", true))
      return failure("not-a-spreadsheet", MESSAGES.notASpreadsheet(file, "a Word document"));
    if (contains(u8, "Workbook", true) || contains(u8, "Book", true) || /\.xl[st]$/i.test(file))
      return failure("legacy-xls", MESSAGES.legacyXls(file));
    return failure("encrypted", MESSAGES.encrypted);
  }
  if (startsWith(u8, [0x50, 0x4b, 0x03, 0x04]) || startsWith(u8, [0x50, 0x4b, 0x05, 0x06]))
    return readZip(u8, file);
  if (startsWith(u8, [0x25, 0x50, 0x44, 0x46]))
    return failure("not-a-spreadsheet", MESSAGES.notASpreadsheet(file, "a PDF document"));

  const text = decodeText(u8);
  if (text === null) return failure("not-a-spreadsheet", MESSAGES.notASpreadsheet(file, null));
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("<"))
    return failure(
      "not-a-spreadsheet",
      MESSAGES.notASpreadsheet(file, "an HTML or XML file; open it in Excel and save it as .xlsx")
    );
  if (head.startsWith("{") || head.startsWith("["))
    return failure("not-a-spreadsheet", MESSAGES.notASpreadsheet(file, "a JSON file"));
  const lines = countLines(text, LIMITS.importSheetRows.value);
  if (lines > LIMITS.importSheetRows.value)
    return failure("too-many-rows", MESSAGES.sheetTooManyRows(file, LIMITS.importSheetRows.value));
  const csv = parseCsv(text);
  if (!csv.ok)
    return failure("bad-csv", MESSAGES.unterminatedQuote(file, csv.unterminatedQuoteLine));
  return {
    ok: true,
    workbook: {
      fileName: file,
      sheets: [
        { name: sheetNameForCsv(file), rows: csv.rows, decimalSeparator: csv.decimalSeparator },
      ],
    },
  };
}

/** Read several files as one workbook (e.g. the `RVTools_tab*.csv` of "Export all to csv"). */
export async function readInventoryFiles(files: readonly InventoryFile[]): Promise<ReadResult> {
  const sheets: SheetData[] = [];
  for (const f of files) {
    const read = await readInventoryFile(f.bytes, f.name);
    if (!read.ok) return read;
    for (const s of read.workbook.sheets) {
      let name = s.name;
      for (let i = 2; sheets.some((x) => x.name.toLowerCase() === name.toLowerCase()); i++)
        name = `${s.name} (${i})`;
      sheets.push({ ...s, name });
    }
  }
  return {
    ok: true,
    workbook: { fileName: files.map((f) => baseName(f.name)).join(", "), sheets },
  };
}

/** Read the file(s) and import them: the one call a task pane or the CLI needs. */
export async function importInventoryFiles(
  files: readonly InventoryFile[],
  options: ImportOptions
): Promise<ImportResult> {
  const read = await readInventoryFiles(files);
  return read.ok ? importInventory(read.workbook, options) : read;
}

/** Line breaks in `text`, counting stops just past `limit` (the CSV row cap, checked before parsing). */
function countLines(text: string, limit: number): number {
  let lines = 0;
  for (let i = text.indexOf("\n"); i >= 0 && lines <= limit; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** Text of a CSV/text file, or null when the bytes are binary. */
function decodeText(u8: Uint8Array): string | null {
  if (startsWith(u8, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(u8.subarray(2));
  if (startsWith(u8, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(u8.subarray(2));
  const sample = u8.subarray(0, 8192);
  if (sample.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(u8);
  } catch {
    text = new TextDecoder("windows-1252").decode(u8);
  }
  const head = text.slice(0, 8192);
  let control = 0;
  for (const ch of head) {
    const code = ch.charCodeAt(0);
    if (
      (code < 0x20 && ch !== "\t" && ch !== "\n" && ch !== "\r") ||
      code === 0xfffd ||
      code === 0x7f
    )
      control++;
  }
  return control > head.length * 0.005 ? null : text;
}

async function readZip(u8: Uint8Array, file: string): Promise<ReadResult> {
  if (contains(u8, "mimetypeapplication/vnd.oasis.opendocument.spreadsheet", false))
    return failure("opendocument", MESSAGES.openDocument(file));
  if (!contains(u8, "xl/", false)) {
    const what = contains(u8, "word/", false)
      ? "a Word document"
      : contains(u8, "ppt/", false)
        ? "a PowerPoint file"
        : "a ZIP archive";
    return failure("not-a-spreadsheet", MESSAGES.notASpreadsheet(file, what));
  }
  // Bounded work: unpack once as a stream, counting, before exceljs builds anything in memory.
  const size = await checkXlsxSize(
    u8,
    LIMITS.importUnzippedBytes.value,
    LIMITS.importSheetRows.value
  );
  if (!size.ok) {
    if (size.reason === "unzipped-too-large")
      return failure("too-large", MESSAGES.unzippedTooLarge(file, size.limitBytes));
    if (size.reason === "too-many-rows")
      return failure("too-many-rows", MESSAGES.sheetTooManyRows(file, size.limitRows));
    return failure("damaged", MESSAGES.damaged(file, MESSAGES.damagedZip));
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings say Buffer; it hands the bytes to JSZip, which takes a Uint8Array in Node and browsers.
    await wb.xlsx.load(u8 as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    // The library's own text ("Bug : uncompressed data size mismatch", "Invalid string length")
    // means nothing to a user; what they can do is the same whatever it says.
    return failure("damaged", MESSAGES.damaged(file, MESSAGES.damagedContent));
  }
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, rows: sheetRows(ws) }));
  if (sheets.length === 0)
    return failure("damaged", MESSAGES.damaged(file, MESSAGES.damagedNoSheets));
  return { ok: true, workbook: { fileName: file, sheets } };
}

function sheetRows(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as readonly ExcelJS.CellValue[];
    const out: CellValue[] = [];
    for (let c = 1; c < values.length; c++) out.push(toCell(values[c]));
    rows[rowNumber - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/** exceljs cell value → ours: formulas give their cached result, rich text its text, errors null. */
function toCell(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date)
    return v;
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v)
    return v.result === undefined ? null : toCell(v.result as ExcelJS.CellValue);
  if ("hyperlink" in v)
    return typeof v.text === "string" ? v.text : toCell(v.text as ExcelJS.CellValue);
  return null;
}
