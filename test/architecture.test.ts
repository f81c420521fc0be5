/**
 * The map of the code (DESIGN.md "Shape") is enforced by `npm run lint` — `eslint.config.mjs`
 * gives each folder of src/ the folders it may import (eslint-plugin-boundaries), keeps the
 * engine and the report builder free of Office, the DOM, Node and chart.js
 * (no-restricted-globals / -properties / -imports) and hyperformula out of every bundle.
 *
 * These tests prove the rules bite: planted code, linted with the project's own config at a
 * path under src/ (the same engine `npm run lint` runs), must fail — and allowed arrows must
 * pass. (That the real src/ passes is `npm run lint` itself.)
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support/paths";

const eslint = new ESLint({ cwd: REPO_ROOT });

/** The problems lint finds in `code` placed at `filePath` (formatting aside), as "rule: message". */
async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== "prettier/prettier")
    .map((m) => `${m.ruleId ?? "parse"}: ${m.message}`);
}

const importOf = (spec: string): string => `import * as planted from "${spec}";\nvoid planted;\n`;

describe("architecture: a forbidden import makes npm run lint fail", () => {
  it.each([
    // engine → excel, xlsx, report, taskpane, cli
    ["src/capacity/planted.ts", "../excel/writer", "excel"],
    ["src/capacity/planted.ts", "../xlsx/writeXlsx", "xlsx"],
    ["src/capacity/planted.ts", "../report/workbookPlan", "report"],
    ["src/tco/planted.ts", "../report/build", "report"],
    ["src/licensing/planted.ts", "../taskpane/state", "taskpane"],
    ["src/finance/planted.ts", "../cli/main", "cli"],
    ["src/scenario/planted.ts", "../excel", "excel"],
    ["src/money/planted.ts", "../xlsx", "xlsx"],
    // inside the engine, arrows point inward only
    ["src/money/planted.ts", "../scenario", "scenario"],
    ["src/scenario/planted.ts", "../tco", "tco"],
    ["src/capacity/planted.ts", "../licensing", "licensing"],
    // report → excel or xlsx; the writers never import each other
    ["src/report/planted.ts", "../excel/writer", "excel"],
    ["src/report/sheets/planted.ts", "../../xlsx/writeXlsx", "xlsx"],
    ["src/excel/planted.ts", "../xlsx/writeXlsx", "xlsx"],
    ["src/xlsx/planted.ts", "../excel/ownership", "excel"],
    ["src/slides/planted.ts", "../xlsx/workbook", "xlsx"],
    ["src/excel/planted.ts", "../taskpane/state", "taskpane"],
    // inventory is an input edge: scenario rows in, nothing of the report or the writers
    ["src/inventory/planted.ts", "../report/build", "report"],
    ["src/inventory/planted.ts", "../tco", "tco"],
    ["src/functions/planted.ts", "../report/build", "report"],
  ])("%s importing %s (%s)", async (file, spec, target) => {
    const problems = await lint(file, importOf(spec));
    expect(problems.join("\n")).toMatch(
      new RegExp(`boundaries/dependencies: .*to elements of type "${target}"`)
    );
  });

  it("counts lazy imports and re-exports as arrows too", async () => {
    expect(
      await lint("src/capacity/planted.ts", 'export const w = () => import("../xlsx/writeXlsx");\n')
    ).toEqual([expect.stringMatching(/boundaries\/dependencies: .*"xlsx"/)]);
    expect(
      await lint("src/tco/planted.ts", 'export { buildReport } from "../report/build";\n')
    ).toEqual([expect.stringMatching(/boundaries\/dependencies: .*"report"/)]);
  });

  it("refuses a file in a folder the map does not know", async () => {
    expect((await lint("src/newthing/planted.ts", "export const x = 1;\n")).join("\n")).toMatch(
      /boundaries\/no-unknown-files/
    );
  });

  it.each([
    ["src/report/planted.ts", "../tco"],
    ["src/report/sheets/planted.ts", "../../scenario"],
    ["src/excel/planted.ts", "../report/ownershipTags"],
    ["src/xlsx/planted.ts", "../report/workbookPlan"],
    ["src/slides/planted.ts", "../report/workbookPlan"], // a third writer of the plan
    ["src/pptx/planted.ts", "../tco"],
    ["src/cli/planted.ts", "../xlsx/writeXlsx"], // the CLI may drive any writer
    ["src/cli/planted.ts", "../inventory"],
    ["src/taskpane/planted.ts", "../excel"],
    ["src/taskpane/planted.ts", "../inventory/types"],
    ["src/tco/planted.ts", "../licensing"],
    ["src/licensing/planted.ts", "../capacity"],
    ["src/inventory/planted.ts", "../scenario"],
    ["src/functions/planted.ts", "../capacity"],
  ])("allows %s to import %s", async (file, spec) => {
    expect(await lint(file, importOf(spec))).toEqual([]);
  });
});

