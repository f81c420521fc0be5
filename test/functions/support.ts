/** Helpers for the custom-function tests: scenarios as Excel ranges, and Excel-error assertions. */
import { expect } from "vitest";
import { FunctionError } from "../../src/functions/errors";
import { Dec } from "../../src/money";
import { parseRange } from "../../src/report/a1";
import type { WorkbookPlan } from "../../src/report/workbookPlan";
import { INVENTORY_FIELDS, parseScenario, type Scenario } from "../../src/scenario";
import { EXAMPLES } from "../scenario/exampleScenarios";

/** The shipped example scenarios, parsed. */
export function exampleScenarios(): { readonly file: string; readonly scenario: Scenario }[] {
  return Object.entries(EXAMPLES).map(([file, build]) => {
    const parsed = parseScenario(build());
    if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((i) => i.message).join("; ")}`);
    return { file, scenario: parsed.scenario };
  });
}

/** A cell value as Excel hands it to a custom function: decimals as numbers. */
export function cellOf(value: unknown): string | number | boolean {
  if (value === undefined) return ""; // a field without a default, left out: a blank cell
  if (value instanceof Dec) return value.toNumber();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  throw new Error(`not a cell value: ${String(value)}`);
}

export type HeaderStyle = "keys" | "labels" | "none";

/** A scenario's inventory as a range: a header row of keys or labels (or none), then one row per server. */
export function inventoryRange(scenario: Scenario, header: HeaderStyle = "labels"): unknown[][] {
  const body = scenario.inventory.map((row) =>
    INVENTORY_FIELDS.map((f) => cellOf((row as unknown as Record<string, unknown>)[f.key]))
  );
  if (header === "none") return body;
  return [INVENTORY_FIELDS.map((f) => (header === "keys" ? f.key : f.label)), ...body];
}

/** The values of a table of a report plan, header included, as Excel passes `Table[#All]`. */
export function tableValues(plan: WorkbookPlan, sheetName: string, tableName: string): unknown[][] {
  const sheet = plan.sheets.find((s) => s.name === sheetName);
  const table = sheet?.tables.find((t) => t.name === tableName);
  if (!sheet || !table) throw new Error(`no table ${tableName} on ${sheetName}`);
  const r = parseRange(table.range);
  const out: unknown[][] = Array.from({ length: r.bottom - r.top + 1 }, () =>
    Array.from({ length: r.right - r.left + 1 }, () => "")
  );
  for (const block of sheet.blocks) {
    const origin = parseRange(block.topLeft);
    block.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        const row = origin.top + i - r.top;
        const col = origin.left + j - r.left;
        const target = out[row];
        if (target !== undefined && col >= 0 && col < target.length) target[col] = cell.v ?? "";
      })
    );
  }
  return out;
}

/** What calling `fn` threw: the FunctionError (fails the test if it returned or threw anything else). */
export function thrownBy(fn: () => unknown): FunctionError {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    if (e instanceof FunctionError) return e;
    throw new Error(
      `expected a FunctionError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`
    );
  }
  throw new Error(`expected an Excel error, got the value ${String(result)}`);
}

/** Asserts that `fn` gives the Excel error `code` ("#VALUE!", "#N/A") with exactly `message` (or matching it). */
export function expectExcelError(
  fn: () => unknown,
  code: "#VALUE!" | "#N/A",
  message: string | RegExp
): void {
  const e = thrownBy(fn);
  expect(e.code).toBe(code);
  if (typeof message === "string") expect(e.message).toBe(message);
  else expect(e.message).toMatch(message);
}
