/** The fake behaves like Excel where the writer's tests rely on it. */
import { describe, expect, it } from "vitest";
import { FakeExcel } from "./fakeExcel";

describe("FakeExcel", () => {
  it("rejects a 2-D write whose shape differs from its address, as Excel does", async () => {
    const fx = new FakeExcel();
    const ws = fx.context.workbook.worksheets.add("S");
    ws.getRange("A1:C2").formulas = [
      [1, 2, 3],
      [4, 5],
    ];
    await expect(fx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    // Commands before the failing one stay done: the sheet exists, the cells do not.
    expect(fx.sheetNames()).toEqual(["S"]);
    expect(fx.cell("S", "A1")).toBeUndefined();
  });

  it("runs nothing until sync, and reading before load throws", async () => {
    const fx = new FakeExcel();
    fx.addUserSheet("S", { A1: 1 });
    const sheets = fx.context.workbook.worksheets.load("items/name");
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    await fx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["S"]);
    expect(fx.syncCount).toBe(1);
  });

  it("coerces text like Excel: numbers, booleans, formulas, and 'text kept as text", async () => {
    const fx = new FakeExcel();
    const ws = fx.context.workbook.worksheets.add("S");
    ws.getRange("A1:E1").formulas = [["001", "TRUE", "=A1*2", "'001", "name"]];
    await fx.sync();
    expect(["A1", "B1", "C1", "D1", "E1"].map((a) => fx.value("S", a))).toEqual([
      1,
      true,
      null,
      "001",
      "name",
    ]);
    expect(fx.cell("S", "C1")?.formula).toBe("=A1*2");
  });

  it("fixes references on sheet rename and turns them into #REF! on delete", async () => {
    const fx = new FakeExcel();
    fx.addUserSheet("Keep");
    fx.addUserSheet("Data", { A1: 5 });
    fx.setCell("Keep", "A1", "=Data!A1+'Data'!A1");
    fx.renameSheet(fx.findSheet("Data")!, "My Data");
    expect(fx.cell("Keep", "A1")?.formula).toBe("='My Data'!A1+'My Data'!A1");
    fx.deleteSheet(fx.findSheet("My Data")!);
    expect(fx.cell("Keep", "A1")?.formula).toBe("=#REF!A1+#REF!A1");
  });

  it("rejects a request above 5 MB, running none of it", async () => {
    const fx = new FakeExcel();
    const ws = fx.context.workbook.worksheets.add("S");
    ws.getRange("A1:A600000").formulas = Array.from({ length: 600_000 }, () => ["xxxxxx"]);
    await expect(fx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fx.sheetNames()).toEqual([]);
  });
});
