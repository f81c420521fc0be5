/**
 * Performance-history columns by statistic: which percentile a header names ("CPU p95 %",
 * "95th Percentile CPU Utilization (%)", "cpu_usage_pct_p99", "Peak vCPU %"), and which one to
 * size on when a file offers several — the chosen one (p95 by default, as Azure Migrate's
 * "Percentile utilization" default), else the nearest the file has.
 */
import type { Percentile } from "../scenario";
import { compactHeader, type ColumnRef, type HeaderIndex } from "./cells";

/** The order to fall back in when the chosen percentile is missing: nearest first, then up. */
const FALLBACK: Readonly<Record<Percentile, readonly Percentile[]>> = {
  p50: ["p50", "p90", "p95", "p99", "max"],
  p90: ["p90", "p95", "p99", "max", "p50"],
  p95: ["p95", "p99", "p90", "max", "p50"],
  p99: ["p99", "p95", "max", "p90", "p50"],
  max: ["max", "p99", "p95", "p90", "p50"],
};

/** The statistic a header names, or null: p50 (median), p90, p95, p99, or max (maximum, peak). */
export function percentileOfHeader(header: string): Percentile | null {
  const h = header.toLowerCase();
  const n =
    /(?:^|[^a-z0-9])p(50|90|95|99)(?![0-9])|(50|90|95|99)(?:th|\s*%ile|\s*percentile)|percentile\s*(50|90|95|99)/.exec(
      h
    );
  const num = n?.[1] ?? n?.[2] ?? n?.[3];
  if (num !== undefined) return `p${num}` as Percentile;
  if (/median/.test(h)) return "p50";
  if (/\b(max|maximum|peak)\b|_max\b/.test(h)) return "max";
  return null;
}

/**
 * Columns holding a statistic of `resource` use, by percentile ("provisioned" and "average"
 * ones, and the `exclude`d ones — the peak-utilisation input itself — left out).
 */
export function percentileColumns(
  index: HeaderIndex,
  resource: "cpu" | "memory",
  exclude: readonly (ColumnRef | undefined)[] = []
): Map<Percentile, ColumnRef> {
  const out = new Map<Percentile, ColumnRef>();
  const skip = new Set(exclude.filter((c) => c !== undefined).map((c) => c.index));
  const about = resource === "cpu" ? /cpu|processor/ : /mem|ram/;
  for (const col of index.columns) {
    if (skip.has(col.index)) continue;
    const h = col.header.toLowerCase();
    if (!about.test(compactHeader(h)) || /provisioned|capacity|average|avg|mean/.test(h)) continue;
    if (resource === "cpu" && /mhz|ghz|core/.test(h)) continue; // utilisation only, not clock or counts
    const p = percentileOfHeader(h);
    if (p !== null && !out.has(p)) out.set(p, col);
  }
  return out;
}

/** The percentile to use among those a file has: `wanted` if there, else the nearest; null if none. */
export function choosePercentile(
  available: ReadonlySet<Percentile> | ReadonlyMap<Percentile, unknown>,
  wanted: Percentile
): Percentile | null {
  return FALLBACK[wanted].find((p) => available.has(p)) ?? null;
}
