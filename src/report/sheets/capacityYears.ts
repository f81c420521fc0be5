/**
 * The parts of `TCO Capacity` about storage and the years of the horizon:
 *
 * - storage per cluster: nodes, VM storage, needed / raw / reserve / usable TB (and usable with
 *   failuresToTolerate nodes gone) as formulas over the storage inputs, the efficiency of the
 *   resiliency at that node count and the node count itself as engine values;
 * - hosts per year of each option: needed (engine), owned, bought, running, refreshed… as
 *   formulas — the cells the cash flows of a growing option read their quantities from;
 * - demand against capacity by year, with its native chart.
 */
import { growthScales } from "../../capacity";
import { TB_PER_GIB } from "../../platform";
import type { Scenario } from "../../scenario";
import type { Analysis, OptionAnalysis } from "../../tco/types";
import type { QuantitySeries } from "../../tco/years";
import { cellAddress, columnLetters, rangeAddress } from "../a1";
import { COLORS, type Formats } from "../formats";
import { CATEGORY_COLORS, optionColor } from "../palette";
import { formula, headerRow, num, put, putRow, style, text, type Grid } from "../grid";
import { SHEETS } from "../sheetLayout";
import type { ChartSpec, PlanCell } from "../workbookPlan";

/** Where a series' year cells are: `cell(t)` is the address of year t on `TCO Capacity`. */
export interface SeriesCells {
  readonly cell: (year: number) => string;
}

/** Column of year 0 in the per-year tables (A: label, B: unit). */
const YEAR0_COL = 2;

const name = (nameOf: ReadonlyMap<string, string>, path: string): string => {
  const n = nameOf.get(path);
  if (!n) throw new Error(`No defined name for input ${path}`);
  return n;
};

/** `0.001073741824`: TB per GiB as a formula literal. */
const TB_PER_GIB_TEXT = TB_PER_GIB.toString();

/**
 * Storage per cluster of `option` from `row`; returns the next free row. Raw, reserve, usable
 * and needed TB are formulas over `TCO Inputs`; nodes, VM storage and the efficiency (the
 * resiliency's table at that node count) are engine values.
 */
export function writeStorageTable(
  g: Grid,
  row: number,
  analysis: Analysis,
  option: OptionAnalysis,
  formats: Formats,
  nameOf: ReadonlyMap<string, string>
): number {
  const s = analysis.scenario;
  const s2d = s.storage.kind === "s2d";
  const k = s.cluster.failuresToTolerate;
  put(
    g,
    row,
    0,
    text(
      s2d
        ? `Storage per cluster — Storage Spaces Direct, ${s.storage.resiliency}, ${s.storage.media} (${option.label})`
        : `Storage per cluster — SAN (${option.label})`
    )
  );
  style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
  row++;
  put(
    g,
    row,
    0,
    text(
      s2d
        ? `Decimal TB (10^12 bytes, as drives are sold; Windows shows TiB, about 9 % fewer). Raw = nodes × drives × drive TB; reserve = one drive per node, at most 4; usable = (raw − reserve) × efficiency; needed = VM storage × ${TB_PER_GIB_TEXT} TB/GiB × (1 + headroom). Nodes, VM storage and efficiency are engine values (grey).`
        : `Decimal TB (10^12 bytes). Needed = VM storage × ${TB_PER_GIB_TEXT} TB/GiB; a SAN adds no nodes and is priced per cluster and per GiB (Cluster infrastructure).`
    )
  );
  style(g, row, 0, row, 0, { italic: true, fontColor: COLORS.muted });
  row++;
  const head = s2d
    ? [
        "Cluster",
        "Nodes",
        "VM storage (GiB)",
        "Needed (TB)",
        "Raw (TB)",
        "Reserve (TB)",
        "Efficiency",
        "Usable (TB)",
        `Usable with ${k} node${k === 1 ? "" : "s"} down (TB)`,
        "Layout",
        "Decides the node count",
      ]
    : ["Cluster", "Nodes", "VM storage (GiB)", "Needed (TB)", "Decides the node count"];
  headerRow(g, row, 0, head, { wrapText: true });
  row++;
  const first = row;
  const drives = s2d ? name(nameOf, "storage.drivesPerNode") : "";
  const driveTB = s2d ? name(nameOf, "storage.driveTB") : "";
  const headroom = s2d ? name(nameOf, "storage.headroom") : "";
  const failures = name(nameOf, "cluster.failuresToTolerate");
  for (const c of option.capacity.clusters) {
    const st = c.storage;
    const at = (col: number): string => cellAddress(row, col);
    const cells: PlanCell[] = [
      text(`Cluster ${c.index + 1}`),
      num(c.nodes, formats.integer),
      num(st.vmStorageGiB, formats.decimal),
      formula(
        s2d ? `=${at(2)}*${TB_PER_GIB_TEXT}*(1+${headroom})` : `=${at(2)}*${TB_PER_GIB_TEXT}`,
        st.neededTB,
        formats.decimal
      ),
    ];
    if (s2d) {
      cells.push(
        formula(`=${at(1)}*${drives}*${driveTB}`, st.rawTB ?? 0, formats.decimal),
        formula(`=MIN(${at(1)},4)*${driveTB}`, st.reserveTB ?? 0, formats.decimal),
        num(st.efficiency ?? 0, "0.0%"),
        formula(`=(${at(4)}-${at(5)})*${at(6)}`, st.usableTB ?? 0, formats.decimal),
        st.usableWithFailuresTB === null
          ? text(
              k === 0
                ? "no failures to tolerate"
                : "n/a: the survivors cannot hold this resiliency; data stays online until the node returns"
            )
          : formula(
              `=((${at(1)}-${failures})*${drives}*${driveTB}-MIN(${at(1)}-${failures},4)*${driveTB})*${at(6)}`,
              st.usableWithFailuresTB,
              formats.decimal
            ),
        text(st.layout ?? ""),
        text(BINDING_LABELS[c.binding])
      );
    } else cells.push(text(BINDING_LABELS[c.binding]));
    putRow(g, row, 0, cells);
    row++;
  }
  if (row > first) {
    style(g, first, 1, row - 1, 2, { fill: COLORS.engineFill });
    if (s2d) style(g, first, 6, row - 1, 6, { fill: COLORS.engineFill });
  }
  return row + 1;
}

