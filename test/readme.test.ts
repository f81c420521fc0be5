import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { memoryIo } from "./support/memoryIo";
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

  it("shows what evaluate prints for the Contoso example: its first lines, exactly", async () => {
    const m = /<!-- evaluate-contoso:start -->\n```\n([\s\S]*?)\n…\n```/.exec(readme);
    const shown = (m?.[1] ?? "").split("\n");
    expect(shown.length).toBeGreaterThan(20);
    const io = memoryIo({}, { disk: true });
    const code = await main(["evaluate", join(REPO_ROOT, "assets/examples/contoso-2010.json")], io);
    expect(code).toBe(0);
    expect(shown).toEqual(io.stdout().split("\n").slice(0, shown.length));
  });
});
