import { describe, expect, it } from "vitest";
import { defaultScenarioJson, parseScenario, type Scenario } from "../../src/scenario";
import { analyze } from "../../src/tco/analyze";
import {
  chartSeries,
  formatMoney,
  formatPayback,
  shortLabel,
  toPreview,
} from "../../src/taskpane/preview";

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
