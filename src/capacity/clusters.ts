/**
 * From a steady-state packing to failover clusters.
 *
 * 1. **Split** the packed hosts into clusters of at most maxNodes − k packed hosts and at most
 *    the platform's VMs per cluster, as evenly as possible ({@link formClusters}). When the
 *    VMs-per-cluster limit would force extra clusters, the VMs are dealt into clusters first
 *    and each cluster is packed on its own, whichever needs fewer hosts.
 * 2. **Secure** each cluster ({@link secureCluster}): add k empty hosts — with k = 1 this
 *    always survives, since the failed host's VMs all fit the empty one — check by simulation
 *    (or the reserve test), add hosts while a failure set still fails, then **balance**: even
 *    out host loads and VM counts by moves, swaps and exchanges as long as every failure
 *    scenario still succeeds. So a cluster needs its steady-state hosts plus k whenever that is possible, and
 *    "lower bound + k" is reached whenever the packing reaches its lower bound, even with
 *    chunky VMs that defeat evenly spread layouts.
 *
 * Work is bounded by deterministic budgets (counted in survivor checks), never by clocks.
 */
import type { FailoverSimulation, VmTable } from "./failover";
import { balance } from "./balance";
import { checkCluster, MAX_ENUMERATED_SCENARIOS, scenarioCount } from "./failover";

/** The limits a cluster must respect. */
export interface ClusterRules {
  /** Nodes per cluster (min of the user's maxNodes and the platform's). */
  readonly maxNodes: number;
  /** Running VMs per cluster. */
  readonly maxVmsPerCluster: number;
  /** Host failures each cluster survives (0 when clustering is not allowed). */
  readonly failuresToTolerate: number;
}

/** A secured cluster: VM table indices per host, the packed hosts it started from, and its check. */
export interface SecuredCluster {
  readonly hosts: readonly (readonly number[])[];
  /** Hosts the steady-state packing of its VMs used. */
  readonly steadyHosts: number;
  readonly check: FailoverSimulation;
}

/** Packs a set of VMs (table indices) into hosts; returns VM lists per host. */
export type PackFn = (vms: readonly number[]) => number[][];

/** Candidate split: bins per cluster. */
type Split = number[][][];

/** Deals packed hosts into c clusters with bin counts as equal as possible, VM counts balanced (LPT). */
function groupBins(bins: readonly number[][], c: number, maxVms: number): Split | null {
  const m = bins.length;
  const quota = Array.from({ length: c }, (_, g) => Math.floor(m / c) + (g < m % c ? 1 : 0));
  const order = bins.map((_, b) => b).sort((a, b) => bins[b]!.length - bins[a]!.length || a - b);
  const members: number[][] = Array.from({ length: c }, () => []);
  const vmCount = new Array<number>(c).fill(0);
  for (const b of order) {
    let best = -1;
    for (let g = 0; g < c; g++) {
      if (members[g]!.length >= quota[g]!) continue;
      if (best < 0 || vmCount[g]! < vmCount[best]!) best = g;
    }
    members[best]!.push(b);
    vmCount[best] = vmCount[best]! + bins[b]!.length;
  }
  if (vmCount.some((x) => x > maxVms)) return null;
  // Keep the packing's host order inside each cluster.
  return members.map((list) => list.sort((x, y) => x - y).map((b) => bins[b]!));
}

/** Deals the VMs, largest first in snake order, into c clusters and packs each one. */
function splitVms(table: VmTable, vms: readonly number[], c: number, pack: PackFn): Split {
  const order = vms.slice().sort((a, b) => table.rank[a]! - table.rank[b]!);
  const lists: number[][] = Array.from({ length: c }, () => []);
  order.forEach((v, i) => {
    const round = Math.floor(i / c);
    const g = round % 2 === 0 ? i % c : c - 1 - (i % c);
    lists[g]!.push(v);
  });
  return lists.map((list) => pack(list.sort((a, b) => a - b)));
}

const hostsOf = (split: Split, k: number): number => split.reduce((s, g) => s + g.length + k, 0);

/**
 * Splits the packed hosts `bins` into clusters within `rules`: at most maxNodes − k packed
 * hosts (room for k failover hosts) and maxVmsPerCluster VMs each. Returns bins per cluster.
 */
