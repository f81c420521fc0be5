/**
 * Every scenario that validates produces a complete workbook — through the real .xlsx writer
 * and through the Office.js writer (the recording fake) — reproduction 1 of issue 17: a
 * scenario whose only option is ineligible, or whose every cost is 0, made `report` crash
 * with a stack trace and no file. Each of the summary's six chart places holds a chart or a
 * sentence saying why there is none; the recommendation never points at a sheet.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writePlan } from "../../src/excel";
import { withOwnershipTags } from "../../src/report/ownershipTags";
import { parseRange } from "../../src/report/a1";
import { buildReport } from "../../src/report/build";
import { SHEETS } from "../../src/report/sheetLayout";
import { REPORT_MESSAGES } from "../../src/report/messages";
import type { WorkbookPlan } from "../../src/report/workbookPlan";
import { defaultScenarioJson, parseScenario, type Scenario } from "../../src/scenario";
import { analyze, moneyLimitIssues } from "../../src/tco";
import { writeXlsx } from "../../src/xlsx";
import { FakeExcel } from "../excel/fakeExcel";
import { validScenario } from "../support/scenarioArbitrary";
import { crossPartProblems, unzipParts } from "../xlsx/packageChecks";

afterEach(() => vi.unstubAllGlobals());

/** The texts the summary's chart places hold when they have no chart. */
const NOTES = new Set<string>(
  Object.values(REPORT_MESSAGES as Record<string, unknown>).filter(
    (m): m is string => typeof m === "string"
  )
);

/** Charts plus chart-place notes on TCO Summary: always six. */
function chartPlaces(plan: WorkbookPlan): { charts: number; notes: string[] } {
  const summary = plan.sheets.find((s) => s.name === SHEETS.summary);
  const notes: string[] = [];
  for (const b of summary?.blocks ?? [])
    for (const row of b.cells)
      for (const c of row)
        if (
          typeof c.v === "string" &&
          (NOTES.has(c.v) || c.v.endsWith(": nothing to draw on these inputs."))
        )
          notes.push(c.v);
  return { charts: summary?.charts.length ?? 0, notes };
}

/** The whole path a user takes, checked at each writer; returns what was written. */
async function writeBoth(scenario: Scenario): Promise<{ plan: WorkbookPlan; xlsx: Uint8Array }> {
  const analysis = analyze(scenario);
  expect(moneyLimitIssues(analysis)).toEqual([]);
  expect(analysis.recommendation).not.toMatch(/sheet/i);
  const plan = buildReport(scenario, analysis);
  const places = chartPlaces(plan);
  expect(places.charts + places.notes.length).toBe(6);

  // The .xlsx writer: a package whose parts agree with each other, one chart part per spec.
  const xlsx = await writeXlsx(withOwnershipTags(plan));
  const parts = await unzipParts(xlsx);
  expect(crossPartProblems(parts)).toEqual([]);
  const chartParts = [...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
  expect(chartParts).toHaveLength(plan.sheets.reduce((n, s) => n + s.charts.length, 0));

  // The Office.js writer, into a workbook that already has a user's sheet.
  const fx = new FakeExcel();
  vi.stubGlobal("Excel", { run: fx.run });
  fx.addUserSheet("Sheet1", { A1: "mine" });
  const result = await writePlan(plan);
  expect(result.ok, result.ok ? "" : result.message).toBe(true);
  expect(fx.sheetNames()).toEqual(["Sheet1", ...plan.sheets.map((s) => s.name)]);
  const charts = fx.sheets.reduce((n, s) => n + s.charts.length, 0);
  expect(charts).toBe(plan.sheets.reduce((n, s) => n + s.charts.length, 0));
  vi.unstubAllGlobals();
  return { plan, xlsx };
}

function scenarioOf(edit: (json: Record<string, any>) => void): Scenario {
  const json = JSON.parse(JSON.stringify(defaultScenarioJson("ws2022"))) as Record<string, any>;
  edit(json);
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

describe("every scenario that validates produces a complete workbook", () => {
  it("the issue's case: the only option is not eligible on the platform", async () => {
    const { plan } = await writeBoth(
      scenarioOf((j) => (j["licensing"].options = ["hyperv-server"]))
    );
    expect(chartPlaces(plan).notes).toEqual(
      expect.arrayContaining([REPORT_MESSAGES.noSavings, REPORT_MESSAGES.noSensitivity])
    );
  });

  it("the issue's case: every cost is 0", async () => {
    const { plan } = await writeBoth(
      scenarioOf((j) => {
        for (const section of ["host", "physical", "virtual", "housing", "manpower"])
          for (const [k, v] of Object.entries(j[section] as Record<string, unknown>))
            if (
              typeof v === "string" &&
              /price|Price|PerKWh|PerYear|PerDevice|Rate$|PerGiB|PerCluster|PerHost|PerWindowsServer/.test(
                k
              ) &&
              !/Utilization|HoursPer/.test(k)
            )
              j[section][k] = "0";
        j["licensing"].prices = Object.fromEntries(
          Object.keys(j["licensing"].prices as object).map((k) => [k, "0"])
        );
      })
    );
    expect(chartPlaces(plan).notes).toContain(REPORT_MESSAGES.noCostBreakdown);
  });

  it("every server stays physical: no hosts, a sentence in the utilisation chart's place", async () => {
    const { plan } = await writeBoth(
      scenarioOf((j) => {
        for (const r of j["inventory"] as Record<string, unknown>[]) r["stayPhysical"] = true;
      })
    );
    expect(chartPlaces(plan).notes).toContain(REPORT_MESSAGES.noUtilisationNoHosts);
  });

  it("holds for random valid scenarios (any platform, options, horizon, prices)", async () => {
    await fc.assert(
      fc.asyncProperty(validScenario, async (scenario) => {
        await writeBoth(scenario);
      }),
      { numRuns: 6, seed: 1717 }
    );
  }, 120_000);
});

describe("a chart place without a chart", () => {
  it("holds its sentence at the top-left cell of the chart's frame", async () => {
    const scenario = scenarioOf((j) => (j["licensing"].options = ["hyperv-server"]));
    const plan = buildReport(scenario, analyze(scenario));
    const summary = plan.sheets.find((s) => s.name === SHEETS.summary);
    const cells = new Map<string, unknown>();
    for (const b of summary?.blocks ?? []) {
      const at = parseRange(b.topLeft);
      b.cells.forEach((row, r) =>
        row.forEach((c, k) => cells.set(`${at.top + r},${at.left + k}`, c.v))
      );
    }
    const notes = chartPlaces(plan).notes;
    // The notes sit in the chart grid (below the key figures, above the chart data).
    const chartData = [...cells].find(([, v]) => v === "Chart data")?.[0] ?? "";
    for (const n of notes) {
      const where = [...cells].find(([, v]) => v === n)?.[0] ?? "";
      expect(Number(where.split(",")[0])).toBeLessThan(Number(chartData.split(",")[0]));
    }
  });
});
