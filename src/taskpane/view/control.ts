/**
 * One control of the form, from its field-table row: a checkbox, a set of option checkboxes,
 * a select or a text box with its unit, help and validation message.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { live } from "lit-html/directives/live.js";
import type { OptionId } from "../../scenario";
import type { PlatformId } from "../../platform";
import { asText, unitText } from "../format";
import { inputOf } from "../draft";
import {
  enumValueLabel,
  issueText,
  messageId,
  optionChoice,
  shownText,
  typedValue as valueOfText,
  type ControlSpec,
} from "../form";
import { PANE_MESSAGES } from "../messages";
import { isPercent, percentHelp } from "../percent";
import { typedValue } from "./directives";
import type { PaneView } from "./paneView";

/** The value's message line (hidden when there is nothing to say). */
function message(spec: ControlSpec, text: string): TemplateResult {
  return html`<p class="msg" id=${messageId(spec.id)} ?hidden=${text === ""}>${text}</p>`;
}

/** The template of one control. */
export function controlTemplate(v: PaneView, spec: ControlSpec): TemplateResult {
  const f = spec.field;
  const value = inputOf(v.state.draft, spec.path);
  const own = v.issues.byControl.get(spec.path) ?? [];
  const invalid = own.length > 0 ? "true" : nothing;
  const msg = own.map((i) => issueText(i, f)).join(" ");
  const helpText =
    PANE_MESSAGES.fieldHelp[spec.path] ?? (isPercent(f) ? percentHelp(f.help) : f.help);
  const help = html`<p class="help" id=${`${spec.id}-help`}>${helpText}</p>`;
  const described = `${spec.id}-help ${messageId(spec.id)}`;
  const wrapClass = `field kind-${f.kind}${own.length > 0 ? " invalid" : ""}`;

  if (f.kind === "bool")
    return html`<div class=${wrapClass} data-path=${spec.path}>
      <div class="check">
      <input type="checkbox" id=${spec.id} aria-describedby=${described} aria-invalid=${invalid} .checked=${live(value === true)} @change=${(e: Event) => v.actions.edit(spec.path, (e.target as HTMLInputElement).checked)} />
      <label for=${spec.id}>${f.label}</label>
      </div>${help}${message(spec, msg)}</div>`;

  if (f.kind === "enumList") {
    const platform = asText(v.state.draft["platform"]);
    const chosen = Array.isArray(value) ? value.map(String) : [];
    const toggle = (option: string, on: boolean): void => {
      const next = (f.values ?? []).filter((o) => (o === option ? on : chosen.includes(o)));
      v.actions.edit(spec.path, next);
    };
    return html`<div class=${wrapClass} data-path=${spec.path}>
      <fieldset class="checks" id=${spec.id} aria-describedby=${described} aria-invalid=${invalid}>
      <legend>${f.label}</legend>${(f.values ?? []).map((option) => {
        const id = `${spec.id}-${option}`;
        const choice = optionChoice(platform, option as OptionId);
        return html`<div class="check">
        <input type="checkbox" id=${id} value=${option} aria-describedby=${`${id}-note`} .checked=${live(chosen.includes(option))} @change=${(e: Event) => toggle(option, (e.target as HTMLInputElement).checked)} />
        <label for=${id} ><span class="option-label" id=${`${id}-label`}>${choice.label}</span ><span class="option-note" id=${`${id}-note`} >${choice.unavailable ? ` — ${choice.unavailable}` : ""}</span >
        </label >
        </div>`;
      })}</fieldset>${help}${message(spec, msg)}</div>`;
  }

  const text = f.kind === "enum" ? asText(value) : shownText(f, value);
  const unit = f.kind !== "enum" && f.kind !== "string";
  const input =
    f.kind === "enum"
      ? html`<select id=${spec.id} aria-describedby=${described} aria-invalid=${invalid} @change=${(
          e: Event
        ) => {
          const chosen = (e.target as HTMLSelectElement).value;
          if (spec.path === "platform") v.actions.choosePlatform(chosen as PlatformId);
          else v.actions.edit(spec.path, chosen);
        }} >${[...(f.values ?? []), ...((f.values ?? []).includes(text) ? [] : [text])].map(
          (option) =>
            html`<option value=${option} ?selected=${option === text}>${enumValueLabel(f, option)}</option>`
        )}</select>`
      : html`<input type="text" id=${spec.id} autocomplete="off" spellcheck="false" inputmode=${f.kind === "string" ? nothing : f.kind === "int" ? "numeric" : "decimal"} aria-describedby=${unit ? `${spec.id}-unit ${described}` : described} aria-invalid=${invalid} ${typedValue(text, v.replaced)} @input=${(e: Event) => v.actions.edit(spec.path, valueOfText(f, (e.target as HTMLInputElement).value))} />`;
  return html`<div class=${wrapClass} data-path=${spec.path}>
    <label for=${spec.id}>${f.label}</label>
    <div class="input-wrap">${input}<span class="unit" id=${`${spec.id}-unit`}>${unitText(f.unit, v.currency)}</span>
    </div>${help}${message(spec, msg)}</div>`;
}
