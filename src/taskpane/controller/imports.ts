/** Inventory imports: a file, pasted rows, the workbook's TCO Inventory table, a column mapping. */
import type { ImportResult, WorkbookData } from "../../inventory/types";
import { SHEETS } from "../../report/sheetLayout";
import { fileBytes } from "../download";
import {
  importInventory,
  importWithColumnMapping,
  readInventoryFile,
  suggestColumnMapping,
} from "../engine";
import { PANE_MESSAGES } from "../messages";
import { officeErrorMessage } from "../office";
import { readInventorySheet } from "../officeWorkbook";
import { pastedWorkbook } from "../paste";
import { importReview } from "../view/inventory/importReview";
import { registerImportViews } from "../view/inventory/importViews";
import { mappingStep } from "../view/inventory/mappingStep";
import { errorText, importOptions, type PaneStore } from "./store";

// The mapping and review views come with this controller (see importViews.ts).
registerImportViews({ importReview, mappingStep });

/** The import actions of the pane. */
export function inventoryImports(store: PaneStore) {
  const failed = (what: string, message: string): void =>
    store.dispatch({ type: "importFailed", message: PANE_MESSAGES.importFailed(what, message) });

  /** Run an import; an export we do not recognise opens the column mapping. */
  const handle = async (
    what: string,
    data: WorkbookData | null,
    run: () => Promise<ImportResult>
  ): Promise<void> => {
    try {
      const result = await run();
      if (result.ok) {
        store.dispatch({
          type: "importRead",
          review: { source: what, rows: result.rows, report: result.report },
        });
        return;
      }
      const candidate = result.failure.candidates?.[0];
      if (result.failure.code === "no-known-header" && candidate && data) {
        const { mapping, units } = await suggestColumnMapping(candidate);
        const step = { fileName: what, data, candidate, mapping, units };
        store.dispatch({ type: "mappingNeeded", step });
        return;
      }
      failed(what, result.failure.message);
    } catch (e) {
      failed(what, errorText(e));
    }
  };
  const fromSheets = (what: string, data: WorkbookData): Promise<void> =>
    handle(what, data, () => importInventory(data, importOptions(store.state.draft)));

  return {
    importFile: async (file: File): Promise<void> => {
      store.dispatch({ type: "importStarted", what: file.name });
      try {
        const read = await readInventoryFile(await fileBytes(file), file.name);
        if (read.ok) await fromSheets(file.name, read.data);
        else failed(file.name, read.failure.message);
      } catch (e) {
        failed(file.name, errorText(e));
      }
    },
    readPaste: (text: string): void => {
      const data = pastedWorkbook(text);
      if (!data) {
        store.dispatch({ type: "importFailed", message: PANE_MESSAGES.pasteEmpty });
        return;
      }
      store.dispatch({ type: "importStarted", what: "pasted rows" });
      void fromSheets("Pasted rows", data);
    },
    useWorkbookInventory: async (): Promise<void> => {
      store.dispatch({ type: "importStarted", what: SHEETS.inventory });
      try {
        const sheet = await readInventorySheet();
        if (!sheet) {
          store.dispatch({ type: "importFailed", message: PANE_MESSAGES.workbookInventoryNone });
          return;
        }
        await fromSheets(SHEETS.inventory, { fileName: SHEETS.inventory, sheets: [sheet] });
      } catch (e) {
        failed(SHEETS.inventory, officeErrorMessage(e));
      }
    },
    applyMapping: (): void => {
      const m = store.state.mapping;
      if (!m) return;
      store.dispatch({ type: "importStarted", what: m.fileName });
      void handle(m.fileName, null, () =>
        importWithColumnMapping(
          m.data,
          m.candidate,
          m.mapping,
          m.units,
          importOptions(store.state.draft)
        )
      );
    },
  };
}
