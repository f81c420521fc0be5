/**
 * `TCO Summary`: the page a manager reads — the recommendation, the key figures of every
 * option beside staying physical (formulas into TCO Cashflow), and the native charts.
 */
import { toCentsNumber, type Dec } from "../../money";
import { CATEGORY_LABELS, COST_CATEGORIES } from "../../tco/costLines";
import type { Analysis } from "../../tco/types";
import { cellAddress, parseRange, quoteSheet, rangeAddress } from "../a1";
import { COLORS, currencySymbol, moneyAxisFormat, type Formats } from "../formats";
import { RECOMMENDED_NOTE, RECOMMENDED_SUFFIX, shortOptionLabel } from "../labels";
import {
  BASELINE_KEY,
  CATEGORY_COLORS,
  SENSITIVITY_COLORS,
  UTILISATION_COLORS,
  optionColor,
} from "../palette";
import { formula, newGrid, put, putRow, style, stylesOf, text, toBlocks } from "../grid";
import { SHEETS } from "../sheetLayout";
import type { ChartSpec, PlanCell, SheetPlan } from "../workbookPlan";
import type { CashflowSheet } from "./cashflowSheet";
import type { CapacitySheet } from "./capacitySheet";
import type { LicensingSheet } from "./licensingSheet";
import type { SensitivitySheet } from "./sensitivitySheet";
import { ownedLicenceStatement } from "../../licensing";
import { platformLimits } from "../../platform";
import { paybackClause } from "../../tco/messages";
import { REPORT_MESSAGES } from "../messages";
import { keyFigureRows } from "./summaryFigures";

/** True when a chart's data range has a series column and a data row below its header. */
function hasChartData(spec: ChartSpec): boolean {
  const r = parseRange(spec.dataRange);
  return r.right > r.left && r.bottom > r.top;
}

/** Rows each chart occupies (20 px each: 15 rows ≈ 300 px), two rows of three charts. */
const CHART_ROWS = 15;
const CHARTS_ACROSS = 3;
/**
 * Column widths: the measure's label, then one column per side. Three charts across span
 * A:B, C:E and F:H, 54 characters each, so the columns are 36 + 18 × 7.
 */
const LABEL_WIDTH = 36;
const VALUE_WIDTH = 18;
const CHART_COLUMNS: readonly (readonly [number, number])[] = [
  [0, 1],
  [2, 4],
  [5, 7],
];

/** The column marking the VMware renewal date on the cost-over-time chart: near-black, no option's colour. */
const RENEWAL_MARKER_COLOR = "#222222";

const ref = (sheet: string, address: string): string => `${quoteSheet(sheet)}!${address}`;

