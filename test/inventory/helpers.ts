/** Test helpers: build .xlsx bytes with exceljs, read fixtures, and the defaults every test imports with. */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../support/paths";
import type { CellValue, ImportDefaults, ImportOptions, ImportResult } from "../../src/inventory";

/** Scenario-like defaults: peak 0.3, average 0.12, clock 2.9 GHz (as ws2022's defaultSections). */
export const DEFAULTS: ImportDefaults = {
  peakCpuUtilization: "0.3",
  averageCpuUtilization: "0.12",
  cpuGhz: "2.9",
};
export const OPTIONS: ImportOptions = { defaults: DEFAULTS };

/** Sheets as arrays of rows (row 1 first); `null` leaves a cell empty. */
export type SheetSpec = { readonly name: string; readonly rows: readonly (readonly CellValue[])[] };

/** An .xlsx file with these sheets, written by exceljs (as RVTools or Excel would store the values). */
export async function xlsx(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      });
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(REPO_ROOT, "test", "fixtures", "inventory", name)));
}

/** Narrow an import result to success (fails the test with the message otherwise). */
export function expectOk(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok)
    throw new Error(`import failed: ${result.failure.code}: ${result.failure.message}`);
  return result;
}

export function expectFailure(
  result: ImportResult | { ok: false; failure: { code: string; message: string } } | { ok: true }
): { code: string; message: string } {
  if (result.ok) throw new Error("expected the import to fail");
  return result.failure;
}

/** The rows by name. */
export function byName<T extends { name: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.name, r]));
}
