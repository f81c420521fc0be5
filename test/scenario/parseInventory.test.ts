/**
 * The inventory's rows are read once per distinct text and field (inventories repeat the same
 * values on thousands of rows) and compared as doubles where that is exact: these cases hold
 * the shortcuts to what each row on its own would give.
 */
import { describe, expect, it } from "vitest";
import { defaultScenarioJson, parseScenario, type InventoryRow } from "../../src/scenario";

type Json = Record<string, unknown>;

function withRows(rows: readonly Json[]): Json {
  const s = defaultScenarioJson("ws2022") as Json;
  return { ...s, inventory: rows };
}

const row = (name: string, extra: Json = {}): Json => ({
  name,
  cores: 4,
  cpuGhz: "2.5",
  memoryGiB: "16",
  ...extra,
});

describe("parseScenario's inventory rows", () => {
  it("judges a repeated text by each field's own rule, on every row", () => {
    // "0" is a valid disk size but not a clock (above 0); "1.5" is a clock but not a peak (0–1).
    const r = parseScenario(
      withRows([
        row("A", { storageGiB: "0", cpuGhz: "0" }),
        row("B", { storageGiB: "0", cpuGhz: "0", peakCpuUtilization: "1.5" }),
        row("C", { cpuGhz: "1.5", peakCpuUtilization: "1.5" }),
      ])
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual([
      "inventory[0].cpuGhz",
      "inventory[1].cpuGhz",
      "inventory[1].peakCpuUtilization",
      "inventory[2].peakCpuUtilization",
    ]);
  });

  it("gives rows that repeat a text the same value", () => {
    const r = parseScenario(withRows([row("A"), row("B"), row("C", { cpuGhz: " 2.5 " })]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const inv = r.scenario.inventory as readonly InventoryRow[];
    expect(inv.map((x) => x.cpuGhz.toString())).toEqual(["2.5", "2.5", "2.5"]);
    expect(inv.map((x) => x.storageGiB.toString())).toEqual(["100", "100", "100"]);
    expect(Object.keys(inv[0]!)).toEqual([
      "name",
      "count",
      "os",
      "cores",
      "cpuGhz",
      "peakCpuUtilization",
      "averageCpuUtilization",
      "memoryGiB",
      "storageGiB",
      "powerWatts",
      "rackUnits",
      "stayPhysical",
    ]);
  });

  it("finds an average above the peak by less than a double can tell", () => {
    // Both round to the double 0.3; only the decimals show the average is higher.
    const r = parseScenario(
      withRows([
        row("A", { peakCpuUtilization: "0.3", averageCpuUtilization: "0.3" }),
        row("B", {
          peakCpuUtilization: "0.3",
          averageCpuUtilization: "0.30000000000000000001",
        }),
        row("C", { peakCpuUtilization: "0.29", averageCpuUtilization: "0.3" }),
      ])
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.expected])).toEqual([
      ["inventory[1].averageCpuUtilization", "at most the peak (0.3)"],
      ["inventory[2].averageCpuUtilization", "at most the peak (0.29)"],
    ]);
  });

  it("names the first row of a duplicate name, however far back", () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(`S-${i}`));
    rows.push(row("s-3"), row("S-11"));
    const r = parseScenario(withRows(rows));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.message.match(/first at (\S+);/)?.[1]])).toEqual([
      ["inventory[12].name", "inventory[3].name"],
      ["inventory[13].name", "inventory[11].name"],
    ]);
  });
});
