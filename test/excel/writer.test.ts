import { describe, expect, it, vi } from "vitest";
import { parseRange } from "../../src/report/a1";
import { SHEETS } from "../../src/report/sheetLayout";
import { EXCEL_MESSAGES, PlanError, writePlan } from "../../src/excel";
import { ownTagName } from "../../src/excel/ownership";
import { planName } from "./fakeExcel";
import { planBlockAddresses, syntheticPlan, syntheticScenario } from "./planFixtures";
import { expectOk, install, inventoryTableRange } from "./writerHarness";

const plan10 = syntheticPlan(syntheticScenario(10));

/** The range of the inventory table a plan asks for (the header row and one row per server). */

const noDelay = vi.fn(async () => undefined);

describe("writePlan: requests", () => {
  it("writes a first report in 3 syncs: discover, write, swap", async () => {
    const fx = install({ requestLimitBytes: 1e12 });
    fx.addUserSheet("Sheet1");
    const result = await writePlan(plan10);
    expectOk(result);
    expect(result.syncs).toBe(3);
    expect(fx.syncCount).toBe(3);
    expect(fx.sheetNames()).toEqual(["Sheet1", ...plan10.sheets.map((s) => s.name)]);
    expect(fx.active?.name).toBe(SHEETS.summary);
  });

  it("regenerates over its own report in 4 syncs (the extra one reads TCO Inputs for unsaved edits)", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    expectOk(await writePlan(plan10));
    const before = fx.syncCount;
    const result = await writePlan(plan10);
    expectOk(result);
    expect(result.syncs).toBe(4);
    expect(fx.syncCount - before).toBe(4);
  });

  it("splits the write into row chunks only when one request would pass the budget", async () => {
    // 2,000 servers ≈ 0.6 MB of cells against a 250 KB budget (the real budget and sizes are
    // in test/integration/excel-writer-size.test.ts): several requests, each within it.
    const plan = syntheticPlan(syntheticScenario(2_000));
    const budget = 250_000;
    const fx = install({ requestLimitBytes: 1e12 });
    fx.addUserSheet("Sheet1");
    const whole = await writePlan(plan, { maxRequestBytes: 1e12 });
    expectOk(whole);
    expect(whole.requestBytes.length).toBe(1); // nothing split when the write fits
    expect(fx.syncs[1]!.bytes).toBeGreaterThan(2 * budget);
    const fx2 = install({ requestLimitBytes: budget + 50_000 });
    fx2.addUserSheet("Sheet1");
    const result = await writePlan(plan, { maxRequestBytes: budget });
    expectOk(result);
    expect(result.requestBytes.length).toBeGreaterThan(1);
    expect(result.syncs).toBe(2 + result.requestBytes.length);
    for (const s of fx2.syncs) expect(s.bytes).toBeLessThan(budget + 50_000);
    // The inventory block went in chunks that tile it exactly.
    const inv = fx2.writes.filter(
      (w) => planName(w.sheet) === SHEETS.inventory && w.kind === "formulas"
    );
    expect(inv.length).toBeGreaterThan(1);
    expect(inv.reduce((sum, w) => sum + w.rows, 0)).toBe(2_001);
  });

  it("suspends calculation and screen updating in every write request", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    expectOk(await writePlan(plan10));
    for (const s of fx.syncs.slice(1)) {
      expect(s.ops.slice(0, 2)).toEqual([
        "application.suspendApiCalculationUntilNextSync",
        "application.suspendScreenUpdatingUntilNextSync",
      ]);
    }
  });
});

