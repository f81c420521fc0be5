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

describe("the deck for leaving VMware (a baseline named after products, payback from the start)", () => {
  const read = parseScenario(
    JSON.parse(
      readFileSync(join(REPO_ROOT, "assets", "examples", "leaving-vmware-2027.json"), "utf8")
    )
  );
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const vmware = analyze(read.scenario);
  const slides = buildDeck(buildReport(read.scenario, vmware), vmware).slides;
  const text = slides.flatMap((s) => [s.takeaway ?? "", ...(s.bullets ?? [])]).join("\n");

  it("keeps the product names' capitals and names the platform as Microsoft does", () => {
    expect(vmware.baselineLabel).toBe("Staying on VMware Cloud Foundation");
    expect(text).toContain("for staying on VMware Cloud Foundation.");
    expect(text).toContain("Compared with staying on VMware Cloud Foundation: ");
    expect(text).not.toMatch(/vmware cloud/);
    expect(slides[0]?.bullets?.[1]).toMatch(/^Windows Server 2025, 5-year horizon/);
  });

  it("says a path that saves from the start has nothing to pay back, not '0 months'", () => {
    const rec = vmware.options.find((o) => o.id === vmware.recommended)!;
    expect(rec.businessCase.payback.reached && rec.businessCase.payback.months.isZero()).toBe(true);
    expect(slides[0]?.figures?.find((f) => f.label === "Payback")?.value).toBe("immediately");
    expect(slides.find((s) => s.title === "Cumulative savings and payback")?.takeaway).toBe(
      "VVF + guests saves from the start."
    );
    expect(text).not.toMatch(/\b0 months\b/);
  });

  it("puts the input that moves the NPV most inside the sentence, in lower case", () => {
    const top = vmware.sensitivity!.rows[0]!;
    expect(top.label).toBe("Licence prices (all)");
    expect(slides.find((s) => s.title === "What moves the NPV (±20 %)")?.takeaway).toMatch(
      /^The NPV moves most with licence prices \(all\): USD [\d,]+ to USD [\d,]+\.$/
    );
  });
});

describe("the deck's sentences count in words", () => {
  const deckOf = (example: string) => {
    const read = parseScenario(
      JSON.parse(readFileSync(join(REPO_ROOT, "assets", "examples", `${example}.json`), "utf8"))
    );
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const a = analyze(read.scenario, { sensitivity: false });
    return buildDeck(buildReport(read.scenario, a), a).slides;
  };
  const takeaway = (slides: ReturnType<typeof deckOf>, title: string) =>
    slides.find((s) => s.title === title)?.takeaway;

  it("lists the break-even points once, with 'and' before the last", () => {
    // Contoso: Hyper-V Server + per-VM, Standard, Enterprise, Datacenter, vSphere + guests.
    expect(takeaway(deck.slides, "Licence cost by edition")).toBe(
      "The cheapest edition changes at 4, 5, 7 and 9 VMs per host."
    );
    expect(takeaway(deckOf("book-example"), "Licence cost by edition")).toBe(
      "The cheapest edition changes at 26 VMs per host."
    );
  });

  it("says how many servers stay physical: none, one, or several", () => {
    const capacity = "Capacity: hosts at peak";
    expect(takeaway(deckOf("leaving-vmware-2027"), capacity)).toMatch(
      /; no server stays physical\.$/
    );
    expect(takeaway(deckOf("modern-2022"), capacity)).toMatch(/; 1 server stays physical\.$/);
    expect(takeaway(deck.slides, capacity)).toMatch(/; 3 servers stay physical\.$/);
  });
});
