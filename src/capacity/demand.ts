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

/** The VM a row's servers would become (id and copies aside): the v1 rules, exact then rounded once. */
function rowDemand(row: InventoryRow, overheadGiB: Dec, maxVcpusPerVm: number) {
  return {
    vcpus: Math.min(row.cores, maxVcpusPerVm),
    // cores × cpuGhz × peak: the server's own cores, even when its vCPUs are capped.
    cpuGhz: new Dec(row.cores).times(row.cpuGhz).times(row.peakCpuUtilization).toNumber(),
    memoryGiB: row.memoryGiB.plus(overheadGiB).toNumber(),
    storageGiB: row.storageGiB.toNumber(),
  };
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

/** {@link vmDemands} for a host capacity computed already. */
export function demandsFor(scenario: Scenario, capacity: HostCapacity): Demand {
  const platform = platformLimits(scenario.platform);
  const overhead = scenario.cluster.vmMemoryOverheadGiB;
  const vms: VmDemand[] = [];
  const stayPhysical: StayPhysical[] = [];
  scenario.inventory.forEach((row, index) => {
    const shape = rowDemand(row, overhead, platform.maxVcpusPerVm);
    const first: VmDemand = { id: row.name, row: index, os: row.os, ...shape };
    const reasons = stayPhysicalReasons(row, first, scenario, capacity);
    if (reasons.length > 0) {
      stayPhysical.push({ name: row.name, row: index, count: row.count, reasons });
      return;
    }
    vms.push(first);
    for (let copy = 2; copy <= row.count; copy++) vms.push({ ...first, id: vmId(row.name, copy) });
  });
  return { vms, stayPhysical };
}
