/**
 * The task pane's state (its types in `paneState.ts`: one union over its phases, idle |
 * editing | calculating | writing | done | error, each carrying the same context) and
 * `reduce(state, event)`, the only way it changes. Pure: no DOM, no
 * Office, no timers — `taskpane.ts` runs the effects and dispatches their results.
 */
import { suggestedBaseline } from "../inventory/types";
import { DEFAULT_PLATFORM, parseScenario, type Issue } from "../scenario";
import { isPlatformId } from "../platform";
import {
  addInventoryRow,
  inventoryOf,
  removeInventoryRow,
  setAt,
  setInventoryCell,
  withPlatformDefaults,
  type Draft,
} from "./draft";
import { platformLabel } from "./form";
import { PANE_MESSAGES } from "./messages";

export type {
  Context,
  GenerateTarget,
  HostMode,
  ImportReview,
  MappingStep,
  Notice,
  PaneEvent,
  PaneState,
  Phase,
} from "./paneState";
import type { Context, PaneEvent, PaneState } from "./paneState";

/** Rows per page of the inventory table. */
export const INVENTORY_PAGE_SIZE = 20;

/** The state before Office has answered: an empty draft, waiting. */
export function initialState(draft: Draft): PaneState {
  return {
    phase: "idle",
    host: { kind: "pending" },
    draft,
    revision: 0,
    validation: parseScenario(draft),
    preview: null,
    previewRevision: -1,
    previewError: null,
    inventoryPage: 0,
    pasteOpen: false,
    importBusy: null,
    importError: null,
    importReview: null,
    mapping: null,
    platformOffer: null,
    notice: null,
    focus: null,
    loadGeneration: 0,
    replacedRevision: 0,
    detailOption: null,
    detailsLoaded: false,
  };
}

/** Validation issues of the current draft (empty when valid). */
export function issuesOf(state: PaneState): readonly Issue[] {
  return state.validation.ok ? [] : state.validation.issues;
}

/** True when the report can be generated now. */
export function canGenerate(state: PaneState): boolean {
  return (
    state.validation.ok &&
    state.host.kind !== "pending" &&
    state.phase !== "writing" &&
    state.phase !== "idle"
  );
}

/** The fields every phase carries (the phase-specific ones are dropped by `contextOf`). */
const CONTEXT_KEYS = [
  "host",
  "draft",
  "revision",
  "validation",
  "preview",
  "previewRevision",
  "previewError",
  "inventoryPage",
  "pasteOpen",
  "importBusy",
  "importError",
  "importReview",
  "mapping",
  "platformOffer",
  "notice",
  "focus",
  "loadGeneration",
  "replacedRevision",
  "detailOption",
  "detailsLoaded",
] as const satisfies readonly (keyof Context)[];
/** Compile-time check that CONTEXT_KEYS lists every field of Context. */
const EVERY_CONTEXT_KEY: [Exclude<keyof Context, (typeof CONTEXT_KEYS)[number]>] extends [never]
  ? true
  : never = true;
void EVERY_CONTEXT_KEY;

/** The context of a state without its phase fields. */
function contextOf(state: PaneState): Context {
  const out: Partial<Record<keyof Context, unknown>> = {};
  for (const key of CONTEXT_KEYS) out[key] = state[key];
  return out as Context;
}

/** The phase after the draft changed: a writing pane keeps writing; otherwise a valid draft needs a new preview. */
function afterEdit(state: PaneState, ctx: Context): PaneState {
  if (state.phase === "writing") return { ...state, ...ctx };
  if (state.phase === "idle") return { ...ctx, phase: "idle" };
  return ctx.validation.ok ? { ...ctx, phase: "calculating" } : { ...ctx, phase: "editing" };
}

