/**
 * Whether a VM fits a host, and why not: the explaining edge of the capacity engine. Filters
 * say why a host cannot take a VM — each returns a reason `{resource, requested, free}` and
 * every reason is kept — so a VM that fits nowhere is a result with its reasons, not an
 * exception. The packing core (`packing/`) and the failover kernels (`failover.ts`) work on
 * the same vectors in typed arrays.
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
