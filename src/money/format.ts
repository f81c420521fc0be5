/**
 * The one rounding rule for figures shown to people: half away from zero (decimal.js'
 * ROUND_HALF_UP, Excel's ROUND and its `#,##0` number format), to whole units where whole
 * units are shown. The CLI, the task pane and the workbook's formats all round this way, so
 * $3,277,416.60 is 3,277,417 everywhere.
 */
import { Dec, type DecimalInput } from "./money";

/**
 * Digits with a comma before every three from the right ("1234567" → "1,234,567"); sliced, not
 * matched by a regular expression (licensing and capacity messages write thousands of figures).
 */
export function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

function toDec(value: DecimalInput): Dec {
  // Numbers go through their shortest round-trip text, the value a person would type.
  return value instanceof Dec ? value : new Dec(typeof value === "number" ? String(value) : value);
}

/** `value` rounded to whole units, half away from zero (2.5 → 3, −2.5 → −3). */
export function roundWhole(value: DecimalInput): Dec {
  return toDec(value).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
}

/** "3,277,417": whole units with thousands separators, half away from zero; "-1,250" below 0. */
export function formatWhole(value: DecimalInput): string {
  return formatDecimal(value, 0);
}

/**
 * "76.96", "1,234,567.5": at most `maxPlaces` decimals (half away from zero), trailing zeros
 * dropped, thousands separated. For quantities such as GiB, GHz and months.
 */
export function formatDecimal(value: DecimalInput, maxPlaces: number): string {
  const rounded = toDec(value).toDecimalPlaces(maxPlaces, Dec.ROUND_HALF_UP);
  const negative = rounded.isNegative() && !rounded.isZero();
  const [whole, fraction] = rounded.abs().toFixed().split(".") as [string, string | undefined];
  return `${negative ? "-" : ""}${groupThousands(whole)}${fraction ? `.${fraction}` : ""}`;
}