/** A new draft: revision bumped, validated, the inventory page kept in range. */
function withDraft(state: PaneState, draft: Draft, extra: Partial<Context> = {}): PaneState {
  const rows = inventoryOf(draft).length;
  const lastPage = Math.max(0, Math.ceil(rows / INVENTORY_PAGE_SIZE) - 1);
  const revision = state.revision + 1;
  const ctx: Context = {
    ...contextOf(state),
    draft,
    revision,
    validation: parseScenario(draft),
    inventoryPage: Math.min(state.inventoryPage, lastPage),
    ...extra,
    replacedRevision: extra.loadGeneration !== undefined ? revision : state.replacedRevision,
  };
  return afterEdit(state, ctx);
}

/** Events that change the draft: edits, loads, the platform's defaults, inventory rows. */
function reduceDraft(
  state: PaneState,
  event: Extract<
    PaneEvent,
    {
      readonly type:
        | "draftLoaded"
        | "fieldEdited"
        | "platformChosen"
        | "platformDefaultsAccepted"
        | "platformOfferDismissed"
        | "inventoryCellEdited"
        | "inventoryRowAdded"
        | "inventoryRowRemoved"
        | "inventoryPageChosen"
        | "unknownFieldRemoved";
    }
  >
): PaneState {
  switch (event.type) {
    case "draftLoaded": {
      const next = withDraft(state, event.draft, {
        notice: event.notice,
        loadGeneration: state.loadGeneration + 1,
        inventoryPage: 0,
        platformOffer: null,
        importReview: null,
        mapping: null,
      });
      if (next.phase === "idle")
        return next.validation.ok
          ? { ...contextOf(next), phase: "calculating" }
          : { ...contextOf(next), phase: "editing" };
      return next;
    }

    case "fieldEdited":
      return withDraft(state, setAt(state.draft, event.path, event.value));

    case "platformChosen": {
      const draft = setAt(state.draft, "platform", event.platform);
      const { changes } = withPlatformDefaults(draft, event.platform);
      return withDraft(state, draft, {
        platformOffer: { platform: event.platform, changes },
        notice: {
          text: PANE_MESSAGES.platformOffer(platformLabel(event.platform), changes),
          tone: "info",
        },
      });
    }

    case "platformDefaultsAccepted": {
      const offer = state.platformOffer;
      if (!offer) return state;
      const { draft, changes } = withPlatformDefaults(state.draft, offer.platform);
      return withDraft(state, draft, {
        platformOffer: null,
        loadGeneration: state.loadGeneration + 1,
        notice: {
          text: PANE_MESSAGES.platformLoaded(platformLabel(offer.platform), changes),
          tone: "success",
        },
      });
    }

    case "platformOfferDismissed":
      return { ...state, platformOffer: null };

    case "inventoryCellEdited":
      return withDraft(state, setInventoryCell(state.draft, event.row, event.key, event.value));

    case "inventoryRowAdded": {
      const draft = addInventoryRow(state.draft);
      const row = inventoryOf(draft).length - 1;
      const next = withDraft(state, draft, {
        inventoryPage: Math.floor(row / INVENTORY_PAGE_SIZE),
        focus: { id: `inv-${row}-name` },
      });
      return { ...next, inventoryPage: Math.floor(row / INVENTORY_PAGE_SIZE) };
    }

    case "inventoryRowRemoved":
      return withDraft(state, removeInventoryRow(state.draft, event.row), {
        loadGeneration: state.loadGeneration + 1,
      });

    case "inventoryPageChosen": {
      const rows = inventoryOf(state.draft).length;
      const last = Math.max(0, Math.ceil(rows / INVENTORY_PAGE_SIZE) - 1);
      return { ...state, inventoryPage: Math.max(0, Math.min(last, event.page)) };
    }

    case "unknownFieldRemoved":
      return withDraft(state, setAt(state.draft, event.path, undefined), {
        loadGeneration: state.loadGeneration + 1,
      });
  }
}

