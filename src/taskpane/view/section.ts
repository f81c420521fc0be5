/**
 * The frame every form section shares: a numbered disclosure with its title, a one-line
 * summary of its values, a badge counting its problems, its help, then its groups of
 * controls. A collapsed group opens by itself when a problem appears in it.
 */
import { html, noChange, nothing, type TemplateResult } from "lit-html";
import { PANE_MESSAGES } from "../messages";
import {
  PANE_SECTIONS,
  issueCountsBySection,
  shown,
  type ControlSpec,
  type GroupSpec,
  type PaneSectionKey,
} from "../form";
import { controlTemplate } from "./control";
import type { PaneView } from "./paneView";

/** The spec of a pane section by key. */
export function sectionSpec(key: PaneSectionKey) {
  const index = PANE_SECTIONS.findIndex((s) => s.key === key);
  const spec = PANE_SECTIONS[index];
  if (!spec) throw new Error(`No pane section ${key}`);
  return { spec, index };
}

/** One group of controls; `after` may add content right after a control (the platform offer). */
export function groupTemplate(
  v: PaneView,
  g: GroupSpec,
  after: (c: ControlSpec) => TemplateResult | typeof nothing = () => nothing
): TemplateResult | typeof nothing {
  const draft = v.state.draft;
  const hasIssue = g.controls.some((c) => v.issues.byControl.has(c.path));
  if (!shown(g, draft, hasIssue)) return nothing;
  const visible = g.controls.filter((c) => shown(c, draft, v.issues.byControl.has(c.path)));
  const body = html`<div class="group-body">${visible.map((c) => html`${controlTemplate(v, c)}${after(c)}`)}</div>`;
  const help = g.help ? html`<p class="help">${g.help}</p>` : nothing;
  if (!g.collapsed)
    return html`<div class="group" id=${`grp-${g.key}`}>${g.title ? html`<h3>${g.title}</h3>` : nothing}${help}${body}</div>`;
  return html`<details class="group more" id=${`grp-${g.key}`} ?open=${hasIssue ? true : noChange}>
    <summary>${g.title ?? "More"}</summary>${help}${body}</details>`;
}

/** A whole section: `summary` is its one-line digest; `top` comes before its groups. */
export function sectionTemplate(
  v: PaneView,
  key: PaneSectionKey,
  summary: string,
  options: {
    readonly top?: TemplateResult;
    readonly after?: (c: ControlSpec) => TemplateResult | typeof nothing;
  } = {}
): TemplateResult {
  const { spec, index } = sectionSpec(key);
  const issues = issueCountsBySection(v.issues.all)[key];
  return html`<details class=${`section${issues > 0 ? " has-issues" : ""}`} id=${`sec-${key}`} ?open=${index === 0 ? true : noChange} >
    <summary id=${`sec-${key}-summary`}><span class="step" aria-hidden="true">${index + 1}</span><span class="section-title" >
    <h2>${spec.title}</h2><span class="section-sum">${summary}</span></span ><span class="badge" ?hidden=${issues === 0}>${PANE_MESSAGES.sectionIssues(issues)}</span>
    </summary>
    <p class="section-help">${spec.help}</p>${options.top ?? nothing} ${spec.groups.map((g) => groupTemplate(v, g, options.after))}</details>`;
}
