import { describe, expect, it } from "vitest";
import { parseTabSeparated, pastedWorkbook } from "../../src/taskpane/paste";

describe("text copied from Excel", () => {
  it("splits tabs and lines, keeping empty cells", () => {
    expect(parseTabSeparated("Name\tCores\tRAM\r\nA\t4\t\r\nB\t\t8\r\n")).toEqual([
      ["Name", "Cores", "RAM"],
      ["A", "4", ""],
      ["B", "", "8"],
    ]);
  });

  it("reads quoted cells with tabs, line breaks and doubled quotes", () => {
    expect(parseTabSeparated('Name\tNote\nA\t"two\nlines"\nB\t"say ""hi""\tthere"\n')).toEqual([
      ["Name", "Note"],
      ["A", "two\nlines"],
      ["B", 'say "hi"\tthere'],
    ]);
  });

  it("reads a quote inside a cell literally when the cell is not quoted", () => {
    expect(parseTabSeparated('A\t12" rack\n')).toEqual([["A", '12" rack']]);
  });

  it("needs a header and a data row", () => {
    expect(pastedWorkbook("Name\tCores\n")).toBeNull();
    const wb = pastedWorkbook("Name\tCores\nA\t 4 \n\n");
    expect(wb?.sheets[0]?.rows).toEqual([
      ["Name", "Cores"],
      ["A", "4"],
    ]);
  });
});
