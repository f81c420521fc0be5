/**
 * "Assumptions to check": the assumptions register (`report/assumptions.ts`, the same rows as
 * the workbook's TCO Assumptions sheet and `evaluate`) — inputs changed from their defaults,
 * what an import assumed, and default prices without a firm source — each input a link to its
 * control.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import {
  ASSUMPTION_KINDS,
  type AssumptionKind,
  type AssumptionRow,
} from "../../report/assumptions";
import { CONTROLS_BY_PATH } from "../form";
import { PANE_MESSAGES } from "../messages";
import type { PaneView } from "./paneView";

const KINDS = Object.keys(ASSUMPTION_KINDS) as AssumptionKind[];

function item(v: PaneView, row: AssumptionRow): TemplateResult {
  const control = CONTROLS_BY_PATH.get(row.path)?.control;
  const label = control
    ? html`<a href=${`#${control.id}`} @click=${(e: Event) => {
        e.preventDefault();
        v.actions.focus(control.id);
      }}>${row.label}</a>`
    : html`<span class="register-label">${row.label}</span>`;
  return html`<li data-kind=${row.kind} data-path=${row.path}>
    <div class="register-head">${label}<span class="register-value">${row.value}</span></div>${
      row.defaultValue !== null
        ? html`<p class="register-default">${PANE_MESSAGES.assumptionDefault(row.defaultValue)}</p>`
        : nothing
    }<p class="register-source">${row.source}</p>
    </li>`;
}

export function assumptionsCard(v: PaneView): TemplateResult {
  const rows = v.assumptions;
  const count = rows?.length ?? 0;
  return html`<details class="card assumptions" id="assumptions">
    <summary><h2>Assumptions to check</h2><span class="count" id="assumptions-count">${rows === null ? "–" : count}</span></summary>
    <p class="help">${PANE_MESSAGES.assumptionsHelp}</p>${
      rows === null
        ? html`<p class="note">${PANE_MESSAGES.assumptionsWaiting}</p>`
        : KINDS.map((kind) => {
            const own = rows.filter((r) => r.kind === kind);
            return own.length === 0
              ? nothing
              : html`<h3 id=${`assumptions-${kind}`}>${ASSUMPTION_KINDS[kind]} (${own.length})</h3>
                <ul class="register">${own.map((r) => item(v, r))}</ul>`;
          })
    }${rows !== null && count === 0 ? html`<p class="note">${PANE_MESSAGES.assumptionsNone}</p>` : nothing}</details>`;
}
