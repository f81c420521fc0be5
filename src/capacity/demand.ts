/**
 * Demand: each inventory row × count becomes VMs, or stays physical with every reason
 * (DESIGN.md "Capacity rules (v1)").
 */
import { Dec } from "../money";
import { platformLimits } from "../platform";
import type { InventoryRow, Scenario } from "../scenario";
import type { HostCapacity, HostConstraints, StayPhysical, VmDemand } from "./contract";
import { hostCapacity } from "./hostCapacity";
import { capacityMessages as M } from "./messages";
import { filterHost, type FitReason } from "./hostFit";

/** The VMs of an inventory and the servers that stay physical. */
export interface Demand {
  /** One per server that can become a VM, in inventory order (copies of a row together). */
  readonly vms: readonly VmDemand[];
  readonly stayPhysical: readonly StayPhysical[];
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
  if (
    new Dec(vm.vcpus)
      .times(coreGhz)
      .lt(new Dec(row.cores).times(row.cpuGhz).times(row.peakCpuUtilization))
  ) {
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
  return reasons;
}

/** The VM id of copy `copy` (1-based) of a row: its name, then `name#2`, `name#3`… */
export function vmId(name: string, copy: number): string {
  return copy === 1 ? name : `${name}#${copy}`;
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

/** The VMs of an inventory as groups (one per row that can become VMs) and the rows that stay physical. */
export interface GroupedDemand {
  readonly groups: readonly VmGroup[];
  readonly stayPhysical: readonly StayPhysical[];
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
 * Decimal products of a scenario, by their inputs: inventories repeat the same cores, clocks
 * and utilisations on many rows, and the parser shares one Decimal per text, so rows that look
 * alike reuse one product (and one rounding) instead of computing it again.
 */
class ProductCache {
  private readonly byFactors = new Map<Dec, Map<Dec, Map<number, number>>>();
  /** whole × b × c, exact, then rounded once to a number. */
  product(whole: number, b: Dec, c: Dec): number {
    let byC = this.byFactors.get(b);
    if (byC === undefined) this.byFactors.set(b, (byC = new Map()));
    let byWhole = byC.get(c);
    if (byWhole === undefined) byC.set(c, (byWhole = new Map()));
    let v = byWhole.get(whole);
    if (v === undefined) {
      v = new Dec(whole).times(b).times(c).toNumber();
      byWhole.set(whole, v);
    }
    return v;
  }
}

/**
 * Whether the row's VM certainly meets every rule of {@link stayPhysicalReasons}, judged on
 * numbers with a margin; false sends the row through the exact (Decimal) rules.
 */
function clearlyFits(
  row: InventoryRow,
  vm: VmDemand,
  coreGhz: number,
  maxVmMemoryGiB: number,
  capacity: HostCapacity
): boolean {
  const margin = 1 + 1e-9;
  return (
    !row.stayPhysical &&
    vm.memoryGiB * margin < maxVmMemoryGiB && // memoryGiB ≥ the row's RAM (overhead ≥ 0)
    vm.cpuGhz * margin < vm.vcpus * coreGhz &&
    vm.cpuGhz * margin < capacity.cpuGhz &&
    vm.memoryGiB * margin < capacity.memoryGiB &&
    vm.vcpus <= capacity.vcpus &&
    vm.vcpus <= capacity.logicalProcessors &&
    capacity.vms >= 1
  );
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
  const grouped = demandGroups(scenario, hostCapacity(scenario, constraints));
  return { vms: expandGroups(grouped.groups), stayPhysical: grouped.stayPhysical };
}

/** {@link vmDemands} as groups (one per row), for a host capacity computed already. */
export function demandGroups(scenario: Scenario, capacity: HostCapacity): GroupedDemand {
  const platform = platformLimits(scenario.platform);
  const overhead = scenario.cluster.vmMemoryOverheadGiB;
  const overheadZero = overhead.isZero();
  const coreGhz = scenario.host.cpuGhz.toNumber();
  const products = new ProductCache();
  const groups: VmGroup[] = [];
  const stayPhysical: StayPhysical[] = [];
  scenario.inventory.forEach((row, index) => {
    const vm: VmDemand = {
      id: row.name,
      row: index,
      os: row.os,
      vcpus: Math.min(row.cores, platform.maxVcpusPerVm),
      // cores × cpuGhz × peak: the server's own cores, even when its vCPUs are capped.
      cpuGhz: products.product(row.cores, row.cpuGhz, row.peakCpuUtilization),
      memoryGiB: overheadZero ? row.memoryGiB.toNumber() : row.memoryGiB.plus(overhead).toNumber(),
      storageGiB: row.storageGiB.toNumber(),
    };
    if (!clearlyFits(row, vm, coreGhz, platform.maxVmMemoryGiB, capacity)) {
      const reasons = stayPhysicalReasons(row, vm, scenario, capacity);
      if (reasons.length > 0) {
        stayPhysical.push({ name: row.name, row: index, count: row.count, reasons });
        return;
      }
    }
    groups.push({ vm, count: row.count });
  });
  return { groups, stayPhysical };
}
