/**
 * Inventory import (RVTools, Azure Migrate CSV, Live Optics, MAP, our own columns, or any
 * sheet through a column mapping). `importInventory` is pure; `read*` turn file bytes into
 * sheets in Node and the browser alike.
 */
export * from "./types";
export { importInventory } from "./importInventory";
export {
  suggestMapping,
  importWithMapping,
  unitsFromMapping,
  MAPPING_ALIASES,
  OWN_COLUMNS,
} from "./formats/generic";
export {
  readInventoryFile,
  readInventoryFiles,
  importInventoryFiles,
  sheetNameForCsv,
  type InventoryFile,
  type ReadResult,
} from "./read";
export { parseCsv, detectSeparator, type CsvResult } from "./csv";
export { parseNumberText, columnLetter, compactHeader } from "./cells";
export { classifyOs, type OsClass } from "./os";
export { importDefaultsFrom } from "./importDefaults";
export { formatImportReport } from "./describe";
export { MESSAGES as INVENTORY_MESSAGES } from "./messages";
