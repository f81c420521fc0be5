/**
 * The one rounding rule for figures shown to people: half away from zero (decimal.js'
 * ROUND_HALF_UP, Excel's ROUND and its `#,##0` number format), to whole units where whole
 * units are shown. The CLI, the task pane and the workbook's formats all round this way, so
 * $3,277,416.60 is 3,277,417 everywhere.
 */
import { Dec, type DecimalInput } from "./money";

const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

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
  const grouped = whole.replace(GROUPS, ",");
  return `${negative ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}
