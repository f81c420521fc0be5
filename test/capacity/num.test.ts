/**
 * `num`: figures in the capacity engine's messages. The reference is the formulation every
 * figure was first written with — split at the point, grouped and trimmed by regular
 * expressions — which the property holds it to.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { num } from "../../src/capacity/messages";

function referenceNum(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole = "0", fraction = ""] = rounded.toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const trimmed = fraction.replace(/0+$/, "");
  const sign = value < 0 && rounded !== 0 ? "-" : "";
  return `${sign}${grouped}${trimmed.length > 0 ? `.${trimmed}` : ""}`;
}

describe("num", () => {
  it.each([
    [1234.5, 2, "1,234.5"],
    [26.369999, 2, "26.37"],
    [100, 2, "100"],
    [999.995, 2, "1,000"],
    [0.004, 2, "0"],
    [-0.004, 2, "0"],
    [-12.5, 1, "-12.5"],
    [10, 0, "10"],
    [0.1 + 0.2, 2, "0.3"],
    // From 1e21 toFixed writes an exponent: kept whole (the regex formulation trimmed the
    // exponent's trailing zero as a decimal's, writing 1e+11 for 1e+110).
    [1e110, 0, "1e+110"],
    [-1.5e25, 0, "-1.5e+25"],
    [Number.MAX_VALUE, 3, "Infinity"], // × 1,000 overflows before rounding, as it always did
    [Number.NEGATIVE_INFINITY, 2, "-Infinity"],
    [Number.NaN, 2, "NaN"],
  ])("num(%s, %s) → %s", (value, decimals, text) => {
    expect(num(value, decimals)).toBe(text);
  });

  it("writes every figure below 1e21 as the split-and-regex formulation did", () => {
    const figure = fc.oneof(
      fc.double({ min: -1e20, max: 1e20 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.double({ min: -2000, max: 2000 }),
      fc.integer({ min: -5000, max: 5000 }).map((n) => n / 8),
      fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100)
    );
    fc.assert(
      fc.property(figure, fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        expect(num(value, decimals)).toBe(referenceNum(value, decimals));
      }),
      { numRuns: 5000 }
    );
  });
});
