/**
 * `planCapacity`: the whole capacity answer for a scenario — VMs and servers that stay
 * physical, what a host offers, hosts and clusters with their failover proof, the lower bound
 * beside the answer, and notes explaining every figure.
 */
import { platformLimits } from "../platform";
import type { Scenario } from "../scenario";
import type {
  BindingResource,
  CapacityPlan,
  ClusterPlan,
  HostConstraints,
  HostPlan,
  StayPhysical,
  VmDemand,
} from "./contract";
import type { ClusterRules } from "./clusters";
import { demandGroups, expandGroups, vmId, type DemandScale, type VmGroup } from "./demand";
import { groupTable, type VmTable } from "./failover";
import { hostCapacity } from "./hostCapacity";
import { planTable, type ClusterHooks, type SlicingOptions } from "./kernel";
import { capacityMessages as M } from "./messages";
import { loadLimits, type PackOptions } from "./packing";
import { capacityVector, demandVector, DIMENSIONS, RESOURCES } from "./hostFit";
import {
  clusterStorage,
  s2dLayoutOf,
  storageLimit,
  storageLowerBound,
  storageNeededTB,
  storageNodes,
} from "./storage";

/** Read once: under a CommonJS loader (tsx) every use of an import reads a getter. */
const D = DIMENSIONS;

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
  /** Growth of demand for a later year (default: today's demand). */
  readonly demandScale?: DemandScale;
  /**
   * Inventories of at least `minVms` VMs, mostly in rows with large counts, are planned by
   * slices of about `sliceVms` VMs whose tight clusters are used many times (default 50,000
   * and 5,000; see `kernel.ts`).
   */
  readonly slicing?: SlicingOptions;
}

const BALANCE_WORK_PER_CLUSTER = 20_000_000;
const BALANCE_WORK_TOTAL = 100_000_000;

/**
 * The groups whose VMs fit an empty host by the packing core's load limits (exact for
 * dimensions of whole numbers), and those that fit only within rounding.
 */
