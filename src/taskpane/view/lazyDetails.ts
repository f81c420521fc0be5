/**
 * Disclosures whose bodies load on first open: the result card's details and the assumptions
 * register (`details/`, a chunk of their own). The summary line is drawn at once; opening one
 * asks for the chunk (`actions.loadDetails`), and the reducer's `detailsLoaded` redraws the
 * pane with the bodies.
 */
import { html, type TemplateResult } from "lit-html";
import { PANE_MESSAGES } from "../messages";
import type { PaneView } from "./paneView";

/** The bodies' module. */
export type DetailsModule = typeof import("./details");

let loaded: DetailsModule | null = null;

/** The bodies' module once loaded, else null. */
export const detailsModule = (): DetailsModule | null => loaded;

/** Load the bodies (once; later calls get the same module). */
export function loadDetails(): Promise<DetailsModule> {
  return import(/* webpackChunkName: "pane-details" */ "./details").then((m) => (loaded = m));
}

/**
 * A `<details>` with `summary` (given the module once loaded, else null), whose body
 * `body(module)` appears once the chunk is loaded.
 */
export function lazyDisclosure(
  v: PaneView,
  id: string,
  className: string,
  summary: (m: DetailsModule | null) => TemplateResult,
  body: (m: DetailsModule) => TemplateResult
): TemplateResult {
  const m = v.state.detailsLoaded ? loaded : null;
  const toggle = (e: Event): void => {
    if ((e.target as HTMLDetailsElement).open && m === null) v.actions.loadDetails();
  };
  return html`<details class=${className} id=${id} @toggle=${toggle}>
    <summary>${summary(m)}</summary>
    <div class="details-body">${m ? body(m) : html`<p class="note">${PANE_MESSAGES.loadingDetails}</p>`}</div>
    </details>`;
}
