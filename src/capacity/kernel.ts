/**
 * The capacity kernel: from a table of VMs (typed arrays, grouped by inventory row) to secured
 * clusters and a lower bound — the packing core of `planCapacity`, on plain numbers. Its edge,
 * `plan.ts`, builds the table from a scenario and explains the answer in words.
 *
 * VMs that repeat are planned as a group: a row with count 1,000,000 is not a million separate
 * decisions. When most VMs belong to rows with large counts, a proportional **slice** of the
 * inventory (a few thousand VMs, every row's count divided by the same factor q) is planned
 * in full; each of its clusters that is **tight** (no more nodes than its own continuous lower
 * bound plus the failover hosts) is then used q times — identical clusters have identical
 * packings, balances and failover simulations — and what is left (the other clusters' VMs and
 * the remainders of the division) is planned the same way until it is small, then in full.
 * Inventories of distinct servers never take this path, so their plans are those of the full
 * planner.
 *
 * Resources are the rows of `DIMENSIONS` (CPU, memory, virtual processors, VM slots): a further
 * per-host resource is one more entry there, and every kernel follows. Re-planning for a scaled
 * demand (growth) is a new table from scaled groups: nothing here keeps state between plans.
 *
 * Typed-array reads use `!`: indices are in range by construction.
 */
import {
  formClusters,
  secureClusters,
  type ClusterRules,
  type PackFn,
  type SecuredCluster,
} from "./clusters";
import type { VmTable } from "./failover";
import { groupedLowerBound } from "./packing/lowerBound";
import { packFlat, type PackOptions } from "./packing";
import { prepareFlat } from "./packing/instance";
import { DIMENSIONS } from "./hostFit";

const D = DIMENSIONS;

/** Work budgets and packing options of {@link planTable} (see `PlanOptions`). */
export interface KernelOptions {
  readonly packing: PackOptions;
  readonly balanceWorkPerCluster: number;
  readonly balanceWorkTotal: number;
  /** Slicing of repeating VMs (default {@link SLICE_MIN_VMS} and {@link SLICE_VMS}); off with `cluster`. */
  readonly slicing?: SlicingOptions;
  /**
   * Cluster-level rules beyond nodes and VMs (Storage Spaces Direct: the data each cluster
   * holds): `regroup` reshapes the split clusters before they are secured, `spares` says how
   * many hosts each must add (at least k). Such inventories are planned in full.
   */
  readonly cluster?: ClusterHooks;
}

/** See {@link KernelOptions.cluster}. */
export interface ClusterHooks {
  readonly regroup: (split: number[][][]) => (readonly (readonly number[])[])[];
  readonly spares: (bins: readonly (readonly number[])[]) => number;
}

/** When and how finely repeating VMs are planned by slices (see the module comment). */
export interface SlicingOptions {
  /** Inventories of fewer VMs are planned in full. */
  readonly minVms: number;
  /** VMs per slice, about. */
  readonly sliceVms: number;
}

/** What {@link planTable} returns: secured clusters (VM table indices per host) and the bound. */
export interface KernelPlan {
  readonly clusters: readonly SecuredCluster[];
  /** Packed hosts before failover hosts (Σ steadyHosts). */
  readonly steadyHosts: number;
  /** A proven lower bound on the packed hosts any plan needs. */
  readonly lowerBound: number;
}

/** Inventories below this many VMs are always planned in full. */
export const SLICE_MIN_VMS = 50_000;
/** VMs in one slice (about): enough for the portfolio to pack well, few enough to plan fast. */
export const SLICE_VMS = 5_000;
/** Unused hosts (a share of one) a cluster may leave and still be used many times. */
const TIGHT_WASTE = 0.1;

/** The demand of `vms` (table indices), flat, for the packing core. */
function flatDemand(table: VmTable, vms: readonly number[]): Float64Array {
  // Copied value by value: a subarray view per VM costs more than the copy itself.
  const flat = new Float64Array(vms.length * D);
  const demand = table.demand;
  for (let i = 0; i < vms.length; i++) {
    const from = vms[i]! * D;
    for (let j = 0; j < D; j++) flat[i * D + j] = demand[from + j]!;
  }
  return flat;
}

/** Packs `vms` (table indices) into hosts: VM lists per host and the packing's lower bound. */
function packVms(
  table: VmTable,
  vms: readonly number[],
  options: PackOptions
): { readonly bins: number[][]; readonly lowerBound: number } {
  const result = packFlat(Array.from(table.capacity), flatDemand(table, vms), vms.length, options);
  const bins: number[][] = Array.from({ length: result.bins }, () => []);
  result.assignment.forEach((b, i) => {
    // Every VM of the table fits an empty host (the edge keeps the others physical).
    if (b < 0) throw new Error("A VM that fits no empty host reached the kernel (a bug).");
    bins[b]!.push(vms[i]!);
  });
  return { bins, lowerBound: result.lowerBound };
}

/** Packs, splits into clusters and secures `vms` (table indices): the planner in full. */
function planInFull(
  table: VmTable,
  vms: readonly number[],
  rules: ClusterRules,
  options: KernelOptions
): KernelPlan {
  const { bins, lowerBound } = packVms(table, vms, options.packing);
  const pack: PackFn = (subset) => packVms(table, subset, options.packing).bins;
  const formed = formClusters(table, bins, rules, pack);
  const split = options.cluster ? options.cluster.regroup(formed) : formed;
  const clusters = secureClusters(
    table,
    split,
    rules,
    options.balanceWorkTotal,
    options.balanceWorkPerCluster,
    options.cluster?.spares
  );
  return { clusters, steadyHosts: bins.length, lowerBound };
}

