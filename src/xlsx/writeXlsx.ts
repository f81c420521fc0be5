/** The .xlsx writer: a WorkbookPlan in, the bytes of an .xlsx file out (Node and browser). */
import type { WorkbookPlan } from "../report/workbookPlan";
import { xmlSafePlan } from "../report/xmlSafePlan";
import { injectParts } from "./inject";
import { buildWorkbook } from "./workbook";

/**
 * Writes `plan` as an .xlsx package: exceljs writes sheets, cells (formulas with the plan's
 * values cached), styles and sheet settings; then the package is reopened with jszip to add
 * native chart parts, tables and defined names. Uses no Node APIs, so the task pane can
 * offer the same file as a download. Throws RangeError for a plan Excel would have to repair
 * (bad names, a chart or table over a missing sheet, non-text table headers). Text XML cannot
 * hold becomes U+FFFD (`xmlSafePlan`).
 */
export async function writeXlsx(input: WorkbookPlan): Promise<Uint8Array> {
  const plan = xmlSafePlan(input);
  const wb = buildWorkbook(plan);
  // Stored (uncompressed) first: the package is compressed once, after injection.
  const raw = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  return injectParts(raw, plan);
}
