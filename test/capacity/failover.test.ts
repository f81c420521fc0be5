import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MAX_ENUMERATED_SCENARIOS,
  type HostCapacity,
  vmSize,
  type VmDemand,
} from "../../src/capacity";
import { layoutLoad, simulateFailures, vmTable } from "../../src/capacity/failover";
import { LiveFailoverCheck } from "../../src/capacity/liveFailover";
import { checkFailover, reinforceLayout } from "../support/failoverLayout";
import { leastLoaded, placeVms } from "../support/placeVms";
import { replayFailures } from "./checker";

/** A host whose memory binds: 100 GiB, 10 VM slots, CPU and vCPUs plentiful. */
const memoryHost: HostCapacity = {
  cpuGhz: 1000,
  memoryGiB: 100,
  vcpus: 1000,
  vms: 10,
  logicalProcessors: 64,
  notes: [],
};
const vm = (
  id: string,
  memoryGiB: number,
  os: "windows" | "linux" = "windows",
  cpuGhz = 1
): VmDemand => ({
  id,
  row: 0,
  os,
  vcpus: 1,
  cpuGhz,
  memoryGiB,
  storageGiB: 0,
});

describe("checkFailover on hand-made layouts", () => {
  it("works out maxVmsAfterFailover by the documented policy (largest first, least-loaded survivor)", () => {
    const vms = [vm("A", 30), vm("B", 10, "linux"), vm("C", 20)];
    const report = checkFailover(vms, [["A", "B"], ["C"], []], memoryHost, 1);
    // Host 0 fails: A (0.3 of a host) → host 2 (empty, load 0); B → host 1 (load 0.2 < 0.3).
    // Host 1 fails: C → host 2 (load 0). Host 2 fails: nothing moves.
    expect(report).toMatchObject({
      survives: true,
      check: "enumerated",
      scenariosChecked: 3,
      failures: [],
    });
    expect(report.maxVmsAfterFailover).toEqual([2, 2, 1]);
    // Windows VMs: host 1 gains only the Linux VM B; host 2 gains A or C, one at a time.
    expect(report.maxWindowsVmsAfterFailover).toEqual([1, 1, 1]);
  });

  it("fails a layout that cannot absorb a failure, names the stranded VMs with reasons, and passes once a host is added", () => {
    // Three hosts at 80 GiB of 100: when one fails, its two 40 GiB VMs meet 20 GiB free on each survivor.
    const vms = ["A", "B", "C", "D", "E", "F"].map((id) => vm(id, 40));
    const layout = [
      ["A", "B"],
      ["C", "D"],
      ["E", "F"],
    ];
    const report = checkFailover(vms, layout, memoryHost, 1);
    expect(report.survives).toBe(false);
    expect(report.failures[0]).toEqual({
      failedHosts: [0],
      unplaced: [
        {
          vmId: "A",
          reasons: [
            { host: 1, reasons: [{ resource: "memoryGiB", requested: 40, free: 20 }] },
            { host: 2, reasons: [{ resource: "memoryGiB", requested: 40, free: 20 }] },
          ],
        },
        { vmId: "B", reasons: expect.any(Array) },
      ],
    });
    const fixed = reinforceLayout(vms, layout, memoryHost, 1);
    expect(fixed.added).toBe(1);
    expect(fixed.report.survives).toBe(true);
    expect(fixed.hosts).toHaveLength(4);
    expect(fixed.hosts.flat().sort()).toEqual(["A", "B", "C", "D", "E", "F"]);
    // The new host was not left idle: the layout was balanced while every failure still succeeds.
    expect(fixed.hosts.every((h) => h.length >= 1)).toBe(true);
    expect(checkFailover(vms, fixed.hosts, memoryHost, 1).survives).toBe(true);
  });

  it("enumerates every pair of failed hosts: C(5, 2) = 10 scenarios", () => {
    const vms = Array.from({ length: 10 }, (_, i) => vm(`V${i}`, 10));
    const layout = [0, 1, 2, 3, 4].map((h) => [`V${2 * h}`, `V${2 * h + 1}`]);
    const report = checkFailover(vms, layout, memoryHost, 2);
    expect(report.scenariosChecked).toBe(10);
    // Two failed hosts' four 10 GiB VMs spread over three survivors at 20 GiB.
    expect(report.survives).toBe(true);
    expect(Math.max(...report.maxVmsAfterFailover)).toBe(4);
  });

  it("cannot survive when every host may fail", () => {
    const vms = [vm("A", 10)];
    expect(checkFailover(vms, [["A"], []], memoryHost, 2).survives).toBe(false);
    expect(checkFailover([], [[], []], memoryHost, 2).survives).toBe(true);
  });

  it("uses the reserve test above 3,000 failure sets: C(30, 3) = 4,060", () => {
    expect(MAX_ENUMERATED_SCENARIOS).toBe(3000);
    const vms = Array.from({ length: 60 }, (_, i) => vm(`V${i}`, 10));
    // 27 hosts with two 10 GiB VMs each (20 %), 3 empty: survives by the dedicated empty hosts.
    const withSpares = [
      ...Array.from({ length: 27 }, (_, h) => [`V${2 * h}`, `V${2 * h + 1}`]),
      [],
      [],
      [],
    ];
    const spares = checkFailover(vms.slice(0, 54), withSpares, memoryHost, 3);
    expect(spares).toMatchObject({ survives: true, check: "reserve-test", scenariosChecked: 0 });
    // Every host at 20 GiB: survivors keep 80 − 10 = 70 GiB of headroom each, the three busiest
    // hosts carry 60 GiB: the headroom proof holds.
    const spread = checkFailover(
      vms,
      Array.from({ length: 30 }, (_, h) => [`V${2 * h}`, `V${2 * h + 1}`]),
      memoryHost,
      3
    );
    expect(spread.survives).toBe(true);
    // Upper bound: own 2 VMs + the 3 other hosts with the most (2 each) = 8, within 10 slots.
    expect(spread.maxVmsAfterFailover.every((x) => x === 8)).toBe(true);
  });

  it("rejects the reserve test when survivors lack headroom, and reinforcing adds failover hosts", () => {
    const vms = Array.from({ length: 270 }, (_, i) => vm(`V${i}`, 10));
    // 30 hosts at 90 GiB: headroom 100 − 90 − 10 = 0 everywhere.
    const full = Array.from({ length: 30 }, (_, h) =>
      Array.from({ length: 9 }, (_, i) => `V${9 * h + i}`)
    );
    expect(checkFailover(vms, full, memoryHost, 3).survives).toBe(false);
    const fixed = reinforceLayout(vms, full, memoryHost, 3);
    expect(fixed.report.survives).toBe(true);
    expect(fixed.added).toBe(3);
  });

  it("throws for a VM id that is unknown or listed twice (programmer errors)", () => {
    expect(() => checkFailover([vm("A", 1)], [["A", "B"]], memoryHost, 1)).toThrow(
      /not among the VMs/
    );
    expect(() => checkFailover([vm("A", 1)], [["A"], ["A"]], memoryHost, 1)).toThrow(
      /more than one host/
    );
  });
});

