/**
 * Microsoft Assessment and Planning (MAP) Toolkit: the performance-metrics report (measured
 * 95th-percentile / maximum and average CPU) and the server inventory report, joined on the
 * machine name (`reference/inventory-formats.md` §3). Headers are unverified against a real
 * workbook, so matching is by name and every column but name, cores and memory is optional.
 */
import { Dec } from "../../money";
import {
  newCandidate,
  numberAt,
  optionalNumber,
  warnInvalid,
  readName,
  requiredNumber,
  RULES,
  textAt,
  type Candidate,
} from "../candidate";
import { cellPlace, parseNumberText, type ColumnRef, type HeaderIndex } from "../cells";
import { dataRows, hasAll, indexRows, locateSheet, used, type Aliases } from "../locate";
import { MESSAGES } from "../messages";
import type { ReadOutcome } from "../assemble";
import type { ColumnUse, ImportOptions, SheetData, WorkbookData } from "../types";

export const MAP_PERFORMANCE_COLUMNS = {
  name: ["Machine Name"],
  os: ["Operating System"],
  clock: ["CPU Speed (GHz)"],
  cores: ["Cores", "Number of Cores", "Number of Total Cores"],
  cpu: ["CPU"],
  average: ["Average CPU Utilization (%)"],
  maximum: ["Maximum CPU Utilization (%)"],
  p95: ["95th Percentile CPU Utilization (%)"],
  memoryMaximum: ["Maximum Memory Utilization (GB)"],
  memoryP95: ["95th Percentile Memory Utilization (GB)"],
  networkAverage: ["Average Network Utilization (MB/s)"],
  memory: ["Memory (MB)", "System Memory (MB)"],
  diskSize: ["Disk Drive Size (GB)"],
  diskUsed: ["95th Percentile Disk Space Utilization (GB)"],
} as const satisfies Record<string, Aliases>;

export const MAP_INVENTORY_COLUMNS = {
  name: ["Computer Name"],
  os: ["Current Operating System", "Operating System"],
  cores: ["Number of Total Cores", "Number of Cores", "Cores"],
  cpu: ["CPU"],
  memory: ["System Memory (MB)", "Memory (MB)"],
  diskSize: ["Logical Disk Size (GB)", "Disk Drive Size (GB)"],
  diskFree: ["Logical Disk Free Space (GB)"],
} as const satisfies Record<string, Aliases>;

const P = MAP_PERFORMANCE_COLUMNS;
const I = MAP_INVENTORY_COLUMNS;

export function isMapPerformance(index: HeaderIndex): boolean {
  return hasAll(index, P.name) && (hasAll(index, P.p95) || hasAll(index, P.maximum));
}

export function isMapInventory(index: HeaderIndex): boolean {
  return hasAll(index, I.name) && (hasAll(index, I.memory) || hasAll(index, I.cores));
}

export const MAP_PERFORMANCE_REQUIRED: readonly { label: string; aliases: Aliases }[] = [
  { label: "Machine Name", aliases: P.name },
];
export const MAP_INVENTORY_REQUIRED: readonly { label: string; aliases: Aliases }[] = [
  { label: "Computer Name", aliases: I.name },
  { label: "Number of Total Cores", aliases: I.cores },
  { label: "System Memory (MB)", aliases: I.memory },
];

export function locateMapPerformance(wb: WorkbookData): HeaderIndex | null {
  return locateSheet(wb, [], isMapPerformance);
}

export function locateMapInventory(wb: WorkbookData): HeaderIndex | null {
  return locateSheet(wb, [], isMapInventory);
}

const MIB_PER_GIB = 1024;
const key = (name: string): string => name.trim().toLowerCase();
const shortKey = (name: string): string =>
  /^\d{1,3}(\.\d{1,3}){3}$/.test(name.trim()) ? key(name) : (key(name).split(".")[0] ?? "");

/** Sum of a multi-line cell ("100\n250" → 350, one value per disk); null when empty or not numbers. */
function sumLines(
  sheet: SheetData,
  row0: number,
  col: ColumnRef | undefined
): Dec | null | "invalid" {
  const raw = col === undefined ? undefined : sheet.rows[row0]?.[col.index];
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number")
    return Number.isFinite(raw) && raw >= 0 ? new Dec(String(raw)) : "invalid";
  const lines = String(raw)
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length === 0) return null;
  let sum = new Dec(0);
  for (const line of lines) {
    const d = parseNumberText(line, sheet.decimalSeparator ?? ".");
    if (d === null || d.lt(0)) return "invalid";
    sum = sum.plus(d);
  }
  return sum;
}

/** "Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz" → 2.7. */
function clockFromModel(text: string): Dec | null {
  const m = /@\s*(\d+(?:\.\d+)?)\s*GHz/i.exec(text);
  if (!m?.[1]) return null;
  const d = new Dec(m[1]);
  return RULES.ghz("").valid(d) ? d : null;
}