/** How each binding resource reads in the workbook. */
export const BINDING_LABELS = {
  cpuGhz: "CPU",
  memoryGiB: "memory",
  vcpus: "virtual processors",
  vms: "VMs per host",
  storage: "storage",
} as const;

/** The year header row of a per-year table: "Year 0" … "Year N" from column C. */
function yearHeader(g: Grid, row: number, label: string, n: number): void {
  put(g, row, 0, text(label));
  put(g, row, 1, text("Unit"));
  for (let t = 0; t <= n; t++) put(g, row, YEAR0_COL + t, num(t, '"Year "0'));
  style(g, row, 0, row, YEAR0_COL + n, {
    bold: true,
    fill: COLORS.headerFill,
    borderBottom: true,
  });
}

/** A series' formula in year t (see `SeriesRule`), `cells` locating the series before it. */
function seriesFormula(
  s: QuantitySeries,
  t: number,
  cells: ReadonlyMap<string, SeriesCells>,
  nameOf: ReadonlyMap<string, string>
): string | null {
  const of = (key: string, year: number): string => {
    const c = cells.get(key);
    if (!c) throw new Error(`Series ${key} has no cells (a programmer error).`);
    return c.cell(year);
  };
  const r = s.rule;
  switch (r.kind) {
    case "engine":
      return null;
    case "owned":
      return t === 0 ? `=${of(r.of, 0)}` : `=MAX(${of(s.key, t - 1)},${of(r.of, t)})`;
    case "added":
      return t === 0 ? `=${of(r.of, 0)}` : `=${of(r.of, t)}-${of(r.of, t - 1)}`;
    case "running":
      return t === 0 ? "=0" : `=${of(r.of, t)}`;
    case "refreshed": {
      if (t === 0) return "=0";
      const cycle = name(nameOf, r.cycleInput);
      const terms = Array.from(
        { length: t },
        (_, y) => `IF(MOD(${t - y},${cycle})=0,${of(r.of, y)},0)`
      );
      return `=IF(${t}<hv_HorizonYears,${terms.join("+")},0)`;
    }
    case "beyond":
      return `=MAX(0,${of(r.of, t)}-${r.existing})`;
    case "within":
      return `=MIN(${of(r.of, t)},${r.existing})`;
    case "sum":
      return `=${r.of.map((k) => of(k, t)).join("+")}`;
  }
}

/**
 * Hosts per year of `option` from `row`: with growth every series its cost lines read (the
 * engine's "needed" rows, the rest formulas); without, hosts needed and owned. Returns the
 * next free row and the cells of each series (for the cash flows).
 */
