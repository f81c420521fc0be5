/**
 * Staying physical: each cost rule of the baseline, worked by hand from the inputs.
 *
 * Estate: FILE ×2 (Windows, 200 W, 1U) and WEB ×1 (Linux, 300 W, 2U) — 3 servers, 2 of them
 * Windows, 700 W, 4U. Inputs (ROUND_INPUTS): serverPrice 4000, OEM licence 800, refresh every
 * 4 years, maintenance 10 %, PUE 1.5, 0.10 per kWh, 240 per U per year, setup 250 per device,
 * 60 admin hours per server per year at 50 an hour; horizon 5 years.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, ZERO } from "../../src/money";
import {
  COST_CATEGORIES,
  physicalBaselineLines,
  physicalLines,
  physicalQuantities,
  schedule,
  type CostLine,
} from "../../src/tco";
import { s, scenarioWith, server } from "./fixtures";

const estate = scenarioWith("ws2008r2", [
  server("FILE", { count: 2, os: "windows", powerWatts: "200", rackUnits: 1 }),
  server("WEB", { count: 1, os: "linux", powerWatts: "300", rackUnits: 2 }),
]);
const lines = physicalBaselineLines(estate);
const byId = (id: string): CostLine => {
  const line = lines.find((l) => l.id === id);
  if (!line) throw new Error(`no line ${id} in ${lines.map((l) => l.id).join(", ")}`);
  return line;
};

describe("physical baseline: one line per cost rule, amounts per year worked by hand", () => {
  it.each([
    // id, category, quantity, amount in each of years 1…5 (year 0 is 0: nothing is bought to stay)
    ["physical.refresh", "hardware", "3", "3000"], //        3 servers × 4000 ÷ 4-year cycle = 3000 a year
    ["physical.oemLicences", "licensing", "2", "400"], //    2 Windows servers × 800 ÷ 4 = 400 (Linux needs none)
    ["physical.maintenance", "maintenance", "3", "1200"], // 3 × 4000 × 10 % = 1200
    ["physical.power", "power", "700", "919.8"], //          (2×200 + 300) W × 8.76 kWh/W·yr × 1.5 PUE × 0.10 = 919.80
    ["physical.space", "space", "4", "960"], //              (2×1U + 2U) × 240 = 960
    ["physical.setup", "setup", "3", "187.5"], //            3 refreshed servers × 250 ÷ 4 = 187.50
    ["physical.admin", "manpower", "3", "9000"], //          3 × 60 h × 50 = 9000
  ])("%s (%s): quantity %s, %s a year", (id, category, quantity, perYear) => {
    const line = byId(id);
    expect(line.category).toBe(category);
    expect(s(line.quantity)).toBe(quantity);
    expect(line.amounts.map(s)).toEqual(["0", perYear, perYear, perYear, perYear, perYear]);
  });

  it("has exactly these seven lines", () => {
    expect(lines.map((l) => l.id)).toEqual([
      "physical.refresh",
      "physical.oemLicences",
      "physical.maintenance",
      "physical.power",
      "physical.space",
      "physical.setup",
      "physical.admin",
    ]);
  });

  it("adds up to 15,667.30 a year and 78,336.50 over 5 years", () => {
    // 3000 + 400 + 1200 + 919.80 + 960 + 187.50 + 9000 = 15,667.30; × 5 = 78,336.50
    const costs = schedule(lines, 5);
    expect(costs.years.map((y) => s(y.total))).toEqual([
      "0",
      "15667.3",
      "15667.3",
      "15667.3",
      "15667.3",
      "15667.3",
    ]);
    expect(s(costs.total)).toBe("78336.5");
    expect(s(costs.byCategory.manpower)).toBe("45000"); // 9000 × 5
    expect(s(costs.byCategory.migration)).toBe("0"); //   staying physical migrates nothing
  });

  it("names the inputs each line multiplies, so the workbook can write it as a live formula", () => {
    expect(byId("physical.refresh").factors).toEqual([
      { path: "physical.serverPrice", exponent: 1 },
      { path: "physical.refreshCycleYears", exponent: -1 },
    ]);
    expect(s(byId("physical.power").constant)).toBe("8.76"); // 8,760 h ÷ 1,000 W per kW
    expect(byId("physical.power").factors.map((f) => f.path)).toEqual([
      "housing.pue",
      "housing.electricityPerKWh",
    ]);
  });
});

describe("physical baseline: rounding and edge cases", () => {
  it.each([
    // watts, pue, tariff, expected, arithmetic
    ["700", "1.8", "0.1016", "1121.42"], // 700 × 8.76 × 1.8 × 0.1016 = 1121.42016 → 1121.42
    ["1", "1", "0.125", "1.1"], //          1 × 8.76 × 1 × 0.125 = 1.095 exactly → 1.10 half away from zero (Excel ROUND; a float 1.095 would round to 1.09)
    ["219", "1.58", "0.13", "394.05"], //   219 × 8.76 = 1918.44; × 1.58 = 3031.1352; × 0.13 = 394.047576 → 394.05
  ])("power of %s W at PUE %s and %s per kWh is %s a year", (watts, pue, tariff, expected) => {
    const one = scenarioWith("ws2022", [server("X", { powerWatts: watts })], {
      housing: { pue, electricityPerKWh: tariff },
    });
    const power = physicalBaselineLines(one).find((l) => l.id === "physical.power");
    expect(power?.amounts.map(s)).toEqual(["0", expected, expected, expected, expected, expected]);
  });

  it("rounds each year to the cent: 1 server × 250 setup ÷ 3-year cycle = 83.333… → 83.33", () => {
    const one = scenarioWith("ws2008r2", [server("X")], { physical: { refreshCycleYears: 3 } });
    const setup = physicalBaselineLines(one).find((l) => l.id === "physical.setup");
    expect(setup?.amounts.map(s)).toEqual(["0", "83.33", "83.33", "83.33", "83.33", "83.33"]);
  });

  it("books no OEM licence line for an all-Linux estate, and no power line at 0 W", () => {
    const linux = scenarioWith("ws2008r2", [
      server("L", { os: "linux", powerWatts: "0", count: 4 }),
    ]);
    const ids = physicalBaselineLines(linux).map((l) => l.id);
    expect(ids).not.toContain("physical.oemLicences");
    expect(ids).not.toContain("physical.power");
    expect(ids).toContain("physical.refresh");
  });

  it("counts a row's servers by its count (physicalQuantities)", () => {
    // FILE ×2: 2 servers, 2 Windows, 2 × 200 W, 2 × 1U; WEB ×1: 1, 0, 300 W, 2U
    const q = physicalQuantities(estate.inventory.map((row) => ({ row, count: row.count })));
    expect({ ...q, watts: s(q.watts) }).toEqual({
      servers: 3,
      windowsServers: 2,
      watts: "700",
      rackUnits: 4,
    });
  });

  it("sums watts as row by row, in order, whatever the figures (property)", () => {
    // Whole watts are summed per distinct figure; long fractions must still come out as the
    // plain loop's 40-digit sum.
    const figure = fc.oneof(
      fc.integer({ min: 0, max: 5000 }).map(String),
      fc.integer({ min: 0, max: 99_999 }).map((w) => (w / 100).toFixed(2)),
      fc.constant("123.4567890123456789012345678901234567891"),
      fc.constant("99999999999999999999999999999999999999")
    );
    fc.assert(
      fc.property(
        fc.array(figure, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 40 })), { maxLength: 30 }),
        (figures, picks) => {
          // Rows share a figure's Decimal, as the parser shares one among rows of the same text.
          const pool = figures.map((w) => new Dec(w));
          const rows = picks.map(([i, count]) => ({
            row: { ...estate.inventory[0]!, powerWatts: pool[i % pool.length]! },
            count,
          }));
          const byRow = rows.reduce((sum, r) => sum.plus(r.row.powerWatts.times(r.count)), ZERO);
          expect(s(physicalQuantities(rows).watts)).toBe(s(byRow));
        }
      )
    );
  });

  it("labels lines for the servers that stay physical in an option, with their own id prefix", () => {
    const q = physicalQuantities([{ row: estate.inventory[0]!, count: 2 }]);
    const kept = physicalLines(estate, q, "datacenter.stayPhysical", " — servers staying physical");
    expect(kept.map((l) => l.id)[0]).toBe("datacenter.stayPhysical.refresh");
    expect(kept[0]?.label).toMatch(/servers staying physical$/);
    // 2 × 4000 ÷ 4 = 2000 a year
    expect(s(kept[0]!.amounts[1]!)).toBe("2000");
  });

  it("files every line under a known category", () => {
    for (const l of lines) expect(COST_CATEGORIES).toContain(l.category);
  });
});