function placeableGroups(
  groups: readonly VmGroup[],
  capacity: readonly number[]
): { readonly placeable: VmGroup[]; readonly rounding: VmGroup[] } {
  const items = groups.map((g) => demandVector(g.vm));
  const limit = loadLimits({ capacity, items });
  const placeable: VmGroup[] = [];
  const rounding: VmGroup[] = [];
  groups.forEach((g, i) => {
    const vector = items[i]!;
    let fits = true;
    for (let j = 0; j < vector.length && fits; j++) fits = vector[j]! <= limit[j]!;
    (fits ? placeable : rounding).push(g);
  });
  return { placeable, rounding };
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
  const demand = demandGroups(scenario, capacity, options.demandScale);
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
  const vmCount = table.count;
  // A loop, not Float64Array.from(placeable, map): the mapped iteration costs twenty times more.
  const groupStorageGiB = new Float64Array(placeable.length);
  for (let g = 0; g < placeable.length; g++) groupStorageGiB[g] = placeable[g]!.vm.storageGiB;
  const { demand: vmDemand, windows, group, groupStart } = table;
  const storageOfVm = (v: number): number => groupStorageGiB[group[v]!]!;
  const idOf = (v: number): string => {
    const g = group[v]!;
    return vmId(placeable[g]!.vm.id, v - groupStart[g]! + 1);
  };

  // Clusters, each secured against k failures and, with S2D, given the nodes its storage needs.
  const s2d = clustering && s2dLayoutOf(scenario) !== null;
  const storageOf = (list: readonly (readonly number[])[]): number => {
    let gib = 0;
    for (const host of list) for (const v of host) gib += storageOfVm(v);
    return gib;
  };
  const storageHooks: ClusterHooks = {
    regroup: (formed) =>
      splitForStorage(
        regroupForStorage(
          formed,
          (group) => storageNodes(scenario, storageOf(group), maxNodes) !== null,
          (bin) => storageOf([bin]),
          (bin) => bin.length,
          {
            clusters: (() => {
              const limit = storageLimit(scenario);
              const need = storageNeededTB(storageOf(formed.flat()), scenario);
              return limit && limit.usableTB > 0 ? Math.ceil(need / limit.usableTB) : 0;
            })(),
            hostsPerCluster: Math.max(1, rules.maxNodes - k),
            vmsPerCluster: rules.maxVmsPerCluster,
          }
        ),
        (group) => storageNodes(scenario, storageOf(group), maxNodes),
        storageOfVm,
        (group) => {
          const limit = storageLimit(scenario);
          const need = storageNeededTB(storageOf(group), scenario);
          return limit && limit.usableTB > 0 ? Math.ceil(need / limit.usableTB) : 2;
        }
      ),
    spares: (group) =>
      Math.max(k, (storageNodes(scenario, storageOf(group), maxNodes) ?? 0) - group.length),
  };
  const kernel = planTable(table, rules, {
    packing: options.packing ?? {},
    balanceWorkTotal: options.balanceWorkTotal ?? BALANCE_WORK_TOTAL,
    balanceWorkPerCluster: options.balanceWorkPerCluster ?? BALANCE_WORK_PER_CLUSTER,
    ...(options.slicing ? { slicing: options.slicing } : {}),
    ...(s2d ? { cluster: storageHooks } : {}),
  });
  const secured = kernel.clusters;
  const lowerBoundSteadyState = kernel.lowerBound;
  const packedHosts = kernel.steadyHosts;

  const hostPlans: HostPlan[] = [];
  const clusters: ClusterPlan[] = [];
  secured.forEach((cluster, c) => {
    const failoverCheck = k === 0 ? "none" : cluster.check.check;
    const storage = clusterStorage(
      scenario,
      cluster.hosts.length,
      storageOf(cluster.hosts),
      maxNodes
    );
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
      storage,
      binding: bindingOf(table, cluster, storage.nodesForStorage, k),
    });
    cluster.hosts.forEach((list, h) => {
      const ids = Int32Array.from(list).sort();
      // CPU, memory and virtual processors: the first three of RESOURCES.
      let cpuGhzUsed = 0;
      let memoryGiBUsed = 0;
      let vcpusUsed = 0;
      let windowsVms = 0;
      const vmIds = new Array<string>(ids.length);
      for (let i = 0; i < ids.length; i++) {
        const v = ids[i]!;
        const at = v * D;
        cpuGhzUsed += vmDemand[at]!;
        memoryGiBUsed += vmDemand[at + 1]!;
        vcpusUsed += vmDemand[at + 2]!;
        windowsVms += windows[v]!;
        vmIds[i] = idOf(v);
      }
      hostPlans.push({
        index: hostPlans.length,
        cluster: c,
        vmIds,
        vms: ids.length,
        windowsVms,
        cpuGhzUsed,
        memoryGiBUsed,
        vcpusUsed,
        maxVmsAfterFailover: cluster.check.maxVms[h]!,
        maxWindowsVmsAfterFailover: cluster.check.maxWindowsVms[h]!,
      });
    });
  });

  const vms: readonly VmDemand[] = expandGroups(placeable);

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
  let vmStorageGiB = 0;
  let measured = 0;
  for (const vm of vms) {
    vmStorageGiB += vm.storageGiB;
    if (vm.sizing?.basis === "measured") measured++;
  }
  const storageBound = clustering ? storageLowerBound(scenario, vmStorageGiB, maxNodes) : 0;

  // Notes.
  notes.push(...demand.notes);
  if (measured > 0)
    notes.push(M.measuredSizing(measured, vms.length, scenario.demand.comfortFactor.toNumber()));
  const retired = demand.idle.filter((i) => i.retired);
  if (retired.length > 0) notes.push(M.idleRetired(retired.reduce((n, i) => n + i.count, 0)));
  else if (demand.idle.length > 0)
    notes.push(M.idleFlagged(demand.idle.reduce((n, i) => n + i.count, 0)));
  if (s2d) {
    const layout = s2dLayoutOf(scenario)!;
    notes.push(
      M.storageS2d(
        storageNeededTB(vmStorageGiB, scenario),
        scenario.storage.headroom.toNumber(),
        layout.resiliency,
        layout.drivesPerNode,
        layout.driveTB,
        k
      )
    );
    const byStorage = clusters.filter((cl) => cl.binding === "storage").length;
    if (byStorage > 0) notes.push(M.storageBinds(byStorage, clusters.length));
  } else notes.push(M.storageShared(vmStorageGiB));
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
    idle: demand.idle,
    hosts,
    lowerBoundHosts: Math.max(lowerBoundSteadyState + failoverLowerBound, storageBound),
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
              storage: clusterStorage(scenario, hosts, vmStorageGiB, maxNodes),
              binding: bindingOf(
                table,
                {
                  hosts: secured.flatMap((cl) => cl.hosts),
                  steadyHosts: secured.reduce((n, cl) => n + cl.steadyHosts, 0),
                },
                0,
                0
              ),
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

/**
 * When some clusters hold more data than any allowed S2D cluster can, deals all packed hosts
 * afresh into as many clusters as the data needs (`limits.clusters`: the data ÷ what the
 * largest cluster holds) — or as there were, if more — hosts with the most storage first, each
 * to the cluster holding least that still has room for its host (`hostsPerCluster`) and VMs.
 * Splitting each oversized cluster on its own would leave every part half full. Returns
 * `groups` as they are when every one fits, or when dealing cannot respect the limits.
 */
