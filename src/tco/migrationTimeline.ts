/**
 * Leaving VMware, month by month: from the start date, the months to the renewal date, when
 * the first VM moves and how many move each month, when the last one has left (the old
 * platform runs until then: dual running), whether VMware must be renewed because the move
 * ends after the renewal date (whole terms from the renewal date until the move is done), and
 * when Azure Hybrid Benefit's 180 days of dual use can start. Cash flows stay yearly: each
 * profile is summed into months per year, which the cost lines multiply (`amount × months ÷ 12`).
 *
 * Month m is the m-th month from the start date (month 0 starts on it). A renewal date inside
 * month m bills VMware from month m on (the whole month: the conservative reading).
 */
import type { Scenario } from "../scenario";

/** The month profiles cost lines can follow. Each is 1 in a month it applies to, else 0. */
export const TIMELINE_PROFILES = [
  "afterRenewal",
  "vmwareOwed",
  "lateRenewalYear",
  "oldPlatform",
  "hybridBenefitPending",
] as const;
export type TimelineProfile = (typeof TIMELINE_PROFILES)[number];

/** What each profile means, for the workbook and the pane. */
export const PROFILE_LABELS: Readonly<Record<TimelineProfile, string>> = {
  afterRenewal: "Months after the renewal date (staying on VMware pays its subscription)",
  vmwareOwed: "Months of VMware renewal terms bought because the move ends after the renewal date",
  lateRenewalYear: "Months of the first renewal year carrying the late-renewal penalty",
  oldPlatform: "Months the old VMware hosts still run (until the last VM has moved)",
  hybridBenefitPending:
    "Months before Azure Hybrid Benefit's 180 days of dual use start (Azure Local fees still billed)",
};

/** Months of Azure Hybrid Benefit dual use while migrating (Microsoft Learn windows-server azure-hybrid-benefit.md, 2025-09-03: "You have 180 days of concurrent licensing to migrate your servers"). */
export const HYBRID_BENEFIT_DUAL_USE_MONTHS = 6;

export interface TimelineMonth {
  /** 0-based month from the start date. */
  readonly month: number;
  /** 1-based year of the cash flow it falls in. */
  readonly year: number;
  /** The first day of the month, `YYYY-MM-DD`. */
  readonly starts: string;
  /** VMs moved during this month. */
  readonly moved: number;
  /** VMs on the new platform at the month's end. */
  readonly onNewPlatform: number;
  readonly flags: Readonly<Record<TimelineProfile, 0 | 1>>;
}

export interface MigrationTimeline {
  readonly startDate: string;
  readonly renewalDate: string;
  /** Whole months from the start date to the month the renewal date falls in. */
  readonly monthsToRenewal: number;
  readonly firstMoveMonth: number;
  readonly vmsToMove: number;
  readonly vmsPerMonth: number;
  /** The first month with no VM left on VMware (the old platform runs in months before it). */
  readonly moveEndMonth: number;
  /** The move ends after the renewal date: VMware renewal terms are bought. */
  readonly renewalNeeded: boolean;
  /** Renewal terms bought (each `termYears` long), 0 when none is needed. */
  readonly renewalTerms: number;
  /** The renewal is placed late (`licensing.vmware.renewLate`): its first year carries the penalty. */
  readonly renewedLate: boolean;
  /** First month Azure Hybrid Benefit can waive Azure Local fees (180 days before the move ends). */
  readonly hybridBenefitFromMonth: number;
  /** Month by month over the horizon. */
  readonly months: readonly TimelineMonth[];
  /** Months per year 0…N for each profile (year 0 is the purchase instant: always 0). */
  readonly monthsPerYear: Readonly<Record<TimelineProfile, readonly number[]>>;
}

function parts(iso: string): [number, number, number] {
  return iso.split("-").map(Number) as [number, number, number];
}

/** Whole months from `from` to the month `to` falls in (the month of `from` counts from its day). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  const months = (y2 - y1) * 12 + (m2 - m1);
  return Math.max(0, d2 < d1 ? months - 1 : months);
}

function monthStart(start: string, m: number): string {
  const [y, mo, d] = parts(start);
  const total = y * 12 + (mo - 1) + m;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * The timeline of moving `vmsToMove` VMs off VMware under the scenario's dates and pace.
 * Renewal terms are bought from the renewal date, one after another, until the move has ended
 * (a term is committed in full, even when the move ends early in it).
 */
export function migrationTimeline(scenario: Scenario, vmsToMove: number): MigrationTimeline {
  const { finance } = scenario;
  const { vmware } = scenario.licensing;
  const horizonMonths = finance.horizonYears * 12;
  const monthsToRenewal = monthsBetween(finance.startDate, vmware.renewalDate);
  const firstMoveMonth = finance.monthsBeforeFirstMove;
  const vmsPerMonth = finance.migrationVmsPerMonth;
  const moveEndMonth = firstMoveMonth + Math.ceil(vmsToMove / vmsPerMonth);
  const renewalNeeded = moveEndMonth > monthsToRenewal;
  const termMonths = vmware.termYears * 12;
  const renewalTerms = renewalNeeded ? Math.ceil((moveEndMonth - monthsToRenewal) / termMonths) : 0;
  const owedEnd = monthsToRenewal + renewalTerms * termMonths;
  const renewedLate = renewalNeeded && vmware.renewLate;
  const hybridBenefitFromMonth = Math.max(0, moveEndMonth - HYBRID_BENEFIT_DUAL_USE_MONTHS);

  const months: TimelineMonth[] = [];
  const monthsPerYear = Object.fromEntries(
    TIMELINE_PROFILES.map((p) => [p, Array.from({ length: finance.horizonYears + 1 }, () => 0)])
  ) as Record<TimelineProfile, number[]>;
  let onNew = 0;
  for (let m = 0; m < horizonMonths; m++) {
    const moved = m >= firstMoveMonth ? Math.min(vmsPerMonth, vmsToMove - onNew) : 0;
    onNew += moved;
    const flags: Record<TimelineProfile, 0 | 1> = {
      afterRenewal: m >= monthsToRenewal ? 1 : 0,
      vmwareOwed: m >= monthsToRenewal && m < owedEnd ? 1 : 0,
      lateRenewalYear: renewedLate && m >= monthsToRenewal && m < monthsToRenewal + 12 ? 1 : 0,
      oldPlatform: m < moveEndMonth ? 1 : 0,
      hybridBenefitPending: m < hybridBenefitFromMonth ? 1 : 0,
    };
    const year = Math.floor(m / 12) + 1;
    for (const p of TIMELINE_PROFILES) (monthsPerYear[p][year] as number) += flags[p];
    months.push({
      month: m,
      year,
      starts: monthStart(finance.startDate, m),
      moved,
      onNewPlatform: onNew,
      flags,
    });
  }
  return {
    startDate: finance.startDate,
    renewalDate: vmware.renewalDate,
    monthsToRenewal,
    firstMoveMonth,
    vmsToMove,
    vmsPerMonth,
    moveEndMonth,
    renewalNeeded,
    renewalTerms,
    renewedLate,
    hybridBenefitFromMonth,
    months,
    monthsPerYear,
  };
}
