/**
 * The paged, editable inventory table — one keyed row per server row (`repeat`, keyed by the
 * row's index, so a row's inputs stay the same elements while the user types) — with the
 * problems of rows on other pages above it and the pager below.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { repeat } from "lit-html/directives/repeat.js";
import { INVENTORY_FIELDS } from "../../../scenario";
import { asText, int } from "../../format";
import { inputOf, inventoryOf, type Draft } from "../../draft";
import { inventoryCellId, issueText, shownText, typedValue as valueOfText } from "../../form";
import { isPercent } from "../../percent";
import { PANE_MESSAGES } from "../../messages";
import { INVENTORY_PAGE_SIZE } from "../../state";
import { typedValue } from "../directives";
import type { PaneView } from "../paneView";

type Field = (typeof INVENTORY_FIELDS)[number];

/** The placeholder of an empty optional cell: the value used instead. */
function rowDefault(draft: Draft, key: string): string {
  const physical: Readonly<Record<string, string>> = {
    count: "1",
    os: "windows",
    peakCpuUtilization: asText(inputOf(draft, "physical.defaultPeakCpuUtilization")),
    averageCpuUtilization: asText(inputOf(draft, "physical.defaultAverageCpuUtilization")),
    storageGiB: asText(inputOf(draft, "physical.defaultStorageGiB")),
    powerWatts: asText(inputOf(draft, "physical.defaultPowerWatts")),
    rackUnits: asText(inputOf(draft, "physical.defaultRackUnits")),
  };
  return physical[key] ?? "";
}

const headerText = (f: Field): string =>
  isPercent(f)
    ? `${f.label} (%)`
    : f.unit && f.unit !== "servers" && f.unit !== "cores"
      ? `${f.label} (${f.unit})`
      : f.label;

/** One cell's control. */
function cell(
  v: PaneView,
  index: number,
  row: Readonly<Record<string, unknown>>,
  f: Field,
  who: string
) {
  const id = inventoryCellId(index, f.key);
  const own = v.issues.byCell.get(id) ?? [];
  const rowHasIssues = own.length > 0 || (v.issues.byRow.get(index) ?? []).length > 0;
  const value = row[f.key];
  const label = `${f.label} of ${who}`;
  const invalid = own.length > 0 ? "true" : nothing;
  const described = rowHasIssues ? `inv-msg-${index}` : nothing;
  const edit = (next: unknown): void => v.actions.editInventory(index, f.key, next);
  if (f.kind === "enum")
    return html`<select id=${id} aria-label=${label} aria-invalid=${invalid} aria-describedby=${described} @change=${(e: Event) => edit((e.target as HTMLSelectElement).value)} >${(f.values ?? []).map((o) => html`<option value=${o} ?selected=${o === asText(value)}>${o}</option>`)}</select>`;
  if (f.kind === "bool")
    return html`<input type="checkbox" id=${id} aria-label=${label} aria-invalid=${invalid} aria-describedby=${described} .checked=${live(value === true)} @change=${(e: Event) => edit((e.target as HTMLInputElement).checked ? true : undefined)} />`;
  const fallback = value === undefined ? rowDefault(v.state.draft, f.key) : "";
  const placeholder = fallback && isPercent(f) ? shownText(f, fallback) : fallback;
  return html`<input type="text" id=${id} autocomplete="off" spellcheck="false" inputmode=${f.kind === "string" ? nothing : "decimal"} size=${f.kind === "string" ? "12" : "5"} aria-label=${label} aria-invalid=${invalid} aria-describedby=${described} placeholder=${placeholder || nothing} ${typedValue(shownText(f, value), v.replaced)} @input=${(
    e: Event
  ) => {
    const text = (e.target as HTMLInputElement).value;
    edit(text.trim() === "" && !f.required ? undefined : valueOfText(f, text));
  }} />`;
}

