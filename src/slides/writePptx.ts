/**
 * A `Deck` as a .pptx file with native, editable PowerPoint charts, through pptxgenjs — the
 * maintained library for this (MIT, ~2.5 M downloads a week, v4 in 2025): it writes real
 * chart parts with their embedded workbook (so "Edit data" works in PowerPoint), and runs in
 * Node and in the browser (its `browser` field leaves out fs), so the CLI and the task pane
 * share this code. Colours, number formats and values come from the deck, i.e. the workbook.
 */
import PptxGenJS from "pptxgenjs";
import { COLORS } from "../report/formats";
import { xmlSafeData } from "../report/xmlSafePlan";
import type { Deck, DeckChart, Slide } from "./deck";

/** 16:9, in inches. */
const W = 13.333;
const MARGIN = 0.5;
const FONT = "Calibri";
const hex = (c: string): string => c.replace(/^#/, "").toUpperCase();

type Pres = InstanceType<typeof PptxGenJS>;
type SlideObj = ReturnType<Pres["addSlide"]>;

function header(slide: SlideObj, s: Slide): void {
  slide.addText(s.title, {
    x: MARGIN,
    y: 0.3,
    w: W - 2 * MARGIN,
    h: 0.6,
    fontFace: FONT,
    fontSize: 28,
    bold: true,
    color: hex(COLORS.title),
  });
  slide.addText(s.takeaway, {
    x: MARGIN,
    y: 0.9,
    w: W - 2 * MARGIN,
    h: 0.7,
    fontFace: FONT,
    fontSize: 16,
    color: "333333",
    valign: "top",
  });
}

/**
 * pptxgenjs chart type. Scatter charts become lines over their X values as categories:
 * pptxgenjs gives a scatter's X axis the Y axis' number format ($ on a VM count).
 */
function chartType(kind: DeckChart["kind"]): PptxGenJS.CHART_NAME {
  return kind.startsWith("line") || kind.startsWith("xyScatter") ? "line" : "bar";
}

function addChart(slide: SlideObj, c: DeckChart): void {
  const box = { x: MARGIN, y: 1.7, w: W - 2 * MARGIN, h: 5.4 };
  const labels = c.categories.map(String);
  const common: PptxGenJS.IChartOpts = {
    ...box,
    fontFace: FONT,
    catAxisLabelFontSize: 12,
    valAxisLabelFontSize: 12,
    catAxisLabelRotate: 0,
    valAxisLabelFormatCode: c.valueFormat,
    valGridLine: { color: "D9D9D9", size: 1 },
    catGridLine: { style: "none" },
    showLegend: c.legend,
    legendPos: "b",
    legendFontSize: 12,
    ...(c.valueMinimum !== undefined ? { valAxisMinVal: c.valueMinimum } : {}),
    ...(c.categoryTitle
      ? { showCatAxisTitle: true, catAxisTitle: c.categoryTitle, catAxisTitleFontSize: 12 }
      : {}),
  };
  const type = chartType(c.kind);
  if (c.lineSeries !== undefined) {
    // Columns with one series drawn as a line (a combo chart).
    const bars = c.series.filter((_, i) => i !== c.lineSeries);
    const line = c.series[c.lineSeries];
    slide.addChart(
      [
        {
          type: "bar" as const,
          data: bars.map((s) => ({ name: s.name, labels, values: [...s.values] })),
          options: { barDir: "col", chartColors: bars.map((s) => hex(s.color ?? "777777")) },
        },
        ...(line
          ? [
              {
                type: "line" as const,
                data: [{ name: line.name, labels, values: [...line.values] }],
                options: {
                  chartColors: [hex(line.color ?? "777777")],
                  lineDataSymbol: "none" as const,
                  lineSize: 2,
                },
              },
            ]
          : []),
      ],
      // Multi-type charts take their options in the data argument (pptxgenjs' addChartDefinition).
      common as unknown as unknown[]
    );
    return;
  }
  // The recommended option's line is drawn last, on top of lines that run close to it.
  const emphasised = c.emphasis === undefined ? undefined : c.series[c.emphasis];
  const ordered = emphasised ? [...c.series.filter((s) => s !== emphasised), emphasised] : c.series;
  const data = ordered.map((s) => ({ name: s.name, labels, values: [...s.values] }));
  const colors =
    c.pointColors && c.series.length === 1
      ? c.pointColors.map(hex)
      : ordered.map((s) => hex(s.color ?? "777777"));
  slide.addChart(type, data, {
    ...common,
    chartColors: colors,
    ...(type === "bar"
      ? {
          barDir: c.kind === "barClustered" ? "bar" : "col",
          barGrouping: c.kind === "columnStacked" ? "stacked" : "clustered",
          barGapWidthPct: 60,
          ...(c.kind === "barClustered" ? { barOverlapPct: 100 } : {}),
        }
      : {
          lineDataSymbol: c.kind === "lineMarkers" ? "circle" : "none",
          lineDataSymbolSize: 7,
          lineSize: 3,
        }),
    // Bars top to bottom in the data's order, the value axis kept at the bottom (crossing at
    // the last category), as the workbook's tornado does.
    ...(c.reverseCategories
      ? {
          catAxisOrientation: "maxMin" as "minMax",
          // pptxgenjs writes any text as c:crosses; its types list only "autoZero".
          catAxisCrossesAt: "max" as unknown as "autoZero",
          catAxisLabelPos: "low" as const,
          valAxisLabelPos: "high" as const,
        }
      : {}),
    ...(c.dataLabels
      ? {
          showValue: true,
          dataLabelFormatCode: c.valueFormat,
          dataLabelPosition: "outEnd" as const,
          dataLabelFontSize: 12,
          dataLabelFontBold: true,
        }
      : {}),
  });
}

function addFigures(slide: SlideObj, figures: NonNullable<Slide["figures"]>): void {
  const w = (W - 2 * MARGIN) / Math.max(1, figures.length);
  figures.forEach((f, i) => {
    slide.addText(
      [
        {
          text: f.value,
          options: { fontSize: 24, bold: true, color: hex(COLORS.title), breakLine: true },
        },
        { text: f.label, options: { fontSize: 14, color: "555555" } },
      ],
      {
        x: MARGIN + i * w,
        y: 3.0,
        w: w - 0.2,
        h: 1.3,
        fontFace: FONT,
        align: "center",
        valign: "middle",
        fill: { color: hex(COLORS.headerFill) },
      }
    );
  });
}

/** The .pptx bytes of `deck` (works in Node and in the browser). */
export async function writePptx(input: Deck): Promise<Uint8Array> {
  // Every text through the one sanitiser: the deck carries names a user typed or imported.
  const deck = xmlSafeData(input);
  const pres = new PptxGenJS();
  pres.layout = "LAYOUT_WIDE";
  pres.title = deck.title;
  pres.company = "Hyper-V TCO Planner";
  deck.slides.forEach((s, index) => {
    const slide = pres.addSlide();
    if (index === 0) {
      slide.addText(deck.title, {
        x: MARGIN,
        y: 0.3,
        w: W - 2 * MARGIN,
        h: 0.8,
        fontFace: FONT,
        fontSize: 26,
        bold: true,
        color: hex(COLORS.title),
        fit: "shrink",
      });
      slide.addText(deck.subtitle, {
        x: MARGIN,
        y: 1.1,
        w: W - 2 * MARGIN,
        h: 0.5,
        fontFace: FONT,
        fontSize: 20,
        bold: true,
        color: "222222",
      });
      slide.addText(s.takeaway, {
        x: MARGIN,
        y: 1.7,
        w: W - 2 * MARGIN,
        h: 1.1,
        fontFace: FONT,
        fontSize: 16,
        color: "333333",
        valign: "top",
      });
      if (s.figures) addFigures(slide, s.figures);
      if (s.bullets)
        slide.addText(
          s.bullets.map((b) => ({ text: b, options: { bullet: true, breakLine: true } })),
          {
            x: MARGIN,
            y: 4.7,
            w: W - 2 * MARGIN,
            h: 2.2,
            fontFace: FONT,
            fontSize: 14,
            color: "444444",
            valign: "top",
          }
        );
    } else {
      header(slide, s);
      if (s.chart) addChart(slide, s.chart);
    }
    slide.addText(`${index + 1}`, {
      x: W - 1,
      y: 7.05,
      w: 0.5,
      h: 0.3,
      fontFace: FONT,
      fontSize: 10,
      color: "888888",
      align: "right",
    });
  });
  const out = await pres.write({ outputType: "uint8array", compression: true });
  return out as Uint8Array;
}
