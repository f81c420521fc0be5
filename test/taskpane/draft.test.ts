import { describe, expect, it } from "vitest";
import { defaultScenarioJson, defaultSections } from "../../src/scenario";
import {
  addInventoryRow,
  fileSlug,
  getAt,
  inventoryStats,
  removeInventoryRow,
  setAt,
  setInventoryCell,
  splitPath,
  withPlatformDefaults,
} from "../../src/taskpane/draft";

describe("draft paths", () => {
  it("splits JSON paths into keys and indexes", () => {
    expect(splitPath("licensing.prices.standard")).toEqual(["licensing", "prices", "standard"]);
    expect(splitPath("inventory[3].cores")).toEqual(["inventory", 3, "cores"]);
    expect(splitPath("licensing.options[2]")).toEqual(["licensing", "options", 2]);
  });

  it("sets a value without touching the original draft", () => {
    const draft = defaultScenarioJson("ws2022");
    const next = setAt(draft, "host.memoryGiB", "512");
    expect(getAt(next, "host.memoryGiB")).toBe("512");
    expect(getAt(draft, "host.memoryGiB")).toBe("768");
    expect(next["inventory"]).toBe(draft["inventory"]); // untouched branches are shared
  });

  it("removes a key when set to undefined", () => {
    const next = setAt({ housing: { pue: "1.5", colour: "blue" } }, "housing.colour", undefined);
    expect(next).toEqual({ housing: { pue: "1.5" } });
  });

  it("edits, adds and removes inventory rows immutably", () => {
    const draft = defaultScenarioJson("ws2022");
    const edited = setInventoryCell(draft, 1, "cores", 8);
    expect(getAt(edited, "inventory[1].cores")).toBe(8);
    expect(getAt(draft, "inventory[1].cores")).toBe(2);
    const cleared = setInventoryCell(edited, 1, "storageGiB", undefined);
    expect(getAt(cleared, "inventory[1]")).not.toHaveProperty("storageGiB");
    const added = addInventoryRow(draft);
    expect(getAt(added, "inventory[3].name")).toBe("SERVER-4");
    expect((removeInventoryRow(added, 0)["inventory"] as unknown[]).length).toBe(3);
  });
});

describe("inventoryStats", () => {
  it("sums servers × count and weights utilisation by cores", () => {
    const stats = inventoryStats({
      physical: { defaultAverageCpuUtilization: "0.1", defaultPeakCpuUtilization: "0.3" },
      inventory: [
        {
          name: "A",
          count: 2,
          cores: 4,
          memoryGiB: "8",
          averageCpuUtilization: "0.2",
          peakCpuUtilization: "0.5",
        },
        { name: "B", count: 1, os: "linux", cores: 8, memoryGiB: "16" },
      ],
    });
    expect(stats).toMatchObject({ rows: 2, servers: 3, windows: 2, cores: 16, memoryGiB: 32 });
    // (2×4×0.2 + 1×8×0.1) / 16 = 2.4 / 16 = 0.15; peak (2×4×0.5 + 8×0.3) / 16 = 6.4 / 16 = 0.4
    expect(stats.averageCpuUtilization).toBeCloseTo(0.15, 10);
    expect(stats.peakCpuUtilization).toBeCloseTo(0.4, 10);
  });

  it("tolerates invalid cells and an empty inventory", () => {
    expect(
      inventoryStats({ inventory: [{ name: "A", cores: "abc", memoryGiB: "-" }] })
    ).toMatchObject({ servers: 1, cores: 0, averageCpuUtilization: null });
    expect(inventoryStats({})).toMatchObject({ rows: 0, servers: 0 });
  });
});

describe("withPlatformDefaults", () => {
  it("loads the platform's hardware and prices but keeps inventory, options and finance", () => {
    const draft = setAt(
      setAt(defaultScenarioJson("ws2022"), "finance.horizonYears", 7),
      "licensing.options",
      ["standard", "datacenter"]
    );
    const { draft: next, changes } = withPlatformDefaults(draft, "ws2008r2");
    const old = defaultSections("ws2008r2");
    expect(next["platform"]).toBe("ws2008r2");
    expect(getAt(next, "host.memoryGiB")).toBe(old.host["memoryGiB"]);
    expect(getAt(next, "licensing.prices.datacenter")).toBe("2405");
    expect(getAt(next, "finance.horizonYears")).toBe(7);
    expect(getAt(next, "licensing.options")).toEqual(["standard", "datacenter"]);
    expect(next["inventory"]).toBe(draft["inventory"]);
    expect(changes).toBeGreaterThan(10);
    // Applying them again changes nothing.
    expect(withPlatformDefaults(next, "ws2008r2").changes).toBe(0);
  });

  it('treats 96 and "96" as the same value', () => {
    const draft = setAt(defaultScenarioJson("ws2008r2"), "host.memoryGiB", 96);
    expect(withPlatformDefaults(draft, "ws2008r2").changes).toBe(0);
  });
});

describe("fileSlug", () => {
  it("makes a file name from the scenario's name", () => {
    expect(fileSlug({ name: "Contoso 2010 consolidation (Windows Server 2008 R2)" })).toBe(
      "contoso-2010-consolidation-windows-server-2008-r2"
    );
    expect(fileSlug({ name: "  " })).toBe("hyperv-tco");
  });
});
