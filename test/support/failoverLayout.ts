/**
 * Failover checks on a layout given by VM ids — a plan's own hosts, or one drawn by hand —
 * and repair by adding hosts. The same kernels as `planCapacity`; failing scenarios come back
 * with the scheduler's reasons for every VM that found no survivor.
 */
import { secureCluster } from "../../src/capacity/clusters";
import type { HostCapacity, VmDemand } from "../../src/capacity/contract";
import {
  checkCluster,
  vmTable,
  type FailoverSimulation,
  type VmTable,
} from "../../src/capacity/failover";
import { DIMENSIONS } from "../../src/capacity/hostFit";
import { leastLoaded, placeVms, type UnplacedVm } from "./placeVms";

/** A failure set the re-placement could not absorb, with each stranded VM's reasons per survivor. */
export interface FailureScenario {
  /** Failed hosts (indices into the layout). */
  readonly failedHosts: readonly number[];
  readonly unplaced: readonly UnplacedVm[];
}

/** The outcome of {@link checkFailover}. */
export interface FailoverReport {
  readonly survives: boolean;
  readonly check: "enumerated" | "reserve-test" | "none";
  readonly scenariosChecked: number;
  /** The first failing scenarios (up to 5). */
  readonly failures: readonly FailureScenario[];
  /** Per host: most VMs in steady state or any simulated scenario (upper bound on the reserve-test path). */
  readonly maxVmsAfterFailover: readonly number[];
  readonly maxWindowsVmsAfterFailover: readonly number[];
}

function indexLayout(vms: readonly VmDemand[], hosts: readonly (readonly string[])[]): number[][] {
  const index = new Map<string, number>();
  vms.forEach((vm, v) => index.set(vm.id, v));
  const seen = new Set<string>();
  return hosts.map((list, h) =>
    list.map((id) => {
      const v = index.get(id);
      if (v === undefined)
        throw new RangeError(`Host ${h} lists VM "${id}", which is not among the VMs given.`);
      if (seen.has(id)) throw new RangeError(`VM "${id}" is listed on more than one host.`);
      seen.add(id);
      return v;
    })
  );
}

/** Re-runs a failing scenario through the object scheduler to collect every reason. */
function explain(
  vms: readonly VmDemand[],
  table: VmTable,
  hosts: readonly (readonly number[])[],
  capacity: HostCapacity,
  failedHosts: readonly number[]
): FailureScenario {
  const used = hosts.map((list) => {
    const u = new Array<number>(DIMENSIONS).fill(0);
    for (const v of list)
      for (let j = 0; j < DIMENSIONS; j++) u[j] = u[j]! + table.demand[v * DIMENSIONS + j]!;
    return u;
  });
  const moving = failedHosts
    .flatMap((h) => hosts[h]!.slice())
    .sort((a, b) => table.rank[a]! - table.rank[b]!);
  const placement = placeVms(
    moving.map((v) => vms[v]!),
    used,
    capacity,
    { scorer: leastLoaded, unavailable: new Set(failedHosts) }
  );
  return { failedHosts, unplaced: placement.unplaced };
}

function report(
  vms: readonly VmDemand[],
  table: VmTable,
  hosts: readonly (readonly number[])[],
  capacity: HostCapacity,
  sim: FailoverSimulation
): FailoverReport {
  return {
    survives: sim.survives,
    check: sim.check,
    scenariosChecked: sim.scenariosChecked,
    failures: sim.failures.map((f) => explain(vms, table, hosts, capacity, f.failedHosts)),
    maxVmsAfterFailover: Array.from(sim.maxVms),
    maxWindowsVmsAfterFailover: Array.from(sim.maxWindowsVms),
  };
}

/**
 * Checks that the layout `hosts` (VM ids per host, all hosts of `capacity`, one cluster)
 * survives any `failuresToTolerate` host failures: every failure set simulated with the
 * engine's re-placement policy when there are at most 3,000, else the reserve test. Throws a
 * RangeError for an id not in `vms` or listed twice (a programmer error).
 */
export function checkFailover(
  vms: readonly VmDemand[],
  hosts: readonly (readonly string[])[],
  capacity: HostCapacity,
  failuresToTolerate: number
): FailoverReport {
  const table = vmTable(vms, capacity);
  const layout = indexLayout(vms, hosts);
  return report(vms, table, layout, capacity, checkCluster(table, layout, failuresToTolerate));
}

/**
 * Adds empty hosts to the layout until it survives `failuresToTolerate` failures (at most
 * `maxNodes` hosts in all), then moves VMs towards the least-loaded hosts while every failure
 * scenario still succeeds. Returns the new layout, the hosts added and its failover report
 * (`survives: false` when `maxNodes` was not enough). Does not change its arguments.
 */
export function reinforceLayout(
  vms: readonly VmDemand[],
  hosts: readonly (readonly string[])[],
  capacity: HostCapacity,
  failuresToTolerate: number,
  maxNodes = Infinity
): {
  readonly hosts: readonly (readonly string[])[];
  readonly added: number;
  readonly report: FailoverReport;
} {
  const table = vmTable(vms, capacity);
  const layout = indexLayout(vms, hosts);
  const placed = layout.reduce((s, l) => s + l.length, 0);
  // Enough empty hosts for every VM to restart alone always succeeds; never go beyond that.
  const limit = Math.min(maxNodes, layout.length + placed + failuresToTolerate);
  const secured = secureCluster(
    table,
    layout,
    { maxNodes: limit, maxVmsPerCluster: Infinity, failuresToTolerate },
    20_000_000,
    0
  );
  if (secured === null) {
    return {
      hosts,
      added: 0,
      report: report(vms, table, layout, capacity, checkCluster(table, layout, failuresToTolerate)),
    };
  }
  return {
    hosts: secured.hosts.map((list) => list.map((v) => vms[v]!.id)),
    added: secured.hosts.length - layout.length,
    report: report(vms, table, secured.hosts, capacity, secured.check),
  };
}
