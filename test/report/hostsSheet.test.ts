/**
 * `TCO Hosts`: the candidate table where the reader looks for it (HOSTS_LAYOUT), every option ×
 * candidate as engine values with the bought one marked, the chart of TCO by candidate over
 * the table's cells, and the round trip of the candidates through the sheet.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cellAddress, parseRange } from "../../src/report/a1";
import { buildReport } from "../../src/report/build";
import { scenarioFromSheets } from "../../src/report/readback";
import { HOSTS_LAYOUT, SHEETS } from "../../src/report/sheetLayout";
import { parseScenario, scenarioToJson, type Scenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { REPO_ROOT } from "../support/paths";
import { planCellAt, usedRange, withCell } from "./sheetCells";

function example(name: string): Scenario {
  const r = parseScenario(
    JSON.parse(readFileSync(join(REPO_ROOT, "assets", "examples", `${name}.json`), "utf8"))
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

const scenario = example("host-sweep-2025");
const analysis = analyze(scenario, { sensitivity: false });
const plan = buildReport(scenario, analysis);
const sheet = (name: string) => {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no ${name}`);
  return s;
};

describe("TCO Hosts", () => {
  it("lists the candidates from HOSTS_LAYOUT.firstRow, name in column A, price in its column", () => {
    const hosts = sheet(SHEETS.hosts);
    scenario.hostOptions?.forEach((h, i) => {
      const row = HOSTS_LAYOUT.firstRow - 1 + i;
      expect(planCellAt(hosts, cellAddress(row, 0))?.v).toBe(h.name);
      expect(planCellAt(hosts, cellAddress(row, HOSTS_LAYOUT.columns.indexOf("price")))?.v).toBe(
        h.price.toNumber()
      );
    });
  });

  it("charts TCO by candidate, one series per eligible option, over engine values", () => {
    const hosts = sheet(SHEETS.hosts);
    const [chart] = hosts.charts;
    expect(chart?.id).toBe("tcoByHost");
    const r = parseRange(chart?.dataRange ?? "A1");
    const eligible = analysis.options.filter((o) => o.eligible);
    expect(r.right - r.left).toBe(eligible.length);
    expect(r.bottom - r.top).toBe(scenario.hostOptions?.length);
    // First series, second candidate: that option's sweep entry, to the cent.
    const first = eligible[0];
    expect(planCellAt(hosts, cellAddress(r.top + 2, r.left + 1))?.v).toBe(
      Number(first?.hostSweep[1]?.tco.toFixed(2))
    );
  });

  it("each option's Cashflow formulas read its bought candidate's price on TCO Hosts", () => {
    const cashflow = sheet(SHEETS.cashflow);
    const formulas = cashflow.blocks.flatMap((b) => b.cells.flat()).map((c) => c.f ?? "");
    const priceCol = String.fromCharCode(65 + HOSTS_LAYOUT.columns.indexOf("price"));
    const datacenter = analysis.options.find((o) => o.id === "datacenter");
    const chosen = datacenter?.hostSweep.findIndex((e) => e.chosen) ?? -1;
    const ref = `'TCO Hosts'!$${priceCol}$${HOSTS_LAYOUT.firstRow + chosen}`;
    expect(formulas.some((f) => f.includes(ref))).toBe(true);
    expect(formulas.some((f) => f.includes("hv_HostPrice"))).toBe(false);
  });

  it("reads the candidates back, and places a bad cell's issue on TCO Hosts", () => {
    const inputs = usedRange(sheet(SHEETS.inputs));
    const inventory = usedRange(sheet(SHEETS.inventory));
    const hosts = usedRange(sheet(SHEETS.hosts));
    const back = scenarioFromSheets(inputs, inventory, {}, hosts);
    expect(back.ok && scenarioToJson(back.scenario)["hostOptions"]).toEqual(
      scenarioToJson(scenario)["hostOptions"]
    );
    const ram = cellAddress(HOSTS_LAYOUT.firstRow, HOSTS_LAYOUT.columns.indexOf("memoryGiB"));
    const bad = scenarioFromSheets(inputs, inventory, {}, withCell(hosts, ram, -4));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path)).toEqual([`TCO Hosts!${ram}`]);
  });
});

describe("assumptions register: candidate host prices", () => {
  it("flags a catalog node's price as uncertain (indicative) and a typed one as entered", async () => {
    const { assumptionsRegister } = await import("../../src/report/assumptions");
    const { defaultSections } = await import("../../src/scenario");
    const json = scenarioToJson(scenario);
    const options = json["hostOptions"] as Record<string, unknown>[];
    const edited = parseScenario({
      ...json,
      hostOptions: [{ ...options[0], price: "8500" }, ...options.slice(1)],
    });
    if (!edited.ok) throw new Error("invalid");
    const rows = assumptionsRegister(edited.scenario, [], defaultSections("ws2025")).filter((r) =>
      r.path.startsWith("hostOptions")
    );
    expect(rows.map((r) => [r.path, r.kind])).toEqual([
      ["hostOptions[0].price", "changed"],
      ...options.slice(1).map((_, i) => [`hostOptions[${i + 1}].price`, "uncertain"]),
    ]);
    expect(rows[1]?.source).toContain("indicative");
  });
});
