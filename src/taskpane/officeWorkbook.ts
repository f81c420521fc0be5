/**
 * Office.js glue for the pane in Excel: write the report and read the inputs (through
 * `src/excel`, loaded with `import()`), listen to sheet changes, open a sheet, read the
 * `TCO Inventory` table. Loaded only once the pane knows it runs in Excel, or on a user's action.
 */
import type { SheetData } from "../inventory/types";
import type { WorkbookPlan } from "../report/workbookPlan";
import { scenarioToJson } from "../scenario";
import { INVENTORY_LAYOUT, SHEETS } from "../report/sheetLayout";
import { supportsExcelApi } from "./office";

/** Activate a sheet (after a report is written). */
export async function activateSheet(name: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}

/**
 * Call `onChange` when a user edits `TCO Inputs` or `TCO Inventory` (ExcelApi 1.7
 * `worksheet.onChanged`), and when one of them is added later. Returns the sheets watched
 * now. Handlers live as long as their sheet; call again after the sheets are recreated.
 */
export async function watchInputSheets(
  onChange: () => void,
  alreadyWatched: ReadonlySet<string>
): Promise<readonly string[]> {
  if (!supportsExcelApi("1.7")) return [];
  const names = [SHEETS.inputs, SHEETS.inventory];
  return Excel.run(async (context) => {
    const sheets = names.map((name) => ({
      name,
      sheet: context.workbook.worksheets.getItemOrNullObject(name),
    }));
    await context.sync();
    const watched: string[] = [];
    for (const s of sheets) {
      if (s.sheet.isNullObject) continue;
      watched.push(s.name);
      if (alreadyWatched.has(s.name)) continue;
      s.sheet.onChanged.add(async () => {
        onChange();
      });
    }
    await context.sync();
    return watched;
  });
}

/** Call `onAdded` when a sheet named `TCO Inputs` or `TCO Inventory` is added (ExcelApi 1.7). */
export async function watchSheetsAdded(onAdded: () => void): Promise<void> {
  if (!supportsExcelApi("1.7")) return;
  await Excel.run(async (context) => {
    context.workbook.worksheets.onAdded.add(async () => {
      onAdded();
    });
    await context.sync();
  });
}

/**
 * The `TCO Inventory` table (or, without the table, the sheet's used range) as rows for the
 * inventory importer; null when the workbook has no such sheet.
 */
export async function readInventorySheet(): Promise<SheetData | null> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(INVENTORY_LAYOUT.tableName);
    const sheet = context.workbook.worksheets.getItemOrNullObject(SHEETS.inventory);
    await context.sync();
    let range: Excel.Range;
    if (!table.isNullObject) range = table.getRange();
    else if (!sheet.isNullObject) range = sheet.getUsedRange(true);
    else return null;
    range.load("values");
    await context.sync();
    return { name: SHEETS.inventory, rows: range.values as (string | number | boolean | null)[][] };
  });
}

/** Progress of the Office.js writer: the sheet being written, 1-based. */
export interface WriteProgress {
  readonly sheet: string;
  readonly index: number;
  readonly total: number;
}

/** What writing into the workbook gave. */
export type WriteOutcome =
  | {
      readonly ok: true;
      /** Names of the sheets written, in plan order (a sheet may carry another name when the user owns the planned one). */
      readonly sheets: readonly string[];
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * Write a plan into the open workbook through Office.js. `inputEdits: "refuse"` stops when
 * `TCO Inputs` holds edits the plan lacks (code `inputsEdited`); "discard" overwrites them.
 */
export async function writePlanToWorkbook(
  plan: WorkbookPlan,
  onProgress: (p: WriteProgress) => void,
  inputEdits: "refuse" | "discard"
): Promise<WriteOutcome> {
  const { writePlan } = await import(/* webpackChunkName: "excel" */ "../excel");
  const result = await writePlan(plan, {
    onProgress: (sheet, index, total) => onProgress({ sheet, index, total }),
    inputEdits,
  });
  if (!result.ok) return { ok: false, code: result.code, message: result.message };
  return {
    ok: true,
    sheets: plan.sheets.map((s) => result.sheets[s.name] ?? s.name),
    notes: [
      ...result.renamed.map(
        (r) =>
          `Your workbook already has a sheet named ${r.sheet}, so the report's is ${r.proposed}.`
      ),
      ...result.warnings,
    ],
  };
}

/** What reading the workbook's `TCO Inputs` / `TCO Inventory` gave. */
export type WorkbookScenario =
  | { readonly found: false }
  | { readonly found: true; readonly json: Record<string, unknown> }
  | { readonly found: true; readonly json: null; readonly problems: readonly string[] };

/** The scenario stored in the open workbook, if it has one. Throws with a user message when Excel fails. */
export async function readWorkbookScenario(): Promise<WorkbookScenario> {
  const { readScenarioFromWorkbook } = await import(/* webpackChunkName: "excel" */ "../excel");
  const read = await readScenarioFromWorkbook();
  if (read.ok) return { found: true, json: scenarioToJson(read.scenario) };
  if (read.reason === "notFound") return { found: false };
  if (read.reason === "invalid")
    return { found: true, json: null, problems: read.issues.map((i) => `${i.path}: ${i.message}`) };
  throw new Error(read.message);
}
