/**
 * The text, fills and axes of a chart part (`c:chartSpace`): the DrawingML pieces
 * {@link chartXml} assembles, in the order and with the defaults Excel itself writes (see the
 * notes at the top of chartXml.ts).
 */
import type { ChartSpec } from "../report/workbookPlan";
import type { ChartData } from "../report/chartData";
import type { AxisIds } from "./chartXml";
import { el, escapeXml, val } from "./xml";

/** Point sizes (hundredths, as DrawingML writes them) of chart text: small enough for six charts on a page. */
export const FONT = { title: 1200, text: 800 } as const;

/** `c:txPr` for axis, legend or label text: 8 pt, never rotated (long labels wrap), optionally bold. */
export function textProps(o: { bold?: boolean } = {}): string {
  return el(
    "c:txPr",
    {},
    el("a:bodyPr", { rot: 0, vert: "horz" }) +
      el("a:lstStyle") +
      el(
        "a:p",
        {},
        el("a:pPr", {}, el("a:defRPr", { sz: FONT.text, ...(o.bold ? { b: 1 } : {}) })) +
          el("a:endParaRPr", { lang: "en-US" })
      )
  );
}

/**
 * Unrotated labels of many categories (VMs per host 1…40) would crowd and break: label
 * every 5th (10th, …) category instead, about ten labels an axis.
 */
export function labelSkip(categories: number): string {
  if (categories <= 12) return "";
  return val("c:tickLblSkip", Math.ceil(categories / 50) * 5);
}

/** Major tick marks outside the axis, no minor ones. */
export function tickMarks(): string {
  return val("c:majorTickMark", "out") + val("c:minorTickMark", "none");
}

export function solidFill(color: string): string {
  return el("a:solidFill", {}, val("a:srgbClr", rgb(color)));
}

/** `#1F77B4` → `1F77B4` (the schema's ST_HexColorRGB). */
export function rgb(color: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color);
  if (!m) throw new RangeError(`Bad colour ${color}: expected #RRGGBB`);
  return (m[1] as string).toUpperCase();
}

/** Category axis + value axis for bar, column and line groups. */
export function primaryAxes(
  spec: ChartSpec,
  data: ChartData,
  ids: AxisIds,
  horizontal: boolean
): string {
  const reverse = spec.reverseCategories === true;
  const category = el(
    "c:catAx",
    {},
    val("c:axId", ids.primaryCategory) +
      scaling(reverse) +
      val("c:delete", false) +
      val("c:axPos", horizontal ? "l" : "b") +
      (spec.categoryAxisTitle ? title(spec.categoryAxisTitle, horizontal) : "") +
      (data.categories.kind === "num"
        ? el("c:numFmt", { formatCode: "General", sourceLinked: 1 })
        : "") +
      tickMarks() +
      val("c:tickLblPos", spec.categoryLabelsLow ? "low" : "nextTo") +
      textProps() +
      val("c:crossAx", ids.primaryValue) +
      val("c:crosses", "autoZero") +
      val("c:auto", true) +
      val("c:lblAlgn", "ctr") +
      val("c:lblOffset", 100) +
      labelSkip(data.categories.points.length)
  );
  // With categories reversed, the value axis crosses at the last category, which is then at
  // the bottom (bars) or left (columns): the value axis stays where readers expect it.
  const value = valueAxis({
    id: ids.primaryValue,
    crossAx: ids.primaryCategory,
    pos: horizontal ? "b" : "l",
    gridlines: true,
    title: spec.valueAxisTitle,
    titleVertical: !horizontal,
    format: spec.valueAxisFormat,
    crosses: reverse ? "max" : "autoZero",
    crossBetween: "between",
    min: spec.valueAxisMinimum,
  });
  return category + value;
}

/**
 * Secondary value axis (right, or top for bars, crossing at the last category) and its hidden
 * category axis, written in that order as Excel does.
 */
