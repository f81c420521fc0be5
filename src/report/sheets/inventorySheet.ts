/**
 * `TCO Inventory`: the server inventory as the Excel table `hvInventory` (the columns of
 * INVENTORY_FIELDS, which the reader reads back), plus computed columns: the VM's CPU
 * demand as sized (a formula), what it was sized on (a measured percentile × comfort factor,
 * or the peak), whether it looks idle, and where the recommended option puts it.
 */
import { cpuDemandGhz, sizingOf } from "../../capacity";
import { Dec } from "../../money";
import { INVENTORY_FIELDS, type Scenario } from "../../scenario";
import type { Analysis } from "../../tco/types";
import { cellAddress, rangeAddress } from "../a1";
import type { Formats } from "../formats";
import { alignRight, formula, newGrid, put, putRow, stylesOf, text, toBlocks } from "../grid";
import { INVENTORY_LAYOUT, SHEETS } from "../sheetLayout";
import type { PlanCell, SheetPlan } from "../workbookPlan";

/** Inventory fields without a default: they get a column only when some row has a value. */
const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set([
  "storageInUseGiB",
  "measuredPercentile",
  "measuredCpuUtilization",
  "measuredMemoryGiB",
  "averageDiskMBps",
  "averageNetworkMBps",
]);

function rowCell(key: string, value: unknown, formats: Formats): PlanCell {
  if (value instanceof Dec) {
    const v = value.toNumber();
    return key.endsWith("Utilization") ? { v, fmt: "0%" } : { v, fmt: formats.decimal };
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return { v: value };
  return { v: null };
}

/** Where each server (row index) runs in the recommended option. */
function placementOf(analysis: Analysis): Map<number, string> {
  const out = new Map<number, string>();
  const option = analysis.options.find((o) => o.id === analysis.recommended);
  if (!option) return out;
  const hostOf = new Map<string, number>();
  for (const h of option.capacity.hostPlans) for (const id of h.vmIds) hostOf.set(id, h.index + 1);
  // Per inventory row: how many of its VMs are placed, and on which hosts.
  const placed = new Map<number, { vms: number; hosts: Set<number> }>();
  for (const vm of option.capacity.vms) {
    const host = hostOf.get(vm.id);
    if (host === undefined) continue;
    let p = placed.get(vm.row);
    if (!p) placed.set(vm.row, (p = { vms: 0, hosts: new Set() }));
    p.vms++;
    p.hosts.add(host);
  }
  for (const [row, p] of placed) {
    const hosts = hostRuns([...p.hosts].sort((a, b) => a - b));
    out.set(
      row,
      p.vms === 1
        ? `VM on host ${hosts}`
        : `${p.vms} VMs on host${p.hosts.size === 1 ? "" : "s"} ${hosts}`
    );
  }
  for (const s of option.capacity.stayPhysical)
    out.set(s.row, `Stays physical: ${s.reasons.join("; ")}`);
  return out;
}

/** Host numbers, ascending, with runs of three or more as ranges: "1–4, 7, 9–12". */
export function hostRuns(hosts: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < hosts.length;) {
    let j = i;
    while (j + 1 < hosts.length && hosts[j + 1] === hosts[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${hosts[i]}–${hosts[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(hosts[k]));
    i = j + 1;
  }
  return parts.join(", ");
}

/** Field kinds whose cells hold numbers. */
const NUMBER_KINDS: ReadonlySet<string> = new Set(["int", "decimal", "ratio"]);

export function buildInventorySheet(
  scenario: Scenario,
  analysis: Analysis,
  formats: Formats,
  nameOf: ReadonlyMap<string, string> = new Map()
): SheetPlan {
  const g = newGrid();
  const header = INVENTORY_LAYOUT.headerRow - 1;
  // Fields without a default (measured use, disk in use) get a column only when a row has them,
  // so a 10,000-server estate without them stays within one Office.js request. To enter them in
  // Excel, add the column with its label or key as the header: the reader reads by header.
  const fields = INVENTORY_FIELDS.filter(
    (f) =>
      !OPTIONAL_COLUMNS.has(f.key) ||
      scenario.inventory.some(
        (row) => (row as unknown as Record<string, unknown>)[f.key] !== undefined
      )
  );
  const keys = fields.map((f) => f.key);
  const col = (key: (typeof keys)[number]): number => keys.indexOf(key);
  const anyMeasured = keys.includes("measuredCpuUtilization");
  const rec = analysis.options.find((o) => o.id === analysis.recommended) ?? analysis.options[0];
  const idle = new Map((rec?.capacity.idle ?? []).map((i) => [i.row, i]));
  const extra = [
    anyMeasured ? "CPU demand as sized (GHz)" : "CPU demand at peak (GHz)",
    ...(anyMeasured ? ["Sized on"] : []),
    ...(idle.size > 0 ? ["Idle"] : []),
    "Placement (recommended option)",
  ];
  const basis = nameOf.get("demand.basis") ?? "hv_DemandBasis";
  const comfort = nameOf.get("demand.comfortFactor") ?? "hv_DemandComfortFactor";
  putRow(g, header, 0, [...fields.map((f) => text(f.label)), ...extra.map((h) => text(h))]);
  // Headers of number columns on the right, as their figures: by the field's kind, as an optional
  // column may be blank in the first rows. The CPU demand follows the fields.
  alignRight(g, header, [
    ...fields.flatMap((f, c) => (NUMBER_KINDS.has(f.kind) ? [c] : [])),
    keys.length,
  ]);
  const placement = placementOf(analysis);
  scenario.inventory.forEach((row, i) => {
    const r = INVENTORY_LAYOUT.firstRow - 1 + i;
    putRow(
      g,
      r,
      0,
      fields.map((f) => rowCell(f.key, row[f.key], formats))
    );
    // As the engine sizes it: measured percentile × comfort (at most all cores) where the row
    // has one and demand.basis is measured, else the peak input.
    const demand = cpuDemandGhz(row, scenario);
    const cores = cellAddress(r, col("cores"));
    const ghz = cellAddress(r, col("cpuGhz"));
    const peak = cellAddress(r, col("peakCpuUtilization"));
    let c = keys.length;
    if (anyMeasured) {
      const measured = cellAddress(r, col("measuredCpuUtilization"));
      const f = `=${cores}*${ghz}*IF(AND(${basis}="measured",ISNUMBER(${measured})),MIN(1,${measured}*${comfort}),${peak})`;
      put(g, r, c++, formula(f, demand.toNumber(), formats.decimal));
      const sizing = sizingOf(row, scenario);
      const sized =
        sizing.basis === "measured"
          ? `${sizing.percentile ?? "measured"} × ${scenario.demand.comfortFactor.toString()}`
          : "peak";
      put(g, r, c++, text(sized));
    } else {
      put(g, r, c++, formula(`=${cores}*${ghz}*${peak}`, demand.toNumber(), formats.decimal));
    }
    if (idle.size > 0) {
      const why = idle.get(i);
      put(g, r, c++, text(why ? `${why.retired ? "retired: " : ""}${why.reason}` : ""));
    }
    put(g, r, c, text(placement.get(i) ?? ""));
  });
  const lastRow = INVENTORY_LAYOUT.firstRow - 2 + scenario.inventory.length;
  const range = rangeAddress({
    top: header,
    left: 0,
    bottom: lastRow,
    right: keys.length + extra.length - 1,
  });
  return {
    name: SHEETS.inventory,
    purpose: "Server inventory",
    tabColor: "#CA5010",
    columnWidths: [24, ...fields.slice(1).map(() => 10), ...extra.slice(0, -1).map(() => 16), 48],
    blocks: toBlocks(g),
    styles: stylesOf(g),
    tables: [{ name: INVENTORY_LAYOUT.tableName, range, style: "TableStyleMedium2" }],
    charts: [],
    freeze: { rows: INVENTORY_LAYOUT.headerRow, columns: 1 },
  };
}
