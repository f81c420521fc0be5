/**
 * The task pane's draft: the scenario in its JSON form (what the user typed, valid or not),
 * and pure helpers to read and change it by JSON path. Every change returns a new object;
 * the argument is never mutated.
 */
import { defaultSections, type FieldPath, type ScenarioSections } from "../scenario";
import type { PlatformId } from "../platform";

/** A scenario in JSON form, as typed: numbers may be text, anything may be invalid. */
export type Draft = Readonly<Record<string, unknown>>;

type Segment = string | number;

/** `licensing.prices.standard` → ["licensing","prices","standard"]; `inventory[3].cores` → ["inventory",3,"cores"]. */
export function splitPath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split(".")) {
    const re = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!re) {
      out.push(part);
      continue;
    }
    if (re[1]) out.push(re[1]);
    for (const index of (re[2] ?? "").matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The value at a JSON path, or undefined. */
export function getAt(draft: unknown, path: string): unknown {
  let cur: unknown = draft;
  for (const seg of splitPath(path)) {
    if (typeof seg === "number") {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (!isRecord(cur)) return undefined;
      cur = cur[seg];
    }
  }
  return cur;
}

/** The draft's value of an input (whatever was typed; undefined when absent). */
export function inputOf(draft: Draft, path: FieldPath): unknown {
  return getAt(draft, path);
}

function setIn(cur: unknown, segs: readonly Segment[], value: unknown): unknown {
  const [head, ...rest] = segs;
  if (head === undefined) return value;
  if (typeof head === "number") {
    const arr = Array.isArray(cur) ? [...(cur as unknown[])] : [];
    arr[head] = setIn(arr[head], rest, value);
    return arr;
  }
  const obj: Record<string, unknown> = isRecord(cur) ? { ...cur } : {};
  if (value === undefined && rest.length === 0) delete obj[head];
  else obj[head] = setIn(obj[head], rest, value);
  return obj;
}

/** A copy of the draft with the value at `path` replaced (`undefined` removes the key). */
export function setAt(draft: Draft, path: string, value: unknown): Draft {
  return setIn(draft, splitPath(path), value) as Draft;
}

/** The inventory rows of a draft (an empty list when it has none or it is not a list). */
export function inventoryOf(draft: Draft): readonly Record<string, unknown>[] {
  const inv = draft["inventory"];
  return Array.isArray(inv) ? (inv as Record<string, unknown>[]) : [];
}

/** A copy with one inventory cell changed; an empty text removes an optional value. */
export function setInventoryCell(draft: Draft, row: number, key: string, value: unknown): Draft {
  const rows = [...inventoryOf(draft)];
  const current = isRecord(rows[row]) ? { ...rows[row] } : {};
  if (value === undefined) delete current[key];
  else current[key] = value;
  rows[row] = current;
  return { ...draft, inventory: rows };
}

/** A copy with a new inventory row appended (name unique among the rows). */
export function addInventoryRow(draft: Draft): Draft {
  const rows = inventoryOf(draft);
  const names = new Set(rows.map((r) => String(r["name"] ?? "").toLowerCase()));
  let n = rows.length + 1;
  while (names.has(`server-${n}`)) n++;
  const row = {
    name: `SERVER-${n}`,
    count: 1,
    os: "windows",
    cores: 4,
    cpuGhz: "2.4",
    memoryGiB: "8",
  };
  return { ...draft, inventory: [...rows, row] };
}

/** A copy without inventory row `row`. */
export function removeInventoryRow(draft: Draft, row: number): Draft {
  return { ...draft, inventory: inventoryOf(draft).filter((_, i) => i !== row) };
}

/** Totals shown above the inventory; computed from the draft, tolerant of invalid cells. */
export interface InventoryStats {
  readonly rows: number;
  /** Servers (rows × count). */
  readonly servers: number;
  readonly windows: number;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly storageGiB: number;
  /** Core-weighted average CPU utilisation, 0–1; null when there are no cores. */
  readonly averageCpuUtilization: number | null;
  readonly peakCpuUtilization: number | null;
  readonly stayPhysical: number;
  /** Servers whose row carries a measured CPU percentile, and which percentiles (p95 …). */
  readonly measured: number;
  readonly percentiles: readonly string[];
}

const num = (v: unknown): number | null => {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
};

/** Sums over the inventory; a row's missing utilisation uses the physical section's default. */
export function inventoryStats(draft: Draft): InventoryStats {
  const rows = inventoryOf(draft);
  const physical = isRecord(draft["physical"]) ? draft["physical"] : {};
  const defaultAvg = num(physical["defaultAverageCpuUtilization"]) ?? 0;
  const defaultPeak = num(physical["defaultPeakCpuUtilization"]) ?? 0;
  const defaultStorage = num(physical["defaultStorageGiB"]) ?? 0;
  let servers = 0,
    windows = 0,
    cores = 0,
    memory = 0,
    storage = 0,
    avgWeighted = 0,
    peakWeighted = 0,
    stay = 0,
    measured = 0;
  const percentiles = new Set<string>();
  for (const row of rows) {
    if (!isRecord(row)) continue;
    const count = Math.max(0, Math.trunc(num(row["count"]) ?? 1));
    const c = num(row["cores"]) ?? 0;
    servers += count;
    if ((row["os"] ?? "windows") === "windows") windows += count;
    if (row["stayPhysical"] === true) stay += count;
    if (num(row["measuredCpuUtilization"]) !== null) {
      measured += count;
      if (typeof row["measuredPercentile"] === "string") percentiles.add(row["measuredPercentile"]);
    }
    cores += count * c;
    memory += count * (num(row["memoryGiB"]) ?? 0);
    storage += count * (num(row["storageGiB"]) ?? defaultStorage);
    avgWeighted += count * c * (num(row["averageCpuUtilization"]) ?? defaultAvg);
    peakWeighted += count * c * (num(row["peakCpuUtilization"]) ?? defaultPeak);
  }
  return {
    rows: rows.length,
    servers,
    windows,
    cores,
    memoryGiB: memory,
    storageGiB: storage,
    averageCpuUtilization: cores > 0 ? avgWeighted / cores : null,
    peakCpuUtilization: cores > 0 ? peakWeighted / cores : null,
    stayPhysical: stay,
    measured,
    percentiles: [...percentiles].sort(),
  };
}

/**
 * Which inputs a platform's defaults cover when the user switches platform: host hardware,
 * licence prices and terms, and running costs. Finance, the inventory, the options compared
 * and the user's licensing choices (cluster-aware, CALs, System Center, SA) stay.
 */
export const PLATFORM_DEFAULT_PATHS: readonly string[] = (() => {
  const keep = new Set([
    "licensing.options",
    "licensing.clusterAware",
    "licensing.calUsers",
    "licensing.systemCenter",
    "licensing.softwareAssuranceRate",
  ]);
  const sample = defaultSections("ws2022");
  const paths: string[] = [];
  const walk = (prefix: string, value: unknown): void => {
    if (isRecord(value)) for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
    else if (!keep.has(prefix)) paths.push(prefix);
  };
  for (const section of [
    "host",
    "cluster",
    "licensing",
    "physical",
    "virtual",
    "housing",
    "manpower",
  ] as const) {
    walk(section, (sample as ScenarioSections)[section]);
  }
  return paths;
})();

/** Two JSON leaves are the same input value ("96" and 96 are). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const na = num(a),
    nb = num(b);
  if (na !== null && nb !== null) return na === nb;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The platform's defaults applied over the draft, and how many values that changes. */
export function withPlatformDefaults(
  draft: Draft,
  platform: PlatformId
): { readonly draft: Draft; readonly changes: number } {
  const defaults = defaultSections(platform) as unknown as Record<string, unknown>;
  let next = draft;
  let changes = 0;
  for (const path of PLATFORM_DEFAULT_PATHS) {
    const value = getAt(defaults, path);
    if (value === undefined) continue;
    if (!sameValue(getAt(next, path), value)) {
      changes++;
      next = setAt(next, path, value);
    }
  }
  return { draft: { ...next, platform }, changes };
}

/** The draft as pretty JSON for export (key order kept). */
export function draftToText(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}

/** A file-name-safe slug of the scenario's name ("Contoso 2010" → "contoso-2010"). */
export function fileSlug(draft: Draft, fallback = "hyperv-tco"): string {
  const name = typeof draft["name"] === "string" ? draft["name"] : "";
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || fallback;
}