export function secondaryAxes(spec: ChartSpec, ids: AxisIds, horizontal: boolean): string {
  const reverse = spec.reverseCategories === true;
  const value = valueAxis({
    id: ids.secondaryValue,
    crossAx: ids.secondaryCategory,
    pos: horizontal ? "t" : "r",
    gridlines: false,
    title: undefined,
    titleVertical: !horizontal,
    format: undefined,
    crosses: reverse ? "autoZero" : "max",
    crossBetween: "between",
  });
  const category = el(
    "c:catAx",
    {},
    val("c:axId", ids.secondaryCategory) +
      scaling(reverse) +
      val("c:delete", true) +
      val("c:axPos", horizontal ? "l" : "b") +
      tickMarks() +
      val("c:tickLblPos", "nextTo") +
      val("c:crossAx", ids.secondaryValue) +
      val("c:crosses", "autoZero") +
      val("c:auto", true) +
      val("c:lblAlgn", "ctr") +
      val("c:lblOffset", 100)
  );
  return value + category;
}

/** Scatter charts have two value axes: X (bottom) first, then Y (left). */
export function scatterAxes(spec: ChartSpec, ids: AxisIds): string {
  const x = valueAxis({
    id: ids.primaryCategory,
    crossAx: ids.primaryValue,
    pos: "b",
    gridlines: false,
    title: spec.categoryAxisTitle,
    titleVertical: false,
    format: undefined,
    crosses: "autoZero",
    crossBetween: "midCat",
  });
  const y = valueAxis({
    id: ids.primaryValue,
    crossAx: ids.primaryCategory,
    pos: "l",
    gridlines: true,
    title: spec.valueAxisTitle,
    titleVertical: true,
    format: spec.valueAxisFormat,
    crosses: "autoZero",
    crossBetween: "midCat",
  });
  return x + y;
}

export interface ValueAxisOptions {
  readonly id: number;
  readonly crossAx: number;
  readonly pos: "l" | "r" | "b" | "t";
  readonly gridlines: boolean;
  readonly title: string | undefined;
  readonly titleVertical: boolean;
  /** Number format code; undefined = linked to the source cells. */
  readonly format: string | undefined;
  readonly crosses: "autoZero" | "max";
  readonly crossBetween: "between" | "midCat";
  readonly min?: number | undefined;
}

export function valueAxis(o: ValueAxisOptions): string {
  return el(
    "c:valAx",
    {},
    val("c:axId", o.id) +
      scaling(false, o.min) +
      val("c:delete", false) +
      val("c:axPos", o.pos) +
      (o.gridlines ? el("c:majorGridlines") : "") +
      (o.title ? title(o.title, o.titleVertical) : "") +
      (o.format
        ? el("c:numFmt", { formatCode: o.format, sourceLinked: 0 })
        : el("c:numFmt", { formatCode: "General", sourceLinked: 1 })) +
      tickMarks() +
      val("c:tickLblPos", "nextTo") +
      textProps() +
      val("c:crossAx", o.crossAx) +
      val("c:crosses", o.crosses) +
      val("c:crossBetween", o.crossBetween)
  );
}

export function scaling(reverse: boolean, min?: number): string {
  const orientation = val("c:orientation", reverse ? "maxMin" : "minMax");
  return el("c:scaling", {}, orientation + (min === undefined ? "" : val("c:min", min)));
}

/** A chart or axis title as rich text; vertical titles are rotated like Excel's. */
export function title(text: string, vertical: boolean, size: number = FONT.text): string {
  const bodyPr = vertical ? el("a:bodyPr", { rot: -5400000, vert: "horz" }) : el("a:bodyPr");
  const rich =
    bodyPr +
    el("a:lstStyle") +
    el(
      "a:p",
      {},
      el("a:pPr", {}, el("a:defRPr", { sz: size, b: 1 })) +
        el(
          "a:r",
          {},
          el("a:rPr", { lang: "en-US", sz: size, b: 1 }) + el("a:t", {}, escapeXml(text))
        )
    );
  return el(
    "c:title",
    {},
    el("c:tx", {}, el("c:rich", {}, rich)) + el("c:layout") + val("c:overlay", false)
  );
}

export function legend(position: ChartSpec["legend"]): string {
  if (position === "none") return "";
  const pos = { right: "r", bottom: "b", top: "t" }[position];
  return el(
    "c:legend",
    {},
    val("c:legendPos", pos) + el("c:layout") + val("c:overlay", false) + textProps()
  );
}
