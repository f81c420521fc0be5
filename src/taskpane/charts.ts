/**
 * The preview charts — the one file that knows chart.js. Fed plain series (`ChartSeries`),
 * it registers only the controllers, elements, scales and plugins it uses (so the bundle
 * carries nothing else), creates each chart once and afterwards only swaps its data.
 * Colours are the report's palette (`report/palette.ts`: one colour per option id, the
 * baseline grey, the recommended option outlined), money axes in k/M as the workbook's.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
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
  LinearScale,
  Tooltip,
  Legend
);

const GRID = "#E0E0E0";
const TEXT = "#424242";
const FONT =
  '"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif';

Chart.defaults.font.family = FONT;
Chart.defaults.font.size = 11;
Chart.defaults.color = TEXT;
Chart.defaults.animation = false;

/** The canvases the charts draw on. */
export interface ChartCanvases {
  readonly hosts: HTMLCanvasElement;
  readonly tco: HTMLCanvasElement;
  readonly payback: HTMLCanvasElement;
}

interface Charts {
  readonly hosts: Chart<"bar">;
  readonly tco: Chart<"bar">;
  readonly payback: Chart<"line">;
}

let charts: Charts | null = null;
let chartsCurrency = "";

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

function barConfig(
  indexAxis: "x" | "y",
  tick: Tick,
  tooltip: (v: number) => string
): ChartConfiguration<"bar"> {
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
  // Category labels wrap (an array of lines) rather than rotate.
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
    options: {
      indexAxis,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) => tooltip(Number(indexAxis === "y" ? ctx.parsed.x : ctx.parsed.y)),
          },
        },
      },
      scales:
        indexAxis === "y" ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
  };
}

function create(canvases: ChartCanvases, currency: string): Charts {
  const money: Tick = (v, scale) => formatAxisMoney(v, currency, largest(scale));
  const hosts = new Chart(
    canvases.hosts,
    barConfig(
      "y",
      (v) => (Number.isInteger(v) ? v.toLocaleString("en-US") : ""),
      (v) => `${v} hosts`
    )
  );
  const tco = new Chart(
    canvases.tco,
    barConfig("x", money, (v) => formatMoney(v, currency))
  );
  const payback = new Chart(canvases.payback, {
    type: "line",
    data: { labels: [], datasets: [] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 10, boxHeight: 10 } },
        tooltip: {
          callbacks: {
            label: (ctx) =>
              `${ctx.dataset.label ?? ""}: ${formatMoney(Number(ctx.parsed.y), currency)}`,
          },
        },
      },
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

/** A category label in lines of at most ~12 characters (chart.js draws an array as lines). */
function wrap(label: string): string | string[] {
  if (label.length <= 12) return label;
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + word.length < 12)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
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

  tco.data.labels = series.tco.labels.map(wrap);
  const tcoSet = tco.data.datasets[0];
  if (tcoSet) tcoSet.data = [...series.tco.values];
  paint(tcoSet, series.tco.ids, series.tco.highlight);
  tco.update("none");

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
