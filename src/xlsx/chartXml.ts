/**
 * One `xl/charts/chartN.xml` part (`c:chartSpace`) from a ChartSpec and its resolved data.
 *
 * The markup follows what Excel itself writes (the Excel-saved files in
 * `../shared/data/excel-golden`): `c:lang` first, chart groups before axes in the plot area,
 * axis ids in pairs with symmetric `c:crossAx`, `idx`/`order` counted across groups,
 * caches on every reference, `c:printSettings` last. A few defaults that Excel 2007 left
 * implicit are written out the way current Excel does (`c:roundedCorners 0`,
 * `c:varyColors 0`, `c:delete 0`, `c:invertIfNegative 0`), so no reader has to guess them.
 *
 * ChartKind → markup:
 * - columnClustered / columnStacked: `c:barChart` barDir col, grouping clustered / stacked
 *   (stacked always with overlap 100, as Excel writes it);
 * - barClustered: barDir bar (category axis left, value axis bottom);
 * - line / lineMarkers: `c:lineChart`, series markers `none` / automatic (coloured circles
 *   when the series has a colour);
 * - xyScatterLines / xyScatterLinesNoMarkers: `c:scatterChart` scatterStyle lineMarker,
 *   `c:xVal`/`c:yVal`, two value axes (the category column gives X), markers automatic / none;
 * - seriesOverrides: a second group (`c:lineChart`, or `c:barChart`) on the primary axes or
 *   on secondary axes (value axis right — top for bars — crossing at max, category axis hidden).
 * reverseCategories, categoryLabelsLow, overlap and gapWidth apply to category charts only;
 * valueAxisFormat to the primary value axis (a secondary axis is linked to its source cells).
 *
 * Read in five seconds: every axis writes `c:majorTickMark out` and `c:minorTickMark none`
 * (current Excel's defaults — a reader that is not told may draw minor ticks: LibreOffice
 * does for files that are not Excel 2007's), category labels are never rotated (`a:bodyPr
 * rot="0"` in the axis' `c:txPr`, so Excel and LibreOffice wrap long labels instead),
 * `pointColors` become `c:dPt` fills, `highlight` a dark outline on one bar (or a thicker
 * line), and `dataLabels` value labels in the value axis' format.
 */
import { RECOMMENDED_OUTLINE } from "../report/palette";
import type { ChartKind, ChartSpec, SeriesOverride } from "../report/workbookPlan";
import type { ChartData, NumData, SeriesData, StrData } from "../report/chartData";
import { NS, XML_DECLARATION, el, escapeXml, val } from "./xml";
import {
  FONT,
  legend,
  primaryAxes,
  scatterAxes,
  secondaryAxes,
  solidFill,
  textProps,
  title,
} from "./chartAxes";

/** How one series is drawn. */
type SeriesKind = ChartKind | SeriesOverride["kind"];

/** The chart-group element a series lands in. */
type GroupType = "bar" | "line" | "scatter";

interface ChartGroup {
  readonly type: GroupType;
  readonly secondary: boolean;
  /** For bar groups. */
  readonly barDir: "col" | "bar";
  readonly grouping: "clustered" | "stacked" | "standard";
  readonly series: { readonly data: SeriesData; readonly kind: SeriesKind }[];
}

/** The axis ids of one chart: a primary pair and, for combos, a secondary pair. */
export interface AxisIds {
  readonly primaryCategory: number;
  readonly primaryValue: number;
  readonly secondaryCategory: number;
  readonly secondaryValue: number;
}

/**
 * Axis ids for the `chartNumber`-th chart of a workbook (1-based). Excel's ids are arbitrary
 * 8–9 digit integers; only uniqueness within a chart and the pairing matter. These are
 * deterministic so the output is reproducible.
 */
export function axisIdsFor(chartNumber: number): AxisIds {
  const base = 50_000_000 + chartNumber * 100;
  return {
    primaryCategory: base + 1,
    primaryValue: base + 2,
    secondaryCategory: base + 3,
    secondaryValue: base + 4,
  };
}

