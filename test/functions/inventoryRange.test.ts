/** The inventory range layouts HOSTS reads: header names, column order, headerless rows, blanks. */
import { describe, expect, it } from "vitest";
import {
  COMPUTED_INVENTORY_HEADERS,
  fieldOfHeader,
  hasHeaderRow,
  readInventoryRange,
} from "../../src/functions/inventoryRange";
import { hostsImpl } from "../../src/functions/logic";
import { buildReport } from "../../src/report/build";
import { INVENTORY_LAYOUT, SHEETS } from "../../src/report/sheetLayout";
import { inventoryHeader } from "../../src/report/readback";
import { INVENTORY_FIELDS } from "../../src/scenario";
import { analyze } from "../../src/tco/analyze";
import { exampleScenarios, inventoryRange, tableValues, thrownBy } from "./support";

/** Inventory fields without a default (a column only when a row has them). */
const V2_FIELDS = [
  "storageInUseGiB",
  "measuredPercentile",
  "measuredCpuUtilization",
  "measuredMemoryGiB",
  "averageDiskMBps",
  "averageNetworkMBps",
];

describe("header names", () => {
  it.each(INVENTORY_FIELDS.map((f) => [f.key, f]))(
    "%s: key, label and the report's 'label (unit)', any case",
    (_, f) => {
      for (const header of [
        f.key,
        f.label,
        inventoryHeader(f),
        f.key.toUpperCase(),
        ` ${f.label.toLowerCase()}  `,
      ]) {
        expect(fieldOfHeader(header)).toBe(f.key);
      }
    }
  );

  it("names nothing for other text and for non-text", () => {
    expect(fieldOfHeader("Memory")).toBeUndefined();
    expect(fieldOfHeader(4)).toBeUndefined();
    expect(fieldOfHeader(null)).toBeUndefined();
  });

  it("skips exactly the computed columns of the report's TCO Inventory table", () => {
    const { scenario } = exampleScenarios()[0]!;
    const header = tableValues(
      buildReport(scenario, analyze(scenario)),
      SHEETS.inventory,
      INVENTORY_LAYOUT.tableName
    )[0];
    // The book example has no measured use: those fields get no column.
    expect(header).toEqual([
      ...INVENTORY_FIELDS.filter((f) => f.required || !V2_FIELDS.includes(f.key)).map(
        (f) => f.label
      ),
      "CPU demand at peak (GHz)",
      "Placement (recommended option)",
    ]);
    // The measured example has them all, and every computed column is one HOSTS skips.
    const measured = exampleScenarios().find((e) => e.file === "s2d-growth-2025.json")!.scenario;
    const wide = tableValues(
      buildReport(measured, analyze(measured, { sensitivity: false })),
      SHEETS.inventory,
      INVENTORY_LAYOUT.tableName
    )[0]!;
    expect(wide.slice(0, INVENTORY_FIELDS.length)).toEqual(INVENTORY_FIELDS.map((f) => f.label));
    expect(wide.slice(INVENTORY_FIELDS.length)).toEqual([
      "CPU demand as sized (GHz)",
      "Sized on",
      "Idle",
      "Placement (recommended option)",
    ]);
    for (const h of wide.slice(INVENTORY_FIELDS.length))
      expect(COMPUTED_INVENTORY_HEADERS).toContain(h);
  });
});

describe("layouts", () => {
  const scenarios = exampleScenarios();
  const modern = scenarios.find((s) => s.scenario.platform === "ws2022")?.scenario;
  if (modern === undefined) throw new Error("no ws2022 example");
  const hostsOf = (range: unknown[][]): number => hostsImpl(range, 32, 768, 1, "ws2022");
  const expected = hostsOf(inventoryRange(modern, "keys"));

  it("a header row is a row of text only", () => {
    expect(hasHeaderRow(["Name", "Cores"])).toBe(true);
    expect(hasHeaderRow(["Server", "CPU", "Memory"])).toBe(true); // reported as unknown headers, not read as a server
    expect(hasHeaderRow(["FILE-01", 1, "windows", 4])).toBe(false);
    expect(hasHeaderRow(["", null])).toBe(false);
  });

  it("reads columns in any order, and only those given (defaults for the rest)", () => {
    const full = inventoryRange(modern, "labels");
    const order = [...full[0]!.keys()].reverse();
    expect(hostsOf(full.map((row) => order.map((c) => row[c])))).toBe(expected);
    // Without the optional columns the defaults apply: the same as those cells left blank.
    const required = [
      "name",
      "cores",
      "cpuGhz",
      "peakCpuUtilization",
      "averageCpuUtilization",
      "memoryGiB",
    ].map((k) => INVENTORY_FIELDS.findIndex((f) => f.key === k));
    const narrow = inventoryRange(modern, "keys").map((row) => required.map((c) => row[c]));
    const blanked = inventoryRange(modern, "keys").map((row, r) =>
      row.map((cell, c) => (r === 0 || required.includes(c) ? cell : ""))
    );
    expect(hostsOf(narrow)).toBe(hostsOf(blanked));
  });

  it("reads a headerless range in INVENTORY_FIELDS order, trailing columns optional", () => {
    expect(hostsOf(inventoryRange(modern, "none"))).toBe(expected);
    const eight = inventoryRange(modern, "none").map((row) => row.slice(0, 8));
    const keysEight = [INVENTORY_FIELDS.slice(0, 8).map((f) => f.key), ...eight];
    expect(hostsOf(eight)).toBe(hostsOf(keysEight));
  });

  it("skips blank rows and still reports the right row", () => {
    const range = [
      ["name", "cores", "cpuGhz", "memoryGiB"],
      ["A", 2, 2.4, 4],
      ["", "", null, ""],
      ["  ", "", "", ""],
      ["B", 2, 2.4, "lots"],
    ];
    const inv = readInventoryRange(range);
    expect(inv.rows).toHaveLength(2);
    expect(inv.rangeRows).toEqual([2, 5]);
    expect(thrownBy(() => hostsOf(range)).message).toMatch(
      /^inventoryRange row 5, column 4 \(memoryGiB\): /
    );
  });

  it("takes a single value or a 1-D list as a one-row range", () => {
    expect(readInventoryRange(["FILE-01", 1]).rows).toEqual([{ name: "FILE-01", count: 1 }]);
    expect(readInventoryRange(7).rows).toEqual([{ name: 7 }]);
    // A lone text is a header row (with no servers under it).
    expect(thrownBy(() => readInventoryRange("FILE-01")).message).toMatch(
      /^inventoryRange column 1 header "FILE-01" is not an inventory field/
    );
  });

  it("keeps cell values as Excel gives them (numbers, booleans) for the parser", () => {
    const inv = readInventoryRange([
      ["name", "cores", "cpuGhz", "memoryGiB", "stayPhysical"],
      ["A", 2, 2.4, 4, true],
    ]);
    expect(inv.rows).toEqual([
      { name: "A", cores: 2, cpuGhz: 2.4, memoryGiB: 4, stayPhysical: true },
    ]);
    expect(inv.columns.get("stayPhysical")).toBe(5);
  });
});
