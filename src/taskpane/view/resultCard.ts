/**
 * The result card: the recommendation, key figures per option (each with its palette colour),
 * the options not possible here, the three preview charts (drawn by `charts.ts` into these
 * canvases after each preview), then the details — one option's clusters, storage, hosts by
 * year and licences, and what the servers were sized on and which look idle.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { BASELINE_KEY, optionColor } from "../../report/palette";
import { RECOMMENDED_NOTE } from "../../report/labels";
import { PANE_MESSAGES } from "../messages";
import {
  chartSeries,
  formatMoney,
  formatPayback,
  shortLabel,
  type Preview,
  type PreviewOption,
} from "../preview";
import { previewIsStale } from "../state";
import { lazyDisclosure } from "./lazyDetails";
import type { PaneView } from "./paneView";

/** The option's colour in the charts, beside its name in the table. */
const swatch = (id: string, i: number): TemplateResult =>
  html`<span class="swatch" style=${`background:${optionColor(id, i)}`} aria-hidden="true"></span>`;

function note(v: PaneView): string {
  const s = v.state;
  if (s.previewError !== null) return PANE_MESSAGES.previewFailed(s.previewError);
  if (!s.validation.ok)
    return s.preview ? PANE_MESSAGES.previewStale : PANE_MESSAGES.previewWaiting;
  return s.phase === "calculating" || s.phase === "idle" ? PANE_MESSAGES.previewCalculating : "";
}

function figures(p: Preview | null): TemplateResult {
  const rows = p
    ? html`<tr class="physical">
      <th scope="row">${swatch(BASELINE_KEY, 0)}${p.baselineLabel}</th><td>${p.baselineHosts ?? "–"}</td><td>${formatMoney(p.physicalTco, p.currency)}</td><td>–</td>
      </tr>${p.options
        .filter((o) => o.eligible)
        .map(
          (o, i) =>
            html`<tr class=${o.recommended ? "recommended" : ""} data-option=${o.id}>
              <th scope="row" title=${o.label}>${swatch(o.id, i)}${shortLabel(o.label)}${o.recommended ? html`<span class="tag">Best</span>` : nothing}</th><td>${o.hosts}</td><td>${formatMoney(o.tco, p.currency)}</td><td>${o.paybackMonths === null ? `> ${p.horizonYears} yrs` : formatPayback(o.paybackMonths)}</td>
              </tr>`
        )}`
    : nothing;
  return html`<table id="figures" class="figures" ?hidden=${p === null}>
    <caption class="sr-only">Key figures per option</caption>
    <thead>
    <tr>
    <th scope="col">Option</th>
    <th scope="col">Hosts</th>
    <th scope="col">TCO</th>
    <th scope="col">Payback</th>
    </tr>
    </thead>
    <tbody>${rows}</tbody>
    </table>`;
}

/**
 * Leaving VMware: the renewal date against the move, and each path's licences and dual running
 * beside the renewal's (the same figures `evaluate` prints); the owned licences said openly.
 */
function renewal(p: Preview | null): TemplateResult | typeof nothing {
  if (!p) return nothing;
  const t = p.timeline;
  const owned = p.owned ? html`<p class="note owned" id="owned-note">${p.owned}</p>` : nothing;
  if (!t) return owned;
  const eligible = p.options.filter((o) => o.eligible);
  return html`<div class="renewal" id="renewal" role="group" aria-labelledby="renewal-date">
    <p class="renewal-date" id="renewal-date">${PANE_MESSAGES.renewalDate(t.renewalDate, t.monthsToRenewal, t.startDate)}</p>
    <p class="note" id="renewal-move">${t.sentence}</p>
    <table class="figures compact" id="renewal-figures">
    <caption>${PANE_MESSAGES.renewalTable(p.horizonYears)}</caption>
    <thead>
    <tr>
    <th scope="col">Option</th>
    <th scope="col">${PANE_MESSAGES.licences}</th>
    <th scope="col">${PANE_MESSAGES.dualRunning}</th>
    </tr>
    </thead>
    <tbody>
    <tr class="physical"><th scope="row">${swatch(BASELINE_KEY, 0)}${p.baselineLabel}</th><td>${formatMoney(p.baselineLicensing, p.currency)}</td><td>–</td></tr>${eligible.map(
      (o, i) =>
        html`<tr class=${o.recommended ? "recommended" : ""} data-option=${o.id}><th scope="row" title=${o.label}>${swatch(o.id, i)}${shortLabel(o.label)}</th><td>${formatMoney(o.licensing.total, p.currency)}</td><td>${formatMoney(o.transition, p.currency)}</td></tr>`
    )}
    </tbody>
    </table>${owned}</div>`;
}

/** The line chart's legend: each option's colour and name, the recommended one marked. */
function legend(p: Preview): TemplateResult {
  const lines = chartSeries(p).payback.lines;
  // The readout's text is written by charts.ts (the year pointed at); lit never touches it.
  return html`<ul class="legend" id="chart-payback-legend" aria-hidden="true">${lines.map(
    (l, i) =>
      html`<li class=${l.recommended ? "recommended" : ""}>${swatch(l.id, i)}${l.label}</li>`
  )}</ul>
    <p class="note chart-readout" id="chart-payback-readout" aria-hidden="true"></p>`;
}

