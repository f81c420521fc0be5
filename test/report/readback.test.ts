import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/money";
import { parseCell } from "../../src/report/a1";
import type { CellBlock, CellValue } from "../../src/report/plan";
import {
  READBACK_MESSAGES,
  inputsSheetCells,
  inventorySheetCells,
  numberText,
  scenarioFromSheets,
  type SheetCells,
} from "../../src/report/readback";
import {
  DEFAULT_SOURCES,
  defaultScenarioJson,
  parseScenario,
  scenarioToJson,
  type Scenario,
} from "../../src/scenario";

function scenarioOf(json: Record<string, unknown>): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const base = scenarioOf(defaultScenarioJson("ws2008r2"));

/** The used range Excel would return for blocks written from A1 (values only, empty as ""). */
function usedRange(blocks: readonly CellBlock[]): { address: string; values: CellValue[][] } {
  const grid: CellValue[][] = [];
  for (const b of blocks) {
    const { row, col } = parseCell(b.topLeft);
    b.cells.forEach((cells, r) => cells.forEach((c, k) => ((grid[row + r] ??= [])[col + k] = c.v)));
  }
  let width = 0;
  for (let r = 0; r < grid.length; r++) width = Math.max(width, grid[r]?.length ?? 0);
  const values = Array.from({ length: grid.length }, (_, r) =>
    Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? "")
  );
  return { address: `'Sheet'!A1:${String.fromCharCode(64 + width)}${grid.length}`, values };
}

/** Sheets for a scenario: the Inputs sheet with a title above its block, the Inventory table. */
function sheetsOf(s: Scenario): {
  inputs: { address: string; values: CellValue[][] };
  inventory: { address: string; values: CellValue[][] };
} {
  return {
    inputs: usedRange([
      { topLeft: "A1", cells: [[{ v: "TCO Inputs" }]] },
      inputsSheetCells(s).block,
    ]),
    inventory: usedRange([inventorySheetCells(s).block]),
  };
}

/** A copy of `cells` with one cell (A1 address within the used range from A1) changed. */
function edit(cells: SheetCells, address: string, value: CellValue): SheetCells {
  const { row, col } = parseCell(address);
  return {
    ...cells,
    values: cells.values.map((line, r) => line.map((v, c) => (r === row && c === col ? value : v))),
  };
}

const inputsCell = (path: string): string => inputsSheetCells(base).valueCells[path] as string;

describe("scenarioFromSheets: round trip", () => {
  it("reads back exactly the scenario the cells were made from", () => {
    const { inputs, inventory } = sheetsOf(base);
    const result = scenarioFromSheets(inputs, inventory);
    expect(result.ok).toBe(true);
    if (result.ok) expect(scenarioToJson(result.scenario)).toEqual(scenarioToJson(base));
  });

  it("round-trips every platform's defaults", () => {
    for (const platform of ["ws2012r2", "ws2016", "ws2019", "ws2022", "ws2025"] as const) {
      const s = scenarioOf(defaultScenarioJson(platform));
      const { inputs, inventory } = sheetsOf(s);
      const result = scenarioFromSheets(inputs, inventory);
      expect(result.ok && scenarioToJson(result.scenario)).toEqual(scenarioToJson(s));
    }
  });

  it("finds inputs by key, so rows may be reordered and columns inserted", () => {
    const { inputs, inventory } = sheetsOf(base);
    const rows = [...inputs.values];
    const moved = [...rows.slice(0, 4), ...rows.slice(4).reverse()].map((line) => [
      "extra",
      ...line,
    ]);
    const result = scenarioFromSheets({ address: "A1:G99", values: moved }, inventory);
    expect(result.ok && scenarioToJson(result.scenario)).toEqual(scenarioToJson(base));
  });
});

