import { describe, expect, it, vi } from "vitest";
import { EXCEL_MESSAGES, readScenarioFromWorkbook, writePlan } from "../../src/excel";
import { SHEETS } from "../../src/report/sheetLayout";
import {
  defaultScenarioJson,
  parseScenario,
  scenarioToJson,
  type Scenario,
} from "../../src/scenario";
import { FakeExcel, type FakeOptions } from "./fakeExcel";
import { syntheticPlan } from "./planFixtures";
import { install } from "./writerHarness";

const parsed = parseScenario(defaultScenarioJson("ws2008r2"));
if (!parsed.ok) throw new Error("default scenario is invalid");
const scenario: Scenario = parsed.scenario;
const plan = syntheticPlan(scenario);

async function written(options: FakeOptions = {}): Promise<FakeExcel> {
  const fx = install(options);
  fx.addUserSheet("Sheet1");
  const result = await writePlan(plan);
  if (!result.ok) throw new Error(result.message);
  return fx;
}

describe("readScenarioFromWorkbook", () => {
  it("reads back the scenario whose inputs were written, in one sync", async () => {
    const fx = await written();
    const before = fx.syncCount;
    const result = await readScenarioFromWorkbook();
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(scenarioToJson(result.scenario)).toEqual(scenarioToJson(scenario));
      expect(result.sheets).toEqual({ inputs: SHEETS.inputs, inventory: SHEETS.inventory });
      expect(result.syncs).toBe(1);
    }
    expect(fx.syncCount - before).toBe(1);
  });

  it("picks up a user's edits typed into the sheets", async () => {
    const fx = await written();
    fx.setCell(SHEETS.inputs, "C9", "8%"); // typed as a percentage
    fx.setCell(SHEETS.inventory, "H2", 16); // FILE-01 RAM
    const result = await readScenarioFromWorkbook();
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.scenario.finance.discountRate.toString()).toBe("0.08");
      expect(result.scenario.inventory[0]?.memoryGiB.toString()).toBe("16");
    }
  });

  it("lists every problem at its cell", async () => {
    const fx = await written();
    fx.setCell(SHEETS.inputs, "C9", "seven percent");
    fx.setCell(SHEETS.inventory, "D3", 0); // WEB: cores
    const result = await readScenarioFromWorkbook();
    expect(result.ok).toBe(false);
    if (!result.ok && result.reason === "invalid") {
      expect(result.issues.map((i) => i.path)).toEqual(["TCO Inputs!C9", "TCO Inventory!D3"]);
    } else throw new Error(`unexpected ${JSON.stringify(result)}`);
  });

  it("says clearly when the planner's sheets are not there", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    const result = await readScenarioFromWorkbook();
    expect(result).toEqual({
      ok: false,
      reason: "notFound",
      missing: [SHEETS.inputs, SHEETS.inventory],
      message: EXCEL_MESSAGES.notFound([SHEETS.inputs, SHEETS.inventory]),
      syncs: 1,
    });
  });

  it("follows the ownership tags to sheets written under other names, ignoring the user's TCO Inputs", async () => {
    const fx = install();
    fx.addUserSheet(SHEETS.inputs, { A1: "My own inputs", C9: "not a rate" });
    const result = await writePlan(plan);
    if (!result.ok) throw new Error(result.message);
    fx.setCell("TCO Inputs (2)", "C9", 0.09);
    const read = await readScenarioFromWorkbook();
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.sheets.inputs).toBe("TCO Inputs (2)");
      expect(read.scenario.finance.discountRate.toString()).toBe("0.09");
    }
  });

  it("still works where a used range asked of a missing sheet fails (two more syncs)", async () => {
    const fx = install({ nullChainThrows: true });
    fx.addUserSheet("Sheet1");
    expect((await readScenarioFromWorkbook()).ok).toBe(false);
    const w = await writePlan(plan);
    expect(w.ok).toBe(true);
    fx.deleteSheet(fx.findSheet(SHEETS.inventory)!);
    const result = await readScenarioFromWorkbook();
    expect(result).toMatchObject({ ok: false, reason: "notFound", missing: [SHEETS.inventory] });
  });

  it("retries while a cell is being edited, then asks the user to finish editing", async () => {
    const fx = await written();
    fx.options.editModeSyncs = 100;
    const delay = vi.fn(async () => undefined);
    const result = await readScenarioFromWorkbook({ delay });
    expect(result).toMatchObject({
      ok: false,
      reason: "excel",
      code: "InvalidOperationInCellEditMode",
      message: EXCEL_MESSAGES.cellEditModeRead,
    });
    expect(delay).toHaveBeenCalledTimes(3);
  });
});
