import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support/paths";
import { defaultsTable } from "./tools/readme-defaults";
import { exitCodesTable, limitsTable } from "./tools/readme-limits";

const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

describe("README", () => {
  it("lists the defaults exactly as src/scenario/defaults.ts has them", () => {
    const m = /<!-- defaults:start -->\n([\s\S]*?)\n<!-- defaults:end -->/.exec(readme);
    expect(m?.[1]).toBe(defaultsTable());
  });

  it("states every limit and every exit code exactly as the code has them", () => {
    const limits = /<!-- limits:start -->\n([\s\S]*?)\n<!-- limits:end -->/.exec(readme);
    expect(limits?.[1]).toBe(limitsTable());
    const exits = /<!-- exit-codes:start -->\n([\s\S]*?)\n<!-- exit-codes:end -->/.exec(readme);
    expect(exits?.[1]).toBe(exitCodesTable());
  });

  it("documents every custom function and every CLI command", () => {
    for (const f of ["HOSTS", "LICENSES", "LICENSECOST", "BREAKEVEN", "PAYBACK"])
      expect(readme).toContain(`=HVTCO.${f}(`);
    for (const c of ["init", "validate", "evaluate", "report", "import", "pack"])
      expect(readme).toContain(`npx hyperv-tco ${c}`);
  });

  it("gives the test commands CI runs", () => {
    const ci = readFileSync(join(REPO_ROOT, ".ci", "run"), "utf8");
    for (const cmd of ["npm run check", "npm test", "npm run test:integration"]) {
      expect(ci).toContain(cmd);
      expect(readme).toContain(cmd);
    }
  });
});
