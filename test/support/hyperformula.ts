/**
 * HyperFormula (GPLv3, test-only) as a fast in-process spreadsheet engine: load a
 * WorkbookPlan or a written .xlsx, recalculate, and return the value of every formula cell so
 * tests can compare it with the plan's cached `v`.
 *
 * Configured like Excel where it matters: 1900 date system with the leap-year bug, empty
 * cells count as zero, and full precision (`precisionRounding: 15`; the default 10 would
 * round NPVs visibly). Bare TRUE/FALSE are shimmed as named expressions, and every defined
 * name becomes a workbook-level named expression.
 */
import ExcelJS from "exceljs";
import { HyperFormula, type RawCellContent, type SerializedNamedExpression } from "hyperformula";
import JSZip from "jszip";
import { cellAddress, parseCell } from "../../src/report/a1";
import type { CellValue, DefinedNamePlan, WorkbookPlan } from "../../src/report/workbookPlan";
import { forEachPlanCell } from "../../src/report/planCells";

/** A recalculated value: a cell value, or an error code such as `#NAME?` / `#DIV/0!`. */
export type RecalcValue = CellValue | { readonly error: string; readonly message?: string };

/** `'Sheet!A1'` → value. Keys use the bare sheet name (no quotes) and a relative address. */
export type RecalcValues = Map<string, RecalcValue>;

export interface FormulaCell {
  /** `TCO Cashflow!B13`. */
  readonly key: string;
  readonly sheet: string;
  /** `B13`. */
  readonly address: string;
  /** With the leading `=`. */
  readonly formula: string;
  /** The plan's cached value. */
  readonly v: CellValue;
}

/** Every formula cell of `plan`, in sheet and block order. */
export function formulaCells(plan: WorkbookPlan): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const sheet of plan.sheets) {
    forEachPlanCell(sheet, ({ row, col, cell }) => {
      if (cell.f === undefined) return;
      const address = cellAddress(row, col);
      out.push({
        key: `${sheet.name}!${address}`,
        sheet: sheet.name,
        address,
        formula: cell.f,
        v: cell.v,
      });
    });
  }
  return out;
}

const CONFIG = {
  licenseKey: "gpl-v3",
  precisionRounding: 15,
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 30 },
  evaluateNullToZero: true,
} as const;

/** Named expressions Excel has as literals but HyperFormula parses as names. */
const BOOLEAN_SHIM: SerializedNamedExpression[] = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

/** Recalculates `plan` in HyperFormula; returns the value of every formula cell. */
export function recalcPlanWithHyperFormula(plan: WorkbookPlan): RecalcValues {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of plan.sheets) {
    const grid: RawCellContent[][] = [];
    forEachPlanCell(sheet, ({ row, col, cell }) => {
      const line = (grid[row] ??= []);
      line[col] = cell.f ?? cell.v;
    });
    sheets[sheet.name] = densify(grid);
  }
  const addresses = formulaCells(plan).map((c) => ({ sheet: c.sheet, address: c.address }));
  return evaluate(sheets, plan.definedNames, addresses);
}

/**
 * Loads a written .xlsx (cells through exceljs, defined names straight from workbook.xml) and
 * recalculates it in HyperFormula; returns the value of every formula cell in the file.
 */
export async function recalcXlsxWithHyperFormula(xlsx: Uint8Array): Promise<RecalcValues> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
  const sheets: Record<string, RawCellContent[][]> = {};
  const addresses: { sheet: string; address: string }[] = [];
  wb.eachSheet((ws) => {
    const grid: RawCellContent[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const line = (grid[rowNumber - 1] ??= []);
        const value = cell.value;
        if (value !== null && typeof value === "object" && "formula" in value && value.formula) {
          line[colNumber - 1] = `=${value.formula}`;
          addresses.push({ sheet: ws.name, address: cellAddress(rowNumber - 1, colNumber - 1) });
        } else if (
          value === null ||
          typeof value === "string" ||
          typeof value === "number" ||
          typeof value === "boolean"
        ) {
          line[colNumber - 1] = value;
        } else {
          throw new Error(
            `Unsupported cell value at ${ws.name}!${cell.address}: ${JSON.stringify(value)}`
          );
        }
      });
    });
    sheets[ws.name] = densify(grid);
  });
  return evaluate(sheets, await definedNamesOf(xlsx), addresses);
}

