/**
 * Azure Migrate "Import using CSV" template (`reference/inventory-formats.md` §2): one row per
 * server; `*` marks mandatory columns and is ignored when matching. "MB" and "GB" are read as
 * binary MiB and GiB, and the report says so.
 */
import { Dec } from "../../money";
import {
  newCandidate,
  numberAt,
  optionalNumber,
  readName,
  requiredNumber,
  RULES,
  textAt,
  type Candidate,
} from "../candidate";
import { cellPlace, compactHeader, type ColumnRef, type HeaderIndex } from "../cells";
import { dataRows, hasAll, used, locateSheet, type Aliases } from "../locate";
import { MESSAGES } from "../messages";
import type { ReadOutcome } from "../assemble";
import type { ColumnUse, WorkbookData } from "../types";

export const AZURE_MIGRATE_COLUMNS = {
  name: ["Server name"],
  cores: ["Cores"],
  memory: ["Memory (In MB)", "Memory"],
  osName: ["OS name"],
  osVersion: ["OS version"],
  cpuMax: ["CPU utilization percentage maximum", "CPU utilization percentage max"],
  cpu: ["CPU utilization percentage"],
  cpuAvg: ["CPU utilization percentage average", "CPU utilization percentage avg"],
  storageAllocatedMB: ["Storage allocated (In MB)"],
  storageAllocatedGB: ["Storage allocated (In GB)"],
  inUseGB: ["Storage in use (In GB)"],
  inUseMB: ["Storage in use (In MB)"],
  memoryUse: ["Memory utilization percentage"],
  networkIn: ["Network In throughput"],
  networkOut: ["Network Out throughput"],
} as const satisfies Record<string, Aliases>;

const C = AZURE_MIGRATE_COLUMNS;

export function isAzureMigrate(index: HeaderIndex): boolean {
  return hasAll(index, C.name) && (hasAll(index, C.osName) || hasAll(index, ["Memory (In MB)"]));
}

export const AZURE_MIGRATE_REQUIRED: readonly { label: string; aliases: Aliases }[] = [
  { label: "*Server name", aliases: C.name },
  { label: "*Cores", aliases: C.cores },
  { label: "*Memory (In MB)", aliases: C.memory },
];

export function locateAzureMigrate(wb: WorkbookData): HeaderIndex | null {
  return locateSheet(wb, [], isAzureMigrate);
}

const MIB_PER_GIB = 1024;

/** `Disk N size (In GB)` columns (N = 1…20, in any order). */
function diskColumns(index: HeaderIndex): { col: ColumnRef; mb: boolean }[] {
  return index.columns
    .map((col) => ({ col, m: /^disk(\d+)size(ingb|inmb)?$/.exec(compactHeader(col.header)) }))
    .filter((x): x is { col: ColumnRef; m: RegExpExecArray } => x.m !== null)
    .map(({ col, m }) => ({ col, mb: m[2] === "inmb" }));
}

