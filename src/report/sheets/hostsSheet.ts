/**
 * `TCO Hosts` (only when the scenario lists `hostOptions`): the candidate hosts as inputs,
 * the engine's TCO of every option on every candidate (the chosen one marked), why it wins,
 * and a native chart of TCO by candidate. Each option's cost lines on `TCO Cashflow` read its
 * chosen candidate's row here (price, power, rack units, drives), so editing a chosen host's
 * figures moves its option's costs live; choosing again needs the engine (regenerate).
 */
import { toCentsNumber } from "../../money";
import type { HostOption } from "../../scenario";
import type { Analysis } from "../../tco/types";
import { cellAddress, rangeAddress } from "../a1";
import { COLORS, moneyAxisFormat, type Formats } from "../formats";
import {
  headerRow,
  newGrid,
  num,
  put,
  putRow,
  sheetTitle,
  style,
  stylesOf,
  text,
  toBlocks,
} from "../grid";
import { BINDING_WORDS, hostChoiceSentence, MIXED_SHAPES_NOTE } from "../hostChoice";
import { optionColor } from "../palette";
import { HOSTS_LAYOUT, SHEETS } from "../sheetLayout";
import type { ChartSpec, PlanCell, SheetPlan } from "../workbookPlan";

/** The candidate table's columns: the input path a cost line names, its header and its value. */
const CANDIDATE_COLUMNS: readonly {
  readonly path: string;
  readonly head: string;
  readonly value: (h: HostOption, f: Formats) => PlanCell;
}[] = [
  { path: "host.sockets", head: "Sockets", value: (h) => num(h.sockets) },
  { path: "host.coresPerSocket", head: "Cores per socket", value: (h) => num(h.coresPerSocket) },
  { path: "host.threadsPerCore", head: "Threads per core", value: (h) => num(h.threadsPerCore) },
  { path: "host.cpuGhz", head: "Core clock (GHz)", value: (h) => num(h.cpuGhz.toNumber()) },
  { path: "host.memoryGiB", head: "RAM (GiB)", value: (h) => num(h.memoryGiB.toNumber()) },
  {
    path: "host.price",
    head: "Price",
    value: (h, f) => num(toCentsNumber(h.price), f.money),
  },
  { path: "host.powerWatts", head: "Power (W)", value: (h) => num(h.powerWatts.toNumber()) },
  { path: "host.rackUnits", head: "Rack units", value: (h) => num(h.rackUnits) },
  {
    path: "storage.drivesPerNode",
    head: "S2D drives per node",
    value: (h) => num(h.drivesPerNode),
  },
  { path: "storage.driveTB", head: "S2D drive (TB)", value: (h) => num(h.driveTB.toNumber()) },
];

