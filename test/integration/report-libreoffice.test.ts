/**
 * The real report of each example, through LibreOffice headless (fresh profile, always
 * recalculate): every formula cell equals the engine's value to the cent; every chart is a
 * native chart bound to the ranges its spec names; the summary renders to PDF and PNG
 * (test-artifacts/report/) for a person to look at.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { parseRange, quoteSheet } from "../../src/report/a1";
import { buildReport } from "../../src/report/build";
import type { WorkbookPlan } from "../../src/report/workbookPlan";
import { parseScenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { writeXlsx } from "../../src/xlsx";
import { compareWithPlan, formulaCells } from "../support/hyperformula";
import { convertTo, hasLibreOffice, readFormulaResults, recalcXlsx } from "../support/libreoffice";
import { expectedClass, odsCharts } from "../support/ods";
import { REPO_ROOT } from "../support/paths";
import { EXAMPLES as EXAMPLE_FILES } from "../scenario/exampleScenarios";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts", "report");
/** Every bundled example, by the generator's list of assets/examples (no copy to keep in step). */
const EXAMPLES = Object.keys(EXAMPLE_FILES).map((file) => file.replace(/\.json$/, ""));

/** `'TCO Summary'.$B$10:.$B$11`-style ranges differ in form; compare on the cells only. */
function cellsOf(odfRange: string | undefined): string {
  return (odfRange ?? "").replace(/\$/g, "").replace(/'[^']*'\.|[A-Za-z0-9_ ]+\./g, "");
}

describe.runIf(hasLibreOffice() || process.env["CI"])(
  "report of each example in LibreOffice",
  () => {
    beforeAll(() => mkdirSync(join(ARTIFACTS, "libreoffice"), { recursive: true }));

    describe.each(EXAMPLES)("%s", (name) => {
      let plan: WorkbookPlan;
      let path: string;
      beforeAll(async () => {
        const parsed = parseScenario(
          JSON.parse(readFileSync(join(REPO_ROOT, "assets", "examples", `${name}.json`), "utf8"))
        );
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        plan = buildReport(parsed.scenario, analyze(parsed.scenario));
        path = join(ARTIFACTS, `${name}.xlsx`);
        writeFileSync(path, await writeXlsx(plan));
      });

      it("recalculates every formula cell to the engine's value, to the cent", async () => {
        const values = await readFormulaResults(
          await recalcXlsx(path, join(ARTIFACTS, "libreoffice"))
        );
        // LibreOffice saves boolean constants as =TRUE()/=FALSE() formulas: those are the only extras.
        const ours = new Set(formulaCells(plan).map((c) => c.key));
        const extras = [...values].filter(([key]) => !ours.has(key));
        expect(
          extras.every(([, v]) => typeof v === "boolean"),
          JSON.stringify(extras)
        ).toBe(true);
        expect(compareWithPlan(plan, values)).toEqual([]);
      });

      it("imports every chart as a native chart bound to its data range", async () => {
        const ods = await JSZip.loadAsync(readFileSync(await convertTo(path, "ods", ARTIFACTS)));
        const charts = await odsCharts(ods);
        const specs = plan.sheets.flatMap((s) => s.charts);
        expect(charts.length).toBe(specs.length);
        for (const spec of specs) {
          const chart = charts.find((c) => c.title === spec.title);
          expect(chart, spec.id).toBeDefined();
          expect(chart?.chartClass, spec.id).toBe(
            spec.seriesOverrides?.length ? chart?.chartClass : expectedClass(spec.kind)
          );
          const r = parseRange(spec.dataRange);
          expect(chart?.series.length, spec.id).toBe(r.right - r.left);
          // the first series' values are the second column of the data range, below its header
          // (in a combo, LibreOffice lists the bar group first: take the leftmost column)
          const first =
            [...(chart?.series ?? [])]
              .map((x) => x.values ?? "")
              .sort((a, b) => cellsOf(a).localeCompare(cellsOf(b)))[0] ?? "";
          expect(cellsOf(first), spec.id).toBe(
            `${String.fromCharCode(65 + r.left + 1)}${r.top + 2}:${String.fromCharCode(65 + r.left + 1)}${r.bottom + 1}`
          );
          expect(
            first.includes(spec.dataSheet) || first.includes(quoteSheet(spec.dataSheet)),
            spec.id
          ).toBe(true);
        }
      });

      it("renders the summary to PDF and PNG", async () => {
        const pdf = await convertTo(path, "pdf", ARTIFACTS);
        expect(statSync(pdf).size).toBeGreaterThan(30_000);
        const png = join(ARTIFACTS, `${name}-summary`);
        const r = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", pdf, png]);
        expect(r.status).toBe(0);
        const page = `${png}-1.png`;
        const file = existsSync(page) ? page : `${png}-01.png`;
        expect(statSync(file).size).toBeGreaterThan(20_000);
        const text = spawnSync("pdftotext", [
          "-f",
          "1",
          "-l",
          "1",
          "-layout",
          pdf,
          "-",
        ]).stdout.toString();
        expect(text).toContain("Business case");
        expect(text).toContain("Total cost of ownership");
      });
    });
  }
);
