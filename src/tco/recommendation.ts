/** The recommendation in one sentence a manager understands. */
import { formatWhole, type Dec } from "../money";
import type { Scenario } from "../scenario";
import { baselinePhrase } from "./baseline";
import { VMWARE_OPTIONS } from "./leavingVmware";
import type { MigrationTimeline } from "./migrationTimeline";
import type { CostSchedule } from "./cashflow";
import { TCO_MESSAGES, paybackClause } from "./messages";
import type { OptionAnalysis } from "./types";

// No sign on zero: decimal.js keeps −0 (0 − 0 negated), which would read "−USD 0".
const grouped = (amount: Dec, currency: string): string =>
  `${amount.isNegative() && !amount.isZero() ? "−" : ""}${currency} ${formatWhole(amount.abs())}`;

const HYPERVISORS: Readonly<Partial<Record<OptionAnalysis["id"], string>>> = {
  vsphere: "vSphere",
  vcf: "VMware Cloud Foundation",
  vvf: "VMware vSphere Foundation",
  "azure-local": "Azure Local",
};

/** The recommendation in one sentence; names the move and the timeline when leaving VMware. */
export function recommendationSentence(
  scenario: Scenario,
  physical: CostSchedule,
  options: readonly OptionAnalysis[],
  best: OptionAnalysis | null,
  timeline: MigrationTimeline | null = null
): string {
  const n = scenario.finance.horizonYears;
  const baseline = baselinePhrase(scenario);
  if (!best)
    return TCO_MESSAGES.noEligibleOption(
      options.map((o) => ({ label: o.label, reason: o.reasons[0] ?? "" }))
    );
  const servers = scenario.inventory.reduce((s, r) => s + r.count, 0);
  const hosts = best.capacity.hosts;
  const saving = physical.total.minus(best.costs.total);
  const c = best.capacity;
  const staying = c.stayPhysical.reduce((s, p) => s + p.count, 0);
  const retired = c.idle.filter((i) => i.retired).reduce((s, i) => s + i.count, 0);
  const hypervisor = HYPERVISORS[best.id] ?? "Hyper-V";
  const leaving = scenario.finance.baseline !== "physical";
  const verb = leaving ? "Moving" : "Consolidating";
  const what = leaving ? "workloads" : "servers";
  const switching = leaving && VMWARE_OPTIONS.has(best.id);
  if (!switching && servers - staying === 0)
    return TCO_MESSAGES.nothingToConsolidate(servers, what, best.label);
  const grows = best.hostsByYear.some((h) => h !== hosts);
  const last = best.hostsByYear[best.hostsByYear.length - 1] ?? hosts;
  const consolidation = switching
    ? `Renewing ${hypervisor} instead (the same ${hosts} host${hosts === 1 ? "" : "s"}, no move)`
    : `${verb} ${servers - staying - retired} of ${servers} ${what}` +
      (retired > 0 ? ` (retiring ${retired} idle)` : "") +
      ` onto ${hosts} ${hypervisor} host${hosts === 1 ? "" : "s"}` +
      // With candidate hosts, which one was bought is part of the answer.
      (scenario.hostOptions !== undefined ? ` (${best.hostName})` : "") +
      (grows ? ` (${last} by year ${n} as demand grows)` : "");
  if (saving.isZero()) {
    return `${consolidation} with ${best.label} costs the same as ${baseline} over ${n} years.`;
  }
  if (saving.lt(0)) {
    return `${consolidation} with ${best.label} is the cheapest option, but it costs ${grouped(saving.neg(), scenario.currency)} more than ${baseline} over ${n} years — ${baseline} is cheaper on these assumptions.`;
  }
  const payback = best.businessCase.payback;
  const when = paybackClause(payback, n);
  const runnerUp = options
    .filter((o) => o.eligible && o.id !== best.id)
    .sort((a, b) => a.costs.total.comparedTo(b.costs.total))[0];
  const versus = runnerUp
    ? `; ${runnerUp.label} would cost ${grouped(runnerUp.costs.total.minus(best.costs.total), scenario.currency)} more`
    : "";
  const move = timeline && !switching ? ` ${moveSentence(timeline)}` : "";
  const withWhat = switching ? "" : ` with ${best.label}`;
  return `${consolidation}${withWhat} saves ${grouped(saving, scenario.currency)} over ${n} years against ${baseline} (NPV ${grouped(best.businessCase.npv, scenario.currency)}) and ${when}${versus}.${move}`;
}

/** The move against the renewal date, in one sentence. */
export function moveSentence(t: MigrationTimeline): string {
  const pace = `${t.vmsPerMonth} VM${t.vmsPerMonth === 1 ? "" : "s"} a month from month ${t.firstMoveMonth}`;
  if (!t.renewalNeeded)
    return `At ${pace} the last VM leaves VMware in month ${t.moveEndMonth}, before the renewal date (${t.renewalDate}, month ${t.monthsToRenewal}): no renewal is bought.`;
  const terms = `${t.renewalTerms} VMware renewal term${t.renewalTerms === 1 ? "" : "s"}${t.renewedLate ? " with the late-renewal penalty" : ""}`;
  return `At ${pace} the last VM leaves VMware in month ${t.moveEndMonth}, after the renewal date (${t.renewalDate}, month ${t.monthsToRenewal}): ${terms} and the dual running are included.`;
}
