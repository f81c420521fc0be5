/**
 * `TCO Licensing`: per option, the licences each host needs (cluster-aware: for the most
 * Windows VMs it may run after a failover), unit prices as formulas over the named prices,
 * the totals, and what ignoring the 90-day rule would have cost; then the break-even table
 * of licence cost against Windows VMs per host (the break-even chart's data).
 */
import { toCentsNumber } from "../../money";
import type { Analysis } from "../../tco/types";
import { cellAddress, rangeAddress } from "../a1";
import { shortOptionLabel } from "../labels";
import { COLORS, type Formats } from "../formats";
import {
  alignOverNumbers,
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
import type { SheetPlan } from "../workbookPlan";

export interface LicensingSheet {
  readonly sheet: SheetPlan;
  /** Total licence cost over the horizon per option (cell), by option id. */
  readonly totalCell: ReadonlyMap<string, string>;
  /** Break-even data range (header row + one row per VM count), or null. */
  readonly breakEvenRange: string | null;
}

export function buildLicensingSheet(
  analysis: Analysis,
  formats: Formats,
  nameOf: ReadonlyMap<string, string>
): LicensingSheet {
  const g = newGrid();
  const s = analysis.scenario;
  sheetTitle(
    g,
    "Licensing — what each option's hosts need",
    s.licensing.clusterAware
      ? "Cluster-aware: Windows Server licences stay with the hardware for 90 days, so each host is licensed for the most Windows VMs it may run after a failover."
      : "Not cluster-aware: each host is licensed for its steady-state Windows VMs only (not compliant when VMs fail over)."
  );
  let row = 3;
  const totalCell = new Map<string, string>();
  for (const o of analysis.options) {
    put(g, row, 0, text(o.label));
    style(g, row, 0, row, 6, { bold: true, fontSize: 12, fill: COLORS.sectionFill });
    row++;
    if (!o.eligible) {
      put(g, row, 0, text(`Not eligible: ${o.reasons.join(" ")}`));
      style(g, row, 0, row, 0, { fontColor: COLORS.bad });
      row += 2;
      continue;
    }
    const head = [
      "Licence",
      "How the quantity is counted",
      "Quantity",
      "Unit price",
      "Cost",
      "Paid",
    ];
    headerRow(g, row, 0, head);
    row++;
    const first = row;
    for (const l of o.licensing.lines) {
      const name = nameOf.get(l.priceInput);
      const rate = l.rateInput ? nameOf.get(l.rateInput) : undefined;
      const factor = l.priceFactor.equals(1) ? "" : `*${l.priceFactor.toString()}`;
      const unit = `=${name}${factor}${rate ? `*${rate}` : ""}`;
      putRow(g, row, 0, [
        text(l.label),
        text(l.basis),
        num(l.quantity, formats.integer),
        formula(unit, l.unitPrice.toNumber(), formats.money),
        formula(
          `=ROUND(${cellAddress(row, 2)}*${cellAddress(row, 3)},2)`,
          toCentsNumber(l.cost),
          formats.money
        ),
        text(l.recurrence === "once" ? "once" : "every year"),
      ]);
      row++;
    }
    const last = row - 1;
    style(g, first, 2, last, 2, { fill: COLORS.engineFill });
    // "once" / "every year" centred, apart from the cost on their left ("$0.00once").
    style(g, first - 1, 5, Math.max(first, last), 5, { horizontalAlignment: "center" });
    const costs = `${cellAddress(first, 4)}:${cellAddress(Math.max(first, last), 4)}`;
    const paid = `${cellAddress(first, 5)}:${cellAddress(Math.max(first, last), 5)}`;
    const hasLines = last >= first;
    putRow(g, row, 0, [
      text("One-time licences"),
      text(""),
      text(""),
      text(""),
      formula(
        hasLines ? `=SUMIF(${paid},"once",${costs})` : "=0",
        toCentsNumber(o.licensing.oneTime),
        formats.money
      ),
    ]);
    const oneTimeCell = cellAddress(row, 4);
    row++;
    putRow(g, row, 0, [
      text("Yearly licences"),
      text(""),
      text(""),
      text(""),
      formula(
        hasLines ? `=SUMIF(${paid},"every year",${costs})` : "=0",
        toCentsNumber(o.licensing.annual),
        formats.money
      ),
    ]);
    const annualCell = cellAddress(row, 4);
    row++;
    putRow(g, row, 0, [
      text(`Licensing over ${s.finance.horizonYears} years`),
      text(""),
      text(""),
      text(""),
      formula(
        `=${oneTimeCell}+${annualCell}*hv_HorizonYears`,
        toCentsNumber(o.licensing.total),
        formats.money
      ),
    ]);
    style(g, row, 0, row, 4, { bold: true, borderTop: true });
    totalCell.set(o.id, cellAddress(row, 4));
    row++;
    putRow(g, row, 0, [
      text("If licensed for steady state only (ignoring the 90-day rule)"),
      text(""),
      text(""),
      text(""),
      num(toCentsNumber(o.licensing.totalIfNotClusterAware), formats.money),
    ]);
    style(g, row, 0, row, 4, { fontColor: COLORS.muted });
    row++;
    for (const note of o.licensing.notes) {
      put(g, row, 0, text(note));
      style(g, row, 0, row, 0, { fontColor: COLORS.muted, italic: true });
      row++;
    }
    row++;
  }

  let breakEvenRange: string | null = null;
  const be = analysis.breakEven;
  if (be.vms.length > 0 && be.series.length > 0) {
    put(g, row, 0, text("Licence cost per host against Windows VMs per host"));
    style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
    row++;
    if (be.switchPoints.length > 0) {
      put(
        g,
        row,
        0,
        text(
          `Cheapest option changes at: ${be.switchPoints.map((p) => `${p.vms} VMs (${p.from} → ${p.to})`).join(", ")}`
        )
      );
      style(g, row, 0, row, 0, { fontColor: COLORS.muted });
      row++;
    }
    const header = row;
    // Short names: they are the chart's legend, and the sheet's title names the platform.
    putRow(g, row, 0, [
      text("Windows VMs per host"),
      ...be.series.map((x) => text(shortOptionLabel(x.label))),
    ]);
    style(g, row, 0, row, be.series.length, {
      bold: true,
      fill: COLORS.headerFill,
      borderBottom: true,
      wrapText: true,
    });
    alignOverNumbers(g, row, 0, be.series.length + 1);
    row++;
    be.vms.forEach((n, i) => {
      putRow(g, row, 0, [
        num(n),
        ...be.series.map((x) => {
          const c = x.costs[i];
          return c ? num(toCentsNumber(c), formats.moneyWhole) : { v: null };
        }),
      ]);
      row++;
    });
    breakEvenRange = rangeAddress({
      top: header,
      left: 0,
      bottom: row - 1,
      right: be.series.length,
    });
  }
  return {
    sheet: {
      name: SHEETS.licensing,
      purpose: "Licences per option, cluster-aware",
      tabColor: "#8764B8",
      columnWidths: [44, 60, 12, 14, 16, 12, 14],
      blocks: toBlocks(g),
      styles: stylesOf(g),
      tables: [],
      charts: [],
    },
    totalCell,
    breakEvenRange,
  };
}