describe("architecture: the engine and the report builder are pure", () => {
  it.each([
    ["document.title = 'x';", /no-restricted-globals: .*'document'/],
    ["export const w = window.innerWidth;", /no-restricted-globals: .*'window'/],
    ["export const home = process.env.HOME;", /no-restricted-globals: .*'process'/],
    ["await Office.onReady();", /no-restricted-globals: .*'Office'/],
    ["await Excel.run(async (ctx) => ctx.sync());", /no-restricted-globals: .*'Excel'/],
    ["export const t = `a ${window.innerWidth} b`;", /no-restricted-globals: .*'window'/],
    ["export const w = globalThis.document;", /no-restricted-properties: .*globalThis.document/],
    ['import { readFileSync } from "fs";\nvoid readFileSync;', /no-restricted-imports: .*'fs'/],
    ['import * as fs from "node:fs";\nvoid fs;', /no-restricted-imports: .*'node:fs'/],
    ['import "chart.js/auto";', /no-restricted-imports: .*'chart.js\/auto'/],
    ['import ExcelJS from "exceljs";\nvoid ExcelJS;', /no-restricted-imports: .*'exceljs'/],
  ])("catches %s in src/capacity", async (code, expected) => {
    expect((await lint("src/capacity/planted.ts", `${code}\n`)).join("\n")).toMatch(expected);
  });

  it("lets comments, strings, property names and local names through", async () => {
    const clean = [
      "/** Writes to the document via Office.js — but not here. */",
      "// window, process.env and Excel.run are mentioned in this comment only",
      "export const label = 'document.title and window.open';",
      "export const node = { document: 1 }.document;",
      "export function slide(items: number[], window: number): number {",
      "  return window * items.length;",
      "}",
    ].join("\n");
    expect(await lint("src/report/planted.ts", `${clean}\n`)).toEqual([]);
  });

  it("keeps hyperformula (a GPL test oracle) out of every folder, while edges may use Node", async () => {
    expect(
      (
        await lint(
          "src/cli/planted.ts",
          'import { HyperFormula } from "hyperformula";\nvoid HyperFormula;\n'
        )
      ).join("\n")
    ).toMatch(/no-restricted-imports: .*'hyperformula'/);
    expect(
      await lint(
        "src/cli/planted.ts",
        'import { readFileSync } from "node:fs";\nvoid readFileSync;\nprocess.exitCode = 1;\n'
      )
    ).toEqual([]);
  });
});

describe("architecture: size limits make npm run lint fail (issue 15)", () => {
  const lines = (count: number): string =>
    Array.from({ length: count }, (_, i) => `export const v${i} = ${i};`).join("\n") + "\n";

  it("refuses a file in src over 600 lines, and passes one of 600", async () => {
    expect((await lint("src/tco/planted.ts", lines(601))).join("\n")).toMatch(/^max-lines: /m);
    expect(await lint("src/tco/planted.ts", lines(600))).toEqual([]);
  });

  it("refuses a task-pane function over 120 lines, not one of 120", async () => {
    const fn = (body: number): string =>
      `export function planted(): number {\n  let n = 0;\n${"  n += 1;\n".repeat(body)}  return n;\n}\n`;
    // The function spans its body plus 4 lines (signature, `let`, `return`, closing brace).
    expect((await lint("src/taskpane/planted.ts", fn(117))).join("\n")).toMatch(
      /^max-lines-per-function: /m
    );
    expect(await lint("src/taskpane/planted.ts", fn(116))).toEqual([]);
  });
});
