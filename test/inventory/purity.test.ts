/** The importer is pure: only `read.ts` touches a file format library, and nothing touches fs, process or the DOM. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths";

const ROOT = join(REPO_ROOT, "src", "inventory");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
  );

describe("src/inventory purity", () => {
  it.each(files(ROOT).map((f) => relative(ROOT, f)))(
    "%s uses no fs, process, Office or DOM",
    (file) => {
      const code = readFileSync(join(ROOT, file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      expect(code).not.toMatch(/from\s+["'](node:|fs|path|os)["'/]/);
      expect(code).not.toMatch(/\bprocess\.|\bdocument\.|\bwindow\.|\bExcel\.run|\bOffice\./);
      if (file !== "read.ts") expect(code).not.toMatch(/from\s+["']exceljs["']/);
    }
  );
});
