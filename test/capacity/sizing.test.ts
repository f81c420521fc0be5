import { describe, expect, it } from "vitest";
import {
  hostsNeeded,
  inventoryRowsFromRange,
  planCapacity,
  sizeInventory,
} from "../../src/capacity";
import { scenarioOf, server } from "./scenarios";

describe("sizeInventory / hostsNeeded (custom functions)", () => {
  const rows = [
    server("WEB", { count: 8, cores: 2, memoryGiB: "16" }),
    server("SQL", { cores: 8, memoryGiB: "64", peakCpuUtilization: "0.7" }),
  ];

  it("gives the same plan as planCapacity on the equivalent scenario", () => {
    const sized = sizeInventory(rows, {
      platform: "ws2008r2",
      host: { cores: 12, memoryGiB: 96 },
      cluster: { failuresToTolerate: 1 },
    });
    expect(sized.ok).toBe(true);
    if (!sized.ok) return;
    // cores 12 over the default 2 sockets → 2 × 6, the 2008 R2 default host.
    expect(sized.scenario.host).toMatchObject({ sockets: 2, coresPerSocket: 6 });
    expect(sized.plan).toEqual(planCapacity(scenarioOf("ws2008r2", rows)));
  });

  it('answers the headline numbers, e.g. =HVTCO.HOSTS(range, 32, 768, 1, "ws2022")', () => {
    const result = hostsNeeded(rows, {
      platform: "ws2022",
      host: { cores: 32, memoryGiB: 768 },
      cluster: { failuresToTolerate: 1 },
    });
    expect(result).toEqual({
      ok: true,
      hosts: 2,
      lowerBoundHosts: 2,
      clusters: 1,
      stayPhysical: 0,
      maxVmsPerHostAfterFailover: 9,
      explanation: "2 hosts; at least 1 needed, plus 1 for failover",
    });
  });

  it("puts an odd core count on one socket", () => {
    const sized = sizeInventory(rows, { platform: "ws2022", host: { cores: 15 } });
    expect(sized.ok && sized.scenario.host).toMatchObject({ sockets: 1, coresPerSocket: 15 });
  });

  it("applies edition constraints", () => {
    const result = hostsNeeded(rows, {
      platform: "ws2008r2",
      constraints: { clusteringAllowed: false, maxHostMemoryGiB: 32 },
    });
    // 8 × 16 + 64 GiB: SQL (64 GiB) no longer fits a 30 GiB Standard host; 8 × 16 GiB at 1 per host.
    expect(result).toMatchObject({ ok: true, hosts: 8, stayPhysical: 1 });
  });

  it("returns every problem with its place instead of a number", () => {
    const result = hostsNeeded([{ name: "X", cores: 0, cpuGhz: "2", memoryGiB: "-4" }], {
      host: { memoryGiB: "lots" },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual([
      "host.memoryGiB",
      "inventory[0].cores",
      "inventory[0].memoryGiB",
    ]);
  });
});

describe("inventoryRowsFromRange", () => {
  it("maps a header row of keys or labels (any case) and skips blank cells and rows", () => {
    const rows = inventoryRowsFromRange([
      ["Name", "count", "CORES", "Core clock", "RAM", "Peak CPU", "os"],
      ["FILE-01", 1, 4, 2.4, 8, 0.4, "windows"],
      ["", "", "", "", "", "", ""],
      ["WEB", 6, 2, "2.66", 4, "", "linux"],
    ]);
    expect(rows).toEqual([
      {
        name: "FILE-01",
        count: 1,
        cores: 4,
        cpuGhz: 2.4,
        memoryGiB: 8,
        peakCpuUtilization: 0.4,
        os: "windows",
      },
      { name: "WEB", count: 6, cores: 2, cpuGhz: "2.66", memoryGiB: 4, os: "linux" },
    ]);
    expect(hostsNeeded(rows, { platform: "ws2008r2" })).toMatchObject({ ok: true, hosts: 2 });
  });

  it("keeps an unknown header so the parser reports it", () => {
    const rows = inventoryRowsFromRange([
      ["Name", "Cores", "Clock", "RAM"],
      ["A", 2, 2.4, 4],
    ]);
    const result = hostsNeeded(rows);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain("inventory[0].Clock");
  });
});
