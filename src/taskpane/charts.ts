/**
 * The preview charts — the one file that knows chart.js. Fed plain series (`ChartSeries`),
 * it registers only the controllers, elements, scales and plugins it uses (so the bundle
 * carries nothing else), creates each chart once and afterwards only swaps its data.
 * Colours are the report's palette (`report/palette.ts`: one colour per option id, the
 * baseline grey, the recommended option outlined), money axes in k/M as the workbook's. The
 * line chart's legend is HTML (`view/resultCard.ts`), so chart.js' legend plugin stays out of
 * the start-up bundle; bars carry their values and the line chart a readout line of the year
 * pointed at (rather than chart.js' tooltips, which a 350 px pane crops and which would add
 * their plugin to the start-up bundle).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  type ActiveElement,
  type ChartConfiguration,
  type Plugin,
  type Scale,
} from "chart.js";
import { optionColor, RECOMMENDED_OUTLINE } from "../report/palette";
import { formatAxisMoney, formatMoney, type ChartSeries } from "./preview";

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale
);

const GRID = "#E0E0E0";
const TEXT = "#424242";
const FONT =
  '"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif';

Chart.defaults.font.family = FONT;
Chart.defaults.font.size = 11;
Chart.defaults.color = TEXT;
Chart.defaults.animation = false;

/** The canvases the charts draw on, and the line chart's readout line. */
export interface ChartCanvases {
  readonly hosts: HTMLCanvasElement;
  readonly tco: HTMLCanvasElement;
  readonly payback: HTMLCanvasElement;
  readonly paybackReadout: HTMLElement;
}

interface Charts {
  readonly hosts: Chart<"bar">;
  readonly tco: Chart<"bar">;
  readonly payback: Chart<"line">;
}

let charts: Charts | null = null;
let chartsCurrency = "";
/** The series the charts show now (the readout reads the hovered year from it). */
let shown: ChartSeries | null = null;

/** A tick label of a value axis, told the axis' range (money switches to k/M by its largest value). */
type Tick = (v: number, scale: Scale) => string;

const largest = (scale: Scale): number => Math.max(Math.abs(scale.min), Math.abs(scale.max));

/** The bars of a series: each option in its palette colour, the recommended one outlined. */
function paint(
  set: { backgroundColor?: unknown; borderColor?: unknown; borderWidth?: unknown } | undefined,
  ids: readonly string[],
  highlight: number
): void {
  if (!set) return;
  set.backgroundColor = ids.map((id, i) => optionColor(id, i));
  set.borderColor = ids.map((_, i) => (i === highlight ? RECOMMENDED_OUTLINE : "transparent"));
  set.borderWidth = ids.map((_, i) => (i === highlight ? 2 : 0));
}

/** Each bar's value at its end, in the value axis' format. */
function valueLabels(format: Tick): Plugin<"bar"> {
  return {
    id: "hvtcoValueLabels",
    afterDatasetsDraw(chart) {
      const horizontal = chart.options.indexAxis === "y";
      const scale = horizontal ? chart.scales["x"] : chart.scales["y"];
      const values = chart.data.datasets[0]?.data ?? [];
      const { ctx } = chart;
      if (!scale) return;
      ctx.save();
      ctx.font = `600 11px ${FONT}`;
      ctx.fillStyle = TEXT;
      ctx.textAlign = horizontal ? "left" : "center";
      ctx.textBaseline = horizontal ? "middle" : "bottom";
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        const { x, y } = bar.getProps(["x", "y"], true) as { x: number; y: number };
        const text = format(Number(values[i]), scale);
        ctx.fillText(text, horizontal ? x + 4 : x, horizontal ? y : y - 3);
      });
      ctx.restore();
    },
  };
}

