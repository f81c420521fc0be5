import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/money";
import { columnIndex, rangeAddress } from "../../src/report/a1";
import { INPUTS_LAYOUT, INVENTORY_LAYOUT, SHEETS } from "../../src/report/sheetLayout";
import type { CellValue, SheetPlan } from "../../src/report/workbookPlan";
import {
  READBACK_MESSAGES,
  excelSerialToIso,
  numberText,
  scenarioFromSheets,
  type SheetCells,
} from "../../src/report/readback";
import {
  INPUT_FIELDS,
  DEFAULT_SOURCES,
  INVENTORY_FIELDS,
  SECTIONS,
  defaultScenarioJson,
  parseScenario,
  scenarioToJson,
  type Scenario,
} from "../../src/scenario";
import {
  inputKeyCell,
  inputRow,
  inputValueCell,
  inputsSheetOf,
  inventoryCell,
  inventoryHeaderCell,
  inventorySheetOf,
  planCellAt,
  usedRange,
  withCell as edit,
  type UsedRange,
} from "./sheetCells";

function scenarioOf(json: Record<string, unknown>): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const base = scenarioOf(defaultScenarioJson("ws2008r2"));

/** The used ranges of the Inputs and Inventory sheets the report writes for a scenario. */
function sheetsOf(s: Scenario): { inputs: UsedRange; inventory: UsedRange } {
  return {
    inputs: usedRange(inputsSheetOf(s).sheet),
    inventory: usedRange(inventorySheetOf(s)),
  };
}

const baseInputs = inputsSheetOf(base);
const inputsCell = (path: string): string => inputValueCell(baseInputs.sheet, path);

describe("scenarioFromSheets: round trip of the v2 inputs", () => {
  it("reads back S2D storage, growth (a blank per-resource rate stays blank), measured use and idle settings", () => {
    const json = defaultScenarioJson("ws2025", [
      {
        name: "SQL",
        cores: 8,
        cpuGhz: "2.5",
        memoryGiB: "32",
        storageInUseGiB: "400",
        measuredPercentile: "p95",
        measuredCpuUtilization: "0.3",
        measuredMemoryGiB: "12.5",
        averageDiskMBps: "4",
        averageNetworkMBps: "0.02",
      },
      { name: "WEB", cores: 2, cpuGhz: "2.5", memoryGiB: "4" },
    ]);
    json["storage"] = { ...(json["storage"] as object), kind: "s2d", resiliency: "dual-parity" };
    json["growth"] = { ratePerYear: "0.1", storageRatePerYear: "0.25" };
    json["demand"] = { ...(json["demand"] as object), retireIdle: true, comfortFactor: "1.2" };
    const s = scenarioOf(json);
    const { inputs, inventory } = sheetsOf(s);
    const result = scenarioFromSheets(inputs, inventory);
    expect(result.ok && scenarioToJson(result.scenario)).toEqual(scenarioToJson(s));
    if (result.ok) expect(result.scenario.growth.cpuRatePerYear).toBeUndefined();
  });
});

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
    const head = INPUTS_LAYOUT.headerRow;
    const moved = [...rows.slice(0, head), ...rows.slice(head).reverse()].map((line) => [
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
    const s2 = read(inputs, edit(inventory, inventoryCell(0, "storageGiB"), null));
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

  it("reads a date typed into a date input (Excel keeps a serial) as YYYY-MM-DD", () => {
    // Excel serial 46660 = 2027-09-30 (days since 1899-12-30); text as written stays text.
    const typed = read(edit(inputs, inputsCell("licensing.vmware.renewalDate"), 46660));
    expect(typed.licensing.vmware.renewalDate).toBe("2027-09-30");
    expect(excelSerialToIso(46388)).toBe("2027-01-01");
    const written = read(edit(inputs, inputsCell("finance.startDate"), "2027-01-04"));
    expect(written.finance.startDate).toBe("2027-01-04");
  });
});

