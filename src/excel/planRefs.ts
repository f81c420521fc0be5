/**
 * Renaming sheets and tables inside a `WorkbookPlan` (pure): when a sheet or table must be
 * written under another name (the user owns `TCO Summary`, or a temporary name while the old
 * report is still there), every reference to it — formulas, defined names, chart data sheets —
 * is rewritten to match before anything is written.
 */
import { quoteSheet } from "../report/a1";
import type { PlanCell, WorkbookPlan } from "../report/workbookPlan";

type Mapping = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/** Case-insensitive lookup table (Excel compares sheet and table names ignoring case). */
function lowerMap(mapping: Mapping): Map<string, string> {
  const entries = mapping instanceof Map ? [...mapping.entries()] : Object.entries(mapping);
  return new Map(
    entries.filter(([from, to]) => from !== to).map(([from, to]) => [from.toLowerCase(), to])
  );
}

const IDENT_START = /[A-Za-z_\\]/;
const IDENT_CHAR = /[A-Za-z0-9_.\\]/;

type Renamer = (name: string) => string | undefined;

/**
 * Walks a formula, offering each sheet reference (`'TCO Inputs'!`, `Summary!`) to `onSheet` and
 * each structured table reference (`hvInventory[`) to `onTable`; a returned name replaces it.
 * String literals and bracketed parts are copied as they are; external references
 * (`[Book]Sheet!A1`) are not offered.
 */
function scanFormula(formula: string, onSheet: Renamer, onTable: Renamer): string {
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i] as string;
    if (ch === '"') {
      // String literal; "" is an escaped quote.
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // Bracketed part (structured-reference specifier or external workbook): copy as is.
      let depth = 0;
      let j = i;
      while (j < n) {
        const c = formula[j];
        if (c === "'" && depth > 0)
          j += 2; // escape character inside structured references
        else {
          if (c === "[") depth++;
          else if (c === "]") depth--;
          j++;
          if (depth === 0) break;
        }
      }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (ch === "'") {
      // Quoted sheet name: 'It''s here'!A1
      let j = i + 1;
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      const name = formula.slice(i + 1, j).replace(/''/g, "'");
      if (formula[j + 1] === "!") {
        const renamed = onSheet(name);
        out += renamed === undefined ? formula.slice(i, j + 2) : `${quoteSheet(renamed)}!`;
        i = j + 2;
      } else {
        out += formula.slice(i, j + 1);
        i = j + 1;
      }
      continue;
    }
    const prev = i > 0 ? (formula[i - 1] as string) : "";
    if (IDENT_START.test(ch) && !IDENT_CHAR.test(prev) && prev !== "]") {
      let j = i + 1;
      while (j < n && IDENT_CHAR.test(formula[j] as string)) j++;
      const word = formula.slice(i, j);
      const next = formula[j];
      if (next === "!") {
        const renamed = onSheet(word);
        out += renamed === undefined ? `${word}!` : `${quoteSheet(renamed)}!`;
        i = j + 1;
        continue;
      }
      if (next === "[") {
        out += onTable(word) ?? word;
        i = j;
        continue;
      }
      out += word;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * A formula (or a defined name's reference) with its sheet references (`'TCO Inputs'!C5`,
 * `Summary!B2`) and structured table references (`hvInventory[Cores]`) renamed; keys are
 * lower-case names. Text inside string literals and brackets is left alone.
 */
export function rewriteFormulaRefs(
  formula: string,
  sheets: ReadonlyMap<string, string>,
  tables: ReadonlyMap<string, string> = new Map()
): string {
  if (sheets.size === 0 && tables.size === 0) return formula;
  return scanFormula(
    formula,
    (name) => sheets.get(name.toLowerCase()),
    (name) => tables.get(name.toLowerCase())
  );
}

/** The sheets a formula refers to, as written (`='TCO Inputs'!$C$6` → `["TCO Inputs"]`). */
export function referencedSheets(formula: string): string[] {
  const found: string[] = [];
  scanFormula(
    formula,
    (name) => {
      found.push(name);
      return undefined;
    },
    () => undefined
  );
  return found;
}

function rewritePlan(
  plan: WorkbookPlan,
  sheets: Map<string, string>,
  tables: Map<string, string>
): WorkbookPlan {
  if (sheets.size === 0 && tables.size === 0) return plan;
  const cell = (c: PlanCell): PlanCell =>
    c.f === undefined ? c : { ...c, f: rewriteFormulaRefs(c.f, sheets, tables) };
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      name: sheets.get(s.name.toLowerCase()) ?? s.name,
      blocks: s.blocks.map((b) => ({ ...b, cells: b.cells.map((row) => row.map(cell)) })),
      tables: s.tables.map((t) => ({ ...t, name: tables.get(t.name.toLowerCase()) ?? t.name })),
      charts: s.charts.map((c) => ({
        ...c,
        dataSheet: sheets.get(c.dataSheet.toLowerCase()) ?? c.dataSheet,
      })),
    })),
    definedNames: plan.definedNames.map((d) => ({
      ...d,
      ref: rewriteFormulaRefs(d.ref, sheets, tables),
    })),
  };
}

/**
 * The plan with sheets renamed (`{"TCO Summary": "TCO Summary (2)"}`): sheet names, every
 * formula and defined-name reference to them, and chart data sheets. Names match ignoring case.
 */
export function renameSheetsInPlan(plan: WorkbookPlan, mapping: Mapping): WorkbookPlan {
  return rewritePlan(plan, lowerMap(mapping), new Map());
}

/** The plan with tables renamed: table names and structured references (`hvInventory[Cores]`). */
export function renameTablesInPlan(plan: WorkbookPlan, mapping: Mapping): WorkbookPlan {
  return rewritePlan(plan, new Map(), lowerMap(mapping));
}
