/** Every text the Excel writer and reader show a user, in one place (tests pin them). */

export const EXCEL_MESSAGES = {
  cellEditMode:
    "Excel is waiting for you to finish editing a cell. Press Enter (or Esc) to leave the cell, then click Generate again.",
  cellEditModeRead:
    "Excel is waiting for you to finish editing a cell. Press Enter (or Esc) to leave the cell, then load the inputs again.",
  accessDenied:
    "Excel refused the change: the workbook structure or a sheet may be protected, or the file is read-only. Unprotect it (Review › Protect Workbook) or open an editable copy, then try again.",
  payloadTooLarge:
    "The report is too large for one request to Excel on the web (5 MB). Group identical servers into one row with a count, or build the report with the command line (hyperv-tco report) and open the file.",
  conflict: "Someone else changed the workbook while the report was being written. Try again.",
  itemAlreadyExists:
    "A sheet, table or name the report needs appeared while the report was being written. Try again.",
  apiNotFound:
    "This version of Excel lacks a feature the report needs (Excel API 1.9). Update Office, or use Excel on the web.",
  generic: (code: string, detail: string) =>
    `Excel could not write the report (${code}${detail ? `: ${detail}` : ""}).`,
  unchanged: "Your workbook was left as it was.",
  leftovers: (sheets: readonly string[]) =>
    `Some sheets this attempt created could not be removed (${sheets.join(", ")}); they are marked as the planner's and will be removed the next time you generate the report.`,
  partialSwap: (detail: string) =>
    `The new report was written, but replacing the old report's sheets did not finish (${detail}). Click Generate again to finish; your own sheets were not touched.`,
  cancelled: "Nothing was changed: the report was not written.",
  inputsEdited: (sheet: string, changes: readonly string[]) =>
    `You changed ${changes.length} input${changes.length === 1 ? "" : "s"} on ${sheet} (${changes.slice(0, 5).join("; ")}${changes.length > 5 ? "; …" : ""}). Load the inputs from the sheet before generating so the report uses them, or generate again choosing to discard your edits.`,
  inputChange: (cell: string, label: string, was: string, now: string) =>
    `${cell} ${label}: ${now} (report has ${was})`,
  formattingSkipped:
    "Some chart or print formatting is not supported by this version of Excel and was skipped; the numbers, formulas and charts are complete.",
  notFound: (sheets: readonly string[]) =>
    `The workbook has no ${sheets.join(" or ")} sheet from the planner. Generate the report first, or import a scenario file.`,
  readFailed: (code: string, detail: string) =>
    `Excel could not read the inputs (${code}${detail ? `: ${detail}` : ""}). Try again.`,
  ownerTagComment: "Marks a sheet the Hyper-V TCO Planner created and may replace. Do not edit.",
} as const;