/** The complete chart part for `spec`, with caches from `data`. */
export function chartXml(spec: ChartSpec, data: ChartData, ids: AxisIds): string {
  const groups = chartGroups(spec, data);
  const hasSecondary = groups.some((g) => g.secondary);
  const horizontal = groups.some((g) => g.type === "bar" && g.barDir === "bar");
  const scatter = groups.some((g) => g.type === "scatter");
  const titled = spec.title.trim() !== "";

  const plot =
    el("c:layout") +
    groups.map((g) => groupXml(spec, g, data, ids)).join("") +
    (scatter
      ? scatterAxes(spec, ids)
      : primaryAxes(spec, data, ids, horizontal) +
        (hasSecondary ? secondaryAxes(spec, ids, horizontal) : ""));

  const chart =
    (titled
      ? title(spec.title, false, FONT.title) + val("c:autoTitleDeleted", false)
      : val("c:autoTitleDeleted", true)) +
    el("c:plotArea", {}, plot) +
    legend(spec.legend) +
    val("c:plotVisOnly", true) +
    val("c:dispBlanksAs", "gap");

  return (
    XML_DECLARATION +
    el(
      "c:chartSpace",
      { "xmlns:c": NS.chart, "xmlns:a": NS.drawingMain, "xmlns:r": NS.rel },
      val("c:date1904", false) +
        val("c:lang", "en-US") +
        val("c:roundedCorners", false) +
        el("c:chart", {}, chart) +
        printSettings()
    )
  );
}

/** Groups series by (group type, axis): one `c:barChart`/`c:lineChart`/`c:scatterChart` each. */
function chartGroups(spec: ChartSpec, data: ChartData): ChartGroup[] {
  const overrides = new Map<number, SeriesOverride>();
  for (const o of spec.seriesOverrides ?? []) {
    if (!data.series.some((s) => s.index === o.index)) {
      throw new RangeError(
        `Chart ${spec.id}: series override ${o.index} is outside the data range`
      );
    }
    overrides.set(o.index, o);
  }
  if (
    (spec.kind === "xyScatterLines" || spec.kind === "xyScatterLinesNoMarkers") &&
    overrides.size > 0
  ) {
    throw new RangeError(`Chart ${spec.id}: a scatter chart cannot mix in other series kinds`);
  }
  const groups: ChartGroup[] = [];
  for (const s of data.series) {
    const o = overrides.get(s.index);
    const kind: SeriesKind = o?.kind ?? spec.kind;
    const secondary = o?.secondaryAxis === true;
    const shape = groupShape(spec.kind, kind);
    if (spec.kind === "barClustered" && shape.type !== "bar") {
      // Horizontal bars share no axes with lines in a way Excel can draw.
      throw new RangeError(`Chart ${spec.id}: a bar chart cannot show series ${s.index} as a line`);
    }
    let group = groups.find((g) => g.type === shape.type && g.secondary === secondary);
    if (group && (group.barDir !== shape.barDir || group.grouping !== shape.grouping)) {
      throw new RangeError(
        `Chart ${spec.id}: series ${s.index} (${kind}) cannot share the ${secondary ? "secondary" : "primary"} axis with a differently grouped ${group.type} group`
      );
    }
    if (!group) {
      group = { ...shape, secondary, series: [] };
      groups.push(group);
    }
    group.series.push({ data: s, kind });
  }
  if (!groups.some((g) => !g.secondary)) {
    throw new RangeError(`Chart ${spec.id}: at least one series must stay on the primary axis`);
  }
  // Primary groups first, bars before lines (the order Excel writes a column+line combo).
  const rank = (g: ChartGroup): number => (g.secondary ? 10 : 0) + (g.type === "bar" ? 0 : 1);
  return groups.sort((a, b) => rank(a) - rank(b));
}

