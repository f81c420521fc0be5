/** Generate: write the report into the open workbook (in Excel), or download it as .xlsx; and download the slides. */
import { SHEETS } from "../../report/sheetLayout";
import { fileSlug } from "../draft";
import { downloadReport, downloadSlides } from "../download";
import { buildWorkbookPlan } from "../engine";
import { PANE_MESSAGES } from "../messages";
import { officeErrorMessage } from "../office";
import { writePlanToWorkbook } from "../officeWorkbook";
import { errorText, type PaneStore } from "./store";
import type { WorkbookSync } from "./workbook";

export function reportGeneration(store: PaneStore, workbook: WorkbookSync) {
  const failed = (message: string, code: string | null = null): void =>
    store.dispatch({ type: "generateFailed", message, code });

  /** Start writing; false when the reducer refused (nothing to write, or already writing). */
  const start = (target: "workbook" | "download"): boolean => {
    if (store.state.phase === "error") store.dispatch({ type: "resultDismissed" });
    store.dispatch({ type: "generateStarted", target });
    return store.state.phase === "writing";
  };

  const intoWorkbook = async (discardSheetEdits: boolean): Promise<void> => {
    if (!store.state.validation.ok || !start("workbook")) return;
    const scenario = store.state.validation.scenario;
    try {
      const settled = discardSheetEdits ? { scenario } : await workbook.settle(scenario);
      if ("problem" in settled) return failed(settled.problem, "inputsEdited");
      const plan = await buildWorkbookPlan(settled.scenario);
      const outcome = await writePlanToWorkbook(
        plan,
        (p) => store.dispatch({ type: "writeProgress", ...p }),
        "discard"
      );
      if (!outcome.ok) return failed(outcome.message, outcome.code);
      const summary = plan.sheets.findIndex((s) => s.name === SHEETS.summary);
      const open = outcome.sheets[summary >= 0 ? summary : 0] ?? SHEETS.summary;
      const message = [PANE_MESSAGES.writtenExcel(outcome.sheets.length, open), ...outcome.notes];
      store.dispatch({ type: "generateFinished", message: message.join(" "), openSheet: open });
      // The sheets were recreated: their old change handlers went with them.
      workbook.written(settled.scenario);
    } catch (e) {
      failed(PANE_MESSAGES.writeFailed(officeErrorMessage(e)));
    }
  };

  const download = async (): Promise<void> => {
    if (!store.state.validation.ok || !start("download")) return;
    const fileName = `${fileSlug(store.state.draft)}.xlsx`;
    try {
      const sheets = await downloadReport(store.state.validation.scenario, fileName);
      store.dispatch({
        type: "generateFinished",
        message: PANE_MESSAGES.downloaded(fileName, sheets.length),
        openSheet: null,
      });
    } catch (e) {
      failed(PANE_MESSAGES.writeFailed(errorText(e)));
    }
  };

  return (discardSheetEdits: boolean): Promise<void> =>
    store.state.host.kind === "excel" ? intoWorkbook(discardSheetEdits) : download();
}

/** Download the management slides (.pptx), in Excel and in a browser alike. */
export function slidesDownload(store: PaneStore) {
  return async (): Promise<void> => {
    if (store.state.phase === "error") store.dispatch({ type: "resultDismissed" });
    store.dispatch({ type: "generateStarted", target: "slides" });
    if (store.state.phase !== "writing" || !store.state.validation.ok) return;
    const fileName = `${fileSlug(store.state.draft)}.pptx`;
    try {
      const slides = await downloadSlides(store.state.validation.scenario, fileName);
      store.dispatch({
        type: "generateFinished",
        message: PANE_MESSAGES.slidesDownloaded(fileName, slides),
        openSheet: null,
      });
    } catch (e) {
      store.dispatch({
        type: "generateFailed",
        message: PANE_MESSAGES.writeFailed(errorText(e)),
        code: null,
      });
    }
  };
}
