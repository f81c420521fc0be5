/**
 * "Report and scenario": what to fix before the report can be generated (each problem a link
 * to its control), starting points, and the scenario as a JSON file out and in.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { INVENTORY_FIELDS, type Issue } from "../../scenario";
import { PLATFORM_IDS } from "../../platform";
import { inventoryOf, type Draft } from "../draft";
import {
  CONTROLS_BY_PATH,
  inventoryCellId,
  issueText,
  placeOfIssue,
  platformLabel,
  type IssuePlace,
} from "../form";
import { PANE_MESSAGES } from "../messages";
import { canGenerate, INVENTORY_PAGE_SIZE } from "../state";
import type { PaneView } from "./paneView";

/** Built-in starting points offered in "Start from". */
export const START_CHOICES: readonly { readonly value: string; readonly label: string }[] = [
  ...PLATFORM_IDS.map((p) => ({ value: `defaults:${p}`, label: `Defaults — ${platformLabel(p)}` })),
  { value: "example:contoso-2010", label: "Example — Contoso 2010 (120 servers, 2008 R2)" },
  { value: "example:modern-2022", label: "Example — the same estate on Windows Server 2022" },
  { value: "example:book-example", label: "Example — the book's 30 VMs" },
];

/** A short name for where an issue is: the control's label, or "Row 7 (SQL-01)". */
function labelOfPlace(place: IssuePlace, draft: Draft): string {
  switch (place.kind) {
    case "control":
      return CONTROLS_BY_PATH.get(place.path)?.control.field.label ?? place.path;
    case "inventoryCell":
    case "inventoryRow": {
      const row = inventoryOf(draft)[place.row];
      const name = row && typeof row["name"] === "string" ? row["name"] : "";
      const field =
        place.kind === "inventoryCell"
          ? INVENTORY_FIELDS.find((f) => f.key === place.key)?.label
          : undefined;
      return `${PANE_MESSAGES.inventoryRowLabel(place.row, name)}${field ? `, ${field}` : ""}`;
    }
    case "inventory":
      return "Inventory";
    case "general":
      return "Scenario";
  }
}

/** The control a place's link moves focus to; null for a place the form does not show. */
function targetOf(place: IssuePlace): string | null {
  switch (place.kind) {
    case "control":
    case "inventoryCell":
      return place.id;
    case "inventoryRow":
      return inventoryCellId(place.row, "name");
    case "inventory":
      return "sec-inventory-summary";
    case "general":
      return null;
  }
}

function fixItem(v: PaneView, issue: Issue): TemplateResult {
  const place = placeOfIssue(issue.path);
  const field =
    place.kind === "control"
      ? CONTROLS_BY_PATH.get(place.path)?.control.field
      : INVENTORY_FIELDS.find((f) => place.kind === "inventoryCell" && f.key === place.key);
  const text = issueText(issue, field);
  const target = targetOf(place);
  if (target === null) {
    // An unknown key (a typo in an imported file) can be removed from here.
    const removable = /^one of /.test(issue.expected) && issue.received.startsWith('"');
    return html`<li><code>${issue.path}</code>: ${text} ${
      removable
        ? html`<button type="button" class="btn small subtle" @click=${() => v.actions.removeUnknown(issue.path)} >${PANE_MESSAGES.unknownFieldRemove}</button>`
        : nothing
    }</li>`;
  }
  const go = (e: Event): void => {
    e.preventDefault();
    if (place.kind === "inventoryCell" || place.kind === "inventoryRow")
      v.actions.page(Math.floor(place.row / INVENTORY_PAGE_SIZE));
    v.actions.focus(target);
  };
  return html`<li><a href=${`#${target}`} @click=${go}>${labelOfPlace(place, v.state.draft)}</a>: ${text}</li>`;
}

function fixList(v: PaneView): TemplateResult {
  const issues = v.issues.all;
  const shown = issues.slice(0, 12);
  return html`<div tabindex="-1" id="fix-list" class="fix-list" role="region" aria-label="What to fix" ?hidden=${issues.length === 0} >${
    issues.length === 0
      ? nothing
      : html`<p class="fix-title" id="fix-title">${PANE_MESSAGES.fixSummary(issues.length)}</p>
        <ul aria-labelledby="fix-title">${shown.map((i) => fixItem(v, i))}</ul>${issues.length > shown.length ? html`<p>${PANE_MESSAGES.fixMore(issues.length - shown.length)}</p>` : nothing}`
  }</div>`;
}

export function reportCard(v: PaneView): TemplateResult {
  const a = v.actions;
  const load = (e: Event): void => {
    const select = (e.target as HTMLElement)
      .closest(".row")
      ?.querySelector<HTMLSelectElement>("#start-choice");
    if (select?.value) a.loadStart(select.value);
  };
  const importJson = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) a.importScenario(file);
    input.value = "";
  };
  return html`<section id="report" class="card" aria-labelledby="report-h">
    <h2 id="report-h">Report and scenario</h2>${fixList(v)}<div class="field slides">
    <div class="actions">
    <button type="button" class="btn" id="download-slides" ?disabled=${!canGenerate(v.state)} aria-describedby="download-slides-help" @click=${() => a.downloadSlides()} >${PANE_MESSAGES.downloadSlides}</button>
    </div>
    <p class="help" id="download-slides-help">${PANE_MESSAGES.slidesHelp}</p>
    </div>
    <div class="field">
    <label for="start-choice">Start from</label>
    <div class="row">
    <select id="start-choice"><option value="">Choose a starting point…</option>${START_CHOICES.map((c) => html`<option value=${c.value}>${c.label}</option>`)}</select>
    <button type="button" class="btn" id="start-load" @click=${load}>Load</button>
    </div>
    <p class="help">Replaces every input, the inventory included.</p>
    </div>
    <div class="actions wrap">
    <button type="button" class="btn" id="export-json" @click=${() => a.exportScenario()}>Export scenario JSON</button>
    <button type="button" class="btn" id="import-json" @click=${() => document.getElementById("import-json-file")?.click()} >Import scenario JSON…</button>
    <input type="file" id="import-json-file" accept=".json,application/json" class="sr-only" tabindex="-1" aria-hidden="true" @change=${importJson} />
    </div>
    </section>`;
}
