/**
 * Sensitivity: the ±20 % tornado of the recommended option's NPV, and break-even values that
 * really make the NPV cross zero. Every NPV here is re-evaluated through `analyze` on a
 * `scaled()` scenario — not through the sensitivity code's own shortcuts (shared plans,
 * reused physical baseline, cost lines re-priced rather than costed afresh).
 */
import { describe, expect, it } from "vitest";
import { Dec, ONE } from "../../src/money";
import {
  defaultScenarioJson,
  scenarioToJson,
  type InventoryRow,
  type OptionId,
  type Scenario,
} from "../../src/scenario";
import {
  analyze,
  scaled,
  type Analysis,
  type SensitivityInput,
  type SensitivityRow,
} from "../../src/tco";
import { d, parsed, realisticInventory, s, scenarioWith, server } from "./fixtures";

/** The optional columns of an inventory row. */
type OptionalColumn = {
  [K in keyof InventoryRow]-?: undefined extends InventoryRow[K] ? K : never;
}[keyof InventoryRow];

/** `init`'s ws2022 scenario: a small estate whose Standard option barely pays (NPV ≈ 5,824). */
const initScenario = parsed(defaultScenarioJson("ws2022"));

/** 60 realistic 2010 servers where utilisation decides the hosts, and so the NPV's sign. */
const utilisationBound = (() => {
  const json = defaultScenarioJson("ws2008r2", realisticInventory(60, 7)) as Record<string, any>;
  json["manpower"] = { ...json["manpower"], hoursPerPhysicalServerPerYear: "20" };
  json["physical"] = { ...json["physical"], serverPrice: "2500" };
  return parsed(json);
})();

/** 30 modern servers over 10 years without a host refresh: the discount rate ranks in the top three. */
const longHorizon = (() => {
  const json = defaultScenarioJson("ws2022", realisticInventory(30, 11)) as Record<string, any>;
  json["manpower"] = {
    ...json["manpower"],
    adminHourlyRate: "20",
    hoursPerPhysicalServerPerYear: "10",
  };
  json["finance"] = { ...json["finance"], horizonYears: 10 };
  json["virtual"] = { ...json["virtual"], hostRefreshYears: 30 };
  return parsed(json);
})();

const analyses = new Map<Scenario, Analysis>();
const analysed = (sc: Scenario): Analysis => {
  let a = analyses.get(sc);
  if (!a) analyses.set(sc, (a = analyze(sc)));
  return a;
};

/** The NPV of `option` with `input` scaled by `factor`, through a full `analyze`. */
function npvScaled(sc: Scenario, option: OptionId, input: SensitivityInput, factor: Dec): Dec {
  const floor = input === "housing.pue" ? ONE : undefined;
  const variant = scaled(sc, input, factor, floor);
  const o = analyze(variant, { sensitivity: false }).options.find((x) => x.id === option);
  if (!o) throw new Error(`no option ${option}`);
  return o.businessCase.npv;
}

/** The scale factor that turns the row's base value into `value` (licence prices are a factor already). */
const factorFor = (row: SensitivityRow, value: Dec): Dec =>
  row.input === "licensing.prices" ? value : value.div(row.baseValue);

const scenarios: [string, Scenario][] = [
  ["init's ws2022 scenario", initScenario],
  ["60 servers on 2008 R2, utilisation-bound", utilisationBound],
  ["30 servers over 10 years", longHorizon],
];

