import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDecimal, formatWhole, money, roundWhole } from "../../src/money";

describe("the one rounding rule for whole units", () => {
  it("rounds half away from zero, like Excel's #,##0 format", () => {
    // Contoso physical TCO 3,277,416.60: Excel's #,##0 shows 3,277,417 (the CLI once printed 3,277,416).
    expect(formatWhole(money("3277416.60"))).toBe("3,277,417");
    // Excel: =ROUND(2.5,0) → 3; =ROUND(-2.5,0) → -3; =ROUND(1234.49,0) → 1234
    expect(roundWhole("2.5").toString()).toBe("3");
    expect(roundWhole("-2.5").toString()).toBe("-3");
    expect(formatWhole("1234.49")).toBe("1,234");
    expect(formatWhole("-1765576.5")).toBe("-1,765,577");
    expect(formatWhole("-0.4")).toBe("0");
  });

  it("accepts the pane's JS numbers by their shortest text", () => {
    expect(formatWhole(1517696.45)).toBe("1,517,696");
    expect(formatWhole(0.5)).toBe("1");
  });

  it("formats quantities with at most the decimals asked for", () => {
    // The import report once printed 76.9599609375 GiB.
    expect(formatDecimal("76.9599609375", 2)).toBe("76.96");
    expect(formatDecimal("1234567.5", 2)).toBe("1,234,567.5");
    expect(formatDecimal("12.0", 2)).toBe("12");
    expect(formatDecimal("0.005", 2)).toBe("0.01");
  });

  it("agrees with Math.round away from zero on whole-cent amounts (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const units = Math.sign(cents) * Math.round(Math.abs(cents) / 100);
        const text = formatWhole(money(cents).div(100));
        expect(Number(text.replace(/,/g, ""))).toBe(units === 0 ? 0 : units);
      })
    );
  });
});