export function writeYearsTable(
  g: Grid,
  row: number,
  analysis: Analysis,
  option: OptionAnalysis,
  formats: Formats,
  nameOf: ReadonlyMap<string, string>
): { readonly nextRow: number; readonly cells: ReadonlyMap<string, SeriesCells> } {
  const n = analysis.scenario.finance.horizonYears;
  yearHeader(g, row, `Hosts per year — ${option.label}`, n);
  row++;
  const cells = new Map<string, SeriesCells>();
  const at = (r: number) => ({ cell: (t: number) => cellAddress(r, YEAR0_COL + t) });
  if (option.series.length === 0) {
    // No growth: every year is today's plan.
    const needed = row;
    putRow(g, row, 0, [text("Hosts the year's demand needs"), text("hosts")]);
    for (let t = 0; t <= n; t++)
      put(g, row, YEAR0_COL + t, num(option.hostsNeededByYear[t] ?? 0, formats.integer));
    style(g, row, YEAR0_COL, row, YEAR0_COL + n, { fill: COLORS.engineFill });
    row++;
    putRow(g, row, 0, [text("Hosts owned"), text("hosts")]);
    for (let t = 0; t <= n; t++) {
      const f =
        t === 0
          ? `=${cellAddress(needed, YEAR0_COL)}`
          : `=MAX(${cellAddress(row, YEAR0_COL + t - 1)},${cellAddress(needed, YEAR0_COL + t)})`;
      put(g, row, YEAR0_COL + t, formula(f, option.hostsByYear[t] ?? 0, formats.integer));
    }
    cells.set("hostsOwned", at(row));
    row++;
    return { nextRow: row + 1, cells };
  }
  for (const s of option.series) {
    putRow(g, row, 0, [text(s.label), text(s.unit)]);
    cells.set(s.key, at(row));
    for (let t = 0; t <= n; t++) {
      const value = s.values[t]?.toNumber() ?? 0;
      const f = seriesFormula(s, t, cells, nameOf);
      const fmt = s.unit === "GiB" ? formats.decimal : formats.integer;
      put(g, row, YEAR0_COL + t, f === null ? num(value, fmt) : formula(f, value, fmt));
    }
    if (s.rule.kind === "engine")
      style(g, row, YEAR0_COL, row, YEAR0_COL + n, { fill: COLORS.engineFill });
    row++;
  }
  return { nextRow: row + 1, cells };
}

/** Rows a chart frame takes on `TCO Capacity`. */
const CHART_ROWS = 18;

/**
 * Demand against capacity by year for `option`, and its native chart: hosts owned (columns)
 * against what each resource's demand is worth in hosts (lines) — CPU and memory demand ÷ one
 * host's capacity, and with S2D the nodes its storage needs. Demand in GHz, GiB and TB beside
 * it, grown as formulas: today's × (1 + rate)^year. Returns the next free row and the chart.
 */
