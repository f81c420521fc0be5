/** Section 6, Housing: power tariff, PUE, rack space and setup. */
import type { TemplateResult } from "lit-html";
import { asText } from "../../format";
import { inputOf } from "../../draft";
import type { PaneView } from "../paneView";
import { sectionTemplate } from "../section";

export function housingSection(v: PaneView): TemplateResult {
  const d = v.state.draft;
  return sectionTemplate(
    v,
    "housing",
    `${v.currency} ${asText(inputOf(d, "housing.electricityPerKWh"))} per kWh, PUE ${asText(inputOf(d, "housing.pue"))}`
  );
}