describe("scenarioFromSheets: cell values", () => {
  const { inputs, inventory } = sheetsOf(base);
  const read = (cells: SheetCells, inv: SheetCells = inventory): Scenario => {
    const r = scenarioFromSheets(cells, inv);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.scenario;
  };

  it("turns doubles into the decimal Excel shows (0.1 → 0.1, 0.1+0.2 → 0.3)", () => {
    expect(
      read(edit(inputs, inputsCell("finance.discountRate"), 0.1)).finance.discountRate.toString()
    ).toBe("0.1");
    expect(
      read(
        edit(inputs, inputsCell("finance.discountRate"), 0.1 + 0.2)
      ).finance.discountRate.toString()
    ).toBe("0.3");
    expect(
      read(
        edit(inputs, inputsCell("housing.electricityPerKWh"), 0.1016)
      ).housing.electricityPerKWh.toString()
    ).toBe("0.1016");
  });

  it("lets an empty cell take the default", () => {
    const s = read(edit(inputs, inputsCell("finance.discountRate"), ""));
    expect(s.finance.discountRate.toString()).toBe("0.07");
    // An empty optional inventory cell: storage falls back to physical.defaultStorageGiB (100).
    const s2 = read(inputs, edit(inventory, "I2", null));
    expect(s2.inventory[0]?.storageGiB.toString()).toBe("100");
  });

  it("reads lists comma-separated and TRUE/FALSE typed as text", () => {
    let cells = edit(inputs, inputsCell("licensing.options"), " standard,datacenter , ");
    cells = edit(cells, inputsCell("licensing.clusterAware"), "FALSE");
    const s = read(cells);
    expect(s.licensing.options).toEqual(["standard", "datacenter"]);
    expect(s.licensing.clusterAware).toBe(false);
  });

  it("reads a number typed where text is expected as its text (a scenario named 2010)", () => {
    expect(read(edit(inputs, inputsCell("name"), 2010)).name).toBe("2010");
  });
});

describe("scenarioFromSheets: problems are placed at their cells", () => {
  const { inputs, inventory } = sheetsOf(base);

  it("names the inventory cell of a bad server value (row 9 = the 8th server)", () => {
    const eight = scenarioOf(
      defaultScenarioJson(
        "ws2008r2",
        Array.from({ length: 8 }, (_, i) => ({
          name: `S${i}`,
          cores: 2,
          cpuGhz: "2",
          memoryGiB: "4",
        }))
      )
    );
    const inv = edit(usedRange([inventorySheetCells(eight).block]), "D9", 0);
    const result = scenarioFromSheets(inputs, inv);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toEqual(["TCO Inventory!D9"]);
      expect(result.issues[0]?.received).toBe("0");
    }
  });

  it("names the Inputs value cell of a bad input", () => {
    const result = scenarioFromSheets(
      edit(inputs, inputsCell("finance.discountRate"), 2),
      inventory
    );
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual([
      `TCO Inputs!${inputsCell("finance.discountRate")}`,
    ]);
    expect(inputsCell("finance.discountRate")).toBe("C9");
  });

  it("places cross-field and list-item problems on their input's cell", () => {
    const result = scenarioFromSheets(
      edit(inputs, inputsCell("licensing.options"), "standard, hyperv, standard"),
      inventory
    );
    const at = `TCO Inputs!${inputsCell("licensing.options")}`;
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual([at, at]);
  });

  it("rewrites JSON paths inside messages to cells (a duplicate server name)", () => {
    const result = scenarioFromSheets(inputs, edit(inventory, "A3", "FILE-01"));
    // The parser's own wording is src/scenario's; the reader only swaps its JSON paths for cells.
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(["TCO Inventory!A3"]);
    const message = result.ok ? "" : (result.issues[0]?.message ?? "");
    expect(message).toContain("first at TCO Inventory!A2");
    expect(message).not.toMatch(/inventory\[/);
  });

  it("reports an unknown or repeated key, an unknown column and a missing required column", () => {
    const keyCell = `F${parseCell(inputsCell("finance.discountRate")).row + 1}`;
    let cells = edit(inputs, keyCell, "finance.discountRat");
    cells = edit(cells, `F${parseCell(inputsCell("finance.horizonYears")).row + 1}`, "currency");
    // "Cont" is a typo of Count; "Memory" is just another column, so RAM is missing.
    const inv = edit(edit(inventory, "B1", "Cont"), "H1", "Memory");
    const result = scenarioFromSheets(cells, inv);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.slice(0, 4).map((i) => [i.path, i.message])).toEqual([
        ["TCO Inputs!F8", READBACK_MESSAGES.duplicateKey("currency", "TCO Inputs!F6")],
        ["TCO Inputs!F9", READBACK_MESSAGES.unknownKey("finance.discountRat")],
        [
          "TCO Inventory!B1",
          expect.stringContaining('Column "Cont" looks like a misspelt inventory field'),
        ],
        ["TCO Inventory!A1", READBACK_MESSAGES.missingColumn("RAM (GiB)")],
      ]);
    }
  });

  it("ignores columns that are not inventory fields (the report's computed ones, notes)", () => {
    const wider = {
      address: inventory.address,
      values: inventory.values.map((line, r) => [
        ...line,
        r === 0 ? "Placement (recommended option)" : "host 1",
        r === 0 ? "Notes" : "x",
      ]),
    };
    const result = scenarioFromSheets(inputs, wider);
    expect(result.ok && scenarioToJson(result.scenario)).toEqual(scenarioToJson(base));
  });

  it("reports an empty inventory at its first data row", () => {
    const header = { address: "A1:L1", values: [inventory.values[0] as CellValue[]] };
    const result = scenarioFromSheets(inputs, header);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(["TCO Inventory!A2"]);
  });
});

