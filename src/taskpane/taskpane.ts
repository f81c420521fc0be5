/**
 * Task pane entry: holds the state, turns user actions into events, runs the effects
 * (debounced preview, imports, report writing, workbook sync) and renders after each event.
 *
 * Performance marks for the benchmark: `hvtco:first-render` (the first preview on screen),
 * one `hvtco:recompute` measure per preview (analysis + redraw after an input change) and one
 * `hvtco:input` measure per keystroke in a field (validation + DOM patch, before the debounce).
 */
import {
  DEFAULT_PLATFORM,
  defaultScenarioJson,
  defaultSections,
  scenarioToJson,
  type Scenario,
} from "../scenario";
import { importDefaultsFrom } from "../inventory/importDefaults";
import { isPlatformId } from "../platform";
import type { ImportOptions, ImportResult, WorkbookData } from "../inventory/types";
import { SHEETS } from "../report/sheetLayout";
import { draftToText, fileSlug, type Draft } from "./draft";
import { downloadReport, fileBytes, fileText, saveFile } from "./download";
import {
  analyzeForPreview,
  buildWorkbookPlan,
  importInventory,
  importWithColumnMapping,
  readInventoryFile,
  suggestColumnMapping,
} from "./engine";
import { platformLabel } from "./form";
import { PANE_MESSAGES } from "./messages";
import {
  activateSheet,
  detectHost,
  officeErrorMessage,
  readInventorySheet,
  readWorkbookScenario,
  watchInputSheets,
  watchSheetsAdded,
  writePlanToWorkbook,
} from "./office";
import { pastedWorkbook } from "./paste";
import { toPreview } from "./preview";
import { createRenderer, type Actions } from "./render";
import { initialState, reduce, type Notice, type PaneEvent, type PaneState } from "./state";

/** Debounce of the live preview after typing, ms. */
export const PREVIEW_DEBOUNCE_MS = 250;
/** Debounce of reloading the inputs after the sheets changed, ms. */
const WORKBOOK_RELOAD_MS = 600;
const STORAGE_KEY = "hvtco.draft.v1";

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const info = (text: string): Notice => ({ text, tone: "info" });

function storedDraft(): Draft | null {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY);
    if (!text) return null;
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Draft)
      : null;
  } catch {
    return null;
  }
}

function storeDraft(draft: Draft): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the pane still works, it just forgets on reload.
  }
}

/** What the inventory importer assumes when a file is silent: the draft's own defaults. */
function importOptions(draft: Draft): ImportOptions {
  const section = (key: string): object => {
    const v = draft[key];
    return typeof v === "object" && v !== null ? v : {};
  };
  const fallback = defaultSections(DEFAULT_PLATFORM);
  const physical = { ...fallback.physical, ...section("physical") };
  const host = { ...fallback.host, ...section("host") };
  return { defaults: importDefaultsFrom({ physical, host }) };
}

