/**
 * Every text the task pane shows that is not a field's own label or help (those live in
 * `src/scenario/fields.ts`). One place, so wording stays consistent and tests can pin it.
 */

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export const PANE_MESSAGES = {
  title: "Hyper-V TCO Planner",
  loading: "Starting…",
  hostExcel: "Connected to Excel",
  hostBrowser: "Browser preview — download the workbook as .xlsx",
  hostBrowserOfficeMissing:
    "Office is not available here (office.js did not load) — working in the browser.",
  hostBrowserTimeout: "Office did not answer in time — working in the browser.",

  /** Validation. */
  emptyField: (prompt: string, expected: string) => `Enter ${prompt} (${expected}).`,
  fixSummary: (n: number) => `Fix ${plural(n, "input")} to generate the report:`,
  fixMore: (n: number) => `…and ${plural(n, "more problem")}.`,
  sectionIssues: (n: number) => `${n} to fix`,
  inventoryRowLabel: (index: number, name: string) => `Row ${index + 1}${name ? ` (${name})` : ""}`,
  unknownFieldRemove: "Remove it",

  /** Inventory. */
  inventorySummary: (servers: number, rows: number) =>
    `${plural(servers, "server")} in ${plural(rows, "row")}`,
  inventoryEmpty: "No servers yet: import an export, paste rows from Excel, or add a server.",
  pasteHelp:
    "Copy rows from Excel including the header row (Name, Cores, Core clock, RAM …) and paste them here.",
  pasteEmpty: "Paste at least a header row and one server row.",
  importReading: (what: string) => `Reading ${what}…`,
  importFailed: (what: string, message: string) => `Could not import ${what}: ${message}`,
  importReady: (rows: number, servers: number) =>
    `Ready to import ${plural(servers, "server")} in ${plural(rows, "row")}. Check what was left out and assumed, then replace the inventory.`,
  importReplaced: (servers: number) => `Inventory replaced: ${plural(servers, "server")}.`,
  importCancelled: "Import cancelled; the inventory is unchanged.",
  mappingIntro: (file: string) =>
    `${file} is not an export we recognise. Tell us which column holds what (name, cores and RAM are needed).`,
  mappingMissing: (fields: string) => `Choose a column for ${fields}.`,
  workbookInventoryNone: "This workbook has no TCO Inventory table yet.",

  /** Platform. */
  platformOffer: (label: string, changes: number) =>
    changes === 0
      ? `Your values already match the ${label} defaults.`
      : `Load the ${label} defaults for host hardware, licence prices and running costs? ${plural(changes, "value")} would change; your inventory, options and finance inputs stay.`,
  platformLoaded: (label: string, changes: number) =>
    `Loaded the ${label} defaults (${plural(changes, "value")} changed).`,

  /** Preview. */
  previewWaiting: "The preview appears when every input is valid.",
  previewStale: "Preview paused until the inputs are fixed; it shows the last valid result.",
  previewCalculating: "Updating preview…",
  previewFailed: (message: string) => `The preview could not be calculated: ${message}`,
  engineMissing: (what: string) => `${what} is not available in this build yet.`,
  paybackNever: "not within the horizon",
  paybackMonths: (m: number) => (m < 0.05 ? "immediately" : `${m.toFixed(1)} months`),
  notEligible: "not possible",

  /** Generate. */
  generateExcel: "Generate report",
  generateBrowser: "Download .xlsx",
  writingSheet: (sheet: string, index: number, total: number) =>
    `Writing ${sheet} (${index} of ${total})…`,
  writingStart: "Preparing the report…",
  buildingFile: "Building the .xlsx file…",
  writtenExcel: (sheets: number, open: string) =>
    `Report written to ${plural(sheets, "sheet")} — open ${open}`,
  downloaded: (file: string, sheets: number) => `Downloaded ${file} (${plural(sheets, "sheet")}).`,
  writeFailed: (message: string) => `The report was not written: ${message}`,
  openSheet: (sheet: string) => `Open ${sheet}`,

  /** Scenario files and workbook. */
  scenarioExported: (file: string) => `Saved the scenario as ${file}.`,
  scenarioImported: (file: string) => `Loaded ${file}.`,
  scenarioImportedWithIssues: (file: string, n: number) =>
    `Loaded ${file}; ${plural(n, "input")} need fixing.`,
  scenarioNotJson: (file: string) =>
    `${file} is not a JSON scenario file (it could not be read as JSON).`,
  workbookLoaded: "Loaded the inputs from TCO Inputs.",
  workbookReloaded: "The sheets changed: inputs reloaded from TCO Inputs and TCO Inventory.",
  workbookInvalid: (problems: readonly string[]) =>
    `The TCO sheets have ${plural(problems.length, "problem")}, so the pane keeps its own inputs: ${problems.slice(0, 3).join(" ")}${problems.length > 3 ? " …" : ""}`,
  sheetChangedWhileEditing:
    "TCO Inputs changed in the sheet while you have unsaved changes here; your changes stay, and Generate asks which inputs to keep.",
  bothEdited:
    "Both the TCO Inputs sheet and this pane have changes since the inputs were loaded. Load the sheet's inputs (your changes here are lost), or overwrite the sheet with the pane's inputs.",
  sheetInvalidBeforeWrite: (problems: readonly string[]) =>
    `TCO Inputs has ${plural(problems.length, "problem")} (${problems.slice(0, 2).join(" ")}${problems.length > 2 ? " …" : ""}). Fix them in the sheet and load its inputs, or overwrite the sheet with the pane's inputs.`,
  reloadFromSheet: "Load the sheet's inputs",
  overwriteSheet: "Overwrite them with the pane's inputs",
  workbookReadFailed: (message: string) =>
    `Could not read the inputs from the workbook: ${message}`,
  defaultsLoaded: (label: string) =>
    `Started from the ${label} defaults with an example inventory.`,
  exampleLoaded: (name: string) => `Loaded the example “${name}”.`,
} as const;
