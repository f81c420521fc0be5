/**
 * Demand: each inventory row × count becomes VMs, or stays physical with every reason
 * (DESIGN.md "Capacity rules (v1)").
 */
import { Dec } from "../money";
import { platformLimits } from "../platform";
import type { InventoryRow, Scenario } from "../scenario";
import type {
  HostCapacity,
  HostConstraints,
  IdleServer,
  StayPhysical,
  VmDemand,
  VmSizing,
} from "./contract";
import { hostCapacity } from "./hostCapacity";
import { capacityMessages as M } from "./messages";
import { filterHost, type FitReason } from "./hostFit";
import { storageLimit, storageNeededTB } from "./storage";

/** The VMs of an inventory and the servers that stay physical. */
export interface Demand {
  /** One per server that can become a VM, in inventory order (copies of a row together). */
  readonly vms: readonly VmDemand[];
  readonly stayPhysical: readonly StayPhysical[];
  /** Servers flagged idle by the demand thresholds (retired ones are neither VMs nor physical). */
  readonly idle: readonly IdleServer[];
  /** Notes on the demand (VMs whose grown demand was capped at a whole host). */
  readonly notes: readonly string[];
}

/** Growth multipliers of demand for a year planned ahead (1 = today's demand). */
export interface DemandScale {
  readonly cpu: number;
  readonly memory: number;
  readonly storage: number;
}

const TODAY: DemandScale = { cpu: 1, memory: 1, storage: 1 };

/** No reason to stay physical: one empty list for every row that clearly fits. */
const NO_REASONS: readonly string[] = Object.freeze([]);

/** Sized on the peak inputs (the v1 rule): one frozen value that every such VM shares. */
const PEAK_SIZING: VmSizing = Object.freeze({
  basis: "peak",
  percentile: null,
  comfortFactor: 1,
  memoryMeasured: false,
});

/**
 * How a row is sized: measured percentile × comfort where the scenario and the row allow, else
 * peak. The one place this rule lives: the JSON, the pane, the CLI and the workbook ask here.
 */
export function sizingOf(row: InventoryRow, scenario: Scenario): VmSizing {
  const measured = scenario.demand.basis === "measured" && row.measuredCpuUtilization !== undefined;
  if (!measured) return PEAK_SIZING;
  return {
    basis: "measured",
    percentile: row.measuredPercentile ?? null,
    comfortFactor: scenario.demand.comfortFactor.toNumber(),
    memoryMeasured: row.measuredMemoryGiB !== undefined,
  };
}

/**
 * CPU demand of a row's server, GHz, exact: cores × cpuGhz × utilisation, where the utilisation
 * is the measured percentile × the comfort factor (at most 1: a server cannot use more than its
 * cores) when sized on measurement, else the peak input.
 */
export function cpuDemandGhz(row: InventoryRow, scenario: Scenario): Dec {
  return coresGhz(row).times(cpuUtilization(row, scenario));
}

/** A row's server fully used, GHz, exact: cores × cpuGhz, first factor of {@link cpuDemandGhz}. */
function coresGhz(row: InventoryRow): Dec {
  return new Dec(row.cores).times(row.cpuGhz);
}

/** The utilisation of {@link cpuDemandGhz}: measured × comfort (at most 1), else the peak. */
function cpuUtilization(row: InventoryRow, scenario: Scenario): Dec {
  return sizingOf(row, scenario).basis === "measured"
    ? Dec.min(1, (row.measuredCpuUtilization as Dec).times(scenario.demand.comfortFactor))
    : row.peakCpuUtilization;
}

/**
 * Memory of a row's VM, GiB, exact: measured use × the comfort factor, at most the configured
 * RAM, when sized on measurement and the row carries measured memory; else the configured RAM.
 * The per-VM overhead is added on top.
 */
export function memoryDemandGiB(row: InventoryRow, scenario: Scenario): Dec {
  const sizing = sizingOf(row, scenario);
  const own = sizing.memoryMeasured
    ? Dec.min(row.memoryGiB, (row.measuredMemoryGiB as Dec).times(scenario.demand.comfortFactor))
    : row.memoryGiB;
  return own.plus(scenario.cluster.vmMemoryOverheadGiB);
}

