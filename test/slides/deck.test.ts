/**
 * The slides' data: the same numbers, colours and formats as the workbook's charts (the deck is
 * built from the WorkbookPlan), a title slide with the recommendation, then one chart a slide.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build";
import { OPTION_COLORS } from "../../src/report/palette";
import { parseScenario } from "../../src/scenario";
import { buildDeck } from "../../src/slides";
import { analyze } from "../../src/tco";
import { REPO_ROOT } from "../support/paths";

const parsed = parseScenario(
  JSON.parse(readFileSync(join(REPO_ROOT, "assets", "examples", "contoso-2010.json"), "utf8"))
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const analysis = analyze(parsed.scenario);
const plan = buildReport(parsed.scenario, analysis);
const deck = buildDeck(plan, analysis);

describe("the management deck", () => {
  it("opens with the recommendation and its key figures, rounded as the workbook shows them", () => {
    const title = deck.slides[0];
    expect(deck.subtitle).toBe("Recommended: Windows Server 2008 R2 Enterprise");
    expect(title?.takeaway).toBe(analysis.recommendation);
    // README: Contoso saves USD 1,765,576 with NPV 1,369,122 (evaluate's table).
    expect(title?.figures?.map((f) => f.value)).toEqual([
      "1,765,576",
      "1,369,122",
      "12 months",
      "16 (1 cluster)",
    ]);
  });

  it("has one chart slide per summary chart, in the issue's order", () => {
    expect(deck.slides.slice(1).map((s) => s.title)).toEqual([
      "Total cost of ownership per option, 5 years",
      "Cost by category",
      "Cumulative savings and payback",
      "Licence cost by edition",
      "What moves the NPV (±20 %)",
      "Capacity: hosts at peak",
    ]);
  });

  it("shows the workbook's numbers and the palette's colours", () => {
    const tco = deck.slides[1]?.chart;
    // Contoso physical TCO 3,277,416.60 (README: 3,277,417), Enterprise 1,511,839.95 → 1,511,840
    expect(tco?.series[0]?.values[0]).toBeCloseTo(3277416.6, 2);
    expect(tco?.categories).toContain("Enterprise ★");
    expect(tco?.pointColors?.[3]).toBe(OPTION_COLORS["enterprise"]);
    expect(tco?.valueFormat).toBe('"$"#,##0.0,,"M";-"$"#,##0.0,,"M";"$"0');
    const savings = deck.slides[3]?.chart;
    expect(savings?.series.map((s) => s.color)).toEqual(
      ["hyperv-server", "standard", "enterprise", "datacenter", "vsphere"].map(
        (id) => OPTION_COLORS[id]
      )
    );
    expect(savings?.emphasis).toBe(2); // Enterprise, the recommended option
  });
});
