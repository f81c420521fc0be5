/**
 * The preview: what the pane shows of an `Analysis`, as plain numbers and strings (money
 * rounded to whole currency units — a preview, not the audited figures of the report), and
 * the plain series the charts are fed. `toPreview.ts` builds it (loaded after the first
 * render, with the engine); this module holds its shape and what the views format with.
 */
import type { BindingResource } from "../capacity/contract";
import { BASELINE_KEY } from "../report/palette";
import { currencySymbol } from "../report/formats";
import { RECOMMENDED_SUFFIX, shortOptionLabel } from "../report/labels";
import { PANE_MESSAGES } from "./messages";
import type { HostPreview } from "./hostPreview";

/** One cluster of an option's plan: its size, what decided it, and its storage in decimal TB. */
export interface PreviewCluster {
  readonly nodes: number;
  readonly vms: number;
  /** Hosts added so the cluster survives its failures. */
  readonly failoverReserve: number;
  readonly binding: BindingResource;
  readonly storage: {
    readonly kind: "san" | "s2d";
    /** S2D only (null with a SAN). */
    readonly rawTB: number | null;
    readonly reserveTB: number | null;
    readonly usableTB: number | null;
    readonly neededTB: number;
    readonly layout: string | null;
    readonly efficiency: number | null;
  };
}

/** One licence line of an option (money in whole currency units). */
export interface PreviewLicenceLine {
  readonly sku: string;
  readonly label: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly cost: number;
  readonly recurrence: "once" | "yearly";
  readonly basis: string;
}

/** What a server row was sized on. */
export interface PreviewSizing {
  readonly name: string;
  readonly count: number;
  readonly basis: "measured" | "peak";
  /** The measured statistic (p95 …), null when sized on peak or when the import did not say. */
  readonly percentile: string | null;
}

/** A server that looks idle, and whether it is retired. */
export interface PreviewIdle {
  readonly name: string;
  readonly count: number;
  readonly reason: string;
  readonly retired: boolean;
}

/** One licensing option as the preview shows it (money in whole currency units). */
export interface PreviewOption {
  readonly id: string;
  readonly label: string;
  readonly eligible: boolean;
  readonly reasons: readonly string[];
  readonly recommended: boolean;
  readonly hosts: number;
  readonly clusters: number;
  /** Total cost of ownership over the horizon. */
  readonly tco: number;
  readonly savings: number;
  readonly npv: number;
  /** IRR in percent, or null when none exists. */
  readonly irrPercent: number | null;
  /** Months until cumulative savings turn non-negative; null = not within the horizon. */
  readonly paybackMonths: number | null;
  /** Cumulative net saving at the end of each year 0…N. */
  readonly cumulative: readonly number[];
  /** Today's clusters (year 0). */
  readonly clusterPlans: readonly PreviewCluster[];
  /** Hosts owned in years 0…N (bought the year first needed). */
  readonly hostsByYear: readonly number[];
  /** Leaving VMware: what the move adds while it runs (renewal terms, old hosts, dual running); 0 otherwise. */
  readonly transition: number;
  /** The licence lines, their one-time and yearly sums and the total over the horizon. */
  readonly licensing: {
    readonly lines: readonly PreviewLicenceLine[];
    readonly oneTime: number;
    readonly annual: number;
    readonly total: number;
    readonly notes: readonly string[];
  };
  /** The host bought and every candidate's figures (one candidate without hostOptions). */
  readonly host: HostPreview;
}

/** Leaving VMware: the renewal date against the move (the engine's `MigrationTimeline`). */
export interface PreviewTimeline {
  readonly startDate: string;
  readonly renewalDate: string;
  /** Whole months from the start date to the renewal date. */
  readonly monthsToRenewal: number;
  /** The first month with no VM left on VMware. */
  readonly moveEndMonth: number;
  readonly renewalNeeded: boolean;
  readonly renewalTerms: number;
  /** The move against the renewal date in one sentence, as the recommendation says it. */
  readonly sentence: string;
}

/** What the preview shows of an analysis. */
export interface Preview {
  readonly currency: string;
  readonly horizonYears: number;
  readonly physicalTco: number;
  readonly options: readonly PreviewOption[];
  readonly recommended: string | null;
  readonly recommendation: string;
  readonly stayPhysical: number;
  /** What the baseline is called ("Staying physical", "Staying on vSphere"). */
  readonly baselineLabel: string;
  /** Hosts of the VMware estate when staying on VMware is the baseline; null when it is physical. */
  readonly baselineHosts: number | null;
  /** The baseline's licensing over the horizon (the renewal's subscription when staying on VMware). */
  readonly baselineLicensing: number;
  /** Leaving VMware: the renewal date and the move; null when the baseline is not VCF/VVF. */
  readonly timeline: PreviewTimeline | null;
  /**
   * The Windows Server licences entered as owned, said openly (never a hidden $0): shown when
   * some are entered or when staying on VMware is the baseline, as `evaluate` prints it; else null.
   */
  readonly owned: string | null;
  readonly storageKind: "san" | "s2d";
  /** What each row was sized on; the scenario's basis and comfort factor. */
  readonly sizing: {
    readonly basis: "measured" | "peak";
    readonly comfortFactor: number;
    readonly rows: readonly PreviewSizing[];
  };
  /** Servers that look idle (the same in every option). */
  readonly idle: readonly PreviewIdle[];
  readonly retireIdle: boolean;
  /**
   * What retiring the idle servers saves over the horizon (their baseline lines): the saving
   * line of the recommended option when they are retired, else what it would be; null when
   * none look idle, or when staying on vSphere and they are not retired (no line to show).
   */
  readonly idleSaving: number | null;
}

