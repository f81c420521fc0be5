/**
 * The preview: what the pane shows of an `Analysis`, as plain numbers and strings (money
 * rounded to whole currency units — a preview, not the audited figures of the report), and
 * the plain series the charts are fed.
 */
import type { Analysis } from "../tco/types";
import { PANE_MESSAGES } from "./messages";
import { hostPreviewOf, type HostPreview } from "./hostPreview";

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
  /** The host bought and every candidate's figures (one candidate without hostOptions). */
  readonly host: HostPreview;
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
}

const n = (d: { toNumber(): number }): number => Math.round(d.toNumber());

/** The plain preview of an analysis. */
export function toPreview(analysis: Analysis): Preview {
  const s = analysis.scenario;
  return {
    currency: s.currency,
    horizonYears: s.finance.horizonYears,
    physicalTco: n(analysis.physical.total),
    recommended: analysis.recommended,
    recommendation: analysis.recommendation,
    stayPhysical:
      analysis.options[0]?.capacity.stayPhysical.reduce((sum, sp) => sum + sp.count, 0) ?? 0,
    options: analysis.options.map((o) => ({
      id: o.id,
      label: o.label,
      eligible: o.eligible,
      reasons: o.reasons,
      recommended: o.id === analysis.recommended,
      hosts: o.capacity.hosts,
      clusters: o.capacity.clusters.length,
      tco: n(o.costs.total),
      savings: n(o.businessCase.totalSavings),
      npv: n(o.businessCase.npv),
      irrPercent:
        o.businessCase.irr === null ? null : Math.round(o.businessCase.irr.toNumber() * 1000) / 10,
      paybackMonths: o.businessCase.payback.reached
        ? Math.round(o.businessCase.payback.months.toNumber() * 10) / 10
        : null,
      cumulative: o.businessCase.cumulativeFlows.map(n),
      host: hostPreviewOf(o),
    })),
  };
}

/** What the three preview charts plot: plain labels and numbers. */
export interface ChartSeries {
  readonly currency: string;
  readonly hosts: {
    readonly labels: readonly string[];
    readonly values: readonly number[];
    readonly highlight: number;
  };
  /** First bar: staying physical. */
  readonly tco: {
    readonly labels: readonly string[];
    readonly values: readonly number[];
    readonly highlight: number;
  };
  readonly payback: {
    readonly years: readonly string[];
    readonly lines: readonly {
      readonly label: string;
      readonly values: readonly number[];
      readonly recommended: boolean;
    }[];
  };
}

/** Short option name for chart axes ("Windows Server 2022 Datacenter" → "Datacenter"). */
export function shortLabel(label: string): string {
  return label
    .replace(/^Windows Server \d{4}( R2)?( SP1)? /, "")
    .replace(/ \d{4}( R2)?( SP1)?/g, "")
    .replace(/ \+ (Windows )?guest licences$/, " + guests")
    .replace(/ \+ per-VM licences$/, " + per-VM")
    .replace(/^VMware /, "");
}

/** Chart series of a preview: eligible options only (an impossible option has no TCO). */
export function chartSeries(p: Preview): ChartSeries {
  const eligible = p.options.filter((o) => o.eligible);
  const rec = eligible.findIndex((o) => o.recommended);
  return {
    currency: p.currency,
    hosts: {
      labels: eligible.map((o) => shortLabel(o.label)),
      values: eligible.map((o) => o.hosts),
      highlight: rec,
    },
    tco: {
      labels: ["Stay physical", ...eligible.map((o) => shortLabel(o.label))],
      values: [p.physicalTco, ...eligible.map((o) => o.tco)],
      highlight: rec < 0 ? -1 : rec + 1,
    },
    payback: {
      years: Array.from({ length: p.horizonYears + 1 }, (_, t) => `Year ${t}`),
      lines: eligible.map((o) => ({
        label: shortLabel(o.label),
        values: o.cumulative,
        recommended: o.recommended,
      })),
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

/** "$1.2M" for axes. */
export function formatMoneyShort(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      notation: "compact",
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return `${currency} ${Math.round(value).toLocaleString("en-US")}`;
  }
}

/** "14.5 months", "immediately" or "not within the horizon". */
export function formatPayback(months: number | null): string {
  return months === null ? PANE_MESSAGES.paybackNever : PANE_MESSAGES.paybackMonths(months);
}