export interface HostsSheet {
  readonly sheet: SheetPlan;
  /**
   * Per option id, the chosen candidate's cells by input path (`host.price` →
   * `'TCO Hosts'!$G$6`): the names its cost lines use instead of `TCO Inputs`' host.
   */
  readonly hostRefs: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * The names an option's formulas use: `TCO Inputs`' names, with the host fields pointing at
 * the option's chosen candidate on `TCO Hosts` when the scenario compares candidates.
 */
export function withHostRefs(
  nameOf: ReadonlyMap<string, string>,
  refs: ReadonlyMap<string, string> | undefined
): ReadonlyMap<string, string> {
  return refs ? new Map([...nameOf, ...refs]) : nameOf;
}

const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/** Build `TCO Hosts`, or null when the scenario has no `hostOptions` (its `host` is the only one). */
export function buildHostsSheet(analysis: Analysis, formats: Formats): HostsSheet | null {
  const order = CANDIDATE_COLUMNS.map((c) => c.path.split(".")[1]);
  if (order.join() !== HOSTS_LAYOUT.columns.slice(1).join())
    throw new Error("TCO Hosts columns differ from HOSTS_LAYOUT (a programmer error)");
  const s = analysis.scenario;
  if (s.hostOptions === undefined) return null;
  const candidates = analysis.hostCandidates;
  const g = newGrid();
  sheetTitle(
    g,
    "Which host to buy — every candidate for every option",
    "The candidates are inputs (yellow): each option's costs on TCO Cashflow read its chosen host's row. Grey cells are engine values (hosts, licensed cores, TCO, the choice): regenerate to choose again."
  );
  // The candidate table sits where the reader looks for it (HOSTS_LAYOUT, 1-based rows).
  let row = HOSTS_LAYOUT.headerRow - 2;
  put(g, row, 0, text("Candidate hosts"));
  style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
  row++;
  headerRow(g, row, 0, ["Candidate", ...CANDIDATE_COLUMNS.map((c) => c.head)], { wrapText: true });
  row++;
  const candidateRow = new Map<number, number>();
  candidates.forEach((h, i) => {
    candidateRow.set(i, row);
    putRow(g, row, 0, [text(h.name), ...CANDIDATE_COLUMNS.map((c) => c.value(h, formats))]);
    row++;
  });
  style(g, row - candidates.length, 1, row - 1, CANDIDATE_COLUMNS.length, {
    fill: COLORS.inputFill,
  });
  const refOf = (candidate: number, path: string): string => {
    const col = CANDIDATE_COLUMNS.findIndex((c) => c.path === path) + 1;
    return `${quoted(SHEETS.hosts)}!${cellAddress(candidateRow.get(candidate) ?? 0, col, true)}`;
  };
  const hostRefs = new Map<string, ReadonlyMap<string, string>>();
  for (const o of analysis.options) {
    const chosen = o.hostSweep.findIndex((e) => e.chosen);
    hostRefs.set(o.id, new Map(CANDIDATE_COLUMNS.map((c) => [c.path, refOf(chosen, c.path)])));
  }

  // TCO by candidate: candidates down, one column per eligible option — the chart's data.
  const eligible = analysis.options.filter((o) => o.eligible);
  row++;
  put(g, row, 0, text(`TCO over ${s.finance.horizonYears} years by candidate (engine)`));
  style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
  row++;
  const chartTop = row;
  headerRow(g, row, 0, ["Candidate", ...eligible.map((o) => o.label)], { wrapText: true });
  row++;
  candidates.forEach((h, i) => {
    putRow(g, row, 0, [
      text(h.name),
      ...eligible.map((o): PlanCell => {
        const e = o.hostSweep[i];
        return e?.eligible ? num(toCentsNumber(e.tco), formats.moneyWhole) : { v: null };
      }),
    ]);
    row++;
  });
  const chartBottom = row - 1;
  if (eligible.length > 0)
    style(g, chartTop + 1, 1, chartBottom, eligible.length, { fill: COLORS.engineFill });

  // Every option × candidate, with the choice and why.
  row++;
  put(g, row, 0, text("Candidates per option (engine values; ✓ = bought)"));
  style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
  row++;
  const head = [
    "Option",
    "Candidate",
    "Hosts",
    `Hosts in year ${s.finance.horizonYears}`,
    "Physical cores per host",
    "Licensed cores per host",
    "Licensed cores",
    `TCO ${s.finance.horizonYears} y`,
    "Bought",
    "Node count decided by",
  ];
  headerRow(g, row, 0, head, { wrapText: true });
  row++;
  const detailTop = row;
  for (const o of analysis.options) {
    for (const e of o.hostSweep) {
      putRow(g, row, 0, [
        text(o.label),
        text(e.name),
        num(e.hosts),
        num(e.hostsByYear[e.hostsByYear.length - 1] ?? e.hosts),
        num(e.licence.physicalCoresPerHost),
        e.licence.licensedCoresPerHost === null
          ? text("not per core")
          : num(e.licence.licensedCoresPerHost),
        e.licensedCores === null ? text("–") : num(e.licensedCores, formats.integer),
        e.eligible ? num(toCentsNumber(e.tco), formats.moneyWhole) : text("not eligible"),
        text(e.chosen ? "✓" : ""),
        text(e.binding === null ? "–" : BINDING_WORDS[e.binding]),
      ]);
      if (e.chosen) style(g, row, 0, row, head.length - 1, { bold: true });
      row++;
    }
  }
  style(g, detailTop, 2, row - 1, head.length - 1, { fill: COLORS.engineFill });
  row++;
  put(g, row, 0, text("Why each option's host wins"));
  style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
  row++;
  for (const o of analysis.options) {
    put(g, row, 0, text(hostChoiceSentence(o)));
    row++;
  }
  put(g, row, 0, text(MIXED_SHAPES_NOTE));
  style(g, row, 0, row, 0, { italic: true, fontColor: COLORS.muted });
  row++;

  const charts: ChartSpec[] = [];
  if (eligible.length > 0) {
    const largest = Math.max(
      0,
      ...eligible.flatMap((o) => o.hostSweep.map((e) => Math.abs(e.tco.toNumber())))
    );
    charts.push({
      id: "tcoByHost",
      kind: "columnClustered",
      title: `TCO over ${s.finance.horizonYears} years by candidate host`,
      dataSheet: SHEETS.hosts,
      dataRange: rangeAddress({
        top: chartTop,
        left: 0,
        bottom: chartBottom,
        right: eligible.length,
      }),
      seriesBy: "columns",
      anchor: { from: cellAddress(row + 1, 0), to: cellAddress(row + 21, 8) },
      categoryAxisTitle: "Candidate host",
      valueAxisTitle: `TCO (${s.currency})`,
      valueAxisFormat: moneyAxisFormat(s.currency, largest),
      valueAxisMinimum: 0,
      legend: "bottom",
      gapWidth: 80,
      seriesColors: eligible.map((o, i) => optionColor(o.id, i)),
    });
  }
  return {
    sheet: {
      name: SHEETS.hosts,
      purpose: "Which host to buy: every candidate's TCO per option",
      tabColor: "#8764B8",
      columnWidths: [34, 24, 10, 10, 12, 12, 12, 14, 10, 16, 12],
      blocks: toBlocks(g),
      styles: stylesOf(g),
      tables: [],
      charts,
    },
    hostRefs,
  };
}
