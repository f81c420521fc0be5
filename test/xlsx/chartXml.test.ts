/**
 * Chart and drawing parts against what Excel itself writes: each ChartSpec feature is built
 * next to the closest Excel-saved file in ../shared/data/excel-golden and the two parts are
 * diffed element by element (child order and setting values). The only differences allowed
 * are the defaults we write out explicitly, and per case the features the spec lacks.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { ChartSpec, WorkbookPlan } from "../../src/report/workbookPlan";
import { axisIdsFor, chartXml, drawingXml, resolveChartData } from "../../src/xlsx";
import { SheetCells } from "../../src/report/planCells";
import { hasShared, shared } from "../support/paths";
import { hasXmllint, validateXml } from "../support/xmllint";
import { NUMERIC_CATEGORIES, THREE_SERIES, oneSheetPlan, spec } from "./fixtures/chartPlans";
import { diffSkeletons, skeleton } from "./goldenDiff";
import { chartProblems } from "./packageChecks";

/** Defaults Excel 2007 left implicit and current Excel writes; we always write them. */
const EXPLICIT_DEFAULTS = [
  "c:date1904",
  "c:roundedCorners",
  "c:autoTitleDeleted",
  "c:dispBlanksAs",
  "c:varyColors",
  "c:invertIfNegative",
  "c:delete",
  "c:overlay",
  "c:smooth",
  // Current Excel writes tick marks explicitly (out / none); without them LibreOffice draws
  // minor ticks on files that are not Excel 2007's.
  "c:majorTickMark",
  "c:minorTickMark",
  // Category labels never rotated (a:bodyPr rot="0"), so long labels wrap.
  "c:txPr",
];
/** Our data ranges always carry a header row (series names) and a category column. */
const FROM_DATA_SHAPE = ["c:tx", "c:cat"];

function partOf(plan: WorkbookPlan, s: ChartSpec): string {
  const sheet = plan.sheets[0];
  if (!sheet) throw new Error("plan has no sheet");
  return chartXml(s, resolveChartData(s, new SheetCells(sheet)), axisIdsFor(1));
}

async function goldenPart(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(shared("data", "excel-golden", `${file}.xlsx`)));
  const xml = await zip.file(part)?.async("string");
  if (xml === undefined) throw new Error(`${file} has no ${part}`);
  return xml;
}

interface GoldenCase {
  readonly golden: string;
  readonly what: string;
  readonly spec: ChartSpec;
  readonly rows: typeof THREE_SERIES;
  readonly extra?: readonly string[];
  readonly missing?: readonly string[];
  readonly valueDifferences?: readonly string[];
}

const PLOT = "/c:chartSpace/c:chart/c:plotArea";

const CASES: readonly GoldenCase[] = [
  {
    golden: "chart_column01",
    what: "clustered column",
    spec: spec({ kind: "columnClustered" }),
    rows: THREE_SERIES,
  },
  {
    golden: "chart_column02",
    what: "stacked column (overlap 100)",
    spec: spec({ kind: "columnStacked" }),
    rows: THREE_SERIES,
  },
  {
    golden: "chart_gap01",
    what: "gap width and overlap, numeric categories",
    spec: spec({ kind: "columnClustered", dataRange: "A1:C6", gapWidth: 157, overlap: 5 }),
    rows: NUMERIC_CATEGORIES,
  },
  {
    golden: "chart_axis08",
    what: "bar with categories reversed",
    spec: spec({ kind: "barClustered", dataRange: "A1:C6", reverseCategories: true }),
    rows: NUMERIC_CATEGORIES,
    // Excel moves the value axis to the top; we make it cross at the last category instead,
    // which keeps it at the bottom (the usual tornado layout).
    valueDifferences: [`${PLOT}/c:valAx/c:axPos`, `${PLOT}/c:valAx/c:crosses`],
  },
  {
    golden: "chart_bar06",
    what: "chart title and axis titles",
    spec: spec({
      kind: "barClustered",
      title: "Title",
      categoryAxisTitle: "Pear",
      valueAxisTitle: "Apple",
    }),
    rows: THREE_SERIES,
  },
  {
    golden: "chart_axis23",
    what: "value-axis number format",
    spec: spec({ kind: "columnClustered", valueAxisFormat: "0.00%" }),
    rows: THREE_SERIES,
    missing: ["c:numFmt"], // its category axis shows dates; ours are text
  },
  {
    golden: "chart_format06",
    what: "line with markers",
    spec: spec({ kind: "lineMarkers", dataRange: "A1:C6" }),
    rows: NUMERIC_CATEGORIES,
    missing: ["c:marker"], // its series set explicit marker symbols; ours stay automatic
  },
  {
    golden: "chart_legend03",
    what: "line without markers",
    spec: spec({ kind: "line" }),
    rows: THREE_SERIES,
    extra: ["c:marker"], // symbol none: Excel's way of drawing a line series without markers
    valueDifferences: ["/c:chartSpace/c:chart/c:legend/c:legendPos"], // tr is not a plan option
  },
  {
    golden: "chart_combined09",
    what: "column + line on a secondary axis",
    spec: spec({
      kind: "columnClustered",
      dataRange: "A1:C6",
      seriesOverrides: [{ index: 1, kind: "line", secondaryAxis: true }],
    }),
    rows: NUMERIC_CATEGORIES,
    extra: ["c:numFmt"], // numeric categories get Excel's General/linked format
    missing: ["c:txPr"], // its bold tick labels are not a plan option
  },
  {
    golden: "table37",
    what: "one series named by a cell, numeric categories, no title",
    spec: spec({ kind: "columnClustered", dataRange: "A1:B6" }),
    rows: NUMERIC_CATEGORIES,
  },
];

