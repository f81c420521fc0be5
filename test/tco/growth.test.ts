/**
 * The TCO model over the horizon: demand growth buys hosts (and their licences) in the year
 * first needed, refresh and upkeep follow; Storage Spaces Direct replaces the SAN lines by
 * the nodes' drives; idle servers retired show their saving in lines of their own.
 */
import { describe, expect, it } from "vitest";
import { analyze, analysisJson, type OptionAnalysis } from "../../src/tco";
import type { CostLine } from "../../src/tco";
import { scenarioOf, server } from "../capacity/scenarios";

const amounts = (o: OptionAnalysis, id: string): string[] =>
  (o.costs.lines.find((l: CostLine) => l.id === id)?.amounts ?? []).map((a) => a.toFixed(2));

// ws2022 default host (760 GiB for VMs, $25,000). Nine 200 GiB servers growing 10 % a year:
// year t needs 200 × 1.1^t GiB per VM — 3 per host up to year 2 (726 GiB), 2 per host from
// year 3 (266.2; 532.4 ≤ 760 < 798.6), 1 per host from year 7 (389.7 × 2 = 779.4 > 760).
// Hosts (packed + 1 failover): years 0–2: 4; 3–6: 5 + 1 = 6; 7–8: 9 + 1 = 10.
const NINE = [server("DB", { count: 9, cores: 4, peakCpuUtilization: "0.1", memoryGiB: "200" })];
const growing = scenarioOf("ws2022", NINE, {
  growth: { ratePerYear: "0.1" },
  finance: { horizonYears: 8 },
  cluster: {},
});
const withRefresh = {
  ...growing,
  virtual: { ...growing.virtual, hostRefreshYears: 4 },
  licensing: { ...growing.licensing, options: ["datacenter" as const] },
};

describe("growth in the cash flows", () => {
  const a = analyze(withRefresh, { sensitivity: false });
  const dc = a.options[0]!;

  it("owns 4 hosts in years 0–2, 6 from year 3 and 10 from year 7", () => {
    expect(dc.hostsByYear).toEqual([4, 4, 4, 6, 6, 6, 6, 10, 10]);
  });

  it("buys each year's new hosts in that year: 4 × $25,000 in year 0, 2 in year 3, 4 in year 7", () => {
    expect(amounts(dc, "datacenter.hosts")).toEqual([
      "100000.00",
      "0.00",
      "0.00",
      "50000.00",
      "0.00",
      "0.00",
      "0.00",
      "100000.00",
      "0.00",
    ]);
  });

  it("refreshes each purchase a cycle later (4 years): year 0's 4 hosts in year 4, year 3's 2 in year 7", () => {
    // Year 8 is the horizon: a purchase then would only serve years beyond it.
    expect(amounts(dc, "datacenter.hostRefresh")).toEqual([
      "0.00",
      "0.00",
      "0.00",
      "0.00",
      "100000.00",
      "0.00",
      "0.00",
      "50000.00",
      "0.00",
    ]);
  });

  it("pays upkeep on the hosts running each year (10 % maintenance of $25,000 per host)", () => {
    expect(amounts(dc, "datacenter.hostMaintenance")).toEqual([
      "0.00",
      "10000.00",
      "10000.00",
      "15000.00",
      "15000.00",
      "15000.00",
      "15000.00",
      "25000.00",
      "25000.00",
    ]);
  });

  it("buys the new hosts' Datacenter licences in the same years", () => {
    const licence = dc.costs.lines.find((l) => l.category === "licensing")!;
    const perHost = licence.amounts[0]!.div(4);
    expect(licence.amounts.map((x) => x.div(perHost).toNumber())).toEqual([
      4, 0, 0, 2, 0, 0, 0, 4, 0,
    ]);
  });

  it("prints hostsByYear in --json (year 0 to the horizon)", () => {
    const json = analysisJson(a) as { options: { capacity: { hostsByYear: number[] } }[] };
    expect(json.options[0]!.capacity.hostsByYear).toEqual([4, 4, 4, 6, 6, 6, 6, 10, 10]);
  });

  it("keeps the same lines and amounts as before when nothing grows", () => {
    const flat = analyze(
      { ...withRefresh, growth: { ratePerYear: withRefresh.growth.ratePerYear.times(0) } },
      {
        sensitivity: false,
      }
    );
    const o = flat.options[0]!;
    expect(o.series).toEqual([]);
    expect(o.hostsByYear).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(o.costs.lines.every((l) => l.schedule.kind !== "byYear")).toBe(true);
    expect(amounts(o, "datacenter.hosts")[0]).toBe("100000.00");
  });
});

