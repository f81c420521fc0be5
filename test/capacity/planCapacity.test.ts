import { describe, expect, it } from "vitest";
import { planCapacity } from "../../src/capacity";
import { EXAMPLE_INVENTORY } from "../../src/scenario";
import { planViolations } from "./checker";
import { scenarioOf, server } from "./scenarios";

const STANDARD_2008R2 = {
  maxHostMemoryGiB: 32,
  maxRunningVmsPerHost: 192,
  clusteringAllowed: false,
  reason: "Windows Server 2008 R2 Standard: 32 GB of RAM, 192 running VMs, no failover clustering",
} as const;

describe("planCapacity", () => {
  it("sizes the init example on 2008 R2: SQL-01 stays physical, the rest needs 1 host plus 1 for failover", () => {
    const scenario = scenarioOf("ws2008r2", EXAMPLE_INVENTORY);
    const plan = planCapacity(scenario);
    // SQL-01: 8 cores × 2.93 GHz × 0.55 = 12.892 GHz > 4 vCPUs × 2.93 GHz = 11.72 GHz.
    expect(plan.stayPhysical.map((p) => p.name)).toEqual(["SQL-01"]);
    // FILE-01 3.84 GHz + 6 × WEB 1.596 GHz = 13.416 GHz ≤ 26.37 GHz; 8 + 6 × 4 = 32 GiB ≤ 94 GiB → 1 host.
    expect(plan.lowerBoundSteadyState).toBe(1);
    expect(plan.lowerBoundHosts).toBe(2);
    expect(plan.hosts).toBe(2);
    expect(plan.explanation).toBe("2 hosts; at least 1 needed, plus 1 for failover");
    expect(plan.clusters).toMatchObject([
      {
        index: 0,
        nodes: 2,
        vms: 7,
        failoverReserve: 1,
        failuresTolerated: 1,
        failoverCheck: "enumerated",
        scenariosChecked: 2,
      },
    ]);
    // Either host takes all 7 VMs when the other fails; the VMs are spread in steady state.
    expect(plan.hostPlans.map((h) => h.maxVmsAfterFailover)).toEqual([7, 7]);
    expect(plan.hostPlans.every((h) => h.vms >= 1)).toBe(true);
    expect(plan.maxVmsPerHostAfterFailover).toBe(7);
    expect(planViolations(scenario, plan)).toEqual([]);
  });

  it("plans standalone Windows Server 2008 R2 Standard hosts: 30 GiB each, no failover reserve", () => {
    // 20 servers × 4 GiB = 80 GiB; a Standard host offers (32 − 2) × 1 = 30 GiB → ⌈80 / 30⌉ = 3 hosts.
    const scenario = scenarioOf("ws2008r2", [
      server("APP", { count: 20, memoryGiB: "4", cores: 1, peakCpuUtilization: "0.1" }),
    ]);
    const plan = planCapacity(scenario, STANDARD_2008R2);
    expect(plan.hostCapacity).toMatchObject({ memoryGiB: 30, vms: 192 });
    expect(plan.hosts).toBe(3);
    expect(plan.lowerBoundHosts).toBe(3);
    expect(plan.explanation).toBe("3 hosts; at least 3 needed");
    expect(plan.clusters).toMatchObject([
      {
        index: 0,
        nodes: 3,
        vms: 20,
        failoverReserve: 0,
        failuresTolerated: 0,
        failoverCheck: "none",
        scenariosChecked: 0,
      },
    ]);
    expect(plan.hostPlans.every((h) => h.maxVmsAfterFailover === h.vms)).toBe(true);
    expect(plan.notes).toContain(
      "Standalone hosts, no failover reserve: the host operating system cannot be a failover-cluster node (Windows Server 2008 R2 Standard: 32 GB of RAM, 192 running VMs, no failover clustering). They are listed as one group of standalone hosts; a host failure stops its VMs until they are restored elsewhere."
    );
    expect(planViolations(scenario, plan, false)).toEqual([]);
  });

  it("counts the 192-VMs-per-host limit of 2008 R2 Standard", () => {
    // 400 tiny VMs: ⌈400 / 192⌉ = 3 hosts (memory: 400 × 0.0625 = 25 GiB, CPU 400 × 0.02 = 8 GHz).
    const scenario = scenarioOf("ws2008r2", [
      server("TINY", {
        count: 400,
        cores: 1,
        cpuGhz: "2",
        peakCpuUtilization: "0.01",
        averageCpuUtilization: "0.01",
        memoryGiB: "0.0625",
      }),
    ]);
    const plan = planCapacity(scenario, STANDARD_2008R2);
    expect(plan.hosts).toBe(3);
    expect(plan.hostPlans.every((h) => h.vms <= 192)).toBe(true);
    expect(planViolations(scenario, plan, false)).toEqual([]);
  });

  it("splits clusters at 15 packed hosts plus 1 for failover (16 nodes on 2008 R2)", () => {
    // 40 servers of 47 GiB: two per 94 GiB host → 20 packed hosts, ⌈20 / 15⌉ = 2 clusters of
    // 10 + 1 → 22 hosts. Lower bound: ⌈40 × 47 / 94⌉ = 20, + 1 × 2 clusters.
    const scenario = scenarioOf("ws2008r2", [server("MEM", { count: 40, memoryGiB: "47" })]);
    const plan = planCapacity(scenario);
    expect(plan.lowerBoundSteadyState).toBe(20);
    expect(plan.lowerBoundHosts).toBe(22);
    expect(plan.hosts).toBe(22);
    expect(plan.clusters.map((c) => c.nodes)).toEqual([11, 11]);
    expect(plan.explanation).toBe(
      "22 hosts in 2 clusters; at least 20 needed, plus 2 for failover"
    );
    expect(planViolations(scenario, plan)).toEqual([]);
  });

  it("respects 1,000 VMs per 2008 R2 cluster, which decides the cluster count", () => {
    // Hosts of 2 × 16 cores × 2 threads = 64 LPs × 8 = 512 vCPUs, so the 384 running VMs bind:
    // 1,200 tiny VMs → ⌈1200 / 384⌉ = 4 packed hosts, ⌈1200 / 1000⌉ = 2 clusters → 4 + 2 = 6 hosts.
    const scenario = scenarioOf(
      "ws2008r2",
      [
        server("VDI", {
          count: 1200,
          cores: 1,
          cpuGhz: "2",
          peakCpuUtilization: "0.01",
          averageCpuUtilization: "0.01",
          memoryGiB: "0.0625",
        }),
      ],
      { host: { coresPerSocket: 16 } }
    );
    const plan = planCapacity(scenario);
    expect(plan.hosts).toBe(6);
    expect(plan.lowerBoundHosts).toBe(6);
    expect(plan.clusters.every((c) => c.vms <= 1000)).toBe(true);
    expect(plan.notes).toContain(
      "The 1,000-VMs-per-cluster limit decides the cluster count: a full 16-node cluster averages at most 66.7 VMs per node with 1 failed."
    );
    expect(planViolations(scenario, plan)).toEqual([]);
  });

  it("tolerates two failures with two failover hosts per cluster and checks every pair", () => {
    const scenario = scenarioOf(
      "ws2022",
      [
        server("APP", {
          count: 60,
          cores: 4,
          cpuGhz: "2.9",
          peakCpuUtilization: "0.6",
          memoryGiB: "48",
        }),
      ],
      {
        cluster: { failuresToTolerate: 2 },
      }
    );
    const plan = planCapacity(scenario);
    // CPU 60 × 6.96 = 417.6 GHz / 69.6 = 6 hosts; memory 60 × 48 = 2,880 / 760 = 3.8 → 6 packed + 2.
    expect(plan.lowerBoundHosts).toBe(8);
    expect(plan.hosts).toBe(8);
    expect(plan.clusters[0]).toMatchObject({
      nodes: 8,
      failuresTolerated: 2,
      failoverCheck: "enumerated",
      scenariosChecked: 28,
    });
    expect(planViolations(scenario, plan)).toEqual([]);
  });

  it("adds no failover hosts when no failure is to be tolerated", () => {
    const scenario = scenarioOf("ws2022", [server("APP", { count: 10 })], {
      cluster: { failuresToTolerate: 0 },
    });
    const plan = planCapacity(scenario);
    expect(plan.hosts).toBe(1);
    expect(plan.explanation).toBe("1 host; at least 1 needed");
    expect(plan.clusters[0]).toMatchObject({ failoverReserve: 0, failoverCheck: "none" });
    expect(plan.notes).toContain(
      "No host failures to tolerate (failuresToTolerate = 0): clusters carry no failover reserve and no failure is simulated."
    );
  });

  it("needs no hosts when every server stays physical", () => {
    const plan = planCapacity(scenarioOf("ws2008r2", [server("SQL", { memoryGiB: "128" })]));
    expect(plan).toMatchObject({
      hosts: 0,
      lowerBoundHosts: 0,
      lowerBoundSteadyState: 0,
      clusters: [],
      hostPlans: [],
      vms: [],
    });
    expect(plan.explanation).toBe("0 hosts: no server can become a VM.");
  });

  it("explains its figures: storage, cluster limits, the re-placement policy", () => {
    const plan = planCapacity(scenarioOf("ws2022", EXAMPLE_INVENTORY));
    expect(plan.notes[0]).toBe(
      "Storage (1,780 GiB in total) sits on the cluster's shared storage, so it does not limit how many VMs a host runs."
    );
    expect(plan.notes).toContain(
      "Clusters: at most 16 nodes (your limit 16, Windows Server 2022 allows 64) and 8,000 running VMs each."
    );
    expect(
      plan.notes.some((n) => n.startsWith("Failover simulated for every set of 1 failed host"))
    ).toBe(true);
  });

  it("is deterministic: the same scenario gives an identical plan", () => {
    const scenario = scenarioOf("ws2012r2", [
      server("A", { count: 30, cores: 2, memoryGiB: "12" }),
      server("B", { count: 7, cores: 8, peakCpuUtilization: "0.9", memoryGiB: "64" }),
    ]);
    expect(planCapacity(scenario)).toEqual(planCapacity(scenario));
  });
});