describe("writePlan: what it writes", () => {
  it("writes each block as one formulas and one numberFormat array matching its address", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    expectOk(await writePlan(plan10));
    const expected = planBlockAddresses(plan10);
    const formulas = fx.writes
      .filter((w) => w.kind === "formulas")
      .map((w) => ({ sheet: planName(w.sheet), address: w.address }));
    expect(formulas).toEqual(expected);
    for (const w of fx.writes) {
      const r = parseRange(w.address);
      expect([w.rows, w.cols]).toEqual([r.bottom - r.top + 1, r.right - r.left + 1]);
    }
    // A block without number formats gets no numberFormat write.
    expect(fx.writes.filter((w) => w.kind === "numberFormat").length).toBeLessThan(expected.length);
  });

  it("writes formulas where the plan has them and constants (text kept as text) elsewhere", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    expectOk(await writePlan(plan10));
    expect(fx.cell(SHEETS.capacity, "E4")?.formula).toBe(
      "='TCO Inventory'!H2+hv_VmMemoryOverheadGiB"
    );
    expect(fx.cell(SHEETS.capacity, "E4")?.numberFormat).toBe("#,##0.0");
    // "FILE-01" and "ws2008r2" would be text anyway; "001"-like text must not become a number.
    expect(fx.value(SHEETS.inventory, "A2")).toBe("FILE-01");
    expect(fx.value(SHEETS.inventory, "L2")).toBe(false);
    expect(fx.value(SHEETS.inputs, "C7")).toBe("ws2008r2");
  });

  it("adds tables over the written range, defined names, and charts with seriesBy Columns", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    expectOk(await writePlan(plan10));
    const inv = fx.findSheet(SHEETS.inventory);
    expect(inv?.tables.map((t) => [t.name, t.address, t.style])).toEqual([
      ["hvInventory", inventoryTableRange(plan10), "TableStyleMedium2"],
    ]);
    expect(fx.names.find((n) => n.name === "hv_DiscountRate")?.formula).toBe("='TCO Inputs'!$C$9");
    const charts = fx.sheets.flatMap((s) => s.charts);
    expect(charts.map((c) => [c.type, c.seriesBy, c.source.sheet.name, c.source.address])).toEqual([
      ["ColumnClustered", "Columns", SHEETS.summary, "A2:C3"],
      ["ColumnClustered", "Columns", SHEETS.cashflow, "A1:C7"],
      ["BarClustered", "Columns", SHEETS.sensitivity, "A1:C3"],
    ]);
    const cumulative = charts[1];
    expect(cumulative?.series[1]).toEqual({ chartType: "Line", axisGroup: "Secondary" });
    expect(cumulative?.legend).toEqual({ visible: true, position: "Right" });
    expect(charts[2]?.axes.category.reversePlotOrder).toBe(true);
  });

  it("tags every sheet it creates with a hidden whole-sheet name", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    expectOk(await writePlan(plan10));
    for (const s of plan10.sheets) {
      const tag = fx.names.find((n) => n.name === ownTagName(s.name));
      expect(tag?.formula).toBe(`='${s.name}'!$1:$1048576`);
      expect(tag?.visible).toBe(false);
    }
  });

  it("freezes panes, sets print layout and tab colour", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    expectOk(await writePlan(plan10));
    expect(fx.findSheet(SHEETS.inputs)?.freeze).toBe("freezeRows(4)");
    expect(fx.findSheet(SHEETS.inventory)?.freeze).toBe("freezeAt(A1:A1)");
    expect(fx.findSheet(SHEETS.summary)?.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
    });
    expect(fx.findSheet(SHEETS.summary)?.tabColor).toBe("#1F4E79");
  });

  it("reports progress per sheet", async () => {
    install().addUserSheet("Sheet1");
    const seen: string[] = [];
    expectOk(
      await writePlan(plan10, {
        onProgress: (name, step, total) => seen.push(`${step}/${total} ${name}`),
      })
    );
    expect(seen).toEqual(plan10.sheets.map((s, i) => `${i + 1}/7 ${s.name}`));
  });

  it("throws a PlanError for a plan Excel would reject, before touching Excel", async () => {
    const fx = install();
    const bad = {
      ...plan10,
      sheets: [{ ...plan10.sheets[0]!, name: "Bad:Name" }, ...plan10.sheets.slice(1)],
    };
    await expect(writePlan(bad)).rejects.toBeInstanceOf(PlanError);
    expect(fx.syncCount).toBe(0);
  });
});