export function writeDemandTable(
  g: Grid,
  row: number,
  analysis: Analysis,
  option: OptionAnalysis,
  ownedCells: SeriesCells | undefined,
  formats: Formats,
  nameOf: ReadonlyMap<string, string>,
  refOf: ReadonlyMap<string, string>
): { readonly nextRow: number; readonly chart: ChartSpec } {
  const s: Scenario = analysis.scenario;
  const n = s.finance.horizonYears;
  const s2d = s.storage.kind === "s2d";
  const cap = option.capacity.hostCapacity;
  const scales = growthScales(s);
  const vms = option.capacity.vms;
  const cpu0 = vms.reduce((a, v) => a + v.cpuGhz, 0);
  const memory0 = vms.reduce((a, v) => a + v.memoryGiB, 0);
  const storage0 = vms.reduce((a, v) => a + v.storageGiB, 0);
  put(g, row, 0, text(`Demand against capacity by year — ${option.label}`));
  style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
  row++;
  put(
    g,
    row,
    0,
    text(
      `Demand grows from today's (the VMs placed in year 0: ${cpu0.toFixed(2)} GHz, ${memory0.toFixed(2)} GiB, ${storage0.toFixed(2)} GiB of disk) by (1 + rate)^year; a resource's worth in hosts is its demand ÷ one host's capacity (${cap.cpuGhz} GHz, ${cap.memoryGiB} GiB)${s2d ? "; storage is the nodes S2D needs for it (engine)" : ""}. Hosts owned include failover hosts.`
    )
  );
  style(g, row, 0, row, 0, { italic: true, fontColor: COLORS.muted });
  row++;
  // A blank per-resource rate means "the common rate": test the cell itself for blank.
  const rate = (path: string): string => {
    const cell = refOf.get(path) ?? name(nameOf, path);
    return `IF(ISBLANK(${cell}),${name(nameOf, "growth.ratePerYear")},${cell})`;
  };
  const head = [
    "Year",
    "Hosts owned",
    "CPU demand (hosts)",
    "Memory demand (hosts)",
    ...(s2d ? ["Storage demand (S2D nodes)"] : []),
    "CPU demand (GHz)",
    "Memory demand (GiB)",
    ...(s2d ? ["Storage needed (TB)"] : ["VM storage (GiB)"]),
  ];
  headerRow(g, row, 0, head, { wrapText: true });
  const top = row;
  row++;
  const chartCols = s2d ? 5 : 4;
  const ghzCol = chartCols;
  const gibCol = chartCols + 1;
  for (let t = 0; t <= n; t++) {
    const sc = scales[t]!;
    const cpu = cpu0 * sc.cpu;
    const memory = memory0 * sc.memory;
    const storageGiB = storage0 * sc.storage;
    const storageTB = storageGiB * TB_PER_GIB * (1 + s.storage.headroom.toNumber());
    const owned = option.hostsByYear[t] ?? 0;
    const cells: PlanCell[] = [
      text(`Year ${t}`),
      ownedCells
        ? formula(`=${ownedCells.cell(t)}`, owned, formats.integer)
        : num(owned, formats.integer),
      formula(
        `=${cellAddress(row, ghzCol)}/${cap.cpuGhz}`,
        cap.cpuGhz > 0 ? cpu / cap.cpuGhz : 0,
        formats.decimal
      ),
      formula(
        `=${cellAddress(row, gibCol)}/${cap.memoryGiB}`,
        cap.memoryGiB > 0 ? memory / cap.memoryGiB : 0,
        formats.decimal
      ),
    ];
    if (s2d) {
      const plan = option.yearPlans[t] ?? option.capacity;
      cells.push(
        num(
          plan.clusters.reduce((a, c) => a + (c.storage.nodesForStorage ?? c.nodes), 0),
          formats.integer
        )
      );
    }
    cells.push(
      formula(`=${cpu0}*(1+${rate("growth.cpuRatePerYear")})^${t}`, cpu, formats.decimal),
      formula(`=${memory0}*(1+${rate("growth.memoryRatePerYear")})^${t}`, memory, formats.decimal),
      s2d
        ? formula(
            `=${storage0}*(1+${rate("growth.storageRatePerYear")})^${t}*${TB_PER_GIB_TEXT}*(1+${name(nameOf, "storage.headroom")})`,
            storageTB,
            formats.decimal
          )
        : formula(
            `=${storage0}*(1+${rate("growth.storageRatePerYear")})^${t}`,
            storageGiB,
            formats.decimal
          )
    );
    putRow(g, row, 0, cells);
    row++;
  }
  if (s2d) style(g, top + 1, 4, row - 1, 4, { fill: COLORS.engineFill });
  const dataRange = rangeAddress({ top, left: 0, bottom: row - 1, right: chartCols - 1 });
  const chartTop = row + 1;
  const chart: ChartSpec = {
    id: "demandByYear",
    kind: "columnClustered",
    title: `Demand against capacity by year (${option.label})`,
    dataSheet: SHEETS.capacity,
    dataRange,
    seriesBy: "columns",
    anchor: { from: cellAddress(chartTop, 0), to: cellAddress(chartTop + CHART_ROWS - 1, 6) },
    valueAxisTitle: "hosts",
    valueAxisFormat: "#,##0",
    valueAxisMinimum: 0,
    legend: "bottom",
    seriesOverrides: Array.from({ length: chartCols - 2 }, (_, i) => ({
      index: i + 1,
      kind: "lineMarkers" as const,
    })),
    seriesColors: [
      optionColor(option.id),
      CATEGORY_COLORS[1],
      CATEGORY_COLORS[5],
      CATEGORY_COLORS[0],
    ]
      .slice(0, chartCols - 1)
      .map((c) => c as string),
  };
  return { nextRow: chartTop + CHART_ROWS + 1, chart };
}

/** `'TCO Capacity'!E40`: a series cell as the cash flows reference it. */
export function capacityRef(cell: string): string {
  return `'${SHEETS.capacity}'!${cell}`;
}

/** Column letters of a year in the per-year tables (for tests). */
export const yearColumn = (t: number): string => columnLetters(YEAR0_COL + t);