/** A row's storage demand, GiB: in use where the scenario sizes in use and the row gives it, else provisioned. */
export function storageDemandGiB(row: InventoryRow, scenario: Scenario): Dec {
  return scenario.storage.demandBasis === "in-use" && row.storageInUseGiB !== undefined
    ? row.storageInUseGiB
    : row.storageGiB;
}

/** The map under `key` in `map`, made empty on first use: one level of a nested memo. */
function level<K, V>(map: Map<K, Map<unknown, V>>, key: K): Map<unknown, V> {
  let next = map.get(key);
  if (next === undefined) map.set(key, (next = new Map()));
  return next;
}

/** A row's exact CPU (GHz) and memory (GiB) demand: {@link cpuDemandGhz}, {@link memoryDemandGiB}. */
export interface RowDemand {
  cpuGhz(row: InventoryRow): Dec;
  memoryGiB(row: InventoryRow): Dec;
}

/**
 * {@link cpuDemandGhz} and {@link memoryDemandGiB} of the rows of `scenario`, each counted once
 * per distinct set of the inputs it reads, and the same Decimal returned for them all. The
 * parser shares one Decimal among the rows that read the same text, so 100,000 rows hold a few
 * hundred CPU figures and a few dozen memory ones: the Decimal arithmetic runs that many times
 * rather than once per row. Rows whose values are not shared (built in code) are counted each
 * on their own, with the same result. Plain lookups, no key arrays nor closures per row.
 * The cores × cpuGhz factor is shared too (a few dozen of them under a thousand CPU figures).
 */
export function rowDemandOf(scenario: Scenario): RowDemand {
  // By measured or not, utilisation, cpuGhz, then cores; by measured memory, then RAM.
  const cpu = [new Map<Dec, Map<unknown, Map<unknown, Dec>>>(), new Map()] as const;
  const full = new Map<Dec, Map<unknown, Dec>>(); // coresGhz by cpuGhz, then cores
  const memory = new Map<Dec | undefined, Map<unknown, Dec>>();
  const byMeasurement = scenario.demand.basis === "measured";
  return {
    cpuGhz: (row) => {
      const measured = byMeasurement && row.measuredCpuUtilization !== undefined;
      const utilization = measured ? row.measuredCpuUtilization! : row.peakCpuUtilization;
      const byCores = level(level(cpu[measured ? 1 : 0], utilization), row.cpuGhz);
      let ghz = byCores.get(row.cores);
      if (ghz === undefined) {
        const fullByCores = level(full, row.cpuGhz);
        let atFull = fullByCores.get(row.cores);
        if (atFull === undefined) fullByCores.set(row.cores, (atFull = coresGhz(row)));
        byCores.set(row.cores, (ghz = atFull.times(cpuUtilization(row, scenario))));
      }
      return ghz;
    },
    memoryGiB: (row) => {
      const measured = byMeasurement && row.measuredCpuUtilization !== undefined;
      const byRam = level(memory, measured ? row.measuredMemoryGiB : undefined);
      let gib = byRam.get(row.memoryGiB);
      if (gib === undefined) byRam.set(row.memoryGiB, (gib = memoryDemandGiB(row, scenario)));
      return gib;
    },
  };
}

/** `d.toNumber()`, counted once per Decimal: rows share their Decimals, so a few hundred for 100,000 rows. */
function numbersOf(): (d: Dec) => number {
  const numbers = new Map<Dec, number>();
  return (d) => {
    let x = numbers.get(d);
    if (x === undefined) numbers.set(d, (x = d.toNumber()));
    return x;
  };
}

/** A decimal as `units` ÷ 10^`scale`, both exact in a double (see {@link shortDecimalsOf}). */
interface ShortDecimal {
  readonly units: number;
  readonly scale: number;
}

/** 10^0 … 10^22: the powers of ten a double holds exactly. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `d` as a {@link ShortDecimal} — a safe integer over an exact power of ten — or null when its
 * digits do not fit; counted once per Decimal (rows share them).
 */