function barConfig(indexAxis: "x" | "y", tick: Tick, label: Tick): ChartConfiguration<"bar"> {
  const valueAxis = {
    beginAtZero: true,
    grid: { color: GRID },
    border: { display: false },
    ticks: {
      callback(this: Scale, v: string | number) {
        return tick(Number(v), this);
      },
      maxTicksLimit: 5,
    },
  };
  // Category labels never rotate (both bar charts are horizontal: names read on one line).
  const categoryAxis = {
    grid: { display: false },
    ticks: { autoSkip: false, maxRotation: 0, minRotation: 0 },
  };
  return {
    type: "bar",
    data: {
      labels: [],
      datasets: [
        {
          data: [],
          backgroundColor: [],
          borderColor: [],
          borderWidth: [],
          borderSkipped: false,
          borderRadius: 2,
          maxBarThickness: 28,
        },
      ],
    },
    plugins: [valueLabels(label)],
    options: {
      indexAxis,
      responsive: true,
      maintainAspectRatio: false,
      // Room for the value labels at the bars' ends.
      layout: { padding: indexAxis === "y" ? { right: 40 } : { top: 16 } },
      events: [],
      scales:
        indexAxis === "y" ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
  };
}

/**
 * Leaving VMware: a dashed vertical line where the renewal date falls between the year-end
 * points, labelled with the date — what the decision is timed against.
 */
const renewalMarker: Plugin<"line"> = {
  id: "hvtcoRenewal",
  afterDatasetsDraw(chart) {
    const renewal = shown?.payback.renewal;
    const x = chart.scales["x"];
    if (!renewal || !x) return;
    const before = Math.floor(renewal.atYears);
    const share = renewal.atYears - before;
    const left = x.getPixelForValue(before);
    const px = left + share * (x.getPixelForValue(before + 1) - left);
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = TEXT;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(px, chartArea.top);
    ctx.lineTo(px, chartArea.bottom);
    ctx.stroke();
    ctx.font = `600 10px ${FONT}`;
    ctx.fillStyle = TEXT;
    // The label reads inward, so that it stays inside the plot near either edge.
    const inward = px > (chartArea.left + chartArea.right) / 2;
    ctx.textAlign = inward ? "right" : "left";
    ctx.textBaseline = "top";
    ctx.fillText(`Renewal ${renewal.date}`, px + (inward ? -3 : 3), chartArea.top + 2);
    ctx.restore();
  },
};

/** The readout under the line chart: each option's cumulative saving in year `t`. */
function readout(target: HTMLElement, t: number): void {
  const s = shown;
  if (!s) return;
  const values = s.payback.lines
    .map((l) => `${l.label} ${formatMoney(l.values[t] ?? 0, s.currency)}`)
    .join(" · ");
  target.textContent = `${s.payback.years[t] ?? ""}: ${values}`;
}

function create(canvases: ChartCanvases, currency: string): Charts {
  const money: Tick = (v, scale) => formatAxisMoney(v, currency, largest(scale));
  const count: Tick = (v) => (Number.isInteger(v) ? v.toLocaleString("en-US") : "");
  const hosts = new Chart(canvases.hosts, barConfig("y", count, count));
  // Horizontal, as the hosts: up to 9 bars (the baseline and 8 options) keep their names legible at 350 px.
  const tco = new Chart(canvases.tco, barConfig("y", money, money));
  const last = (): number => (shown?.payback.years.length ?? 1) - 1;
  const payback = new Chart(canvases.payback, {
    type: "line",
    data: { labels: [], datasets: [] },
    plugins: [renewalMarker],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      // Pointing at a year shows its figures below the chart; leaving it, the last year's.
      onHover: (_event, active: ActiveElement[]) =>
        readout(canvases.paybackReadout, active[0]?.index ?? last()),
      scales: {
        x: { grid: { display: false } },
        y: {
          grid: { color: (ctx) => (ctx.tick.value === 0 ? "#616161" : GRID) },
          border: { display: false },
          ticks: {
            callback(this: Scale, v: string | number) {
              return money(Number(v), this);
            },
            maxTicksLimit: 6,
          },
        },
      },
    },
  });
  return { hosts, tco, payback };
}

/** Draw (the first time) or update the three preview charts. */
export function drawCharts(canvases: ChartCanvases, series: ChartSeries): void {
  if (!charts || charts.hosts.canvas !== canvases.hosts || chartsCurrency !== series.currency) {
    if (charts) for (const c of [charts.hosts, charts.tco, charts.payback]) c.destroy();
    charts = create(canvases, series.currency);
    chartsCurrency = series.currency;
  }
  const { hosts, tco, payback } = charts;

  hosts.data.labels = [...series.hosts.labels];
  const hostSet = hosts.data.datasets[0];
  if (hostSet) hostSet.data = [...series.hosts.values];
  paint(hostSet, series.hosts.ids, series.hosts.highlight);
  hosts.update("none");

  tco.data.labels = [...series.tco.labels];
  const tcoSet = tco.data.datasets[0];
  if (tcoSet) tcoSet.data = [...series.tco.values];
  paint(tcoSet, series.tco.ids, series.tco.highlight);
  tco.update("none");

  shown = series;
  readout(canvases.paybackReadout, series.payback.years.length - 1);
  payback.data.labels = [...series.payback.years];
  payback.data.datasets = series.payback.lines.map((line, i) => {
    const color = optionColor(line.id, i);
    return {
      label: line.label,
      data: [...line.values],
      borderColor: color,
      backgroundColor: color,
      borderWidth: line.recommended ? 3 : 1.5,
      pointRadius: line.recommended ? 3 : 2,
      tension: 0,
    };
  });
  payback.update("none");
}

/** The data each chart currently shows (tests and the accessible text read it). */
export function chartData(): { hosts: unknown; tco: unknown; payback: unknown } | null {
  if (!charts) return null;
  const plain = (c: Chart): unknown => ({
    labels: c.data.labels,
    datasets: c.data.datasets.map((d) => ({ label: d.label, data: d.data })),
  });
  return {
    hosts: plain(charts.hosts as unknown as Chart),
    tco: plain(charts.tco as unknown as Chart),
    payback: plain(charts.payback as unknown as Chart),
  };
}
