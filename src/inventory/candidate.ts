/**
 * A row of the file on its way to becoming an inventory row: every value with how it was
 * obtained, and the problems that belong to it (reported only if the row is imported, or,
 * for the problems that make it incomplete, if it is left out for that reason).
 */
import type { Dec } from "../money";
import {
  INVENTORY_FIELDS,
  MAX_MAGNITUDE,
  expectedText,
  type FieldSpec,
  type OsKind,
  type Percentile,
} from "../scenario";
import {
  cellPlace,
  cellText,
  placeText,
  readBoolCell,
  readNumberCell,
  type ColumnRef,
  type NumberCell,
} from "./cells";
import { MESSAGES } from "./messages";
import type { CellPlace, CellValue, ImportProblem, SheetData, ValueBasis } from "./types";

/** A value and where it came from: `file` when the file states it, else how it was obtained. */
export interface Sourced<T> {
  readonly value: T;
  readonly basis: ValueBasis | "file";
  /** e.g. the cluster and its snapshot reading, for the report. */
  readonly detail?: string;
}

export type PowerState = "on" | "off" | "suspended";

export interface Candidate {
  readonly sheet: string;
  /** 1-based row in the main sheet. */
  readonly row: number;
  name: string | null;
  /** Where a duplicate name can be told apart (the vCenter), or null. */
  scope: string | null;
  count: number;
  power: PowerState;
  template: boolean;
  srmPlaceholder: boolean;
  disconnected: boolean;
  /** A windows/linux value given as such (our own format); else classified from `osText`. */
  os: OsKind | null;
  osText: string | null;
  osPlace: CellPlace | null;
  cores: Sourced<number> | null;
  cpuGhz: Sourced<Dec> | null;
  peak: Sourced<Dec> | null;
  average: Sourced<Dec> | null;
  memoryGiB: Sourced<Dec> | null;
  /** Configured disk size. */
  storageGiB: Sourced<Dec> | null;
  inUseGiB: Dec | null;
  /** Measured CPU use (fraction 0–1) and which statistic it is (null: the file does not say). */
  measuredCpu: { readonly value: Dec; readonly percentile: Percentile | null } | null;
  /** Measured memory in use, GiB (same statistic as the CPU). */
  measuredMemoryGiB: Dec | null;
  /** Average throughput over the measured period, MB/s. */
  diskMBps: Dec | null;
  networkMBps: Dec | null;
  powerWatts: Dec | null;
  rackUnits: number | null;
  stayPhysical: boolean | null;
  /** Problems that keep the row out (reported when it is left out as incomplete). */
  readonly incomplete: ImportProblem[];
  /** Problems with values that were replaced (reported when the row is imported). */
  readonly warnings: ImportProblem[];
}

export function newCandidate(sheet: string, row: number): Candidate {
  return {
    sheet,
    row,
    name: null,
    scope: null,
    count: 1,
    power: "on",
    template: false,
    srmPlaceholder: false,
    disconnected: false,
    os: null,
    osText: null,
    osPlace: null,
    cores: null,
    cpuGhz: null,
    peak: null,
    average: null,
    memoryGiB: null,
    storageGiB: null,
    inUseGiB: null,
    measuredCpu: null,
    measuredMemoryGiB: null,
    diskMBps: null,
    networkMBps: null,
    powerWatts: null,
    rackUnits: null,
    stayPhysical: null,
    incomplete: [],
    warnings: [],
  };
}

/** A problem at a cell (or a whole row when `col` is undefined). */
export function problemAt(
  severity: ImportProblem["severity"],
  sheet: string,
  row0: number | null,
  col: ColumnRef | undefined,
  message: string
): ImportProblem {
  const place: CellPlace =
    row0 === null ? { sheet, row: null, column: null } : cellPlace(sheet, row0, col);
  return { ...place, severity, where: placeText(place), message };
}

/** The raw cell of a data row under a column (undefined when the column is absent). */
export function cellAt(
  sheet: SheetData,
  row0: number,
  col: ColumnRef | undefined
): CellValue | undefined {
  return col === undefined ? undefined : sheet.rows[row0]?.[col.index];
}

export function textAt(sheet: SheetData, row0: number, col: ColumnRef | undefined): string {
  return cellText(cellAt(sheet, row0, col));
}

export function numberAt(sheet: SheetData, row0: number, col: ColumnRef | undefined): NumberCell {
  return readNumberCell(cellAt(sheet, row0, col), sheet.decimalSeparator ?? ".");
}

export function boolAt(sheet: SheetData, row0: number, col: ColumnRef | undefined): boolean | null {
  return readBoolCell(cellAt(sheet, row0, col));
}

/** What a numeric field accepts, for messages and checks. */
export interface NumberRule {
  readonly label: string;
  /** In words: "a whole number from 1 to 1,000,000". */
  readonly expected: string;
  readonly valid: (value: Dec) => boolean;
}

/** The scenario's own bounds for an inventory field (`INVENTORY_FIELDS`), so an import never accepts what the scenario then refuses. */
function fieldRule(key: string, label: string, scale = 1): NumberRule {
  const f = INVENTORY_FIELDS.find((x) => x.key === key) as FieldSpec;
  const inFile: FieldSpec = {
    ...f,
    ...(f.min === undefined ? {} : { min: f.min * scale }),
    ...(f.max === undefined ? {} : { max: f.max * scale }),
  };
  return {
    label,
    expected: expectedText(inFile),
    valid: (d: Dec) =>
      (f.kind !== "int" || d.isInteger()) &&
      (inFile.min === undefined || (f.minExclusive ? d.gt(inFile.min) : d.gte(inFile.min))) &&
      (inFile.max === undefined || d.lte(inFile.max)),
  };
}

