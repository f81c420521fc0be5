/**
 * Section 2, Demand and growth: what servers are sized on (measured use × comfort factor where
 * the inventory carries it, else peak), which idle servers to retire — with what the preview
 * found — and the yearly growth of demand.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { inputOf } from "../../draft";
import { int } from "../../format";
import { PANE_MESSAGES } from "../../messages";
import { percentLabel } from "../../percent";
import { formatMoney } from "../../preview";
import type { ControlSpec } from "../../form";
import type { PaneView } from "../paneView";
import { sectionTemplate } from "../section";

/** Under "Size servers on": how many servers carry measured use, at which percentile. */
function measuredNote(v: PaneView): TemplateResult {
  const s = v.stats;
  return html`<p class="note field-note" id="demand-measured-note">${PANE_MESSAGES.measuredServers(s.measured, s.servers, s.percentiles)}</p>`;
}

/** Under "Retire idle servers": what the preview found and what retiring them saves. */
function idleNote(v: PaneView): TemplateResult {
  const p = v.state.preview;
  if (!p) return html``;
  const servers = p.idle.reduce((sum, i) => sum + i.count, 0);
  const saving = p.idleSaving === null ? null : formatMoney(p.idleSaving, p.currency);
  return html`<p class="note field-note" id="demand-idle-note">${PANE_MESSAGES.idleFound(servers, p.retireIdle, saving, p.horizonYears)}</p>`;
}

function growthSummary(v: PaneView): string {
  const rate = inputOf(v.state.draft, "growth.ratePerYear");
  const own = (["cpu", "memory", "storage"] as const).some(
    (r) => String(inputOf(v.state.draft, `growth.${r}RatePerYear`) ?? "").trim() !== ""
  );
  if (own) return PANE_MESSAGES.growthOwnRates;
  return Number(rate) === 0 ? PANE_MESSAGES.growthNone : `${percentLabel(rate)} a year growth`;
}

export function demandSection(v: PaneView): TemplateResult {
  const d = v.state.draft;
  const measured = inputOf(d, "demand.basis") !== "peak" && v.stats.measured > 0;
  const basis = measured
    ? `Measured × ${String(inputOf(d, "demand.comfortFactor") ?? "")} (${int(v.stats.measured)} servers)`
    : "Peak";
  const after = (c: ControlSpec): TemplateResult | typeof nothing =>
    c.path === "demand.basis"
      ? measuredNote(v)
      : c.path === "demand.retireIdle"
        ? idleNote(v)
        : nothing;
  return sectionTemplate(v, "demand", `${basis}, ${growthSummary(v)}`, { after });
}