/** The workbook-level defined names of an .xlsx, read from xl/workbook.xml. */
export async function definedNamesOf(xlsx: Uint8Array): Promise<DefinedNamePlan[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const out: DefinedNamePlan[] = [];
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const attrs = m[1] ?? "";
    if (/\slocalSheetId=/.test(attrs)) continue;
    const name = /\sname="([^"]*)"/.exec(attrs)?.[1];
    if (name === undefined || name.startsWith("_xlnm.")) continue;
    out.push({ name, ref: unescape(m[2] ?? "") });
  }
  return out;
}

function unescape(s: string): string {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function evaluate(
  sheets: Record<string, RawCellContent[][]>,
  names: readonly DefinedNamePlan[],
  addresses: readonly { sheet: string; address: string }[]
): RecalcValues {
  const named = [...BOOLEAN_SHIM, ...names.map((n) => ({ name: n.name, expression: `=${n.ref}` }))];
  const hf = HyperFormula.buildFromSheets(sheets, CONFIG, named);
  try {
    const out: RecalcValues = new Map();
    for (const { sheet, address } of addresses) {
      const id = hf.getSheetId(sheet);
      if (id === undefined) throw new Error(`HyperFormula has no sheet ${sheet}`);
      const { row, col } = parseCell(address);
      const value = hf.getCellValue({ sheet: id, row, col });
      out.set(`${sheet}!${address}`, toRecalcValue(value));
    }
    return out;
  } finally {
    hf.destroy();
  }
}

function toRecalcValue(value: unknown): RecalcValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  const e = value as { value?: string; message?: string };
  return e.message ? { error: String(e.value), message: e.message } : { error: String(e.value) };
}

/** Sparse rows → dense rectangular-enough arrays (HyperFormula wants arrays, not holes). */
function densify(grid: RawCellContent[][]): RawCellContent[][] {
  const out: RawCellContent[][] = [];
  for (let r = 0; r < grid.length; r++) {
    const line = grid[r] ?? [];
    const dense: RawCellContent[] = [];
    for (let c = 0; c < line.length; c++) dense.push(line[c] ?? null);
    out.push(dense);
  }
  return out;
}

/**
 * Compares recalculated values with the plan's cached ones (see `sameValue`). Returns one
 * line per mismatch, empty when every formula cell agrees.
 */
export function compareWithPlan(
  plan: WorkbookPlan,
  actual: ReadonlyMap<string, RecalcValue>,
  options: { readonly relative?: number } = {}
): string[] {
  const relative = options.relative ?? 1e-9;
  const problems: string[] = [];
  for (const cell of formulaCells(plan)) {
    if (!actual.has(cell.key)) {
      problems.push(`${cell.key}: not recalculated`);
      continue;
    }
    const got = actual.get(cell.key) ?? null;
    if (!sameValue(got, cell.v, relative)) {
      problems.push(
        `${cell.key} ${cell.formula}: plan ${JSON.stringify(cell.v)}, engine ${JSON.stringify(got)}`
      );
    }
  }
  return problems;
}

/**
 * Equal within the relative bound and never more than half a cent apart (numbers); exactly
 * equal otherwise. Excel shows an empty-string result and an empty cell alike.
 */
export function sameValue(actual: RecalcValue, expected: CellValue, relative = 1e-9): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    const diff = Math.abs(actual - expected);
    return diff <= 0.005 && diff <= Math.max(relative * Math.abs(expected), 1e-12);
  }
  if ((expected === null || expected === "") && (actual === null || actual === "")) return true;
  return actual === expected;
}