function groupShape(
  chartKind: ChartKind,
  kind: SeriesKind
): Pick<ChartGroup, "type" | "barDir" | "grouping"> {
  switch (kind) {
    case "columnClustered":
      // A column override on a horizontal bar chart stays horizontal (same chart family).
      return {
        type: "bar",
        barDir: chartKind === "barClustered" ? "bar" : "col",
        grouping: "clustered",
      };
    case "columnStacked":
      return { type: "bar", barDir: "col", grouping: "stacked" };
    case "barClustered":
      return { type: "bar", barDir: "bar", grouping: "clustered" };
    case "line":
    case "lineMarkers":
      return { type: "line", barDir: "col", grouping: "standard" };
    case "xyScatterLines":
    case "xyScatterLinesNoMarkers":
      return { type: "scatter", barDir: "col", grouping: "standard" };
  }
}

function groupXml(spec: ChartSpec, g: ChartGroup, data: ChartData, ids: AxisIds): string {
  const axIds = g.secondary
    ? val("c:axId", ids.secondaryCategory) + val("c:axId", ids.secondaryValue)
    : val("c:axId", ids.primaryCategory) + val("c:axId", ids.primaryValue);
  const series = g.series.map((s) => seriesXml(spec, g, s.data, s.kind, data.categories)).join("");
  switch (g.type) {
    case "bar": {
      const stacked = g.grouping === "stacked";
      const gap =
        spec.gapWidth !== undefined ? val("c:gapWidth", clampInt(spec.gapWidth, 0, 500)) : "";
      // Excel writes a 100 % overlap for stacked bars; otherwise the plan's overlap, if any.
      const overlap = stacked
        ? val("c:overlap", 100)
        : spec.overlap !== undefined
          ? val("c:overlap", clampInt(spec.overlap, -100, 100))
          : "";
      return el(
        "c:barChart",
        {},
        val("c:barDir", g.barDir) +
          val("c:grouping", g.grouping) +
          val("c:varyColors", false) +
          series +
          gap +
          overlap +
          axIds
      );
    }
    case "line":
      return el(
        "c:lineChart",
        {},
        val("c:grouping", "standard") +
          val("c:varyColors", false) +
          series +
          val("c:marker", true) +
          axIds
      );
    case "scatter":
      return el(
        "c:scatterChart",
        {},
        val("c:scatterStyle", "lineMarker") + val("c:varyColors", false) + series + axIds
      );
  }
}

function seriesXml(
  spec: ChartSpec,
  g: ChartGroup,
  s: SeriesData,
  kind: SeriesKind,
  categories: StrData | NumData
): string {
  const color = spec.seriesColors?.[s.index];
  const head = val("c:idx", s.index) + val("c:order", s.index) + el("c:tx", {}, strRef(s.name));
  const emphasised =
    spec.highlight !== undefined && "series" in spec.highlight && spec.highlight.series === s.index;
  switch (g.type) {
    case "bar":
      return el(
        "c:ser",
        {},
        head +
          (color ? el("c:spPr", {}, solidFill(color)) : "") +
          val("c:invertIfNegative", false) +
          dataPoints(spec, s.index, categories.points.length) +
          dataLabels(spec, g.grouping === "stacked") +
          el("c:cat", {}, dataRef(categories)) +
          el("c:val", {}, numRef(s.values))
      );
    case "line":
      return el(
        "c:ser",
        {},
        head +
          (color ? lineShape(color, emphasised) : "") +
          marker(kind === "lineMarkers", color) +
          el("c:cat", {}, dataRef(categories)) +
          el("c:val", {}, numRef(s.values)) +
          val("c:smooth", false)
      );
    case "scatter":
      return el(
        "c:ser",
        {},
        head +
          (color ? lineShape(color, emphasised) : "") +
          marker(kind !== "xyScatterLinesNoMarkers", color) +
          el("c:xVal", {}, dataRef(categories)) +
          el("c:yVal", {}, numRef(s.values)) +
          val("c:smooth", false)
      );
  }
}