export function readAzureMigrate(_wb: WorkbookData, index: HeaderIndex): ReadOutcome {
  const sheet = index.sheet;
  const col = Object.fromEntries(Object.entries(C).map(([k, a]) => [k, index.get(a)])) as Record<
    keyof typeof C,
    ColumnRef | undefined
  >;
  const disks = diskColumns(index);
  const diskThroughput = index.columns.filter((x) =>
    /^disk\d+(read|write)throughput/.test(compactHeader(x.header))
  );
  const peakCol = col.cpuMax ?? col.cpu;
  const columns: ColumnUse[] = [
    ...used("name", index, col.name),
    ...used("cores", index, col.cores),
    ...used("memoryGiB", index, col.memory),
    ...used("os", index, col.osName),
    ...used("peakCpuUtilization", index, peakCol),
    ...used("averageCpuUtilization", index, col.cpuAvg),
    ...disks.flatMap((d) => used("storageGiB", index, d.col)),
    ...used("storageInUseGiB", index, col.inUseGB ?? col.inUseMB),
  ];
  const rows = dataRows(index);
  const candidates: Candidate[] = rows.map((r) => {
    const c = newCandidate(sheet.name, r + 1);
    c.name = readName(c, sheet, r, col.name);
    const os = [textAt(sheet, r, col.osName), textAt(sheet, r, col.osVersion)]
      .filter((t) => t !== "")
      .join(" ");
    if (os !== "") {
      c.osText = os;
      c.osPlace = cellPlace(sheet.name, r, col.osName);
    }
    const cores = requiredNumber(c, sheet, r, col.cores, { ...RULES.cores, label: "Cores" });
    if (cores !== null) c.cores = { value: cores.toNumber(), basis: "file" };
    const memory = requiredNumber(
      c,
      sheet,
      r,
      col.memory,
      RULES.positive(col.memory?.header ?? "Memory (In MB)")
    );
    if (memory !== null) c.memoryGiB = { value: memory.div(MIB_PER_GIB), basis: "file" };

    // The column is optional in the template: 0 there means "not collected", as with Live Optics.
    const peak = optionalNumber(
      c,
      sheet,
      r,
      peakCol,
      RULES.percent(peakCol?.header ?? "CPU utilization percentage"),
      "the default peak was used"
    );
    if (peak !== null && peak.gt(0)) {
      c.peak = { value: peak.div(100), basis: "file" };
      // Measured use for performance-based sizing; the template does not say which statistic
      // "CPU utilization percentage" is (a "maximum" column is the max).
      c.measuredCpu = { value: peak.div(100), percentile: col.cpuMax ? "max" : null };
      const mem = numberAt(sheet, r, col.memoryUse);
      if (memory !== null && mem.kind === "number" && mem.value.gte(0) && mem.value.lte(100))
        c.measuredMemoryGiB = memory.div(MIB_PER_GIB).times(mem.value).div(100);
    }
    // Throughput: network in + out, and every disk's read + write (MB per second).
    const sumOf = (cols: readonly (ColumnRef | undefined)[]): Dec | null => {
      let total: Dec | null = null;
      for (const column of cols) {
        const v = numberAt(sheet, r, column);
        if (v.kind === "number" && v.value.gte(0)) total = (total ?? new Dec(0)).plus(v.value);
      }
      return total;
    };
    c.networkMBps = sumOf([col.networkIn, col.networkOut]);
    c.diskMBps = sumOf(diskThroughput);
    const avg = optionalNumber(
      c,
      sheet,
      r,
      col.cpuAvg,
      RULES.percent(col.cpuAvg?.header ?? "CPU utilization percentage average"),
      "the default average was used"
    );
    if (avg !== null) c.average = { value: avg.div(100), basis: "file" };

    // Storage: Σ Disk N size (GB as GiB), else Storage allocated.
    let sum: Dec | null = null;
    let gb = false;
    for (const d of disks) {
      const v = optionalNumber(
        c,
        sheet,
        r,
        d.col,
        RULES.nonNegative(d.col.header),
        "that disk was left out"
      );
      if (v === null) continue;
      sum = (sum ?? new Dec(0)).plus(d.mb ? v.div(MIB_PER_GIB) : v);
      gb ||= !d.mb;
    }
    if (sum === null) {
      const mb = optionalNumber(
        c,
        sheet,
        r,
        col.storageAllocatedMB,
        RULES.nonNegative("Storage allocated (In MB)"),
        "the default storage was used"
      );
      const g = optionalNumber(
        c,
        sheet,
        r,
        col.storageAllocatedGB,
        RULES.nonNegative("Storage allocated (In GB)"),
        "the default storage was used"
      );
      if (mb !== null) sum = mb.div(MIB_PER_GIB);
      else if (g !== null) {
        sum = g;
        gb = true;
      }
    }
    if (sum !== null) c.storageGiB = { value: sum, basis: gb ? "gb-as-gib" : "file" };
    const inUseGB = optionalNumber(
      c,
      sheet,
      r,
      col.inUseGB,
      RULES.nonNegative("Storage in use (In GB)"),
      "no in-use figure was taken"
    );
    const inUseMB = optionalNumber(
      c,
      sheet,
      r,
      col.inUseMB,
      RULES.nonNegative("Storage in use (In MB)"),
      "no in-use figure was taken"
    );
    c.inUseGiB = inUseGB ?? (inUseMB === null ? null : inUseMB.div(MIB_PER_GIB));
    return c;
  });
  return {
    format: "azure-migrate",
    formatLabel: "Azure Migrate import CSV",
    fileName: null,
    sheets: [sheet.name],
    rowsRead: rows.length,
    columns,
    problems: [],
    notes: [MESSAGES.azureNoClock, ...(col.cpu && !col.cpuMax ? [MESSAGES.azureCpu] : [])],
    candidates,
  };
}
