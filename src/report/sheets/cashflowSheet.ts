/**
 * `TCO Cashflow`: every cost line of staying physical and of each eligible option, year by
 * year, as formulas over the named inputs and the engine's quantities (column C), with
 * category subtotals, totals, savings, NPV, IRR and payback — all live.
 */
import { Dec, toCentsNumber } from "../../money";
import {
  irrFormula,
  netPresentValueFormula,
  paybackFormula,
  paybackRowFormulas,
  roiFormula,
  slnFormula,
  discountedFlowFormula,
} from "../../finance";
import { CATEGORY_LABELS, COST_CATEGORIES, scheduledIn, type CostLine } from "../../tco/costLines";
import type { CostSchedule } from "../../tco/cashflow";
import type { Analysis, OptionAnalysis } from "../../tco/types";
import { cellAddress, columnLetters, rangeAddress } from "../a1";
import { COLORS, type Formats } from "../formats";
import {
  formula,
  type Grid,
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
import { withHostRefs } from "./hostsSheet";
import { SHEETS } from "../sheetLayout";
import type { SheetPlan } from "../workbookPlan";
import type { TimelineProfile } from "../../tco/migrationTimeline";
import { FIRST_YEAR_COL, HEADER_ROW } from "./cashflowLayout";
import { writeTimelineRows } from "./cashflowTimeline";
import { capacityRef, type SeriesCells } from "./capacityYears";
import { RETIRED_PREFIX } from "../../tco/physical";

/** Where the summary finds an option's figures (addresses on `TCO Cashflow`). */
export interface CashflowRefs {
  /** Total cost per year (year 0…N), one row. */
  readonly totalRow: string;
  readonly totalCell: string;
  /** Total per category over the horizon, by category. */
  readonly categoryTotals: Readonly<Record<string, string>>;
  /** Option blocks only: */
  readonly savingsRow?: string;
  readonly cumulativeRow?: string;
  readonly npvCell?: string;
  readonly irrCell?: string;
  readonly paybackCell?: string;
  readonly discountedPaybackCell?: string;
  readonly roiCell?: string;
  readonly costPerVmCell?: string;
}

export interface CashflowSheet {
  readonly sheet: SheetPlan;
  readonly physical: CashflowRefs;
  readonly options: ReadonlyMap<string, CashflowRefs>;
  /** The year header row (numbers 0…N) from column `firstYearCol`. */
  readonly yearHeaderRow: string;
}

const num2 = (d: Dec): number => toCentsNumber(d);

/**
 * The formula of one year cell of a line. A `byYear` line (demand growing) multiplies that
 * year's quantity, read from its series on `TCO Capacity` (`qtyCell` is then that cell). A
 * line that runs part of some years (leaving VMware) multiplies by the year's months of its
 * timeline profile ÷ 12: `monthsCell` is that year's cell of the profile's row.
 */
export function lineYearFormula(
  line: CostLine,
  qtyCell: string,
  yearHeaderCell: string,
  nameOf: ReadonlyMap<string, string>,
  monthsCell?: string
): string {
  const factors = line.factors.map((f) => {
    const name = nameOf.get(f.path);
    if (!name) throw new Error(`No defined name for input ${f.path}`);
    return f.exponent === 1 ? `*${name}` : `/${name}`;
  });
  const constant = line.constant.equals(1) ? "" : `*${line.constant.toString()}`;
  const months = line.months && monthsCell ? `*${monthsCell}/12` : "";
  const product = `ROUND(${qtyCell}${constant}${factors.join("")}${months},2)`;
  if (line.schedule.kind === "refresh") {
    const cycle = nameOf.get(line.schedule.cycleInput);
    return `=IF(AND(MOD(${yearHeaderCell},${cycle})=0,${yearHeaderCell}<hv_HorizonYears),${product},0)`;
  }
  return `=${product}`;
}

interface BlockResult {
  readonly refs: CashflowRefs;
  readonly nextRow: number;
}

function writeCostBlock(
  g: Grid,
  startRow: number,
  title: string,
  schedule: CostSchedule,
  analysis: Analysis,
  formats: Formats,
  nameOf: ReadonlyMap<string, string>,
  profileRows: ReadonlyMap<TimelineProfile, number>,
  series?: ReadonlyMap<string, SeriesCells>
): BlockResult & {
  readonly firstLine: number;
  readonly lastLine: number;
  readonly totalRowIndex: number;
  readonly categoryRow: Readonly<Record<string, number>>;
  /** Sheet row (0-based) of each line, by line id. */
  readonly lineRows: ReadonlyMap<string, number>;
} {
  const n = analysis.scenario.finance.horizonYears;
  const lastYearCol = FIRST_YEAR_COL + n;
  const totalCol = lastYearCol + 1;
  let row = startRow;
  put(g, row, 0, text(title));
  style(g, row, 0, row, totalCol, { bold: true, fill: COLORS.sectionFill, fontSize: 12 });
  row++;
  const firstLine = row;
  const lineRows = new Map<string, number>();
  for (const line of schedule.lines) {
    lineRows.set(line.id, row);
    const qty = cellAddress(row, 2, false).replace(/^([A-Z]+)/, "$$$1");
    const yearly = line.schedule.kind === "byYear" ? series?.get(line.schedule.series) : undefined;
    if (line.schedule.kind === "byYear" && !yearly)
      throw new Error(`No cells for series ${line.schedule.series} (a programmer error).`);
    putRow(g, row, 0, [
      text(CATEGORY_LABELS[line.category]),
      text(line.label),
      num(line.quantity.toNumber(), "#,##0.####"),
      text(line.quantityLabel),
    ]);
    for (let t = 0; t <= n; t++) {
      const col = FIRST_YEAR_COL + t;
      const yearCell = `${columnLetters(col)}$${HEADER_ROW + 1}`;
      const scheduled =
        scheduledIn(line.schedule, t, n, analysis.scenario) ||
        (line.schedule.kind === "refresh" && t > 0);
      const profileRow = line.months ? profileRows.get(line.months.profile) : undefined;
      const monthsCell =
        profileRow === undefined ? undefined : `${columnLetters(col)}$${profileRow + 1}`;
      if (yearly) {
        put(
          g,
          row,
          col,
          formula(
            lineYearFormula(line, capacityRef(yearly.cell(t)), yearCell, nameOf),
            num2(line.amounts[t] as Dec),
            formats.money
          )
        );
      } else if (scheduled || (line.schedule.kind === "annual" && t > 0)) {
        put(
          g,
          row,
          col,
          formula(
            lineYearFormula(line, qty, yearCell, nameOf, monthsCell),
            num2(line.amounts[t] as Dec),
            formats.moneyWhole
          )
        );
      } else {
        put(g, row, col, num(0, formats.moneyWhole));
      }
    }
    const total = line.amounts.reduce((s, a) => s.plus(a), new Dec(0));
    put(
      g,
      row,
      totalCol,
      formula(
        `=SUM(${cellAddress(row, FIRST_YEAR_COL)}:${cellAddress(row, lastYearCol)})`,
        num2(total),
        formats.moneyWhole
      )
    );
    row++;
  }
  const lastLine = row - 1;
  style(g, firstLine, 2, lastLine, 2, { fill: COLORS.engineFill });

  const categoryTotals: Record<string, string> = {};
  const categoryRow: Record<string, number> = {};
  const catFirst = row;
  for (const c of COST_CATEGORIES) {
    put(g, row, 1, text(`Total ${CATEGORY_LABELS[c].toLowerCase()}`));
    for (let t = 0; t <= n + 1; t++) {
      const col = FIRST_YEAR_COL + t;
      const value =
        t <= n ? (schedule.years[t]?.byCategory[c] ?? new Dec(0)) : schedule.byCategory[c];
      const colL = columnLetters(col);
      const f =
        lastLine >= firstLine
          ? `=SUMIF($A$${firstLine + 1}:$A$${lastLine + 1},"${CATEGORY_LABELS[c]}",${colL}${firstLine + 1}:${colL}${lastLine + 1})`
          : "=0";
      put(g, row, col, formula(f, num2(value), formats.moneyWhole));
    }
    categoryTotals[c] = cellAddress(row, totalCol);
    categoryRow[c] = row;
    row++;
  }
  style(g, catFirst, 1, row - 1, totalCol, { fontColor: COLORS.muted });
  const totalRowIndex = row;
  put(g, row, 1, text("Total cost"));
  for (let t = 0; t <= n + 1; t++) {
    const col = FIRST_YEAR_COL + t;
    const colL = columnLetters(col);
    const value = t <= n ? (schedule.years[t]?.total ?? new Dec(0)) : schedule.total;
    const f = lastLine >= firstLine ? `=SUM(${colL}${firstLine + 1}:${colL}${lastLine + 1})` : "=0";
    put(g, row, col, formula(f, num2(value), formats.moneyWhole));
  }
  style(g, row, 0, row, totalCol, { bold: true, borderTop: true });
  row++;
  return {
    refs: {
      totalRow: rangeAddress({
        top: totalRowIndex,
        left: FIRST_YEAR_COL,
        bottom: totalRowIndex,
        right: lastYearCol,
      }),
      totalCell: cellAddress(totalRowIndex, totalCol),
      categoryTotals,
    },
    nextRow: row + 1,
    firstLine,
    lastLine,
    totalRowIndex,
    categoryRow,
    lineRows,
  };
}

function writeBusinessCase(
  g: Grid,
  startRow: number,
  option: OptionAnalysis,
  physicalTotalRow: number,
  optionTotalRow: number,
  categoryRow: Readonly<Record<string, number>>,
  analysis: Analysis,
  formats: Formats,
  retiredRows: readonly number[]
): { refs: Omit<CashflowRefs, "totalRow" | "totalCell" | "categoryTotals">; nextRow: number } {
  const n = analysis.scenario.finance.horizonYears;
  const bc = option.businessCase;
  const lastYearCol = FIRST_YEAR_COL + n;
  const totalCol = lastYearCol + 1;
  const yearCells = (r: number): string[] =>
    Array.from({ length: n + 1 }, (_, t) => cellAddress(r, FIRST_YEAR_COL + t));
  let row = startRow;
  const savingsRow = row;
  put(g, row, 1, text(`Savings vs ${analysis.baselinePhrase} (net cash flow)`));
  for (let t = 0; t <= n; t++) {
    const colL = columnLetters(FIRST_YEAR_COL + t);
    put(
      g,
      row,
      FIRST_YEAR_COL + t,
      formula(
        `=${colL}${physicalTotalRow + 1}-${colL}${optionTotalRow + 1}`,
        num2(bc.netFlows[t] as Dec),
        formats.moneyWhole
      )
    );
  }
  put(
    g,
    row,
    totalCol,
    formula(
      `=SUM(${yearCells(row)[0]}:${yearCells(row)[n]})`,
      num2(bc.totalSavings),
      formats.moneyWhole
    )
  );
  style(g, row, 1, row, totalCol, { bold: true });
  row++;
  if (retiredRows.length > 0) {
    // The saving of switching idle servers off: their baseline lines, which the option lacks.
    put(g, row, 1, text("of which: idle servers retired"));
    for (let t = 0; t <= n; t++) {
      const colL = columnLetters(FIRST_YEAR_COL + t);
      put(
        g,
        row,
        FIRST_YEAR_COL + t,
        formula(
          `=${retiredRows.map((r) => `${colL}${r + 1}`).join("+")}`,
          num2(bc.retirementSavings[t] as Dec),
          formats.money
        )
      );
    }
    put(
      g,
      row,
      totalCol,
      formula(
        `=SUM(${cellAddress(row, FIRST_YEAR_COL)}:${cellAddress(row, FIRST_YEAR_COL + n)})`,
        num2(bc.retirementSavings.reduce((a, x) => a.plus(x), new Dec(0))),
        formats.money
      )
    );
    style(g, row, 1, row, totalCol, { italic: true, fontColor: COLORS.muted });
    row++;
  }

  const cumulativeRow = row;
  const candidatesRow = row + 1;
  const discountedRow = row + 2;
  const discCumulativeRow = row + 3;
  const discCandidatesRow = row + 4;
  const simple = paybackRowFormulas(yearCells(savingsRow), yearCells(cumulativeRow));
  const disc = paybackRowFormulas(yearCells(discountedRow), yearCells(discCumulativeRow));
  const rate = analysis.scenario.finance.discountRate;
  let discRunning = new Dec(0);
  put(g, cumulativeRow, 1, text("Cumulative savings"));
  put(g, candidatesRow, 1, text("Payback month (if reached in this year)"));
  put(g, discountedRow, 1, text("Discounted savings"));
  put(g, discCumulativeRow, 1, text("Cumulative discounted savings"));
  put(g, discCandidatesRow, 1, text("Discounted payback month (if reached in this year)"));
  const candidateValue = (
    cum: readonly Dec[],
    flows: readonly Dec[],
    t: number
  ): number | string => {
    const c = cum[t] as Dec;
    if (t === 0) return c.toDecimalPlaces(2).gte(0) ? 0 : "";
    const prev = cum[t - 1] as Dec;
    if (prev.toDecimalPlaces(2).lt(0) && c.toDecimalPlaces(2).gte(0)) {
      const share = prev.neg().div(flows[t] as Dec);
      return new Dec(12).times(new Dec(t - 1).plus(share.gt(1) ? 1 : share)).toNumber();
    }
    return "";
  };
  const discFlows: Dec[] = [];
  const discCum: Dec[] = [];
  for (let t = 0; t <= n; t++) {
    const flow = bc.netFlows[t] as Dec;
    const d = flow.div(new Dec(1).plus(rate).pow(t));
    discFlows.push(d);
    discRunning = discRunning.plus(d);
    discCum.push(discRunning);
  }
  for (let t = 0; t <= n; t++) {
    const col = FIRST_YEAR_COL + t;
    const savingsCell = cellAddress(savingsRow, col);
    put(
      g,
      cumulativeRow,
      col,
      formula(
        simple.cumulative[t] as string,
        num2(bc.cumulativeFlows[t] as Dec),
        formats.moneyWhole
      )
    );
    put(
      g,
      candidatesRow,
      col,
      formula(
        simple.candidates[t] as string,
        candidateValue(bc.cumulativeFlows, bc.netFlows, t),
        "0.0"
      )
    );
    put(
      g,
      discountedRow,
      col,
      formula(
        discountedFlowFormula(savingsCell, "hv_DiscountRate", t),
        (discFlows[t] as Dec).toNumber(),
        formats.moneyWhole
      )
    );
    put(
      g,
      discCumulativeRow,
      col,
      formula(disc.cumulative[t] as string, (discCum[t] as Dec).toNumber(), formats.moneyWhole)
    );
    put(
      g,
      discCandidatesRow,
      col,
      formula(disc.candidates[t] as string, candidateValue(discCum, discFlows, t), "0.0")
    );
  }
  style(g, candidatesRow, 1, candidatesRow, lastYearCol, { fontColor: COLORS.muted, italic: true });
  style(g, discCandidatesRow, 1, discCandidatesRow, lastYearCol, {
    fontColor: COLORS.muted,
    italic: true,
  });
  row = discCandidatesRow + 1;

  const metric = (label: string, f: string, v: number | string | null, fmt: string): string => {
    put(g, row, 1, text(label));
    put(g, row, 2, formula(f, v, fmt));
    const addr = cellAddress(row, 2);
    row++;
    return addr;
  };
  const flows = `${yearCells(savingsRow)[0]}`;
  const later = `${yearCells(savingsRow)[1]}:${yearCells(savingsRow)[n]}`;
  const metricsTop = row;
  const npvCell = metric(
    "NPV of savings",
    netPresentValueFormula("hv_DiscountRate", flows, later),
    bc.npv.toNumber(),
    formats.money
  );
  const irrCell = metric(
    "IRR",
    irrFormula(
      `${yearCells(savingsRow)[0]}:${yearCells(savingsRow)[n]}`,
      // The engine's rate as Newton's starting point: Excel then lands on the same root.
      bc.irr ? bc.irr.toSignificantDigits(12).toFixed() : undefined
    ),
    bc.irr ? bc.irr.toNumber() : "no IRR",
    "0.0%"
  );
  const paybackCell = metric(
    "Payback (months)",
    paybackFormula(`${yearCells(candidatesRow)[0]}:${yearCells(candidatesRow)[n]}`),
    bc.payback.reached ? bc.payback.months.toNumber() : "not within the horizon",
    formats.months
  );
  const discountedPaybackCell = metric(
    "Discounted payback (months)",
    paybackFormula(`${yearCells(discCandidatesRow)[0]}:${yearCells(discCandidatesRow)[n]}`),
    bc.discountedPayback.reached
      ? bc.discountedPayback.months.toNumber()
      : "not within the horizon",
    formats.months
  );
  const roiCell = metric(
    "ROI over the horizon",
    roiFormula(cellAddress(physicalTotalRow, totalCol), cellAddress(optionTotalRow, totalCol)),
    bc.roiPercent ? bc.roiPercent.div(100).toNumber() : "n/a",
    "0.0%"
  );
  const vms = option.capacity.hostPlans.reduce((s, h) => s + h.vms, 0);
  const costPerVmCell = metric(
    "Cost per VM per year",
    vms > 0 ? `=${cellAddress(optionTotalRow, totalCol)}/(${vms}*hv_HorizonYears)` : `="n/a"`,
    bc.costPerVmPerYear ? bc.costPerVmPerYear.toNumber() : "n/a",
    formats.money
  );
  const year0 = (c: string): string => cellAddress(categoryRow[c] as number, FIRST_YEAR_COL);
  metric(
    "Depreciation of the new hardware per year (straight line)",
    slnFormula(`${year0("hardware")}+${year0("infrastructure")}`, "0", "hv_DepreciationYears"),
    bc.annualDepreciation.toNumber(),
    formats.money
  );
  style(g, metricsTop, 1, row - 1, 2, { bold: true });
  return {
    refs: {
      savingsRow: rangeAddress({
        top: savingsRow,
        left: FIRST_YEAR_COL,
        bottom: savingsRow,
        right: lastYearCol,
      }),
      cumulativeRow: rangeAddress({
        top: cumulativeRow,
        left: FIRST_YEAR_COL,
        bottom: cumulativeRow,
        right: lastYearCol,
      }),
      npvCell,
      irrCell,
      paybackCell,
      discountedPaybackCell,
      roiCell,
      costPerVmCell,
    },
    nextRow: row + 1,
  };
}

/** Build `TCO Cashflow` from the analysis. */
export function buildCashflowSheet(
  analysis: Analysis,
  formats: Formats,
  nameOf: ReadonlyMap<string, string>,
  seriesCells: ReadonlyMap<string, ReadonlyMap<string, SeriesCells>> = new Map(),
  hostRefs: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map()
): CashflowSheet {
  const g = newGrid();
  const n = analysis.scenario.finance.horizonYears;
  const totalCol = FIRST_YEAR_COL + n + 1;
  sheetTitle(
    g,
    `Cash flows — ${analysis.baselinePhrase} against each option`,
    "Costs are positive. Column C holds quantities from the capacity and licensing engines (grey: regenerate to update); every amount is a formula over TCO Inputs."
  );
  putRow(g, HEADER_ROW, 0, [text("Category"), text("Line"), text("Quantity"), text("Unit")]);
  for (let t = 0; t <= n; t++) put(g, HEADER_ROW, FIRST_YEAR_COL + t, num(t, '"Year "0'));
  put(g, HEADER_ROW, totalCol, text("Total"));
  style(g, HEADER_ROW, 0, HEADER_ROW, totalCol, {
    bold: true,
    fill: COLORS.headerFill,
    borderBottom: true,
    horizontalAlignment: "center",
  });

  const timeline = analysis.timeline
    ? writeTimelineRows(g, HEADER_ROW + 2, analysis, analysis.timeline)
    : null;
  const profileRows = timeline?.profileRows ?? new Map<TimelineProfile, number>();
  const physical = writeCostBlock(
    g,
    timeline?.nextRow ?? HEADER_ROW + 2,
    analysis.baselineLabel,
    analysis.physical,
    analysis,
    formats,
    nameOf,
    profileRows
  );
  let row = physical.nextRow;
  const retiredRows = [...physical.lineRows.entries()]
    .filter(([id]) => id.startsWith(`${RETIRED_PREFIX}.`))
    .map(([, r]) => r);
  const options = new Map<string, CashflowRefs>();
  for (const option of analysis.options.filter((o) => o.eligible)) {
    const title = `${option.label} — ${option.capacity.hosts} host${option.capacity.hosts === 1 ? "" : "s"} in ${option.capacity.clusters.length} cluster${option.capacity.clusters.length === 1 ? "" : "s"}`;
    const block = writeCostBlock(
      g,
      row,
      title,
      option.costs,
      analysis,
      formats,
      withHostRefs(nameOf, hostRefs.get(option.id)),
      profileRows,
      seriesCells.get(option.id)
    );
    const bc = writeBusinessCase(
      g,
      block.nextRow - 1,
      option,
      physical.totalRowIndex,
      block.totalRowIndex,
      block.categoryRow,
      analysis,
      formats,
      retiredRows
    );
    options.set(option.id, { ...block.refs, ...bc.refs });
    row = bc.nextRow;
  }
  if (timeline && analysis.timeline) timeline.fill(row, analysis.timeline);
  // Long line labels wrap within their column rather than widen it (the sheet prints one page wide).
  style(g, HEADER_ROW + 1, 1, g.cells.size > 0 ? Math.max(...g.cells.keys()) : HEADER_ROW + 1, 1, {
    wrapText: true,
  });
  return {
    sheet: {
      name: SHEETS.cashflow,
      purpose: "Year-by-year costs, savings, NPV, IRR, payback",
      tabColor: "#0F6CBD",
      columnWidths: [20, 46, 12, 14, ...Array.from({ length: n + 1 }, () => 14), 16],
      blocks: toBlocks(g),
      styles: stylesOf(g),
      tables: [],
      charts: [],
      freeze: { rows: HEADER_ROW + 1, columns: 2 },
    },
    physical: physical.refs,
    options,
    yearHeaderRow: rangeAddress({
      top: HEADER_ROW,
      left: FIRST_YEAR_COL,
      bottom: HEADER_ROW,
      right: FIRST_YEAR_COL + n,
    }),
  };
}
