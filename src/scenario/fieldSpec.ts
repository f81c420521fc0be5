/**
 * The shape of the field table (`fields.ts`, `costFields.ts`, `inventoryFields.ts`): a field's
 * kind, bounds, label, unit and help, and the builders the tables are written with. Keys are
 * typed against the scenario (`SectionFieldKey`), so the table cannot name an input that
 * does not exist.
 */
import type { SectionFieldKey, SectionKey } from "./paths";

export type FieldKind =
  "int" | "decimal" | "money" | "ratio" | "string" | "enum" | "bool" | "enumList";

/** One input of the field table; `K` is its key, checked against the scenario's types. */
export interface FieldSpec<K extends string = string> {
  /** JSON path below its parent section, e.g. `pue` or `prices.standard`. */
  readonly key: K;
  readonly kind: FieldKind;
  readonly label: string;
  /** Unit shown next to the value ("GiB", "per kWh", "fraction"); "" for none. */
  readonly unit: string;
  /** One-line explanation for the form and the Inputs sheet. */
  readonly help: string;
  /**
   * What to enter, as a noun phrase that completes "Enter …" in a validation message
   * ("the server's RAM in GiB"). Every field in the tables has one.
   */
  readonly prompt?: string;
  /** Inclusive lower bound (numbers); with `minExclusive`, strictly above. */
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly values?: readonly string[];
  readonly pattern?: RegExp;
  readonly patternText?: string;
  /** A `string` field holding a calendar date, ISO `YYYY-MM-DD` (a workbook cell may hold a date serial). */
  readonly format?: "date";
  /** No default: left out (or blank), the field is absent and a rule says what stands in for it. */
  readonly optional?: boolean;
}

/** One section of the scenario (`host`, `licensing` …) and its fields. */
export interface SectionSpec {
  readonly key: SectionKey;
  readonly title: string;
  readonly help: string;
  readonly fields: readonly FieldSpec[];
}

/**
 * A section of the field table, its keys checked at compile time: `host` may only list
 * `sockets`, `price` … (a typo such as `prise` does not compile).
 */
export function section<S extends SectionKey>(spec: {
  readonly key: S;
  readonly title: string;
  readonly help: string;
  readonly fields: readonly FieldSpec<SectionFieldKey<S>>[];
}): SectionSpec {
  return spec;
}

export const money = <K extends string>(
  key: K,
  label: string,
  unit: string,
  help: string,
  prompt: string
): FieldSpec<K> => ({
  key,
  kind: "money",
  label,
  unit,
  help,
  prompt,
  min: 0,
});
export const ratio = <K extends string>(
  key: K,
  label: string,
  help: string,
  prompt: string,
  min = 0,
  minExclusive = false
): FieldSpec<K> => ({
  key,
  kind: "ratio",
  label,
  unit: "fraction",
  help,
  prompt,
  min,
  minExclusive,
  max: 1,
});
export const positive = <K extends string>(
  key: K,
  label: string,
  unit: string,
  help: string,
  prompt: string
): FieldSpec<K> => ({
  key,
  kind: "decimal",
  label,
  unit,
  help,
  prompt,
  min: 0,
  minExclusive: true,
});
export const nonNegative = <K extends string>(
  key: K,
  label: string,
  unit: string,
  help: string,
  prompt: string
): FieldSpec<K> => ({
  key,
  kind: "decimal",
  label,
  unit,
  help,
  prompt,
  min: 0,
});
export const int = <K extends string>(
  key: K,
  label: string,
  unit: string,
  help: string,
  prompt: string,
  min: number,
  max: number
): FieldSpec<K> => ({
  key,
  kind: "int",
  label,
  unit,
  help,
  prompt,
  min,
  max,
});
export const bool = <K extends string>(
  key: K,
  label: string,
  help: string,
  prompt: string
): FieldSpec<K> => ({
  key,
  kind: "bool",
  label,
  unit: "",
  help,
  prompt,
});
/** An ISO calendar date, `YYYY-MM-DD` (a text field the parser also checks is a real day). */
export const date = <K extends string>(
  key: K,
  label: string,
  help: string,
  prompt: string
): FieldSpec<K> => ({
  key,
  kind: "string",
  format: "date",
  label,
  unit: "date",
  help,
  prompt,
  pattern: /^\d{4}-\d{2}-\d{2}$/,
  patternText: "a date written YYYY-MM-DD, such as 2027-06-30",
});
