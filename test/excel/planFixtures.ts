/**
 * Synthetic scenarios and workbook plans for the writer tests: the real Inputs and Inventory
 * sheets (the report's own builders), and other report sheets shaped like the real
 * ones (a per-server capacity listing, formulas over named inputs and other sheets, structured
 * references, native charts with combo overrides). Not for proving numbers.
 */
import { blockRange, cellAddress } from "../../src/report/a1";
import { SHEETS } from "../../src/report/sheetLayout";
import type { CellBlock, PlanCell, SheetPlan, WorkbookPlan } from "../../src/report/workbookPlan";
import {
  EXAMPLE_INVENTORY,
  defaultScenarioJson,
  parseScenario,
  type Scenario,
} from "../../src/scenario";
import { inputsSheetOf, inventoryCell, inventorySheetOf } from "../report/sheetCells";

/** A valid ws2008r2 scenario with `servers` inventory rows (the example rows, then generated ones). */
export function syntheticScenario(servers: number): Scenario {
  const inventory = Array.from({ length: servers }, (_, i) => {
    const example = EXAMPLE_INVENTORY[i];
    if (example) return { ...example };
    return {
      name: `SRV-${String(i + 1).padStart(5, "0")}`,
      count: 1 + (i % 3),
      os: i % 4 === 0 ? "linux" : "windows",
      cores: 2 + (i % 7),
      cpuGhz: ["2.4", "2.66", "2.93", "3.0"][i % 4],
      peakCpuUtilization: "0.35",
      averageCpuUtilization: "0.1",
      memoryGiB: String(4 + (i % 29)),
      storageGiB: String(80 + (i % 500)),
      powerWatts: "219",
      rackUnits: 1 + (i % 2),
    };
  });
  const parsed = parseScenario(defaultScenarioJson("ws2008r2", inventory));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  return parsed.scenario;
}

const c = (v: PlanCell["v"], f?: string, fmt?: string): PlanCell => ({
  v,
  ...(f !== undefined ? { f } : {}),
  ...(fmt !== undefined ? { fmt } : {}),
});

const sheet = (name: string, blocks: CellBlock[], extra: Partial<SheetPlan> = {}): SheetPlan => ({
  name,
  purpose: `${name} (synthetic)`,
  columnWidths: [28, 14, 14, 14],
  blocks,
  styles: [],
  tables: [],
  charts: [],
  ...extra,
});

