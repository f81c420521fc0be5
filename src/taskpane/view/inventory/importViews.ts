/**
 * The import's own views — the column mapping and the review of what an import read — come
 * with the import controller (`controller/imports.ts` registers them): the reducer holds a
 * mapping or a review only after that controller ran, so the start-up bundle carries neither.
 */
import type { nothing, TemplateResult } from "lit-html";
import type { PaneView } from "../paneView";

export interface ImportViews {
  readonly mappingStep: (v: PaneView) => TemplateResult | typeof nothing;
  readonly importReview: (v: PaneView) => TemplateResult;
}

let views: ImportViews | null = null;

/** Called by the import controller when it loads. */
export function registerImportViews(loaded: ImportViews): void {
  views = loaded;
}

/** The import's views once their controller loaded, else null. */
export const importViews = (): ImportViews | null => views;
