/**
 * How a plan's sheet looks in Excel, applied to Office.js objects: cell styles (fonts, fill,
 * alignment, thin borders), print setup, and the chart polish that makes a chart readable.
 */
import { parseRange } from "../report/a1";
import { RECOMMENDED_OUTLINE } from "../report/palette";
import type { ChartSpec, PrintSetup, StyledRange } from "../report/workbookPlan";

/** Excel column width in points for a width in characters of the default font (7 px + 5 px padding). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * What makes a chart readable in five seconds, as the .xlsx writer draws it (chartXml.ts):
 * no minor ticks, category labels never rotated (Excel wraps them), one colour per option
 * (`pointColors`), the recommended option outlined or drawn thicker, value labels in the axis'
 * k/M format. Every member used is in ExcelApi 1.7–1.8, below the manifest's 1.9.
 */
export function polishForReading(chart: Excel.Chart, spec: ChartSpec): void {
  for (const axis of [chart.axes.categoryAxis, chart.axes.valueAxis]) {
    axis.minorTickMark = "None";
    axis.majorTickMark = "Outside";
  }
  if (!spec.kind.startsWith("xyScatter")) chart.axes.categoryAxis.textOrientation = 0;
  // Proxies are chained, never kept in locals: each assignment is a queued write, not a read.
  (spec.pointColors ?? []).forEach((color, i) => {
    chart.series.getItemAt(0).points.getItemAt(i).format.fill.setSolidColor(color);
  });
  const highlight = spec.highlight;
  if (highlight && "point" in highlight) {
    const point = (): Excel.ChartPoint =>
      chart.series.getItemAt(0).points.getItemAt(highlight.point);
    point().format.border.color = RECOMMENDED_OUTLINE;
    point().format.border.weight = 2.25;
    point().format.border.lineStyle = "Continuous";
  } else if (highlight && "series" in highlight) {
    chart.series.getItemAt(highlight.series).format.line.weight = 4;
  }
  if (spec.dataLabels) {
    const first = (): Excel.ChartSeries => chart.series.getItemAt(0);
    first().hasDataLabels = true;
    first().dataLabels.showValue = true;
    first().dataLabels.position = spec.kind === "columnStacked" ? "Center" : "OutsideEnd";
    if (spec.valueAxisFormat !== undefined) first().dataLabels.numberFormat = spec.valueAxisFormat;
    first().dataLabels.format.font.bold = true;
  }
}

/**
 * A plan's print setup through `worksheet.pageLayout` — every member is ExcelApi 1.9, the
 * manifest's minimum, so none needs an `isSetSupported` guard. Margins are in points there
 * (inches × 72); header and footer codes (`&P`, `&N`, `&D`, `&A`) are Excel's own.
 */
export function applyPrint(ws: Excel.Worksheet, print: PrintSetup): void {
  ws.pageLayout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  if (print.fitToWidth) {
    ws.pageLayout.zoom =
      print.fitToHeight !== undefined && print.fitToHeight > 0
        ? { horizontalFitToPages: 1, verticalFitToPages: print.fitToHeight }
        : { horizontalFitToPages: 1 };
  }
  if (print.margins) {
    const m = print.margins;
    ws.pageLayout.leftMargin = m.left * 72;
    ws.pageLayout.rightMargin = m.right * 72;
    ws.pageLayout.topMargin = m.top * 72;
    ws.pageLayout.bottomMargin = m.bottom * 72;
    ws.pageLayout.headerMargin = m.header * 72;
    ws.pageLayout.footerMargin = m.footer * 72;
  }
  if (print.centerHorizontally !== undefined)
    ws.pageLayout.centerHorizontally = print.centerHorizontally;
  if (print.area !== undefined) ws.pageLayout.setPrintArea(print.area);
  if (print.titleRows)
    ws.pageLayout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  const hf = ws.pageLayout.headersFooters.defaultForAllPages;
  if (print.header) {
    hf.leftHeader = print.header.left ?? "";
    hf.centerHeader = print.header.center ?? "";
    hf.rightHeader = print.header.right ?? "";
  }
  if (print.footer) {
    hf.leftFooter = print.footer.left ?? "";
    hf.centerFooter = print.footer.center ?? "";
    hf.rightFooter = print.footer.right ?? "";
  }
}

/** Apply a plan style to the range its address names. */
export function applyStyle(range: Excel.Range, { range: address, style }: StyledRange): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.horizontalAlignment !== undefined) {
    f.horizontalAlignment =
      style.horizontalAlignment === "left"
        ? "Left"
        : style.horizontalAlignment === "center"
          ? "Center"
          : "Right";
  }
  if (style.wrapText !== undefined) f.wrapText = style.wrapText;
  // "A thin border on this side of every cell": the range's edge, and between its rows.
  const r = parseRange(address);
  const edges: ("EdgeBottom" | "EdgeTop" | "InsideHorizontal")[] = [];
  if (style.borderBottom) edges.push("EdgeBottom");
  if (style.borderTop) edges.push("EdgeTop");
  if ((style.borderBottom || style.borderTop) && r.bottom > r.top) edges.push("InsideHorizontal");
  for (const edge of edges) {
    const border = f.borders.getItem(edge);
    border.style = "Continuous";
    border.weight = "Thin";
  }
}