/** A table row and the message row under it. */
function rowTemplate(
  v: PaneView,
  index: number,
  row: Readonly<Record<string, unknown>>
): TemplateResult {
  const name = typeof row["name"] === "string" ? row["name"] : "";
  const who = name || `row ${index + 1}`;
  const msgs: string[] = [];
  for (const f of INVENTORY_FIELDS)
    for (const i of v.issues.byCell.get(inventoryCellId(index, f.key)) ?? [])
      msgs.push(`${f.label}: ${issueText(i, f)}`);
  for (const i of v.issues.byRow.get(index) ?? [])
    if (!v.issues.byCell.has(inventoryCellId(index, i.path.split(".").pop() ?? "")))
      msgs.push(i.message);
  return html`<tr class=${msgs.length > 0 ? "invalid" : ""}><td class="num">${index + 1}</td>${INVENTORY_FIELDS.map((f) => html`<td class=${`col-${f.key}`}>${cell(v, index, row, f, who)}</td>`)}<td>
    <button type="button" class="btn icon" aria-label=${`Remove ${who}`} @click=${() => v.actions.removeRow(index)} >×</button></td>
    </tr>
    <tr class="row-msg" ?hidden=${msgs.length === 0}><td colspan=${String(INVENTORY_FIELDS.length + 2)} id=${`inv-msg-${index}`}>${msgs.join(" ")}</td>
    </tr>`;
}

/** Problems with the inventory as a whole, and links to rows with problems on other pages. */
function otherPages(v: PaneView, pageStart: number, pageEnd: number): TemplateResult {
  const whole = v.issues.byRow.get(-1) ?? [];
  const offPage = [...v.issues.byRow.keys()]
    .filter((r) => r >= 0 && (r < pageStart || r >= pageEnd))
    .sort((a, b) => a - b);
  const link = (r: number) =>
    html`<button type="button" class="btn link" @click=${() => {
      v.actions.page(Math.floor(r / INVENTORY_PAGE_SIZE));
      v.actions.focus(inventoryCellId(r, "name"));
    }} >row ${r + 1}</button>`;
  return html`<div class="msg block" id="inv-issues" ?hidden=${whole.length === 0 && offPage.length === 0} >${whole.map((i) => html`<p>${i.message}</p>`)} ${
    offPage.length > 0
      ? html`<p>Problems on other pages: ${offPage.slice(0, 8).map((r, i) => html`${i > 0 ? ", " : ""}${link(r)}`)}</p>`
      : nothing
  }</div>`;
}

export function inventoryTable(v: PaneView): TemplateResult {
  const inventory = inventoryOf(v.state.draft);
  const page = v.state.inventoryPage;
  const pageStart = page * INVENTORY_PAGE_SIZE;
  const pageEnd = Math.min(inventory.length, pageStart + INVENTORY_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(inventory.length / INVENTORY_PAGE_SIZE));
  const indices = Array.from({ length: Math.max(0, pageEnd - pageStart) }, (_, k) => pageStart + k);
  return html`${otherPages(v, pageStart, pageEnd)}<p class="note" ?hidden=${inventory.length > 0}>${PANE_MESSAGES.inventoryEmpty}</p>
    <div class="table-wrap" tabindex="0" role="region" aria-label="Inventory table" ?hidden=${inventory.length === 0} >
    <table class="inventory" id="inv-table">
    <caption class="sr-only">Inventory rows</caption>
    <thead>
    <tr>
    <th scope="col" class="num">#</th>${INVENTORY_FIELDS.map((f) => html`<th scope="col" class=${`col-${f.key}`} title=${f.help}>${headerText(f)}</th>`)}<th scope="col"><span class="sr-only">Remove</span>
    </th>
    </tr>
    </thead>
    <tbody>${repeat(
      indices,
      (i) => i,
      (i) => rowTemplate(v, i, inventory[i] ?? {})
    )}</tbody>
    </table>
    </div>
    <div class="pager">
    <button type="button" class="btn small" id="inv-prev" ?disabled=${page <= 0} ?hidden=${pages <= 1} @click=${() => v.actions.page(page - 1)} >Previous</button><span id="inv-page" class="page-text" >${inventory.length === 0 ? "" : `Rows ${pageStart + 1}–${pageEnd} of ${int(inventory.length)}`}</span >
    <button type="button" class="btn small" id="inv-next" ?disabled=${page >= pages - 1} ?hidden=${pages <= 1} @click=${() => v.actions.page(page + 1)} >Next</button>
    <button type="button" class="btn small" id="inv-add" @click=${() => v.actions.addRow()}>Add server</button>
    </div>`;
}
