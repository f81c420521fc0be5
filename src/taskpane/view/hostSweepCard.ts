/**
 * Which host to buy, under the result card (only when the draft lists candidate hosts): per
 * eligible option, the host bought and every candidate's hosts, licensed cores and TCO, the
 * bought one marked, and why it wins.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { formatMoney, shortLabel } from "../preview";
import type { PaneView } from "./paneView";

export function hostSweepCard(v: PaneView): TemplateResult | typeof nothing {
  const p = v.state.preview;
  if (!p || !Array.isArray(v.state.draft["hostOptions"])) return nothing;
  const options = p.options.filter((o) => o.eligible && o.host.candidates.length > 1);
  if (options.length === 0) return nothing;
  return html`<section id="host-sweep" class="card host-sweep" aria-labelledby="host-sweep-h">
    <h2 id="host-sweep-h">Which host to buy</h2>
    ${options.map(
      (o) => html`<details class="host-sweep-option" data-option=${o.id}>
      <summary><strong>${shortLabel(o.label)}</strong>: ${o.host.chosen}</summary>
      <table class="figures">
      <caption class="sr-only">Candidate hosts for ${o.label}</caption>
      <thead><tr><th scope="col">Candidate</th><th scope="col">Hosts</th><th scope="col">Licensed cores</th><th scope="col">TCO</th></tr></thead>
      <tbody>${o.host.candidates.map(
        (c) => html`<tr class=${c.chosen ? "recommended" : ""}>
        <th scope="row">${c.name}${c.chosen ? html`<span class="tag">Bought</span>` : nothing}</th><td>${c.hosts}</td><td>${c.licensedCores ?? "–"}</td><td>${c.tco === null ? "not possible" : formatMoney(c.tco, p.currency)}</td></tr>`
      )}</tbody>
      </table>
      <p class="note">${o.host.reason}</p>
      </details>`
    )}
    </section>`;
}