function shortDecimalsOf(): (d: Dec) => ShortDecimal | null {
  const known = new Map<Dec, ShortDecimal | null>();
  return (d) => {
    let short = known.get(d);
    if (short === undefined) {
      const scale = d.decimalPlaces();
      // Exact up to 40 digits; more (or a rounded integer above 2^53 − 1) is never a safe integer.
      const units =
        scale < EXACT_POWERS_OF_TEN.length ? d.times(EXACT_POWERS_OF_TEN[scale]!).toNumber() : NaN;
      short = Number.isSafeInteger(units) ? { units, scale } : null;
      known.set(d, short);
    }
    return short;
  };
}

/**
 * {@link cpuDemandGhz} as a number: the same double as its `toNumber()`. A row sized on its peak
 * whose figures are short decimals is counted without a Decimal: cores × cpuGhz × peak in whole
 * units (exact while a safe integer), divided once by an exact power of ten — IEEE division
 * rounds the exact quotient to the nearest double, as parsing the exact product does. Other
 * rows take the Decimal.
 */
function cpuNumbersOf(
  scenario: Scenario,
  exact: RowDemand,
  toNumber: (d: Dec) => number
): (row: InventoryRow) => number {
  const shortOf = shortDecimalsOf();
  return (row) => {
    if (sizingOf(row, scenario) === PEAK_SIZING) {
      const ghz = shortOf(row.cpuGhz);
      const peak = shortOf(row.peakCpuUtilization);
      if (ghz !== null && peak !== null && Number.isSafeInteger(row.cores)) {
        const coreUnits = row.cores * ghz.units;
        const units = coreUnits * peak.units;
        const scale = ghz.scale + peak.scale;
        if (
          Number.isSafeInteger(coreUnits) &&
          Number.isSafeInteger(units) &&
          scale < EXACT_POWERS_OF_TEN.length
        )
          return units / EXACT_POWERS_OF_TEN[scale]!;
      }
    }
    return toNumber(exact.cpuGhz(row));
  };
}

/** The VM a row's servers would become (its first copy), by the v1 rules: exact, then rounded once. */
function rowVms(
  scenario: Scenario,
  maxVcpusPerVm: number
): (row: InventoryRow, index: number) => VmDemand {
  const exact = rowDemandOf(scenario);
  const toNumber = numbersOf(); // the memo returns one Decimal per distinct figure
  const cpuGhzOf = cpuNumbersOf(scenario, exact, toNumber);
  return (row, index) => ({
    id: row.name,
    row: index,
    os: row.os,
    vcpus: Math.min(row.cores, maxVcpusPerVm),
    // The server's own cores, even when its vCPUs are capped.
    cpuGhz: cpuGhzOf(row),
    memoryGiB: toNumber(exact.memoryGiB(row)),
    storageGiB: toNumber(storageDemandGiB(row, scenario)),
    sizing: sizingOf(row, scenario),
  });
}

/**
 * Why a row's servers look idle, or null: they carry measured use (a percentile, disk or
 * network throughput), their average CPU is below `demand.idleCpuUtilization`, and their disk
 * and network throughput, where measured, are below their thresholds.
 */
export function idleReason(row: InventoryRow, scenario: Scenario): string | null {
  const d = scenario.demand;
  const measured =
    row.measuredPercentile !== undefined ||
    row.measuredCpuUtilization !== undefined ||
    row.averageDiskMBps !== undefined ||
    row.averageNetworkMBps !== undefined;
  if (!measured || !row.averageCpuUtilization.lt(d.idleCpuUtilization)) return null;
  if (row.averageDiskMBps !== undefined && !row.averageDiskMBps.lt(d.idleDiskMBps)) return null;
  if (row.averageNetworkMBps !== undefined && !row.averageNetworkMBps.lt(d.idleNetworkMBps))
    return null;
  return M.idleReason(
    row.averageCpuUtilization.toNumber(),
    d.idleCpuUtilization.toNumber(),
    row.averageDiskMBps?.toNumber() ?? null,
    d.idleDiskMBps.toNumber(),
    row.averageNetworkMBps?.toNumber() ?? null,
    d.idleNetworkMBps.toNumber()
  );
}

