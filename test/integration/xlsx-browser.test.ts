/**
 * The .xlsx writer in a real browser: src/xlsx bundled by webpack for `target: "web"` (which
 * resolves exceljs to its `browser` build, dist/exceljs.min.js, with no alias) and run in
 * headless Debian Chromium. The bytes it produces must be the same kind of valid package
 * the Node path writes.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import webpack from "webpack";
import { compareWithPlan, recalcXlsxWithHyperFormula } from "../support/hyperformula";
import { REPO_ROOT } from "../support/paths";
import { syntheticPlan } from "../xlsx/fixtures/syntheticPlan";
import { crossPartProblems, unzipParts } from "../xlsx/packageChecks";

const CHROMIUM = process.env["HVTCO_CHROMIUM"] ?? "/usr/bin/chromium";
const dir = mkdtempSync(join(tmpdir(), "hvtco-xlsx-web-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY = `
import { writeXlsx } from ${JSON.stringify(join(REPO_ROOT, "src", "xlsx"))};
import { syntheticPlan } from ${JSON.stringify(join(REPO_ROOT, "test", "xlsx", "fixtures", "syntheticPlan"))};
(async () => {
  try {
    const bytes = await writeXlsx(syntheticPlan());
    let bin = "";
    for (const b of bytes) bin += String.fromCharCode(b);
    (window as any).result = { ok: true, isUint8Array: bytes instanceof Uint8Array, base64: btoa(bin) };
  } catch (e) {
    (window as any).result = { ok: false, error: String((e as Error).stack ?? e) };
  }
})();
`;

function bundle(): Promise<webpack.Stats> {
  writeFileSync(join(dir, "entry.ts"), ENTRY);
  const modules = join(REPO_ROOT, "node_modules");
  const compiler = webpack({
    mode: "production",
    target: "web",
    context: dir,
    entry: "./entry.ts",
    output: { path: join(dir, "dist"), filename: "bundle.js" },
    resolve: { extensions: [".ts", ".js"], modules: [modules] },
    resolveLoader: { modules: [modules] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: { transpileOnly: true, configFile: join(REPO_ROOT, "tsconfig.json") },
        },
      ],
    },
    performance: { hints: false },
    // Minifying the already minified exceljs build takes ~20 s and proves nothing here.
    optimization: { minimize: false },
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || !stats) reject(error ?? new Error("webpack gave no stats"));
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve(stats);
    });
  });
}

describe.skipIf(!existsSync(CHROMIUM))(
  "xlsx writer in the browser (webpack + headless Chromium)",
  () => {
    it("bundles with exceljs' browser build and writes a valid workbook in the page", async () => {
      const stats = await bundle();
      const modules = (stats.toJson({ all: false, modules: true }).modules ?? []).map(
        (m) => m.name ?? ""
      );
      expect(modules.some((m) => m.includes("exceljs/dist/exceljs.min.js"))).toBe(true);
      expect(modules.some((m) => /node_modules\/exceljs\/lib\//.test(m))).toBe(false);

      // exceljs.min.js holds non-ASCII regular expressions: the page must declare UTF-8.
      writeFileSync(
        join(dir, "index.html"),
        '<!doctype html><html><head><meta charset="utf-8"></head><body><script src="dist/bundle.js"></script></body></html>'
      );
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
      let result: { ok: boolean; isUint8Array?: boolean; base64?: string; error?: string };
      const pageErrors: string[] = [];
      try {
        const page = await browser.newPage();
        page.on("pageerror", (e) => pageErrors.push(String(e)));
        await page.goto(pathToFileURL(join(dir, "index.html")).href);
        await page.waitForFunction(
          () => (window as unknown as { result?: unknown }).result !== undefined,
          null,
          { timeout: 60_000 }
        );
        result = await page.evaluate(() => (window as unknown as { result: typeof result }).result);
      } finally {
        await browser.close();
      }
      expect(pageErrors).toEqual([]);
      expect(result.error).toBeUndefined();
      expect(result.isUint8Array).toBe(true);

      const bytes = new Uint8Array(Buffer.from(result.base64 ?? "", "base64"));
      expect(crossPartProblems(await unzipParts(bytes))).toEqual([]);
      const plan = syntheticPlan();
      expect(compareWithPlan(plan, await recalcXlsxWithHyperFormula(bytes))).toEqual([]);
      expect((await unzipParts(bytes)).get("xl/charts/chart7.xml")).toContain("<c:lineChart>");
    });
  }
);