describe("planCapacity on clusters too large to enumerate", () => {
  it("proves three failures by reserved capacity when C(nodes, 3) exceeds 3,000", () => {
    // 2022 host: 760 GiB → 11 VMs of 64 GiB each; 330 VMs → 30 packed hosts + 3 = 33 nodes,
    // C(33, 3) = 5,456 failure sets: the reserve test decides (3 empty failover hosts).
    const scenario = scenarioOf(
      "ws2022",
      [server("DB", { count: 330, memoryGiB: "64", cores: 2, peakCpuUtilization: "0.2" })],
      {
        cluster: { failuresToTolerate: 3, maxNodes: 40 },
      }
    );
    const plan = planCapacity(scenario);
    expect(plan.hosts).toBe(33);
    // Bound: ⌈330 × 64 / 760⌉ = 28 (the packing needs 30: 11 per host) + 3.
    expect(plan.lowerBoundHosts).toBe(31);
    expect(plan.clusters[0]).toMatchObject({
      nodes: 33,
      failoverCheck: "reserve-test",
      scenariosChecked: 0,
      failoverReserve: 3,
    });
    // Upper bound per host: own 11 VMs + the 3 fullest others (11 each) = 44; failover hosts 0 + 33.
    expect(plan.maxVmsPerHostAfterFailover).toBe(44);
    expect(plan.notes.some((n) => n.includes("proven instead by reserved capacity"))).toBe(true);
    expect(planViolations(scenario, plan)).toEqual([]);
  });
});
