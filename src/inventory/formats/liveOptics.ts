/**
 * Live Optics (Dell) "Optical Prime" VMware export: `VMs` joined to `VM Performance` (measured
 * peak and average vCPU %) on MOB ID, and to `ESX Hosts` for the core clock
 * (`reference/inventory-formats.md` §4). "MB" and "MiB" labels both hold binary MiB.
 */
import { Dec } from "../../money";
import {
  boolAt,
  newCandidate,
  numberAt,
  optionalNumber,
  readName,
  readPowerState,
  requiredNumber,
  RULES,
  textAt,
  type Candidate,
} from "../candidate";
import { cellPlace, type ColumnRef, type HeaderIndex } from "../cells";
import { dataRows, hasAll, indexRows, locateSheet, used, type Aliases } from "../locate";
import { MESSAGES } from "../messages";
import type { ReadOutcome } from "../assemble";
import type { ColumnUse, WorkbookData } from "../types";

export const LIVE_OPTICS_COLUMNS = {
  mob: ["MOB ID"],
  name: ["VM Name"],
  isRunning: ["IsRunning"],
  power: ["Power State"],
  os: ["VM OS"],
  vcpu: ["Virtual CPU"],
  memory: ["Provisioned Memory (MiB)", "Provisioned Memory (MB)"],
  diskSize: ["Virtual Disk Size (MiB)", "Virtual Disk Size (MB)"],
  diskUsed: ["Virtual Disk Used (MiB)", "Virtual Disk Used (MB)"],
  template: ["Template"],
  connection: ["Connection State"],
  vcenter: ["vCenter"],
  host: ["Host"],
} as const satisfies Record<string, Aliases>;

const PERF = {
  mob: ["MOB ID"],
  name: ["VM Name"],
  peakPct: ["Peak vCPU %"],
  peakGhz: ["Peak vCPU (GHz)"],
  avgPct: ["Average vCPU %", "Avg vCPU %"],
  peakMemory: ["Peak Memory (MiB)", "Peak Memory (MB)"],
  avgKBps: ["Average KB/sec"],
} as const satisfies Record<string, Aliases>;

const HOSTS = {
  name: ["Host Name"],
  clock: ["CPU Clock Speed (GHz)"],
  vcenter: ["vCenter"],
} as const satisfies Record<string, Aliases>;

const C = LIVE_OPTICS_COLUMNS;

export function isLiveOpticsVms(index: HeaderIndex): boolean {
  return (
    hasAll(index, C.mob, C.name) &&
    (hasAll(index, C.vcpu) || /^vms$/i.test(index.sheet.name.trim()))
  );
}

export const LIVE_OPTICS_REQUIRED: readonly { label: string; aliases: Aliases }[] = [
  { label: "VM Name", aliases: C.name },
  { label: "Virtual CPU", aliases: C.vcpu },
  { label: "Provisioned Memory (MiB)", aliases: C.memory },
];

export function locateLiveOptics(wb: WorkbookData): HeaderIndex | null {
  return locateSheet(wb, ["VMs"], isLiveOpticsVms);
}

const MIB_PER_GIB = 1024;