export function regroupForStorage(
  groups: readonly (readonly (readonly number[])[])[],
  fits: (group: readonly (readonly number[])[]) => boolean,
  storageOfHost: (host: readonly number[]) => number,
  vmsOfHost: (host: readonly number[]) => number,
  limits: {
    readonly clusters: number;
    readonly hostsPerCluster: number;
    readonly vmsPerCluster: number;
  }
): (readonly (readonly number[])[])[] {
  if (groups.every(fits)) return groups.map((g) => g);
  const hosts = groups.flat();
  const order = hosts
    .map((h, i) => ({ h, w: storageOfHost(h), n: vmsOfHost(h), i }))
    .sort((a, b) => b.w - a.w || a.i - b.i);
  const deal = (count: number): (readonly number[])[][] | null => {
    const parts: (readonly number[])[][] = Array.from({ length: count }, () => []);
    const stored = new Array<number>(count).fill(0);
    const vms = new Array<number>(count).fill(0);
    for (const { h, w, n } of order) {
      let best = -1;
      for (let p = 0; p < count; p++) {
        if (parts[p]!.length >= limits.hostsPerCluster || vms[p]! + n > limits.vmsPerCluster)
          continue;
        if (best < 0 || stored[p]! < stored[best]!) best = p;
      }
      if (best < 0) return null;
      parts[best]!.push(h);
      stored[best] = stored[best]! + w;
      vms[best] = vms[best]! + n;
    }
    return parts.filter((p) => p.length > 0);
  };
  // The data's own count is a lower bound; VMs do not divide evenly, so try a few more.
  const first = Math.max(
    groups.length,
    limits.clusters,
    Math.ceil(hosts.length / limits.hostsPerCluster)
  );
  let last: (readonly number[])[][] | null = null;
  for (let count = first; count <= Math.min(hosts.length, first + 8); count++) {
    last = deal(count);
    if (last !== null && last.every(fits)) return last;
  }
  return last ?? groups.map((g) => g);
}

/**
 * Splits clusters whose storage needs more nodes than a cluster may have: `nodesFor` gives the
 * nodes a group of packed hosts needs (null: too many), `partsFor` how many clusters its data
 * needs at least (the data ÷ what the largest cluster holds; at least 2). A group of several
 * hosts is dealt into that many, hosts with the most storage first, each to the part holding
 * least; a single host's VMs are dealt into that many hosts the same way (one VM always fits:
 * larger ones stay physical). Parts that still do not fit are split again.
 */
export function splitForStorage(
  groups: readonly (readonly (readonly number[])[])[],
  nodesFor: (group: readonly (readonly number[])[]) => number | null,
  storageGiB: (vm: number) => number,
  partsFor: (group: readonly (readonly number[])[]) => number = () => 2
): number[][][] {
  const out: number[][][] = [];
  const queue = groups.map((g) => g.map((b) => b.slice()));
  const load = (list: readonly number[]): number => sum(list.map(storageGiB));
  const deal = <T>(items: T[], count: number, weight: (x: T) => number): T[][] => {
    const parts: T[][] = Array.from({ length: count }, () => []);
    const totals = new Array<number>(count).fill(0);
    items
      .map((x, i) => ({ x, w: weight(x), i }))
      .sort((a, b) => b.w - a.w || a.i - b.i)
      .forEach(({ x, w }) => {
        let p = 0;
        for (let q = 1; q < count; q++) if (totals[q]! < totals[p]!) p = q;
        parts[p]!.push(x);
        totals[p] = totals[p]! + w;
      });
    return parts.filter((part) => part.length > 0);
  };
  while (queue.length > 0) {
    const group = queue.shift()!;
    if (nodesFor(group) !== null || (group.length === 1 && group[0]!.length <= 1)) {
      out.push(group);
      continue;
    }
    if (group.length >= 2) {
      const count = Math.min(group.length, Math.max(2, partsFor(group)));
      queue.unshift(...deal(group, count, load));
    } else {
      const vmsOfHost = group[0]!;
      const count = Math.min(vmsOfHost.length, Math.max(2, partsFor(group)));
      queue.unshift(
        ...deal(vmsOfHost, count, storageGiB).map((host) => [host.sort((x, y) => x - y)])
      );
    }
  }
  return out;
}

/**
 * What decides a cluster's size: storage when S2D needs more nodes than its packed hosts plus
 * k failover hosts; else the compute resource its VMs fill most over its packed hosts.
 */
function bindingOf(
  table: VmTable,
  cluster: { readonly hosts: readonly (readonly number[])[]; readonly steadyHosts: number },
  nodesForStorage: number | null,
  k: number
): BindingResource {
  if (nodesForStorage !== null && nodesForStorage > cluster.steadyHosts + k) return "storage";
  const totals = new Float64Array(D);
  const demand = table.demand;
  for (const host of cluster.hosts)
    for (const v of host) for (let j = 0; j < D; j++) totals[j] = totals[j]! + demand[v * D + j]!;
  let best = 0;
  let bestShare = -1;
  for (let j = 0; j < D; j++) {
    const cap = table.capacity[j]! * Math.max(1, cluster.steadyHosts);
    const share = cap > 0 ? totals[j]! / cap : 0;
    if (share > bestShare + 1e-12) {
      bestShare = share;
      best = j;
    }
  }
  return RESOURCES[best]!;
}
