/**
 * The task pane's state and events as types: one union over its phases (idle | editing |
 * calculating | writing | done | error), each carrying the same context, and every event that
 * can happen to the pane. `state.ts` holds the reducer over them.
 */
import type { FieldPath, ParseResult } from "../scenario";
import type { PlatformId } from "../platform";
import type {
  ColumnMapping,
  HeaderCandidate,
  ImportReport,
  InventoryRowJson,
  MappableField,
  MappingUnits,
  WorkbookData,
} from "../inventory/types";
import type { Draft } from "./draft";
import type { Preview } from "./preview";

/** Where the pane runs. */
export type HostMode =
  | { readonly kind: "pending" }
  | { readonly kind: "excel"; readonly listens: boolean }
  | {
      readonly kind: "browser";
      readonly reason: "outside-office" | "office-js-missing" | "office-js-timeout";
    };

/** An import read and waiting for the user to accept it (nothing is replaced yet). */
export interface ImportReview {
  readonly source: string;
  readonly rows: readonly InventoryRowJson[];
  readonly report: ImportReport;
}

/** An export we do not recognise, waiting for the user to map its columns. */
export interface MappingStep {
  readonly fileName: string;
  readonly data: WorkbookData;
  readonly candidate: HeaderCandidate;
  readonly mapping: ColumnMapping;
  readonly units: MappingUnits;
}

/** What Generate writes: the open workbook (Excel), a downloaded .xlsx, or downloaded slides. */
export type GenerateTarget = "workbook" | "download" | "slides";

/** A status line for the aria-live region. */
export interface Notice {
  readonly text: string;
  readonly tone: "info" | "success" | "warning" | "error";
}

/** What every phase carries. */
export interface Context {
  readonly host: HostMode;
  readonly draft: Draft;
  /** Increases with every change of the draft; the preview says which revision it shows. */
  readonly revision: number;
  readonly validation: ParseResult;
  readonly preview: Preview | null;
  readonly previewRevision: number;
  readonly previewError: string | null;
  readonly inventoryPage: number;
  readonly pasteOpen: boolean;
  readonly importBusy: string | null;
  readonly importError: string | null;
  readonly importReview: ImportReview | null;
  readonly mapping: MappingStep | null;
  readonly platformOffer: { readonly platform: PlatformId; readonly changes: number } | null;
  readonly notice: Notice | null;
  /** A control to move focus to after the next render (a new object per request). */
  readonly focus: { readonly id: string } | null;
  /**
   * Bumped when the draft is replaced from outside the form (file, workbook, defaults).
   */
  readonly loadGeneration: number;
  /**
   * The revision at which the draft was last replaced from outside the form: while it is the
   * current revision, the view rewrites every control's value, even the one being typed in.
   */
  readonly replacedRevision: number;
  /** The option the result card's details show; null: the recommended one. */
  readonly detailOption: string | null;
  /** The details' and the register's bodies are loaded (`view/lazyDetails.ts`). */
  readonly detailsLoaded: boolean;
}

/** The pane's state: one union over its phases. */
export type PaneState =
  | (Context & { readonly phase: "idle" })
  | (Context & { readonly phase: "editing" })
  | (Context & { readonly phase: "calculating" })
  | (Context & {
      readonly phase: "writing";
      readonly target: GenerateTarget;
      readonly progress: {
        readonly sheet: string;
        readonly index: number;
        readonly total: number;
      } | null;
    })
  | (Context & {
      readonly phase: "done";
      readonly result: { readonly message: string; readonly openSheet: string | null };
    })
  | (Context & {
      readonly phase: "error";
      readonly error: { readonly message: string; readonly code: string | null };
    });

export type Phase = PaneState["phase"];

/** Everything that can happen to the pane: user actions and the results of effects. */
export type PaneEvent =
  | { readonly type: "hostDetected"; readonly host: HostMode }
  | { readonly type: "draftLoaded"; readonly draft: Draft; readonly notice: Notice | null }
  | { readonly type: "fieldEdited"; readonly path: FieldPath; readonly value: unknown }
  | { readonly type: "platformChosen"; readonly platform: PlatformId }
  | { readonly type: "platformDefaultsAccepted" }
  | { readonly type: "platformOfferDismissed" }
  | {
      readonly type: "inventoryCellEdited";
      readonly row: number;
      readonly key: string;
      readonly value: unknown;
    }
  | { readonly type: "inventoryRowAdded" }
  | { readonly type: "inventoryRowRemoved"; readonly row: number }
  | { readonly type: "inventoryPageChosen"; readonly page: number }
  | { readonly type: "unknownFieldRemoved"; readonly path: string }
  | { readonly type: "pasteToggled"; readonly open: boolean }
  | { readonly type: "importStarted"; readonly what: string }
  | { readonly type: "importFailed"; readonly message: string }
  | { readonly type: "importRead"; readonly review: ImportReview }
  | { readonly type: "importAccepted" }
  | { readonly type: "importCancelled" }
  | { readonly type: "mappingNeeded"; readonly step: MappingStep }
  | {
      readonly type: "mappingChanged";
      readonly field: MappableField;
      readonly header: string | null;
    }
  | { readonly type: "mappingUnitsChanged"; readonly units: MappingUnits }
  | { readonly type: "previewStarted"; readonly revision: number }
  | { readonly type: "previewComputed"; readonly revision: number; readonly preview: Preview }
  | { readonly type: "previewFailed"; readonly revision: number; readonly message: string }
  | { readonly type: "generateStarted"; readonly target: GenerateTarget }
  | {
      readonly type: "writeProgress";
      readonly sheet: string;
      readonly index: number;
      readonly total: number;
    }
  | {
      readonly type: "generateFinished";
      readonly message: string;
      readonly openSheet: string | null;
    }
  | { readonly type: "generateFailed"; readonly message: string; readonly code: string | null }
  | { readonly type: "resultDismissed" }
  | { readonly type: "focusRequested"; readonly id: string | null }
  | { readonly type: "detailOptionChosen"; readonly option: string }
  | { readonly type: "detailsLoaded" }
  | { readonly type: "noticed"; readonly notice: Notice | null };