describe("scenarioFromSheets: problems are placed at their cells", () => {
  const { inputs, inventory } = sheetsOf(base);

  it("names the inventory cell of a bad server value (D9 = the 8th server's cores)", () => {
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
    const cores = inventoryCell(7, "cores");
    expect(cores).toBe("D9");
    const inv = edit(usedRange(inventorySheetOf(eight)), cores, 0);
    const result = scenarioFromSheets(inputs, inv);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toEqual([`${SHEETS.inventory}!${cores}`]);
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
    const second = inventoryCell(1, "name");
    expect(second).toBe("A3");
    const result = scenarioFromSheets(
      inputs,
      edit(inventory, second, base.inventory[0]?.name ?? "")
    );
    // The parser's own wording is src/scenario's; the reader only swaps its JSON paths for cells.
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual([
      `${SHEETS.inventory}!${second}`,
    ]);
    const message = result.ok ? "" : (result.issues[0]?.message ?? "");
    expect(message).toContain(`first at ${SHEETS.inventory}!${inventoryCell(0, "name")}`);
    expect(message).not.toMatch(/inventory\[/);
  });

  it("reports an unknown or repeated key, an unknown column and a missing required column", () => {
    const keyOf = (path: string): string => inputKeyCell(baseInputs.sheet, path);
    expect([
      keyOf("currency"),
      keyOf("finance.horizonYears"),
      keyOf("finance.discountRate"),
    ]).toEqual(["F6", "F8", "F9"]);
    let cells = edit(inputs, keyOf("finance.discountRate"), "finance.discountRat");
    cells = edit(cells, keyOf("finance.horizonYears"), "currency");
    // "Cont" is a typo of Count; "Memory" is just another column, so RAM is missing.
    const count = inventoryHeaderCell("count");
    const inv = edit(edit(inventory, count, "Cont"), inventoryHeaderCell("memoryGiB"), "Memory");
    const result = scenarioFromSheets(cells, inv);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const onInputs = (cell: string): string => `${SHEETS.inputs}!${cell}`;
      expect(result.issues.slice(0, 4).map((i) => [i.path, i.message])).toEqual([
        [
          onInputs(keyOf("finance.horizonYears")),
          READBACK_MESSAGES.duplicateKey("currency", onInputs(keyOf("currency"))),
        ],
        [
          onInputs(keyOf("finance.discountRate")),
          READBACK_MESSAGES.unknownKey("finance.discountRat"),
        ],
        [
          `${SHEETS.inventory}!${count}`,
          expect.stringContaining('Column "Cont" looks like a misspelt inventory field'),
        ],
        [
          `${SHEETS.inventory}!${inventoryHeaderCell("name")}`,
          READBACK_MESSAGES.missingColumn("RAM (GiB)"),
        ],
      ]);
    }
  });

  it("ignores columns that are not inventory fields (the report's computed ones, notes)", () => {
    // The report's table already ends in computed columns (CPU demand, placement)…
    expect(inventory.values[0]).toEqual(
      expect.arrayContaining(["CPU demand at peak (GHz)", "Placement (recommended option)"])
    );
    // …(fields without a default and no value, such as measured CPU, get no column)…
    expect(inventory.values[0]).not.toContain("Measured CPU");
    expect(inventory.values[0]?.length).toBeGreaterThan(
      INVENTORY_FIELDS.filter((f) => !f.key.startsWith("measured")).length - 3
    );
    // …and a user may add their own.
    const wider = {
      address: inventory.address,
      values: inventory.values.map((line, r) => [...line, r === 0 ? "Notes" : "x"]),
    };
    const result = scenarioFromSheets(inputs, wider);
    expect(result.ok && scenarioToJson(result.scenario)).toEqual(scenarioToJson(base));
  });

  it("reports an empty inventory at its first data row", () => {
    const headerRow = inventory.values[0] as CellValue[];
    const top = INVENTORY_LAYOUT.headerRow - 1;
    const address = rangeAddress({ top, left: 0, bottom: top, right: headerRow.length - 1 });
    const result = scenarioFromSheets(inputs, { address, values: [headerRow] });
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual([
      `${SHEETS.inventory}!${inventoryCell(0, "name")}`,
    ]);
  });
});

describe("the Inputs sheet the report builds, as the reader reads it", () => {
  const cells = usedRange(baseInputs.sheet);
  /** An input's row as values (the used range starts at A1, so its rows are the sheet's). */
  const rowOf = (sheet: SheetPlan, path: string): CellValue[] =>
    usedRange(sheet).values[inputRow(sheet, path)] ?? [];
  const col = INPUTS_LAYOUT.columns;

  it("lays inputs out from the header on row 4: Section, Input, Value, Unit, Source, Key", () => {
    expect(cells.address).toBe(
      `'${SHEETS.inputs}'!A1:F${INPUTS_LAYOUT.firstRow - 1 + INPUT_FIELDS.length}`
    );
    const header = cells.values[INPUTS_LAYOUT.headerRow - 1] ?? [];
    expect(header[columnIndex(col.value)]).toBe("Value");
    expect(header[columnIndex(col.key)]).toBe("Key");
    expect(header.slice(0, 6)).toEqual([
      "Section",
      "Input",
      "Value",
      "Unit",
      "Source of the default",
      "Key",
    ]);
    // Every input once, in sheet order, from the first input row.
    expect(INPUT_FIELDS.map((f) => inputRow(baseInputs.sheet, f.path))).toEqual(
      INPUT_FIELDS.map((_, i) => INPUTS_LAYOUT.firstRow - 1 + i)
    );
    // Row 9: finance.discountRate, 0.07 as a percentage, with its documented source.
    expect(inputsCell("finance.discountRate")).toBe("C9");
    expect(rowOf(baseInputs.sheet, "finance.discountRate")).toEqual([
      SECTIONS.find((s) => s.key === "finance")?.title,
      "Discount rate",
      0.07,
      "fraction",
      DEFAULT_SOURCES["finance.discountRate"],
      "finance.discountRate",
    ]);
    expect(planCellAt(baseInputs.sheet, inputsCell("finance.discountRate"))?.fmt).toMatch(/%$/);
  });

  it("gives every input a defined name on its value cell", () => {
    const names = baseInputs.names;
    expect(names.find((d) => d.name === "hv_DiscountRate")?.ref).toBe("'TCO Inputs'!$C$9");
    expect(names.find((d) => d.name === "hv_HostPrice")?.ref).toBe(
      `'TCO Inputs'!$${inputsCell("host.price").replace(/(\d+)/, "$$$1")}`
    );
    expect(names.length).toBe(INPUT_FIELDS.length);
    expect(new Set(names.map((d) => d.name)).size).toBe(names.length);
  });

  it("shows the currency in units and the scenario's own values", () => {
    const changed = scenarioOf({
      ...defaultScenarioJson("ws2008r2"),
      currency: "EUR",
      housing: { electricityPerKWh: "0.2" },
    });
    const tariff = rowOf(inputsSheetOf(changed).sheet, "housing.electricityPerKWh");
    expect(tariff.slice(2, 4)).toEqual([0.2, "EUR per kWh"]);
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
