/**
 * Task pane entry: holds the state, turns user actions into events, renders the state after
 * each event (`view/pane.ts`) and runs the effects — the debounced preview, the charts and
 * focus after a render, local storage, and through `controller/` imports, report writing and
 * workbook sync.
 *
 * Performance marks for the benchmark: `hvtco:first-render` (the first preview on screen),
 * one `hvtco:recompute` measure per preview (analysis + redraw after an input change), within
 * it one `hvtco:analysis` measure (the analysis and its preview data alone), and one
 * `hvtco:input` measure per keystroke in a field (validation + DOM update, before the debounce).
 */
import { DEFAULT_PLATFORM, defaultScenarioJson, type Scenario } from "../scenario";
import { drawCharts } from "./chartsLoader";
import { errorText, type PaneStore } from "./controller/store";
import type { WorkbookSync } from "./controller/workbook";
import type { Draft } from "./draft";
import { loadPreviewEngine } from "./engine";
import { PANE_MESSAGES } from "./messages";
import { onDemand } from "./onDemand";
import { detectHost, officeErrorMessage } from "./office";
import { chartSeries } from "./preview";
import { initialState, reduce, type PaneEvent, type PaneState } from "./state";
import type { Actions } from "./view/actions";
import { loadDetails } from "./view/lazyDetails";
import { renderPane } from "./view/pane";

/** Debounce of the live preview after typing, ms. */
export const PREVIEW_DEBOUNCE_MS = 250;
const STORAGE_KEY = "hvtco.draft.v1";

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

/** Move focus to a control, opening the disclosures around it. */
function focusControl(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  for (let p: HTMLElement | null = target; p; p = p.parentElement)
    if (p instanceof HTMLDetailsElement && !p.open) p.open = true;
  const focusable =
    target instanceof HTMLFieldSetElement
      ? target.querySelector<HTMLInputElement>("input")
      : target;
  focusable?.focus();
  focusable?.scrollIntoView({ block: "center" });
}

/** Effects of a render on what the templates do not hold: the chart canvases and focus. */
function afterRender(before: PaneState | null, after: PaneState): void {
  const p = after.preview;
  if (p && p !== before?.preview) {
    const canvas = (id: string) => document.getElementById(id) as HTMLCanvasElement;
    drawCharts(
      {
        hosts: canvas("chart-hosts"),
        tco: canvas("chart-tco"),
        payback: canvas("chart-payback"),
        paybackReadout: document.getElementById("chart-payback-readout") as HTMLElement,
      },
      chartSeries(p)
    );
  }
  const focus = after.focus;
  if (focus && focus !== before?.focus) requestAnimationFrame(() => focusControl(focus.id));
}

/** The pane's actions: events for the reducer, or the controllers' effects. */
function paneActions(store: PaneStore, workbook: () => Promise<WorkbookSync>): Actions {
  const d = (event: PaneEvent): void => store.dispatch(event);
  const importer = onDemand(() =>
    import(/* webpackChunkName: "pane-actions" */ "./controller/imports").then((m) =>
      m.inventoryImports(store)
    )
  );
  const scenarioFiles = onDemand(() =>
    import(/* webpackChunkName: "pane-actions" */ "./controller/scenarioFiles").then((m) =>
      m.scenarioFiles(store)
    )
  );
  const generator = onDemand(() =>
    Promise.all([
      import(/* webpackChunkName: "pane-actions" */ "./controller/generate"),
      workbook(),
    ]).then(([m, sync]) => m.reportGeneration(store, sync))
  );
  const imports = {
    importFile: (file: File) => void importer().then((i) => i.importFile(file)),
    readPaste: (text: string) => void importer().then((i) => i.readPaste(text)),
    useWorkbookInventory: () => void importer().then((i) => i.useWorkbookInventory()),
    applyMapping: () => void importer().then((i) => i.applyMapping()),
  };
  const files = {
    exportScenario: () => void scenarioFiles().then((f) => f.exportScenario()),
    importScenario: (file: File) => void scenarioFiles().then((f) => f.importScenario(file)),
    loadStart: (choice: string) => scenarioFiles().then((f) => f.loadStart(choice)),
  };
  const generate = (discard: boolean) => generator().then((g) => g(discard));
  const slides = onDemand(() =>
    import(/* webpackChunkName: "pane-actions" */ "./controller/generate").then((m) =>
      m.slidesDownload(store)
    )
  );
  return {
    send: d,
    edit: (path, value) => d({ type: "fieldEdited", path, value }),
    choosePlatform: (platform) => d({ type: "platformChosen", platform }),
    acceptPlatformDefaults: () => d({ type: "platformDefaultsAccepted" }),
    dismissPlatformOffer: () => d({ type: "platformOfferDismissed" }),
    editInventory: (row, key, value) => d({ type: "inventoryCellEdited", row, key, value }),
    addRow: () => d({ type: "inventoryRowAdded" }),
    removeRow: (row) => d({ type: "inventoryRowRemoved", row }),
    page: (page) => d({ type: "inventoryPageChosen", page }),
    importFile: imports.importFile,
    togglePaste: (open) => d({ type: "pasteToggled", open }),
    readPaste: (text) => imports.readPaste(text),
    useWorkbookInventory: imports.useWorkbookInventory,
    acceptImport: () => d({ type: "importAccepted" }),
    cancelImport: () => d({ type: "importCancelled" }),
    changeMapping: (field, header) => d({ type: "mappingChanged", field, header }),
    changeUnits: (units) => d({ type: "mappingUnitsChanged", units }),
    applyMapping: () => imports.applyMapping(),
    generate: (discardSheetEdits) => void generate(discardSheetEdits === true),
    downloadSlides: () => void slides().then((download) => download()),
    loadDetails: () => void loadDetails().then(() => d({ type: "detailsLoaded" })),
    reloadWorkbook: () =>
      void workbook()
        .then((w) => w.reload(PANE_MESSAGES.workbookLoaded, true))
        .then((found) => {
          if (found) d({ type: "resultDismissed" });
        }),
    openSheet: (sheet) => {
      workbook()
        .then((w) => w.open(sheet))
        .catch((e: unknown) =>
          d({ type: "noticed", notice: { text: officeErrorMessage(e), tone: "error" } })
        );
    },
    dismissResult: () => d({ type: "resultDismissed" }),
    exportScenario: () => files.exportScenario(),
    importScenario: (file) => files.importScenario(file),
    loadStart: (choice) => void files.loadStart(choice),
    focus: (id) => d({ type: "focusRequested", id }),
    removeUnknown: (path) => d({ type: "unknownFieldRemoved", path }),
  };
}