describe("writePlan: sheets it does not own", () => {
  it("leaves a user's own TCO Summary untouched and writes ours to TCO Summary (2), references rewritten", async () => {
    const fx = install();
    const user = fx.addUserSheet(SHEETS.summary, { A1: "My own notes", B2: 42 });
    const before = JSON.stringify([...user.cells]);
    const conflicts: unknown[] = [];
    const result = await writePlan(plan10, {
      confirmRename: (c) => {
        conflicts.push(...c);
        return true;
      },
    });
    expectOk(result);
    expect(conflicts).toEqual([{ sheet: SHEETS.summary, proposed: "TCO Summary (2)" }]);
    expect(result.sheets[SHEETS.summary]).toBe("TCO Summary (2)");
    expect(fx.findSheet(SHEETS.summary)).toBe(user);
    expect(JSON.stringify([...user.cells])).toBe(before);
    expect(user.charts).toEqual([]);
    const ours = fx.findSheet("TCO Summary (2)");
    // The chart over the summary's own data points at our sheet, not the user's.
    expect(ours?.charts[0]?.source.sheet).toBe(ours);
    // Text that merely looks like a reference stays as it was.
    expect(fx.cell("TCO Summary (2)", "B5")?.formula).toBe(`="See 'TCO Summary'!B3"`);
    expect(fx.names.find((n) => n.name === ownTagName(SHEETS.summary))?.formula).toBe(
      "='TCO Summary (2)'!$1:$1048576"
    );
    expect(fx.active).toBe(ours);
  });

  it("reuses TCO Summary (2) when regenerating, still leaving the user's sheet alone", async () => {
    const fx = install();
    const user = fx.addUserSheet(SHEETS.summary, { A1: "Mine" });
    expectOk(await writePlan(plan10));
    const again = await writePlan(plan10, { confirmRename: () => false });
    expectOk(again); // no conflict left to confirm: (2) is ours now
    expect(fx.sheetNames().filter((n) => n.startsWith("TCO Summary"))).toEqual([
      SHEETS.summary,
      "TCO Summary (2)",
    ]);
    expect(fx.findSheet(SHEETS.summary)).toBe(user);
  });

  it("writes nothing when the user declines the rename", async () => {
    const fx = install();
    fx.addUserSheet(SHEETS.summary);
    const before = JSON.stringify(fx.picture());
    const result = await writePlan(plan10, { confirmRename: async () => false });
    expect(result).toMatchObject({
      ok: false,
      code: "cancelled",
      unchanged: true,
      message: EXCEL_MESSAGES.cancelled,
    });
    expect(JSON.stringify(fx.picture())).toBe(before);
  });

  it("replaces its own sheets in place: same names and positions, new sheets, no temporaries left", async () => {
    const fx = install();
    fx.addUserSheet("Notes");
    expectOk(await writePlan(plan10));
    fx.addUserSheet("After");
    const oldIds = fx.sheets.map((s) => s.id);
    const result = await writePlan(plan10);
    expectOk(result);
    expect(fx.sheetNames()).toEqual(["Notes", ...plan10.sheets.map((s) => s.name), "After"]);
    expect(result.replaced).toEqual(plan10.sheets.map((s) => s.name));
    const newIds = fx.sheets.slice(1, 8).map((s) => s.id);
    expect(newIds.some((id) => oldIds.includes(id))).toBe(false);
    // Formulas and names point at the final names, not the temporary ones.
    expect(fx.cell(SHEETS.capacity, "E4")?.formula).toBe(
      "='TCO Inventory'!H2+hv_VmMemoryOverheadGiB"
    );
    expect(fx.names.find((n) => n.name === "hv_DiscountRate")?.formula).toBe("='TCO Inputs'!$C$9");
    expect(fx.names.filter((n) => n.formula.includes("#REF!") || n.formula.includes("~"))).toEqual(
      []
    );
    expect(fx.names.filter((n) => /^hvtco_new/i.test(n.name))).toEqual([]);
    expect(fx.findSheet(SHEETS.inventory)?.tables[0]?.name).toBe("hvInventory");
    expect(fx.cell(SHEETS.summary, "B4")?.formula).toBe("=ROWS(hvInventory[Name])");
  });

  it("keeps the user's name for a planner sheet the user renamed", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    expectOk(await writePlan(plan10));
    fx.renameSheet(fx.findSheet(SHEETS.cashflow)!, "Cash");
    const result = await writePlan(plan10);
    expectOk(result);
    expect(result.sheets[SHEETS.cashflow]).toBe("Cash");
    expect(fx.findSheet(SHEETS.cashflow)).toBeUndefined();
    expect(fx.cell(SHEETS.summary, "B3")?.formula).toBe("=SUM(Cash!B2:B7)*-1");
  });
});

