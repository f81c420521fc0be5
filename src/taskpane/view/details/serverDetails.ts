/**
 * The body of the result card's "Servers": what each server was sized on (a measured
 * percentile × the comfort factor, or its peak), and the servers that look idle with the
 * retire toggle and what retiring them saves — the same in every option.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { int } from "../../format";
import { PANE_MESSAGES } from "../../messages";
import { formatMoney, type Preview, type PreviewSizing } from "../../preview";
import type { PaneView } from "../paneView";
import { DETAIL_MESSAGES as M } from "./messages";

/** Servers listed one by one before "…and N more". */
const LISTED = 50;

const basisText = (r: PreviewSizing, comfort: number): string =>
  r.basis === "measured" ? M.sizedMeasured(r.percentile, comfort) : M.sizedPeak;

/** Servers per sizing basis ("p95 × 1.3": 380), in the order first seen. */
function byBasis(p: Preview): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of p.sizing.rows) {
    const key = basisText(r, p.sizing.comfortFactor);
    counts.set(key, (counts.get(key) ?? 0) + r.count);
  }
  return [...counts];
}

function sizing(p: Preview): TemplateResult {
  const rows = p.sizing.rows;
  const listed = rows.slice(0, LISTED);
  return html`<h4>What each server is sized on</h4>
    <ul class="plain" id="sizing-summary">${byBasis(p).map(
      ([text, n]) =>
        html`<li><strong>${int(n)}</strong> ${n === 1 ? "server" : "servers"}: ${text}</li>`
    )}</ul>
    <details class="more inner" id="sizing-list">
    <summary>Per server</summary>
    <table class="figures compact">
    <caption class="sr-only">What each server is sized on</caption>
    <thead><tr><th scope="col">Server</th><th scope="col">Count</th><th scope="col">Sized on</th></tr></thead>
    <tbody>${listed.map(
      (r) =>
        html`<tr><th scope="row">${r.name}</th><td>${r.count}</td><td>${basisText(r, p.sizing.comfortFactor)}</td></tr>`
    )}</tbody>
    </table>${rows.length > LISTED ? html`<p class="note">${M.moreServers(rows.length - LISTED)}</p>` : nothing}</details>`;
}

function idle(v: PaneView, p: Preview): TemplateResult {
  const servers = p.idle.reduce((s, i) => s + i.count, 0);
  const saving = p.idleSaving === null ? null : formatMoney(p.idleSaving, p.currency);
  if (servers === 0)
    return html`<h4>Idle servers</h4><p class="note" id="idle-none">${PANE_MESSAGES.idleFound(0, false, null, p.horizonYears)}</p>`;
  return html`<h4>Idle servers</h4>
    <div class="check" id="idle-toggle">
    <input type="checkbox" id="idle-retire" .checked=${live(p.retireIdle)} @change=${(e: Event) => v.actions.edit("demand.retireIdle", (e.target as HTMLInputElement).checked)} />
    <label for="idle-retire">${M.retireIdle(servers)}</label>
    </div>
    <p class=${`idle-saving${p.retireIdle ? " on" : ""}`} id="idle-saving">${PANE_MESSAGES.idleFound(servers, p.retireIdle, saving, p.horizonYears)}</p>
    <ul class="plain idle-list" id="idle-list">${p.idle
      .slice(0, 10)
      .map(
        (i) =>
          html`<li><strong>${i.name}</strong>${i.count > 1 ? ` ×${i.count}` : ""} — ${i.reason}</li>`
      )}</ul>${p.idle.length > 10 ? html`<p class="note">${M.moreServers(p.idle.length - 10)}</p>` : nothing}`;
}

/** The body: sizing basis per server, then the idle servers. */
export function serverDetailsBody(v: PaneView, p: Preview): TemplateResult {
  return html`${sizing(p)}${idle(v, p)}`;
}