describe("inputsSheetCells", () => {
  const cells = inputsSheetCells(base);

  it("lays inputs out from the header on row 4: Section, Input, Value, Unit, Source, Key", () => {
    expect(cells.block.topLeft).toBe("A4");
    expect(cells.block.cells[0]?.map((c) => c.v)).toEqual([
      "Section",
      "Input",
      "Value",
      "Unit",
      "Source",
      "Key",
    ]);
    // Row 9: finance.discountRate, 0.07 as a percentage, with its documented source.
    expect(cells.block.cells[5]?.map((c) => c.v)).toEqual([
      null,
      "Discount rate",
      0.07,
      "fraction",
      DEFAULT_SOURCES["finance.discountRate"],
      "finance.discountRate",
    ]);
    expect(cells.block.cells[5]?.[2]?.fmt).toBe("0.0##%");
  });

  it("gives every input a defined name on its value cell", () => {
    expect(cells.definedNames.find((d) => d.name === "hv_DiscountRate")?.ref).toBe(
      "'TCO Inputs'!$C$9"
    );
    expect(cells.definedNames.find((d) => d.name === "hv_HostPrice")?.ref).toBe(
      `'TCO Inputs'!$${inputsCell("host.price").replace(/(\d+)/, "$$$1")}`
    );
    expect(new Set(cells.definedNames.map((d) => d.name)).size).toBe(cells.definedNames.length);
  });

  it("shows the currency in units and marks values that differ from the defaults", () => {
    const changed = scenarioOf({
      ...defaultScenarioJson("ws2008r2"),
      currency: "EUR",
      housing: { electricityPerKWh: "0.2" },
    });
    const rows = inputsSheetCells(changed).block.cells;
    const tariff = rows.find((r) => r[5]?.v === "housing.electricityPerKWh");
    expect(tariff?.map((c) => c.v).slice(2, 5)).toEqual([
      0.2,
      "EUR per kWh",
      "Entered for this scenario",
    ]);
  });
});

describe("numberText", () => {
  it("gives the shortest text, rounded to Excel's 15 significant digits", () => {
    expect([0.1, 0.1 + 0.2, 1e21, 1.5e-7, -0, 9000, 2 / 3].map(numberText)).toEqual([
      "0.1",
      "0.3",
      "1e+21",
      "1.5e-7",
      "0",
      "9000",
      "0.666666666666667",
    ]);
  });

  it("reads back any decimal of up to 15 significant digits exactly (property)", () => {
    const decimalText = fc
      .tuple(
        fc.bigInt({ min: 0n, max: 999_999_999_999_999n }),
        fc.integer({ min: -20, max: 20 }),
        fc.boolean()
      )
      .map(([digits, exp, neg]) => `${neg ? "-" : ""}${digits}e${exp}`);
    fc.assert(
      fc.property(decimalText, (text) => {
        expect(new Dec(numberText(Number(text))).eq(new Dec(text))).toBe(true);
      })
    );
  });
});
