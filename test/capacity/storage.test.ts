/**
 * Storage Spaces Direct inside the capacity plan: clusters get the nodes their storage needs
 * (at least the resiliency's minimum, and enough to hold the data with failuresToTolerate
 * nodes gone where the resiliency can repair), clusters split when one cannot hold it, and a
 * VM larger than a whole cluster stays physical. Rules: src/platform/s2d.ts.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { planCapacity } from "../../src/capacity";
import { s2dFits, TB_PER_GIB } from "../../src/platform";
import { planViolations } from "./checker";
import { scenarioOf, server } from "./scenarios";

// ws2022 default host: 2 × 16 cores × 2.9 GHz × 75 % = 69.6 GHz; (768 − 8) GiB = 760 GiB for VMs.
// Nine 200 GiB servers: 3 per host (4 × 200 = 800 > 760) → 3 packed hosts + 1 for failover = 4.
const NINE_BIG = [
  server("DB", {
    count: 9,
    cores: 4,
    peakCpuUtilization: "0.1",
    memoryGiB: "200",
    storageGiB: "1200",
  }),
];
const S2D = {
  kind: "s2d",
  resiliency: "three-way-mirror",
  drivesPerNode: 4,
  driveTB: "4",
  headroom: "0.2",
};

describe("planCapacity with Storage Spaces Direct", () => {
  it("gives a cluster a 5th node because of storage, not CPU or memory", () => {
    // Needed: 9 × 1,200 GiB × 1.073741824e-3 TB/GiB × 1.2 headroom = 13.9157 TB.
    // 4 nodes × 4 × 4 TB: (64 − 16 reserve) / 3 = 16 TB ≥ 13.92 in steady state, but with one node
    // gone the 3 survivors (≥ 3, so three-way mirror can repair) hold (48 − 12) / 3 = 12 TB < 13.92.
    // 5 nodes: (80 − 16) / 3 = 21.33 TB, and with one gone (64 − 16) / 3 = 16 TB ≥ 13.92.
    const san = planCapacity(scenarioOf("ws2022", NINE_BIG));
    expect(san.hosts).toBe(4);
    expect(san.clusters[0]!.binding).toBe("memoryGiB");
    expect(san.clusters[0]!.storage).toMatchObject({ kind: "san", rawTB: null, usableTB: null });

    const scenario = scenarioOf("ws2022", NINE_BIG, { storage: S2D });
    const plan = planCapacity(scenario);
    expect(plan.hosts).toBe(5);
    expect(plan.lowerBoundSteadyState).toBe(3);
    const c = plan.clusters[0]!;
    expect(c.nodes).toBe(5);
    expect(c.binding).toBe("storage");
    expect(c.storage.kind).toBe("s2d");
    expect(c.storage.neededTB).toBeCloseTo(9 * 1200 * TB_PER_GIB * 1.2, 9);
    expect(c.storage.rawTB).toBe(80);
    expect(c.storage.reserveTB).toBe(16);
    expect(c.storage.usableTB).toBeCloseTo(64 / 3, 9);
    expect(c.storage.usableWithFailuresTB).toBeCloseTo(16, 9);
    expect(c.storage.nodesForStorage).toBe(5);
    // The fifth node is a full member: the balancer spreads VMs onto it, N+1 still proven.
    expect(planViolations(scenario, plan)).toEqual([]);
    expect(
      plan.notes.some((n) => n.startsWith("Storage decides the node count of 1 of 1 cluster"))
    ).toBe(true);
  });

  it("gives a small workload the resiliency's minimum: dual parity needs 4 servers", () => {
    // One small VM: 1 packed host + 1 failover = 2 nodes for compute; dual parity needs 4 (FT).
    const plan = planCapacity(
      scenarioOf("ws2022", [server("APP")], { storage: { kind: "s2d", resiliency: "dual-parity" } })
    );
    expect(plan.hosts).toBe(4);
    expect(plan.clusters[0]).toMatchObject({ nodes: 4, binding: "storage" });
    expect(plan.clusters[0]!.storage.layout).toBe("RS 2+2");
    expect(plan.lowerBoundHosts).toBe(4);
  });

  it("plans two-node clusters with nested two-way mirror", () => {
    // Nested: exactly 2 servers (NR). 8 × 3.84 TB per node: (61.44 − 7.68) × 25 % = 13.44 TB per cluster.
    const scenario = scenarioOf("ws2022", [server("APP", { count: 4, storageGiB: "1000" })], {
      cluster: { maxNodes: 2 },
      storage: { kind: "s2d", resiliency: "nested-two-way-mirror" },
    });
    const plan = planCapacity(scenario);
    expect(plan.clusters.every((c) => c.nodes === 2)).toBe(true);
    expect(plan.clusters[0]!.storage.usableTB).toBeCloseTo(13.44, 9);
    // One node down leaves one survivor: nested keeps the data online, no repair to size for.
    expect(plan.clusters[0]!.storage.usableWithFailuresTB).toBeNull();
  });

  it("splits clusters whose storage no allowed size can hold", () => {
    // maxNodes 4, three-way mirror, 4 × 4 TB: the most a cluster holds with one node gone is 12 TB.
    // 30 servers × 1,000 GiB × 1.0737e-3 × 1.2 = 38.7 TB → at least 4 clusters.
    const scenario = scenarioOf("ws2022", [server("FS", { count: 30, storageGiB: "1000" })], {
      cluster: { maxNodes: 4 },
      storage: S2D,
    });
    const plan = planCapacity(scenario);
    expect(plan.clusters.length).toBeGreaterThanOrEqual(4);
    for (const c of plan.clusters) {
      expect(c.nodes).toBeLessThanOrEqual(4);
      expect(c.storage.usableTB!).toBeGreaterThanOrEqual(c.storage.neededTB);
      if (c.storage.usableWithFailuresTB !== null)
        expect(c.storage.usableWithFailuresTB).toBeGreaterThanOrEqual(c.storage.neededTB);
    }
    expect(plan.clusters.reduce((n, c) => n + c.vms, 0)).toBe(30);
    expect(planViolations(scenario, plan)).toEqual([]);
  });

  it("keeps a server physical when its storage alone exceeds a whole cluster", () => {
    // 16 nodes × 4 × 4 TB, three-way mirror, one node down: (240 − 16) / 3 = 74.67 TB.
    const scenario = scenarioOf(
      "ws2022",
      [server("ARCHIVE", { storageGiB: "70000" }), server("APP")],
      {
        storage: S2D,
      }
    );
    const plan = planCapacity(scenario);
    expect(plan.stayPhysical.map((s) => s.name)).toEqual(["ARCHIVE"]);
    expect(plan.stayPhysical[0]!.reasons[0]).toBe(
      "ARCHIVE needs 90.19 TB of storage with its headroom, more than a whole Storage Spaces Direct cluster of 16 servers holds (74.67 TB usable)."
    );
  });

  it("property: every S2D cluster holds its data, steady and with failures where the resiliency repairs", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            count: fc.integer({ min: 1, max: 6 }),
            memoryGiB: fc.integer({ min: 1, max: 256 }),
            storageGiB: fc.integer({ min: 0, max: 6000 }),
          }),
          { minLength: 1, maxLength: 8 }
        ),
        fc.constantFrom(
          "two-way-mirror",
          "three-way-mirror",
          "dual-parity",
          "mirror-accelerated-parity"
        ),
        fc.integer({ min: 4, max: 16 }),
        (rows, resiliency, maxNodes) => {
          const scenario = scenarioOf(
            "ws2022",
            rows.map((r, i) =>
              server(`S${i}`, {
                ...r,
                memoryGiB: String(r.memoryGiB),
                storageGiB: String(r.storageGiB),
              })
            ),
            { cluster: { maxNodes }, storage: { ...S2D, resiliency } }
          );
          const plan = planCapacity(scenario);
          const layout = {
            resiliency,
            media: "all-flash" as const,
            drivesPerNode: 4,
            driveTB: 4,
            mirrorShare: 0.2,
          };
          for (const c of plan.clusters) {
            expect(c.nodes).toBeLessThanOrEqual(maxNodes);
            expect(s2dFits(layout, c.nodes, c.storage.neededTB, 1)).toBe(true);
          }
          expect(planViolations(scenario, plan)).toEqual([]);
        }
      ),
      { numRuns: 40 }
    );
  });
});

describe("measured demand", () => {
  const measured = server("SQL", {
    cores: 8,
    cpuGhz: "2.5",
    peakCpuUtilization: "0.9",
    averageCpuUtilization: "0.2",
    memoryGiB: "32",
    measuredPercentile: "p95",
    measuredCpuUtilization: "0.30",
    measuredMemoryGiB: "10",
  });

  it("sizes a server on p95 × 1.3: 8 cores × 2.5 GHz × 0.39 = 7.8 GHz, 10 GiB × 1.3 = 13 GiB", () => {
    // Azure Migrate: effective utilisation × comfort factor (50 % of 4 cores × 1.3 = 2.6 cores).
    const plan = planCapacity(scenarioOf("ws2022", [measured]));
    const vm = plan.vms[0]!;
    expect(vm.cpuGhz).toBeCloseTo(7.8, 12);
    expect(vm.memoryGiB).toBeCloseTo(13, 12);
    expect(vm.sizing).toEqual({
      basis: "measured",
      percentile: "p95",
      comfortFactor: 1.3,
      memoryMeasured: true,
    });
    expect(plan.notes).toContain(
      "1 of 1 VM is sized on measured use (the import's percentile × a comfort factor of 1.3, at most the server's own cores and RAM); the others on their peak CPU and configured RAM."
    );
  });

  it("sizes the same server on its peak and configured RAM when demand.basis is peak", () => {
    // 8 × 2.5 × 0.9 = 18 GHz; 32 GiB as configured.
    const vm = planCapacity(scenarioOf("ws2022", [measured], { demand: { basis: "peak" } }))
      .vms[0]!;
    expect(vm.cpuGhz).toBeCloseTo(18, 12);
    expect(vm.memoryGiB).toBe(32);
    expect(vm.sizing?.basis).toBe("peak");
  });

  it("never sizes above the server's own cores and RAM", () => {
    // 0.9 × 1.3 = 1.17 → 1 (all 8 cores); 30 GiB × 1.3 = 39 → 32 GiB configured.
    const vm = planCapacity(
      scenarioOf("ws2022", [
        { ...measured, measuredCpuUtilization: "0.9", measuredMemoryGiB: "30" },
      ])
    ).vms[0]!;
    expect(vm.cpuGhz).toBeCloseTo(20, 12);
    expect(vm.memoryGiB).toBe(32);
  });

  it("flags idle servers, and retires them only when asked", () => {
    const idle = server("ZOMBIE", {
      count: 3,
      averageCpuUtilization: "0.02",
      peakCpuUtilization: "0.05",
      averageDiskMBps: "0.01",
      averageNetworkMBps: "0.02",
    });
    const busy = server("BUSY", { averageCpuUtilization: "0.02", averageNetworkMBps: "5" });
    const flagged = planCapacity(scenarioOf("ws2022", [idle, busy]));
    expect(flagged.idle).toEqual([
      {
        name: "ZOMBIE",
        row: 0,
        count: 3,
        reason: "average CPU 2 % < 5 %; disk 0.01 MB/s < 0.1 MB/s; network 0.02 MB/s < 0.1 MB/s",
        retired: false,
      },
    ]);
    expect(flagged.vms.length).toBe(4);
    const retired = planCapacity(
      scenarioOf("ws2022", [idle, busy], { demand: { retireIdle: true } })
    );
    expect(retired.idle[0]!.retired).toBe(true);
    expect(retired.vms.map((v) => v.id)).toEqual(["BUSY"]);
    expect(retired.stayPhysical).toEqual([]);
  });

  it("does not flag a server without measured use, however low its average", () => {
    const plan = planCapacity(
      scenarioOf("ws2022", [server("QUIET", { averageCpuUtilization: "0.01" })])
    );
    expect(plan.idle).toEqual([]);
  });
});
