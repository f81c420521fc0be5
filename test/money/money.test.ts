import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  allocate,
  Dec,
  dec,
  formatMoney,
  money,
  roundCents,
  sum,
  sumOfProducts,
  ZERO,
} from "../../src/money";

describe("money", () => {
  it("keeps exact decimals where floats drift", () => {
    // 0.1 + 0.2 in binary floating point is 0.30000000000000004
    expect(money("0.1").plus(money("0.2")).toString()).toBe("0.3");
  });

  it("rounds half away from zero like Excel's ROUND", () => {
    // Excel: =ROUND(2.345, 2) → 2.35; =ROUND(-2.345, 2) → -2.35
    expect(roundCents(money("2.345")).toFixed(2)).toBe("2.35");
    expect(roundCents(money("-2.345")).toFixed(2)).toBe("-2.35");
    expect(formatMoney(money("1250"))).toBe("1250.00");
  });

  it("uses its own constructor, leaving decimal.js's global configuration alone", async () => {
    const { default: Global } = await import("decimal.js");
    expect(Global.rounding).toBe(Global.ROUND_HALF_UP); // decimal.js default, untouched
    expect(Dec.precision).toBe(40);
    expect(Global.precision).toBe(20);
  });

  it("rejects non-finite values as programmer errors", () => {
    expect(() => dec(Number.NaN)).toThrow(/finite/);
    expect(() => dec("Infinity")).toThrow(/finite/);
  });

  it("sums exactly", () => {
    expect(sum([money("726"), money("2358.10"), money("0.01")]).toFixed(2)).toBe("3084.11");
    expect(sum([]).toString()).toBe("0");
  });

  it("allocates 100.00 over three equal parts without losing a cent", () => {
    // 10000 cents / 3 = 3333.33… → 3333, 3333, 3333 and one leftover cent to the first part
    expect(allocate(money("100"), [1, 1, 1]).map((m) => m.toFixed(2))).toEqual([
      "33.34",
      "33.33",
      "33.33",
    ]);
  });

  it("allocates by ratio, largest remainder first", () => {
    // 5.00 over 70:30 → 3.50 and 1.50 exactly
    expect(allocate(money("5"), [70, 30]).map((m) => m.toFixed(2))).toEqual(["3.50", "1.50"]);
    // 0.05 over 1:1:1 → 5 cents: 1.66.. each → 1,1,1 + 2 leftovers to the first two
    expect(allocate(money("0.05"), [1, 1, 1]).map((m) => m.toFixed(2))).toEqual([
      "0.02",
      "0.02",
      "0.01",
    ]);
    expect(allocate(money("-10"), [1, 2]).map((m) => m.toFixed(2))).toEqual(["-3.33", "-6.67"]);
  });

  it("allocation always sums to the total (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
          .filter((r) => r.some((x) => x > 0)),
        (cents, ratios) => {
          const total = new Dec(cents).div(100);
          const parts = allocate(total, ratios);
          expect(sum(parts).equals(total)).toBe(true);
          parts.forEach((p, i) => {
            if (ratios[i] === 0) expect(p.isZero()).toBe(true);
          });
        }
      )
    );
  });

  it("rejects impossible allocations", () => {
    expect(() => allocate(money("1"), [])).toThrow();
    expect(() => allocate(money("1"), [0, 0])).toThrow();
    expect(() => allocate(money("1"), [-1, 2])).toThrow();
  });
});

describe("sumOfProducts", () => {
  // Short figures take the per-distinct-value path; 40-digit ones must still come out as the
  // plain loop's rounded sum, in order.
  const figure = fc.oneof(
    fc.integer({ min: -5000, max: 5000 }).map(String),
    fc.integer({ min: 0, max: 99_999 }).map((w) => (w / 1000).toFixed(3)),
    fc.constant("0.33"),
    fc.constant("123.4567890123456789012345678901234567891"),
    fc.constant("99999999999999999999999999999999999999")
  );

  it("equals adding value × count item by item, in order (property)", () => {
    fc.assert(
      fc.property(
        fc.array(figure, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 0, max: 1000 })), { maxLength: 40 }),
        (figures, picks) => {
          // Items share a figure's Decimal, as rows share the parser's.
          const pool = figures.map((f) => new Dec(f));
          const items = picks.map(([i, count]) => ({ v: pool[i % pool.length]!, count }));
          const byItem = items.reduce((t, x) => t.plus(x.v.times(x.count)), ZERO);
          const total = sumOfProducts(
            items,
            (x) => x.v,
            (x) => x.count
          );
          expect(total.toString()).toBe(byItem.toString());
        }
      )
    );
  });

  it("is 0 for no items", () => {
    expect(
      sumOfProducts(
        [],
        (x: Dec) => x,
        () => 1
      ).toString()
    ).toBe("0");
  });
});