/** A report plan for `scenario`, shaped like the real one. */
export function syntheticPlan(scenario: Scenario): WorkbookPlan {
  const inputs = inputsSheetOf(scenario);
  const n = scenario.inventory.length;

  // One row per server, in few columns: with the real Inventory sheet (which already computes
  // each server's CPU demand), the plan for 10,000 servers weighs about what the real report does.
  const capacityRows: PlanCell[][] = [
    ["Server", "Host", "Cluster", "vCPUs", "Memory (GiB)"].map((v) => c(v)),
  ];
  scenario.inventory.forEach((row, i) => {
    const inv = (key: string): string => `'TCO Inventory'!${inventoryCell(i, key)}`;
    capacityRows.push([
      c(row.name, `=${inv("name")}`),
      c(`H-${String(1 + Math.floor(i / 12)).padStart(4, "0")}`),
      c(1 + Math.floor(i / 192)),
      c(row.cores, undefined, "0"),
      c(row.memoryGiB.toNumber(), `=${inv("memoryGiB")}+hv_VmMemoryOverheadGiB`, "#,##0.0"),
    ]);
  });
  const hosts = Math.ceil(n / 12) + 1;

  const years = scenario.finance.horizonYears;
  const cash: PlanCell[][] = [["Year", "Annual saving", "Cumulative"].map((v) => c(v))];
  for (let y = 0; y <= years; y++) {
    const r = cash.length + 1;
    cash.push([
      c(y),
      c(
        y === 0 ? -50000 : 20000,
        y === 0 ? "=-hv_HostPrice*'TCO Capacity'!B1" : "=20000",
        "#,##0.00"
      ),
      c(y === 0 ? -50000 : -50000 + 20000 * y, y === 0 ? `=B${r}` : `=C${r - 1}+B${r}`, "#,##0.00"),
    ]);
  }

  const summaryRows: PlanCell[][] = [
    [c(`TCO summary — ${scenario.name}`), c(null), c(null)],
    [c("Option"), c("Physical"), c("Hyper-V")],
    [
      c("Total TCO"),
      c(250000, "=SUM('TCO Cashflow'!B2:B7)*-1", "#,##0"),
      c(180000, "=hv_HostPrice*TCO_Capacity_Hosts", "#,##0"),
    ],
    [
      c("Servers"),
      c(n, "=ROWS(hvInventory[Name])", "0"),
      c(n, "=COUNTA(hvInventory[[#Data],[Name]])", "0"),
    ],
    [c("Note"), c("See 'TCO Summary'!B3", `="See 'TCO Summary'!B3"`), c(null)],
  ];

  const sensitivity: PlanCell[][] = [
    [c("Input"), c("Low"), c("High")],
    [
      c("Host price"),
      c(-12000, "=-0.2*hv_HostPrice*4", "#,##0"),
      c(12000, "=0.2*hv_HostPrice*4", "#,##0"),
    ],
    [c("Discount rate"), c(-3000), c(3100)],
  ];

  const sheets: SheetPlan[] = [
    sheet(SHEETS.summary, [{ topLeft: "A1", cells: summaryRows }], {
      tabColor: "#1F4E79",
      styles: [
        { range: "A1", style: { bold: true, fontSize: 14 } },
        { range: "A2:C2", style: { bold: true, fill: "#DDEBF7", borderBottom: true } },
      ],
      charts: [
        {
          id: "tcoByOption",
          kind: "columnClustered",
          title: "TCO per option",
          dataSheet: SHEETS.summary,
          dataRange: "A2:C3",
          seriesBy: "columns",
          anchor: { from: "E2", to: "L18" },
          legend: "bottom",
          valueAxisTitle: "USD",
          valueAxisFormat: "#,##0",
          gapWidth: 80,
          seriesColors: ["#A5A5A5", "#2E75B6"],
        },
        {
          id: "cumulative",
          kind: "columnClustered",
          title: "Cumulative cash flow",
          dataSheet: SHEETS.cashflow,
          dataRange: `A1:C${cash.length}`,
          seriesBy: "columns",
          anchor: { from: "E20", to: "L36" },
          legend: "right",
          categoryAxisTitle: "Year",
          categoryLabelsLow: true,
          seriesOverrides: [{ index: 1, kind: "line", secondaryAxis: true }],
        },
      ],
      print: { orientation: "landscape", fitToWidth: true },
    }),
    inputs.sheet,
    inventorySheetOf(scenario),
    sheet(
      SHEETS.capacity,
      [
        // No number format: the writer skips numberFormat for such a block.
        { topLeft: "A1", cells: [[c("Hosts"), c(hosts)]] },
        { topLeft: "A3", cells: capacityRows },
      ],
      {
        styles: [
          {
            range: blockRange("A3", 1, capacityRows[0]?.length ?? 0),
            style: { bold: true, borderBottom: true, borderTop: true },
          },
        ],
        freeze: { rows: 3, columns: 0 },
      }
    ),
    sheet(SHEETS.licensing, [
      {
        topLeft: "A1",
        cells: [
          [c("Edition"), c("Cost")],
          [
            c("Datacenter"),
            c(2405 * hosts * 2, "=hv_PriceDatacenter*'TCO Capacity'!B1*hv_HostSockets", "#,##0.00"),
          ],
        ],
      },
    ]),
    sheet(SHEETS.cashflow, [{ topLeft: "A1", cells: cash }], {}),
    sheet(SHEETS.sensitivity, [{ topLeft: "A1", cells: sensitivity }], {
      charts: [
        {
          id: "tornado",
          kind: "barClustered",
          title: "Sensitivity",
          dataSheet: SHEETS.sensitivity,
          dataRange: "A1:C3",
          seriesBy: "columns",
          anchor: { from: "E1", to: "L16" },
          legend: "none",
          reverseCategories: true,
          overlap: 100,
        },
      ],
    }),
  ];

  return {
    generator: "synthetic test plan",
    scenarioName: scenario.name,
    sheets,
    definedNames: [
      ...inputs.names,
      { name: "TCO_Capacity_Hosts", ref: "'TCO Capacity'!$B$1", comment: "Hosts needed" },
    ],
  };
}

/** Every block of a plan as (sheet, address) pairs — what the writer must write. */
export function planBlockAddresses(plan: WorkbookPlan): { sheet: string; address: string }[] {
  return plan.sheets.flatMap((s) =>
    s.blocks.map((b) => ({
      sheet: s.name,
      address: blockRange(b.topLeft, b.cells.length, b.cells[0]?.length ?? 0),
    }))
  );
}

export { cellAddress };
