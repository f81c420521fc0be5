/**
 * writeXlsx on a synthetic report-shaped plan: what exceljs reads back, what the package
 * holds part by part, schema validity (xmllint), the cross-part checks from the golden README,
 * and formula parity with HyperFormula.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkbookPlan } from "../../src/report/workbookPlan";
import { writeXlsx } from "../../src/xlsx";
import { forEachPlanCell } from "../../src/report/planCells";
import {
  compareWithPlan,
  formulaCells,
  recalcPlanWithHyperFormula,
  recalcXlsxWithHyperFormula,
} from "../support/hyperformula";
import { hasShared } from "../support/paths";
import { hasXmllint, schemaFor, validateParts, type OoxmlSchema } from "../support/xmllint";
import { withCell } from "./fixtures/planEdits";
import { SHEETS, syntheticPlan } from "./fixtures/syntheticPlan";
import { crossPartProblems, unzipParts } from "./packageChecks";

let plan: WorkbookPlan;
let bytes: Uint8Array;
let parts: Map<string, string>;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  plan = syntheticPlan();
  bytes = await writeXlsx(plan);
  parts = await unzipParts(bytes);
  book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

/** The part path of a sheet, through workbook.xml and its rels. */
function sheetPart(name: string): string {
  const wb = parts.get("xl/workbook.xml") ?? "";
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(wb)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(
    parts.get("xl/_rels/workbook.xml.rels") ?? ""
  )?.[1];
  return `xl/${target}`;
}

function chartParts(): string[] {
  return [...parts.keys()]
    .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
    .sort((a, b) => partNo(a) - partNo(b));
}

function partNo(path: string): number {
  return Number(/(\d+)\.xml$/.exec(path)?.[1]);
}

