/**
 * Formula parity of the growth paths the examples do not reach: leaving vSphere (reused hosts
 * and clusters: the "beyond" and "within" series, S2D drives on reused hosts) with demand
 * growing, and a SAN whose storage alone grows. HyperFormula recomputes every formula cell
 * to the engine's value.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build";
import { parseScenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { compareWithPlan, recalcPlanWithHyperFormula } from "../support/hyperformula";
import { REPO_ROOT } from "../support/paths";

const modern = (): Record<string, any> =>
  JSON.parse(readFileSync(join(REPO_ROOT, "assets", "examples", "modern-2022.json"), "utf8"));

describe.each([
  [
    "leaving vSphere onto S2D, 15 % growth",
    (j: Record<string, any>) => {
      j["finance"].baseline = "vsphere";
      j["storage"].kind = "s2d";
      j["growth"] = { ratePerYear: "0.15" };
      j["virtual"].hostRefreshYears = 3;
    },
  ],
  [
    "a SAN whose storage doubles each year, retiring nothing",
    (j: Record<string, any>) => {
      j["growth"] = { ratePerYear: "0", storageRatePerYear: "1" };
    },
  ],
])("%s", (_name, edit) => {
  it("recomputes every formula to the engine's value", () => {
    const j = modern();
    edit(j);
    const parsed = parseScenario(j);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const a = analyze(parsed.scenario, { sensitivity: false });
    expect(a.options.some((o) => o.series.length > 0)).toBe(true);
    const plan = buildReport(parsed.scenario, a);
    expect(compareWithPlan(plan, recalcPlanWithHyperFormula(plan))).toEqual([]);
  });
});
