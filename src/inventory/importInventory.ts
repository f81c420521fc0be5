/**
 * `importInventory(workbook, options)`: recognise the export by its headers (never by column
 * position), read it, and return inventory rows in the scenario's JSON form with a report —
 * or one clear failure and nothing imported. Pure: no fs, process, Office or DOM.
 */
import { assemble, type ReadOutcome } from "./assemble";
import { cellText, firstNonBlankRow, type HeaderIndex } from "./cells";
import { dataRows, type Aliases } from "./locate";
import { MESSAGES } from "./messages";
import {
  AZURE_MIGRATE_REQUIRED,
  locateAzureMigrate,
  readAzureMigrate,
} from "./formats/azureMigrate";
import { locateOwnFormat, readOwnFormat } from "./formats/generic";
import { LIVE_OPTICS_REQUIRED, locateLiveOptics, readLiveOptics } from "./formats/liveOptics";
import {
  locateMapInventory,
  locateMapPerformance,
  MAP_INVENTORY_REQUIRED,
  MAP_PERFORMANCE_COLUMNS,
  readMap,
} from "./formats/map";
import { locateRvtools, readRvtools, RVTOOLS_REQUIRED } from "./formats/rvtools";
import type {
  FailureCode,
  HeaderCandidate,
  ImportOptions,
  ImportResult,
  WorkbookData,
} from "./types";

interface FormatSpec {
  /** How the format is named in messages. */
  readonly label: string;
  readonly locate: (wb: WorkbookData) => HeaderIndex | null;
  readonly required: (wb: WorkbookData) => readonly { label: string; aliases: Aliases }[];
  readonly read: (wb: WorkbookData, index: HeaderIndex, options: ImportOptions) => ReadOutcome;
}

/** Checked in this order: the most specific signatures first. */
const FORMATS: readonly FormatSpec[] = [
  {
    label: "a Live Optics VMs sheet",
    locate: locateLiveOptics,
    required: () => LIVE_OPTICS_REQUIRED,
    read: readLiveOptics,
  },
  {
    label: "RVTools vInfo",
    locate: locateRvtools,
    required: () => RVTOOLS_REQUIRED,
    read: readRvtools,
  },
  {
    label: "a MAP performance report",
    locate: locateMapPerformance,
    // Without an inventory sheet to join, the performance sheet must carry cores and memory itself.
    required: (wb) =>
      locateMapInventory(wb)
        ? [{ label: "Machine Name", aliases: MAP_PERFORMANCE_COLUMNS.name }]
        : [
            { label: "Machine Name", aliases: MAP_PERFORMANCE_COLUMNS.name },
            { label: "Cores", aliases: MAP_PERFORMANCE_COLUMNS.cores },
            { label: "Memory (MB)", aliases: MAP_PERFORMANCE_COLUMNS.memory },
          ],
    read: (wb, index, options) => {
      const inv = locateMapInventory(wb);
      return readMap(wb, index, inv && inv.sheet !== index.sheet ? inv : null, options);
    },
  },
  {
    label: "a MAP inventory report",
    locate: locateMapInventory,
    required: () => MAP_INVENTORY_REQUIRED,
    read: (wb, index, options) => readMap(wb, null, index, options),
  },
  {
    label: "an Azure Migrate import file",
    locate: locateAzureMigrate,
    required: () => AZURE_MIGRATE_REQUIRED,
    read: readAzureMigrate,
  },
  {
    label: "this add-in's inventory",
    locate: locateOwnFormat,
    required: () => [],
    read: readOwnFormat,
  },
];

const fail = (
  code: FailureCode,
  message: string,
  candidates?: readonly HeaderCandidate[]
): ImportResult => ({
  ok: false,
  failure: candidates === undefined ? { code, message } : { code, message, candidates },
});

/** Import a workbook (or CSV read as one sheet): rows for the scenario and the import report. */
export function importInventory(workbook: WorkbookData, options: ImportOptions): ImportResult {
  const nonEmpty = workbook.sheets.filter((s) => firstNonBlankRow(s) >= 0);
  if (nonEmpty.length === 0)
    return fail("empty-sheet", MESSAGES.emptySheets(workbook.sheets.map((s) => s.name)));

  for (const format of FORMATS) {
    const index = format.locate(workbook);
    if (index === null) continue;
    const missing = format.required(workbook).filter((r) => index.get(r.aliases) === undefined);
    if (missing.length > 0) {
      return fail(
        "missing-columns",
        MESSAGES.missingColumns(
          index.sheet.name,
          format.label,
          missing.map((m) => m.label),
          format.required(workbook).map((m) => m.label)
        )
      );
    }
    if (dataRows(index).length === 0)
      return fail("no-data-rows", MESSAGES.noDataRows(index.sheet.name, format.label));
    const read = format.read(workbook, index, options);
    return assemble({ ...read, fileName: workbook.fileName ?? null }, options);
  }

  const candidates: HeaderCandidate[] = nonEmpty.map((sheet) => {
    const row = firstNonBlankRow(sheet);
    return {
      sheet: sheet.name,
      headerRow: row + 1,
      headers: (sheet.rows[row] ?? []).map((c) => cellText(c)),
    };
  });
  return fail("no-known-header", MESSAGES.noKnownHeader, candidates);
}
