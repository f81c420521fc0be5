/**
 * The cross-part checker itself: it accepts every Excel-saved golden workbook, and it catches
 * each kind of inconsistency when one is planted in a good package.
 */
import { readFileSync, readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { writeXlsx } from "../../src/xlsx";
import { hasShared, shared } from "../support/paths";
import { oneSheetPlan, spec, THREE_SERIES } from "./fixtures/chartPlans";
import { crossPartProblems, unzipParts } from "./packageChecks";

const goldenDir = shared("data", "excel-golden");
const goldenFiles = hasShared("data", "excel-golden")
  ? readdirSync(goldenDir).filter((f) => f.endsWith(".xlsx"))
  : [];

describe.skipIf(goldenFiles.length === 0)("cross-part checker on Excel's own files", () => {
  it.each(goldenFiles)("accepts %s", async (file) => {
    expect(crossPartProblems(await unzipParts(readFileSync(`${goldenDir}/${file}`)))).toEqual([]);
  });
});

describe("cross-part checker finds planted faults", () => {
  let good: Map<string, string>;

  beforeAll(async () => {
    const s1 = spec({ kind: "columnClustered", anchor: { from: "F2", to: "M16" } });
    const s2 = spec({
      id: "c2",
      kind: "line",
      anchor: { from: "F18", to: "M32" },
      seriesOverrides: [{ index: 2, kind: "line", secondaryAxis: true }],
    });
    good = await unzipParts(await writeXlsx(oneSheetPlan(THREE_SERIES, [s1, s2])));
  });

  function planted(part: string, edit: (xml: string) => string): string[] {
    const parts = new Map(good);
    const xml = parts.get(part);
    if (xml === undefined) throw new Error(`no ${part}`);
    const changed = edit(xml);
    if (changed === xml) throw new Error(`edit of ${part} changed nothing`);
    parts.set(part, changed);
    return crossPartProblems(parts);
  }

  it("accepts the unmodified package", () => {
    expect(crossPartProblems(good)).toEqual([]);
  });

  it("a crossAx that points at a missing axis", () => {
    expect(
      planted("xl/charts/chart1.xml", (x) =>
        x.replace(/<c:crossAx val="(\d+)"\/>/, '<c:crossAx val="1"/>')
      )
    ).toEqual([
      "xl/charts/chart1.xml: axis 50000101 crosses missing axis 1",
      "xl/charts/chart1.xml: axis 50000102 crosses 50000101, which crosses 1",
      "xl/charts/chart1.xml: barChart axes 50000101 and 50000102 do not cross each other",
    ]);
  });

  it("a chart group whose axId matches no axis", () => {
    expect(
      planted("xl/charts/chart1.xml", (x) =>
        x.replace(/(<c:axId val=")\d+("\/><\/c:barChart>)/, "$199$2")
      )
    ).toEqual([expect.stringMatching(/barChart refers to missing axis \d+\/99/)]);
  });

  it("crossAx pairs that are not symmetric", () => {
    // chart2 has four axes; point the secondary value axis at the primary category axis.
    const problems = planted("xl/charts/chart2.xml", (x) =>
      x.replace(/(<c:valAx><c:axId val="50000204"\/>.*?<c:crossAx val=")50000203/, "$150000201")
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/axis 50000204 crosses 50000201, which crosses 50000202/),
      ])
    );
  });

  it("a repeated series idx/order", () => {
    expect(
      planted("xl/charts/chart1.xml", (x) =>
        x.replace('<c:idx val="1"/><c:order val="1"/>', '<c:idx val="0"/><c:order val="0"/>')
      )
    ).toEqual([
      "xl/charts/chart1.xml: series idx 0 repeated",
      "xl/charts/chart1.xml: series order 0 repeated",
    ]);
  });

  it("a reference to a sheet that does not exist, and a cache of the wrong size", () => {
    expect(
      planted("xl/charts/chart1.xml", (x) =>
        x.replace("<c:f>Sheet1!$B$2:$B$6</c:f>", "<c:f>Nope!$B$2:$B$7</c:f>")
      )
    ).toEqual([
      "xl/charts/chart1.xml: reference Nope!$B$2:$B$7 names a sheet the workbook does not have",
      "xl/charts/chart1.xml: Nope!$B$2:$B$7 has 6 cells but ptCount 5",
    ]);
  });

  it("an r:id missing from the .rels, and a relationship to a missing part", () => {
    expect(
      planted("xl/drawings/drawing1.xml", (x) => x.replace('r:id="rId2"', 'r:id="rId9"'))
    ).toEqual([
      "xl/drawings/drawing1.xml: r:id rId9 is not in xl/drawings/_rels/drawing1.xml.rels",
    ]);
    expect(
      planted("xl/drawings/_rels/drawing1.xml.rels", (x) => x.replace("chart2.xml", "chart3.xml"))
    ).toEqual([
      "xl/drawings/_rels/drawing1.xml.rels: rId2 targets missing part xl/charts/chart3.xml",
    ]);
  });

  it("a chart part without its content-type Override", () => {
    expect(
      planted("[Content_Types].xml", (x) =>
        x.replace(/<Override PartName="\/xl\/charts\/chart2\.xml"[^>]*\/>/, "")
      )
    ).toEqual([
      "xl/charts/chart2.xml: Override is missing, expected application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
    ]);
  });

  it("duplicate cNvPr ids in a drawing", () => {
    expect(
      planted("xl/drawings/drawing1.xml", (x) =>
        x.replace('<xdr:cNvPr id="3"', '<xdr:cNvPr id="2"')
      )
    ).toEqual(["xl/drawings/drawing1.xml: duplicate cNvPr ids 2,2"]);
  });
});