/** Random clusters: 2–7 hosts, up to 24 VMs in 4 dimensions, any (even overfilled) layout. */
const clusterArb = fc
  .record({
    hosts: fc.integer({ min: 2, max: 7 }),
    k: fc.integer({ min: 1, max: 2 }),
    vms: fc.array(
      fc.record({
        cpu: fc.integer({ min: 0, max: 40 }),
        mem: fc.integer({ min: 1, max: 60 }),
        vcpus: fc.integer({ min: 1, max: 8 }),
        windows: fc.boolean(),
        host: fc.nat(),
      }),
      { maxLength: 24 }
    ),
  })
  .map(({ hosts, k, vms }) => {
    const demands: VmDemand[] = vms.map((v, i) => ({
      id: `V${i}`,
      row: i,
      os: v.windows ? "windows" : "linux",
      vcpus: v.vcpus,
      cpuGhz: v.cpu / 4,
      memoryGiB: v.mem,
      storageGiB: 0,
    }));
    const layout: string[][] = Array.from({ length: hosts }, () => []);
    vms.forEach((v, i) => layout[v.host % hosts]!.push(`V${i}`));
    return { k: Math.min(k, hosts - 1), demands, layout };
  });
const smallHost: HostCapacity = {
  cpuGhz: 20,
  memoryGiB: 100,
  vcpus: 16,
  vms: 6,
  logicalProcessors: 8,
  notes: [],
};

function replay(demands: readonly VmDemand[], layout: readonly (readonly string[])[], k: number) {
  const cap: [number, number, number, number] = [
    smallHost.cpuGhz,
    smallHost.memoryGiB,
    smallHost.vcpus,
    smallHost.vms,
  ];
  const byId = new Map(
    demands.map((d, order) => {
      const demand: [number, number, number, number] = [d.cpuGhz, d.memoryGiB, d.vcpus, 1];
      const size = Math.max(...demand.map((x, j) => x / cap[j]!));
      return [d.id, { id: d.id, demand, windows: d.os === "windows", size, order }];
    })
  );
  return replayFailures(
    layout.map((h) => h.map((id) => byId.get(id)!)),
    cap,
    k
  );
}

