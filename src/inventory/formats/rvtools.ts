/**
 * RVTools (VMware vCenter export): vInfo, one row per VM, joined to vHost (host clock and
 * the CPU-usage snapshot), vCPU, vMemory and vDisk for the fallbacks of
 * `reference/inventory-formats.md` §1.5–1.6. "MB" and "MiB" labels both hold binary MiB.
 */
import { Dec } from "../../money";
import {
  problemAt,
  newCandidate,
  numberAt,
  optionalNumber,
  readName,
  readPowerState,
  RULES,
  textAt,
  boolAt,
  requiredNumber,
  type Candidate,
} from "../candidate";
import { cellPlace, type ColumnRef, type HeaderIndex } from "../cells";
import { dataRows, hasAll, indexRows, locateSheet, used, type Aliases } from "../locate";
import { MESSAGES } from "../messages";
import { isVclsAgent, type ReadOutcome } from "../assemble";
import type { ColumnUse, ImportProblem, WorkbookData } from "../types";

/** Header aliases (display names of every version, then the `vInfo…` internal names). */
export const RVTOOLS_COLUMNS = {
  vm: ["VM", "vInfoVMName"],
  power: ["Powerstate", "Power state", "vInfoPowerstate"],
  template: ["Template", "vInfoTemplate"],
  srm: ["SRM Placeholder", "vInfoSRMPlaceHolder"],
  connection: ["Connection state", "vInfoConnectionState"],
  cpus: ["CPUs", "vInfoCPUs"],
  memory: ["Memory", "vInfoMemory"],
  diskTotal: ["Total disk capacity MiB", "Total disk capacity MB", "vInfoTotalDiskCapacityMiB"],
  provisioned: ["Provisioned MiB", "Provisioned MB", "vInfoProvisioned"],
  inUse: ["In Use MiB", "In Use MB", "vInfoInUse"],
  cluster: ["Cluster", "vInfoCluster"],
  host: ["Host", "vInfoHost"],
  osConfig: ["OS according to the configuration file", "vInfoOS"],
  osTools: ["OS according to the VMware Tools", "vInfoOSTools"],
  vmId: ["VM ID", "vInfoVMID"],
  uuid: ["VM UUID", "vInfoUUID"],
  server: ["VI SDK Server", "vInfoVISDKServer"],
} as const satisfies Record<string, Aliases>;

const HOST = {
  host: ["Host", "vHostName"],
  cluster: ["Cluster", "vHostCluster"],
  speed: ["Speed", "vHostCpuMhz"],
  cores: ["# Cores", "vHostNumCpuCores"],
  usage: ["CPU usage %"],
} as const satisfies Record<string, Aliases>;

const VCPU = {
  cpus: ["CPUs"],
  sockets: ["Sockets"],
  coresPerSocket: ["Cores p/s"],
  max: ["Max"],
} as const satisfies Record<string, Aliases>;
const VMEMORY = { size: ["Size MiB", "Size MB", "vMemorySizeMiB"] } as const satisfies Record<
  string,
  Aliases
>;
const VDISK = {
  capacity: ["Capacity MiB", "Capacity MB", "vDiskCapacityMiB"],
  mode: ["Disk Mode"],
  thin: ["Thin"],
} as const satisfies Record<string, Aliases>;

const C = RVTOOLS_COLUMNS;

/**
 * A sheet is vInfo when it is named so (`vInfo`, `RVTools_tabvInfo`) and has a `VM` column,
 * or, under any name, has `VM`, `Powerstate`, `CPUs` and `Memory` (§5).
 */
export function isRvtoolsVinfo(index: HeaderIndex): boolean {
  const named = /(^|_tab)vinfo$/i.test(index.sheet.name.trim());
  return hasAll(index, C.vm) && (named || hasAll(index, C.power, C.cpus, C.memory));
}

