/**
 * Percentages at the control: typed and shown in %, kept as exact fractions in the scenario,
 * validated against each field's own limits with the message in %.
 */
import { describe, expect, it } from "vitest";
import {
  INPUT_FIELDS,
  INVENTORY_FIELDS,
  defaultScenarioJson,
  parseScenario,
  type FieldSpec,
} from "../../src/scenario";
import { setAt } from "../../src/taskpane/draft";
import { CONTROLS_BY_PATH, issueText, shownText, typedValue } from "../../src/taskpane/form";
import {
  fractionOf,
  isPercent,
  percentHelp,
  percentLabel,
  percentPrompt,
  percentText,
} from "../../src/taskpane/percent";

const field = (path: string): FieldSpec => {
  const f = CONTROLS_BY_PATH.get(path)?.control.field;
  if (!f) throw new Error(`no control ${path}`);
  return f;
};

/** The message the pane shows for `value` typed into the percent box of `path`. */
function messageFor(path: string, typed: string): string | null {
  const draft = setAt(defaultScenarioJson("ws2022"), path, typedValue(field(path), typed));
  const result = parseScenario(draft);
  if (result.ok) return null;
  const issue = result.issues.find((i) => i.path === path);
  return issue ? issueText(issue, field(path)) : null;
}

describe("percent fields", () => {
  it("are the ratios and fractions: discount rate, CPU target, growth, headroom, inventory CPU", () => {
    const percent = INPUT_FIELDS.filter((f) => isPercent(f.field)).map((f) => f.path);
    expect(percent).toEqual(
      expect.arrayContaining([
        "finance.discountRate",
        "cluster.targetCpuUtilization",
        "growth.ratePerYear",
        "storage.headroom",
        "demand.idleCpuUtilization",
      ])
    );
    expect(percent).not.toContain("demand.comfortFactor");
    expect(percent).not.toContain("housing.pue");
    expect(INVENTORY_FIELDS.filter(isPercent).map((f) => f.key)).toEqual([
      "peakCpuUtilization",
      "averageCpuUtilization",
      "measuredCpuUtilization",
    ]);
  });

  it("show a fraction as its percentage, exactly", () => {
    expect(percentText("0.75")).toBe("75");
    expect(percentText(0.075)).toBe("7.5");
    expect(percentText("0.333333")).toBe("33.3333");
    expect(percentText("-0.1")).toBe("-10");
    expect(percentText("abc")).toBe("abc");
    expect(percentText(undefined)).toBe("");
    expect(percentLabel("0.07")).toBe("7 %");
    expect(shownText(field("finance.discountRate"), "0.07")).toBe("7");
    expect(shownText(field("host.memoryGiB"), "768")).toBe("768");
  });

  it("keep what is typed as the exact fraction (a % sign or a minus sign allowed)", () => {
    expect(fractionOf("75")).toBe("0.75");
    expect(fractionOf(" 7.5 % ")).toBe("0.075");
    expect(fractionOf("\u221210 %")).toBe("-0.1");
    expect(fractionOf("33.3333")).toBe("0.333333");
    expect(fractionOf("")).toBe("");
    expect(fractionOf("seven")).toBe("seven");
    expect(typedValue(field("cluster.targetCpuUtilization"), "75")).toBe("0.75");
    // 75 % round-trips to the scenario's fraction.
    const draft = setAt(defaultScenarioJson("ws2022"), "cluster.targetCpuUtilization", "0.75");
    const parsed = parseScenario(draft);
    expect(parsed.ok && parsed.scenario.cluster.targetCpuUtilization.toString()).toBe("0.75");
  });

  it("validate with the field's own limits and say so in %", () => {
    expect(messageFor("finance.discountRate", "7")).toBeNull();
    expect(messageFor("finance.discountRate", "150")).toBe(
      "Enter the discount rate per year in %, from 0 to 100, not 150 %."
    );
    expect(messageFor("cluster.targetCpuUtilization", "0")).toBe(
      "Enter the highest share of host CPU to use at peak in %, above 0 and at most 100, not 0 %."
    );
    expect(messageFor("growth.ratePerYear", "-150")).toBe(
      "Enter the yearly demand growth in %, from -100 to 100, not -150 %."
    );
    // Headroom may exceed 100 % (its limit is 10, i.e. 1,000 %).
    expect(messageFor("storage.headroom", "250")).toBeNull();
    expect(messageFor("storage.headroom", "1200")).toBe(
      "Enter the free-space headroom in %, from 0 to 1000, not 1200 %."
    );
    expect(messageFor("finance.discountRate", "seven")).toBe(
      'Enter the discount rate per year in %, from 0 to 100, not "seven".'
    );
    expect(messageFor("finance.discountRate", "")).toBe(
      "Enter the discount rate per year (in %, from 0 to 100)."
    );
  });

  it("say how to retype a percentage a file wrote as text", () => {
    const draft = setAt(defaultScenarioJson("ws2022"), "finance.discountRate", "7%");
    const result = parseScenario(draft);
    const issue = result.ok ? undefined : result.issues[0];
    expect(issue && issueText(issue, field("finance.discountRate"))).toBe(
      'Retype the discount rate per year: the scenario holds "7%", where it needs a fraction; type 7 in this box (it is in %).'
    );
  });

  it("have their help and prompts in %, never as fractions", () => {
    const fields = [...INPUT_FIELDS.map((f) => f.field), ...INVENTORY_FIELDS].filter(isPercent);
    for (const f of fields) {
      const help = percentHelp(f.help);
      expect(help, f.key).not.toMatch(/\b0\.\d+\b|0[–-]1\b|[−-]1 to 1\b/);
      expect(percentPrompt(f), f.key).not.toMatch(/\d/);
    }
    expect(percentHelp("Cost of capital per year, e.g. 0.07 for 7 %.")).toBe(
      "Cost of capital per year, e.g. 7 %."
    );
    expect(
      percentHelp("Compound growth of CPU, memory and storage demand a year (0.1 = 10 %; −1 to 1).")
    ).toBe("Compound growth of CPU, memory and storage demand a year (10 %; −100 to 100 %).");
    expect(percentHelp("Share of CPU used at peak, 0–1; sizing uses it.")).toBe(
      "Share of CPU used at peak; sizing uses it."
    );
  });
});
