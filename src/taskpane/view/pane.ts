/**
 * The whole pane as one template of the reducer's state: header, status line, result card,
 * the form's sections, the report card and the footer. `renderPane(state, actions, root)`
 * is the only code that writes the pane's DOM; lit-html updates only the parts whose values
 * changed, so a render that changes nothing writes nothing.
 */
import { html, nothing, render, type TemplateResult } from "lit-html";
import { PANE_MESSAGES } from "../messages";
import type { PaneState } from "../state";
import type { Actions } from "./actions";
import { lazyDisclosure } from "./lazyDetails";
import { footer } from "./footer";
import { paneView, type PaneView } from "./paneView";
import { reportCard } from "./reportCard";
import { hostSweepCard } from "./hostSweepCard";
import { resultCard } from "./resultCard";
import { demandSection } from "./sections/demandSection";
import { financeSection } from "./sections/financeSection";
import { hostClusterSection } from "./sections/hostClusterSection";
import { hostOptionsSection } from "./sections/hostOptionsSection";
import { housingSection } from "./sections/housingSection";
import { inventorySection } from "./sections/inventorySection";
import { licensingSection } from "./sections/licensingSection";
import { manpowerSection } from "./sections/manpowerSection";
import { storageSection } from "./sections/storageSection";

/** The form's sections, in the order a user fills them: add a section here. */
const SECTIONS: readonly ((v: PaneView) => TemplateResult)[] = [
  inventorySection,
  demandSection,
  hostClusterSection,
  hostOptionsSection,
  storageSection,
  licensingSection,
  housingSection,
  manpowerSection,
  financeSection,
];

function hostText(v: PaneView): string {
  const host = v.state.host;
  if (host.kind === "excel") return PANE_MESSAGES.hostExcel;
  if (host.kind === "pending") return PANE_MESSAGES.loading;
  if (host.reason === "office-js-missing") return PANE_MESSAGES.hostBrowserOfficeMissing;
  if (host.reason === "office-js-timeout") return PANE_MESSAGES.hostBrowserTimeout;
  return PANE_MESSAGES.hostBrowser;
}

/** "Assumptions to check": the register, loaded on first open (the workbook has it as a sheet). */
function assumptionsCard(v: PaneView): TemplateResult {
  return lazyDisclosure(
    v,
    "assumptions",
    "card assumptions",
    (m) => {
      const count = m?.registerOf(v)?.length ?? null;
      return html`<span class="section-title"><h2>Assumptions to check</h2><span class="section-sum">${PANE_MESSAGES.assumptionsSummary}</span></span><span class="count" id="assumptions-count" ?hidden=${count === null}>${count ?? ""}</span>`;
    },
    (m) => m.assumptionsBody(v)
  );
}

/** The pane's template. */
export function paneTemplate(v: PaneView): TemplateResult {
  const s = v.state;
  return html`<header class="header">
    <h1>${PANE_MESSAGES.title}</h1>
    <p class="host-badge" id="host-badge" data-host=${s.host.kind}>${hostText(v)}</p>
    </header>
    <main class="main" id="main" aria-busy=${s.phase === "idle" ? "true" : nothing}>
    <div id="status" class=${`status tone-${s.notice?.tone ?? "info"}`} role="status" aria-live="polite" aria-atomic="true" ?hidden=${s.notice === null} >${s.notice?.text ?? ""}</div>${resultCard(v)}${hostSweepCard(v)}<form id="form" class="form" novalidate @submit=${(e: Event) => e.preventDefault()}>${SECTIONS.map((section) => section(v))}</form>${assumptionsCard(v)}${reportCard(v)}</main>${footer(v)}`;
}

/** Render `state` into `root` (the pane's only DOM writer). */
export function renderPane(state: PaneState, actions: Actions, root: HTMLElement): void {
  // The root's data attributes tell tests and the benchmark which state is on screen.
  const data = {
    phase: state.phase,
    revision: String(state.revision),
    previewRevision: String(state.previewRevision),
    host: state.host.kind,
  };
  for (const [key, value] of Object.entries(data))
    if (root.dataset[key] !== value) root.dataset[key] = value;
  render(paneTemplate(paneView(state, actions)), root);
}
