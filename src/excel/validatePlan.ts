/**
 * Checks a `WorkbookPlan` before anything is written (pure). A bad plan is a programmer error
 * in the report builder, so it throws — with every problem — instead of half-writing a
 * workbook that Excel then rejects.
 */
import { parseCell, parseRange } from "../report/a1";
import type { WorkbookPlan } from "../report/workbookPlan";
import { MAX_SHEET_NAME } from "./ownership";
import { referencedSheets } from "./planRefs";

/** Excel's grid. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export class PlanError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The workbook plan cannot be written:\n- ${problems.join("\n- ")}`);
    this.name = "PlanError";
  }
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/;
const TABLE_OR_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

/** Every problem with a plan (empty when it can be written). */
export function planProblems(plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  const sheetNames = new Set<string>();
  const tableNames = new Set<string>();
  const range = (text: string, where: string): ReturnType<typeof parseRange> | null => {
    try {
      const r = parseRange(text);
      if (r.bottom >= MAX_ROWS || r.right >= MAX_COLUMNS) {
        problems.push(`${where}: ${text} is outside the sheet`);
        return null;
      }
      return r;
    } catch {
      problems.push(`${where}: "${text}" is not an A1 range`);
      return null;
    }
  };
  if (plan.sheets.length === 0) problems.push("the plan has no sheets");
  for (const s of plan.sheets) {
    const key = s.name.toLowerCase();
    if (
      s.name.trim() === "" ||
      s.name.length > MAX_SHEET_NAME ||
      SHEET_NAME_BAD.test(s.name) ||
      /^'|'$/.test(s.name)
    ) {
      problems.push(
        `sheet name "${s.name}" is not allowed by Excel (1–31 characters, none of [ ] : * ? / \\, no leading or trailing ')`
      );
    }
    if (sheetNames.has(key)) problems.push(`sheet "${s.name}" appears twice`);
    sheetNames.add(key);
  }
  for (const s of plan.sheets) {
    s.blocks.forEach((b, i) => {
      const where = `${s.name} block ${i} at ${b.topLeft}`;
      const width = b.cells[0]?.length ?? 0;
      if (b.cells.length === 0 || width === 0) problems.push(`${where}: empty block`);
      if (b.cells.some((row) => row.length !== width))
        problems.push(`${where}: rows of different lengths`);
      try {
        const { row, col } = parseCell(b.topLeft);
        if (row + b.cells.length > MAX_ROWS || col + width > MAX_COLUMNS)
          problems.push(`${where}: runs off the sheet`);
      } catch {
        problems.push(`${where}: "${b.topLeft}" is not a cell address`);
      }
      b.cells.forEach((row, r) =>
        row.forEach((c, k) => {
          if (typeof c.v === "number" && !Number.isFinite(c.v))
            problems.push(`${where}: cell (${r}, ${k}) is ${c.v}`);
          if (c.f !== undefined && !c.f.startsWith("="))
            problems.push(`${where}: formula "${c.f}" lacks its leading =`);
        })
      );
    });
    s.styles.forEach((st) => range(st.range, `${s.name} style`));
    for (const t of s.tables) {
      const r = range(t.range, `${s.name} table ${t.name}`);
      if (r && r.bottom === r.top)
        problems.push(`${s.name} table ${t.name}: needs a header row and at least one row`);
      if (!TABLE_OR_NAME.test(t.name))
        problems.push(`table name "${t.name}" is not allowed by Excel`);
      if (tableNames.has(t.name.toLowerCase())) problems.push(`table "${t.name}" appears twice`);
      tableNames.add(t.name.toLowerCase());
    }
    for (const c of s.charts) {
      const where = `${s.name} chart ${c.id}`;
      if (!sheetNames.has(c.dataSheet.toLowerCase()))
        problems.push(`${where}: data sheet "${c.dataSheet}" is not in the plan`);
      const r = range(c.dataRange, where);
      range(c.anchor.from, `${where} anchor`);
      range(c.anchor.to, `${where} anchor`);
      const series = r ? r.right - r.left : 0;
      for (const o of c.seriesOverrides ?? []) {
        if (!Number.isInteger(o.index) || o.index < 0 || o.index >= series) {
          problems.push(`${where}: series override ${o.index} outside its ${series} series`);
        }
      }
    }
  }
  const names = new Set<string>();
  for (const d of plan.definedNames) {
    if (!TABLE_OR_NAME.test(d.name) || /^[A-Za-z]{1,3}\d+$/.test(d.name))
      problems.push(`defined name "${d.name}" is not allowed by Excel`);
    if (names.has(d.name.toLowerCase())) problems.push(`defined name "${d.name}" appears twice`);
    if (tableNames.has(d.name.toLowerCase()))
      problems.push(`defined name "${d.name}" is also a table name`);
    names.add(d.name.toLowerCase());
    const refs = referencedSheets(d.ref);
    if (refs.length === 0) problems.push(`defined name ${d.name}: "${d.ref}" names no sheet`);
    for (const sheet of refs) {
      if (!sheetNames.has(sheet.toLowerCase()))
        problems.push(`defined name ${d.name}: sheet "${sheet}" is not in the plan`);
    }
  }
  return problems;
}

/** Throws a `PlanError` listing every problem, if any. */
export function validatePlan(plan: WorkbookPlan): void {
  const problems = planProblems(plan);
  if (problems.length > 0) throw new PlanError(problems);
}
