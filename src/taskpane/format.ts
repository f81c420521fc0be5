/**
 * Small display helpers of the pane's templates: a draft value as text, counts, percentages
 * and units for people.
 */
/** The text a draft value shows in a text box. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** A fraction as a percentage for people ("12 %", "4.5 %"); "–" for none. */
export const pct = (v: number | null): string =>
  v === null ? "–" : `${(v * 100).toFixed(v < 0.1 ? 1 : 0)} %`;
/** A count rounded, with thousands separators. */
export const int = (v: number): string => Math.round(v).toLocaleString("en-US");

/** A field's unit as shown beside its box ("USD per kWh", "%" for fractions, typed in percent); "" for none. */
export function unitText(unit: string, currency: string): string {
  if (unit === "fraction") return "%";
  if (unit === "fraction per year") return "% a year";
  if (unit === "count" || unit === "ratio") return "";
  return unit.replace(/^currency/, currency);
}
