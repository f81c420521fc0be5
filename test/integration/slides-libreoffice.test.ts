/**
 * `report --pptx` (issue 14): the Contoso deck opens in LibreOffice Impress, converts to PDF
 * with one page per slide, and carries at least 5 native chart parts (`ppt/charts/chartN.xml`,
 * each with its embedded workbook, so the charts stay editable). The PDF and PNGs of the slides
 * go to test-artifacts/slides/ for a person to look at.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build";
import { parseScenario } from "../../src/scenario";
import { buildDeck, writePptx, type Deck } from "../../src/slides";
import { analyze } from "../../src/tco";
import { hasLibreOffice, freshProfile } from "../support/libreoffice";
import { REPO_ROOT } from "../support/paths";
import { pathToFileURL } from "node:url";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts", "slides");

describe.runIf(hasLibreOffice() || process.env["CI"])(
  "the Contoso slides in LibreOffice Impress",
  () => {
    let pptx: string;
    let deck: Deck;
    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const parsed = parseScenario(
        JSON.parse(readFileSync(join(REPO_ROOT, "assets", "examples", "contoso-2010.json"), "utf8"))
      );
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const analysis = analyze(parsed.scenario);
      deck = buildDeck(buildReport(parsed.scenario, analysis), analysis);
      pptx = join(ARTIFACTS, "contoso-2010.pptx");
      writeFileSync(pptx, await writePptx(deck));
    });

    it("has at least 5 native chart parts, each with its data workbook", async () => {
      const zip = await JSZip.loadAsync(readFileSync(pptx));
      const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
      expect(charts.length).toBeGreaterThanOrEqual(5);
      const embedded = Object.keys(zip.files).filter((f) => /^ppt\/embeddings\/.*\.xlsx$/.test(f));
      expect(embedded.length).toBe(charts.length);
      // The TCO chart carries the workbook's numbers and the option palette.
      const tco = await zip.file(charts[0] as string)?.async("string");
      expect(tco).toContain("3277416.6"); // Contoso physical TCO (README: 3,277,417)
      expect(tco).toContain("117733"); // Enterprise, the recommended option's colour
    });

    it("converts to PDF with one page per slide, and renders PNGs", () => {
      const profile = freshProfile();
      const r = spawnSync(
        process.env["HVTCO_SOFFICE"] ?? "soffice",
        [
          "--headless",
          "--norestore",
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          "--convert-to",
          "pdf",
          "--outdir",
          ARTIFACTS,
          pptx,
        ],
        { encoding: "utf8", timeout: 170_000 }
      );
      expect(r.status, r.stderr).toBe(0);
      const pdf = join(ARTIFACTS, "contoso-2010.pdf");
      const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(deck.slides.length);
      const text = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).stdout;
      expect(text).toContain("Recommended: Windows Server 2008 R2 Enterprise");
      expect(text).toContain("Cumulative savings and payback");
      expect(
        spawnSync("pdftoppm", ["-png", "-r", "60", pdf, join(ARTIFACTS, "slide")]).status
      ).toBe(0);
    });
  }
);