export function buildSummarySheet(
  analysis: Analysis,
  formats: Formats,
  cashflow: CashflowSheet,
  capacity: CapacitySheet,
  licensing: LicensingSheet,
  sensitivity: SensitivitySheet
): SheetPlan {
  const g = newGrid();
  const s = analysis.scenario;
  const n = s.finance.horizonYears;
  const eligible = analysis.options.filter((o) => o.eligible);
  put(g, 0, 0, text(`Business case — ${s.name}`));
  style(g, 0, 0, 0, 0, { bold: true, fontSize: 18, fontColor: COLORS.title });
  put(g, 1, 0, text(analysis.recommendation));
  style(g, 1, 0, 1, 0, { bold: true, fontSize: 12, wrapText: true });
  put(
    g,
    2,
    0,
    text(
      `${n}-year horizon, discount rate ${s.finance.discountRate.times(100).toString()} %, ${platformLimits(s.platform).label}, prices in ${s.currency}. Figures are live formulas over TCO Inputs.`
    )
  );
  style(g, 2, 0, 2, 0, { italic: true, fontColor: COLORS.muted });
  // Licences already owned change every path's licensing line (to $0 where they cover it): the
  // page says so beside the figures, never only in TCO Inputs (issue 12).
  const owned = ownedLicenceStatement(s);
  if (s.finance.baseline !== "physical" || !owned.noneEntered) {
    put(g, 3, 0, text(owned.message));
    style(g, 3, 0, 3, 0, { italic: true });
  }

  // Key figures: one column per side.
  const top = 4;
  putRow(g, top, 0, [
    text("Measure"),
    text(analysis.baselineLabel),
    ...eligible.map((o) => text(o.label)),
  ]);
  style(g, top, 0, top, eligible.length + 1, {
    bold: true,
    fill: COLORS.headerFill,
    borderBottom: true,
    wrapText: true,
  });
  // Headers over figures align with them, on the right.
  style(g, top, 1, top, eligible.length + 1, { horizontalAlignment: "right" });
  const cf = (addr: string | undefined): string => ref(SHEETS.cashflow, addr ?? "A1");
  const rows = keyFigureRows(analysis, formats, { cashflow, capacity, licensing });
  rows.forEach((r, i) =>
    putRow(g, top + 1 + i, 0, [text(r.label), r.physical, ...eligible.map(r.cell)])
  );
  const bottom = top + rows.length;
  // Figures and the words that stand in for them ("no IRR") both sit on the right, under their header.
  style(g, top + 1, 1, bottom, eligible.length + 1, { horizontalAlignment: "right" });
  const recIndex = eligible.findIndex((o) => o.id === analysis.recommended);
  if (recIndex >= 0)
    style(g, top, 2 + recIndex, bottom, 2 + recIndex, { bold: true, fill: "#E8F3E8" });

  // Charts in a 2 × 3 grid below the key figures; their data (contiguous ranges) below them.
  const chartsTop = bottom + 2;
  // Leaving VMware adds a third row of charts, the full width: cost over time against the renewal date.
  const chartsBottom = chartsTop + (analysis.timeline ? 3 : 2) * CHART_ROWS - 1;
  let row = chartsBottom + 3;
  put(g, row - 1, 0, text("Chart data"));
  style(g, row - 1, 0, row - 1, 0, { bold: true, fontColor: COLORS.muted });
  const charts: ChartSpec[] = [];
  const chartRows: string[] = [];

  const chartLabel = (o: (typeof eligible)[number]): string =>
    shortOptionLabel(o.label) + (o.id === analysis.recommended ? RECOMMENDED_SUFFIX : "");

  // 1. TCO per option vs physical.
  const tcoTop = row;
  putRow(g, row++, 0, [text("Option"), text(`TCO, ${n} years`)]);
  putRow(g, row++, 0, [
    text(analysis.baselineLabel),
    formula(
      `=${cf(cashflow.physical.totalCell)}`,
      toCentsNumber(analysis.physical.total),
      formats.moneyWhole
    ),
  ]);
  for (const o of eligible)
    putRow(g, row++, 0, [
      text(chartLabel(o)),
      formula(
        `=${cf(cashflow.options.get(o.id)?.totalCell)}`,
        toCentsNumber(o.costs.total),
        formats.moneyWhole
      ),
    ]);
  chartRows.push(rangeAddress({ top: tcoTop, left: 0, bottom: row - 1, right: 1 }));
  row++;

  // 2. Cost by category (stacked), categories that carry money somewhere.
  const used = COST_CATEGORIES.filter(
    (c) =>
      !analysis.physical.byCategory[c].isZero() ||
      eligible.some((o) => !o.costs.byCategory[c].isZero())
  );
  const catTop = row;
  putRow(g, row++, 0, [text("Option"), ...used.map((c) => text(CATEGORY_LABELS[c]))]);
  putRow(g, row++, 0, [
    text(analysis.baselineLabel),
    ...used.map((c) =>
      formula(
        `=${cf(cashflow.physical.categoryTotals[c])}`,
        toCentsNumber(analysis.physical.byCategory[c]),
        formats.moneyWhole
      )
    ),
  ]);
  for (const o of eligible) {
    putRow(g, row++, 0, [
      text(chartLabel(o)),
      ...used.map((c) =>
        formula(
          `=${cf(cashflow.options.get(o.id)?.categoryTotals[c])}`,
          toCentsNumber(o.costs.byCategory[c]),
          formats.moneyWhole
        )
      ),
    ]);
  }
  chartRows.push(rangeAddress({ top: catTop, left: 0, bottom: row - 1, right: used.length }));
  row++;

  // 3. Cumulative savings by year.
  const cumTop = row;
  putRow(g, row++, 0, [text("Year"), ...eligible.map((o) => text(chartLabel(o)))]);
  for (let t = 0; t <= n; t++) {
    putRow(g, row++, 0, [
      { v: `Year ${t}` },
      ...eligible.map((o) => {
        const cumRow = cashflow.options.get(o.id)?.cumulativeRow;
        const start = cumRow ? parseRange(cumRow) : null;
        const addr = start ? cellAddress(start.top, start.left + t) : "A1";
        return formula(
          `=${cf(addr)}`,
          toCentsNumber(o.businessCase.cumulativeFlows[t] ?? o.businessCase.totalSavings),
          formats.moneyWhole
        );
      }),
    ]);
  }
  chartRows.push(rangeAddress({ top: cumTop, left: 0, bottom: row - 1, right: eligible.length }));

  // 4. Leaving VMware: cumulative cost of staying and of each path, with the renewal date
  // marked by a column in the year it falls in (as tall as the costliest path there).
  let overTime: { range: string; renewalYear: number } | null = null;
  if (analysis.timeline) {
    row++;
    const t = analysis.timeline;
    const renewalYear = Math.floor(t.monthsToRenewal / 12) + 1;
    const overTop = row;
    const paths = [
      { label: analysis.baselineLabel, refs: cashflow.physical, years: analysis.physical.years },
      ...eligible.map((o) => ({
        label: o.label,
        refs: cashflow.options.get(o.id) ?? cashflow.physical,
        years: o.costs.years,
      })),
    ];
    putRow(g, row++, 0, [
      text("Year"),
      ...paths.map((p) => text(p.label)),
      text(`Renewal date ${t.renewalDate}`),
    ]);
    for (let y = 0; y <= n; y++) {
      const r = row;
      const cells: PlanCell[] = paths.map((p) => {
        const span = parseRange(p.refs.totalRow);
        const first = cellAddress(span.top, span.left);
        const last = cellAddress(span.top, span.left + y, false);
        const value = p.years.slice(0, y + 1).reduce((a, c) => a + toCentsNumber(c.total), 0);
        return formula(`=SUM(${cf(`${first}:${last}`)})`, value, formats.moneyWhole);
      });
      const tallest = Math.max(...cells.map((c) => (typeof c.v === "number" ? c.v : 0)));
      const marker: PlanCell =
        y === renewalYear
          ? formula(
              `=MAX(${cellAddress(r, 1)}:${cellAddress(r, paths.length)})`,
              tallest,
              formats.moneyWhole
            )
          : { v: null };
      putRow(g, row++, 0, [
        { v: y === renewalYear ? `Year ${y} (renewal)` : `Year ${y}` },
        ...cells,
        marker,
      ]);
    }
    overTime = {
      range: rangeAddress({ top: overTop, left: 0, bottom: row - 1, right: paths.length + 1 }),
      renewalYear,
    };
  }

  const rec = eligible.find((o) => o.id === analysis.recommended);
  const paybackText = rec
    ? `${shortOptionLabel(rec.label)} ${paybackClause(rec.businessCase.payback, n, 1)}`
    : "payback not within the horizon";
  const place = (i: number): { from: string; to: string } => {
    const rowBase = chartsTop + Math.floor(i / CHARTS_ACROSS) * CHART_ROWS;
    const [left, right] = CHART_COLUMNS[i % CHARTS_ACROSS] as readonly [number, number];
    return {
      from: cellAddress(rowBase, left),
      to: cellAddress(rowBase + CHART_ROWS - 1, right),
    };
  };
  const chartAnchors: ChartSpec["anchor"][] = [];
  for (let i = 0; i < 6; i++) chartAnchors.push(place(i));
  // Money axes in k or M by the largest figure each chart shows; the symbol makes the
  // currency plain, so an axis title is needed only for currencies without one.
  const moneyTitle = currencySymbol(s.currency) ? undefined : s.currency;
  const withTitle = moneyTitle ? { valueAxisTitle: moneyTitle } : {};
  const largest = (values: readonly Dec[]): number =>
    values.reduce((m, v) => Math.max(m, Math.abs(v.toNumber())), 0);
  const recPoint = recIndex >= 0 ? { highlight: { point: recIndex + 1 } } : {};
  const recSeries = recIndex >= 0 ? { highlight: { series: recIndex } } : {};
  const tcoFormat = moneyAxisFormat(
    s.currency,
    largest([analysis.physical.total, ...eligible.map((o) => o.costs.total)])
  );
  // Cost over time (leaving VMware) gets the whole width of the third row.
  const third = chartsTop + 2 * CHART_ROWS;
  chartAnchors.push({
    from: cellAddress(third, 0),
    to: cellAddress(
      third + CHART_ROWS - 1,
      (CHART_COLUMNS[CHARTS_ACROSS - 1] as readonly [number, number])[1]
    ),
  });
  charts.push({
    id: "tcoByOption",
    kind: "columnClustered",
    title: `Total cost of ownership over ${n} years (${RECOMMENDED_NOTE})`,
    dataSheet: SHEETS.summary,
    dataRange: chartRows[0] as string,
    valueAxisMinimum: 0,
    seriesBy: "columns",
    anchor: chartAnchors[0] as ChartSpec["anchor"],
    ...withTitle,
    valueAxisFormat: tcoFormat,
    legend: "none",
    gapWidth: 60,
    seriesColors: [optionColor(BASELINE_KEY)],
    pointColors: [optionColor(BASELINE_KEY), ...eligible.map((o, i) => optionColor(o.id, i))],
    ...recPoint,
    dataLabels: true,
  });
  charts.push({
    id: "costBreakdown",
    kind: "columnStacked",
    title: "Cost by category",
    dataSheet: SHEETS.summary,
    dataRange: chartRows[1] as string,
    valueAxisMinimum: 0,
    seriesBy: "columns",
    anchor: chartAnchors[1] as ChartSpec["anchor"],
    ...withTitle,
    valueAxisFormat: tcoFormat,
    legend: "bottom",
    overlap: 100,
    gapWidth: 60,
    // One colour per cost category wherever it appears (its place in COST_CATEGORIES).
    seriesColors: used.map(
      (c) => CATEGORY_COLORS[COST_CATEGORIES.indexOf(c) % CATEGORY_COLORS.length] as string
    ),
  });
  charts.push({
    id: "cumulativeSavings",
    kind: "lineMarkers",
    title: `Cumulative savings: ${paybackText}`,
    dataSheet: SHEETS.summary,
    dataRange: chartRows[2] as string,
    seriesBy: "columns",
    anchor: chartAnchors[2] as ChartSpec["anchor"],
    ...withTitle,
    valueAxisFormat: moneyAxisFormat(
      s.currency,
      largest(eligible.flatMap((o) => o.businessCase.cumulativeFlows))
    ),
    legend: "bottom",
    categoryLabelsLow: true,
    seriesColors: eligible.map((o, i) => optionColor(o.id, i)),
    ...recSeries,
  });
  if (licensing.breakEvenRange) {
    const be = analysis.breakEven;
    const beRec = be.series.findIndex((x) => x.option === analysis.recommended);
    charts.push({
      id: "licenceBreakEven",
      // Scatter: a numeric VM axis labels itself every 5 or 10 VMs.
      kind: "xyScatterLinesNoMarkers",
      title: "Licence cost per host by Windows VMs per host",
      dataSheet: SHEETS.licensing,
      dataRange: licensing.breakEvenRange,
      seriesBy: "columns",
      anchor: chartAnchors[3] as ChartSpec["anchor"],
      categoryAxisTitle: "Windows VMs per host",
      ...withTitle,
      valueAxisFormat: moneyAxisFormat(
        s.currency,
        largest(be.series.flatMap((x) => x.costs.filter((c): c is Dec => c !== null)))
      ),
      legend: "bottom",
      seriesColors: be.series.map((x, i) => optionColor(x.option, i)),
      ...(beRec >= 0 ? { highlight: { series: beRec } } : {}),
    });
  }
  if (capacity.utilisationRange) {
    charts.push({
      id: "hostUtilisation",
      kind: "columnClustered",
      title: `Host utilisation at peak (${rec ? shortOptionLabel(rec.label) : "recommended option"})`,
      dataSheet: SHEETS.capacity,
      dataRange: capacity.utilisationRange,
      seriesBy: "columns",
      anchor: chartAnchors[4] as ChartSpec["anchor"],
      valueAxisFormat: "0%",
      valueAxisMinimum: 0,
      legend: "bottom",
      seriesOverrides: [{ index: 2, kind: "line" }],
      seriesColors: [UTILISATION_COLORS.cpu, UTILISATION_COLORS.memory, UTILISATION_COLORS.target],
    });
  }
  if (sensitivity.tornadoRange) {
    const sens = analysis.sensitivity;
    charts.push({
      id: "sensitivityTornado",
      kind: "barClustered",
      title: "What moves the NPV (±20 %)",
      dataSheet: SHEETS.sensitivity,
      dataRange: sensitivity.tornadoRange,
      seriesBy: "columns",
      anchor: chartAnchors[5] as ChartSpec["anchor"],
      ...withTitle,
      valueAxisFormat: moneyAxisFormat(
        s.currency,
        // The tornado shows each end's change from the base NPV.
        largest(
          sens
            ? sens.rows.flatMap((r) => [
                r.npvLow.minus(sens.baseNpv),
                r.npvHigh.minus(sens.baseNpv),
              ])
            : []
        )
      ),
      reverseCategories: true,
      categoryLabelsLow: true,
      overlap: 100,
      gapWidth: 40,
      legend: "bottom",
      seriesColors: [SENSITIVITY_COLORS.low, SENSITIVITY_COLORS.high],
    });
  }
  if (overTime && analysis.timeline) {
    const paths = eligible.length + 1;
    charts.push({
      id: "costOverTime",
      kind: "lineMarkers",
      title: `Cost over time: staying vs each path (renewal ${analysis.timeline.renewalDate})`,
      dataSheet: SHEETS.summary,
      dataRange: overTime.range,
      seriesBy: "columns",
      anchor: chartAnchors[6] as ChartSpec["anchor"],
      ...withTitle,
      valueAxisFormat: moneyAxisFormat(
        s.currency,
        largest([analysis.physical.total, ...eligible.map((o) => o.costs.total)])
      ),
      valueAxisMinimum: 0,
      legend: "bottom",
      gapWidth: 150,
      // The last column marks the renewal date: one bar in the year it falls in.
      seriesOverrides: [{ index: paths, kind: "columnClustered" }],
      seriesColors: [
        optionColor(BASELINE_KEY),
        ...eligible.map((o, i) => optionColor(o.id, i)),
        RENEWAL_MARKER_COLOR,
      ],
    });
  }
  // A chart place with nothing to show holds a sentence saying why, not an empty frame (or,
  // in a writer, a chart over a range without a series).
  const why: Readonly<Record<string, string>> = {
    costBreakdown: REPORT_MESSAGES.noCostBreakdown,
    cumulativeSavings: REPORT_MESSAGES.noSavings,
    licenceBreakEven: REPORT_MESSAGES.noBreakEven,
    hostUtilisation:
      eligible.length === 0
        ? REPORT_MESSAGES.noUtilisationNoOption
        : REPORT_MESSAGES.noUtilisationNoHosts,
    sensitivityTornado: REPORT_MESSAGES.noSensitivity,
  };
  const slotIds = [
    "tcoByOption",
    "costBreakdown",
    "cumulativeSavings",
    "licenceBreakEven",
    "hostUtilisation",
    "sensitivityTornado",
  ];
  const drawn = charts.filter(hasChartData);
  slotIds.forEach((id, i) => {
    if (drawn.some((c) => c.id === id)) return;
    // Cost by category and cumulative savings are always asked for: no data has one reason.
    const asked = charts.find((c) => c.id === id);
    const note =
      asked && id !== "costBreakdown" && id !== "cumulativeSavings"
        ? REPORT_MESSAGES.noData(asked.title)
        : (why[id] ?? REPORT_MESSAGES.noData(id));
    const at = parseRange((chartAnchors[i] as ChartSpec["anchor"]).from);
    put(g, at.top, at.left, text(note));
    style(g, at.top, at.left, at.top, at.left, { italic: true, fontColor: COLORS.muted });
  });
  const lastColumn = Math.max(7, eligible.length + 1);
  return {
    name: SHEETS.summary,
    purpose: "Recommendation, key figures and charts",
    tabColor: COLORS.tab,
    columnWidths: [
      LABEL_WIDTH,
      ...Array.from({ length: Math.max(7, eligible.length + 1) }, () => VALUE_WIDTH),
    ],
    blocks: toBlocks(g),
    styles: stylesOf(g),
    tables: [],
    charts: drawn,
    // The recommendation wraps across the key figures' width.
    merges: [rangeAddress({ top: 1, left: 0, bottom: 1, right: lastColumn })],
    freeze: { rows: 1, columns: 0 },
    // One landscape page: the key figures and the six charts; the chart data stays on screen.
    print: {
      orientation: "landscape",
      fitToWidth: true,
      fitToHeight: 1,
      area: rangeAddress({
        top: 0,
        left: 0,
        bottom: chartsBottom,
        right: lastColumn,
      }),
    },
  };
}
