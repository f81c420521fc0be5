/**
 * Failure injection for the Office.js writer (reproduction 7 of issue 17), shared by the unit
 * test (a sample of the calls) and the integration sweep (every call): a
 * write that fails at command k, followed by a cleanup that fails too — at each of its own
 * commands, or at every one (Excel gone). Whatever happens:
 * - the user's sheets are untouched, and when regenerating, the old report is intact;
 * - every sheet the run created and left behind still carries an ownership tag (or a
 *   temporary `~` name), so it is never mistaken for a user's sheet;
 * - the next run, with Excel well again, writes the report under its own names — never
 *   `TCO Summary (2)` — and leaves no leftover sheet or tag.
 */
import { expect, vi } from "vitest";
import { writePlan, type WriteResult } from "../../src/excel";
import { readTags } from "../../src/excel/ownership";
import { FakeExcel, type OpInfo } from "./fakeExcel";
import { syntheticPlan, syntheticScenario } from "./planFixtures";

const plan = syntheticPlan(syntheticScenario(3));
const roles = plan.sheets.map((s) => s.name);

export type Start = "first report" | "regenerating";

/** A workbook with a user's sheet (and, when regenerating, our previous report). */
async function workbook(start: Start, fx: FakeExcel, failing: { on: boolean }): Promise<void> {
  fx.addUserSheet("Sheet1", { A1: "mine", B2: "=A1" });
  if (start === "regenerating") {
    failing.on = false;
    vi.stubGlobal("Excel", { run: fx.run });
    const first = await writePlan(plan, { inputEdits: "discard" });
    expect(first.ok).toBe(true);
  }
}

/** How the run fails: at command `writeAt` (1-based, counted from the run's start), then in the cleanup. */
export interface Fault {
  readonly writeAt: number;
  /**
   * After that first failure: "none" (the cleanup works), "all" (every later command fails:
   * Excel is gone), or the first command of that name fails (a sheet that will not go, a
   * name that will not go).
   */
  readonly cleanupAt: "none" | "all" | "worksheet.delete" | "name.delete";
}

function faultyExcel(fault: Fault): { fx: FakeExcel; failing: { on: boolean; seen: number } } {
  const failing = { on: true, seen: 0 };
  let cleanupFailed = false;
  const fx = new FakeExcel({
    failOn: (op: OpInfo) => {
      if (!failing.on) return false;
      failing.seen++;
      if (failing.seen === fault.writeAt) return true;
      if (failing.seen < fault.writeAt) return false;
      if (fault.cleanupAt === "all") return true;
      if (fault.cleanupAt === "none" || cleanupFailed || op.name !== fault.cleanupAt) return false;
      cleanupFailed = true;
      return true;
    },
  });
  return { fx, failing };
}

/** The commands a successful run makes, by name, in order (k runs over their indexes). */
export async function commandsOfARun(start: Start): Promise<string[]> {
  const names: string[] = [];
  const spy = { on: false };
  const fx = new FakeExcel({ failOn: (op) => (spy.on && names.push(op.name), false) });
  await workbook(start, fx, spy);
  spy.on = true;
  vi.stubGlobal("Excel", { run: fx.run });
  const result = await writePlan(plan, { inputEdits: "discard" });
  expect(result.ok).toBe(true);
  return names;
}

/** Check the invariants after a failed run, then run again with Excel well; the problems found. */
export async function checkAfterFailure(start: Start, fault: Fault): Promise<string[]> {
  const problems: string[] = [];
  const { fx, failing } = faultyExcel(fault);
  await workbook(start, fx, failing);
  const before = new Set(fx.sheetNames().map((n) => n.toLowerCase()));
  const oldReport = start === "regenerating" ? JSON.stringify(fx.picture()) : null;
  failing.on = true;
  failing.seen = 0;
  vi.stubGlobal("Excel", { run: fx.run });
  let result: WriteResult;
  try {
    result = await writePlan(plan, { inputEdits: "discard", cellEditRetries: 0 });
  } catch (e) {
    return [`threw ${(e as Error).message}`];
  }
  failing.on = false;
  const at = `k=${fault.writeAt} cleanup=${fault.cleanupAt}`;

  // The user's sheet, untouched.
  if (fx.value("Sheet1", "A1") !== "mine" || fx.cell("Sheet1", "B2")?.formula !== "=A1")
    problems.push(`${at}: the user's sheet changed`);
  // Every created sheet left behind is recognisably ours.
  const tags = readTags(fx.names.map((n) => ({ name: n.name, formula: n.formula })));
  const tagged = new Set(tags.flatMap((t) => (t.sheet ? [t.sheet.toLowerCase()] : [])));
  for (const name of fx.sheetNames()) {
    const l = name.toLowerCase();
    if (before.has(l)) continue;
    if (!tagged.has(l) && !name.startsWith("~"))
      problems.push(`${at}: "${name}" was left behind without an ownership tag`);
  }
  if (
    !result.ok &&
    result.unchanged &&
    oldReport !== null &&
    JSON.stringify(fx.picture()) !== oldReport
  )
    problems.push(`${at}: reported unchanged, but the workbook changed`);

  // Excel is well again: the next run writes the report under its own names, nothing left over.
  const again = await writePlan(plan, { inputEdits: "discard" });
  if (!again.ok) return [...problems, `${at}: the next run failed: ${again.message}`];
  const names = fx.sheetNames().filter((n) => n !== "Sheet1");
  const extra = names.filter((n) => !roles.includes(n) && !n.startsWith("~"));
  if (extra.length > 0) problems.push(`${at}: next run left ${JSON.stringify(extra)}`);
  for (const r of roles)
    if (!names.includes(r)) problems.push(`${at}: next run did not write "${r}"`);
  if (fx.names.some((n) => /^hvtco_new/i.test(n.name)))
    problems.push(`${at}: next run left a temporary tag`);
  return problems;
}