/** A line series' marker: none, automatic, or a coloured circle. */
function marker(visible: boolean, color: string | undefined): string {
  if (!visible) return el("c:marker", {}, val("c:symbol", "none"));
  if (!color) return "";
  return el(
    "c:marker",
    {},
    val("c:symbol", "circle") +
      val("c:size", 5) +
      el("c:spPr", {}, solidFill(color) + el("a:ln", { w: 9525 }, solidFill(color)))
  );
}

/** A line's shape: 2.25 pt, or 4 pt for the recommended option's series. */
function lineShape(color: string, emphasised = false): string {
  return el(
    "c:spPr",
    {},
    el("a:ln", { w: emphasised ? 50800 : 28575, cap: "rnd" }, solidFill(color) + el("a:round"))
  );
}

/**
 * `c:dPt` per category of the first series: the plan's point colours, and a dark outline on
 * the highlighted point (how Excel writes a single bar formatted differently).
 */
function dataPoints(spec: ChartSpec, seriesIndex: number, count: number): string {
  if (seriesIndex !== 0) return "";
  const marked =
    spec.highlight !== undefined && "point" in spec.highlight ? spec.highlight.point : -1;
  let out = "";
  for (let i = 0; i < count; i++) {
    const fill = spec.pointColors?.[i] ?? spec.seriesColors?.[0];
    if (fill === undefined && i !== marked) continue;
    const outline = i === marked ? el("a:ln", { w: 28575 }, solidFill(RECOMMENDED_OUTLINE)) : "";
    out += el(
      "c:dPt",
      {},
      val("c:idx", i) +
        val("c:invertIfNegative", false) +
        val("c:bubble3D", false) +
        el("c:spPr", {}, (fill ? solidFill(fill) : "") + outline)
    );
  }
  return out;
}

/** Value labels on a bar series (outside the end; centred inside stacked bars). */
function dataLabels(spec: ChartSpec, stacked: boolean): string {
  if (!spec.dataLabels) return "";
  return el(
    "c:dLbls",
    {},
    (spec.valueAxisFormat
      ? el("c:numFmt", { formatCode: spec.valueAxisFormat, sourceLinked: 0 })
      : "") +
      el("c:spPr", {}, el("a:noFill") + el("a:ln", {}, el("a:noFill"))) +
      textProps({ bold: true }) +
      val("c:dLblPos", stacked ? "ctr" : "outEnd") +
      val("c:showLegendKey", false) +
      val("c:showVal", true) +
      val("c:showCatName", false) +
      val("c:showSerName", false) +
      val("c:showPercent", false) +
      val("c:showBubbleSize", false)
  );
}

function dataRef(d: StrData | NumData): string {
  return d.kind === "str" ? strRef(d) : numRef(d);
}

function strRef(d: StrData): string {
  const pts = d.points
    .map((p, i) => (p === null ? "" : el("c:pt", { idx: i }, el("c:v", {}, escapeXml(p)))))
    .join("");
  return el(
    "c:strRef",
    {},
    el("c:f", {}, escapeXml(d.ref)) + el("c:strCache", {}, val("c:ptCount", d.points.length) + pts)
  );
}

function numRef(d: NumData): string {
  const pts = d.points
    .map((p, i) => (p === null ? "" : el("c:pt", { idx: i }, el("c:v", {}, String(p)))))
    .join("");
  return el(
    "c:numRef",
    {},
    el("c:f", {}, escapeXml(d.ref)) +
      el(
        "c:numCache",
        {},
        el("c:formatCode", {}, escapeXml(d.formatCode)) + val("c:ptCount", d.points.length) + pts
      )
  );
}

/** What Excel writes for a chart on a worksheet (the schema does not require it). */
function printSettings(): string {
  return el(
    "c:printSettings",
    {},
    el("c:headerFooter") +
      el("c:pageMargins", { b: 0.75, l: 0.7, r: 0.7, t: 0.75, header: 0.3, footer: 0.3 }) +
      el("c:pageSetup")
  );
}

function clampInt(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(n)));
}
