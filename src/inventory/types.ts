/**
 * Inventory import: the data that goes in (a workbook-like set of sheets), the rows that come
 * out (scenario JSON form) and the report that says what was read, left out and assumed.
 * Pure data; no Office, DOM, fs or process.
 */
import type { PlatformId } from "../platform";
import type { OsKind, Percentile } from "../scenario";

/** One cell as a reader hands it over. */
export type CellValue = string | number | boolean | null | Date;

/** One sheet: rows as a spreadsheet shows them (`rows[0]` is row 1, `rows[r][0]` is column A). */
export interface SheetData {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** Decimal mark of numbers written as text (CSV from a comma-decimal locale: ","). Default ".". */
  readonly decimalSeparator?: "." | ",";
}

/** What the importer reads: every sheet of one file (or of several CSV files merged). */
export interface WorkbookData {
  readonly fileName?: string;
  readonly sheets: readonly SheetData[];
}

/** The formats the importer recognises; `mapped` is an unknown file read through a user's column mapping. */
export const INVENTORY_FORMATS = [
  "rvtools",
  "azure-migrate",
  "live-optics",
  "map-inventory",
  "map-performance",
  "generic-csv",
  "mapped",
] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

/** One inventory row in the scenario's JSON form: money, sizes and ratios as exact decimal strings. */
export interface InventoryRowJson {
  readonly name: string;
  readonly count: number;
  readonly os: OsKind;
  readonly cores: number;
  readonly cpuGhz: string;
  readonly peakCpuUtilization: string;
  readonly averageCpuUtilization: string;
  readonly memoryGiB: string;
  /** Absent when the file gives no storage and no default was supplied: the scenario default applies. */
  readonly storageGiB?: string;
  readonly powerWatts?: string;
  readonly rackUnits?: number;
  readonly stayPhysical?: boolean;
  /** Space the disks use, GiB, where the file gives it. */
  readonly storageInUseGiB?: string;
  /** Measured use from a performance history: the statistic, CPU (fraction), memory in use (GiB). */
  readonly measuredPercentile?: Percentile;
  readonly measuredCpuUtilization?: string;
  readonly measuredMemoryGiB?: string;
  /** Average disk and network throughput over the measured period, MB/s. */
  readonly averageDiskMBps?: string;
  readonly averageNetworkMBps?: string;
}

/** Values used when the file has none (normally the scenario's own defaults; see `importDefaultsFrom`). */
export interface ImportDefaults {
  /** Fraction 0–1, e.g. "0.3". */
  readonly peakCpuUtilization: string;
  /** Fraction 0–1, e.g. "0.12". */
  readonly averageCpuUtilization: string;
  /** Core clock in GHz, e.g. "2.9". */
  readonly cpuGhz: string;
  /** GiB; when absent, rows without storage leave it out and the scenario default applies. */
  readonly storageGiB?: string;
}

/** Which disk figure becomes `storageGiB`: configured disk size (default) or space in use (thin disks). */
export type StorageBasis = "configured" | "in-use";

export interface ImportOptions {
  /** Import powered-off and suspended VMs too (default: leave them out, and list them). */
  readonly includePoweredOff?: boolean;
  /** Merge rows identical in every field but the name into one row with `count`. */
  readonly groupIdentical?: boolean;
  readonly storageBasis?: StorageBasis;
  /**
   * Which statistic of a performance history to size on where the file has several (p95 by
   * default, as Azure Migrate); a file without it gives the nearest it has, and the report says which.
   */
  readonly percentile?: Percentile;
  readonly defaults: ImportDefaults;
}

