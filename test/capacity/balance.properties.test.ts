import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { HostCapacity, VmDemand } from "../../src/capacity";
import { balance } from "../../src/capacity/balance";
import { checkCluster, vmTable, type VmTable } from "../../src/capacity/failover";
import { DIMENSIONS } from "../../src/capacity/hostFit";
import { balanceReference } from "../support/balanceReference";

const D = DIMENSIONS;

/**
 * Random clusters as `secureCluster` hands them to the balancer: VMs packed into hosts (first
 * fit in re-placement order, or scattered at random where they fit), k or more empty hosts
 * added, and more while a failure set still fails. Demands come from short lists so that ties —
 * equal VMs, equal loads, equal gains — are common: the tie rules are what a faster search
 * most easily gets wrong.
 */
const clusterArb = (minVms: number, maxVms: number) =>
  fc
    .record({
      vms: fc.array(
        fc.record({
          cpuGhz: fc.constantFrom(0.5, 1, 2, 2.4, 4, 7.2, 12),
          memoryGiB: fc.constantFrom(1, 2, 4, 6, 8, 16, 24, 48),
          vcpus: fc.constantFrom(1, 2, 4, 8),
          windows: fc.boolean(),
        }),
        { minLength: minVms, maxLength: maxVms }
      ),
      // VM i repeats VM i mod kinds: few kinds give many identical VMs (as inventory counts do).
      kinds: fc.integer({ min: 1, max: maxVms }),
      slots: fc.integer({ min: 4, max: 40 }),
      // Hosts full in CPU, in memory or in VM slots, whichever binds.
      cpuGhz: fc.constantFrom(24, 40, 60),
      memoryGiB: fc.constantFrom(64, 96, 128, 256),
      k: fc.constantFrom(1, 1, 2),
      extraSpares: fc.constantFrom(0, 0, 0, 1),
      scattered: fc.boolean(),
      // Survivor checks the balancer may spend: a budget that runs out mid-pass must stop both
      // balancers at the same move.
      budget: fc.constantFrom(500, 5_000, 60_000, 20_000_000),
      seed: fc.integer({ min: 0, max: 2 ** 30 }),
    })
    .map((r) => {
      const capacity: HostCapacity = {
        cpuGhz: r.cpuGhz,
        memoryGiB: r.memoryGiB,
        vcpus: 64,
        vms: r.slots,
        logicalProcessors: 32,
        notes: [],
      };
      const demands: VmDemand[] = r.vms
        .map((_, i) => r.vms[i % r.kinds]!)
        .map((v, i) => ({
          id: `vm${i}`,
          row: i,
          os: v.windows ? "windows" : "linux",
          vcpus: v.vcpus,
          cpuGhz: v.cpuGhz,
          memoryGiB: v.memoryGiB,
          storageGiB: 0,
        }));
      const table = vmTable(demands, capacity);
      const bins = pack(table, r.scattered ? r.seed : null);
      const hosts = bins.map((b) => b.slice());
      for (let i = 0; i < r.k + r.extraSpares; i++) hosts.push([]);
      while (!checkCluster(table, hosts, r.k, { stopAtFirstFailure: true }).survives)
        hosts.push([]);
      return { table, hosts, k: r.k, spares: hosts.length - bins.length, budget: r.budget };
    });

/** First fit in rank order (seed null), or each VM to a random host among those it fits. */
function pack(table: VmTable, seed: number | null): number[][] {
  const order = Array.from({ length: table.count }, (_, v) => v).sort(
    (a, b) => table.rank[a]! - table.rank[b]!
  );
  const bins: number[][] = [];
  const used: number[][] = [];
  let state = seed ?? 0;
  const random = (m: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % m;
  };
  for (const v of order) {
    const fits = (b: number): boolean => {
      for (let j = 0; j < D; j++)
        if (used[b]![j]! + table.demand[v * D + j]! > table.limit[j]!) return false;
      return true;
    };
    const open = bins.map((_, b) => b).filter(fits);
    let b = open.length === 0 ? -1 : seed === null ? open[0]! : open[random(open.length)]!;
    if (b < 0) {
      b = bins.length;
      bins.push([]);
      used.push(new Array<number>(D).fill(0));
    }
    bins[b]!.push(v);
    for (let j = 0; j < D; j++) used[b]![j] = used[b]![j]! + table.demand[v * D + j]!;
  }
  return bins;
}

describe("balance", () => {
  it("leaves exactly the layout of the reference balancer (test/support/balanceReference.ts)", () => {
    fc.assert(
      fc.property(clusterArb(4, 140), ({ table, hosts, k, spares, budget }) => {
        const fast = hosts.map((list) => list.slice());
        const reference = hosts.map((list) => list.slice());
        balance(table, fast, k, spares, budget);
        balanceReference(table, reference, k, spares, budget);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 400, seed: 16 }
    );
  });

  it("leaves exactly the reference's layout on clusters of the planner's size (hundreds of VMs)", () => {
    fc.assert(
      fc.property(clusterArb(200, 450), ({ table, hosts, k, spares, budget }) => {
        const fast = hosts.map((list) => list.slice());
        const reference = hosts.map((list) => list.slice());
        balance(table, fast, k, spares, budget);
        balanceReference(table, reference, k, spares, budget);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 40, seed: 16 }
    );
  });
});