export const RVTOOLS_REQUIRED: readonly { label: string; aliases: Aliases }[] = [
  { label: "VM", aliases: C.vm },
  { label: "CPUs", aliases: C.cpus },
  { label: "Memory", aliases: C.memory },
];

export function locateRvtools(wb: WorkbookData): HeaderIndex | null {
  return locateSheet(wb, ["vInfo"], isRvtoolsVinfo);
}

const MIB_PER_GIB = 1024;
const isIp = (s: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || s.includes(":");
const shortName = (s: string): string => (isIp(s) ? s : (s.split(".")[0] ?? s));

interface HostInfo {
  readonly name: string;
  readonly cluster: string;
  readonly speedMHz: Dec | null;
  readonly cores: Dec | null;
  readonly usagePercent: Dec | null;
}

interface Side {
  readonly index: HeaderIndex;
  readonly byId: Map<string, number[]> | null;
  readonly byUuid: Map<string, number[]> | null;
  readonly byName: Map<string, number[]> | null;
  readonly vm: ColumnRef | undefined;
}

function side(index: HeaderIndex | null): Side | null {
  if (index === null) return null;
  const s = index.sheet;
  const key = (col: ColumnRef | undefined) =>
    col ? indexRows(index, (r) => textAt(s, r, col).toLowerCase()) : null;
  const vm = index.get(C.vm);
  return {
    index,
    byId: key(index.get(C.vmId)),
    byUuid: key(index.get(C.uuid)),
    byName: key(vm),
    vm,
  };
}

/** Rows of a side sheet for a VM: by VM ID, else VM UUID, else its name when the name is unique. */
function lookup(
  s: Side | null,
  id: string,
  uuid: string,
  name: string,
  nameUnique: boolean,
  many: boolean
): number[] {
  if (s === null) return [];
  let hits: number[] | undefined;
  if (id !== "" && s.byId !== null) hits = s.byId.get(id.toLowerCase());
  else if (uuid !== "" && s.byUuid !== null) hits = s.byUuid.get(uuid.toLowerCase());
  else if (nameUnique && name !== "" && s.byName !== null) hits = s.byName.get(name.toLowerCase());
  if (hits === undefined) return [];
  return many || hits.length === 1 ? hits : [];
}

/** Read vInfo (and its companion sheets) into candidates. */
export function readRvtools(wb: WorkbookData, vinfo: HeaderIndex): ReadOutcome {
  const sheet = vinfo.sheet;
  const col = Object.fromEntries(Object.entries(C).map(([k, a]) => [k, vinfo.get(a)])) as Record<
    keyof typeof C,
    ColumnRef | undefined
  >;
  const problems: ImportProblem[] = [];
  const columns: ColumnUse[] = [];
  const sheetsUsed = [sheet.name];
  const notes: string[] = [MESSAGES.rvtoolsNoUtilisation];

  const labelHeaders = [col.diskTotal, col.provisioned, col.inUse]
    .filter((c): c is ColumnRef => c !== undefined)
    .map((c) => c.header);
  const labels: "MiB" | "MB" | null = labelHeaders.some((h) => /mib/i.test(h))
    ? "MiB"
    : labelHeaders.some((h) => /\bmb\b/i.test(h))
      ? "MB"
      : null;
  notes.push(MESSAGES.rvtoolsUnitLabels(labels ?? "MiB"));

  // Companion sheets.
  const hostIdx = locateSheet(
    wb,
    ["vHost"],
    (i) => hasAll(i, HOST.host, HOST.speed) && i.sheet !== sheet
  );
  const vcpu = side(
    locateSheet(wb, ["vCPU"], (i) => hasAll(i, C.vm, VCPU.cpus, VCPU.sockets) && i.sheet !== sheet)
  );
  const vmem = side(
    locateSheet(wb, ["vMemory"], (i) => hasAll(i, C.vm, VMEMORY.size) && i.sheet !== sheet)
  );
  const vdisk = side(
    locateSheet(
      wb,
      ["vDisk"],
      (i) =>
        hasAll(i, C.vm, VDISK.capacity) &&
        (hasAll(i, VDISK.mode) || hasAll(i, VDISK.thin) || /vdisk$/i.test(i.sheet.name))
    )
  );

  const hosts = hostIdx ? readHosts(hostIdx) : [];
  const hostByName = new Map<string, HostInfo>();
  const hostByShort = new Map<string, HostInfo | null>();
  for (const h of hosts) {
    hostByName.set(h.name.toLowerCase(), h);
    const sn = shortName(h.name).toLowerCase();
    hostByShort.set(sn, hostByShort.has(sn) ? null : h);
  }
  const findHost = (name: string): HostInfo | undefined => {
    if (name === "") return undefined;
    return (
      hostByName.get(name.toLowerCase()) ??
      hostByShort.get(shortName(name).toLowerCase()) ??
      undefined
    );
  };
  const clusterClock = new Map<string, Dec>();
  {
    const acc = new Map<string, { sum: Dec; n: number }>();
    for (const h of hosts) {
      if (h.cluster === "" || h.speedMHz === null || h.speedMHz.lte(0)) continue;
      const a = acc.get(h.cluster.toLowerCase()) ?? { sum: new Dec(0), n: 0 };
      acc.set(h.cluster.toLowerCase(), { sum: a.sum.plus(h.speedMHz), n: a.n + 1 });
    }
    for (const [k, a] of acc) clusterClock.set(k, a.sum.div(a.n).div(1000).toDecimalPlaces(3));
  }
  if (hostIdx) {
    sheetsUsed.push(hostIdx.sheet.name);
    columns.push(...used("cpuGhz", hostIdx, hostIdx.get(HOST.speed)));
  }
  for (const s of [vcpu, vmem, vdisk]) if (s) sheetsUsed.push(s.index.sheet.name);

  columns.push(
    ...used("name", vinfo, col.vm),
    ...used("cores", vinfo, col.cpus),
    ...used("memoryGiB", vinfo, col.memory),
    ...used("storageGiB", vinfo, col.diskTotal ?? col.provisioned),
    ...used("storageInUseGiB", vinfo, col.inUse),
    ...used("os", vinfo, col.osTools),
    ...used("os", vinfo, col.osConfig),
    ...used("powerState", vinfo, col.power)
  );

  const rows = dataRows(vinfo);
  const nameCount = new Map<string, number>();
  for (const r of rows) {
    const n = textAt(sheet, r, col.vm).toLowerCase();
    nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
  }

  const candidates: Candidate[] = [];
  const clusterOf = new Map<Candidate, string>();
  for (const r of rows) {
    const c = newCandidate(sheet.name, r + 1);
    c.name = readName(c, sheet, r, col.vm);
    const name = c.name ?? "";
    const id = textAt(sheet, r, col.vmId);
    const uuid = textAt(sheet, r, col.uuid);
    const nameUnique = (nameCount.get(name.toLowerCase()) ?? 0) === 1;
    const cpuRow = lookup(vcpu, id, uuid, name, nameUnique, false)[0];
    const memRow = lookup(vmem, id, uuid, name, nameUnique, false)[0];

    c.power = readPowerState(c, sheet, r, col.power);
    c.template = boolAt(sheet, r, col.template) === true;
    c.srmPlaceholder = boolAt(sheet, r, col.srm) === true;
    const conn = textAt(sheet, r, col.connection).toLowerCase();
    c.disconnected = conn !== "" && conn !== "connected";
    c.scope = textAt(sheet, r, col.server) || null;

    // OS: tools-reported, then configured; then the same columns on vCPU / vMemory.
    const osCandidates: [string, ReturnType<typeof cellPlace>][] = [
      [textAt(sheet, r, col.osTools), cellPlace(sheet.name, r, col.osTools)],
      [textAt(sheet, r, col.osConfig), cellPlace(sheet.name, r, col.osConfig)],
    ];
    for (const [s, row] of [
      [vcpu, cpuRow],
      [vmem, memRow],
    ] as const) {
      if (s === null || row === undefined) continue;
      const tools = s.index.get(C.osTools);
      const config = s.index.get(C.osConfig);
      osCandidates.push([
        textAt(s.index.sheet, row, tools),
        cellPlace(s.index.sheet.name, row, tools),
      ]);
      osCandidates.push([
        textAt(s.index.sheet, row, config),
        cellPlace(s.index.sheet.name, row, config),
      ]);
    }
    const os = osCandidates.find(([t]) => t !== "");
    if (os) {
      c.osText = os[0];
      c.osPlace = os[1];
    }

    // Cores: vInfo CPUs, else vCPU CPUs or Sockets × Cores p/s.
    const cpus = requiredNumber(c, sheet, r, col.cpus, RULES.cores, true);
    if (cpus !== null) {
      c.cores = { value: cpus.toNumber(), basis: "file" };
    } else if (numberAt(sheet, r, col.cpus).kind === "empty") {
      const fromSide = vcpu && cpuRow !== undefined ? vcpuCores(vcpu, cpuRow) : null;
      if (fromSide) {
        c.cores = {
          value: fromSide.value,
          basis: "other-sheet",
          detail: vcpu?.index.sheet.name ?? "vCPU",
        };
        c.warnings.push(
          problemAt(
            "warning",
            sheet.name,
            r,
            col.cpus,
            MESSAGES.fallback("CPUs", String(fromSide.value), fromSide.where)
          )
        );
      } else {
        requiredNumber(c, sheet, r, col.cpus, RULES.cores);
      }
    }

    // Memory: vInfo Memory (MiB), else vMemory Size MiB / Size MB.
    const memory = requiredNumber(c, sheet, r, col.memory, RULES.positive("Memory"), true);
    if (memory !== null) {
      c.memoryGiB = { value: memory.div(MIB_PER_GIB), basis: "file" };
    } else if (numberAt(sheet, r, col.memory).kind === "empty") {
      const sizeCol = vmem?.index.get(VMEMORY.size);
      const size =
        vmem && memRow !== undefined ? numberAt(vmem.index.sheet, memRow, sizeCol) : null;
      if (vmem && memRow !== undefined && size?.kind === "number" && size.value.gt(0)) {
        c.memoryGiB = {
          value: size.value.div(MIB_PER_GIB),
          basis: "other-sheet",
          detail: vmem.index.sheet.name,
        };
        const where = `${vmem.index.sheet.name}!${sizeCol?.letter ?? ""}${memRow + 1}`;
        c.warnings.push(
          problemAt(
            "warning",
            sheet.name,
            r,
            col.memory,
            MESSAGES.fallback("Memory", `${size.value.toString()} MiB`, where)
          )
        );
      } else {
        requiredNumber(c, sheet, r, col.memory, RULES.positive("Memory"));
      }
    }

    // Storage: Total disk capacity, else Σ vDisk capacity, else Provisioned; in use separately.
    const instead = "the next storage figure was used";
    const total = optionalNumber(
      c,
      sheet,
      r,
      col.diskTotal,
      RULES.nonNegative(col.diskTotal?.header ?? "Total disk capacity"),
      instead
    );
    if (total !== null) {
      c.storageGiB = { value: total.div(MIB_PER_GIB), basis: "file" };
    } else {
      const disks = lookup(vdisk, id, uuid, name, nameUnique, true);
      const capCol = vdisk?.index.get(VDISK.capacity);
      let sum: Dec | null = null;
      for (const d of disks) {
        const cell = vdisk ? numberAt(vdisk.index.sheet, d, capCol) : null;
        if (cell?.kind === "number" && cell.value.gte(0))
          sum = (sum ?? new Dec(0)).plus(cell.value);
      }
      if (sum !== null) {
        c.storageGiB = { value: sum.div(MIB_PER_GIB), basis: "vdisk" };
      } else {
        const prov = optionalNumber(
          c,
          sheet,
          r,
          col.provisioned,
          RULES.nonNegative(col.provisioned?.header ?? "Provisioned"),
          "the default storage was used"
        );
        if (prov !== null) c.storageGiB = { value: prov.div(MIB_PER_GIB), basis: "provisioned" };
      }
    }
    const inUse = optionalNumber(
      c,
      sheet,
      r,
      col.inUse,
      RULES.nonNegative(col.inUse?.header ?? "In Use"),
      "no in-use figure was taken"
    );
    if (inUse !== null) c.inUseGiB = inUse.div(MIB_PER_GIB);

    // Core clock: the host's Speed, else vCPU Max ÷ CPUs, else the cluster's mean host clock.
    const hostName = textAt(sheet, r, col.host);
    const cluster = textAt(sheet, r, col.cluster);
    const host = findHost(hostName);
    const maxOverCpus = vcpu && cpuRow !== undefined ? vcpuClock(vcpu, cpuRow) : null;
    if (host?.speedMHz && host.speedMHz.gt(0) && host.speedMHz.lte(10_000)) {
      c.cpuGhz = { value: host.speedMHz.div(1000), basis: "host-clock" };
    } else if (maxOverCpus !== null) {
      c.cpuGhz = { value: maxOverCpus, basis: "vcpu-max" };
    } else if (cluster !== "" && clusterClock.has(cluster.toLowerCase())) {
      const ghz = clusterClock.get(cluster.toLowerCase()) as Dec;
      c.cpuGhz = {
        value: ghz,
        basis: "cluster-clock",
        detail: `${cluster}: ${ghz.toString()} GHz`,
      };
    }
    if (cluster !== "") clusterOf.set(c, (host?.cluster || cluster).toLowerCase());
    candidates.push(c);
  }

  // Average CPU from one vHost snapshot per cluster (§1.6 step 1).
  if (hostIdx && hostIdx.get(HOST.usage) && hostIdx.get(HOST.cores) && hostIdx.get(HOST.cluster)) {
    const usedMHz = new Map<string, Dec>();
    const clusterName = new Map<string, string>();
    for (const h of hosts) {
      if (h.cluster === "" || h.usagePercent === null || h.cores === null || h.speedMHz === null)
        continue;
      const k = h.cluster.toLowerCase();
      clusterName.set(k, h.cluster);
      usedMHz.set(
        k,
        (usedMHz.get(k) ?? new Dec(0)).plus(
          h.usagePercent.div(100).times(h.cores).times(h.speedMHz)
        )
      );
    }
    const capacityMHz = new Map<string, Dec>();
    for (const c of candidates) {
      const k = clusterOf.get(c);
      if (
        k === undefined ||
        c.power !== "on" ||
        c.template ||
        c.srmPlaceholder ||
        c.disconnected ||
        isVclsAgent(c.name ?? "") ||
        c.cores === null ||
        c.cpuGhz === null
      )
        continue;
      capacityMHz.set(
        k,
        (capacityMHz.get(k) ?? new Dec(0)).plus(c.cpuGhz.value.times(1000).times(c.cores.value))
      );
    }
    for (const [k, usedSum] of usedMHz) {
      const cap = capacityMHz.get(k);
      if (cap === undefined || cap.lte(0) || usedSum.lte(0)) continue;
      const ratio = usedSum.div(cap);
      const name = clusterName.get(k) ?? k;
      if (ratio.gt(1)) {
        problems.push(
          problemAt(
            "warning",
            hostIdx.sheet.name,
            null,
            undefined,
            MESSAGES.snapshotUnusable(name, `${ratio.times(100).toDecimalPlaces(0).toString()} %`)
          )
        );
        continue;
      }
      const avg = ratio.toDecimalPlaces(4);
      if (!columns.some((u) => u.field === "averageCpuUtilization"))
        columns.push(...used("averageCpuUtilization", hostIdx, hostIdx.get(HOST.usage)));
      for (const c of candidates) {
        if (clusterOf.get(c) === k)
          c.average = {
            value: avg,
            basis: "cluster-snapshot",
            detail: `${name}: ${avg.times(100).toString()} %`,
          };
      }
    }
  }

  const version = metadataVersion(wb);
  const formatLabel = `RVTools vInfo${labels === "MiB" ? " (MiB labels, RVTools 4.1.2 or later)" : labels === "MB" ? " (MB labels, before RVTools 4.1.2)" : ""}${version ? `, RVTools ${version}` : ""}`;
  return {
    format: "rvtools",
    formatLabel,
    fileName: null,
    sheets: sheetsUsed,
    rowsRead: rows.length,
    columns,
    problems,
    notes,
    candidates,
  };
}

function readHosts(index: HeaderIndex): HostInfo[] {
  const s = index.sheet;
  const col = {
    host: index.get(HOST.host),
    cluster: index.get(HOST.cluster),
    speed: index.get(HOST.speed),
    cores: index.get(HOST.cores),
    usage: index.get(HOST.usage),
  };
  const num = (r: number, c: ColumnRef | undefined): Dec | null => {
    const cell = numberAt(s, r, c);
    return cell.kind === "number" && cell.value.gte(0) ? cell.value : null;
  };
  return dataRows(index)
    .map((r) => ({
      name: textAt(s, r, col.host),
      cluster: textAt(s, r, col.cluster),
      speedMHz: num(r, col.speed),
      cores: num(r, col.cores),
      usagePercent: num(r, col.usage),
    }))
    .filter((h) => h.name !== "");
}

function vcpuCores(s: Side, row: number): { value: number; where: string } | null {
  const sheet = s.index.sheet;
  const cpusCol = s.index.get(VCPU.cpus);
  const cpus = numberAt(sheet, row, cpusCol);
  if (cpus.kind === "number" && RULES.cores.valid(cpus.value))
    return {
      value: cpus.value.toNumber(),
      where: `${sheet.name}!${cpusCol?.letter ?? ""}${row + 1}`,
    };
  const sockets = numberAt(sheet, row, s.index.get(VCPU.sockets));
  const per = numberAt(sheet, row, s.index.get(VCPU.coresPerSocket));
  if (sockets.kind === "number" && per.kind === "number") {
    const n = sockets.value.times(per.value);
    if (RULES.cores.valid(n))
      return { value: n.toNumber(), where: `${sheet.name}!${row + 1} (Sockets × Cores p/s)` };
  }
  return null;
}

/** vCPU `Max` (MHz) ÷ `CPUs` → GHz per vCPU, when the VM ran (Max > 0). */
function vcpuClock(s: Side, row: number): Dec | null {
  const sheet = s.index.sheet;
  const max = numberAt(sheet, row, s.index.get(VCPU.max));
  const cpus = numberAt(sheet, row, s.index.get(VCPU.cpus));
  if (max.kind !== "number" || cpus.kind !== "number" || max.value.lte(0) || cpus.value.lte(0))
    return null;
  const ghz = max.value.div(cpus.value).div(1000).toDecimalPlaces(3);
  return ghz.gt(0) && ghz.lte(10) ? ghz : null;
}

/** `RVTools version` from vMetaData, when the export has it. */
function metadataVersion(wb: WorkbookData): string | null {
  const meta = locateSheet(wb, ["vMetaData"], (i) => hasAll(i, ["RVTools version"]));
  if (!meta) return null;
  const row = dataRows(meta)[0];
  return row === undefined ? null : textAt(meta.sheet, row, meta.get(["RVTools version"])) || null;
}