/** One bar or line of a preview chart: its label, option id (the palette's key) and value(s). */
export interface ChartSeries {
  readonly currency: string;
  /** Hosts per eligible option. */
  readonly hosts: {
    readonly labels: readonly string[];
    readonly ids: readonly string[];
    readonly values: readonly number[];
    readonly highlight: number;
  };
  /** TCO per option; the first bar is the baseline (`BASELINE_KEY`). */
  readonly tco: {
    readonly labels: readonly string[];
    readonly ids: readonly string[];
    readonly values: readonly number[];
    readonly highlight: number;
  };
  readonly payback: {
    readonly years: readonly string[];
    readonly lines: readonly {
      readonly label: string;
      readonly id: string;
      readonly values: readonly number[];
      readonly recommended: boolean;
    }[];
    /**
     * Leaving VMware: the renewal date, placed where it falls between the year-end points
     * (`atYears` = months from the start / 12), as the workbook's "Cost over time" chart
     * marks the renewal year; null when there is no renewal or it falls after the horizon.
     */
    readonly renewal: { readonly atYears: number; readonly date: string } | null;
  };
}

/** Short option name for chart axes and tables ("Windows Server 2022 Datacenter" → "Datacenter"), the report's own. */
export const shortLabel = shortOptionLabel;

/** A chart label: the short name, the recommended one marked as in the workbook and slides. */
const chartLabel = (o: PreviewOption): string =>
  shortLabel(o.label) + (o.recommended ? RECOMMENDED_SUFFIX : "");

/** Chart series of a preview: eligible options only (an impossible option has no TCO). */
export function chartSeries(p: Preview): ChartSeries {
  const eligible = p.options.filter((o) => o.eligible);
  const rec = eligible.findIndex((o) => o.recommended);
  return {
    currency: p.currency,
    hosts: {
      labels: eligible.map(chartLabel),
      ids: eligible.map((o) => o.id),
      values: eligible.map((o) => o.hosts),
      highlight: rec,
    },
    tco: {
      labels: [shortLabel(p.baselineLabel), ...eligible.map(chartLabel)],
      ids: [BASELINE_KEY, ...eligible.map((o) => o.id)],
      values: [p.physicalTco, ...eligible.map((o) => o.tco)],
      highlight: rec < 0 ? -1 : rec + 1,
    },
    payback: {
      years: Array.from({ length: p.horizonYears + 1 }, (_, t) => `Year ${t}`),
      lines: eligible.map((o) => ({
        label: chartLabel(o),
        id: o.id,
        values: o.cumulative,
        recommended: o.recommended,
      })),
      renewal:
        p.timeline && p.timeline.monthsToRenewal <= 12 * p.horizonYears
          ? { atYears: p.timeline.monthsToRenewal / 12, date: p.timeline.renewalDate }
          : null,
    },
  };
}

/** "$1,234,567" in the scenario's currency, whole units. */
export function formatMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      maximumFractionDigits: 0,
    }).format(value);
  } catch {
    return `${currency} ${Math.round(value).toLocaleString("en-US")}`;
  }
}

/**
 * Money on a chart axis in thousands or millions by the largest value the axis shows, as the
 * workbook's axes (`moneyAxisFormat`): "$1.5M", "$250k", "$900", "$0".
 */
export function formatAxisMoney(value: number, currency: string, maxAbs: number): string {
  const symbol = currencySymbol(currency) ?? "";
  const [scaled, digits, suffix] =
    maxAbs >= 1_000_000
      ? [value / 1e6, 1, "M"]
      : maxAbs >= 10_000
        ? [value / 1e3, 0, "k"]
        : [value, 0, ""];
  const body = Math.abs(scaled).toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  if (value === 0) return `${symbol}0`;
  return `${value < 0 ? "-" : ""}${symbol}${body}${suffix}`;
}

/** "14.5 months", "immediately" or "not within the horizon". */
export function formatPayback(months: number | null): string {
  return months === null ? PANE_MESSAGES.paybackNever : PANE_MESSAGES.paybackMonths(months);
}
