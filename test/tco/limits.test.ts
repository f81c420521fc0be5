/**
 * Totals kept exact (reproduction 8 of issue 17): a host price of 9.99e14 made 189 cells of
 * the workbook differ from the engine, because a double holds 15–17 significant digits and
 * money there needs 17 or more. `moneyLimitIssues` refuses what passes `LIMITS.moneyTotal`
 * (naming the input), and below it the workbook recalculates to the cent (HyperFormula).
 */
import { describe, expect, it } from "vitest";
import { Dec, ZERO } from "../../src/money";
import { buildReport } from "../../src/report/build";
import { defaultScenarioJson, LIMITS, parseScenario, type Scenario } from "../../src/scenario";
import { analyze, moneyLimitIssues, type Analysis } from "../../src/tco";
import { compareWithPlan, recalcPlanWithHyperFormula } from "../support/hyperformula";

function scenario(edit: (j: Record<string, any>) => void): Scenario {
  const j = JSON.parse(JSON.stringify(defaultScenarioJson("ws2022"))) as Record<string, any>;
  edit(j);
  const r = parseScenario(j);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

/** Σ|amount| over every line of the baseline and of each eligible option: the figure the cap is on. */
function largestSchedule(a: Analysis): Dec {
  const weigh = (lines: Analysis["physical"]["lines"]): Dec =>
    lines.reduce((s, l) => l.amounts.reduce((t, x) => t.plus(x.abs()), s), ZERO);
  return [a.physical.lines, ...a.options.filter((o) => o.eligible).map((o) => o.costs.lines)]
    .map(weigh)
    .reduce((m, x) => (x.gt(m) ? x : m), ZERO);
}

describe("moneyLimitIssues", () => {
  it("passes the default scenario", () => {
    expect(
      moneyLimitIssues(
        analyze(
          scenario(() => undefined),
          { sensitivity: false }
        )
      )
    ).toEqual([]);
  });

  it("refuses a host price of 9.99e14, naming host.price (the issue's case)", () => {
    const a = analyze(
      scenario((j) => (j["host"].price = "999000000000000")),
      { sensitivity: false }
    );
    const issues = moneyLimitIssues(a);
    expect(issues.map((i) => i.path)).toEqual(["host.price"]);
    expect(issues[0]?.message).toMatch(
      /^Windows Server 2022 (Standard|Datacenter) adds up to USD \d(\.\d)? × 10\^1[5-7]; a workbook keeps money exact to the cent only up to USD 1,000,000,000,000 per option over the horizon\. Check host\.price \(the largest cost is ".+"\) and enter a realistic figure\.$/
    );
  });

  it.each(["1e8", "1e9", "1e10", "1e11", "2e11"])(
    "decides exactly at the cap: host price %s",
    (price) => {
      const a = analyze(
        scenario((j) => (j["host"].price = price)),
        { sensitivity: false }
      );
      const over = largestSchedule(a).gt(LIMITS.moneyTotal.value);
      expect(moneyLimitIssues(a).length > 0).toBe(over);
    }
  );

  it("below the cap, the workbook recalculates to the cent with totals of about 10^11", () => {
    const s = scenario((j) => (j["host"].price = "9999999999.99"));
    const a = analyze(s);
    expect(moneyLimitIssues(a)).toEqual([]);
    expect(largestSchedule(a).gt(1e10)).toBe(true);
    const plan = buildReport(s, a);
    expect(compareWithPlan(plan, recalcPlanWithHyperFormula(plan))).toEqual([]);
  });
});