describe("writeXlsx: cells as exceljs reads them back", () => {
  it("writes every sheet in plan order", () => {
    expect(book.worksheets.map((ws) => ws.name)).toEqual(plan.sheets.map((s) => s.name));
  });

  it("writes every formula without '=' and with the plan's value cached, and every constant", () => {
    let formulas = 0;
    for (const sheet of plan.sheets) {
      const ws = book.getWorksheet(sheet.name);
      forEachPlanCell(sheet, ({ row, col, cell }) => {
        const got = ws?.getCell(row + 1, col + 1);
        if (cell.f !== undefined) {
          formulas++;
          expect(got?.formula, got?.address).toBe(cell.f.slice(1));
          // cell.value drops falsy results (exceljs), cell.result does not.
          expect(got?.result, `${sheet.name}!${got?.address}`).toEqual(cell.v ?? undefined);
        } else if (cell.v !== null) {
          expect(got?.value, `${sheet.name}!${got?.address}`).toEqual(cell.v);
        }
        if (cell.fmt !== undefined) expect(got?.numFmt, got?.address).toBe(cell.fmt);
      });
    }
    expect(formulas).toBe(formulaCells(plan).length);
    expect(formulas).toBeGreaterThan(80);
  });

  it("caches text and boolean formula results with their types", () => {
    const sheet = parts.get(sheetPart(SHEETS.inventory)) ?? "";
    expect(sheet).toMatch(
      /<c r="F2" [^>]*t="str"[^>]*><f>IF\(B2&gt;24,&quot;Consolidate&quot;,&quot;Retire&quot;\)<\/f><v>Retire<\/v><\/c>/
    );
    expect(sheet).toMatch(/<c r="G2" [^>]*t="b"[^>]*><f>D2&gt;400<\/f><v>0<\/v><\/c>/);
  });

  it("applies styles, column widths, frozen panes, tab colours and print setup", () => {
    const inputs = book.getWorksheet(SHEETS.inputs);
    expect(inputs?.getCell("A1").font).toMatchObject({
      bold: true,
      size: 14,
      color: { argb: "FF1F4E79" },
    });
    expect(inputs?.getCell("B3").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
    expect(inputs?.getCell("D3").border?.bottom).toMatchObject({ style: "thin" });
    expect(inputs?.getCell("D5").alignment).toMatchObject({ wrapText: true });
    expect(inputs?.getCell("D5").font).toMatchObject({ italic: true });
    expect(inputs?.getColumn(1).width).toBe(28);
    expect(inputs?.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(inputs?.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    // Overlapping ranges merge: the A3 header cell is bold (A3:G3) and left-aligned (A3).
    const cashflow = book.getWorksheet(SHEETS.cashflow);
    expect(cashflow?.getCell("A3").font).toMatchObject({ bold: true });
    expect(cashflow?.getCell("A3").alignment).toMatchObject({ horizontal: "left" });
    expect(cashflow?.getCell("B3").alignment).toMatchObject({ horizontal: "center" });
    expect(cashflow?.views[0]).toMatchObject({
      state: "frozen",
      xSplit: 1,
      ySplit: 3,
      topLeftCell: "B4",
    });

    const summaryXml = parts.get(sheetPart(SHEETS.summary)) ?? "";
    expect(summaryXml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(summaryXml).toMatch(
      /<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"\/>/
    );
    expect(summaryXml).toContain(
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    );
  });

  it("asks Excel to recalculate on open", () => {
    expect(parts.get("xl/workbook.xml")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });
});

describe("writeXlsx: defined names and tables", () => {
  it("writes every defined name at workbook level, with its comment", () => {
    const wb = parts.get("xl/workbook.xml") ?? "";
    for (const n of plan.definedNames) {
      const escaped = n.ref.replace(/'/g, "&apos;").replace(/\$/g, "\\$");
      expect(wb).toMatch(
        new RegExp(
          `<definedName name="${n.name}"${n.comment ? ` comment="[^"]*"` : ""}>${escaped}</definedName>`
        )
      );
    }
    expect(wb).not.toContain("localSheetId");
    // definedNames sits between sheets and calcPr (schema order; xmllint checks it too).
    expect(wb.indexOf("</sheets><definedNames>")).toBeGreaterThan(0);
    expect(book.definedNames.getRanges("hv_DiscountRate").ranges).toEqual(["'TCO Inputs'!$C$4"]);
    expect(book.definedNames.getRanges("hv_NetFlows").ranges).toEqual([
      "'TCO Cashflow'!$B$10:$G$10",
    ]);
  });

  it("writes the inventory table as a table part whose columns are the header cells", () => {
    const table = parts.get("xl/tables/table1.xml") ?? "";
    expect(table).toContain('name="hvInventory" displayName="hvInventory" ref="A1:G13"');
    expect(table).toContain('<autoFilter ref="A1:G13"/>');
    expect(
      [...table.matchAll(/<tableColumn id="\d+" name="([^"]*)"\/>/g)].map((m) => m[1])
    ).toEqual(["Server", "Cores", "Memory GiB", "Watts", "Annual power $", "Plan", "Hot"]);
    expect(table).toContain('<tableStyleInfo name="TableStyleMedium2"');
    const sheet = parts.get(sheetPart(SHEETS.inventory)) ?? "";
    expect(sheet).toMatch(
      /<pageSetup [^>]*\/><tableParts count="1"><tablePart r:id="rId\d+"\/><\/tableParts><\/worksheet>$/
    );
  });

  it("keeps the formulas inside the table's cells", () => {
    const ws = book.getWorksheet(SHEETS.inventory);
    expect(ws?.getCell("E2").formula).toBe("ROUND(D2*8.76*hv_ElectricityPerKWh,2)");
    expect(ws?.getCell("E13").formula).toBe("ROUND(D13*8.76*hv_ElectricityPerKWh,2)");
  });
});

describe("writeXlsx: formula parity with HyperFormula", () => {
  it("recalculating the plan gives every cached value (to the cent and within 1e-9)", () => {
    expect(compareWithPlan(plan, recalcPlanWithHyperFormula(plan))).toEqual([]);
  });

  it("recalculating the written file gives every cached value", async () => {
    const values = await recalcXlsxWithHyperFormula(bytes);
    expect(values.size).toBe(formulaCells(plan).length);
    expect(compareWithPlan(plan, values)).toEqual([]);
  });

  it("notices a wrong cached value", () => {
    const broken = withCell(plan, SHEETS.cashflow, "B13", { v: 1 });
    expect(compareWithPlan(broken, recalcPlanWithHyperFormula(broken))).toEqual([
      expect.stringMatching(
        /^TCO Cashflow!B13 =NPV\(hv_DiscountRate,C10:G10\)\+B10: plan 1, engine 31212\.74/
      ),
    ]);
  });
});

describe.skipIf(!hasShared("schemas", "ooxml") || !hasXmllint())(
  "writeXlsx: schema validation (xmllint)",
  () => {
    it("validates every part that has a schema, charts and drawings included", () => {
      const bySchema = new Map<OoxmlSchema, { name: string; xml: string }[]>();
      for (const [name, xml] of parts) {
        const schema = schemaFor(name);
        if (schema) bySchema.set(schema, [...(bySchema.get(schema) ?? []), { name, xml }]);
      }
      expect([...bySchema.keys()].sort()).toEqual([
        "dml-chart.xsd",
        "dml-main.xsd",
        "dml-spreadsheetDrawing.xsd",
        "opc-contentTypes.xsd",
        "opc-relationships.xsd",
        "shared-documentPropertiesExtended.xsd",
        "sml.xsd",
      ]);
      expect(bySchema.get("dml-chart.xsd")).toHaveLength(7);
      const failures = [...bySchema].flatMap(([schema, list]) =>
        validateParts(list, schema)
          .filter((r) => !r.ok)
          .map((r) => `${r.name}: ${r.errors.join(" | ")}`)
      );
      expect(failures).toEqual([]);
    });
  }
);

describe("writeXlsx: package structure", () => {
  it("passes the cross-part checks (relationships, content types, axis pairs, idx/order, cNvPr ids, caches)", () => {
    expect(crossPartProblems(parts)).toEqual([]);
  });

  it("writes one drawing for the summary sheet, one anchor per chart, after pageSetup", () => {
    const sheet = parts.get(sheetPart(SHEETS.summary)) ?? "";
    expect(sheet).toMatch(
      /<pageMargins [^>]*\/><pageSetup [^>]*\/><drawing r:id="(rId\d+)"\/><\/worksheet>$/
    );
    const drawings = [...parts.keys()].filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(drawings).toEqual(["xl/drawings/drawing1.xml"]);
    const drawing = parts.get("xl/drawings/drawing1.xml") ?? "";
    expect(drawing.match(/<xdr:twoCellAnchor>/g)).toHaveLength(7);
    expect(
      [...drawing.matchAll(/<xdr:cNvPr id="(\d+)" name="([^"]+)"\/>/g)].map(
        (m) => `${m[1]}:${m[2]}`
      )
    ).toEqual([
      "2:Chart 1",
      "3:Chart 2",
      "4:Chart 3",
      "5:Chart 4",
      "6:Chart 5",
      "7:Chart 6",
      "8:Chart 7",
    ]);
    // Chart 1 spans E1:K16 → from col 4 row 0 to the corner after K16 (col 11, row 16).
    expect(drawing).toContain(
      "<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
        "<xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
    );
    expect(parts.get("[Content_Types].xml")).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
    );
  });

  it("starts every part with Excel's XML declaration", () => {
    for (const p of [...chartParts(), "xl/drawings/drawing1.xml", "xl/tables/table1.xml"]) {
      expect(
        parts.get(p)?.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<'),
        p
      ).toBe(true);
    }
  });
});

describe("writeXlsx: each chart kind", () => {
  const chart = (n: number): string => parts.get(`xl/charts/chart${n}.xml`) ?? "";

  it("columnClustered: clustered col bars, gap width, colours, value-axis format, legend at the bottom", () => {
    const xml = chart(1);
    expect(xml).toContain(
      '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
    );
    expect(xml).toContain('<c:gapWidth val="80"/><c:axId');
    expect(xml).not.toContain("<c:overlap");
    expect(xml).toContain('<a:srgbClr val="1F4E79"/>');
    expect(xml).toContain('<c:numFmt formatCode="#,##0" sourceLinked="0"/>');
    expect(xml).toContain('<c:legendPos val="b"/>');
    expect(xml).toContain("<a:t>5-year cost per option</a:t>");
    // Series names and text categories by reference, with caches from the plan.
    expect(xml).toContain(
      '<c:tx><c:strRef><c:f>&apos;TCO Summary&apos;!$B$9</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Capex</c:v></c:pt></c:strCache></c:strRef></c:tx>'
    );
    expect(xml).toContain(
      '<c:cat><c:strRef><c:f>&apos;TCO Summary&apos;!$A$10:$A$11</c:f><c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>Stay physical</c:v></c:pt><c:pt idx="1"><c:v>Hyper-V</c:v></c:pt></c:strCache></c:strRef></c:cat>'
    );
    expect(xml).toContain(
      '<c:val><c:numRef><c:f>&apos;TCO Summary&apos;!$B$10:$B$11</c:f><c:numCache><c:formatCode>#,##0.00</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>0</c:v></c:pt><c:pt idx="1"><c:v>98620</c:v></c:pt></c:numCache></c:numRef></c:val>'
    );
  });

  it("columnStacked: stacked grouping with 100 % overlap, data read from another sheet", () => {
    const xml = chart(2);
    expect(xml).toContain('<c:grouping val="stacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    expect(xml).toContain("<c:f>&apos;TCO Cashflow&apos;!$J$4:$J$8</c:f>");
  });

  it("barClustered tornado: horizontal bars, categories top to bottom, labels low, overlap and gap", () => {
    const xml = chart(3);
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain('<c:gapWidth val="40"/><c:overlap val="100"/>');
    expect(xml).toMatch(
      /<c:catAx><c:axId val="\d+"\/><c:scaling><c:orientation val="maxMin"\/><\/c:scaling><c:delete val="0"\/><c:axPos val="l"\/>/
    );
    expect(xml).toContain('<c:tickLblPos val="low"/>');
    // The value axis crosses at the last category, which reversed order puts at the bottom.
    expect(xml).toMatch(/<c:valAx>.*<c:axPos val="b"\/>.*<c:crosses val="max"\/>.*<\/c:valAx>/);
    expect(xml).toContain('<c:numFmt formatCode="#,##0;#,##0" sourceLinked="0"/>');
    expect(xml).toContain("<c:v>-23940</c:v>");
    expect(xml).toContain('<c:legendPos val="t"/>');
  });

  it("line: no markers on any series, no legend, numeric categories as numRef", () => {
    const xml = chart(4);
    expect(xml).toContain('<c:lineChart><c:grouping val="standard"/>');
    expect(xml.match(/<c:marker><c:symbol val="none"\/><\/c:marker>/g)).toHaveLength(2);
    expect(xml).toContain('<c:marker val="1"/>');
    expect(xml).not.toContain("<c:legend>");
    expect(xml).toMatch(
      /<c:cat><c:numRef><c:f>&apos;TCO Summary&apos;!\$A\$21:\$A\$26<\/c:f><c:numCache><c:formatCode>General<\/c:formatCode><c:ptCount val="6"\/><c:pt idx="0"><c:v>0<\/c:v>/
    );
    // Axis titles: the vertical value-axis title is rotated like Excel's.
    expect(xml).toContain(
      '<a:bodyPr rot="-5400000" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="800" b="1"/><a:t>US$</a:t>'
    );
  });

  it("lineMarkers: coloured series get coloured circle markers", () => {
    const xml = chart(5);
    expect(xml).not.toContain('<c:symbol val="none"/>');
    expect(xml).toContain('<c:symbol val="circle"/>');
    expect(xml).toContain(
      '<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="ED7D31"/></a:solidFill><a:round/></a:ln>'
    );
  });

  it("xyScatterLines: scatter with lineMarker style, xVal/yVal numbers, two value axes", () => {
    const xml = chart(6);
    expect(xml).toContain(
      '<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>'
    );
    expect(xml).toContain("<c:xVal><c:numRef><c:f>&apos;TCO Summary&apos;!$A$39:$A$44</c:f>");
    expect(xml).toContain("<c:yVal><c:numRef><c:f>&apos;TCO Summary&apos;!$B$39:$B$44</c:f>");
    expect(xml).not.toContain("<c:catAx>");
    expect(xml.match(/<c:valAx>/g)).toHaveLength(2);
    expect(xml.match(/<c:crossBetween val="midCat"\/>/g)).toHaveLength(2);
    expect(xml).toContain('<c:smooth val="0"/>');
  });

  it("combo: columns on the primary axes, the override as a line on secondary axes (like chart_combined09)", () => {
    const xml = chart(7);
    const plot = /<c:plotArea>(.*)<\/c:plotArea>/.exec(xml)?.[1] ?? "";
    const order = [...plot.matchAll(/<c:(barChart|lineChart|catAx|valAx)>/g)].map((m) => m[1]);
    expect(order).toEqual(["barChart", "lineChart", "catAx", "valAx", "valAx", "catAx"]);
    expect(plot).toMatch(/<c:lineChart>.*<c:idx val="1"\/><c:order val="1"\/>.*<\/c:lineChart>/);
    expect(plot).toMatch(
      /<c:valAx><c:axId val="\d+"\/><c:scaling><c:orientation val="minMax"\/><\/c:scaling><c:delete val="0"\/><c:axPos val="r"\/>.*<c:crosses val="max"\/>/
    );
    expect(plot).toMatch(
      /<c:catAx><c:axId val="\d+"\/><c:scaling><c:orientation val="minMax"\/><\/c:scaling><c:delete val="1"\/>[^]*<\/c:catAx>$/
    );
  });

  it("writes the chart title, or autoTitleDeleted when there is none", () => {
    for (const p of chartParts()) expect(parts.get(p)).toContain('<c:autoTitleDeleted val="0"/>');
  });
});
