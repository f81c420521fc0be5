/**
 * `planCapacity`: the whole capacity answer for a scenario — VMs and servers that stay
 * physical, what a host offers, hosts and clusters with their failover proof, the lower bound
 * beside the answer, and notes explaining every figure.
 */
import { platformLimits } from "../platform";
import type { Scenario } from "../scenario";
import type {
  CapacityPlan,
  ClusterPlan,
  HostConstraints,
  HostPlan,
  StayPhysical,
  VmDemand,
} from "./contract";
import type { ClusterRules } from "./clusters";
import { demandGroups, expandGroups, vmId, type VmGroup } from "./demand";
import { groupTable } from "./failover";
import { hostCapacity } from "./hostCapacity";
import { planTable, type SlicingOptions } from "./kernel";
import { capacityMessages as M } from "./messages";
import { loadLimits, type PackOptions } from "./packing";
import { capacityVector, demandVector, DIMENSIONS } from "./hostFit";

/** Knobs of {@link planCapacity}; the defaults suit every size from 1 to 1,000,000+ VMs. */
export interface PlanOptions {
  /** Options of the steady-state packing (default: the packing core's defaults). */
  readonly packing?: PackOptions;
  /**
   * Survivor checks (one VM against one host) spent balancing each cluster after it is secured;
   * 0 keeps the packed layout with empty failover hosts. Default 20,000,000 per cluster and
   * 100,000,000 in all.
   */
  readonly balanceWorkPerCluster?: number;
  readonly balanceWorkTotal?: number;
  /**
   * Inventories of at least `minVms` VMs, mostly in rows with large counts, are planned by
   * slices of about `sliceVms` VMs whose tight clusters are used many times (default 50,000
   * and 5,000; see `kernel.ts`).
   */
  readonly slicing?: SlicingOptions;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

const BALANCE_WORK_PER_CLUSTER = 20_000_000;
const BALANCE_WORK_TOTAL = 100_000_000;

/**
 * The groups whose VMs fit an empty host by the packing core's load limits (exact for
 * dimensions of whole numbers), and the rows of those that fit only within rounding.
 */
function placeableGroups(
  groups: readonly VmGroup[],
  capacity: readonly number[]
): { readonly placeable: VmGroup[]; readonly rounding: VmGroup[] } {
  const limit = loadLimits({ capacity, items: groups.map((g) => demandVector(g.vm)) });
  const placeable: VmGroup[] = [];
  const rounding: VmGroup[] = [];
  for (const g of groups) {
    const vector = demandVector(g.vm);
    (vector.every((x, j) => x <= limit[j]!) ? placeable : rounding).push(g);
  }
  return { placeable, rounding };
}

/**
 * Sizes the hosts and failover clusters for `scenario`, with `constraints` from the host's
 * edition (e.g. Windows Server 2008 R2 Standard: 32 GiB, 192 VMs, no clustering).
 *
 * Pure and deterministic: the same scenario and constraints always give the same plan.
 * Every VM that fits an empty host is placed; the others stay physical with every reason.
 * Each cluster survives `failuresToTolerate` host failures, proven by simulating every failure
 * set (up to 3,000 per cluster) or by a reserve test, unless clustering is not allowed.
 */
export function planCapacity(
  scenario: Scenario,
  constraints: HostConstraints = {},
  options: PlanOptions = {}
): CapacityPlan {
  const platform = platformLimits(scenario.platform);
  const capacity = hostCapacity(scenario, constraints);
  const demand = demandGroups(scenario, capacity);
  const notes: string[] = [];
  const clustering = constraints.clusteringAllowed !== false;
  const k = clustering ? scenario.cluster.failuresToTolerate : 0;
  const maxNodes = Math.min(scenario.cluster.maxNodes, platform.maxClusterNodes);
  if (clustering && k >= maxNodes) {
    throw new RangeError(
      `failuresToTolerate (${k}) must be below the nodes per cluster (${maxNodes}).`
    );
  }
  const rules: ClusterRules = clustering
    ? { maxNodes, maxVmsPerCluster: platform.maxVmsPerCluster, failuresToTolerate: k }
    : { maxNodes: Infinity, maxVmsPerCluster: Infinity, failuresToTolerate: 0 };

  // The kernel plans every VM that fits an empty host, row by row as groups.
  const capVector = capacityVector(capacity);
  const { placeable, rounding } = placeableGroups(demand.groups, capVector);
  const stayPhysical: StayPhysical[] = demand.stayPhysical.slice();
  for (const g of rounding) {
    const inventoryRow = scenario.inventory[g.vm.row]!;
    stayPhysical.push({
      name: inventoryRow.name,
      row: g.vm.row,
      count: inventoryRow.count,
      reasons: [M.fitsOnlyWithinRounding(inventoryRow.name)],
    });
  }
  stayPhysical.sort((a, b) => a.row - b.row);
  const table = groupTable(placeable, capacity);
  const kernel = planTable(table, rules, {
    packing: options.packing ?? {},
    balanceWorkTotal: options.balanceWorkTotal ?? BALANCE_WORK_TOTAL,
    balanceWorkPerCluster: options.balanceWorkPerCluster ?? BALANCE_WORK_PER_CLUSTER,
    ...(options.slicing ? { slicing: options.slicing } : {}),
  });
  const lowerBoundSteadyState = kernel.lowerBound;
  const packedHosts = kernel.steadyHosts;
  const vmCount = table.count;
  const idOf = (v: number): string => {
    const g = table.group[v]!;
    return vmId(placeable[g]!.vm.id, v - table.groupStart[g]! + 1);
  };

  const hostPlans: HostPlan[] = [];
  const clusters: ClusterPlan[] = [];
  kernel.clusters.forEach((cluster, c) => {
    const failoverCheck = k === 0 ? "none" : cluster.check.check;
    let clusterVms = 0;
    for (const list of cluster.hosts) clusterVms += list.length;
    clusters.push({
      index: c,
      nodes: cluster.hosts.length,
      vms: clusterVms,
      failoverReserve: cluster.hosts.length - cluster.steadyHosts,
      failuresTolerated: k,
      failoverCheck,
      scenariosChecked: cluster.check.scenariosChecked,
    });
    cluster.hosts.forEach((list, h) => {
      const ids = Int32Array.from(list).sort();
      const used = new Float64Array(DIMENSIONS);
      let windowsVms = 0;
      for (const v of ids) {
        for (let j = 0; j < DIMENSIONS; j++) used[j] = used[j]! + table.demand[v * DIMENSIONS + j]!;
        windowsVms += table.windows[v]!;
      }
      hostPlans.push({
        index: hostPlans.length,
        cluster: c,
        vmIds: Array.from(ids, idOf),
        vms: ids.length,
        windowsVms,
        cpuGhzUsed: used[0]!,
        memoryGiBUsed: used[1]!,
        vcpusUsed: used[2]!,
        maxVmsAfterFailover: cluster.check.maxVms[h]!,
        maxWindowsVmsAfterFailover: cluster.check.maxWindowsVms[h]!,
      });
    });
  });
  const vms: readonly VmDemand[] = expandGroups(placeable);

  // Lower bound: steady state plus k failover hosts for every cluster any plan needs.
  const minClusters =
    k > 0 && vmCount > 0
      ? Math.max(
          1,
          Math.ceil(vmCount / rules.maxVmsPerCluster),
          Math.ceil(lowerBoundSteadyState / (maxNodes - k))
        )
      : 0;
  const failoverLowerBound = k * minClusters;
  const hosts = hostPlans.length;

  // Notes.
  notes.push(M.storageShared(sum(demand.groups.map((g) => g.vm.storageGiB * g.count))));
  if (!clustering) notes.push(M.standalone(constraints.reason));
  else {
    notes.push(
      M.clusterLimits(
        maxNodes,
        scenario.cluster.maxNodes,
        platform.maxClusterNodes,
        platform.maxVmsPerCluster,
        platform.label
      )
    );
    const byNodes = Math.ceil(packedHosts / Math.max(1, maxNodes - k));
    if (clusters.length > byNodes && vmCount > 0)
      notes.push(M.clusterVmLimitBinds(platform.maxVmsPerCluster, maxNodes, k));
    if (k === 0) notes.push(M.noFailuresToTolerate);
    else if (hosts > 0) {
      notes.push(M.balancedLayout);
      if (clusters.some((c) => c.failoverCheck === "enumerated"))
        notes.push(M.replacementPolicy(k));
      const reserve = clusters.filter((c) => c.failoverCheck === "reserve-test").length;
      if (reserve > 0) notes.push(M.reserveTest(reserve, k));
    }
  }

  return {
    hostCapacity: capacity,
    vms,
    stayPhysical,
    hosts,
    lowerBoundHosts: lowerBoundSteadyState + failoverLowerBound,
    lowerBoundSteadyState,
    clusters: clustering
      ? clusters
      : hosts > 0
        ? [
            {
              index: 0,
              nodes: hosts,
              vms: vmCount,
              failoverReserve: 0,
              failuresTolerated: 0,
              failoverCheck: "none",
              scenariosChecked: 0,
            },
          ]
        : [],
    hostPlans,
    maxVmsPerHostAfterFailover: hostPlans.reduce((m, h) => Math.max(m, h.maxVmsAfterFailover), 0),
    explanation: M.explanation(
      hosts,
      lowerBoundSteadyState,
      failoverLowerBound,
      clustering ? clusters.length : null
    ),
    notes,
  };
}