describe("failover kernel properties", () => {
  it("agrees with an independent replay of every failure set (verdict and maxVmsAfterFailover)", () => {
    fc.assert(
      fc.property(clusterArb, ({ k, demands, layout }) => {
        const report = checkFailover(demands, layout, smallHost, k);
        const oracle = replay(demands, layout, k);
        // (The oracle also flags survivors overfilled in steady state; only stranded VMs count here.)
        expect(report.survives).toBe(
          oracle.problems.filter((p) => p.includes("finds no survivor")).length === 0
        );
        expect(report.scenariosChecked).toBe(oracle.scenarios);
        expect(report.maxVmsAfterFailover).toEqual(oracle.maxVms);
        expect(report.maxWindowsVmsAfterFailover).toEqual(oracle.maxWindowsVms);
      }),
      { numRuns: 300 }
    );
  });

  it("reports as stranded exactly the VMs the filter/score scheduler cannot place", () => {
    fc.assert(
      fc.property(clusterArb, ({ k, demands, layout }) => {
        const report = checkFailover(demands, layout, smallHost, k);
        for (const failure of report.failures) {
          const used = layout.map((h) =>
            h.reduce(
              (u, id) => {
                const d = demands.find((x) => x.id === id)!;
                return [u[0]! + d.cpuGhz, u[1]! + d.memoryGiB, u[2]! + d.vcpus, u[3]! + 1];
              },
              [0, 0, 0, 0]
            )
          );
          // Largest first (share of a host), ties in VM order — the documented re-placement order.
          const order = failure.failedHosts
            .flatMap((h) => layout[h]!)
            .map((id) => demands.find((d) => d.id === id)!)
            .sort((a, b) => vmSize(b, smallHost) - vmSize(a, smallHost) || a.row - b.row);
          const placement = placeVms(order, used, smallHost, {
            scorer: leastLoaded,
            unavailable: new Set(failure.failedHosts),
          });
          expect(new Set(failure.unplaced.map((u) => u.vmId))).toEqual(
            new Set(placement.unplaced.map((u) => u.vmId))
          );
          for (const u of failure.unplaced)
            expect(u.reasons.length).toBe(layout.length - failure.failedHosts.length);
        }
      }),
      { numRuns: 150 }
    );
  });

  it("turns any layout that fits in steady state into one that survives, by adding hosts", () => {
    fc.assert(
      fc.property(clusterArb, ({ k, demands, layout }) => {
        // Keep only layouts that fit in steady state (drop VMs from overfilled hosts).
        const fitting = layout.map((h) => {
          const kept: string[] = [];
          const u = [0, 0, 0, 0];
          for (const id of h) {
            const d = demands.find((x) => x.id === id)!;
            const next = [u[0]! + d.cpuGhz, u[1]! + d.memoryGiB, u[2]! + d.vcpus, u[3]! + 1];
            if (next[0]! <= 20 && next[1]! <= 100 && next[2]! <= 16 && next[3]! <= 6) {
              kept.push(id);
              u.splice(0, 4, ...next);
            }
          }
          return kept;
        });
        const placed = new Set(fitting.flat());
        const vms = demands.filter((d) => placed.has(d.id));
        const fixed = reinforceLayout(vms, fitting, smallHost, k);
        expect(fixed.report.survives).toBe(true);
        expect(fixed.hosts.flat().sort()).toEqual([...placed].sort());
        const oracle = replay(vms, fixed.hosts, k);
        expect(oracle.problems).toEqual([]);
        // Every host of the result still fits in steady state.
        for (const h of fixed.hosts) {
          const u = h
            .map((id) => vms.find((d) => d.id === id)!)
            .reduce(
              (s, d) => [s[0]! + d.cpuGhz, s[1]! + d.memoryGiB, s[2]! + d.vcpus, s[3]! + 1],
              [0, 0, 0, 0]
            );
          expect(u[0]! <= 20 * (1 + 1e-9) && u[1]! <= 100 && u[2]! <= 16 && u[3]! <= 6).toBe(true);
        }
      }),
      { numRuns: 150 }
    );
  });
});

describe("the balancer's failover check (LiveFailoverCheck)", () => {
  it("gives simulateFailures' verdict, first failing set and work, with or without a set to try first", () => {
    fc.assert(
      fc.property(clusterArb, fc.nat(), ({ k, demands, layout }, pick) => {
        const table = vmTable(demands, smallHost);
        const index = new Map(demands.map((d, i) => [d.id, i]));
        // Lists in re-placement order and their loads, as the balancer keeps them.
        const hosts = layout.map((h) =>
          h.map((id) => index.get(id)!).sort((a, b) => table.rank[a]! - table.rank[b]!)
        );
        const used = layoutLoad(table, hosts);
        const probe = new LiveFailoverCheck(table, hosts.length);
        const sets: (number[] | undefined)[] = [undefined];
        // A first set to try: k distinct hosts picked from `pick`.
        const first = Array.from({ length: hosts.length }, (_, h) => h)
          .sort((a, b) => ((a * 7 + pick) % 11) - ((b * 7 + pick) % 11) || a - b)
          .slice(0, k)
          .sort((a, b) => a - b);
        sets.push(first);
        for (const firstScenario of sets) {
          const sim = simulateFailures(table, hosts, k, {
            stopAtFirstFailure: true,
            maxFailuresRecorded: 1,
            live: { used },
            ...(firstScenario ? { firstScenario } : {}),
          });
          const live = probe.check(hosts, k, used, firstScenario);
          expect(live.survives).toBe(sim.survives);
          expect(live.failedHosts ?? undefined).toEqual(sim.failures[0]?.failedHosts);
          expect(live.work).toBe(sim.work);
        }
      }),
      { numRuns: 300 }
    );
  });
});
