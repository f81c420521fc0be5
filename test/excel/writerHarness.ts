/**
 * The fake Excel installed as the global `Excel` for one test file's Office.js writer and
 * reader tests, and the checks those tests share.
 */
import { afterEach, vi } from "vitest";
import type { WriteResult } from "../../src/excel";
import { SHEETS } from "../../src/report/sheetLayout";
import type { WorkbookPlan } from "../../src/report/workbookPlan";
import { FakeExcel, type FakeOptions } from "./fakeExcel";

/** A fresh FakeExcel as the global `Excel` (removed after each test of the importing file). */
export function install(options: FakeOptions = {}): FakeExcel {
  const fx = new FakeExcel(options);
  vi.stubGlobal("Excel", { run: fx.run });
  return fx;
}

afterEach(() => vi.unstubAllGlobals());

/** Fails the test with the writer's code and message unless the write succeeded. */
export function expectOk(
  result: WriteResult
): asserts result is Extract<WriteResult, { ok: true }> {
  if (!result.ok) throw new Error(`write failed: ${result.code}: ${result.message}`);
}

/** The plan's range of the TCO Inventory table. */
export const inventoryTableRange = (plan: WorkbookPlan): string =>
  plan.sheets.find((s) => s.name === SHEETS.inventory)?.tables[0]?.range ?? "";