/** Start the pane in `root`. */
export function startPane(root: HTMLElement): void {
  root.replaceChildren();
  root.removeAttribute("aria-live");
  // A new scenario starts today (the engine is pure: the pane passes the date).
  let state: PaneState = initialState(defaultScenarioJson(DEFAULT_PLATFORM, undefined, new Date()));
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let storeTimer: ReturnType<typeof setTimeout> | undefined;
  let firstRenderMarked = false;

  const store: PaneStore = {
    get state() {
      return state;
    },
    dispatch: (event) => {
      const typed = event.type === "fieldEdited" || event.type === "inventoryCellEdited";
      if (typed) performance.mark("hvtco:input-start");
      const before = state;
      state = reduce(state, event);
      if (state === before) return;
      renderPane(state, actions, root);
      afterRender(before, state);
      afterChange(before, state);
      if (typed) performance.measure("hvtco:input", "hvtco:input-start");
    },
  };

  /** A changed draft: the preview (debounced while typing) and, in a browser, local storage. */
  const afterChange = (before: PaneState, after: PaneState): void => {
    if (
      after.revision === before.revision &&
      !(after.phase === "calculating" && before.phase === "idle")
    )
      return;
    clearTimeout(previewTimer);
    if (after.validation.ok && after.host.kind !== "pending") {
      const { revision } = after;
      const scenario = after.validation.scenario;
      const now = after.loadGeneration !== before.loadGeneration || before.phase === "idle";
      previewTimer = setTimeout(
        () => void runPreview(revision, scenario),
        now ? 0 : PREVIEW_DEBOUNCE_MS
      );
    }
    if (after.host.kind === "browser") {
      clearTimeout(storeTimer);
      storeTimer = setTimeout(() => storeDraft(state.draft), 500);
    }
  };

  // The analysis loads after the first render (its own chunk), once; a preview asked before
  // it arrives waits for it, and a chunk that failed to load is this preview's failure.
  const previewEngine = onDemand(loadPreviewEngine);
  const runPreview = async (revision: number, scenario: Scenario): Promise<void> => {
    const loaded = await previewEngine().then(
      (previewOf) => ({ previewOf }),
      (failure: unknown) => ({ failure })
    );
    if (revision !== state.revision) return;
    performance.mark("hvtco:recompute-start");
    let event: PaneEvent;
    try {
      if (!("previewOf" in loaded)) throw loaded.failure;
      event = { type: "previewComputed", revision, preview: loaded.previewOf(scenario) };
      performance.measure("hvtco:analysis", "hvtco:recompute-start");
    } catch (e) {
      event = { type: "previewFailed", revision, message: errorText(e) };
    }
    store.dispatch(event);
    performance.mark("hvtco:recompute-end");
    performance.measure("hvtco:recompute", "hvtco:recompute-start", "hvtco:recompute-end");
    if (!firstRenderMarked && event.type === "previewComputed") {
      firstRenderMarked = true;
      performance.mark("hvtco:first-render");
    }
  };

  // Keeping the pane and the sheets in step matters only in Excel: loaded there, or when asked.
  const workbook = onDemand(() =>
    import(/* webpackChunkName: "pane-workbook" */ "./controller/workbook").then((m) =>
      m.workbookSync(store)
    )
  );
  const actions = paneActions(store, workbook);
  renderPane(state, actions, root);
  afterRender(null, state);

  void (async () => {
    const host = await detectHost();
    store.dispatch({ type: "hostDetected", host });
    if (host.kind === "excel") {
      const sync = await workbook();
      const loaded = await sync.reload(PANE_MESSAGES.workbookLoaded);
      if (!loaded) store.dispatch({ type: "draftLoaded", draft: state.draft, notice: null });
      if (host.listens) await sync.listen();
      return;
    }
    store.dispatch({ type: "draftLoaded", draft: storedDraft() ?? state.draft, notice: null });
  })();
}

const root = document.getElementById("app");
if (root) startPane(root);
