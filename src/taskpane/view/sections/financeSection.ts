/** Section 8, Finance: horizon, discount rate, depreciation, the report's name and currency. */
import type { TemplateResult } from "lit-html";
import { asText } from "../../format";
import { inputOf } from "../../draft";
import { percentLabel } from "../../percent";
import type { PaneView } from "../paneView";
import { sectionTemplate } from "../section";

export function financeSection(v: PaneView): TemplateResult {
  const d = v.state.draft;
  return sectionTemplate(
    v,
    "finance",
    `${asText(inputOf(d, "finance.horizonYears"))} years at ${percentLabel(inputOf(d, "finance.discountRate"))}`
  );
}
