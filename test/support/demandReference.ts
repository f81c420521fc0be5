/**
 * The straightforward demand of an inventory: every row's VM counted on its own with Decimal
 * arithmetic, as `demandGroups` did before it counted each distinct set of inputs once. The
 * property test in test/capacity/demandShapes.test.ts holds the two to identical answers.
 */
import { hostCapacity, type VmDemand } from "../../src/capacity";
import {
  cpuDemandGhz,
  idleReason,
  memoryDemandGiB,
  sizingOf,
  stayPhysicalReasons,
  storageDemandGiB,
  type GroupedDemand,
} from "../../src/capacity/demand";
import { platformLimits } from "../../src/platform";
import type { Scenario } from "../../src/scenario";

/** `demandGroups(scenario, hostCapacity(scenario))`, today's demand, row by row. */
export function referenceDemandGroups(scenario: Scenario): GroupedDemand {
  const capacity = hostCapacity(scenario, {});
  const platform = platformLimits(scenario.platform);
  const result: {
    groups: { vm: VmDemand; count: number }[];
    stayPhysical: GroupedDemand["stayPhysical"][number][];
    idle: GroupedDemand["idle"][number][];
    notes: string[];
  } = { groups: [], stayPhysical: [], idle: [], notes: [] };
  scenario.inventory.forEach((row, index) => {
    const why = idleReason(row, scenario);
    const retire = why !== null && scenario.demand.retireIdle && !row.stayPhysical;
    if (why !== null)
      result.idle.push({
        name: row.name,
        row: index,
        count: row.count,
        reason: why,
        retired: retire,
      });
    if (retire) return;
    const vm: VmDemand = {
      id: row.name,
      row: index,
      os: row.os,
      vcpus: Math.min(row.cores, platform.maxVcpusPerVm),
      cpuGhz: cpuDemandGhz(row, scenario).toNumber(),
      memoryGiB: memoryDemandGiB(row, scenario).toNumber(),
      storageGiB: storageDemandGiB(row, scenario).toNumber(),
      sizing: sizingOf(row, scenario),
    };
    const reasons = stayPhysicalReasons(row, vm, scenario, capacity);
    if (reasons.length > 0)
      result.stayPhysical.push({ name: row.name, row: index, count: row.count, reasons });
    else result.groups.push({ vm, count: row.count });
  });
  return result;
}
