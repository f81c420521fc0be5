/**
 * The preview charts, drawn once chart.js has loaded. chart.js and `./charts` are a chunk of
 * their own, fetched when the first preview is drawn, so the pane's start-up JS and its first
 * paint do not wait for the largest library it uses. Only the latest series is drawn.
 */
import type { ChartCanvases } from "./charts";
import type { ChartSeries } from "./preview";

let latest: { readonly canvases: ChartCanvases; readonly series: ChartSeries } | null = null;
let loading: Promise<typeof import("./charts")> | null = null;

/** Draw (the first time) or update the three preview charts, as soon as chart.js is there. */
export function drawCharts(canvases: ChartCanvases, series: ChartSeries): void {
  latest = { canvases, series };
  loading ??= import(/* webpackChunkName: "charts" */ "./charts");
  loading.then(
    (charts) => {
      if (latest === null) return;
      charts.drawCharts(latest.canvases, latest.series);
      latest = null;
    },
    () => {
      loading = null; // not loaded (offline?): the next preview tries again; the figures stand alone
    }
  );
}
