/**
 * The task pane's doors into the engine, the report, the .xlsx writer and the inventory
 * importer — each one small function, so the pane does not depend on how a module is shaped
 * (the Office.js writer and reader are reached through `office.ts`). None is in the start-up
 * bundle: the preview's analysis (without the sensitivity analysis) loads right after the first
 * render; the full analysis, the report builder, the .xlsx writer (exceljs), the slides writer
 * (pptxgenjs) and the inventory reader load with `import()` when a user first needs them.
 * The preview and *Generate* share one store of capacity plans (`panePlans`), so an edit that
 * changes no capacity input, and a workbook of the scenario just previewed, re-plan nothing.
 */
import type { Scenario } from "../scenario";
import type { Preview } from "./preview";
import type { WorkbookPlan } from "../report/workbookPlan";
import type {
  ColumnMapping,
  HeaderCandidate,
  ImportFailure,
  ImportOptions,
  ImportResult,
  MappingUnits,
  WorkbookData,
} from "../inventory/types";

/**
 * The preview's engine: loads the TCO analysis (its own chunk) on first use and returns the
 * function that previews a scenario synchronously from then on.
 */
export async function loadPreviewEngine(): Promise<(scenario: Scenario) => Preview> {
  const { previewOf } = await import(/* webpackChunkName: "analysis" */ "./toPreview");
  return previewOf;
}

/**
 * The full analysis (sensitivity included) and the report's workbook plan. Throws, with the
 * problems as its message, when the totals pass what a workbook holds to the cent
 * (`moneyLimitIssues`): the caller shows it as a failed write, nothing is written.
 */
export async function buildWorkbookPlan(scenario: Scenario): Promise<WorkbookPlan> {
  const [{ buildReport }, { analyze }, { moneyLimitIssues }, { panePlans }] = await Promise.all([
    import(/* webpackChunkName: "report" */ "../report/build"),
    import(/* webpackChunkName: "report" */ "../tco/analyze"),
    import(/* webpackChunkName: "report" */ "../tco/limits"),
    import(/* webpackChunkName: "analysis" */ "./toPreview"),
  ]);
  const analysis = analyze(scenario, { plans: panePlans });
  const issues = moneyLimitIssues(analysis);
  if (issues.length > 0) throw new Error(issues.map((i) => i.message).join(" "));
  return buildReport(scenario, analysis);
}

/** The management slides of a scenario as .pptx bytes, and how many slides; the slides writer (pptxgenjs) loads only now. */
export async function slidesBytes(
  scenario: Scenario
): Promise<{ readonly bytes: Uint8Array; readonly slides: number }> {
  const [{ buildReport }, { analyze }, { buildDeck, writePptx }, { panePlans }] = await Promise.all(
    [
      import(/* webpackChunkName: "report" */ "../report/build"),
      import(/* webpackChunkName: "report" */ "../tco/analyze"),
      import(/* webpackChunkName: "slides" */ "../slides"),
      import(/* webpackChunkName: "analysis" */ "./toPreview"),
    ]
  );
  const analysis = analyze(scenario, { plans: panePlans });
  const deck = buildDeck(buildReport(scenario, analysis), analysis);
  return { bytes: await writePptx(deck), slides: deck.slides.length };
}

/** The .xlsx bytes of a plan. */
export async function xlsxBytes(plan: WorkbookPlan): Promise<Uint8Array> {
  const { writeXlsx } = await import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/writeXlsx");
  return writeXlsx(plan);
}

/** What reading an inventory file gave: its sheets, or why it could not be read. */
export type InventoryFileRead =
  | { readonly ok: true; readonly data: WorkbookData }
  | { readonly ok: false; readonly failure: ImportFailure };

/** Read an inventory file (.xlsx or .csv bytes) into sheets; the .xlsx reader loads only now. */
export async function readInventoryFile(
  bytes: Uint8Array,
  fileName: string
): Promise<InventoryFileRead> {
  const { readInventoryFile: read } = await import(
    /* webpackChunkName: "inventory-reader" */ "../inventory/read"
  );
  const result = await read(bytes, fileName);
  return result.ok ? { ok: true, data: result.workbook } : result;
}

/** Import inventory rows from sheets (a file read above, pasted text, the TCO Inventory table). */
export async function importInventory(
  data: WorkbookData,
  options: ImportOptions
): Promise<ImportResult> {
  const { importInventory: run } = await import(
    /* webpackChunkName: "inventory" */ "../inventory/importInventory"
  );
  return run(data, options);
}

/** A first guess of the column mapping (and units) for an export we do not recognise. */
export async function suggestColumnMapping(
  candidate: HeaderCandidate
): Promise<{ readonly mapping: ColumnMapping; readonly units: MappingUnits }> {
  const { suggestMapping, unitsFromMapping } = await import(
    /* webpackChunkName: "inventory" */ "../inventory/formats/generic"
  );
  const mapping = suggestMapping(candidate.headers);
  return { mapping, units: unitsFromMapping(mapping) };
}

/** Import an unrecognised export through the user's column mapping. */
export async function importWithColumnMapping(
  data: WorkbookData,
  candidate: HeaderCandidate,
  mapping: ColumnMapping,
  units: MappingUnits,
  options: ImportOptions
): Promise<ImportResult> {
  const { importWithMapping } = await import(
    /* webpackChunkName: "inventory" */ "../inventory/formats/generic"
  );
  const sheet = data.sheets.find((s) => s.name === candidate.sheet) ?? data.sheets[0];
  if (!sheet)
    return {
      ok: false,
      failure: { code: "empty-sheet", message: `${candidate.sheet} has no rows.` },
    };
  return importWithMapping(sheet, mapping, {
    ...options,
    units,
    ...(data.fileName !== undefined ? { fileName: data.fileName } : {}),
  });
}
