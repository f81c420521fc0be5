import { describe, expect, it } from "vitest";
import {
  decodeRole,
  encodeRole,
  ownTagName,
  planLayout,
  readTags,
  sheetTagFormula,
  type WorkbookSnapshot,
} from "../../src/excel/ownership";
import { SHEETS } from "../../src/report/sheetLayout";
import { syntheticPlan, syntheticScenario } from "./planFixtures";

const plan = syntheticPlan(syntheticScenario(3));
const roles = plan.sheets.map((s) => s.name);

const snapshot = (
  sheets: string[],
  owned: Record<string, string> = {},
  extraNames: { name: string; formula: string }[] = []
): WorkbookSnapshot => ({
  sheets: sheets.map((name, position) => ({ name, position })),
  names: [
    ...Object.entries(owned).map(([role, sheet]) => ({
      name: ownTagName(role),
      formula: sheetTagFormula(sheet),
    })),
    ...extraNames,
  ],
  tables: [],
});

describe("tags", () => {
  it("encode any sheet name into a valid defined name and back", () => {
    for (const role of ["TCO Summary", "A_b", "Ünïcode (2)", "x.y"]) {
      expect(encodeRole(role)).toMatch(/^[A-Za-z0-9_]+$/);
      expect(decodeRole(encodeRole(role))).toBe(role);
    }
    expect(ownTagName("TCO Summary")).toBe("hvtco_own_TCO_20_Summary");
  });

  it("read the sheet a tag points at, or null once the sheet is deleted", () => {
    expect(
      readTags([
        { name: "hvtco_own_TCO_20_Summary", formula: "='TCO Summary (2)'!$1:$1048576" },
        { name: "hvtco_own_TCO_20_Inputs", formula: "=#REF!$1:$1048576" },
        { name: "hvtco_new3_TCO_20_Inputs", formula: "='~TCO Inputs'!$1:$1048576" },
        { name: "hv_DiscountRate", formula: "='TCO Inputs'!$C$9" },
      ])
    ).toEqual([
      {
        name: "hvtco_own_TCO_20_Summary",
        kind: "own",
        role: "TCO Summary",
        sheet: "TCO Summary (2)",
      },
      { name: "hvtco_own_TCO_20_Inputs", kind: "own", role: "TCO Inputs", sheet: null },
      { name: "hvtco_new3_TCO_20_Inputs", kind: "new", role: "TCO Inputs", sheet: "~TCO Inputs" },
    ]);
  });
});

describe("planLayout", () => {
  it("writes under temporary names even on a first run, and takes the free names in the swap", () => {
    const layout = planLayout(plan, snapshot(["Sheet1"]));
    expect([...layout.final.values()]).toEqual(roles);
    // A sheet that exists before its tag (a failed tag, a failed cleanup) never holds a report name.
    expect([...layout.inWrite.values()]).toEqual(roles.map((r) => `~${r}`));
    expect([...layout.writeTag.values()].every((t) => t.startsWith("hvtco_new1_"))).toBe(true);
    expect(layout.deleteSheets).toEqual([]);
    expect(layout.conflicts).toEqual([]);
    expect(layout.namesToAdd.length).toBe(plan.definedNames.length);
    expect(layout.positionBase).toBeNull();
  });

  it("moves aside for a user's sheet of the same name (case-insensitive), never deleting it", () => {
    const layout = planLayout(plan, snapshot(["tco summary", "TCO Summary (2)"]));
    expect(layout.final.get(SHEETS.summary)).toBe("TCO Summary (3)");
    expect(layout.conflicts).toEqual([{ sheet: SHEETS.summary, proposed: "TCO Summary (3)" }]);
    expect(layout.deleteSheets).toEqual([]);
  });

  it("replaces its own sheets through temporary names, and puts the report back where it was", () => {
    const layout = planLayout(
      plan,
      snapshot(["Notes", ...roles, "After"], Object.fromEntries(roles.map((r) => [r, r])))
    );
    expect(layout.inWrite.get(SHEETS.summary)).toBe("~TCO Summary");
    expect(layout.final.get(SHEETS.summary)).toBe(SHEETS.summary);
    expect(layout.deleteSheets).toEqual(roles);
    expect(layout.positionBase).toBe(1);
    expect([...layout.retag]).toEqual(roles);
    expect(layout.writeTag.get(SHEETS.summary)).toBe("hvtco_new1_TCO_20_Summary");
  });

  it("keeps a user's new name for a planner sheet, and removes planner sheets the plan no longer has", () => {
    const layout = planLayout(
      plan,
      snapshot(["Cash", "TCO Old"], { [SHEETS.cashflow]: "Cash", "TCO Old": "TCO Old" }, [
        { name: "hv_Old", formula: "='TCO Old'!$A$1" },
        { name: "userName", formula: "=Sheet9!$A$1" },
      ])
    );
    expect(layout.final.get(SHEETS.cashflow)).toBe("Cash");
    expect(layout.deleteSheets).toEqual(["Cash", "TCO Old"]);
    expect(layout.namesToDelete).toEqual([ownTagName("TCO Old"), "hv_Old"]);
  });

  it("treats sheets of a failed run as leftovers to delete, and picks a fresh run number", () => {
    const layout = planLayout(
      plan,
      snapshot(["~TCO Summary"], {}, [
        { name: "hvtco_new1_TCO_20_Summary", formula: "='~TCO Summary'!$1:$1048576" },
      ])
    );
    expect(layout.deleteSheets).toEqual(["~TCO Summary"]);
    expect(layout.namesToDelete).toEqual(["hvtco_new1_TCO_20_Summary"]);
    expect(layout.final.get(SHEETS.summary)).toBe(SHEETS.summary);
    expect(layout.inWrite.get(SHEETS.summary)).toBe("~2 TCO Summary");
    expect(layout.writeTag.get(SHEETS.summary)).toBe("hvtco_new2_TCO_20_Summary");
  });

  it("renames a plan table whose name a user's table has", () => {
    const wb: WorkbookSnapshot = {
      ...snapshot(["Data"]),
      tables: [{ name: "hvInventory", sheet: "Data" }],
    };
    const layout = planLayout(plan, wb);
    expect(layout.tableFinal.get("hvInventory")).toBe("hvInventory2");
    expect(layout.tableInWrite.get("hvInventory")).toBe("hvInventory2");
  });
});