/** Start the pane in `root`. */
export function startPane(root: HTMLElement): void {
  let state: PaneState = initialState(defaultScenarioJson(DEFAULT_PLATFORM));
  let render: (s: PaneState) => void = () => undefined;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let storeTimer: ReturnType<typeof setTimeout> | undefined;
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  let firstRenderMarked = false;
  const watched = new Set<string>();

  const dispatch = (event: PaneEvent): void => {
    const typed = event.type === "fieldEdited" || event.type === "inventoryCellEdited";
    if (typed) performance.mark("hvtco:input-start");
    const before = state;
    state = reduce(state, event);
    if (state === before) return;
    render(state);
    afterChange(before, state);
    if (typed) performance.measure("hvtco:input", "hvtco:input-start");
  };

  /** Effects that follow from a state change: the debounced preview and local storage. */
  const afterChange = (before: PaneState, after: PaneState): void => {
    if (
      after.revision !== before.revision ||
      (after.phase === "calculating" && before.phase === "idle")
    ) {
      clearTimeout(previewTimer);
      if (after.validation.ok && after.host.kind !== "pending") {
        const revision = after.revision;
        const scenario = after.validation.scenario;
        const delay =
          after.loadGeneration !== before.loadGeneration || before.phase === "idle"
            ? 0
            : PREVIEW_DEBOUNCE_MS;
        previewTimer = setTimeout(() => runPreview(revision, scenario), delay);
      }
      if (after.host.kind === "browser") {
        clearTimeout(storeTimer);
        storeTimer = setTimeout(() => storeDraft(state.draft), 500);
      }
    }
  };

  const runPreview = (revision: number, scenario: Scenario): void => {
    if (revision !== state.revision) return;
    performance.mark("hvtco:recompute-start");
    let event: PaneEvent;
    try {
      event = {
        type: "previewComputed",
        revision,
        preview: toPreview(analyzeForPreview(scenario)),
      };
    } catch (e) {
      event = { type: "previewFailed", revision, message: errorText(e) };
    }
    dispatch(event);
    performance.mark("hvtco:recompute-end");
    performance.measure("hvtco:recompute", "hvtco:recompute-start", "hvtco:recompute-end");
    if (!firstRenderMarked && event.type === "previewComputed") {
      firstRenderMarked = true;
      performance.mark("hvtco:first-render");
    }
  };

  // ---------------------------------------------------------------------------------------
  // Imports.

  const handleImport = async (
    what: string,
    data: WorkbookData | null,
    run: () => Promise<ImportResult>
  ): Promise<void> => {
    try {
      const result = await run();
      if (result.ok) {
        dispatch({
          type: "importRead",
          review: { source: what, rows: result.rows, report: result.report },
        });
        return;
      }
      const candidate = result.failure.candidates?.[0];
      if (result.failure.code === "no-known-header" && candidate && data) {
        const { mapping, units } = await suggestColumnMapping(candidate);
        dispatch({
          type: "mappingNeeded",
          step: { fileName: what, data, candidate, mapping, units },
        });
        return;
      }
      dispatch({
        type: "importFailed",
        message: PANE_MESSAGES.importFailed(what, result.failure.message),
      });
    } catch (e) {
      dispatch({ type: "importFailed", message: PANE_MESSAGES.importFailed(what, errorText(e)) });
    }
  };

  const importFile = async (file: File): Promise<void> => {
    dispatch({ type: "importStarted", what: file.name });
    try {
      const read = await readInventoryFile(await fileBytes(file), file.name);
      if (!read.ok) {
        dispatch({
          type: "importFailed",
          message: PANE_MESSAGES.importFailed(file.name, read.failure.message),
        });
        return;
      }
      await handleImport(file.name, read.data, () =>
        importInventory(read.data, importOptions(state.draft))
      );
    } catch (e) {
      dispatch({
        type: "importFailed",
        message: PANE_MESSAGES.importFailed(file.name, errorText(e)),
      });
    }
  };

  // ---------------------------------------------------------------------------------------
  // Scenario files, starting points, the workbook.

  const loadJsonText = (text: string, source: string): void => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      dispatch({
        type: "noticed",
        notice: { text: PANE_MESSAGES.scenarioNotJson(source), tone: "error" },
      });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      dispatch({
        type: "noticed",
        notice: { text: PANE_MESSAGES.scenarioNotJson(source), tone: "error" },
      });
      return;
    }
    dispatch({ type: "draftLoaded", draft: value as Draft, notice: null });
    const issues = state.validation.ok ? 0 : state.validation.issues.length;
    dispatch({
      type: "noticed",
      notice:
        issues === 0
          ? { text: PANE_MESSAGES.scenarioImported(source), tone: "success" }
          : { text: PANE_MESSAGES.scenarioImportedWithIssues(source, issues), tone: "warning" },
    });
  };

  const loadStart = async (choice: string): Promise<void> => {
    const [kind, id] = choice.split(":");
    if (kind === "defaults" && id && isPlatformId(id)) {
      dispatch({
        type: "draftLoaded",
        draft: defaultScenarioJson(id),
        notice: { text: PANE_MESSAGES.defaultsLoaded(platformLabel(id)), tone: "success" },
      });
      return;
    }
    if (kind === "example" && id) {
      try {
        const response = await fetch(`examples/${id}.json`, { cache: "no-cache" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        loadJsonText(await response.text(), `${id}.json`);
      } catch (e) {
        dispatch({
          type: "noticed",
          notice: { text: `Could not load the example ${id}: ${errorText(e)}`, tone: "error" },
        });
      }
    }
  };

  /** The scenario (JSON text) last loaded from or written to the workbook; null before either. */
  let baseline: string | null = null;
  /** The draft in the same normal form as `baseline`, or null while it is invalid. */
  const draftText = (): string | null =>
    state.validation.ok ? JSON.stringify(scenarioToJson(state.validation.scenario)) : null;
  const paneHasOwnEdits = (): boolean => baseline !== null && draftText() !== baseline;

  /**
   * Load the workbook's inputs into the pane. Unless `force`, a pane holding edits of its own
   * keeps them (Generate then asks which to keep). Returns true when the workbook had inputs.
   */
  const reloadFromWorkbook = async (notice: string | null, force = false): Promise<boolean> => {
    try {
      const read = await readWorkbookScenario();
      if (!read.found) return false;
      if (read.json === null) {
        dispatch({
          type: "noticed",
          notice: { text: PANE_MESSAGES.workbookInvalid(read.problems), tone: "warning" },
        });
        return false;
      }
      const text = JSON.stringify(read.json);
      if (text === baseline && !force) return true;
      if (!force && paneHasOwnEdits()) {
        dispatch({
          type: "noticed",
          notice: { text: PANE_MESSAGES.sheetChangedWhileEditing, tone: "warning" },
        });
        return true;
      }
      baseline = text;
      dispatch({
        type: "draftLoaded",
        draft: read.json,
        notice: notice === null ? null : info(notice),
      });
      return true;
    } catch (e) {
      dispatch({
        type: "noticed",
        notice: { text: PANE_MESSAGES.workbookReadFailed(officeErrorMessage(e)), tone: "error" },
      });
      return false;
    }
  };

  /**
   * Before writing: which inputs win. The sheet unchanged since the pane loaded it → the
   * pane's; only the sheet changed → the sheet's (loaded into the pane first); both changed →
   * ask (null). Returns the scenario to write.
   */
  const settleInputs = async (
    scenario: Scenario
  ): Promise<{ readonly scenario: Scenario } | { readonly problem: string }> => {
    const read = await readWorkbookScenario();
    if (!read.found) return { scenario };
    if (read.json === null)
      return { problem: PANE_MESSAGES.sheetInvalidBeforeWrite(read.problems) };
    const sheet = JSON.stringify(read.json);
    if (sheet === baseline || sheet === draftText()) return { scenario };
    if (baseline !== null && !paneHasOwnEdits()) {
      baseline = sheet;
      dispatch({
        type: "draftLoaded",
        draft: read.json,
        notice: info(PANE_MESSAGES.workbookReloaded),
      });
      if (state.validation.ok) return { scenario: state.validation.scenario };
    }
    return { problem: PANE_MESSAGES.bothEdited };
  };

  /** A sheet changed: reload, debounced. Our own writes read back as the baseline, so they change nothing. */
  const onSheetChanged = (): void => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      if (state.phase === "writing") return onSheetChanged();
      void reloadFromWorkbook(PANE_MESSAGES.workbookReloaded);
    }, WORKBOOK_RELOAD_MS);
  };

  const watchSheets = async (): Promise<void> => {
    try {
      for (const name of await watchInputSheets(onSheetChanged, watched)) watched.add(name);
    } catch {
      // Listening is a convenience; the pane works without it.
    }
  };

  // ---------------------------------------------------------------------------------------
  // Generate.

  const generate = async (discardSheetEdits = false): Promise<void> => {
    if (!state.validation.ok) return;
    const scenario = state.validation.scenario;
    if (state.host.kind === "excel") {
      if (state.phase === "error") dispatch({ type: "resultDismissed" });
      dispatch({ type: "generateStarted", target: "workbook" });
      if (state.phase !== "writing") return;
      try {
        const settledInputs = discardSheetEdits ? { scenario } : await settleInputs(scenario);
        if ("problem" in settledInputs) {
          dispatch({
            type: "generateFailed",
            message: settledInputs.problem,
            code: "inputsEdited",
          });
          return;
        }
        const settled = settledInputs.scenario;
        const plan = await buildWorkbookPlan(settled);
        const outcome = await writePlanToWorkbook(
          plan,
          (p) => dispatch({ type: "writeProgress", ...p }),
          "discard"
        );
        if (!outcome.ok) {
          dispatch({ type: "generateFailed", message: outcome.message, code: outcome.code });
          return;
        }
        baseline = JSON.stringify(scenarioToJson(settled));
        const summary = plan.sheets.findIndex((s) => s.name === SHEETS.summary);
        const open = outcome.sheets[summary >= 0 ? summary : 0] ?? SHEETS.summary;
        const message = [
          PANE_MESSAGES.writtenExcel(outcome.sheets.length, open),
          ...outcome.notes,
        ].join(" ");
        dispatch({ type: "generateFinished", message, openSheet: open });
        // The sheets were recreated: their old change handlers went with them.
        watched.clear();
        void watchSheets();
      } catch (e) {
        dispatch({
          type: "generateFailed",
          message: PANE_MESSAGES.writeFailed(officeErrorMessage(e)),
          code: null,
        });
      }
      return;
    }
    if (state.phase === "error") dispatch({ type: "resultDismissed" });
    dispatch({ type: "generateStarted", target: "download" });
    if (state.phase !== "writing") return;
    const fileName = `${fileSlug(state.draft)}.xlsx`;
    try {
      const sheets = await downloadReport(scenario, fileName);
      dispatch({
        type: "generateFinished",
        message: PANE_MESSAGES.downloaded(fileName, sheets.length),
        openSheet: null,
      });
    } catch (e) {
      dispatch({
        type: "generateFailed",
        message: PANE_MESSAGES.writeFailed(errorText(e)),
        code: null,
      });
    }
  };

  // ---------------------------------------------------------------------------------------

  const actions: Actions = {
    edit: (path, value) => dispatch({ type: "fieldEdited", path, value }),
    choosePlatform: (platform) => dispatch({ type: "platformChosen", platform }),
    acceptPlatformDefaults: () => dispatch({ type: "platformDefaultsAccepted" }),
    dismissPlatformOffer: () => dispatch({ type: "platformOfferDismissed" }),
    editInventory: (row, key, value) => dispatch({ type: "inventoryCellEdited", row, key, value }),
    addRow: () => dispatch({ type: "inventoryRowAdded" }),
    removeRow: (row) => dispatch({ type: "inventoryRowRemoved", row }),
    page: (page) => dispatch({ type: "inventoryPageChosen", page }),
    importFile: (file) => void importFile(file),
    togglePaste: (open) => dispatch({ type: "pasteToggled", open }),
    readPaste: (text) => {
      const data = pastedWorkbook(text);
      if (!data) {
        dispatch({ type: "importFailed", message: PANE_MESSAGES.pasteEmpty });
        return;
      }
      dispatch({ type: "importStarted", what: "pasted rows" });
      void handleImport("Pasted rows", data, () =>
        importInventory(data, importOptions(state.draft))
      );
    },
    useWorkbookInventory: () => {
      dispatch({ type: "importStarted", what: SHEETS.inventory });
      void (async () => {
        try {
          const sheet = await readInventorySheet();
          if (!sheet) {
            dispatch({ type: "importFailed", message: PANE_MESSAGES.workbookInventoryNone });
            return;
          }
          const data: WorkbookData = { fileName: SHEETS.inventory, sheets: [sheet] };
          await handleImport(SHEETS.inventory, data, () =>
            importInventory(data, importOptions(state.draft))
          );
        } catch (e) {
          dispatch({
            type: "importFailed",
            message: PANE_MESSAGES.importFailed(SHEETS.inventory, officeErrorMessage(e)),
          });
        }
      })();
    },
    acceptImport: () => dispatch({ type: "importAccepted" }),
    cancelImport: () => dispatch({ type: "importCancelled" }),
    changeMapping: (field, header) => dispatch({ type: "mappingChanged", field, header }),
    changeUnits: (units) => dispatch({ type: "mappingUnitsChanged", units }),
    applyMapping: () => {
      const m = state.mapping;
      if (!m) return;
      dispatch({ type: "importStarted", what: m.fileName });
      void handleImport(m.fileName, null, () =>
        importWithColumnMapping(m.data, m.candidate, m.mapping, m.units, importOptions(state.draft))
      );
    },
    generate: (discardSheetEdits) => void generate(discardSheetEdits === true),
    reloadWorkbook: () =>
      void reloadFromWorkbook(PANE_MESSAGES.workbookLoaded, true).then((found) => {
        if (found) dispatch({ type: "resultDismissed" });
      }),
    openSheet: (sheet) => {
      activateSheet(sheet).catch((e: unknown) =>
        dispatch({ type: "noticed", notice: { text: officeErrorMessage(e), tone: "error" } })
      );
    },
    dismissResult: () => dispatch({ type: "resultDismissed" }),
    exportScenario: () => {
      const fileName = `${fileSlug(state.draft)}.json`;
      saveFile(draftToText(state.draft), fileName, "application/json");
      dispatch({
        type: "noticed",
        notice: { text: PANE_MESSAGES.scenarioExported(fileName), tone: "success" },
      });
    },
    importScenario: (file) => {
      fileText(file).then(
        (text) => loadJsonText(text, file.name),
        (e: unknown) => dispatch({ type: "noticed", notice: { text: errorText(e), tone: "error" } })
      );
    },
    loadStart: (choice) => void loadStart(choice),
    focus: (id) => dispatch({ type: "focusRequested", id }),
    removeUnknown: (path) => dispatch({ type: "unknownFieldRemoved", path }),
  };

  render = createRenderer(root, actions);
  render(state);

  void (async () => {
    const host = await detectHost();
    dispatch({ type: "hostDetected", host });
    if (host.kind === "excel") {
      const loaded = await reloadFromWorkbook(PANE_MESSAGES.workbookLoaded);
      if (!loaded) dispatch({ type: "draftLoaded", draft: state.draft, notice: null });
      if (host.listens) {
        await watchSheets();
        try {
          await watchSheetsAdded(() => void watchSheets());
        } catch {
          // Not essential.
        }
      }
      return;
    }
    dispatch({ type: "draftLoaded", draft: storedDraft() ?? state.draft, notice: null });
  })();
}

const root = document.getElementById("app");
if (root) startPane(root);