export const RULES = {
  cores: fieldRule("cores", "CPUs"),
  count: fieldRule("count", "Count"),
  positive: (label: string): NumberRule => ({
    label,
    expected: "a number above 0",
    valid: (d: Dec) => d.gt(0),
  }),
  nonNegative: (label: string): NumberRule => ({
    label,
    expected: "a number of 0 or more",
    valid: (d: Dec) => d.gte(0),
  }),
  /** A utilisation in percent: the scenario's 0–1 ratio × 100. */
  percent: (label: string): NumberRule => ({
    ...fieldRule("peakCpuUtilization", label, 100),
    expected: "a percentage from 0 to 100",
  }),
  ghz: (label: string): NumberRule => ({
    ...fieldRule("cpuGhz", label),
    expected: "a clock above 0 and at most 10 GHz",
  }),
  rackUnits: fieldRule("rackUnits", "Rack units"),
} as const;

/** A cell's number at or beyond the scenario's `MAX_MAGNITUDE`: a typing mistake, whatever the column. */
const tooLarge = (d: Dec): boolean => d.abs().gte(MAX_MAGNITUDE);

/**
 * Read a value the row cannot do without. Empty or invalid: the problem goes to
 * `c.incomplete` (unless `quietIfEmpty`, when a fallback may still fill it) and null comes back.
 */
export function requiredNumber(
  c: Candidate,
  sheet: SheetData,
  row0: number,
  col: ColumnRef | undefined,
  rule: NumberRule,
  quietIfEmpty = false
): Dec | null {
  const cell = numberAt(sheet, row0, col);
  if (cell.kind === "empty") {
    if (!quietIfEmpty)
      c.incomplete.push(
        problemAt("error", sheet.name, row0, col, MESSAGES.requiredEmpty(rule.label))
      );
    return null;
  }
  if (cell.kind === "number" && tooLarge(cell.value)) {
    c.incomplete.push(
      problemAt(
        "error",
        sheet.name,
        row0,
        col,
        MESSAGES.requiredTooLarge(rule.label, cell.value.toString())
      )
    );
    return null;
  }
  if (cell.kind === "invalid" || !rule.valid(cell.value)) {
    const text = cell.kind === "invalid" ? cell.text : cell.value.toString();
    c.incomplete.push(
      problemAt(
        "error",
        sheet.name,
        row0,
        col,
        MESSAGES.requiredInvalid(rule.label, text, rule.expected)
      )
    );
    return null;
  }
  return cell.value;
}

/** Warn that an optional cell holds `text` where `expected` was, and say what was used instead. */
export function warnInvalid(
  c: Candidate,
  sheet: string,
  row0: number,
  col: ColumnRef | undefined,
  label: string,
  text: string,
  expected: string,
  instead: string
): void {
  c.warnings.push(
    problemAt("warning", sheet, row0, col, MESSAGES.optionalInvalid(label, text, expected, instead))
  );
}

/** Read an optional value; an invalid one is reported in `c.warnings` (with what is used instead) and null comes back. */
export function optionalNumber(
  c: Candidate,
  sheet: SheetData,
  row0: number,
  col: ColumnRef | undefined,
  rule: NumberRule,
  instead: string
): Dec | null {
  const cell = numberAt(sheet, row0, col);
  if (cell.kind === "empty") return null;
  if (cell.kind === "number" && tooLarge(cell.value)) {
    c.warnings.push(
      problemAt(
        "warning",
        sheet.name,
        row0,
        col,
        MESSAGES.optionalTooLarge(rule.label, cell.value.toString(), instead)
      )
    );
    return null;
  }
  if (cell.kind === "invalid" || !rule.valid(cell.value)) {
    const text = cell.kind === "invalid" ? cell.text : cell.value.toString();
    warnInvalid(c, sheet.name, row0, col, rule.label, text, rule.expected, instead);
    return null;
  }
  return cell.value;
}

/** Power state text → on/off/suspended; an unknown text is a warning and counts as on. */
export function readPowerState(
  c: Candidate,
  sheet: SheetData,
  row0: number,
  col: ColumnRef | undefined
): PowerState {
  const text = textAt(sheet, row0, col);
  const t = text.toLowerCase().replace(/[\s_-]/g, "");
  if (t === "" || ["poweredon", "on", "running", "true", "yes", "1"].includes(t)) return "on";
  if (["poweredoff", "off", "stopped", "notrunning", "false", "no", "0"].includes(t)) return "off";
  if (["suspended", "paused", "saved"].includes(t)) return "suspended";
  c.warnings.push(problemAt("warning", sheet.name, row0, col, MESSAGES.unknownPowerState(text)));
  return "on";
}

/** The row's name from a cell (trimmed), or an incomplete-row problem. */
export function readName(
  c: Candidate,
  sheet: SheetData,
  row0: number,
  col: ColumnRef | undefined
): string | null {
  const text = textAt(sheet, row0, col);
  if (text === "") {
    c.incomplete.push(problemAt("error", sheet.name, row0, col, MESSAGES.nameMissing));
    return null;
  }
  return text;
}