/** Read the performance report (if any) and the inventory report (if any), joined on the name. */
export function readMap(
  _wb: WorkbookData,
  perf: HeaderIndex | null,
  inv: HeaderIndex | null,
  options?: ImportOptions
): ReadOutcome {
  // MAP aggregates each metric as its 95th percentile and its maximum: size on the one chosen.
  const wantMax = options?.percentile === "max" || options?.percentile === "p99";
  const columns: ColumnUse[] = [];
  const candidates: Candidate[] = [];
  const notes: string[] = [];
  const pc = perf
    ? (Object.fromEntries(Object.entries(P).map(([k, a]) => [k, perf.get(a)])) as Record<
        keyof typeof P,
        ColumnRef | undefined
      >)
    : null;
  const ic = inv
    ? (Object.fromEntries(Object.entries(I).map(([k, a]) => [k, inv.get(a)])) as Record<
        keyof typeof I,
        ColumnRef | undefined
      >)
    : null;

  const invByName =
    inv && ic
      ? indexRows(inv, (r) => key(textAt(inv.sheet, r, ic.name)), true)
      : new Map<string, number[]>();
  const invByShort =
    inv && ic
      ? indexRows(inv, (r) => shortKey(textAt(inv.sheet, r, ic.name)), true)
      : new Map<string, number[]>();
  const joined = new Set<number>();

  /** Fill what the inventory row knows and the performance row did not. */
  const fromInventory = (c: Candidate, r: number, strict: boolean): void => {
    if (!inv || !ic) return;
    const s = inv.sheet;
    if (c.osText === null && textAt(s, r, ic.os) !== "") {
      c.osText = textAt(s, r, ic.os);
      c.osPlace = cellPlace(s.name, r, ic.os);
    }
    if (c.cores === null) {
      const cores = strict
        ? requiredNumber(c, s, r, ic.cores, {
            ...RULES.cores,
            label: ic.cores?.header ?? "Number of Total Cores",
          })
        : optionalNumber(c, s, r, ic.cores, RULES.cores, "ignored");
      if (cores !== null) c.cores = { value: cores.toNumber(), basis: "file" };
    }
    if (c.memoryGiB === null) {
      const rule = RULES.positive(ic.memory?.header ?? "System Memory (MB)");
      const mem = strict
        ? requiredNumber(c, s, r, ic.memory, rule)
        : optionalNumber(c, s, r, ic.memory, rule, "ignored");
      if (mem !== null) c.memoryGiB = { value: mem.div(MIB_PER_GIB), basis: "file" };
    }
    if (c.storageGiB === null) {
      const size = sumLines(s, r, ic.diskSize);
      if (size === "invalid")
        warnInvalid(
          c,
          s.name,
          r,
          ic.diskSize,
          ic.diskSize?.header ?? "Logical Disk Size (GB)",
          textAt(s, r, ic.diskSize),
          "one size in GB per line",
          "the default storage was used"
        );
      else if (size !== null) {
        c.storageGiB = { value: size, basis: "file" };
        const free = sumLines(s, r, ic.diskFree);
        if (free !== null && free !== "invalid" && free.lte(size)) c.inUseGiB = size.minus(free);
      }
    }
    if (c.cpuGhz === null) {
      const clock = clockFromModel(textAt(s, r, ic.cpu));
      if (clock !== null) c.cpuGhz = { value: clock, basis: "cpu-model" };
    }
  };

  let rowsRead = 0;
  if (perf && pc) {
    const s = perf.sheet;
    notes.push(MESSAGES.mapPercent);
    columns.push(
      ...used("name", perf, pc.name),
      ...used("cores", perf, pc.cores),
      ...used("cpuGhz", perf, pc.clock),
      ...used("peakCpuUtilization", perf, pc.p95 ?? pc.maximum),
      ...used("averageCpuUtilization", perf, pc.average),
      ...used("memoryGiB", perf, pc.memory),
      ...used("storageGiB", perf, pc.diskSize),
      ...used("os", perf, pc.os)
    );
    const rows = dataRows(perf);
    rowsRead = rows.length;
    for (const r of rows) {
      const c = newCandidate(s.name, r + 1);
      c.name = readName(c, s, r, pc.name);
      const name = c.name ?? "";
      const invRow = (invByName.get(key(name)) ?? invByShort.get(shortKey(name)))?.[0];
      if (invRow !== undefined) joined.add(invRow);
      if (textAt(s, r, pc.os) !== "") {
        c.osText = textAt(s, r, pc.os);
        c.osPlace = cellPlace(s.name, r, pc.os);
      }
      const coresRule = { ...RULES.cores, label: pc.cores?.header ?? "Cores" };
      const cores = requiredNumber(c, s, r, pc.cores, coresRule, invRow !== undefined);
      if (cores !== null) c.cores = { value: cores.toNumber(), basis: "file" };
      const memRule = RULES.positive(pc.memory?.header ?? "Memory (MB)");
      const mem = requiredNumber(c, s, r, pc.memory, memRule, invRow !== undefined);
      if (mem !== null) c.memoryGiB = { value: mem.div(MIB_PER_GIB), basis: "file" };
      const clock = optionalNumber(
        c,
        s,
        r,
        pc.clock,
        RULES.ghz(pc.clock?.header ?? "CPU Speed (GHz)"),
        "the next clock source was used"
      );
      if (clock !== null) c.cpuGhz = { value: clock, basis: "file" };
      else {
        const fromModel = clockFromModel(textAt(s, r, pc.cpu));
        if (fromModel !== null) c.cpuGhz = { value: fromModel, basis: "cpu-model" };
      }
      const peakCol = numberAt(s, r, pc.p95).kind === "number" ? pc.p95 : pc.maximum;
      const peak = optionalNumber(
        c,
        s,
        r,
        peakCol,
        RULES.percent(peakCol?.header ?? "95th Percentile CPU Utilization (%)"),
        "the default peak was used"
      );
      if (peak !== null) c.peak = { value: peak.div(100), basis: "file" };
      // Measured use: the chosen statistic where the report has it, else the other one.
      const mCol = wantMax ? (pc.maximum ?? pc.p95) : (pc.p95 ?? pc.maximum);
      const mCpu = numberAt(s, r, mCol);
      if (mCol && mCpu.kind === "number" && RULES.percent("").valid(mCpu.value)) {
        c.measuredCpu = { value: mCpu.value.div(100), percentile: mCol === pc.p95 ? "p95" : "max" };
        const memCol = mCol === pc.p95 ? pc.memoryP95 : pc.memoryMaximum;
        const mem = numberAt(s, r, memCol);
        if (mem.kind === "number" && mem.value.gte(0)) c.measuredMemoryGiB = mem.value;
      }
      const net = numberAt(s, r, pc.networkAverage);
      if (net.kind === "number" && net.value.gte(0)) c.networkMBps = net.value;
      const avg = optionalNumber(
        c,
        s,
        r,
        pc.average,
        RULES.percent(pc.average?.header ?? "Average CPU Utilization (%)"),
        "the default average was used"
      );
      if (avg !== null) c.average = { value: avg.div(100), basis: "file" };
      const size = sumLines(s, r, pc.diskSize);
      if (size === "invalid")
        warnInvalid(
          c,
          s.name,
          r,
          pc.diskSize,
          pc.diskSize?.header ?? "Disk Drive Size (GB)",
          textAt(s, r, pc.diskSize),
          "one size in GB per line",
          "the next storage source was used"
        );
      else if (size !== null) c.storageGiB = { value: size, basis: "file" };
      const usedGb = sumLines(s, r, pc.diskUsed);
      if (usedGb !== null && usedGb !== "invalid") c.inUseGiB = usedGb;
      if (invRow !== undefined) {
        fromInventory(c, invRow, false);
        if (c.cores === null && numberAt(s, r, pc.cores).kind === "empty")
          requiredNumber(c, s, r, pc.cores, coresRule);
        if (c.memoryGiB === null && numberAt(s, r, pc.memory).kind === "empty")
          requiredNumber(c, s, r, pc.memory, memRule);
      }
      candidates.push(c);
    }
  }

  if (inv && ic) {
    const s = inv.sheet;
    if (!perf) {
      columns.push(
        ...used("name", inv, ic.name),
        ...used("cores", inv, ic.cores),
        ...used("memoryGiB", inv, ic.memory),
        ...used("storageGiB", inv, ic.diskSize),
        ...used("os", inv, ic.os)
      );
    }
    const rows = dataRows(inv).filter((r) => !joined.has(r));
    if (!perf) rowsRead = rows.length;
    else if (rows.length > 0) notes.push(MESSAGES.mapNoPerformance(rows.length));
    for (const r of rows) {
      const c = newCandidate(s.name, r + 1);
      c.name = readName(c, s, r, ic.name);
      fromInventory(c, r, true);
      candidates.push(c);
    }
  }

  const sheets = [...(perf ? [perf.sheet.name] : []), ...(inv ? [inv.sheet.name] : [])];
  return {
    format: perf ? "map-performance" : "map-inventory",
    formatLabel: perf
      ? `MAP Toolkit performance metrics${inv ? " with server inventory" : ""}`
      : "MAP Toolkit server inventory",
    fileName: null,
    sheets,
    rowsRead,
    columns,
    problems: [],
    notes,
    candidates,
  };
}
