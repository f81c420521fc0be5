/**
 * The body of the result card's "Capacity and licences" for one option (the recommended one
 * unless the user picks another): its clusters with what decided each node count, storage per
 * cluster in decimal TB (raw, reserve, usable, needed), hosts owned year by year as a small
 * trend, and its licence lines.
 */
import { html, nothing, svg, type TemplateResult } from "lit-html";
import { optionColor } from "../../../report/palette";
import { int } from "../../format";
import { PANE_MESSAGES } from "../../messages";
import { formatMoney, shortLabel, type Preview, type PreviewOption } from "../../preview";
import type { PaneView } from "../paneView";
import { DETAIL_MESSAGES as M } from "./messages";

/** Clusters listed before "…and N more". */
const CLUSTER_ROWS = 8;

/** Decimal TB to one place, the place always shown so a column lines up. */
const tb = (x: number | null): string =>
  x === null
    ? "–"
    : (Math.round(x * 10) / 10).toLocaleString("en-US", {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });

function clusterTables(o: PreviewOption): TemplateResult {
  const shown = o.clusterPlans.slice(0, CLUSTER_ROWS);
  const more = o.clusterPlans.length - shown.length;
  const s2d = o.clusterPlans.some((c) => c.storage.kind === "s2d");
  const by = PANE_MESSAGES.bindingLabels;
  const clusters = html`<table class="figures compact" id="detail-clusters">
    <caption class="sr-only">Clusters of ${o.label}</caption>
    <thead>
    <tr><th scope="col">Cluster</th><th scope="col">Nodes</th><th scope="col">VMs</th><th scope="col" title="What decides the node count">Set by</th>${s2d ? nothing : html`<th scope="col">Storage TB</th>`}</tr>
    </thead>
    <tbody>${shown.map(
      (c, i) =>
        html`<tr data-binding=${c.binding}><th scope="row">${i + 1}</th><td>${c.nodes}${c.failoverReserve > 0 && c.binding !== "storage" ? html`<span class="sub"> (${c.failoverReserve} for failover)</span>` : nothing}</td><td>${int(c.vms)}</td><td class=${`binding binding-${c.binding}`}>${by[c.binding]}</td>${s2d ? nothing : html`<td>${tb(c.storage.neededTB)}</td>`}</tr>`
    )}</tbody>
    </table>`;
  if (!s2d) return html`${clusters}${moreNote(more)}`;
  const storage = html`<table class="figures compact" id="detail-storage">
    <caption class="caption">Storage Spaces Direct per cluster, decimal TB</caption>
    <thead>
    <tr><th scope="col">Cluster</th><th scope="col">Raw</th><th scope="col">Reserve</th><th scope="col">Usable</th><th scope="col">Needed</th></tr>
    </thead>
    <tbody>${shown.map(
      (c, i) =>
        html`<tr class=${c.binding === "storage" ? "binding-row" : ""}><th scope="row" title=${c.storage.layout ?? ""}>${i + 1}</th><td>${tb(c.storage.rawTB)}</td><td>${tb(c.storage.reserveTB)}</td><td>${tb(c.storage.usableTB)}</td><td>${tb(c.storage.neededTB)}</td></tr>`
    )}</tbody>
    </table>`;
  return html`${clusters}${storage}${moreNote(more)}`;
}

const moreNote = (more: number): TemplateResult | typeof nothing =>
  more > 0 ? html`<p class="note">${M.moreClusters(more)}</p>` : nothing;

/** Hosts owned per year as small bars, the count written where it changes. */
function hostsTrend(o: PreviewOption): TemplateResult {
  const years = o.hostsByYear;
  const max = Math.max(1, ...years);
  const w = 100 / Math.max(1, years.length);
  const changed = (t: number): boolean => t === 0 || years[t] !== years[t - 1];
  const bars = years.map((h, t) => {
    const height = Math.max(2, (h / max) * 28);
    return svg`<rect x=${`${t * w + w * 0.15}%`} y=${42 - height} width=${`${w * 0.7}%`} height=${height} rx="1" fill=${optionColor(o.id, 0)}></rect>${
      changed(t)
        ? svg`<text x=${`${t * w + w / 2}%`} y=${40 - height} text-anchor="middle" class="trend-value">${h}</text>`
        : nothing
    }<text x=${`${t * w + w / 2}%`} y="54" text-anchor="middle" class="trend-year">${t}</text>`;
  });
  return html`<figure class="trend" id="detail-hosts-trend">
    <svg width="100%" height="58" role="img" aria-label=${M.hostsByYear(years)}>${bars}</svg>
    <figcaption class="note">${M.hostsByYear(years)}</figcaption>
    </figure>`;
}

/** The engine's notes on the option's licences (owned licences reused, Azure Hybrid Benefit …). */
const licenceNotes = (notes: readonly string[]): TemplateResult =>
  html`${notes.map((n) => html`<p class="note">${n}</p>`)}`;

function licenceTable(o: PreviewOption, p: Preview): TemplateResult {
  const l = o.licensing;
  if (l.lines.length === 0)
    return html`<p class="note" id="detail-no-licences">${M.noLicences}</p>${licenceNotes(l.notes)}`;
  // Each line's basis in view, not only on hover: a $0 line says which owned licences cover it.
  return html`<table class="figures compact" id="detail-licences">
    <caption class="sr-only">Licence lines of ${o.label}</caption>
    <thead>
    <tr><th scope="col">Licence</th><th scope="col">Qty</th><th scope="col">Cost</th></tr>
    </thead>
    <tbody>${l.lines.map(
      (line) =>
        html`<tr data-sku=${line.sku}><th scope="row">${line.label}<span class="basis">${line.basis}</span></th><td>${int(line.quantity)}</td><td>${formatMoney(line.cost, p.currency)}${line.recurrence === "yearly" ? html`<span class="sub"> /yr</span>` : nothing}</td></tr>`
    )}</tbody>
    </table>
    <p class="note" id="detail-licence-total">${M.licenceTotals(
      formatMoney(l.oneTime, p.currency),
      formatMoney(l.annual, p.currency),
      formatMoney(l.total, p.currency),
      p.horizonYears
    )}</p>${licenceNotes(l.notes)}`;
}

/** The body: the option picker, then the option's capacity and licences. */
export function optionDetailsBody(v: PaneView, p: Preview, o: PreviewOption): TemplateResult {
  const eligible = p.options.filter((x) => x.eligible);
  return html`<div class="field">
    <label for="detail-option">Option</label>
    <select id="detail-option" @change=${(e: Event) => v.actions.send({ type: "detailOptionChosen", option: (e.target as HTMLSelectElement).value })}>${eligible.map(
      (x) =>
        html`<option value=${x.id} ?selected=${x.id === o.id}>${shortLabel(x.label)}${x.recommended ? " (recommended)" : ""}</option>`
    )}</select>
    </div>
    <h4>Clusters</h4>${clusterTables(o)}<h4>Hosts per year</h4>${hostsTrend(o)}<h4>Licences</h4>${licenceTable(o, p)}`;
}
