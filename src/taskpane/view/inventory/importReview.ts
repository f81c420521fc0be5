/** An import read and waiting: what it holds, what was left out and assumed — accept or cancel. */
import { html, nothing, type TemplateResult } from "lit-html";
import { int } from "../../format";
import type { PaneView } from "../paneView";

const list = (title: string, items: readonly string[]): TemplateResult | typeof nothing =>
  items.length === 0
    ? nothing
    : html`<h4>${title}</h4><ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;

const stat = (label: string, value: string): TemplateResult =>
  html`<div class="stat"><dt>${label}</dt><dd>${value}</dd></div>`;

export function importReview(v: PaneView): TemplateResult {
  const r = v.state.importReview;
  if (!r)
    return html`<div class="review" id="inv-review" role="region" aria-labelledby="inv-review-h" hidden >
      </div>`;
  const rep = r.report;
  const excluded = rep.excluded.filter((e) => e.count > 0);
  const names = (rows: readonly { readonly name: string }[]): string =>
    rows.length === 0
      ? ""
      : ` — ${rows
          .slice(0, 5)
          .map((x) => x.name)
          .join(", ")}${rows.length > 5 ? ", …" : ""}`;
  return html`<div class="review" id="inv-review" role="region" aria-labelledby="inv-review-h">
    <h3 id="inv-review-h">Check the import: ${r.source}</h3>
    <p>${rep.formatLabel}: ${int(rep.rowsRead)} rows read, ${int(rep.totals.servers)} servers in ${int(rep.rowsOut)} rows to import.</p>
    <dl class="stats">${stat("Cores", int(rep.totals.cores))} ${stat("RAM", `${int(Number(rep.totals.memoryGiB))} GiB`)} ${stat("Storage", `${int(Number(rep.totals.storageGiB))} GiB`)}</dl>${list(
      `Left out (${int(excluded.reduce((s, e) => s + e.count, 0))})`,
      excluded.map((e) => `${e.label}: ${int(e.count)}${names(e.rows)}`)
    )} ${list(
      "Assumed",
      rep.assumed.map((a) => a.message)
    )} ${list(
      "Problems",
      rep.problems.map((p) => `${p.where}: ${p.message}`)
    )} ${list("Notes", [...rep.notes])}<div class="actions">
    <button type="button" class="btn primary small" id="inv-review-accept" @click=${() => v.actions.acceptImport()} >Replace the inventory with ${int(rep.totals.servers)} servers</button>
    <button type="button" class="btn small" id="inv-review-cancel" @click=${() => v.actions.cancelImport()} >Cancel</button>
    </div>
    </div>`;
}
