/**
 * Money and exact decimal arithmetic for the whole engine.
 *
 * One cloned decimal.js constructor lives here (never `Decimal.set`), with ROUND_HALF_UP —
 * "if equidistant, rounds away from zero", which is what Excel's ROUND does.
 */
import DecimalJs from "decimal.js";

/** The engine's decimal constructor: 40 significant digits, ROUND_HALF_UP, no exponent notation in toString(). */
export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;

/** An amount of money in the scenario's currency. Always a finite `Dec`. */
export type Money = Dec;

/** What may be turned into a decimal: prefer strings (decimal.js's own advice). */
export type DecimalInput = string | number | Dec;

export const ZERO: Dec = new Dec(0);
export const ONE: Dec = new Dec(1);

/** A decimal from a string, integer or Dec; throws (a programmer error) when not finite. */
export function dec(value: DecimalInput): Dec {
  const d = value instanceof Dec ? value : new Dec(value);
  if (!d.isFinite()) throw new RangeError(`Not a finite decimal: ${String(value)}`);
  return d;
}

/** `money('1250.00')`: an amount of money, exact. */
export function money(value: DecimalInput): Money {
  return dec(value);
}

/** Sum of amounts; the empty sum is 0. */
export function sum(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Σ value(item) × count(item), the same number as adding the products item by item in order
 * (counts are whole numbers ≥ 0; a count of 1 adds the value itself). Items often share one
 * Decimal among many (the parser shares one among rows that read the same text): when the
 * distinct values are short enough that every product and partial sum fits in 40 digits, the
 * sum is exact whatever the order, so each distinct value is multiplied once by its total
 * count; otherwise the items are added one by one, in order, as rounding would then depend on it.
 */
export function sumOfProducts<T>(
  items: readonly T[],
  value: (item: T) => Dec,
  count: (item: T) => number
): Dec {
  const countByValue = new Map<Dec, number>();
  let totalCount = 0;
  for (const item of items) {
    const v = value(item);
    const n = count(item);
    totalCount += n;
    countByValue.set(v, (countByValue.get(v) ?? 0) + n);
  }
  // Digits a product or partial sum can need: integer digits of the largest value and of the
  // total count, plus the most decimals.
  let integerDigits = 0;
  let decimals = 0;
  for (const v of countByValue.keys()) {
    if (!v.isFinite()) {
      integerDigits = Infinity;
      break;
    }
    integerDigits = Math.max(integerDigits, v.e + 1);
    decimals = Math.max(decimals, v.decimalPlaces());
  }
  const countDigits = String(totalCount).length;
  let total = ZERO;
  if (integerDigits + countDigits + decimals < Dec.precision && Number.isSafeInteger(totalCount)) {
    for (const [v, n] of countByValue) total = total.plus(n === 1 ? v : v.times(n));
    return total;
  }
  for (const item of items) {
    const n = count(item);
    total = total.plus(n === 1 ? value(item) : value(item).times(n));
  }
  return total;
}

/** Round to whole cents, half away from zero (Excel's `ROUND(x, 2)`). */
export function roundCents(value: Dec): Money {
  return value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** Fixed two-decimal string of an amount, e.g. "1250.00" (the JSON form of money). */
export function formatMoney(value: Dec): string {
  return roundCents(value).toFixed(2);
}

/** A JS number of an amount rounded to cents: only for writers, after all arithmetic. */
export function toCentsNumber(value: Dec): number {
  return roundCents(value).toNumber();
}

/**
 * Split `total` over `ratios` in whole cents without losing a cent.
 *
 * Largest-remainder method: each part gets floor(total × ratio / Σratios) in cents, and the
 * cents left over go one each to the parts with the largest remainders (ties to the earlier
 * part). The parts always sum to `total` rounded to cents. Negative totals are split by
 * their absolute value and negated. Ratios must be ≥ 0 with a positive sum.
 */
export function allocate(total: Money, ratios: readonly DecimalInput[]): Money[] {
  const weights = ratios.map(dec);
  if (weights.length === 0) throw new RangeError("allocate needs at least one ratio");
  if (weights.some((w) => w.isNegative())) throw new RangeError("allocate ratios must be >= 0");
  const weightSum = sum(weights);
  if (weightSum.isZero()) throw new RangeError("allocate ratios must not all be 0");

  const sign = total.isNegative() ? -1 : 1;
  const cents = roundCents(total.abs()).times(100);
  const shares = weights.map((w) => cents.times(w).div(weightSum));
  const floors = shares.map((s) => s.floor());
  let leftover = cents.minus(sum(floors)).toNumber();
  const order = shares
    .map((s, i) => ({ i, remainder: s.minus(floors[i] as Dec) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  const result = floors.slice();
  for (const { i } of order) {
    if (leftover <= 0) break;
    result[i] = (result[i] as Dec).plus(1);
    leftover -= 1;
  }
  return result.map((c) => c.div(100).times(sign));
}

/** The larger of two decimals. */
export function max(a: Dec, b: Dec): Dec {
  return a.greaterThanOrEqualTo(b) ? a : b;
}

/** The smaller of two decimals. */
export function min(a: Dec, b: Dec): Dec {
  return a.lessThanOrEqualTo(b) ? a : b;
}
