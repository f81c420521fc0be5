/**
 * The report is a live model: every formula cell, recalculated by a real spreadsheet engine
 * (HyperFormula here; LibreOffice in test/integration), equals the engine's own value — and
 * changing an input in TCO Inputs moves the totals the way the engine says it should.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenario, scenarioToJson, type Scenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { buildReport } from "../../src/report/build";
import { compareWithPlan, formulaCells, recalcPlanWithHyperFormula } from "../support/hyperformula";
import { REPO_ROOT } from "../support/paths";
import type { WorkbookPlan } from "../../src/report/workbookPlan";
import { EXAMPLES as EXAMPLE_FILES } from "../scenario/exampleScenarios";

/** Every bundled example, by the generator's list of assets/examples (no copy to keep in step). */
const EXAMPLES = Object.keys(EXAMPLE_FILES).map((file) => file.replace(/\.json$/, ""));

function example(name: string): Scenario {
  const r = parseScenario(
    JSON.parse(readFileSync(join(REPO_ROOT, "assets", "examples", `${name}.json`), "utf8"))
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

/** Replace the value of one input cell (by its defined name) in a plan. */
function withInput(plan: WorkbookPlan, name: string, value: number): WorkbookPlan {
  const def = plan.definedNames.find((d) => d.name === name);
  if (!def) throw new Error(`no name ${name}`);
  const m = /!\$([A-Z]+)\$(\d+)$/.exec(def.ref);
  const [, col, row] = m as RegExpExecArray;
  return {
    ...plan,
    sheets: plan.sheets.map((s) =>
      s.name !== "TCO Inputs"
        ? s
        : {
            ...s,
            blocks: s.blocks.map((b) => {
              const top = Number(/\d+/.exec(b.topLeft)?.[0]) - 1;
              const left = (/^[A-Z]+/.exec(b.topLeft)?.[0] ?? "A").charCodeAt(0) - 65;
              const r = Number(row) - 1 - top;
              const c = (col as string).charCodeAt(0) - 65 - left;
              return {
                ...b,
                cells: b.cells.map((cells, i) =>
                  i !== r ? cells : cells.map((cell, j) => (j === c ? { ...cell, v: value } : cell))
                ),
              };
            }),
          }
    ),
  };
}

describe.each(EXAMPLES)("report of %s", (name) => {
  const scenario = example(name);
  const analysis = analyze(scenario);
  const plan = buildReport(scenario, analysis);

  it("writes the eight TCO sheets (and TCO Hosts with hostOptions), every input a defined name", () => {
    expect(plan.sheets.map((s) => s.name).sort()).toEqual(
      [
        ...(scenario.hostOptions ? ["TCO Hosts"] : []),
        "TCO Assumptions",
        "TCO Capacity",
        "TCO Cashflow",
        "TCO Inputs",
        "TCO Inventory",
        "TCO Licensing",
        "TCO Sensitivity",
        "TCO Summary",
      ].sort()
    );
    expect(plan.definedNames.map((d) => d.name)).toContain("hv_DiscountRate");
    expect(new Set(plan.definedNames.map((d) => d.name.toLowerCase())).size).toBe(
      plan.definedNames.length
    );
  });

  it("has hundreds of live formulas, and HyperFormula recomputes every one to the engine's value", () => {
    const cells = formulaCells(plan);
    expect(cells.length).toBeGreaterThan(200);
    expect(compareWithPlan(plan, recalcPlanWithHyperFormula(plan))).toEqual([]);
  });

  it("moves the totals as the engine does when an input changes in TCO Inputs", () => {
    // A dearer tariff changes only money, not quantities: the workbook must follow the engine.
    const tariff = scenario.housing.electricityPerKWh.times(1.5);
    const edited = parseScenario({
      ...scenarioToJson(scenario),
      housing: {
        ...(scenarioToJson(scenario)["housing"] as object),
        electricityPerKWh: tariff.toString(),
      },
    });
    if (!edited.ok) throw new Error("edited scenario invalid");
    const expected = buildReport(edited.scenario, analyze(edited.scenario, { sensitivity: false }));
    const recalculated = recalcPlanWithHyperFormula(
      withInput(plan, "hv_ElectricityPerKWh", tariff.toNumber())
    );
    const cashflowCells = formulaCells(expected).filter((c) => c.sheet === "TCO Cashflow");
    const mismatches = cashflowCells.filter((c) => {
      const got = recalculated.get(c.key);
      return (
        typeof c.v === "number" &&
        (typeof got !== "number" || Math.abs(got - c.v) > 0.005 + 1e-9 * Math.abs(c.v))
      );
    });
    expect(mismatches.map((c) => `${c.key}: ${c.v} vs ${String(recalculated.get(c.key))}`)).toEqual(
      []
    );
    // and the change is real: the physical power line moved.
    const before = recalcPlanWithHyperFormula(plan);
    const moved = cashflowCells.filter((c) => before.get(c.key) !== recalculated.get(c.key));
    expect(moved.length).toBeGreaterThan(10);
  });
});

describe("leaving VMware: the renewal quote's prices are live inputs", () => {
  const scenario = example("leaving-vmware-2027");
  const plan = buildReport(scenario, analyze(scenario, { sensitivity: false }));

  it("draws cost over time against the renewal date as a native chart", () => {
    const summary = plan.sheets.find((x) => x.name === "TCO Summary");
    const chart = summary?.charts.find((c) => c.id === "costOverTime");
    expect(chart?.title).toBe("Cost over time: staying vs each path (renewal 2027-09-30)");
    expect(chart?.seriesOverrides).toEqual([{ index: 6, kind: "columnClustered" }]);
  });

  it("names the platform as Microsoft does and says the path saves from the start", () => {
    const summary = plan.sheets.find((x) => x.name === "TCO Summary")!;
    const texts = summary.blocks.flatMap((b) => b.cells.flat()).map((c) => String(c.v));
    expect(
      texts.some((t) => t.includes("discount rate 7 %, Windows Server 2025, prices in USD"))
    ).toBe(true);
    expect(texts.some((t) => /\bws2025\b/.test(t))).toBe(false);
    const savings = summary.charts.find((c) => c.id === "cumulativeSavings");
    expect(savings?.title).toBe("Cumulative savings: VVF + guests saves from the start");
  });

  it("shows each sensitivity input's values as TCO Inputs shows the input, shares in %", () => {
    const withSensitivity = buildReport(scenario, analyze(scenario));
    const cells = (name: string) =>
      withSensitivity.sheets.find((x) => x.name === name)!.blocks[0]!.cells;
    const sensitivity = cells("TCO Sensitivity");
    const inputs = cells("TCO Inputs");
    const rows = analyze(scenario).sensitivity!.rows;
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      const shown = sensitivity.find((r) => r[0]?.v === row.label)!;
      const formats = [1, 2, 3].map((c) => shown[c]?.fmt);
      const entered = inputs.find((r) => r[5]?.v === row.input)?.[2]?.fmt;
      const expected =
        row.input === "licensing.prices" || row.input === "inventory.peakCpuUtilization"
          ? "0.00%"
          : entered;
      expect(expected, row.input).toBeDefined();
      expect(formats, row.input).toEqual([expected, expected, expected]);
    }
    const at = (label: string) => sensitivity.find((r) => r[0]?.v === label)![1]!.fmt;
    expect(at("Discount rate")).toBe("0.00%");
    expect(at("Host price")).toBe('"$"#,##0.00;-"$"#,##0.00');
  });

  it("moves staying and the renewal bought during the move with the VCF price in TCO Inputs", () => {
    // VCF at $400 instead of $350 a core a year: the baseline's subscription (from the renewal
    // date) and the renewal term each moving option buys follow, through the months per year.
    const edited = parseScenario({
      ...scenarioToJson(scenario),
      licensing: {
        ...(scenarioToJson(scenario)["licensing"] as object),
        prices: {
          ...((scenarioToJson(scenario)["licensing"] as Record<string, unknown>)[
            "prices"
          ] as object),
          vcf: "400",
        },
      },
    });
    if (!edited.ok) throw new Error("edited scenario invalid");
    const expected = buildReport(edited.scenario, analyze(edited.scenario, { sensitivity: false }));
    const recalculated = recalcPlanWithHyperFormula(withInput(plan, "hv_PriceVcf", 400));
    const cells = formulaCells(expected).filter(
      (c) => c.sheet === "TCO Cashflow" && typeof c.v === "number"
    );
    const off = cells.filter((c) => {
      const got = recalculated.get(c.key);
      return (
        typeof got !== "number" ||
        Math.abs(got - (c.v as number)) > 0.005 + 1e-9 * Math.abs(c.v as number)
      );
    });
    expect(
      off.map((c) => `${c.key}: ${String(c.v)} vs ${String(recalculated.get(c.key))}`)
    ).toEqual([]);
    const before = recalcPlanWithHyperFormula(plan);
    expect(
      cells.filter((c) => before.get(c.key) !== recalculated.get(c.key)).length
    ).toBeGreaterThan(10);
  });
});
