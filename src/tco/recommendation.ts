/** The recommendation in one sentence a manager understands. */
import { formatWhole, type Dec } from "../money";
import type { Scenario } from "../scenario";
import { baselineLabel } from "./baseline";
import type { CostSchedule } from "./cashflow";
import type { OptionAnalysis } from "./types";

const grouped = (amount: Dec, currency: string): string =>
  `${amount.isNegative() ? "−" : ""}${currency} ${formatWhole(amount.abs())}`;

export function recommendationSentence(
  scenario: Scenario,
  physical: CostSchedule,
  options: readonly OptionAnalysis[],
  best: OptionAnalysis | null
): string {
  const n = scenario.finance.horizonYears;
  const baseline = baselineLabel(scenario).toLowerCase().replace("vsphere", "vSphere");
  if (!best)
    return "None of the options compared can be used here; see the reasons on the Licensing sheet.";
  const servers = scenario.inventory.reduce((s, r) => s + r.count, 0);
  const hosts = best.capacity.hosts;
  const saving = physical.total.minus(best.costs.total);
  const c = best.capacity;
  const staying = c.stayPhysical.reduce((s, p) => s + p.count, 0);
  const retired = c.idle.filter((i) => i.retired).reduce((s, i) => s + i.count, 0);
  const hypervisor = best.id === "vsphere" ? "vSphere" : "Hyper-V";
  const verb = scenario.finance.baseline === "vsphere" ? "Moving" : "Consolidating";
  const what = scenario.finance.baseline === "vsphere" ? "workloads" : "servers";
  const grows = best.hostsByYear.some((h) => h !== hosts);
  const last = best.hostsByYear[best.hostsByYear.length - 1] ?? hosts;
  const consolidation =
    `${verb} ${servers - staying - retired} of ${servers} ${what}` +
    (retired > 0 ? ` (retiring ${retired} idle)` : "") +
    ` onto ${hosts} ${hypervisor} host${hosts === 1 ? "" : "s"}` +
    (grows ? ` (${last} by year ${n} as demand grows)` : "");
  if (saving.lte(0)) {
    return `${consolidation} with ${best.label} is the cheapest option, but it costs ${grouped(saving.neg(), scenario.currency)} more than ${baseline} over ${n} years — ${baseline} is cheaper on these assumptions.`;
  }
  const payback = best.businessCase.payback;
  const when = payback.reached
    ? `pays back in ${payback.months.toDecimalPlaces(0).toString()} months`
    : `does not pay back within ${n} years`;
  const runnerUp = options
    .filter((o) => o.eligible && o.id !== best.id)
    .sort((a, b) => a.costs.total.comparedTo(b.costs.total))[0];
  const versus = runnerUp
    ? `; ${runnerUp.label} would cost ${grouped(runnerUp.costs.total.minus(best.costs.total), scenario.currency)} more`
    : "";
  return `${consolidation} with ${best.label} saves ${grouped(saving, scenario.currency)} over ${n} years against ${baseline} (NPV ${grouped(best.businessCase.npv, scenario.currency)}) and ${when}${versus}.`;
}