describe.skipIf(!hasShared("data", "excel-golden"))(
  "chart parts vs Excel's own output (golden files)",
  () => {
    it.each(CASES)("$what matches $golden except for explicit defaults", async (c) => {
      const ours = partOf(oneSheetPlan(c.rows, [c.spec]), c.spec);
      const golden = await goldenPart(c.golden, "xl/charts/chart1.xml");
      const problems = diffSkeletons(skeleton(ours), skeleton(golden), {
        allowedExtra: new Set([...EXPLICIT_DEFAULTS, ...FROM_DATA_SHAPE, ...(c.extra ?? [])]),
        allowedMissing: new Set(c.missing ?? []),
        allowedValueDifferences: new Set(c.valueDifferences ?? []),
      });
      expect(problems).toEqual([]);
    });

    it("the diff notices a wrong element order and a wrong setting", async () => {
      const golden = await goldenPart("chart_column02", "xl/charts/chart1.xml");
      const swapped = golden
        .replace(/(<c:barDir val="col"\/>)(<c:grouping val="stacked"\/>)/, "$2$1")
        .replace('<c:overlap val="100"/>', '<c:overlap val="50"/>');
      const rules = { allowedExtra: new Set<string>(), allowedMissing: new Set<string>() };
      expect(diffSkeletons(skeleton(swapped), skeleton(golden), rules)).toEqual([
        `${PLOT}/c:barChart: order c:grouping c:barDir c:ser c:overlap c:axId vs Excel's c:barDir c:grouping c:ser c:overlap c:axId`,
        `${PLOT}/c:barChart/c:overlap: val 50 vs Excel's 100`,
      ]);
    });

    it("two charts in one drawing match chart_bar03's drawing", async () => {
      const ours = drawingXml([
        { from: "E9", to: "L23", relId: "rId1", name: "Chart 1" },
        { from: "F25", to: "M39", relId: "rId2", name: "Chart 2" },
      ]);
      const golden = await goldenPart("chart_bar03", "xl/drawings/drawing1.xml");
      const rules = { allowedExtra: new Set<string>(), allowedMissing: new Set<string>() };
      expect(diffSkeletons(skeleton(ours), skeleton(golden), rules)).toEqual([]);
      // Same ids and names Excel gives two charts.
      const ids = (xml: string): string[] =>
        [...xml.matchAll(/<xdr:cNvPr id="(\d+)" name="([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}`);
      expect(ids(ours)).toEqual(ids(golden));
    });
  }
);

describe.skipIf(!hasShared("schemas", "ooxml") || !hasXmllint())(
  "chart parts validate for every kind and option",
  () => {
    const kinds: ChartSpec["kind"][] = [
      "columnClustered",
      "columnStacked",
      "barClustered",
      "line",
      "lineMarkers",
      "xyScatterLines",
    ];
    const variants: Partial<ChartSpec>[] = [
      {},
      {
        title: "T",
        categoryAxisTitle: "X",
        valueAxisTitle: "Y",
        valueAxisFormat: "#,##0",
        legend: "none",
      },
      {
        reverseCategories: true,
        categoryLabelsLow: true,
        overlap: -20,
        gapWidth: 300,
        legend: "top",
        seriesColors: ["#112233", "#445566", "#778899"],
      },
      {
        // The summary's "read in five seconds" options: one colour per option (point), the
        // recommended one outlined, value labels in a k/M format.
        valueAxisFormat: '"$"#,##0.0,,"M";-"$"#,##0.0,,"M";"$"0',
        pointColors: ["#BBBBBB", "#88CCEE", "#44AA99", "#117733", "#332288"],
        highlight: { point: 3 },
        dataLabels: true,
      },
      { highlight: { series: 1 }, seriesColors: ["#112233", "#445566", "#778899"] },
    ];
    const cases = kinds.flatMap((kind) =>
      variants.map((v, i) => ({ name: `${kind} #${i}`, s: spec({ kind, ...v }) }))
    );

    it.each(cases)("$name", ({ s }) => {
      const xml = partOf(oneSheetPlan(THREE_SERIES, [s]), s);
      // No minor ticks anywhere; category labels are not rotated.
      expect(xml).not.toMatch(/<c:minorTickMark val="(cross|in|out)"/);
      if (s.kind !== "xyScatterLines") expect(xml).toMatch(/<c:catAx>.*<a:bodyPr rot="0"/);
      if (
        s.dataLabels &&
        s.kind !== "line" &&
        s.kind !== "lineMarkers" &&
        s.kind !== "xyScatterLines"
      ) {
        expect(xml).toContain('<c:showVal val="1"/>');
        expect(xml.match(/<c:dPt>/g)?.length).toBe(5);
      }
      const result = validateXml(xml, "dml-chart.xsd", s.kind);
      expect(result.errors).toEqual([]);
      expect(chartProblems("chart", xml, new Set(["Sheet1"]))).toEqual([]);
    });

    it.each([
      { name: "line over columns on the primary axis", o: { index: 2, kind: "line" as const } },
      {
        name: "markers on a secondary axis",
        o: { index: 0, kind: "lineMarkers" as const, secondaryAxis: true },
      },
      {
        name: "columns on a secondary axis",
        o: { index: 1, kind: "columnClustered" as const, secondaryAxis: true },
      },
    ])("combo: $name", ({ o }) => {
      const s = spec({ kind: "columnClustered", seriesOverrides: [o] });
      const xml = partOf(oneSheetPlan(THREE_SERIES, [s]), s);
      expect(validateXml(xml, "dml-chart.xsd").errors).toEqual([]);
      expect(chartProblems("chart", xml, new Set(["Sheet1"]))).toEqual([]);
    });

    it("a line chart with a column override on the secondary axis, and a bar chart with a secondary bar axis", () => {
      for (const s of [
        spec({
          kind: "line",
          seriesOverrides: [{ index: 0, kind: "columnClustered", secondaryAxis: true }],
        }),
        spec({
          kind: "barClustered",
          seriesOverrides: [{ index: 1, kind: "columnClustered", secondaryAxis: true }],
        }),
      ]) {
        const xml = partOf(oneSheetPlan(THREE_SERIES, [s]), s);
        expect(validateXml(xml, "dml-chart.xsd").errors).toEqual([]);
        expect(chartProblems("chart", xml, new Set(["Sheet1"]))).toEqual([]);
      }
      const bars = spec({
        kind: "barClustered",
        seriesOverrides: [{ index: 1, kind: "columnClustered", secondaryAxis: true }],
      });
      const xml = partOf(oneSheetPlan(THREE_SERIES, [bars]), bars);
      // Like chart_bar24: the secondary value axis sits at the top, its category axis hidden at the left.
      expect(xml).toMatch(/<c:valAx><c:axId val="50000104"\/>.*?<c:axPos val="t"\/>/);
      expect(xml).toMatch(
        /<c:catAx><c:axId val="50000103"\/>.*?<c:delete val="1"\/><c:axPos val="l"\/>/
      );
    });
  }
);

describe("chart data from the plan", () => {
  it("leaves blank and text values out of the cache but counts them, escapes text, quotes sheet names", () => {
    const plan = oneSheetPlan(
      [
        ["", "R&D <costs>", "Other"],
        ["Year 1", 10, null],
        ["Year 2", "n/a", 2.5],
        [null, 7, 3],
      ],
      []
    );
    const s = spec({ kind: "columnClustered", dataRange: "A1:C4", dataSheet: "Sheet1" });
    const sheet = plan.sheets[0];
    if (!sheet) throw new Error("no sheet");
    const data = resolveChartData(s, new SheetCells(sheet));
    expect(data.categories).toEqual({
      kind: "str",
      ref: "Sheet1!$A$2:$A$4",
      points: ["Year 1", "Year 2", null],
    });
    expect(data.series.map((x) => x.values.points)).toEqual([
      [10, null, 7],
      [null, 2.5, 3],
    ]);
    const xml = chartXml(s, data, axisIdsFor(1));
    expect(xml).toContain("<c:v>R&amp;D &lt;costs&gt;</c:v>");
    expect(xml).toContain(
      '<c:ptCount val="3"/><c:pt idx="0"><c:v>10</c:v></c:pt><c:pt idx="2"><c:v>7</c:v></c:pt>'
    );
  });

  it("rejects a data range without a series column and overrides outside the range", () => {
    const plan = oneSheetPlan(THREE_SERIES, []);
    const sheet = plan.sheets[0];
    if (!sheet) throw new Error("no sheet");
    const cells = new SheetCells(sheet);
    expect(() => resolveChartData(spec({ kind: "line", dataRange: "A1:A6" }), cells)).toThrow(
      RangeError
    );
    const bad = spec({ kind: "line", seriesOverrides: [{ index: 7, kind: "line" }] });
    expect(() => chartXml(bad, resolveChartData(bad, cells), axisIdsFor(1))).toThrow(
      /series override 7/
    );
  });

  it("rejects combinations Excel cannot draw", () => {
    const plan = oneSheetPlan(THREE_SERIES, []);
    const sheet = plan.sheets[0];
    if (!sheet) throw new Error("no sheet");
    const cells = new SheetCells(sheet);
    const build = (s: ChartSpec): string => chartXml(s, resolveChartData(s, cells), axisIdsFor(1));
    expect(() =>
      build(spec({ kind: "xyScatterLines", seriesOverrides: [{ index: 0, kind: "line" }] }))
    ).toThrow(/scatter/);
    expect(() =>
      build(spec({ kind: "barClustered", seriesOverrides: [{ index: 0, kind: "line" }] }))
    ).toThrow(/bar chart/);
    expect(() =>
      build(
        spec({ kind: "columnStacked", seriesOverrides: [{ index: 0, kind: "columnClustered" }] })
      )
    ).toThrow(/differently grouped/);
    expect(() =>
      build(
        spec({
          kind: "line",
          seriesOverrides: [0, 1, 2].map((index) => ({
            index,
            kind: "line" as const,
            secondaryAxis: true,
          })),
        })
      )
    ).toThrow(/primary axis/);
    expect(() => build(spec({ kind: "line", seriesColors: ["red"] }))).toThrow(/#RRGGBB/);
  });
});

describe("value axis minimum", () => {
  it("pins the value axis at the given minimum (c:scaling/c:min after the orientation), valid against the schema", () => {
    const s = spec({ kind: "columnClustered", valueAxisMinimum: 0 });
    const xml = partOf(oneSheetPlan(THREE_SERIES, [s]), s);
    // the category axis keeps automatic scaling; only the value axis gets the minimum
    expect(xml).toMatch(
      /<c:valAx><c:axId val="\d+"\/><c:scaling><c:orientation val="minMax"\/><c:min val="0"\/><\/c:scaling>/
    );
    expect(xml.match(/<c:min /g)?.length).toBe(1);
    if (hasXmllint() && hasShared("schemas", "ooxml"))
      expect(validateXml(xml, "dml-chart.xsd").ok).toBe(true);
    const auto = spec({ kind: "columnClustered" });
    expect(partOf(oneSheetPlan(THREE_SERIES, [auto]), auto)).not.toContain("<c:min ");
  });
});
