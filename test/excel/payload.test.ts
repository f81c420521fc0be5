import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_REQUEST_BYTES,
  batchBytes,
  estimateRequestBytes,
  formulaCell,
  needsTextPrefix,
  scheduleBatches,
  utf8Length,
  writeUnits,
} from "../../src/excel/payload";
import { syntheticPlan, syntheticScenario } from "./planFixtures";

describe("formulaCell", () => {
  it.each([
    [{ v: 12.5 }, 12.5],
    [{ v: true }, true],
    [{ v: null }, ""],
    [{ v: "Hosts" }, "Hosts"],
    [{ v: "001" }, "'001"], // would become the number 1
    [{ v: "=not a formula" }, "'=not a formula"],
    [{ v: "TRUE" }, "'TRUE"],
    [{ v: "1/2" }, "'1/2"], // would become a date
    [{ v: 99, f: "=A1*2" }, "=A1*2"],
  ])("%j is written as %j", (cell, expected) => {
    expect(formulaCell(cell)).toBe(expected);
  });

  it("quotes only text Excel could read as something else", () => {
    expect(["Name", "RAM (GiB)", "hyperv-server, standard"].map(needsTextPrefix)).toEqual([
      false,
      false,
      false,
    ]);
    expect(["'x", "-5", "ws2008r2", "false"].map(needsTextPrefix)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });
});

describe("request size", () => {
  it("counts UTF-8 bytes", () => {
    expect(utf8Length("a€😀")).toBe(1 + 3 + 4);
  });

  it("packs units in order into requests under the budget, splitting only big blocks", () => {
    const plan = syntheticPlan(syntheticScenario(2_000));
    const budget = 200_000;
    const batches = scheduleBatches(plan, budget);
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(batchBytes(b)).toBeLessThanOrEqual(budget);
    // All sheets are created in the first request, so formulas never refer to a missing sheet.
    expect(batches[0]?.filter((u) => u.kind === "sheet").length).toBe(plan.sheets.length);
    // Nothing is split when the whole write fits.
    const whole = scheduleBatches(plan, DEFAULT_MAX_REQUEST_BYTES);
    expect(whole.length).toBe(1);
    expect(whole[0]).toEqual(writeUnits(plan));
    expect(batchBytes(whole[0] ?? [])).toBe(estimateRequestBytes(plan));
    // Chunks of a split block tile it exactly, and requests are filled before a new one starts.
    const chunks = batches
      .flat()
      .flatMap((u) => (u.kind === "rows" && u.sheet === 2 ? [[u.fromRow, u.toRow]] : []));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]?.[0]).toBe(0);
    chunks.slice(1).forEach((c, i) => expect(c[0]).toBe(chunks[i]?.[1]));
    expect(chunks.at(-1)?.[1]).toBe(2_001);
    const total = batches.reduce((sum, b) => sum + batchBytes(b), 0);
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(total / budget) + 1);
  });
});