/** Events of an inventory import: reading, the column mapping, the review. */
function reduceImport(
  state: PaneState,
  event: Extract<
    PaneEvent,
    {
      readonly type:
        | "pasteToggled"
        | "importStarted"
        | "importFailed"
        | "importRead"
        | "importAccepted"
        | "importCancelled"
        | "mappingNeeded"
        | "mappingChanged"
        | "mappingUnitsChanged";
    }
  >
): PaneState {
  switch (event.type) {
    case "pasteToggled":
      return { ...state, pasteOpen: event.open, importError: null };

    case "importStarted":
      return {
        ...state,
        importBusy: event.what,
        importError: null,
        importReview: null,
        mapping: null,
        notice: { text: PANE_MESSAGES.importReading(event.what), tone: "info" },
      };

    case "importFailed":
      return {
        ...state,
        importBusy: null,
        importError: event.message,
        notice: { text: event.message, tone: "error" },
      };

    case "importRead":
      return {
        ...state,
        importBusy: null,
        importError: null,
        mapping: null,
        importReview: event.review,
        notice: {
          text: PANE_MESSAGES.importReady(
            event.review.rows.length,
            event.review.report.totals.servers
          ),
          tone: "info",
        },
      };

    case "importAccepted":
      return acceptImport(state);

    case "importCancelled":
      return {
        ...state,
        importReview: null,
        mapping: null,
        importBusy: null,
        notice: { text: PANE_MESSAGES.importCancelled, tone: "info" },
      };

    case "mappingNeeded":
      return {
        ...state,
        importBusy: null,
        importError: null,
        importReview: null,
        mapping: event.step,
        notice: { text: PANE_MESSAGES.mappingIntro(event.step.fileName), tone: "info" },
      };

    case "mappingChanged":
      return state.mapping
        ? {
            ...state,
            mapping: {
              ...state.mapping,
              mapping: { ...state.mapping.mapping, [event.field]: event.header },
            },
          }
        : state;

    case "mappingUnitsChanged":
      return state.mapping
        ? { ...state, mapping: { ...state.mapping, units: event.units } }
        : state;
  }
}

/** The reviewed import replaces the inventory; an export from vCenter sets the baseline. */
function acceptImport(state: PaneState): PaneState {
  const review = state.importReview;
  if (!review) return state;
  const finance = (state.draft["finance"] ?? {}) as Record<string, unknown>;
  return withDraft(
    state,
    {
      ...state.draft,
      inventory: review.rows.map((r) => ({ ...r })),
      // VMs exported from vCenter: compare the options with renewing VMware.
      finance: {
        ...finance,
        baseline: suggestedBaseline(
          review.report.format,
          isPlatformId(state.draft["platform"]) ? state.draft["platform"] : DEFAULT_PLATFORM
        ),
      },
      // What the importer assumed travels with the scenario (the assumptions register), as with `import`.
      imported: {
        file: review.report.fileName ?? review.source,
        format: review.report.formatLabel,
        assumptions: review.report.assumed.map((a) => ({
          field: a.field,
          basis: a.basis,
          count: a.count,
          value: a.value,
          message: a.message,
        })),
      },
    },
    {
      importReview: null,
      pasteOpen: false,
      inventoryPage: 0,
      loadGeneration: state.loadGeneration + 1,
      notice: {
        text: PANE_MESSAGES.importReplaced(review.report.totals.servers),
        tone: "success",
      },
    }
  );
}

