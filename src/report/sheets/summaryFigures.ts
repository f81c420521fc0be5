/**
 * `TCO Summary`'s key figures: one row per measure, the baseline's cell and each option's,
 * every figure a formula into the sheet that computes it (engine value cached beside it).
 */
import { toCentsNumber } from "../../money";
import type { Analysis, OptionAnalysis } from "../../tco/types";
import { quoteSheet } from "../a1";
import type { Formats } from "../formats";
import { formula } from "../grid";
import { SHEETS } from "../sheetLayout";
import type { PlanCell } from "../workbookPlan";
import type { CashflowSheet } from "./cashflowSheet";
import type { CapacitySheet } from "./capacitySheet";
import type { LicensingSheet } from "./licensingSheet";

/** One measure of the key figures: its label, the baseline's cell and an option's. */
export interface KeyFigureRow {
  readonly label: string;
  readonly physical: PlanCell;
  readonly cell: (o: OptionAnalysis) => PlanCell;
}

/** Where the key figures point: the sheets that compute them. */
export interface KeyFigureSources {
  readonly cashflow: CashflowSheet;
  readonly capacity: CapacitySheet;
  readonly licensing: LicensingSheet;
}

const ref = (sheet: string, address: string): string => `${quoteSheet(sheet)}!${address}`;

/** The key-figure rows, in the order the summary prints them. */
export function keyFigureRows(
  analysis: Analysis,
  formats: Formats,
  { cashflow, capacity, licensing }: KeyFigureSources
): readonly KeyFigureRow[] {
  const s = analysis.scenario;
  const n = s.finance.horizonYears;
  const cf = (addr: string | undefined): string => ref(SHEETS.cashflow, addr ?? "A1");
  return [
    // With candidate hosts: the one bought for each option (the engine's choice, TCO Hosts).
    ...(s.hostOptions !== undefined
      ? [
          {
            label: "Host bought",
            physical: { v: null },
            cell: (o: OptionAnalysis) => ({ v: o.hostName }),
          },
        ]
      : []),
    {
      label: analysis.baselineHosts !== null ? "Hosts" : "Hosts (servers when physical)",
      physical: {
        v: analysis.baselineHosts ?? s.inventory.reduce((a, r) => a + r.count, 0),
        fmt: formats.integer,
      },
      cell: (o) =>
        formula(
          `=${ref(SHEETS.capacity, capacity.hostsCell.get(o.id) ?? "A1")}`,
          o.capacity.hosts,
          formats.integer
        ),
    },
    {
      label: "Clusters",
      physical: { v: null },
      cell: (o) =>
        formula(
          `=${ref(SHEETS.capacity, capacity.clustersCell.get(o.id) ?? "A1")}`,
          o.capacity.clusters.length,
          formats.integer
        ),
    },
    {
      label: `Licensing over ${n} years`,
      physical: formula(
        `=${cf(cashflow.physical.categoryTotals["licensing"])}`,
        toCentsNumber(analysis.physical.byCategory.licensing),
        formats.moneyWhole
      ),
      // With growth the licensing sheet shows year 0's licences; the cash flows hold the total.
      cell: (o) =>
        o.series.length > 0
          ? formula(
              `=${cf(cashflow.options.get(o.id)?.categoryTotals["licensing"])}`,
              toCentsNumber(o.costs.byCategory.licensing),
              formats.moneyWhole
            )
          : formula(
              `=${ref(SHEETS.licensing, licensing.totalCell.get(o.id) ?? "A1")}`,
              toCentsNumber(o.licensing.total),
              formats.moneyWhole
            ),
    },
    {
      label: `Total cost of ownership, ${n} years`,
      physical: formula(
        `=${cf(cashflow.physical.totalCell)}`,
        toCentsNumber(analysis.physical.total),
        formats.moneyWhole
      ),
      cell: (o) =>
        formula(
          `=${cf(cashflow.options.get(o.id)?.totalCell)}`,
          toCentsNumber(o.costs.total),
          formats.moneyWhole
        ),
    },
    {
      label: `Savings against ${analysis.baselinePhrase}`,
      physical: { v: null },
      cell: (o) =>
        formula(
          `=${cf(cashflow.physical.totalCell)}-${cf(cashflow.options.get(o.id)?.totalCell)}`,
          toCentsNumber(analysis.physical.total) - toCentsNumber(o.costs.total),
          formats.moneyWhole
        ),
    },
    {
      label: "NPV of the savings",
      physical: { v: null },
      cell: (o) =>
        formula(
          `=${cf(cashflow.options.get(o.id)?.npvCell)}`,
          o.businessCase.npv.toNumber(),
          formats.moneyWhole
        ),
    },
    {
      label: "IRR",
      physical: { v: null },
      cell: (o) =>
        formula(
          `=${cf(cashflow.options.get(o.id)?.irrCell)}`,
          o.businessCase.irr ? o.businessCase.irr.toNumber() : "no IRR",
          "0.0%"
        ),
    },
    {
      label: "Payback",
      physical: { v: null },
      cell: (o) =>
        formula(
          `=${cf(cashflow.options.get(o.id)?.paybackCell)}`,
          o.businessCase.payback.reached
            ? o.businessCase.payback.months.toNumber()
            : "not within the horizon",
          formats.months
        ),
    },
    {
      label: "Discounted payback",
      physical: { v: null },
      cell: (o) =>
        formula(
          `=${cf(cashflow.options.get(o.id)?.discountedPaybackCell)}`,
          o.businessCase.discountedPayback.reached
            ? o.businessCase.discountedPayback.months.toNumber()
            : "not within the horizon",
          formats.months
        ),
    },
    {
      label: "ROI over the horizon",
      physical: { v: null },
      cell: (o) =>
        formula(
          `=${cf(cashflow.options.get(o.id)?.roiCell)}`,
          o.businessCase.roiPercent ? o.businessCase.roiPercent.div(100).toNumber() : "n/a",
          "0.0%"
        ),
    },
    {
      label: "Cost per VM per year",
      physical: { v: null },
      cell: (o) =>
        formula(
          `=${cf(cashflow.options.get(o.id)?.costPerVmCell)}`,
          o.businessCase.costPerVmPerYear ? o.businessCase.costPerVmPerYear.toNumber() : "n/a",
          formats.money
        ),
    },
  ];
}