/**
 * Hosts a cluster leaves unused: its packed hosts minus max over resources of (total demand /
 * limit) of its VMs — 0 for a packing as full as its busiest resource allows.
 */
function packingWaste(table: VmTable, cluster: SecuredCluster): number {
  const total = new Float64Array(D);
  for (const list of cluster.hosts)
    for (const v of list)
      for (let j = 0; j < D; j++) total[j] = total[j]! + table.demand[v * D + j]!;
  let needed = 0;
  for (let j = 0; j < D; j++)
    if (table.limit[j]! > 0) needed = Math.max(needed, total[j]! / table.limit[j]!);
  return cluster.steadyHosts - needed;
}

/** The same cluster with every VM replaced by the next unused VM of its group (`next` advances). */
function replicate(table: VmTable, cluster: SecuredCluster, next: Int32Array): SecuredCluster {
  return {
    hosts: cluster.hosts.map((list) =>
      list.map((v) => {
        const g = table.group[v]!;
        const fresh = next[g]!;
        next[g] = fresh + 1;
        return fresh;
      })
    ),
    steadyHosts: cluster.steadyHosts,
    check: cluster.check, // identical layout of identical VMs: the same simulation
  };
}

/** The unused VMs of every group (table indices from `next[g]` to the group's end). */
function unused(table: VmTable, next: Int32Array): number[] {
  const out: number[] = [];
  for (let g = 0; g + 1 < table.groupStart.length; g++)
    for (let v = next[g]!; v < table.groupStart[g + 1]!; v++) out.push(v);
  return out;
}

/** The lower bound of the whole table, from its groups (a million VMs in ten rows: ten items). */
function tableLowerBound(table: VmTable): number {
  const groups = table.groupStart.length - 1;
  const flat = new Float64Array(groups * D);
  const counts = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    const first = table.groupStart[g]!;
    flat.set(table.demand.subarray(first * D, first * D + D), g * D);
    counts[g] = table.groupStart[g + 1]! - first;
  }
  return groupedLowerBound(prepareFlat(Array.from(table.capacity), flat, groups), counts);
}

/**
 * Plans every VM of `table` into secured clusters within `rules`: in full, or — when most VMs
 * repeat in large groups — by slices whose tight clusters are used many times (module comment).
 */
export function planTable(table: VmTable, rules: ClusterRules, options: KernelOptions): KernelPlan {
  const minVms = options.slicing?.minVms ?? SLICE_MIN_VMS;
  const sliceVms = options.slicing?.sliceVms ?? SLICE_VMS;
  const groups = table.groupStart.length - 1;
  const next = table.groupStart.slice(0, groups);
  const clusters: SecuredCluster[] = [];
  let steadyHosts = 0;
  let sliced = false;
  for (;;) {
    let left = 0;
    for (let g = 0; g < groups; g++) left += table.groupStart[g + 1]! - next[g]!;
    const q = Math.floor(left / sliceVms);
    const share = new Int32Array(groups);
    let inSlices = 0;
    // Whether an inventory repeats enough is decided on its size; once sliced, what is left
    // keeps being sliced while a slice fits twice.
    if (!options.cluster && (sliced || left >= minVms) && q >= 2) {
      for (let g = 0; g < groups; g++) {
        share[g] = Math.floor((table.groupStart[g + 1]! - next[g]!) / q);
        inSlices += share[g]! * q;
      }
    }
    // Mostly distinct servers (or little left): plan what is left in full.
    if (inSlices < left / 2) {
      const rest = unused(table, next);
      if (rest.length > 0) {
        const plan = planInFull(table, rest, rules, options);
        clusters.push(...plan.clusters);
        steadyHosts += plan.steadyHosts;
        if (!sliced) return { clusters, steadyHosts, lowerBound: plan.lowerBound };
      }
      break;
    }
    sliced = true;
    const slice: number[] = [];
    for (let g = 0; g < groups; g++) for (let i = 0; i < share[g]!; i++) slice.push(next[g]! + i);
    const k = rules.failuresToTolerate;
    const plan = planInFull(table, slice, rules, options);
    // Clusters worth using q times: full-sized (as many nodes as allowed, or VMs up to the
    // limit, so the failover hosts are spread over as many packed hosts as can be), k failover
    // hosts only, and packed almost as full as their busiest resource allows — each copy
    // wastes what the original wastes.
    const fullSize = (c: SecuredCluster): boolean =>
      c.hosts.length >= rules.maxNodes ||
      c.hosts.reduce((n, list) => n + list.length, 0) * (1 + 1 / c.steadyHosts) >
        rules.maxVmsPerCluster;
    const byWaste = plan.clusters
      .filter((c) => c.hosts.length === c.steadyHosts + k && fullSize(c))
      .map((c) => ({ c, waste: packingWaste(table, c) }))
      .sort((a, b) => a.waste - b.waste);
    const used = byWaste.filter((x) => x.waste <= TIGHT_WASTE).map((x) => x.c);
    // None so full (an inventory that packs loosely): the better half of the full-sized ones,
    // rather than everything at once.
    if (used.length === 0)
      used.push(...byWaste.slice(0, Math.ceil(byWaste.length / 2)).map((x) => x.c));
    if (used.length === 0) {
      const rest = planInFull(table, unused(table, next), rules, options);
      clusters.push(...rest.clusters);
      steadyHosts += rest.steadyHosts;
      break;
    }
    for (const cluster of used) {
      for (let r = 0; r < q; r++) {
        clusters.push(replicate(table, cluster, next));
        steadyHosts += cluster.steadyHosts;
      }
    }
  }
  return { clusters, steadyHosts, lowerBound: tableLowerBound(table) };
}