/** Events of the preview and of writing the report. */
function reduceRun(
  state: PaneState,
  event: Extract<
    PaneEvent,
    {
      readonly type:
        | "previewStarted"
        | "previewComputed"
        | "previewFailed"
        | "generateStarted"
        | "writeProgress"
        | "generateFinished"
        | "generateFailed"
        | "resultDismissed";
    }
  >
): PaneState {
  switch (event.type) {
    case "previewStarted":
      if (event.revision !== state.revision || state.phase === "writing") return state;
      return { ...contextOf(state), phase: "calculating" };

    case "previewComputed": {
      if (event.revision !== state.revision) return state; // an older draft's result
      const ctx = {
        ...contextOf(state),
        preview: event.preview,
        previewRevision: event.revision,
        previewError: null,
      };
      if (state.phase === "writing" || state.phase === "done" || state.phase === "error")
        return { ...state, ...ctx };
      return { ...ctx, phase: "editing" };
    }

    case "previewFailed": {
      if (event.revision !== state.revision) return state;
      const ctx = {
        ...contextOf(state),
        previewError: event.message,
        previewRevision: event.revision,
      };
      if (state.phase === "writing" || state.phase === "done" || state.phase === "error")
        return { ...state, ...ctx };
      return { ...ctx, phase: "editing" };
    }

    case "generateStarted":
      if (!canGenerate(state)) return state;
      return {
        ...contextOf(state),
        phase: "writing",
        target: event.target,
        progress: null,
        notice: {
          text:
            event.target === "workbook"
              ? PANE_MESSAGES.writingStart
              : event.target === "slides"
                ? PANE_MESSAGES.buildingSlides
                : PANE_MESSAGES.buildingFile,
          tone: "info",
        },
      };

    case "writeProgress":
      if (state.phase !== "writing") return state;
      return {
        ...state,
        progress: { sheet: event.sheet, index: event.index, total: event.total },
        notice: {
          text: PANE_MESSAGES.writingSheet(event.sheet, event.index, event.total),
          tone: "info",
        },
      };

    case "generateFinished":
      if (state.phase !== "writing") return state;
      return {
        ...contextOf(state),
        phase: "done",
        result: { message: event.message, openSheet: event.openSheet },
        notice: { text: event.message, tone: "success" },
      };

    case "generateFailed":
      if (state.phase !== "writing") return state;
      return {
        ...contextOf(state),
        phase: "error",
        error: { message: event.message, code: event.code },
        notice: { text: event.message, tone: "error" },
      };

    case "resultDismissed":
      if (state.phase !== "done" && state.phase !== "error") return state;
      return {
        ...contextOf(state),
        phase:
          state.previewRevision === state.revision || !state.validation.ok
            ? "editing"
            : "calculating",
      };
  }
}

/** The pane's transition function. */
export function reduce(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case "hostDetected":
      return { ...state, host: event.host };

    case "focusRequested":
      return { ...state, focus: event.id === null ? null : { id: event.id } };

    case "noticed":
      return { ...state, notice: event.notice };

    case "detailOptionChosen":
      return { ...state, detailOption: event.option };

    case "detailsLoaded":
      return state.detailsLoaded ? state : { ...state, detailsLoaded: true };
    case "draftLoaded":
    case "fieldEdited":
    case "platformChosen":
    case "platformDefaultsAccepted":
    case "platformOfferDismissed":
    case "inventoryCellEdited":
    case "inventoryRowAdded":
    case "inventoryRowRemoved":
    case "inventoryPageChosen":
    case "unknownFieldRemoved":
      return reduceDraft(state, event);
    case "pasteToggled":
    case "importStarted":
    case "importFailed":
    case "importRead":
    case "importAccepted":
    case "importCancelled":
    case "mappingNeeded":
    case "mappingChanged":
    case "mappingUnitsChanged":
      return reduceImport(state, event);
    case "previewStarted":
    case "previewComputed":
    case "previewFailed":
    case "generateStarted":
    case "writeProgress":
    case "generateFinished":
    case "generateFailed":
    case "resultDismissed":
      return reduceRun(state, event);
  }
}

/** True when the draft on screen was just replaced from outside the form (file, workbook, defaults). */
export function draftReplaced(state: PaneState): boolean {
  return state.replacedRevision === state.revision;
}

/** True when the preview on screen is for an older draft than the one in the form. */
export function previewIsStale(state: PaneState): boolean {
  return state.preview !== null && state.previewRevision !== state.revision;
}