describe("the tornado", () => {
  it.each(scenarios)(
    "%s: rows sorted by swing, largest first; swing = |NPV high − NPV low|",
    (_name, sc) => {
      const rows = analysed(sc).sensitivity!.rows;
      expect(rows.length).toBe(9);
      for (let i = 1; i < rows.length; i++)
        expect(
          rows[i - 1]!.swing.gte(rows[i]!.swing),
          `${rows[i - 1]!.input} before ${rows[i]!.input}`
        ).toBe(true);
      for (const r of rows) expect(r.swing.eq(r.npvHigh.minus(r.npvLow).abs())).toBe(true);
    }
  );

  it.each(scenarios)("%s: low and high values are base × 0.8 and × 1.2", (_name, sc) => {
    for (const r of analysed(sc).sensitivity!.rows) {
      expect(s(r.lowValue), r.input).toBe(s(r.baseValue.times("0.8")));
      expect(s(r.highValue), r.input).toBe(s(r.baseValue.times("1.2")));
    }
  });

  it("analyses the recommended option, from its own NPV", () => {
    const a = analysed(initScenario);
    expect(a.sensitivity?.option).toBe(a.recommended);
    const rec = a.options.find((o) => o.id === a.recommended)!;
    expect(s(a.sensitivity!.baseNpv)).toBe(s(rec.businessCase.npv));
  });

  it.each([
    "host.price",
    "housing.electricityPerKWh",
    "manpower.adminHourlyRate",
    "physical.serverPrice",
    "finance.discountRate",
    "licensing.prices",
    "inventory.peakCpuUtilization",
  ] satisfies SensitivityInput[])(
    "NPV low/high of %s equal a fresh analyze of the scenario scaled by 0.8 / 1.2",
    (input) => {
      const a = analysed(utilisationBound);
      const row = a.sensitivity!.rows.find((r) => r.input === input)!;
      expect(s(row.npvLow)).toBe(
        s(npvScaled(utilisationBound, a.sensitivity!.option, input, d("0.8")))
      );
      expect(s(row.npvHigh)).toBe(
        s(npvScaled(utilisationBound, a.sensitivity!.option, input, d("1.2")))
      );
    }
  );

  it("floors PUE at 1: at PUE 1.1 the low case is 1, not 0.88", () => {
    const sc = scenarioWith("ws2022", [server("A"), server("B"), server("C")], {
      housing: { pue: "1.1" },
    });
    const pue = analyze(sc).sensitivity!.rows.find((r) => r.input === "housing.pue")!;
    expect([s(pue.baseValue), s(pue.lowValue), s(pue.highValue)]).toEqual(["1.1", "1", "1.32"]);
    expect(s(scaled(sc, "housing.pue", d("0.8"), ONE).housing.pue)).toBe("1");
  });

  it("caps utilisation at 1: at a 90 % peak the high case is 100 %, not 108 %", () => {
    const sc = scenarioWith("ws2022", [
      server("A", { peakCpuUtilization: "0.9" }),
      server("B", { peakCpuUtilization: "0.9" }),
    ]);
    const peak = analyze(sc).sensitivity!.rows.find(
      (r) => r.input === "inventory.peakCpuUtilization"
    )!;
    expect([s(peak.baseValue), s(peak.lowValue), s(peak.highValue)]).toEqual(["0.9", "0.72", "1"]);
    const up = scaled(sc, "inventory.peakCpuUtilization", d("1.2"));
    expect(up.inventory.map((r) => s(r.peakCpuUtilization))).toEqual(["1", "1"]);
    // the average follows, never above the peak: 0.1 × 1.2 = 0.12
    expect(up.inventory.map((r) => s(r.averageCpuUtilization))).toEqual(["0.12", "0.12"]);
  });
});

describe("scaled()", () => {
  const inputs: SensitivityInput[] = [
    "inventory.peakCpuUtilization",
    "host.price",
    "licensing.prices",
    "housing.electricityPerKWh",
    "housing.pue",
    "manpower.adminHourlyRate",
    "manpower.hoursPerPhysicalServerPerYear",
    "physical.serverPrice",
    "finance.discountRate",
  ];

  it.each(inputs)("never mutates the original scenario (%s)", (input) => {
    const sc = scenarioWith("ws2008r2", [server("A"), server("B", { os: "linux" })]);
    const before = JSON.stringify(scenarioToJson(sc));
    const variant = scaled(sc, input, d("1.5"));
    scaled(sc, input, d("0.5"), ONE);
    expect(JSON.stringify(scenarioToJson(sc))).toBe(before);
    expect(variant).not.toBe(sc);
    expect(JSON.stringify(scenarioToJson(variant))).not.toBe(before);
  });

  it("copies each utilisation row with its columns in order, the optional ones too", () => {
    // Rows without optional columns take a literal copy of the required ones, the others a
    // general copy: both must keep every other value and the parser's key order. One row per
    // optional column, each alone (a column the literal copy's guard does not read is lost
    // there); the type lists every optional column of InventoryRow, so a new one must join it.
    const oneOptional: { readonly [K in OptionalColumn]-?: string } = {
      storageInUseGiB: "30",
      measuredPercentile: "p95",
      measuredCpuUtilization: "0.2",
      measuredMemoryGiB: "3",
      averageDiskMBps: "1",
      averageNetworkMBps: "2",
    };
    const sc = scenarioWith("ws2008r2", [
      server("A"),
      server("B", { storageInUseGiB: "30", averageNetworkMBps: "2" }),
      ...Object.entries(oneOptional).map(([key, value]) => server(`only-${key}`, { [key]: value })),
    ]);
    const up = scaled(sc, "inventory.peakCpuUtilization", d("1.2"));
    up.inventory.forEach((row, i) => {
      const original = sc.inventory[i]!;
      expect(Object.keys(row)).toEqual(Object.keys(original));
      for (const key of Object.keys(row) as (keyof typeof row)[])
        if (key !== "peakCpuUtilization" && key !== "averageCpuUtilization")
          expect(row[key]).toBe(original[key]);
      expect(s(row.peakCpuUtilization)).toBe(s(original.peakCpuUtilization.times("1.2")));
    });
  });

  it("changes only the one input, sharing the untouched sections", () => {
    const sc = scenarioWith("ws2008r2", [server("A")]);
    const variant = scaled(sc, "host.price", d("1.2"));
    expect(s(variant.host.price)).toBe("10800"); // 9000 × 1.2
    expect(s(sc.host.price)).toBe("9000");
    expect(variant.housing).toBe(sc.housing);
    expect(variant.inventory).toBe(sc.inventory);
    const prices = scaled(sc, "licensing.prices", d("2"));
    expect(s(prices.licensing.prices.datacenter)).toBe("4810"); // 2405 × 2
    expect(prices.licensing.options).toBe(sc.licensing.options);
  });
});

