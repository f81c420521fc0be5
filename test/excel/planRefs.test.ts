import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  referencedSheets,
  renameSheetsInPlan,
  renameTablesInPlan,
  rewriteFormulaRefs,
} from "../../src/excel/planRefs";
import { SHEETS } from "../../src/report/sheetLayout";
import { syntheticPlan, syntheticScenario } from "./planFixtures";

const sheets = (m: Record<string, string>): Map<string, string> =>
  new Map(Object.entries(m).map(([k, v]) => [k.toLowerCase(), v]));

describe("rewriteFormulaRefs", () => {
  it.each([
    // formula, expected — mapping: TCO Summary → TCO Summary (2), Data → My Data, hvInventory → hvInventory2
    ["='TCO Summary'!B3*2", "='TCO Summary (2)'!B3*2"],
    ["=SUM('tco summary'!B2:B7)", "=SUM('TCO Summary (2)'!B2:B7)"],
    ["=Data!A1+Data!$B$2", "='My Data'!A1+'My Data'!$B$2"],
    ["=\"See 'TCO Summary'!B3\"&Data!A1", "=\"See 'TCO Summary'!B3\"&'My Data'!A1"],
    [
      "=ROWS(hvInventory[Name])+COUNTA(hvInventory[[#Data],[Cores]])",
      "=ROWS(hvInventory2[Name])+COUNTA(hvInventory2[[#Data],[Cores]])",
    ],
    ["=hvInventory[@[RAM (GiB)]]*'Other Sheet'!A1", "=hvInventory2[@[RAM (GiB)]]*'Other Sheet'!A1"],
    ["=[Book1.xlsx]Data!A1", "=[Book1.xlsx]Data!A1"],
    ["=MyData!A1+xData!A1", "=MyData!A1+xData!A1"],
    ["='It''s'!A1", "='It''s'!A1"],
  ])("%s → %s", (formula, expected) => {
    const s = sheets({ "TCO Summary": "TCO Summary (2)", Data: "My Data" });
    expect(rewriteFormulaRefs(formula, s, sheets({ hvInventory: "hvInventory2" }))).toBe(expected);
  });

  it("renames a sheet whose name needs quoting, and unquotes nothing else", () => {
    expect(rewriteFormulaRefs("='It''s'!A1+It!B1", sheets({ "It's": "Its", It: "It's" }))).toBe(
      "=Its!A1+'It''s'!B1"
    );
  });

  it("is undone by the reverse mapping (property)", () => {
    const name = fc
      .stringMatching(/^[A-Za-z][A-Za-z0-9 ()'-]{0,20}$/)
      .filter((s) => !s.endsWith(" ") && !s.includes("''"));
    fc.assert(
      fc.property(name, name, (a, b) => {
        fc.pre(a.toLowerCase() !== b.toLowerCase());
        const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;
        const formula = `=SUM(${q(a)}!A1:B2)+"${a}!x"&${q(a)}!C3`;
        const there = rewriteFormulaRefs(formula, sheets({ [a]: b }));
        expect(referencedSheets(there)).toEqual([b, b]);
        // Back again gives the original, quoted the way Excel writes it.
        expect(rewriteFormulaRefs(there, sheets({ [b]: a }))).toBe(
          rewriteFormulaRefs(formula, sheets({ [a]: a }))
        );
      })
    );
  });
});

describe("renameSheetsInPlan / renameTablesInPlan", () => {
  const plan = syntheticPlan(syntheticScenario(3));

  it("renames the sheet, formulas, defined names and chart data sheets that mention it", () => {
    const renamed = renameSheetsInPlan(plan, {
      [SHEETS.inputs]: "Inputs (2)",
      [SHEETS.cashflow]: "Cash",
    });
    expect(renamed.sheets.map((s) => s.name)).toContain("Inputs (2)");
    expect(renamed.definedNames.find((d) => d.name === "hv_DiscountRate")?.ref).toBe(
      "'Inputs (2)'!$C$9"
    );
    const summary = renamed.sheets.find((s) => s.name === SHEETS.summary);
    expect(summary?.charts.map((c) => c.dataSheet)).toEqual([SHEETS.summary, "Cash"]);
    expect(summary?.blocks[0]?.cells[2]?.[1]?.f).toBe("=SUM(Cash!B2:B7)*-1");
    // Untouched parts are shared, not copied needlessly.
    expect(renameSheetsInPlan(plan, {})).toBe(plan);
  });

  it("renames tables and their structured references", () => {
    const renamed = renameTablesInPlan(plan, { hvInventory: "hvInventory_new" });
    const inv = renamed.sheets.find((s) => s.name === SHEETS.inventory);
    expect(inv?.tables[0]?.name).toBe("hvInventory_new");
    const summary = renamed.sheets.find((s) => s.name === SHEETS.summary);
    expect(summary?.blocks[0]?.cells[3]?.[1]?.f).toBe("=ROWS(hvInventory_new[Name])");
  });
});
