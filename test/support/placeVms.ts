/**
 * A small VM scheduler in the style of the Kubernetes scheduler, kept for tests: the
 * production path packs with `packVectors` and re-places failed hosts' VMs in `failover.ts`;
 * this one-VM-at-a-time placer (filters from `src/capacity/hostFit.ts`, scorers here, ties to
 * the lower host number) is the readable reference those kernels are checked against.
 */
import type { HostCapacity, VmDemand } from "../../src/capacity/contract";
import {
  DIMENSIONS,
  FILTERS,
  capacityVector,
  demandVector,
  hostLoad,
  type FitReason,
} from "../../src/capacity/hostFit";

/** Every reason one host refused a VM. */
export interface HostReasons {
  readonly host: number;
  readonly reasons: readonly FitReason[];
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