/** The charts' accessible descriptions, from the same series the charts draw. */
function chartLabels(p: Preview | null): { hosts: string; tco: string; payback: string } {
  if (!p)
    return {
      hosts: "Hosts per option",
      tco: "TCO per option compared with staying physical",
      payback: "Cumulative savings per year",
    };
  const series = chartSeries(p);
  return {
    hosts: `Hosts per option: ${series.hosts.labels.map((l, i) => `${l} ${series.hosts.values[i]}`).join(", ")}`,
    tco: `TCO over ${p.horizonYears} years: ${series.tco.labels.map((l, i) => `${l} ${formatMoney(series.tco.values[i] ?? 0, p.currency)}`).join(", ")}`,
    payback: `Cumulative savings by year: ${series.payback.lines.map((l) => `${l.label} ${formatMoney(l.values[l.values.length - 1] ?? 0, p.currency)} by year ${p.horizonYears}`).join(", ")}${series.payback.renewal ? `; VMware renewal ${series.payback.renewal.date} marked in year ${Math.floor(series.payback.renewal.atYears) + 1}` : ""}`,
  };
}

/** The option the details show: the user's pick, else the recommended, else the first eligible. */
export function detailOptionOf(v: PaneView, p: Preview): PreviewOption | undefined {
  const eligible = p.options.filter((o) => o.eligible);
  return (
    eligible.find((o) => o.id === v.state.detailOption) ??
    eligible.find((o) => o.recommended) ??
    eligible[0]
  );
}

const summaryOf = (title: string, text: string) => (): TemplateResult =>
  html`<span class="details-title">${title}</span><span class="details-sum">${text}</span>`;

/** "Capacity and licences" of one option, and "Servers: sizing and idle". */
function details(v: PaneView, p: Preview): TemplateResult | typeof nothing {
  const o = detailOptionOf(v, p);
  if (!o) return nothing;
  const by = [...new Set(o.clusterPlans.map((c) => c.binding))]
    .map((b) => PANE_MESSAGES.bindingLabels[b])
    .join(", ");
  const idle = p.idle.reduce((s, i) => s + i.count, 0);
  const measured = p.sizing.rows.reduce((s, r) => s + (r.basis === "measured" ? r.count : 0), 0);
  return html`${lazyDisclosure(
    v,
    "option-details",
    "details",
    summaryOf(
      "Capacity and licences",
      PANE_MESSAGES.detailSummary(shortLabel(o.label), o.clusterPlans.length, o.hosts, by)
    ),
    (m) => m.optionDetailsBody(v, p, o)
  )}${lazyDisclosure(
    v,
    "server-details",
    "details",
    summaryOf("Servers: sizing and idle", PANE_MESSAGES.serversSummary(measured, idle)),
    (m) => m.serverDetailsBody(v, p)
  )}`;
}

export function resultCard(v: PaneView): TemplateResult {
  const s = v.state;
  const p = s.preview;
  const stale = (previewIsStale(s) || !s.validation.ok) && p !== null;
  const impossible = p ? p.options.filter((o) => !o.eligible) : [];
  const text = note(v);
  const labels = chartLabels(p);
  const figure = (
    caption: string,
    id: string,
    label: string,
    cls: string,
    legend: TemplateResult | typeof nothing = nothing
  ) =>
    html`<figure class="chart-figure">
      <figcaption>${caption}</figcaption>
      <div class=${`chart ${cls}`}><canvas id=${id} role="img" aria-label=${label}></canvas>
      </div>${legend}</figure>`;
  return html`<section id="preview" class=${`card preview${stale ? " stale" : ""}`} aria-labelledby="preview-h" aria-busy=${s.phase === "calculating" ? "true" : nothing} >
    <h2 id="preview-h">Result</h2>
    <p id="recommendation" class="recommendation">${p?.recommendation ?? ""}</p>
    <p id="preview-note" class="note" ?hidden=${text === ""}>${text}</p>${figures(p)}${renewal(p)}<div class="note impossible" id="impossible-note" ?hidden=${impossible.length === 0}><p>${PANE_MESSAGES.notPossibleHere}</p><ul>${impossible.map(
      (o) =>
        html`<li><strong>${shortLabel(o.label)}</strong>: ${o.reasons[0] ?? PANE_MESSAGES.notEligible}</li>`
    )}</ul></div>
    <div class="charts" id="charts" ?hidden=${p === null}>${figure(`Hosts per option (${RECOMMENDED_NOTE})`, "chart-hosts", labels.hosts, "short")} ${figure(p ? `TCO over ${p.horizonYears} years vs ${shortLabel(p.baselineLabel).charAt(0).toLowerCase()}${shortLabel(p.baselineLabel).slice(1)}` : "TCO per option", "chart-tco", labels.tco, "")} ${figure("Cumulative savings — payback where a line crosses 0", "chart-payback", labels.payback, "", p ? legend(p) : nothing)}</div>${p ? details(v, p) : nothing}
    </section>`;
}
