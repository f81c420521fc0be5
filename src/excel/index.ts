/** The Office.js edge: writes a `WorkbookPlan` into the open workbook and reads the scenario back. */
export { writePlan } from "./writer";
export { columnWidthPoints } from "./rangeStyle";
export type {
  WriteOptions,
  WriteResult,
  WriteSuccess,
  WriteFailure,
  WriteFailureCode,
} from "./writer";
export { readScenarioFromWorkbook } from "./reader";
export type { ReadResult, ReadOptions, ReadSheets } from "./reader";
export {
  renameSheetsInPlan,
  renameTablesInPlan,
  rewriteFormulaRefs,
  referencedSheets,
} from "./planRefs";
export {
  estimateRequestBytes,
  scheduleBatches,
  writeUnits,
  WEB_REQUEST_LIMIT_BYTES,
  DEFAULT_MAX_REQUEST_BYTES,
} from "./payload";
export { planLayout, readTags, ownTagName, sheetTagFormula } from "./ownership";
export type { RenameConflict, WorkbookSnapshot, WriteLayout } from "./ownership";
export { diffInputs } from "./inputsGuard";
export type { InputChange } from "./inputsGuard";
export { validatePlan, planProblems, PlanError } from "./validatePlan";
export { EXCEL_MESSAGES } from "./messages";
