import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultScenarioJson, parseScenario, type Scenario } from "../../src/scenario";
import { analyze } from "../../src/tco/analyze";
import { chartSeries, formatMoney, formatPayback, shortLabel } from "../../src/taskpane/preview";
import { toPreview } from "../../src/taskpane/toPreview";
import { REPO_ROOT } from "../support/paths";

function scenario(platform: "ws2022" | "ws2008r2"): Scenario {
  const parsed = parseScenario(defaultScenarioJson(platform));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
  return parsed.scenario;
}

describe("the preview of an analysis", () => {
  const s = scenario("ws2022");
  const analysis = analyze(s, { sensitivity: false });
  const preview = toPreview(analysis);

  it("carries each option's hosts, TCO and payback as plain numbers", () => {
    expect(preview.options.map((o) => o.id)).toEqual(s.licensing.options);
    for (const [i, o] of preview.options.entries()) {
      const a = analysis.options[i];
      expect(o.hosts).toBe(a?.capacity.hosts);
      expect(o.tco).toBe(Math.round(a?.costs.total.toNumber() ?? NaN));
      expect(o.cumulative).toHaveLength(s.finance.horizonYears + 1);
    }
    expect(preview.physicalTco).toBe(Math.round(analysis.physical.total.toNumber()));
    expect(preview.recommendation).toBe(analysis.recommendation);
    expect(preview.options.filter((o) => o.recommended).map((o) => o.id)).toEqual(
      analysis.recommended ? [analysis.recommended] : []
    );
  });

  it("charts eligible options only, staying physical first, the recommended one highlighted", () => {
    const series = chartSeries(preview);
    const eligible = preview.options.filter((o) => o.eligible);
    const rec = eligible.findIndex((o) => o.recommended);
    expect(series.hosts.values).toEqual(eligible.map((o) => o.hosts));
    expect(series.tco.labels[0]).toBe("Staying physical");
    expect(series.tco.ids[0]).toBe("baseline");
    expect(series.tco.ids.slice(1)).toEqual(eligible.map((o) => o.id));
    // The recommended option is marked as in the workbook and slides.
    expect(series.hosts.labels.filter((l) => l.endsWith(" ★"))).toHaveLength(rec >= 0 ? 1 : 0);
    expect(series.tco.values).toEqual([preview.physicalTco, ...eligible.map((o) => o.tco)]);
    expect(series.hosts.highlight).toBe(rec);
    expect(series.tco.highlight).toBe(rec + 1);
    expect(series.payback.years).toEqual([
      "Year 0",
      "Year 1",
      "Year 2",
      "Year 3",
      "Year 4",
      "Year 5",
    ]);
  });
});

describe("labels and formats", () => {
  it.each([
    ["Windows Server 2022 Datacenter", "Datacenter"],
    ["Windows Server 2008 R2 SP1 Standard", "Standard"],
    ["Hyper-V Server 2008 R2 + per-VM licences", "Hyper-V Server + per-VM"],
    ["VMware vSphere + Windows guest licences", "vSphere + guests"],
  ])("shortLabel(%s) = %s", (label, short) => {
    expect(shortLabel(label)).toBe(short);
  });

  it("formats money in the scenario's currency and payback in months", () => {
    expect(formatMoney(1234567.4, "USD")).toBe("$1,234,567");
    expect(formatMoney(1000, "EUR")).toBe("€1,000");
    expect(formatPayback(14.46)).toBe("14.5 months");
    expect(formatPayback(0)).toBe("immediately");
    expect(formatPayback(null)).toBe("not within the horizon");
  });
});

describe("the preview of leaving VMware (assets/examples/leaving-vmware-2027.json)", () => {
  const json = JSON.parse(
    readFileSync(join(REPO_ROOT, "assets", "examples", "leaving-vmware-2027.json"), "utf8")
  ) as Record<string, unknown>;
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
  const analysis = analyze(parsed.scenario, { sensitivity: false });
  const preview = toPreview(analysis);

  it("carries the renewal date against the move, as the engine's timeline", () => {
    // Start 2027-01-04, renewal 2027-09-30: 8 whole months; 25 VMs a month from month 2.
    expect(preview.timeline).toMatchObject({
      startDate: "2027-01-04",
      renewalDate: "2027-09-30",
      monthsToRenewal: 8,
      moveEndMonth: analysis.timeline?.moveEndMonth,
      renewalNeeded: analysis.timeline?.renewalNeeded,
    });
    expect(preview.timeline?.sentence).toMatch(/^At 25 VMs a month from month 2 /);
  });

  it("says the owned licences openly and carries each path's dual running and the renewal's licences", () => {
    expect(preview.owned).toContain("320 Datacenter cores and 0 Standard cores");
    expect(preview.baselineHosts).toBe(analysis.baselineHosts);
    expect(preview.baselineLicensing).toBe(
      Math.round(analysis.physical.byCategory.licensing.toNumber())
    );
    for (const [i, o] of preview.options.entries())
      expect(o.transition).toBe(Math.round(analysis.options[i]?.transition.toNumber() ?? NaN));
    // Dual running is paid by the paths that move (the CLI's "Dual running" row).
    expect(preview.options.find((o) => o.id === "standard")?.transition).toBeGreaterThan(0);
  });

  it("places the renewal date on the savings chart between the year-end points", () => {
    // leaving-vmware-2027.json: start 2027-01-04, renewal 2027-09-30 = month 8 (the timeline's count).
    expect(preview.timeline?.monthsToRenewal).toBe(8);
    expect(chartSeries(preview).payback.renewal).toEqual({ atYears: 8 / 12, date: "2027-09-30" });
    const after = { ...preview, horizonYears: 0 };
    expect(chartSeries(after).payback.renewal).toBeNull();
  });

  it("names today's paths as their quotes do in the charts", () => {
    const series = chartSeries(preview);
    expect(series.tco.labels[0]).toBe("Staying on VCF");
    expect(series.tco.labels).toContain("Pay-as-you-go (Arc)");
  });

  it("says nothing of owned licences when none are entered and the baseline is physical", () => {
    const plain = toPreview(analyze(scenario("ws2022"), { sensitivity: false }));
    expect(plain.owned).toBeNull();
    expect(plain.timeline).toBeNull();
    expect(chartSeries(plain).payback.renewal).toBeNull();
  });
});