export function formClusters(
  table: VmTable,
  bins: readonly number[][],
  rules: ClusterRules,
  pack: PackFn
): Split {
  const m = bins.length;
  if (m === 0) return [];
  const k = rules.failuresToTolerate;
  const perCluster = Math.max(1, rules.maxNodes - k);
  const total = bins.reduce((s, b) => s + b.length, 0);
  const cMin = Math.max(1, Math.ceil(m / perCluster), Math.ceil(total / rules.maxVmsPerCluster));
  let byBins: Split | null = null;
  let c = cMin;
  for (; c <= m && byBins === null; c++) byBins = groupBins(bins, c, rules.maxVmsPerCluster);
  if (byBins === null) byBins = bins.map((b) => [b]); // one packed host per cluster always fits
  if (byBins.length === cMin) return byBins;
  // The VM limit forced extra clusters: try dealing VMs first, then packing each cluster.
  const vms = bins.flat();
  for (let cv = cMin; cv < byBins.length; cv++) {
    const split = splitVms(table, vms, cv, pack);
    const fits = split.every(
      (g) => g.length <= perCluster && g.reduce((s, b) => s + b.length, 0) <= rules.maxVmsPerCluster
    );
    if (fits) return hostsOf(split, k) < hostsOf(byBins, k) ? split : byBins;
  }
  return byBins;
}

/**
 * Makes one cluster survive k failures: its packed hosts `bins`, plus `spares` (default k) empty hosts, plus
 * more while a failure set still fails (up to maxNodes); then balances when the failures are
 * enumerated (the reserve-test path keeps its empty failover hosts). Returns null when even
 * maxNodes hosts do not survive (the caller splits the cluster).
 */
export function secureCluster(
  table: VmTable,
  bins: readonly (readonly number[])[],
  rules: ClusterRules,
  balanceBudget: number,
  spares = rules.failuresToTolerate
): SecuredCluster | null {
  const k = rules.failuresToTolerate;
  // Built by push, not `bins.map`: map's result is packed in the builtin and holey once the
  // engine optimises its caller, and a host array of a new kind halfway through a session
  // deoptimises every kernel it reaches (the balancer, the failover checks).
  const hosts: number[][] = [];
  for (const b of bins) hosts.push(b.slice());
  for (let i = 0; i < spares; i++) hosts.push([]);
  if (k > 0) {
    for (;;) {
      const sim = checkCluster(table, hosts, k, {
        stopAtFirstFailure: true,
        maxFailuresRecorded: 1,
      });
      if (sim.survives) break;
      if (hosts.length >= rules.maxNodes) return null;
      hosts.push([]);
    }
    if (
      scenarioCount(hosts.length, k, MAX_ENUMERATED_SCENARIOS) <= MAX_ENUMERATED_SCENARIOS &&
      balanceBudget > 0
    ) {
      balance(table, hosts, k, hosts.length - bins.length, balanceBudget);
    }
  }
  const check = checkCluster(table, hosts, k);
  if (!check.survives) return null; // cannot happen: balancing keeps only surviving layouts
  return { hosts, steadyHosts: bins.length, check };
}

/**
 * Secures every cluster of `split`, splitting any that cannot survive within maxNodes in two
 * (a single packed host plus k failover hosts always survives). `totalBudget` survivor checks
 * are shared out for balancing, at most `perClusterBudget` each. `sparesFor` gives the empty
 * hosts a cluster starts with beyond its packed ones (default k; more where its storage needs
 * more nodes).
 */
export function secureClusters(
  table: VmTable,
  split: readonly (readonly (readonly number[])[])[],
  rules: ClusterRules,
  totalBudget: number,
  perClusterBudget: number,
  sparesFor: (bins: readonly (readonly number[])[]) => number = () => rules.failuresToTolerate
): SecuredCluster[] {
  const budget =
    split.length > 0 ? Math.min(perClusterBudget, Math.floor(totalBudget / split.length)) : 0;
  const out: SecuredCluster[] = [];
  const queue: (readonly (readonly number[])[])[] = split.slice();
  while (queue.length > 0) {
    const bins = queue.shift()!;
    const secured = secureCluster(table, bins, rules, budget, sparesFor(bins));
    if (secured !== null) {
      out.push(secured);
      continue;
    }
    if (bins.length <= 1)
      throw new Error("A single packed host with its failover hosts must survive (a bug).");
    queue.unshift(
      bins.filter((_, i) => i % 2 === 0),
      bins.filter((_, i) => i % 2 === 1)
    );
  }
  return out;
}
