/**
 * `TCO Capacity`: hosts and clusters per option with the lower bound beside each answer,
 * the host capacity figures and how they were derived, the servers that stay physical, and
 * per host of the recommended option its VMs, worst case after failover and utilisation
 * (the data of the utilisation chart). Quantities from the engine: values, grey.
 */
import type { Analysis } from "../../tco/types";
import { cellAddress, rangeAddress } from "../a1";
import { COLORS, type Formats } from "../formats";
import {
  formula,
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
import { SHEETS } from "../sheetLayout";
import { withHostRefs } from "./hostsSheet";
import type { ChartSpec, SheetPlan } from "../workbookPlan";
import {
  BINDING_LABELS,
  writeDemandTable,
  writeStorageTable,
  writeYearsTable,
  type SeriesCells,
} from "./capacityYears";

export interface CapacitySheet {
  readonly sheet: SheetPlan;
  /** Host utilisation chart data (header row + one row per host), or null without hosts. */
  readonly utilisationRange: string | null;
  /** Hosts per option (cell addresses), by option id. */
  readonly hostsCell: ReadonlyMap<string, string>;
  readonly clustersCell: ReadonlyMap<string, string>;
  /** Per option id, the cells of each per-year quantity series (what growing cash flows read). */
  readonly seriesCells: ReadonlyMap<string, ReadonlyMap<string, SeriesCells>>;
}

/** "storage (1 of 2 clusters), memory (1)": what decides the node counts of an option's clusters. */
function bindingSummary(
  clusters: readonly { readonly binding: keyof typeof BINDING_LABELS }[]
): string {
  if (clusters.length === 0) return "";
  const counts = new Map<string, number>();
  for (const c of clusters)
    counts.set(BINDING_LABELS[c.binding], (counts.get(BINDING_LABELS[c.binding]) ?? 0) + 1);
  if (counts.size === 1) return [...counts.keys()][0] as string;
  return [...counts.entries()]
    .map(([k, v]) => `${k} (${v} of ${clusters.length} clusters)`)
    .join(", ");
}

export function buildCapacitySheet(
  analysis: Analysis,
  formats: Formats,
  nameOf: ReadonlyMap<string, string>,
  refOf: ReadonlyMap<string, string> = new Map(),
  hostRefs: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map()
): CapacitySheet {
  const g = newGrid();
  sheetTitle(
    g,
    "Capacity — hosts and clusters needed",
    "Computed by the capacity engine from TCO Inventory and the host, cluster and platform inputs; regenerate the report after changing them."
  );
  let row = 3;
  const head = [
    "Option",
    "Eligible",
    "Hosts",
    "Lower bound",
    "Clusters",
    "VMs",
    "Most VMs on a host after failover",
    "Servers staying physical",
    "What decides the node count",
    "Explanation",
  ];
  headerRow(g, row, 0, head, { wrapText: true });
  row++;
  const hostsCell = new Map<string, string>();
  const clustersCell = new Map<string, string>();
  for (const o of analysis.options) {
    const c = o.capacity;
    const vms = c.hostPlans.reduce((s, h) => s + h.vms, 0);
    const physical = c.stayPhysical.reduce((s, p) => s + p.count, 0);
    putRow(g, row, 0, [
      text(o.label),
      text(o.eligible ? "yes" : `no: ${o.reasons.join("; ")}`),
      num(c.hosts, formats.integer),
      num(c.lowerBoundHosts, formats.integer),
      num(c.clusters.length, formats.integer),
      num(vms, formats.integer),
      num(c.maxVmsPerHostAfterFailover, formats.integer),
      num(physical, formats.integer),
      text(bindingSummary(c.clusters)),
      text(c.explanation),
    ]);
    hostsCell.set(o.id, cellAddress(row, 2));
    clustersCell.set(o.id, cellAddress(row, 4));
    row++;
  }
  style(g, 4, 2, row - 1, 7, { fill: COLORS.engineFill });

  const rec =
    analysis.options.find((o) => o.id === analysis.recommended) ??
    analysis.options.find((o) => o.eligible);
  let utilisationRange: string | null = null;
  if (rec) {
    row += 1;
    const cap = rec.capacity.hostCapacity;
    put(g, row, 0, text(`Host capacity (${rec.label})`));
    style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
    row++;
    const capRows: [string, number, string][] = [
      ["CPU (GHz at the target)", cap.cpuGhz, formats.decimal],
      ["Memory for VMs (GiB)", cap.memoryGiB, formats.decimal],
      ["Virtual processors", cap.vcpus, formats.integer],
      ["Running VMs", cap.vms, formats.integer],
      ["Logical processors", cap.logicalProcessors, formats.integer],
    ];
    for (const [label, v, fmt] of capRows) {
      putRow(g, row, 0, [text(label), num(v, fmt)]);
      row++;
    }
    for (const note of cap.notes) {
      put(g, row, 0, text(note));
      style(g, row, 0, row, 0, { fontColor: COLORS.muted });
      row++;
    }
    row++;
    put(g, row, 0, text("Clusters"));
    style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
    row++;
    const ch = [
      "Cluster",
      "Nodes",
      "VMs",
      "Failover reserve (hosts)",
      "Failures tolerated",
      "Failover check",
      "Scenarios checked",
      "Decides the node count",
    ];
    headerRow(g, row, 0, ch);
    row++;
    for (const c of rec.capacity.clusters) {
      putRow(g, row, 0, [
        text(`Cluster ${c.index + 1}`),
        num(c.nodes),
        num(c.vms),
        num(c.failoverReserve),
        num(c.failuresTolerated),
        text(
          c.failoverCheck === "enumerated"
            ? "every failure set simulated"
            : c.failoverCheck === "reserve-test"
              ? "reserve test (VMM style)"
              : "none (standalone hosts)"
        ),
        num(c.scenariosChecked),
        text(BINDING_LABELS[c.binding]),
      ]);
      row++;
    }
    row++;
    row = writeStorageTable(
      g,
      row,
      analysis,
      rec,
      formats,
      withHostRefs(nameOf, hostRefs.get(rec.id))
    );
    if (rec.capacity.idle.length > 0) {
      put(g, row, 0, text("Idle servers (by the demand thresholds)"));
      style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
      row++;
      headerRow(g, row, 0, ["Server", "Count", "Why idle", "Retired"]);
      row++;
      for (const i of rec.capacity.idle) {
        putRow(g, row, 0, [
          text(i.name),
          num(i.count),
          text(i.reason),
          text(i.retired ? "yes: switched off, not migrated" : "no (demand.retireIdle is off)"),
        ]);
        row++;
      }
    }
    if (rec.capacity.stayPhysical.length > 0) {
      row++;
      put(g, row, 0, text("Servers that stay physical"));
      style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
      row++;
      for (const s of rec.capacity.stayPhysical) {
        putRow(g, row, 0, [text(s.name), num(s.count), text(s.reasons.join(" "))]);
        row++;
      }
    }
    if (rec.capacity.hostPlans.length > 0) {
      row++;
      put(g, row, 0, text(`Hosts of ${rec.label}`));
      style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
      row++;
      const hh = [
        "Host",
        "CPU used",
        "Memory used",
        "CPU target",
        "Cluster",
        "VMs",
        "Windows VMs",
        "Most VMs after failover",
        "Most Windows VMs after failover",
        "CPU used (GHz)",
        "Memory used (GiB)",
      ];
      headerRow(g, row, 0, hh, { wrapText: true });
      const hostsHeader = row;
      row++;
      const target = analysis.scenario.cluster.targetCpuUtilization.toNumber();
      for (const h of rec.capacity.hostPlans) {
        const ghzCell = cellAddress(row, 9);
        const gibCell = cellAddress(row, 10);
        putRow(g, row, 0, [
          text(`Host ${h.index + 1}`),
          formula(
            `=${ghzCell}/${cap.cpuGhz}*hv_TargetCpuUtilization`,
            cap.cpuGhz > 0 ? (h.cpuGhzUsed / cap.cpuGhz) * target : 0,
            "0%"
          ),
          formula(
            `=${gibCell}/${cap.memoryGiB}*hv_TargetMemoryUtilization`,
            cap.memoryGiB > 0
              ? (h.memoryGiBUsed / cap.memoryGiB) *
                  analysis.scenario.cluster.targetMemoryUtilization.toNumber()
              : 0,
            "0%"
          ),
          formula("=hv_TargetCpuUtilization", target, "0%"),
          num(h.cluster + 1),
          num(h.vms),
          num(h.windowsVms),
          num(h.maxVmsAfterFailover),
          num(h.maxWindowsVmsAfterFailover),
          num(h.cpuGhzUsed, formats.decimal),
          num(h.memoryGiBUsed, formats.decimal),
        ]);
        row++;
      }
      utilisationRange = rangeAddress({ top: hostsHeader, left: 0, bottom: row - 1, right: 3 });
    }
  }
  // Hosts per year of every eligible option; demand against capacity for the recommended one.
  row++;
  const seriesCells = new Map<string, ReadonlyMap<string, SeriesCells>>();
  for (const o of analysis.options.filter((x) => x.eligible)) {
    const years = writeYearsTable(
      g,
      row,
      analysis,
      o,
      formats,
      withHostRefs(nameOf, hostRefs.get(o.id))
    );
    seriesCells.set(o.id, years.cells);
    row = years.nextRow;
  }
  const charts: ChartSpec[] = [];
  if (rec && rec.eligible) {
    const demand = writeDemandTable(
      g,
      row,
      analysis,
      rec,
      seriesCells.get(rec.id)?.get("hostsOwned"),
      formats,
      withHostRefs(nameOf, hostRefs.get(rec.id)),
      refOf
    );
    charts.push(demand.chart);
    row = demand.nextRow;
  }
  return {
    sheet: {
      name: SHEETS.capacity,
      purpose: "Hosts, clusters and failover",
      tabColor: "#107C10",
      columnWidths: [34, 14, 12, 12, 10, 10, 14, 16, 18, 14, 14],
      blocks: toBlocks(g),
      styles: stylesOf(g),
      tables: [],
      charts,
      freeze: { rows: 4, columns: 1 },
    },
    utilisationRange,
    hostsCell,
    clustersCell,
    seriesCells,
  };
}
