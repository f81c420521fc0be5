/**
 * The body of "Assumptions to check": the assumptions register (`report/assumptions.ts`, the
 * same rows as the workbook's TCO Assumptions sheet and `evaluate`) — inputs changed from
 * their defaults, what an import assumed, and default prices without a firm source — each
 * input a link to its control.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import {
  ASSUMPTION_KINDS,
  assumptionsRegister,
  type AssumptionKind,
  type AssumptionRow,
} from "../../../report/assumptions";
import { defaultSections, type Scenario } from "../../../scenario";
import { CONTROLS_BY_PATH } from "../../form";
import type { PaneView } from "../paneView";
import { DETAIL_MESSAGES as M } from "./messages";

const KINDS = Object.keys(ASSUMPTION_KINDS) as AssumptionKind[];

/** The register of each validated scenario, computed once (a render per keystroke reuses it). */
const registers = new WeakMap<Scenario, readonly AssumptionRow[]>();

/** The register of the valid scenario on screen; null while the inputs are invalid. */
export function registerOf(v: PaneView): readonly AssumptionRow[] | null {
  const validation = v.state.validation;
  if (!validation.ok) return null;
  const scenario = validation.scenario;
  let rows = registers.get(scenario);
  if (!rows) {
    rows = assumptionsRegister(
      scenario,
      scenario.imported?.assumptions ?? [],
      defaultSections(scenario.platform)
    );
    registers.set(scenario, rows);
  }
  return rows;
}

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
        ? html`<p class="register-default">${M.assumptionDefault(row.defaultValue)}</p>`
        : nothing
    }<p class="register-source">${row.source}</p>
    </li>`;
}

/** The register grouped by kind (changed, imported, uncertain). */
export function assumptionsBody(v: PaneView): TemplateResult {
  const rows = registerOf(v);
  return html`<p class="help">${M.assumptionsHelp}</p>${
    rows === null
      ? html`<p class="note">${M.assumptionsWaiting}</p>`
      : KINDS.map((kind) => {
          const own = rows.filter((r) => r.kind === kind);
          return own.length === 0
            ? nothing
            : html`<h3 id=${`assumptions-${kind}`}>${ASSUMPTION_KINDS[kind]} (${own.length})</h3>
              <ul class="register">${own.map((r) => item(v, r))}</ul>`;
        })
  }${rows !== null && rows.length === 0 ? html`<p class="note">${M.assumptionsNone}</p>` : nothing}`;
}
