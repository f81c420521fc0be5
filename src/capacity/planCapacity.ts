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
import {
  formClusters,
  secureClusters,
  type ClusterRules,
  type PackFn,
  type SecuredCluster,
} from "./clusters";
import { demandsFor } from "./demand";
import { vmTable, type VmTable } from "./failover";
import { hostCapacity } from "./hostCapacity";
import { capacityMessages as M } from "./messages";
import { packVectors, type PackOptions } from "./packing";
import { capacityVector, demandVector, DIMENSIONS } from "./hostFit";

/** Knobs of {@link planCapacity}; the defaults suit every size from 1 to 100,000+ VMs. */
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
}

const BALANCE_WORK_PER_CLUSTER = 20_000_000;
const BALANCE_WORK_TOTAL = 100_000_000;

function binsOf(assignment: readonly number[], ids: readonly number[], bins: number): number[][] {
  const out: number[][] = Array.from({ length: bins }, () => []);
  assignment.forEach((b, i) => {
    if (b >= 0) out[b]!.push(ids[i]!);
  });
  return out;
}

function packerFor(table: VmTable, capacity: readonly number[], options: PackOptions): PackFn {
  return (vms) => {
    const items = vms.map((v) =>
      Array.from(table.demand.subarray(v * DIMENSIONS, v * DIMENSIONS + DIMENSIONS))
    );
    const result = packVectors({ capacity, items }, options);
    return binsOf(result.assignment, vms, result.bins);
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
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
  const demand = demandsFor(scenario, capacity);
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

  // Steady state: pack every VM that fits an empty host.
  const capVector = capacityVector(capacity);
  const packOptions = options.packing ?? {};
  const packing = packVectors(
    { capacity: capVector, items: demand.vms.map(demandVector) },
    packOptions
  );
  const placeable: VmDemand[] = [];
  const unassignedRows = new Set<number>();
  demand.vms.forEach((vm, i) => {
    if (packing.assignment[i]! >= 0) placeable.push(vm);
    else unassignedRows.add(vm.row);
  });
  const stayPhysical: StayPhysical[] = demand.stayPhysical.slice();
  for (const row of unassignedRows.keys()) {
    const inventoryRow = scenario.inventory[row]!;
    stayPhysical.push({
      name: inventoryRow.name,
      row,
      count: inventoryRow.count,
      reasons: [M.fitsOnlyWithinRounding(inventoryRow.name)],
    });
  }
  stayPhysical.sort((a, b) => a.row - b.row);
  const vms = placeable.length === demand.vms.length ? demand.vms : placeable;
  const table = vmTable(vms, capacity);
  const placedIndex = packing.assignment.filter((b) => b >= 0);
  const bins = binsOf(
    placedIndex,
    Array.from({ length: vms.length }, (_, v) => v),
    packing.bins
  );
  const lowerBoundSteadyState = packing.lowerBound;

  // Clusters, each secured against k failures.
  const split = formClusters(table, bins, rules, packerFor(table, capVector, packOptions));
  const secured: SecuredCluster[] = secureClusters(
    table,
    split,
    rules,
    options.balanceWorkTotal ?? BALANCE_WORK_TOTAL,
    options.balanceWorkPerCluster ?? BALANCE_WORK_PER_CLUSTER
  );

  const hostPlans: HostPlan[] = [];
  const clusters: ClusterPlan[] = [];
  secured.forEach((cluster, c) => {
    const failoverCheck = k === 0 ? "none" : cluster.check.check;
    clusters.push({
      index: c,
      nodes: cluster.hosts.length,
      vms: sum(cluster.hosts.map((h) => h.length)),
      failoverReserve: cluster.hosts.length - cluster.steadyHosts,
      failuresTolerated: k,
      failoverCheck,
      scenariosChecked: cluster.check.scenariosChecked,
    });
    cluster.hosts.forEach((list, h) => {
      const ids = list.slice().sort((a, b) => a - b);
      const pick = (j: number): number => sum(ids.map((v) => table.demand[v * DIMENSIONS + j]!));
      hostPlans.push({
        index: hostPlans.length,
        cluster: c,
        vmIds: ids.map((v) => vms[v]!.id),
        vms: ids.length,
        windowsVms: ids.filter((v) => table.windows[v] === 1).length,
        cpuGhzUsed: pick(0),
        memoryGiBUsed: pick(1),
        vcpusUsed: pick(2),
        maxVmsAfterFailover: cluster.check.maxVms[h]!,
        maxWindowsVmsAfterFailover: cluster.check.maxWindowsVms[h]!,
      });
    });
  });

  // Lower bound: steady state plus k failover hosts for every cluster any plan needs.
  const minClusters =
    k > 0 && vms.length > 0
      ? Math.max(
          1,
          Math.ceil(vms.length / rules.maxVmsPerCluster),
          Math.ceil(lowerBoundSteadyState / (maxNodes - k))
        )
      : 0;
  const failoverLowerBound = k * minClusters;
  const hosts = hostPlans.length;

  // Notes.
  notes.push(M.storageShared(sum(demand.vms.map((vm) => vm.storageGiB))));
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
    const byNodes = Math.ceil(bins.length / Math.max(1, maxNodes - k));
    if (split.length > byNodes && vms.length > 0)
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
              vms: vms.length,
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