describe("break-even values", () => {
  it.each(scenarios)(
    "%s: each break-even value makes the NPV cross 0 (re-evaluated by analyze)",
    (_name, sc) => {
      const sens = analysed(sc).sensitivity!;
      const rows = sens.rows.filter((r) => r.breakEvenValue !== null);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const value = row.breakEvenValue!;
        const at = (k: string) =>
          npvScaled(sc, sens.option, row.input, factorFor(row, value.times(k)));
        // The NPV changes sign within ±1 % of the value (for utilisation, a step function of the
        // hosts needed, this is all one can ask: the NPV jumps across 0 rather than through it).
        const below = at("0.99");
        const above = at("1.01");
        expect(
          below.isNegative() !== above.isNegative() || below.isZero() || above.isZero(),
          `${row.input} = ${value}: NPV ${below} … ${above}`
        ).toBe(true);
        if (row.input !== "inventory.peakCpuUtilization") {
          // Continuous inputs: at the value itself (4 significant digits) the NPV is ≈ 0.
          const npv = at("1");
          expect(
            npv.abs().lte(sens.baseNpv.abs().times("0.01")),
            `${row.input} = ${value}: NPV ${npv} vs base ${sens.baseNpv}`
          ).toBe(true);
        }
      }
    }
  );

  /**
   * The break-even value as the sensitivity analysis bisects for it (from factor 1 toward the
   * NPV's zero, up to 20× or down to 0.0001×; the factor to 6 decimals; stopping once both ends
   * report the same 4 significant digits), with every NPV from a full `analyze`: what its
   * shortcuts (re-priced lines, NPV signs read off a straight line) must reproduce.
   */
  function referenceBreakEven(sc: Scenario, option: OptionId, row: SensitivityRow, baseNpv: Dec) {
    const npv = (x: number): Dec => npvScaled(sc, option, row.input, d(x.toFixed(6)));
    const reported = (x: number): string =>
      s(row.baseValue.times(d(x.toFixed(6))).toSignificantDigits(4));
    const towardZero = baseNpv.isPositive() === row.npvHigh.lt(row.npvLow);
    let [a, b] = towardZero ? [1, 20] : [0.0001, 1];
    const fa = npv(a);
    if (fa.isZero()) return reported(a);
    if (fa.isNegative() === npv(b).isNegative()) return null;
    for (let i = 0; i < 30 && reported(a) !== reported(b); i++) {
      const m = (a + b) / 2;
      if (npv(m).isNegative() === fa.isNegative()) a = m;
      else b = m;
    }
    return reported((a + b) / 2);
  }

  // The utilisation-bound estate breaks even on utilisation alone (a re-plan, not a price).
  it.each(scenarios.filter(([, sc]) => sc !== utilisationBound))(
    "%s: each break-even value of a priced input is the bisection's over full analyses",
    (_name, sc) => {
      const sens = analysed(sc).sensitivity!;
      const rows = sens.rows.filter(
        (r) => r.breakEvenValue !== null && r.input !== "inventory.peakCpuUtilization"
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows)
        expect(s(row.breakEvenValue!), row.input).toBe(
          referenceBreakEven(sc, sens.option, row, sens.baseNpv)
        );
    }
  );

  it("init's ws2022 scenario: admin hours per server, physical server price and host price break even", () => {
    const rows = analysed(initScenario)
      .sensitivity!.rows.filter((r) => r.breakEvenValue !== null)
      .map((r) => r.input);
    expect(rows.sort()).toEqual([
      "host.price",
      "manpower.hoursPerPhysicalServerPerYear",
      "physical.serverPrice",
    ]);
  });

  it("a utilisation-bound estate: the peak utilisation has a break-even, above the base (more hosts)", () => {
    const row = analysed(utilisationBound).sensitivity!.rows.find(
      (r) => r.input === "inventory.peakCpuUtilization"
    )!;
    expect(row.breakEvenValue).not.toBeNull();
    expect(row.breakEvenValue!.gt(row.baseValue)).toBe(true);
  });

  it("the discount rate's break-even is the IRR (to its 4 significant digits)", () => {
    const a = analysed(longHorizon);
    const row = a.sensitivity!.rows.find((r) => r.input === "finance.discountRate")!;
    const irr = a.options.find((o) => o.id === a.recommended)!.businessCase.irr!;
    expect(row.breakEvenValue).not.toBeNull();
    expect(s(row.breakEvenValue!)).toBe(s(irr.toSignificantDigits(4)));
  });

  it("sensitivity is skipped on request (the task pane's recompute path)", () => {
    expect(analyze(initScenario, { sensitivity: false }).sensitivity).toBeNull();
  });
});
