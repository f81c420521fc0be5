/**
 * The printed report (issue 14's "Done when"): LibreOffice prints the Contoso report to at
 * most 12 pages, with no `###` anywhere (a number wider than its column), the summary on one
 * page. The PDF and a PNG of the summary go to test-artifacts/print/ for a person to look at.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build";
import { parseScenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { writeXlsx } from "../../src/xlsx";
import { convertTo, hasLibreOffice } from "../support/libreoffice";
import { REPO_ROOT } from "../support/paths";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts", "print");

function pdfText(pdf: string, page?: number): string {
  const range = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  const r = spawnSync("pdftotext", [...range, "-layout", pdf, "-"], { encoding: "utf8" });
  expect(r.status).toBe(0);
  return r.stdout;
}

function pageCount(pdf: string): number {
  const r = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)?.[1] ?? NaN);
}

describe.runIf(hasLibreOffice() || process.env["CI"])("the Contoso report, printed", () => {
  let pdf: string;
  let sheetNames: string[];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const parsed = parseScenario(
      JSON.parse(readFileSync(join(REPO_ROOT, "assets", "examples", "contoso-2010.json"), "utf8"))
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const plan = buildReport(parsed.scenario, analyze(parsed.scenario));
    sheetNames = plan.sheets.map((s) => s.name);
    const xlsx = join(ARTIFACTS, "contoso-2010.xlsx");
    writeFileSync(xlsx, await writeXlsx(plan));
    pdf = await convertTo(xlsx, "pdf", ARTIFACTS);
  });

  it("prints on at most 12 pages, every sheet at least once", () => {
    const pages = pageCount(pdf);
    expect(pages).toBeLessThanOrEqual(12);
    // The header's right part is the sheet name (&A): each sheet starts a page.
    const all = pdfText(pdf);
    for (const name of sheetNames) expect(all, name).toContain(name);
  });

  it("shows no ### anywhere: every number fits its column", () => {
    expect(pdfText(pdf)).not.toContain("###");
  });

  it("prints the summary — key figures and the six charts — on page 1 alone, with header and footer", () => {
    const first = pdfText(pdf, 1);
    expect(first).toContain("Business case");
    expect(first).toContain("Cost per VM per year");
    expect(first).toMatch(/Total cost of ownership over 5 years/);
    expect(first).toMatch(/What moves the NPV/);
    expect(first).toMatch(/Page 1 of \d+/);
    expect(first).toContain("Contoso 2010 consolidation");
    // Chart data is for the screen: not printed.
    expect(first).not.toContain("Chart data");
    expect(pdfText(pdf, 2)).toContain("TCO Assumptions");
    const png = join(ARTIFACTS, "contoso-summary");
    expect(
      spawnSync("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", pdf, png]).status
    ).toBe(0);
    expect(existsSync(`${png}-01.png`) || existsSync(`${png}-1.png`)).toBe(true);
  });
});