function reasonText(
  name: string,
  reason: FitReason,
  capacity: HostCapacity,
  scenario: Scenario
): string | null {
  switch (reason.resource) {
    case "cpuGhz":
      return M.cpuAboveHost(
        name,
        reason.requested,
        capacity.cpuGhz,
        scenario.cluster.targetCpuUtilization.toNumber()
      );
    case "memoryGiB":
      return M.memoryAboveHost(name, reason.requested, capacity.memoryGiB);
    case "vcpus":
      return M.vcpusAboveHost(name, reason.requested, capacity.vcpus);
    case "vms":
      return M.noVmSlots(name, capacity.vms);
  }
}

/**
 * Every reason, in words a manager understands, why the servers of `row` cannot become VMs on
 * hosts of `capacity`; empty when they can. `vm` is the row's VM demand.
 */
export function stayPhysicalReasons(
  row: InventoryRow,
  vm: VmDemand,
  scenario: Scenario,
  capacity: HostCapacity
): string[] {
  const platform = platformLimits(scenario.platform);
  const reasons: string[] = [];
  if (row.stayPhysical) reasons.push(M.keptByUser(row.name));
  const memory = row.memoryGiB.toNumber();
  if (row.memoryGiB.gt(platform.maxVmMemoryGiB)) {
    reasons.push(
      M.vmMemoryAbovePlatform(row.name, memory, platform.label, platform.maxVmMemoryGiB)
    );
  }
  // A VM can use at most one host core per virtual processor.
  const coreGhz = scenario.host.cpuGhz;
  if (new Dec(vm.vcpus).times(coreGhz).lt(cpuDemandGhz(row, scenario))) {
    reasons.push(
      M.cpuAboveVcpus(
        row.name,
        vm.cpuGhz,
        vm.vcpus,
        vm.vcpus < row.cores ? row.cores : null,
        platform.label,
        coreGhz.toNumber()
      )
    );
  }
  const empty = [0, 0, 0, 0];
  for (const reason of filterHost(vm, empty, capacity)) {
    const text = reasonText(row.name, reason, capacity, scenario);
    if (text !== null) reasons.push(text);
  }
  if (vm.vcpus > capacity.logicalProcessors && vm.vcpus <= capacity.vcpus) {
    reasons.push(M.vcpusAboveLogicalProcessors(row.name, vm.vcpus, capacity.logicalProcessors));
  }
  const storage = storageLimit(scenario);
  if (storage !== null) {
    const neededTB = storageNeededTB(vm.storageGiB, scenario);
    if (neededTB > storage.usableTB * (1 + 1e-9))
      reasons.push(M.storageAboveCluster(row.name, neededTB, storage.nodes, storage.usableTB));
  }
  return reasons;
}

/** The VM id of copy `copy` (1-based) of a row: its name, then `name#2`, `name#3`… */
export function vmId(name: string, copy: number): string {
  return copy === 1 ? name : `${name}#${copy}`;
}

/**
 * Turns the inventory into VM demands: each row × count becomes VMs with ids `name`,
 * `name#2`… — vCPUs = min(cores, platform max per VM); memory = memoryGiB +
 * vmMemoryOverheadGiB; CPU (GHz) = cores × cpuGhz × peakCpuUtilization; storage as given —
 * unless the row stays physical: kept so by the user, more RAM than a VM may have, more CPU
 * than its vCPUs can use, or larger than one host (of `hostCapacity(scenario, constraints)`)
 * in CPU, memory or virtual processors. Every reason is listed.
 */
export function vmDemands(scenario: Scenario, constraints: HostConstraints = {}): Demand {
  return demandsFor(scenario, hostCapacity(scenario, constraints));
}

/**
 * The VMs of one inventory row: `count` identical VMs (ids `name`, `name#2`, …), planned as a
 * group by the kernels and expanded only where a caller reads them one by one.
 */
export interface VmGroup {
  /** The row's first VM (id = the row's name). */
  readonly vm: VmDemand;
  readonly count: number;
}

/** {@link Demand} with the VMs as groups, one per row that can become VMs. */
export interface GroupedDemand extends Omit<Demand, "vms"> {
  readonly groups: readonly VmGroup[];
}

/** Every copy of every group, in inventory order (copies of a row together). */
export function expandGroups(groups: readonly VmGroup[]): VmDemand[] {
  let total = 0;
  for (const g of groups) total += g.count;
  const vms = new Array<VmDemand>(total);
  let at = 0;
  for (const { vm, count } of groups) {
    vms[at++] = vm;
    for (let copy = 2; copy <= count; copy++) vms[at++] = { ...vm, id: vmId(vm.id, copy) };
  }
  return vms;
}

