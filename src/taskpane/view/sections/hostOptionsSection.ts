/**
 * Candidate hosts (`hostOptions`): the hosts the planner may buy, one row each, edited in
 * place; add one (a copy of the scenario's host), insert the 2026 node catalog, or clear the
 * list (the scenario's host alone). Fields left out of a row take the host's value; the
 * scenario JSON holds the rest (threads, rack units, S2D drives). Problems show under the
 * table with their path.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { live } from "lit-html/directives/live.js";
import {
  HOST_OPTION_FIELDS,
  LIMITS,
  hostCatalogOptions,
  type FieldPath,
  type FieldSpec,
} from "../../../scenario";
import { MIXED_SHAPES_NOTE } from "../../../report/hostChoice";
import { asText } from "../../format";
import { typedValue } from "../../form";
import type { PaneView } from "../paneView";

/** The columns edited in the pane, by key of `HOST_OPTION_FIELDS`. */
const COLUMNS = ["name", "sockets", "coresPerSocket", "cpuGhz", "memoryGiB", "price", "powerWatts"];

const HEADS: Readonly<Record<string, string>> = {
  name: "Name",
  sockets: "Sockets",
  coresPerSocket: "Cores",
  cpuGhz: "GHz",
  memoryGiB: "RAM GiB",
  price: "Price",
  powerWatts: "Watts",
};

const fieldOf = (key: string): FieldSpec => {
  const f = HOST_OPTION_FIELDS.find((x) => x.key === key);
  if (!f) throw new Error(`No host option field ${key}`);
  return f;
};

type Row = Readonly<Record<string, unknown>>;

const rowsOf = (v: PaneView): readonly Row[] => {
  const list = v.state.draft["hostOptions"];
  return Array.isArray(list) ? (list as Row[]) : [];
};

/** A new candidate: the scenario's host under a name not yet taken. */
function newCandidate(v: PaneView, rows: readonly Row[]): Row {
  const host = v.state.draft["host"];
  const names = new Set(rows.map((r) => String(r["name"] ?? "").toLowerCase()));
  let n = rows.length + 1;
  while (names.has(`host ${n}`)) n++;
  return { ...(typeof host === "object" && host !== null ? host : {}), name: `Host ${n}` };
}

/** The candidate hosts section (after Host and cluster). */
export function hostOptionsSection(v: PaneView): TemplateResult {
  const rows = rowsOf(v);
  const edit = (value: unknown): void => v.actions.edit("hostOptions" as FieldPath, value);
  const issues = v.issues.all.filter((i) => i.path.startsWith("hostOptions"));
  const cellIssue = (i: number, key: string): boolean =>
    issues.some((x) => x.path === `hostOptions[${i}].${key}`);
  const summary =
    rows.length === 0
      ? "the host above only"
      : `${rows.length} candidate${rows.length === 1 ? "" : "s"}: the cheapest per option is bought`;
  const cell = (i: number, key: string, row: Row): TemplateResult => {
    const f = fieldOf(key);
    const id = `hostopt-${i}-${key}`;
    const given = row[key];
    const fallback = asText((v.state.draft["host"] as Row | undefined)?.[key]);
    return html`<td><input type="text" id=${id} class=${key === "name" ? "wide" : "narrow"} autocomplete="off" spellcheck="false" aria-label=${`${HEADS[key] ?? key} of candidate ${i + 1}`} aria-invalid=${cellIssue(i, key) ? "true" : nothing} placeholder=${given === undefined ? fallback : ""} .value=${live(asText(given))} @input=${(
      e: Event
    ) => {
      const text = (e.target as HTMLInputElement).value;
      v.actions.edit(
        `hostOptions[${i}].${key}` as FieldPath,
        text.trim() === "" && key !== "name" ? undefined : typedValue(f, text)
      );
    }} /></td>`;
  };
  const table =
    rows.length === 0
      ? nothing
      : html`<div class="table-wrap" tabindex="0" role="region" aria-label="Candidate hosts table"><table class="inventory host-options" id="host-options">
        <caption class="sr-only">Candidate hosts</caption>
        <thead><tr>${COLUMNS.map((k) => html`<th scope="col">${HEADS[k]}</th>`)}<th scope="col"><span class="sr-only">Remove</span></th></tr></thead>
        <tbody>${rows.map(
          (row, i) =>
            html`<tr data-candidate=${i}>${COLUMNS.map((k) => cell(i, k, row))}<td><button type="button" class="link" id=${`hostopt-${i}-remove`} aria-label=${`Remove candidate ${i + 1}`} @click=${() => edit(rows.length === 1 ? undefined : rows.filter((_, j) => j !== i))}>✕</button></td></tr>`
        )}</tbody></table></div>`;
  return html`<details class=${`section${issues.length > 0 ? " has-issues" : ""}`} id="sec-hostOptions">
    <summary id="sec-hostOptions-summary"><span class="step" aria-hidden="true">+</span><span class="section-title"><h2>Candidate hosts</h2><span class="section-sum">${summary}</span></span><span class="badge" ?hidden=${issues.length === 0}>${issues.length}</span></summary>
    <p class="section-help">List the host configurations you could buy: for each option the planner sizes, licenses and costs every candidate and buys the one with the lowest TCO over the horizon (ties: fewer hosts). A blank cell takes the host's value above; threads, rack units and S2D drives are in the scenario file. At most ${LIMITS.hostOptions.value}. ${MIXED_SHAPES_NOTE}</p>
    ${table}
    <div class="actions">
    <button type="button" id="hostopt-add" ?disabled=${rows.length >= LIMITS.hostOptions.value} @click=${() => edit([...rows, newCandidate(v, rows)])}>Add candidate</button>
    <button type="button" id="hostopt-catalog" @click=${() => edit(hostCatalogOptions())}>Use the 2026 node catalog</button>
    <button type="button" id="hostopt-clear" ?hidden=${rows.length === 0} @click=${() => edit(undefined)}>Host above only</button>
    </div>
    <ul class="msgs" id="hostopt-issues" ?hidden=${issues.length === 0}>${issues.map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}</ul>
    </details>`;
}
