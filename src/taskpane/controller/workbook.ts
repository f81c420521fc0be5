/**
 * Keeping the pane and the workbook's TCO Inputs in step: load the sheet's inputs, decide
 * which inputs win before a write, and reload (debounced) when the user edits the sheets.
 */
import { scenarioToJson, type Scenario } from "../../scenario";
import { PANE_MESSAGES } from "../messages";
import { officeErrorMessage } from "../office";
import {
  activateSheet,
  readWorkbookScenario,
  watchInputSheets,
  watchSheetsAdded,
} from "../officeWorkbook";
import { info, type PaneStore } from "./store";

/** Debounce of reloading the inputs after the sheets changed, ms. */
const WORKBOOK_RELOAD_MS = 600;

/**
 * The inputs as the sheets hold them, as text: without the import's provenance (`imported`),
 * which TCO Inputs does not store — an imported inventory alone is no edit of the pane's.
 */
function inputsText(json: Record<string, unknown>): string {
  return JSON.stringify(json, (key, value: unknown) =>
    key === "imported" && value !== null && typeof value === "object" ? undefined : value
  );
}

export function workbookSync(store: PaneStore) {
  /** The scenario (JSON text) last loaded from or written to the workbook; null before either. */
  let baseline: string | null = null;
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const watched = new Set<string>();
  /** The draft in the same normal form as `baseline`, or null while it is invalid. */
  const draftText = (): string | null =>
    store.state.validation.ok ? inputsText(scenarioToJson(store.state.validation.scenario)) : null;
  const paneHasOwnEdits = (): boolean => baseline !== null && draftText() !== baseline;
  /** The sheet's inputs with the pane's import provenance kept (the assumptions register lists it). */
  const withProvenance = (json: Record<string, unknown>): Record<string, unknown> => {
    const imported = store.state.draft["imported"];
    return imported === undefined || "imported" in json ? json : { ...json, imported };
  };
  const notice = (text: string, tone: "warning" | "error"): void =>
    store.dispatch({ type: "noticed", notice: { text, tone } });

  /**
   * Load the workbook's inputs into the pane. Unless `force`, a pane holding edits of its own
   * keeps them (Generate then asks which to keep). Returns true when the workbook had inputs.
   */
  const reload = async (message: string | null, force = false): Promise<boolean> => {
    try {
      const read = await readWorkbookScenario();
      if (!read.found) return false;
      if (read.json === null) {
        notice(PANE_MESSAGES.workbookInvalid(read.problems), "warning");
        return false;
      }
      const text = inputsText(read.json);
      if (text === baseline && !force) return true;
      if (!force && paneHasOwnEdits()) {
        notice(PANE_MESSAGES.sheetChangedWhileEditing, "warning");
        return true;
      }
      baseline = text;
      store.dispatch({
        type: "draftLoaded",
        draft: withProvenance(read.json),
        notice: message === null ? null : info(message),
      });
      return true;
    } catch (e) {
      notice(PANE_MESSAGES.workbookReadFailed(officeErrorMessage(e)), "error");
      return false;
    }
  };

  /**
   * Before writing: which inputs win. The sheet unchanged since the pane loaded it → the
   * pane's; only the sheet changed → the sheet's (loaded into the pane first); both changed →
   * a problem to ask the user about. Returns the scenario to write.
   */
  const settle = async (
    scenario: Scenario
  ): Promise<{ readonly scenario: Scenario } | { readonly problem: string }> => {
    const read = await readWorkbookScenario();
    if (!read.found) return { scenario };
    if (read.json === null)
      return { problem: PANE_MESSAGES.sheetInvalidBeforeWrite(read.problems) };
    const sheet = inputsText(read.json);
    if (sheet === baseline || sheet === draftText()) return { scenario };
    if (baseline !== null && !paneHasOwnEdits()) {
      baseline = sheet;
      store.dispatch({
        type: "draftLoaded",
        draft: withProvenance(read.json),
        notice: info(PANE_MESSAGES.workbookReloaded),
      });
      if (store.state.validation.ok) return { scenario: store.state.validation.scenario };
    }
    return { problem: PANE_MESSAGES.bothEdited };
  };

  /** A sheet changed: reload, debounced. Our own writes read back as the baseline, so they change nothing. */
  const onSheetChanged = (): void => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      if (store.state.phase === "writing") return onSheetChanged();
      void reload(PANE_MESSAGES.workbookReloaded);
    }, WORKBOOK_RELOAD_MS);
  };

  const watch = async (): Promise<void> => {
    try {
      for (const name of await watchInputSheets(onSheetChanged, watched)) watched.add(name);
    } catch {
      // Listening is a convenience; the pane works without it.
    }
  };

  return {
    reload,
    /** Open a sheet (the one a finished report points to). */
    open: (sheet: string): Promise<void> => activateSheet(sheet),
    settle,
    /** After a write: the written scenario is the new baseline; the new sheets need listeners. */
    written: (scenario: Scenario): void => {
      baseline = inputsText(scenarioToJson(scenario));
      watched.clear();
      void watch();
    },
    /** Listen to the input sheets, and to sheets added later. */
    listen: async (): Promise<void> => {
      await watch();
      try {
        await watchSheetsAdded(() => void watch());
      } catch {
        // Not essential.
      }
    },
  };
}

export type WorkbookSync = ReturnType<typeof workbookSync>;