/**
 * Whether the row's VM certainly meets every rule of {@link stayPhysicalReasons}, judged on
 * numbers with a margin; false sends the row through the exact (Decimal) rules, as does a
 * storage limit per cluster (Storage Spaces Direct).
 */
function clearlyFits(
  row: InventoryRow,
  vm: VmDemand,
  rowMemoryGiB: number,
  coreGhz: number,
  maxVmMemoryGiB: number,
  capacity: HostCapacity,
  storageLimited: boolean
): boolean {
  const margin = 1 + 1e-9;
  return (
    !storageLimited &&
    !row.stayPhysical &&
    rowMemoryGiB * margin < maxVmMemoryGiB &&
    vm.cpuGhz * margin < vm.vcpus * coreGhz &&
    vm.cpuGhz * margin < capacity.cpuGhz &&
    vm.memoryGiB * margin < capacity.memoryGiB &&
    vm.vcpus <= capacity.vcpus &&
    vm.vcpus <= capacity.logicalProcessors &&
    capacity.vms >= 1
  );
}

/**
 * {@link vmDemands} for a host capacity computed already. With `scale` (a later year's growth),
 * each VM's CPU, memory and storage grow by its factors — which servers become VMs is decided on
 * today's demand — and a VM that would outgrow one host is held at the host's capacity (noted).
 */
export function demandsFor(
  scenario: Scenario,
  capacity: HostCapacity,
  scale: DemandScale = TODAY
): Demand {
  const { groups, ...rest } = demandGroups(scenario, capacity, scale);
  return { vms: expandGroups(groups), ...rest };
}

/** {@link demandsFor} with each row's VMs as one group (a row with count 1,000,000 is one entry). */
export function demandGroups(
  scenario: Scenario,
  capacity: HostCapacity,
  scale: DemandScale = TODAY
): GroupedDemand {
  const platform = platformLimits(scenario.platform);
  const groups: VmGroup[] = [];
  const stayPhysical: StayPhysical[] = [];
  const idle: IdleServer[] = [];
  const notes: string[] = [];
  const grows = scale.cpu !== 1 || scale.memory !== 1 || scale.storage !== 1;
  const coreGhz = scenario.host.cpuGhz.toNumber();
  const storageLimited = storageLimit(scenario) !== null;
  const vmOf = rowVms(scenario, platform.maxVcpusPerVm);
  const numberOf = numbersOf();
  scenario.inventory.forEach((row, index) => {
    const idleWhy = idleReason(row, scenario);
    const retire = idleWhy !== null && scenario.demand.retireIdle && !row.stayPhysical;
    if (idleWhy !== null)
      idle.push({ name: row.name, row: index, count: row.count, reason: idleWhy, retired: retire });
    if (retire) return;
    const first = vmOf(row, index);
    const clear = clearlyFits(
      row,
      first,
      numberOf(row.memoryGiB),
      coreGhz,
      platform.maxVmMemoryGiB,
      capacity,
      storageLimited
    );
    const reasons = clear ? NO_REASONS : stayPhysicalReasons(row, first, scenario, capacity);
    if (reasons.length > 0) {
      stayPhysical.push({ name: row.name, row: index, count: row.count, reasons });
      return;
    }
    let vm = first;
    if (grows) {
      // A VM cannot use more than its virtual processors' cores, nor more than one host.
      const cpuCap = Math.min(capacity.cpuGhz, first.vcpus * coreGhz);
      const cpu = first.cpuGhz * scale.cpu;
      const memory = first.memoryGiB * scale.memory;
      if (cpu > cpuCap || memory > capacity.memoryGiB) notes.push(M.growthCapped(row.name));
      vm = {
        ...first,
        cpuGhz: Math.min(cpu, cpuCap),
        memoryGiB: Math.min(memory, capacity.memoryGiB),
        storageGiB: first.storageGiB * scale.storage,
      };
    }
    groups.push({ vm, count: row.count });
  });
  return { groups, stayPhysical, idle, notes };
}