/** Why a row of the file did not become an inventory row. */
export const EXCLUSION_REASONS = [
  "template",
  "srm-placeholder",
  "vcls",
  "disconnected",
  "powered-off",
  "suspended",
  "incomplete",
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** A place in the file, as a spreadsheet shows it. */
export interface CellPlace {
  readonly sheet: string;
  /** 1-based row number; null for a whole-sheet problem. */
  readonly row: number | null;
  /** Column letter and its header; null for a whole-row problem. */
  readonly column: { readonly letter: string; readonly header: string } | null;
}

/** A problem found while reading: `error` rows were not imported; `warning` values were replaced. */
export interface ImportProblem extends CellPlace {
  readonly severity: "error" | "warning";
  /** `vInfo!Q10 (CPUs)`, `vInfo!10`, or `vInfo`. */
  readonly where: string;
  readonly message: string;
}

export interface ExcludedRow {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
}

export interface Exclusion {
  readonly reason: ExclusionReason;
  readonly label: string;
  readonly count: number;
  readonly rows: readonly ExcludedRow[];
}

/** Which column of the file fed a field (the import log). */
export interface ColumnUse {
  readonly field: string;
  readonly sheet: string;
  readonly letter: string;
  readonly header: string;
}

/**
 * How a value was obtained when the file did not state it directly:
 * `default` (the scenario default), an estimate, a fallback column or a unit assumption.
 */
export type ValueBasis =
  | "default"
  | "host-clock"
  | "vcpu-max"
  | "cluster-clock"
  | "cpu-model"
  | "perf-ghz"
  | "cluster-snapshot"
  | "other-sheet"
  | "vdisk"
  | "provisioned"
  | "configured"
  | "gb-as-gib"
  | "capped-at-peak"
  | "raised-to-average"
  | "percent-read"
  | "mhz-read"
  | "os-unknown"
  /** A scenario figure the file cannot hold (owned licences): left at its default, said so. */
  | "not-in-file";

export interface Assumption {
  readonly field: string;
  readonly basis: ValueBasis;
  /** Imported rows (servers, before grouping) with this basis. */
  readonly count: number;
  /** The value when it is the same for all of them; else null. */
  readonly value: string | null;
  readonly message: string;
}

export interface Rename {
  readonly from: string;
  readonly to: string;
  readonly sheet: string;
  readonly row: number;
}

export interface Group {
  readonly name: string;
  readonly count: number;
  readonly members: readonly string[];
}

/** Sums over the imported servers (row × count); decimals as strings. */
export interface ImportTotals {
  readonly servers: number;
  readonly cores: number;
  readonly memoryGiB: string;
  /** On the chosen storage basis, rows without storage counted as 0. */
  readonly storageGiB: string;
  /** Configured disk size where the file gives it (else null). */
  readonly configuredStorageGiB: string | null;
  /** Space in use where the file gives it (else null). */
  readonly inUseStorageGiB: string | null;
}

export interface ImportReport {
  readonly format: InventoryFormat;
  /** e.g. "RVTools (MiB labels, 4.1.2 or later)". */
  readonly formatLabel: string;
  readonly fileName: string | null;
  /** Sheets read, main sheet first. */
  readonly sheets: readonly string[];
  /** Non-blank data rows of the main sheet. */
  readonly rowsRead: number;
  /** Inventory rows produced (after grouping). */
  readonly rowsOut: number;
  readonly excluded: readonly Exclusion[];
  readonly columns: readonly ColumnUse[];
  readonly assumed: readonly Assumption[];
  readonly renamed: readonly Rename[];
  readonly groups: readonly Group[];
  readonly problems: readonly ImportProblem[];
  /** Plain-language notes, e.g. that RVTools has no utilisation history. */
  readonly notes: readonly string[];
  readonly totals: ImportTotals;
}

/** Why a file could not be imported at all; nothing is imported then. */
export type FailureCode =
  | "empty-file"
  | "not-a-spreadsheet"
  | "encrypted"
  | "legacy-xls"
  | "opendocument"
  | "damaged"
  | "bad-csv"
  | "empty-sheet"
  | "no-known-header"
  | "missing-columns"
  | "no-data-rows"
  | "too-large"
  | "too-many-rows"
  | "too-many-servers";

/** A header row the importer found but did not recognise: what a column-mapping step starts from. */
export interface HeaderCandidate {
  readonly sheet: string;
  /** 1-based row of the headers. */
  readonly headerRow: number;
  readonly headers: readonly string[];
}

export interface ImportFailure {
  readonly code: FailureCode;
  /** One sentence or two a user can act on. */
  readonly message: string;
  /** For `no-known-header`: header rows to offer to `suggestMapping`. */
  readonly candidates?: readonly HeaderCandidate[];
}

export type ImportResult =
  | { readonly ok: true; readonly rows: readonly InventoryRowJson[]; readonly report: ImportReport }
  | { readonly ok: false; readonly failure: ImportFailure };

/** Fields a column mapping can fill (the inventory fields plus power state, for filtering). */
export const MAPPABLE_FIELDS = [
  "name",
  "count",
  "os",
  "cores",
  "cpuGhz",
  "peakCpuUtilization",
  "averageCpuUtilization",
  "memoryGiB",
  "storageGiB",
  "powerWatts",
  "rackUnits",
  "stayPhysical",
  "storageInUseGiB",
  "measuredPercentile",
  "measuredCpuUtilization",
  "measuredMemoryGiB",
  "averageDiskMBps",
  "averageNetworkMBps",
  "powerState",
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Field → the header of the column that holds it, or null when the file has none. */
export type ColumnMapping = Readonly<Record<MappableField, string | null>>;

/** Units of the mapped columns; `auto` reads utilisations above 1 as percent and clocks above 20 as MHz. */
export interface MappingUnits {
  readonly memory: "GiB" | "MiB" | "KiB" | "TiB" | "bytes";
  readonly storage: "GiB" | "MiB" | "KiB" | "TiB" | "bytes";
  readonly clock: "GHz" | "MHz" | "auto";
  readonly utilization: "fraction" | "percent" | "auto";
}

/**
 * The baseline a format implies: RVTools and Live Optics describe VMs already on VMware, so
 * the business case starts from staying there — on today's platforms (ws2022, ws2025) the
 * VMware Cloud Foundation subscription Broadcom renews by default (set vvf for a vSphere
 * Foundation quote), on earlier ones per-CPU vSphere; the other formats from physical servers.
 */
export function suggestedBaseline(
  format: InventoryFormat,
  platform: PlatformId = "ws2025"
): "physical" | "vsphere" | "vcf" {
  if (format !== "rvtools" && format !== "live-optics") return "physical";
  return platform === "ws2022" || platform === "ws2025" ? "vcf" : "vsphere";
}