describe("writePlan: failures", () => {
  it("removes everything it created when a write fails mid-way (first report)", async () => {
    const fx = install({ failOn: (op) => op.name === "charts.add" });
    fx.addUserSheet("Sheet1", { A1: "keep" });
    const before = JSON.stringify(fx.picture());
    const result = await writePlan(plan10);
    expect(result).toMatchObject({
      ok: false,
      code: "excel",
      unchanged: true,
      officeCode: "GeneralException",
    });
    if (!result.ok) expect(result.message).toContain(EXCEL_MESSAGES.unchanged);
    expect(JSON.stringify(fx.picture())).toBe(before);
  });

  it("leaves the old report and the user's sheets intact when regenerating fails", async () => {
    let failing = false;
    const fx = install({ failOn: (op) => failing && op.name === "tables.add" });
    fx.addUserSheet("Sheet1", { A1: "keep" });
    expectOk(await writePlan(plan10));
    const before = JSON.stringify(fx.picture());
    failing = true;
    const result = await writePlan(plan10, { inputEdits: "discard" });
    expect(result).toMatchObject({ ok: false, unchanged: true });
    expect(JSON.stringify(fx.picture())).toBe(before);
  });

  it("deletes sheets written by earlier requests when a later request fails", async () => {
    const fx = install({ failOn: (op) => op.name === "charts.add" });
    fx.addUserSheet("Sheet1", { A1: "keep" });
    const before = JSON.stringify(fx.picture());
    // A tiny budget forces one request per unit: sheets, cells and tables land before the charts fail.
    const result = await writePlan(plan10, { maxRequestBytes: 2_000 });
    expect(result).toMatchObject({ ok: false, unchanged: true });
    const landed = fx.syncs.filter((s) => s.failed === undefined);
    expect(landed.filter((s) => s.ops.includes("worksheets.add")).length).toBe(7);
    expect(landed.filter((s) => s.ops.includes("range.formulas")).length).toBeGreaterThan(5);
    expect(JSON.stringify(fx.picture())).toBe(before);
  });

  it("keeps the report and warns when only the optional chart formatting is rejected (Excel on the web)", async () => {
    const fx = install({ failOn: (op) => op.name === "chart.axes.valueAxis.numberFormat" });
    fx.addUserSheet("Sheet1");
    const result = await writePlan(plan10);
    expectOk(result);
    expect(result.warnings).toEqual([EXCEL_MESSAGES.formattingSkipped]);
    expect(fx.sheetNames()).toEqual(["Sheet1", ...plan10.sheets.map((s) => s.name)]);
  });

  it("retries while a cell is being edited, then succeeds", async () => {
    const fx = install({ editModeSyncs: 2 });
    fx.addUserSheet("Sheet1");
    const delay = vi.fn(async () => undefined);
    const result = await writePlan(plan10, { delay });
    expectOk(result);
    expect(delay.mock.calls).toEqual([[2000], [2000]]);
  });

  it("after 3 retries tells the user to finish editing the cell, leaving the workbook unchanged", async () => {
    const fx = install({ editModeSyncs: 100 });
    fx.addUserSheet("Sheet1");
    const before = JSON.stringify(fx.picture());
    noDelay.mockClear();
    const result = await writePlan(plan10, { delay: noDelay });
    expect(result).toMatchObject({ ok: false, code: "cellEditMode", unchanged: true });
    if (!result.ok)
      expect(result.message).toBe(`${EXCEL_MESSAGES.cellEditMode} ${EXCEL_MESSAGES.unchanged}`);
    expect(noDelay).toHaveBeenCalledTimes(3);
    expect(fx.syncCount).toBe(4);
    expect(JSON.stringify(fx.picture())).toBe(before);
  });

  it("rolls back and retries when the user starts editing a cell between requests", async () => {
    let editing = 0;
    const fx = install();
    fx.addUserSheet("Sheet1");
    // The discover sync passes; then the write and the rollback's first sync hit edit mode.
    const realSync = fx.sync.bind(fx);
    fx.sync = async () => {
      if (fx.syncCount === 1 && editing === 0) {
        editing = 1;
        fx.options.editModeSyncs = 2;
      }
      return realSync();
    };
    const result = await writePlan(plan10, { delay: noDelay });
    expectOk(result);
    expect(fx.sheetNames()).toEqual(["Sheet1", ...plan10.sheets.map((s) => s.name)]);
  });

  it("cleans up a failed run's leftover sheets on the next run", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    expectOk(await writePlan(plan10));
    // Simulate a crash after the write request of a regeneration: temporaries tagged hvtco_new.
    fx.addSheet("~TCO Summary");
    fx.names.push({
      name: "hvtco_new1_TCO_20_Summary",
      formula: "='~TCO Summary'!$1:$1048576",
      visible: false,
    });
    const result = await writePlan(plan10);
    expectOk(result);
    expect(fx.sheetNames().some((n) => n.startsWith("~"))).toBe(false);
    expect(fx.names.some((n) => n.name.startsWith("hvtco_new"))).toBe(false);
  });
});

describe("writePlan: unsaved edits to TCO Inputs", () => {
  it("stops, naming the edited inputs, when TCO Inputs holds values the new plan lacks", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    expectOk(await writePlan(plan10));
    fx.setCell(SHEETS.inputs, "C9", 0.08); // finance.discountRate, was 0.07
    const before = JSON.stringify(fx.picture());
    const result = await writePlan(plan10);
    expect(result).toMatchObject({
      ok: false,
      code: "inputsEdited",
      unchanged: true,
      inputChanges: [
        {
          cell: "C9",
          key: "finance.discountRate",
          label: "Discount rate",
          workbook: 0.08,
          plan: 0.07,
        },
      ],
    });
    if (!result.ok)
      expect(result.message).toBe(
        EXCEL_MESSAGES.inputsEdited(SHEETS.inputs, ["C9 Discount rate: 0.08 (report has 0.07)"])
      );
    expect(JSON.stringify(fx.picture())).toBe(before);
  });

  it("overwrites them when the caller chooses to discard the edits", async () => {
    const fx = install();
    fx.addUserSheet("Sheet1");
    expectOk(await writePlan(plan10));
    fx.setCell(SHEETS.inputs, "C9", 0.08);
    expectOk(await writePlan(plan10, { inputEdits: "discard" }));
    expect(fx.value(SHEETS.inputs, "C9")).toBe(0.07);
  });
});
