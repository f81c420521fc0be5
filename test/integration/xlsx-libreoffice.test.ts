/**
 * The written .xlsx through real LibreOffice (headless, fresh profile per run, always
 * recalculate): formula parity to the cent, live formulas after an input edit, native chart
 * import (.ods), and a PDF/PNG render in test-artifacts/xlsx for a human to look at.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { parseRange, quoteSheet } from "../../src/report/a1";
import type { ChartSpec, WorkbookPlan } from "../../src/report/workbookPlan";
import { writeXlsx } from "../../src/xlsx";
import { compareWithPlan, formulaCells } from "../support/hyperformula";
import { convertTo, hasLibreOffice, readFormulaResults, recalcXlsx } from "../support/libreoffice";
import { REPO_ROOT } from "../support/paths";
import { expectedClass, odsCharts, type OdsSeries } from "../support/ods";
import { setNumberCell } from "../xlsx/editPackage";
import { withCell } from "../xlsx/fixtures/planEdits";
import { INPUT_CELLS, SHEETS, syntheticPlan } from "../xlsx/fixtures/syntheticPlan";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts", "xlsx");
/** LibreOffice's own re-saved copies land here (not beside their inputs, which they would overwrite). */
const RESAVED = join(ARTIFACTS, "libreoffice");

let plan: WorkbookPlan;
let bytes: Uint8Array;
let xlsxPath: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  plan = syntheticPlan();
  bytes = await writeXlsx(plan);
  xlsxPath = join(ARTIFACTS, "synthetic.xlsx");
  writeFileSync(xlsxPath, bytes);
});

describe.skipIf(!hasLibreOffice())("xlsx writer through LibreOffice", () => {
  it("LibreOffice's recalculation of every formula equals the cached values to the cent", async () => {
    const values = await readFormulaResults(await recalcXlsx(xlsxPath, RESAVED));
    expect(values.size).toBe(formulaCells(plan).length);
    expect(compareWithPlan(plan, values)).toEqual([]);
  });

  it("recomputes instead of trusting cached values (the fresh profile's OOXMLRecalcMode=0)", async () => {
    const stale = join(ARTIFACTS, "synthetic-stale.xlsx");
    writeFileSync(stale, await writeXlsx(withCell(plan, SHEETS.cashflow, "B13", { v: 999 })));
    const values = await readFormulaResults(await recalcXlsx(stale, RESAVED));
    expect(values.get(`${SHEETS.cashflow}!B13`)).toBeCloseTo(31212.74, 2);
  });

  it("editing inputs in the file changes the dependent totals as the model says", async () => {
    // Host price 18,500 → 20,000 and 4 → 5 hosts: capex -74,000 → -100,000, licences
    // -24,620 → -30,775, host power up by a quarter; every formula follows.
    let edited = await setNumberCell(bytes, SHEETS.inputs, INPUT_CELLS.hostPrice, 20000);
    edited = await setNumberCell(edited, SHEETS.inputs, INPUT_CELLS.hosts, 5);
    const editedPath = join(ARTIFACTS, "synthetic-edited.xlsx");
    writeFileSync(editedPath, edited);
    const values = await readFormulaResults(await recalcXlsx(editedPath, RESAVED));

    const expected = syntheticPlan({ hostPrice: 20000, hosts: 5 });
    expect(compareWithPlan(expected, values)).toEqual([]);
    expect(values.get(`${SHEETS.cashflow}!B5`)).toBe(-100000);
    expect(values.get(`${SHEETS.cashflow}!B6`)).toBe(-30775);
    const npvBefore = formulaCells(plan).find((c) => c.key === `${SHEETS.cashflow}!B13`)
      ?.v as number;
    const npvAfter = values.get(`${SHEETS.cashflow}!B13`) as number;
    expect(npvAfter).toBeLessThan(npvBefore - 32000);
  });

  it("imports every chart as a native chart bound to the plan's ranges (.ods export)", async () => {
    const ods = await JSZip.loadAsync(readFileSync(await convertTo(xlsxPath, "ods", ARTIFACTS)));
    const charts = await odsCharts(ods);
    const specs = plan.sheets.flatMap((s) => s.charts);
    expect(charts).toHaveLength(specs.length);
    for (const spec of specs) {
      const chart = charts.find((c) => c.title === spec.title);
      expect(chart, spec.id).toBeDefined();
      expect({ id: spec.id, chart: chart?.chartClass, series: chart?.series }).toEqual({
        id: spec.id,
        chart: expectedClass(spec.kind),
        series: expectedSeries(spec),
      });
    }
    const tornado = charts.find((c) => c.title.startsWith("NPV sensitivity"));
    expect(tornado?.reversedAxes).toBeGreaterThan(0);
    expect(charts.find((c) => c.title.startsWith("Power cost"))?.stacked).toBe(true);
  });

  it("renders a PDF and PNG pages into test-artifacts/xlsx", async () => {
    const pdf = await convertTo(xlsxPath, "pdf", ARTIFACTS);
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
    for (const spec of plan.sheets.flatMap((s) => s.charts))
      expect(text).toContain(spec.title.slice(0, 20));
    expect(text).toContain("31,212.74"); // NPV as formatted on the summary sheet
    const r = spawnSync("pdftoppm", ["-png", "-r", "60", pdf, join(ARTIFACTS, "synthetic")], {
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    const page = join(ARTIFACTS, "synthetic-4.png");
    expect(existsSync(page)).toBe(true);
    expect(statSync(page).size).toBeGreaterThan(20_000);
  });

  it("a 1,000-server inventory recalculates to the cached values too", async () => {
    const big = syntheticPlan({ inventoryRows: 1000 });
    const path = join(ARTIFACTS, "synthetic-1000.xlsx");
    writeFileSync(path, await writeXlsx(big));
    const values = await readFormulaResults(await recalcXlsx(path, RESAVED));
    expect(values.size).toBe(formulaCells(big).length);
    expect(compareWithPlan(big, values)).toEqual([]);
  });
});

/** `'TCO Summary'.B10:'TCO Summary'.B11` — how LibreOffice writes a range in ODF. */
function odfRange(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const s = quoteSheet(sheet);
  const cell = (r: number, c: number): string => `${String.fromCharCode(65 + c)}${r + 1}`;
  return `${s}.${cell(top, left)}:${s}.${cell(bottom, right)}`;
}

function expectedSeries(spec: ChartSpec): OdsSeries[] {
  const r = parseRange(spec.dataRange);
  const out: OdsSeries[] = [];
  for (let col = r.left + 1; col <= r.right; col++) {
    const index = col - r.left - 1;
    const override = spec.seriesOverrides?.find((o) => o.index === index);
    const kind = override?.kind ?? spec.kind;
    out.push({
      chartClass: expectedClass(kind),
      values: odfRange(spec.dataSheet, r.top + 1, col, r.bottom, col),
      label: odfRange(spec.dataSheet, r.top, col, r.top, col),
      axis: override?.secondaryAxis ? "secondary-y" : "primary-y",
      domain:
        spec.kind === "xyScatterLines"
          ? odfRange(spec.dataSheet, r.top + 1, r.left, r.bottom, r.left)
          : undefined,
    });
  }
  return out;
}
