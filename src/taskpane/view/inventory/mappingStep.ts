/** The column mapping for an export we do not recognise: which column holds what, and units. */
import { html, nothing, type TemplateResult } from "lit-html";
import { INVENTORY_FIELDS } from "../../../scenario";
import { MAPPABLE_FIELDS, type MappableField, type MappingUnits } from "../../../inventory/types";
import { PANE_MESSAGES } from "../../messages";
import type { MappingStep } from "../../state";
import type { PaneView } from "../paneView";

const MAPPABLE_LABELS: Readonly<Record<MappableField, string>> = {
  ...(Object.fromEntries(INVENTORY_FIELDS.map((f) => [f.key, f.label])) as Record<string, string>),
  powerState: "Power state",
} as Record<MappableField, string>;

const REQUIRED_MAPPED: readonly MappableField[] = ["name", "cores", "memoryGiB"];

function unitSelect<K extends keyof MappingUnits>(
  v: PaneView,
  m: MappingStep,
  key: K,
  label: string,
  values: readonly MappingUnits[K][]
): TemplateResult {
  const id = `map-unit-${key}`;
  return html`<div class="map-row"><label for=${id}>${label}</label><select id=${id} @change=${(
    e: Event
  ) =>
    v.actions.changeUnits({
      ...m.units,
      [key]: (e.target as HTMLSelectElement).value,
    })} >${values.map((u) => html`<option value=${String(u)} ?selected=${u === m.units[key]}>${String(u)}</option>`)}</select>
      </div>`;
}

export function mappingStep(v: PaneView): TemplateResult {
  const m = v.state.mapping;
  if (!m)
    return html`<div class="review" id="inv-mapping" role="region" aria-labelledby="inv-mapping-h" hidden >
      </div>`;
  const headers = m.candidate.headers.filter((x) => x.trim() !== "");
  const missing = REQUIRED_MAPPED.filter((f) => !m.mapping[f]);
  const fields = MAPPABLE_FIELDS.map((field) => {
    const id = `map-${field}`;
    const chosen = m.mapping[field] ?? "";
    return html`<div class="map-row">
      <label for=${id} >${MAPPABLE_LABELS[field]}${REQUIRED_MAPPED.includes(field) ? " (needed)" : ""}</label >
      <select id=${id} @change=${(e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        v.actions.changeMapping(field, value === "" ? null : value);
      }} ><option value="" ?selected=${chosen === ""}>(not in the file)</option>${headers.map((x) => html`<option value=${x} ?selected=${x === chosen}>${x}</option>`)}</select>
      </div>`;
  });
  const sizes = ["GiB", "MiB", "KiB", "TiB", "bytes"] as const;
  return html`<div class="review" id="inv-mapping" role="region" aria-labelledby="inv-mapping-h">
    <h3 id="inv-mapping-h">Map the columns of ${m.fileName}</h3>
    <p>${PANE_MESSAGES.mappingIntro(m.fileName)}</p>
    <div class="map-grid">${fields}</div>
    <h4>Units</h4>
    <div class="map-grid">${unitSelect(v, m, "memory", "RAM in", sizes)} ${unitSelect(v, m, "storage", "Storage in", sizes)} ${unitSelect(v, m, "clock", "Core clock in", ["auto", "GHz", "MHz"])} ${unitSelect(v, m, "utilization", "CPU use as", ["auto", "fraction", "percent"])}</div>${
      missing.length > 0
        ? html`<p class="msg block">${PANE_MESSAGES.mappingMissing(missing.map((f) => MAPPABLE_LABELS[f]).join(", "))}</p>`
        : nothing
    }<div class="actions">
    <button type="button" class="btn primary small" id="map-apply" ?disabled=${missing.length > 0} @click=${() => v.actions.applyMapping()} >Import with this mapping</button>
    <button type="button" class="btn small" @click=${() => v.actions.cancelImport()}>Cancel</button>
    </div>
    </div>`;
}
