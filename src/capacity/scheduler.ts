/**
 * A small VM scheduler in the style of the Kubernetes scheduler: filters say why a host cannot
 * take a VM — each returns a reason `{resource, requested, free}` and every reason is kept —
 * scorers rank the hosts that pass, ties break towards the lower host number. A VM that fits
 * nowhere is a result with its reasons, not an exception.
 *
 * Resources are the four placement dimensions, in this order everywhere in the engine:
 * CPU (GHz at peak), memory (GiB), virtual processors, and VM slots (1 per VM). Storage lives
 * on shared storage and is not a per-host resource.
 *
 * A host fits when, in every resource, used + requested ≤ capacity × (1 + 1e-9): the relative
 * tolerance of the packing core, absorbing rounding of sums such as 0.1 + 0.2.
 */
import type { HostCapacity, VmDemand } from "./contract";
import { RELATIVE_TOLERANCE } from "./packing";

export const RESOURCES = ["cpuGhz", "memoryGiB", "vcpus", "vms"] as const;
export type Resource = (typeof RESOURCES)[number];
/** Number of placement dimensions. */
export const DIMENSIONS = RESOURCES.length;

/** Why a host cannot take a VM, for one resource. */
export interface FitReason {
  readonly resource: Resource;
  /** What the VM asks for. */
  readonly requested: number;
  /** What the host has left (capacity − used; may be negative on an overfilled host). */
  readonly free: number;
}

/** Every reason one host refused a VM. */
export interface HostReasons {
  readonly host: number;
  readonly reasons: readonly FitReason[];
}

/** The capacity of a host as a vector in {@link RESOURCES} order. */
export function capacityVector(capacity: HostCapacity): number[] {
  return [capacity.cpuGhz, capacity.memoryGiB, capacity.vcpus, capacity.vms];
}

/** The demand of a VM as a vector in {@link RESOURCES} order (one VM slot). */
export function demandVector(vm: VmDemand): number[] {
  return [vm.cpuGhz, vm.memoryGiB, vm.vcpus, 1];
}

/** Largest load allowed in a resource: its capacity plus the relative tolerance. */
export function loadLimit(capacity: number): number {
  return capacity + capacity * RELATIVE_TOLERANCE;
}

/** A filter: null when the host has room for the VM in its resource, else the reason. */
export type Filter = (
  requested: readonly number[],
  used: readonly number[],
  capacity: readonly number[]
) => FitReason | null;

function resourceFilter(j: number): Filter {
  const resource = RESOURCES[j]!;
  return (requested, used, capacity) => {
    const want = requested[j]!;
    const have = used[j]!;
    const cap = capacity[j]!;
    return have + want > loadLimit(cap) ? { resource, requested: want, free: cap - have } : null;
  };
}

/** One filter per resource, in {@link RESOURCES} order. */
export const FILTERS: readonly Filter[] = RESOURCES.map((_, j) => resourceFilter(j));

/** Every reason a host with `used` load cannot take `vm`; empty when it fits. */
export function filterHost(
  vm: VmDemand,
  used: readonly number[],
  capacity: HostCapacity
): FitReason[] {
  const requested = demandVector(vm);
  const cap = capacityVector(capacity);
  const reasons: FitReason[] = [];
  for (const filter of FILTERS) {
    const reason = filter(requested, used, cap);
    if (reason !== null) reasons.push(reason);
  }
  return reasons;
}

/**
 * Load of a host: its highest share of capacity over the resources (0 for an empty host,
 * resources of capacity 0 ignored). "Least loaded" compares this figure.
 */
export function hostLoad(used: readonly number[], capacity: readonly number[]): number {
  let load = 0;
  for (let j = 0; j < DIMENSIONS; j++) {
    const cap = capacity[j]!;
    if (cap > 0) load = Math.max(load, used[j]! / cap);
  }
  return load;
}

/**
 * Size of a VM for ordering: its largest share of one host over the resources. The failover
 * re-placement takes VMs largest first (ties in inventory order).
 */
export function vmSize(vm: VmDemand, capacity: HostCapacity): number {
  return hostLoad(demandVector(vm), capacityVector(capacity));
}

/** A scorer ranks a host that passed every filter: higher is better. */
export type Scorer = (
  requested: readonly number[],
  used: readonly number[],
  capacity: readonly number[]
) => number;

/** Spread: prefer the least-loaded host (the failover re-placement policy). */
export const leastLoaded: Scorer = (_requested, used, capacity) => -hostLoad(used, capacity);

/** Pack: prefer the host that is fullest after taking the VM (Kubernetes MostAllocated). */
export const mostAllocated: Scorer = (requested, used, capacity) => {
  let total = 0;
  let dims = 0;
  for (let j = 0; j < DIMENSIONS; j++) {
    const cap = capacity[j]!;
    if (cap > 0) {
      total += (used[j]! + requested[j]!) / cap;
      dims++;
    }
  }
  return dims > 0 ? total / dims : 0;
};

/** A VM no host could take, with every host's reasons. */
export interface UnplacedVm {
  readonly vmId: string;
  readonly reasons: readonly HostReasons[];
}

/** Where {@link placeVms} put each VM. */
export interface Placement {
  /** Host of each VM (in the order given), or -1 when no host could take it. */
  readonly hostOf: readonly number[];
  /** Load of each host afterwards, in {@link RESOURCES} order. */
  readonly used: readonly (readonly number[])[];
  readonly unplaced: readonly UnplacedVm[];
}

/** How {@link placeVms} chooses among hosts. */
export interface PlacementPolicy {
  readonly scorer: Scorer;
  /** Hosts that may not take VMs (e.g. failed ones). */
  readonly unavailable?: ReadonlySet<number>;
}

/**
 * Places `vms` one at a time, in the order given, on hosts that start with loads `used`
 * (RESOURCES order; one entry per host): each VM goes to the available host that passes every
 * filter with the best score, ties to the lower host number. Does not change its arguments.
 */
export function placeVms(
  vms: readonly VmDemand[],
  used: readonly (readonly number[])[],
  capacity: HostCapacity,
  policy: PlacementPolicy
): Placement {
  const cap = capacityVector(capacity);
  const load = used.map((u) => u.slice());
  const hostOf: number[] = [];
  const unplaced: UnplacedVm[] = [];
  for (const vm of vms) {
    const requested = demandVector(vm);
    let best = -1;
    let bestScore = -Infinity;
    const reasons: HostReasons[] = [];
    load.forEach((hostUsed, h) => {
      if (policy.unavailable?.has(h) === true) return;
      const refused = FILTERS.map((f) => f(requested, hostUsed, cap)).filter(
        (r): r is FitReason => r !== null
      );
      if (refused.length > 0) {
        reasons.push({ host: h, reasons: refused });
        return;
      }
      const score = policy.scorer(requested, hostUsed, cap);
      if (score > bestScore) {
        bestScore = score;
        best = h;
      }
    });
    hostOf.push(best);
    if (best < 0) {
      unplaced.push({ vmId: vm.id, reasons });
      continue;
    }
    const target = load[best]!;
    for (let j = 0; j < DIMENSIONS; j++) target[j] = target[j]! + requested[j]!;
  }
  return { hostOf, used: load, unplaced };
}
