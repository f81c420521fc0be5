/** Section 7, Manpower: the admin rate and hours per server, host and VM. */
import type { TemplateResult } from "lit-html";
import { asText } from "../../format";
import { inputOf } from "../../draft";
import type { PaneView } from "../paneView";
import { sectionTemplate } from "../section";

export function manpowerSection(v: PaneView): TemplateResult {
  const rate = asText(inputOf(v.state.draft, "manpower.adminHourlyRate"));
  return sectionTemplate(v, "manpower", `${v.currency} ${rate} per admin hour`);
}