export function readLiveOptics(wb: WorkbookData, vms: HeaderIndex): ReadOutcome {
  const sheet = vms.sheet;
  const col = Object.fromEntries(Object.entries(C).map(([k, a]) => [k, vms.get(a)])) as Record<
    keyof typeof C,
    ColumnRef | undefined
  >;
  const perf = locateSheet(
    wb,
    ["VM Performance"],
    (i) => hasAll(i, PERF.mob, PERF.peakPct) && i.sheet !== sheet
  );
  const hosts = locateSheet(wb, ["ESX Hosts"], (i) => hasAll(i, HOSTS.name, HOSTS.clock));
  const sheets = [
    sheet.name,
    ...(perf ? [perf.sheet.name] : []),
    ...(hosts ? [hosts.sheet.name] : []),
  ];
  const columns: ColumnUse[] = [
    ...used("name", vms, col.name),
    ...used("cores", vms, col.vcpu),
    ...used("memoryGiB", vms, col.memory),
    ...used("storageGiB", vms, col.diskSize),
    ...used("storageInUseGiB", vms, col.diskUsed),
    ...used("os", vms, col.os),
    ...used("powerState", vms, col.power ?? col.isRunning),
  ];

  const perfCol = perf
    ? {
        mob: perf.get(PERF.mob),
        name: perf.get(PERF.name),
        peakPct: perf.get(PERF.peakPct),
        peakGhz: perf.get(PERF.peakGhz),
        avgPct: perf.get(PERF.avgPct),
        peakMemory: perf.get(PERF.peakMemory),
        avgKBps: perf.get(PERF.avgKBps),
      }
    : null;
  const perfByKey =
    perf && perfCol
      ? indexRows(
          perf,
          (r) =>
            `${textAt(perf.sheet, r, perfCol.mob)}|${textAt(perf.sheet, r, perfCol.name)}`.toLowerCase(),
          true
        )
      : new Map<string, number[]>();
  const perfByMob =
    perf && perfCol
      ? indexRows(perf, (r) => textAt(perf.sheet, r, perfCol.mob).toLowerCase(), true)
      : new Map<string, number[]>();
  if (perf && perfCol)
    columns.push(
      ...used("peakCpuUtilization", perf, perfCol.peakPct),
      ...used("averageCpuUtilization", perf, perfCol.avgPct)
    );

  const clockByHost = new Map<string, Dec>();
  if (hosts) {
    const hc = {
      name: hosts.get(HOSTS.name),
      clock: hosts.get(HOSTS.clock),
      vcenter: hosts.get(HOSTS.vcenter),
    };
    for (const r of dataRows(hosts)) {
      const clock = numberAt(hosts.sheet, r, hc.clock);
      if (clock.kind !== "number" || !RULES.ghz("").valid(clock.value)) continue;
      const name = textAt(hosts.sheet, r, hc.name).toLowerCase();
      clockByHost.set(`${textAt(hosts.sheet, r, hc.vcenter).toLowerCase()}|${name}`, clock.value);
      clockByHost.set(`|${name}`, clock.value);
    }
    columns.push(...used("cpuGhz", hosts, hc.clock));
  }

  const rows = dataRows(vms);
  const candidates: Candidate[] = rows.map((r) => {
    const c = newCandidate(sheet.name, r + 1);
    c.name = readName(c, sheet, r, col.name);
    c.power = col.power
      ? readPowerState(c, sheet, r, col.power)
      : boolAt(sheet, r, col.isRunning) === false
        ? "off"
        : "on";
    c.template = boolAt(sheet, r, col.template) === true;
    const conn = textAt(sheet, r, col.connection).toLowerCase();
    c.disconnected = conn !== "" && conn !== "connected";
    c.scope = textAt(sheet, r, col.vcenter) || null;
    const os = textAt(sheet, r, col.os);
    if (os !== "") {
      c.osText = os;
      c.osPlace = cellPlace(sheet.name, r, col.os);
    }
    const cores = requiredNumber(c, sheet, r, col.vcpu, { ...RULES.cores, label: "Virtual CPU" });
    if (cores !== null) c.cores = { value: cores.toNumber(), basis: "file" };
    const memory = requiredNumber(
      c,
      sheet,
      r,
      col.memory,
      RULES.positive(col.memory?.header ?? "Provisioned Memory")
    );
    if (memory !== null) c.memoryGiB = { value: memory.div(MIB_PER_GIB), basis: "file" };
    const disk = optionalNumber(
      c,
      sheet,
      r,
      col.diskSize,
      RULES.nonNegative(col.diskSize?.header ?? "Virtual Disk Size"),
      "the default storage was used"
    );
    if (disk !== null) c.storageGiB = { value: disk.div(MIB_PER_GIB), basis: "file" };
    const diskUsed = optionalNumber(
      c,
      sheet,
      r,
      col.diskUsed,
      RULES.nonNegative(col.diskUsed?.header ?? "Virtual Disk Used"),
      "no in-use figure was taken"
    );
    if (diskUsed !== null) c.inUseGiB = diskUsed.div(MIB_PER_GIB);

    // Measured utilisation from VM Performance; a zero peak means no archive (powered off).
    const mob = textAt(sheet, r, col.mob).toLowerCase();
    const perfRow = (perfByKey.get(`${mob}|${(c.name ?? "").toLowerCase()}`) ??
      perfByMob.get(mob))?.[0];
    let peakGhz: Dec | null = null;
    let peakPct: Dec | null = null;
    if (perf && perfCol && perfRow !== undefined) {
      const peak = optionalNumber(
        c,
        perf.sheet,
        perfRow,
        perfCol.peakPct,
        RULES.percent("Peak vCPU %"),
        "the default peak was used"
      );
      if (peak !== null && peak.gt(0)) {
        peakPct = peak;
        c.peak = { value: peak.div(100), basis: "file" };
        const avg = optionalNumber(
          c,
          perf.sheet,
          perfRow,
          perfCol.avgPct,
          RULES.percent("Average vCPU %"),
          "the default average was used"
        );
        if (avg !== null) c.average = { value: avg.div(100), basis: "file" };
        const ghz = numberAt(perf.sheet, perfRow, perfCol.peakGhz);
        if (ghz.kind === "number" && ghz.value.gt(0)) peakGhz = ghz.value;
        // Measured use: Live Optics keeps the peak of vCenter's archive (no percentiles).
        c.measuredCpu = { value: peak.div(100), percentile: "max" };
        const mem = numberAt(perf.sheet, perfRow, perfCol.peakMemory);
        if (mem.kind === "number" && mem.value.gte(0))
          c.measuredMemoryGiB = mem.value.div(MIB_PER_GIB);
        const io = numberAt(perf.sheet, perfRow, perfCol.avgKBps);
        if (io.kind === "number" && io.value.gte(0)) c.diskMBps = io.value.div(1000);
      }
    }

    // Core clock: the host's clock, else Peak vCPU (GHz) ÷ (Peak vCPU % / 100) ÷ vCPUs.
    const host = textAt(sheet, r, col.host).toLowerCase();
    const clock =
      clockByHost.get(`${(c.scope ?? "").toLowerCase()}|${host}`) ?? clockByHost.get(`|${host}`);
    if (clock !== undefined) {
      c.cpuGhz = { value: clock, basis: "host-clock" };
    } else if (peakGhz !== null && peakPct !== null && c.cores !== null) {
      const ghz = peakGhz.div(peakPct.div(100)).div(c.cores.value).toDecimalPlaces(3);
      if (RULES.ghz("").valid(ghz)) c.cpuGhz = { value: ghz, basis: "perf-ghz" };
    }
    return c;
  });

  return {
    format: "live-optics",
    formatLabel: `Live Optics (Optical Prime) VMs${perf ? " with VM Performance" : ""}`,
    fileName: null,
    sheets,
    rowsRead: rows.length,
    columns,
    problems: [],
    notes: perf ? [MESSAGES.liveOpticsPercent] : [],
    candidates,
  };
}
