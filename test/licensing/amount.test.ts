/**
 * `amount`: money written for prose. The reference is the formulation it replaced — split at
 * the point and grouped by a regular expression — which the properties hold it to.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amount } from "../../src/licensing/messages";
import { Dec } from "../../src/money";

function referenceAmount(value: Dec): string {
  const fixed = value.toFixed(2);
  const [whole = "0", cents = "00"] = fixed.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return cents === "00" ? `${sign}${grouped}` : `${sign}${grouped}.${cents}`;
}

describe("amount", () => {
  it.each([
    ["0", "0"],
    ["4810", "4,810"],
    ["133.625", "133.63"], // half away from zero
    ["-1234567.5", "-1,234,567.50"],
    ["-0.001", "-0"],
    ["999.999", "1,000"],
    ["100000", "100,000"],
  ])("%s → %s", (value, text) => {
    expect(amount(new Dec(value))).toBe(text);
  });

  it("writes every amount as the split-and-regex formulation did", () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer({ min: 0, max: 8 }))
      .map(([units, scale]) => new Dec(units.toString()).div(new Dec(10).pow(scale)));
    fc.assert(
      fc.property(decimal, (value) => {
        expect(amount(value)).toBe(referenceAmount(value));
      }),
      { numRuns: 2000 }
    );
  });
});
