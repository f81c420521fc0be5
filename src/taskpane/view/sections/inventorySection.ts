/**
 * Section 1, Inventory: totals, import tools, the column mapping and the import review when
 * they are open, the paged table — then what staying physical costs and the row defaults.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { int, pct } from "../../format";
import { PANE_MESSAGES } from "../../messages";
import { importTools } from "../inventory/importTools";
import { importViews } from "../inventory/importViews";
import { inventoryTable } from "../inventory/inventoryTable";
import type { PaneView } from "../paneView";
import { sectionTemplate } from "../section";

function statistics(v: PaneView): TemplateResult {
  const s = v.stats;
  const items: [string, string][] = [
    ["Servers", `${int(s.servers)} in ${int(s.rows)} rows`],
    ["Windows / Linux", `${int(s.windows)} / ${int(s.servers - s.windows)}`],
    ["Cores", int(s.cores)],
    ["RAM", `${int(s.memoryGiB)} GiB`],
    ["Average CPU", pct(s.averageCpuUtilization)],
    ["Peak CPU", pct(s.peakCpuUtilization)],
  ];
  return html`<dl class="stats" id="inv-stats">${items.map(
    ([k, value]) => html`<div class="stat"><dt>${k}</dt><dd>${value}</dd></div>`
  )}</dl>`;
}

export function inventorySection(v: PaneView): TemplateResult {
  const views = importViews();
  const top = html`<div class="inventory-tools">${statistics(v)} ${importTools(v)} ${views?.mappingStep(v) ?? nothing} ${views?.importReview(v) ?? nothing} ${inventoryTable(v)}</div>`;
  return sectionTemplate(
    v,
    "inventory",
    PANE_MESSAGES.inventorySummary(v.stats.servers, v.stats.rows),
    { top }
  );
}
