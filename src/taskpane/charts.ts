/**
 * The preview charts — the one file that knows chart.js. Fed plain series (`ChartSeries`),
 * it registers only the controllers, elements, scales and plugins it uses (so the bundle
 * carries nothing else), creates each chart once and afterwards only swaps its data.
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
} from "chart.js";
import { formatMoney, formatMoneyShort, type ChartSeries } from "./preview";

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

/** Fluent-style palette: brand blue for the recommended option, neutral greys otherwise. */
const BRAND = "#0F6CBD";
const NEUTRAL = "#8A8A8A";
const PHYSICAL = "#4D4D4D";
const LINE_COLORS = ["#0F6CBD", "#C239B3", "#E3008C", "#498205", "#CA5010", "#4F6BED"];
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

const barColors = (n: number, highlight: number, first?: string): string[] =>
  Array.from({ length: n }, (_, i) =>
    i === highlight ? BRAND : i === 0 && first ? first : NEUTRAL
  );

function barConfig(
  indexAxis: "x" | "y",
  tick: (v: number) => string,
  tooltip: (v: number) => string
): ChartConfiguration<"bar"> {
  const valueAxis = {
    beginAtZero: true,
    grid: { color: GRID },
    border: { display: false },
    ticks: { callback: (v: string | number) => tick(Number(v)), maxTicksLimit: 5 },
  };
  const categoryAxis = { grid: { display: false }, ticks: { autoSkip: false } };
  return {
    type: "bar",
    data: {
      labels: [],
      datasets: [{ data: [], backgroundColor: [], borderRadius: 2, maxBarThickness: 28 }],
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
  const money = (v: number): string => formatMoneyShort(v, currency);
  const hosts = new Chart(
    canvases.hosts,
    barConfig(
      "y",
      (v) => (Number.isInteger(v) ? String(v) : ""),
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
          ticks: { callback: (v) => money(Number(v)), maxTicksLimit: 6 },
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
  if (hostSet) {
    hostSet.data = [...series.hosts.values];
    hostSet.backgroundColor = barColors(series.hosts.values.length, series.hosts.highlight);
  }
  hosts.update("none");

  tco.data.labels = [...series.tco.labels];
  const tcoSet = tco.data.datasets[0];
  if (tcoSet) {
    tcoSet.data = [...series.tco.values];
    tcoSet.backgroundColor = barColors(series.tco.values.length, series.tco.highlight, PHYSICAL);
  }
  tco.update("none");

  payback.data.labels = [...series.payback.years];
  payback.data.datasets = series.payback.lines.map((line, i) => {
    const color = LINE_COLORS[i % LINE_COLORS.length] ?? BRAND;
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
