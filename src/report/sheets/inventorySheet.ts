/**
 * `TCO Inventory`: the server inventory as the Excel table `hvInventory` (the columns of
 * INVENTORY_FIELDS, which the reader reads back), plus computed columns: the VM's CPU
 * demand (a formula) and where the recommended option puts it.
 */
import { Dec } from "../../money";
import { INVENTORY_FIELDS, type Scenario } from "../../scenario";
import type { Analysis } from "../../tco/types";
import { cellAddress, rangeAddress } from "../a1";
import type { Formats } from "../formats";
import { formula, newGrid, put, putRow, text, toBlocks } from "../grid";
import { INVENTORY_LAYOUT, SHEETS } from "../sheetLayout";
import type { PlanCell, SheetPlan } from "../workbookPlan";

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
  for (const vm of option.capacity.vms) {
    const host = hostOf.get(vm.id);
    if (host === undefined) continue;
    const prev = out.get(vm.row);
    out.set(
      vm.row,
      prev && !prev.includes(`host ${host}`) ? `${prev}, ${host}` : (prev ?? `VM on host ${host}`)
    );
  }
  for (const s of option.capacity.stayPhysical)
    out.set(s.row, `Stays physical: ${s.reasons.join("; ")}`);
  return out;
}

export function buildInventorySheet(
  scenario: Scenario,
  analysis: Analysis,
  formats: Formats
): SheetPlan {
  const g = newGrid();
  const header = INVENTORY_LAYOUT.headerRow - 1;
  const keys = INVENTORY_FIELDS.map((f) => f.key);
  const col = (key: (typeof keys)[number]): number => keys.indexOf(key);
  const extra = ["CPU demand at peak (GHz)", "Placement (recommended option)"];
  putRow(g, header, 0, [
    ...INVENTORY_FIELDS.map((f) => text(f.label)),
    ...extra.map((h) => text(h)),
  ]);
  const placement = placementOf(analysis);
  scenario.inventory.forEach((row, i) => {
    const r = INVENTORY_LAYOUT.firstRow - 1 + i;
    putRow(
      g,
      r,
      0,
      INVENTORY_FIELDS.map((f) => rowCell(f.key, row[f.key], formats))
    );
    const demand = new Dec(row.cores).times(row.cpuGhz).times(row.peakCpuUtilization);
    const f = `=${cellAddress(r, col("cores"))}*${cellAddress(r, col("cpuGhz"))}*${cellAddress(r, col("peakCpuUtilization"))}`;
    put(g, r, keys.length, formula(f, demand.toNumber(), formats.decimal));
    put(g, r, keys.length + 1, text(placement.get(i) ?? ""));
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
    columnWidths: [24, 8, 10, 8, 10, 10, 10, 10, 10, 10, 10, 12, 16, 48],
    blocks: toBlocks(g),
    styles: [],
    tables: [{ name: INVENTORY_LAYOUT.tableName, range, style: "TableStyleMedium2" }],
    charts: [],
    freeze: { rows: INVENTORY_LAYOUT.headerRow, columns: 1 },
  };
}