describe("Storage Spaces Direct in the cash flows", () => {
  const scenario = scenarioOf("ws2022", NINE, {
    storage: {
      kind: "s2d",
      resiliency: "three-way-mirror",
      drivesPerNode: 8,
      driveTB: "3.84",
      drivePrice: "900",
    },
  });
  const a = analyze(scenario, { sensitivity: false });

  it("buys 8 drives per node instead of SAN arrays, capacity and witness", () => {
    const dc = a.options.find((o) => o.id === "datacenter")!;
    const ids = dc.costs.lines.map((l) => l.id);
    expect(ids).toContain("datacenter.s2dDrives");
    expect(ids).not.toContain("datacenter.storageArrays");
    expect(ids).not.toContain("datacenter.storageCapacity");
    expect(ids).not.toContain("datacenter.witness");
    // 4 hosts × 8 drives × $900 = $28,800 in year 0.
    expect(amounts(dc, "datacenter.s2dDrives")[0]).toBe("28800.00");
  });

  it("rules out editions that cannot run S2D, saying why", () => {
    const std = a.options.find((o) => o.id === "standard")!;
    expect(std.eligible).toBe(false);
    expect(std.reasons.at(-1)).toMatch(
      /^Storage Spaces Direct \(storage.kind = s2d\) runs on Windows Server Datacenter hosts/
    );
  });

  it("reports raw, reserve, usable and needed TB per cluster in --json", () => {
    const json = analysisJson(a) as {
      options: { id: string; capacity: { storage: Record<string, unknown>[] } }[];
    };
    const dc = json.options.find((o) => o.id === "datacenter")!;
    // 4 nodes × 8 × 3.84 = 122.88 TB raw; reserve 4 × 3.84 = 15.36; usable (107.52) / 3 = 35.84.
    expect(dc.capacity.storage).toEqual([
      expect.objectContaining({ nodes: 4, rawTB: 122.88, reserveTB: 15.36, usableTB: 35.84 }),
    ]);
  });
});

describe("idle servers retired", () => {
  const zombie = server("ZOMBIE", {
    count: 4,
    averageCpuUtilization: "0.01",
    peakCpuUtilization: "0.03",
    averageNetworkMBps: "0.01",
  });
  const scenario = scenarioOf("ws2022", [...NINE, zombie], { demand: { retireIdle: true } });
  const a = analyze(scenario, { sensitivity: false });

  it("keeps their running cost in baseline lines of their own, and shows the saving per year", () => {
    const retired = a.physical.lines.filter((l) => l.id.startsWith("physical.retired."));
    expect(retired.length).toBeGreaterThan(0);
    expect(retired.every((l) => l.label.endsWith(" — idle servers, retired in every option"))).toBe(
      true
    );
    const dc = a.options.find((o) => o.id === "datacenter")!;
    const year1 = retired.reduce(
      (s, l) => s.plus(l.amounts[1]!),
      dc.businessCase.netFlows[0]!.times(0)
    );
    expect(dc.businessCase.retirementSavings[1]!.toFixed(2)).toBe(year1.toFixed(2));
    expect(dc.capacity.vms.every((v) => !v.id.startsWith("ZOMBIE"))).toBe(true);
    expect(dc.costs.lines.some((l) => l.id.includes("stayPhysical"))).toBe(false);
  });
});
