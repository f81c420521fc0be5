/**
 * The package-level edits (element placement in a worksheet, rels, content types, defined
 * names), plan checks that stop a file Excel would repair, and the writer's environment
 * neutrality (it also runs in the task pane).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { WorkbookPlan } from "../../src/report/workbookPlan";
import { writeXlsx } from "../../src/xlsx";
import {
  addDefinedNames,
  addOverrides,
  insertWorksheetChild,
  nextRelId,
  relsPathFor,
  resolveTarget,
  sheetPartPaths,
} from "../../src/xlsx/packageParts";
import { REPO_ROOT } from "../support/paths";
import { oneSheetPlan, spec, THREE_SERIES } from "./fixtures/chartPlans";
import { withCell } from "./fixtures/planEdits";
import { syntheticPlan } from "./fixtures/syntheticPlan";

const SHEET_HEAD =
  '<worksheet xmlns="x" xmlns:r="y"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';

describe("insertWorksheetChild puts elements where the schema wants them", () => {
  it.each([
    [
      "after pageMargins/pageSetup",
      "<pageMargins/><pageSetup/></worksheet>",
      '<pageMargins/><pageSetup/><drawing r:id="rId1"/></worksheet>',
    ],
    [
      "after headerFooter, before legacyDrawing",
      '<pageMargins/><headerFooter/><legacyDrawing r:id="rId3"/></worksheet>',
      '<pageMargins/><headerFooter/><drawing r:id="rId1"/><legacyDrawing r:id="rId3"/></worksheet>',
    ],
    [
      "before tableParts and extLst",
      '<pageMargins/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst/></worksheet>',
      '<pageMargins/><drawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst/></worksheet>',
    ],
    ["with nothing after sheetData", "</worksheet>", '<drawing r:id="rId1"/></worksheet>'],
  ])("<drawing> %s", (_what, tail, expected) => {
    expect(insertWorksheetChild(SHEET_HEAD + tail, "drawing", '<drawing r:id="rId1"/>')).toBe(
      SHEET_HEAD + expected
    );
  });

  it("<tableParts> after <drawing> and before extLst", () => {
    const xml = `${SHEET_HEAD}<pageMargins/><drawing r:id="rId1"/><extLst/></worksheet>`;
    expect(insertWorksheetChild(xml, "tableParts", "<tableParts/>")).toBe(
      `${SHEET_HEAD}<pageMargins/><drawing r:id="rId1"/><tableParts/><extLst/></worksheet>`
    );
  });

  it("ignores look-alike text inside cells and refuses a second element of the same name", () => {
    const withText =
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;extLst&gt;</t></is></c></row></sheetData></worksheet>';
    expect(insertWorksheetChild(withText, "drawing", "<drawing/>")).toBe(
      withText.replace("</worksheet>", "<drawing/></worksheet>")
    );
    expect(() =>
      insertWorksheetChild(
        `${SHEET_HEAD}<drawing r:id="rId1"/></worksheet>`,
        "drawing",
        "<drawing/>"
      )
    ).toThrow(/already/);
  });
});

describe("relationships, content types and defined names", () => {
  it("resolves sheet parts through workbook.xml and its rels (relative or absolute targets)", () => {
    const wb = `<workbook><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId3"/><sheet name="C" sheetId="2" r:id="rId1"/></sheets></workbook>`;
    const rels =
      '<Relationships><Relationship Id="rId3" Type="t" Target="worksheets/sheet1.xml"/><Relationship Id="rId1" Type="t" Target="/xl/worksheets/sheet2.xml"/></Relationships>';
    expect([...sheetPartPaths(wb, rels)]).toEqual([
      ["A & B", "xl/worksheets/sheet1.xml"],
      ["C", "xl/worksheets/sheet2.xml"],
    ]);
    expect(resolveTarget("xl/drawings/drawing1.xml", "../charts/chart1.xml")).toBe(
      "xl/charts/chart1.xml"
    );
    expect(relsPathFor("xl/worksheets/sheet3.xml")).toBe("xl/worksheets/_rels/sheet3.xml.rels");
    expect(
      nextRelId([
        { id: "rId1", type: "", target: "" },
        { id: "rId3", type: "", target: "" },
      ])
    ).toBe("rId4");
  });

  it("adds Overrides once", () => {
    const ct =
      '<Types><Default Extension="xml" ContentType="application/xml"/><Override PartName="/a.xml" ContentType="x"/></Types>';
    expect(
      addOverrides(ct, [
        { partName: "/a.xml", contentType: "x" },
        { partName: "/b.xml", contentType: "y" },
      ])
    ).toBe(
      '<Types><Default Extension="xml" ContentType="application/xml"/><Override PartName="/a.xml" ContentType="x"/><Override PartName="/b.xml" ContentType="y"/></Types>'
    );
  });

  it("adds defined names after </sheets>, or into an existing <definedNames>", () => {
    const names = [{ name: "hv_Rate", ref: "'TCO Inputs'!$C$6", comment: "Rate & cost" }];
    expect(addDefinedNames("<workbook><sheets/></sheets><calcPr/></workbook>", names)).toBe(
      `<workbook><sheets/></sheets><definedNames><definedName name="hv_Rate" comment="Rate &amp; cost">&apos;TCO Inputs&apos;!$C$6</definedName></definedNames><calcPr/></workbook>`
    );
    expect(
      addDefinedNames(
        '<workbook><sheets></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">S!$A$1</definedName></definedNames></workbook>',
        names
      )
    ).toContain('S!$A$1</definedName><definedName name="hv_Rate"');
  });
});

describe("writeXlsx rejects plans Excel would have to repair", () => {
  const base = syntheticPlan();
  const withNames = (definedNames: WorkbookPlan["definedNames"]): WorkbookPlan => ({
    ...base,
    definedNames,
  });

  it("a defined name that is invalid, looks like a cell, repeats, or points at no sheet", async () => {
    await expect(
      writeXlsx(withNames([{ name: "bad name", ref: "'TCO Inputs'!$C$4" }]))
    ).rejects.toThrow(/not a valid Excel name/);
    await expect(
      writeXlsx(withNames([{ name: "AB12", ref: "'TCO Inputs'!$C$4" }]))
    ).rejects.toThrow(/not a valid Excel name/);
    await expect(
      writeXlsx(
        withNames([
          { name: "hv_X", ref: "'TCO Inputs'!$C$4" },
          { name: "HV_x", ref: "'TCO Inputs'!$C$5" },
        ])
      )
    ).rejects.toThrow(/defined twice/);
    await expect(writeXlsx(withNames([{ name: "hv_X", ref: "'Nope'!$C$4" }]))).rejects.toThrow(
      /not to a sheet of the plan/
    );
  });

  it("a table whose header cell is not text, or whose headers repeat", async () => {
    await expect(writeXlsx(withCell(base, "TCO Inventory", "B1", { v: 5 }))).rejects.toThrow(
      /header cell in column 2 must be non-empty text/
    );
    await expect(writeXlsx(withCell(base, "TCO Inventory", "C1", { v: "cores" }))).rejects.toThrow(
      /duplicate column name "cores"/
    );
  });

  it("a table name that is taken by a defined name", async () => {
    await expect(
      writeXlsx(
        withNames([...base.definedNames, { name: "HVINVENTORY", ref: "'TCO Inputs'!$C$4" }])
      )
    ).rejects.toThrow(/Table name hvInventory is already used/);
  });

  it("a chart over a sheet the plan does not have, or a frame drawn backwards", async () => {
    const s = spec({ kind: "line", dataSheet: "Elsewhere" });
    await expect(writeXlsx(oneSheetPlan(THREE_SERIES, [s]))).rejects.toThrow(/sheet "Elsewhere"/);
    const backwards = spec({ kind: "line", anchor: { from: "L23", to: "E9" } });
    await expect(writeXlsx(oneSheetPlan(THREE_SERIES, [backwards]))).rejects.toThrow(
      /ends above or left/
    );
  });
});

describe("the writer runs in the browser too", () => {
  const dir = join(REPO_ROOT, "src", "xlsx");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

  it.each(files)("%s uses no Node API and imports exceljs only through exceljs.ts", (file) => {
    const source = readFileSync(join(dir, file), "utf8");
    const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1] as string);
    for (const spec of imports) {
      expect(spec, `${file} imports ${spec}`).toMatch(/^(\.{1,2}\/|jszip$|exceljs$)/);
      if (spec === "exceljs") expect(file).toBe("exceljs.ts");
    }
    expect(source).not.toMatch(/\b(process|Buffer|require|__dirname)\b[.(]/);
  });

  it("returns a Uint8Array that starts like a zip", async () => {
    const bytes = await writeXlsx(oneSheetPlan(THREE_SERIES, []));
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});
