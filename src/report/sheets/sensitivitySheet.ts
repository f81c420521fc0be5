/**
 * `TCO Sensitivity`: the NPV of the recommended option with each key assumption 20 % lower
 * and higher, sorted by swing (the tornado's data), and the break-even value of each —
 * where the project stops paying. Computed by the engine (utilisation changes the capacity
 * plan): values, regenerate to update.
 */
import { toCentsNumber } from "../../money";
import { INPUT_FIELDS } from "../../scenario";
import type { Analysis, SensitivityInput } from "../../tco/types";
import { cellAddress, rangeAddress } from "../a1";
import { COLORS, type Formats } from "../formats";
import { fieldFormat } from "./inputsSheet";
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

export interface SensitivitySheet {
  readonly sheet: SheetPlan;
  /** Tornado data: header + one row per input (label, change at −20 %, change at +20 %). */
  readonly tornadoRange: string | null;
}

/** The field behind each input the sensitivity analysis scales by its JSON path. */
const FIELD_AT = new Map(INPUT_FIELDS.map((f) => [f.path as string, f.field]));

/**
 * How an input's values read in the table: as on TCO Inputs (money, ratios in %), the peak
 * utilisation of every server in %, and licence prices as a share of those entered (100 %).
 */
function valueFormat(input: SensitivityInput, formats: Formats): string {
  if (input === "licensing.prices" || input === "inventory.peakCpuUtilization") return "0.00%";
  const field = FIELD_AT.get(input);
  return field ? fieldFormat(field, formats) : "General";
}

export function buildSensitivitySheet(analysis: Analysis, formats: Formats): SensitivitySheet {
  const g = newGrid();
  const sens = analysis.sensitivity;
  const option = analysis.options.find((o) => o.id === sens?.option);
  sheetTitle(
    g,
    "Sensitivity — which assumptions move the answer",
    option
      ? `NPV of ${option.label} against ${analysis.baselinePhrase}, with one assumption 20 % lower or higher at a time.`
      : "No eligible option to analyse."
  );
  if (!sens || sens.rows.length === 0) {
    return {
      sheet: {
        name: SHEETS.sensitivity,
        purpose: "Sensitivity of the NPV",
        columnWidths: [40],
        blocks: toBlocks(g),
        styles: stylesOf(g),
        tables: [],
        charts: [],
      },
      tornadoRange: null,
    };
  }
  putRow(g, 3, 0, [text("Base NPV"), num(toCentsNumber(sens.baseNpv), formats.money)]);
  const baseCell = cellAddress(3, 1, true);
  style(g, 3, 0, 3, 1, { bold: true });
  const head = [
    "Assumption",
    "Base value",
    "Value −20 %",
    "Value +20 %",
    "NPV at −20 %",
    "NPV at +20 %",
    "Swing",
    "Break-even value (NPV = 0)",
  ];
  headerRow(g, 5, 0, head, { wrapText: true });
  let row = 6;
  for (const r of sens.rows) {
    const fmt = valueFormat(r.input, formats);
    putRow(g, row, 0, [
      text(r.label),
      num(r.baseValue.toNumber(), fmt),
      num(r.lowValue.toNumber(), fmt),
      num(r.highValue.toNumber(), fmt),
      num(toCentsNumber(r.npvLow), formats.money),
      num(toCentsNumber(r.npvHigh), formats.money),
      formula(
        `=ABS(${cellAddress(row, 5)}-${cellAddress(row, 4)})`,
        Math.abs(toCentsNumber(r.npvHigh) - toCentsNumber(r.npvLow)),
        formats.money
      ),
      r.breakEvenValue ? num(r.breakEvenValue.toNumber(), fmt) : text("not in range"),
    ]);
    row++;
  }
  const lastRow = row - 1;
  // Break-even values and "not in range" alike on the right, as a column of figures.
  style(g, 5, 7, lastRow, 7, { horizontalAlignment: "right" });
  row += 1;
  put(g, row, 0, text("Tornado: change in NPV"));
  style(g, row, 0, row, 0, { bold: true, fontSize: 12 });
  row++;
  const header = row;
  putRow(g, row, 0, [text("Assumption"), text("20 % lower"), text("20 % higher")]);
  style(g, row, 0, row, 2, { bold: true, fill: COLORS.headerFill });
  alignOverNumbers(g, row, 0, 3);
  row++;
  for (let r = 6; r <= lastRow; r++) {
    const src = sens.rows[r - 6];
    if (!src) continue;
    putRow(g, row, 0, [
      formula(`=${cellAddress(r, 0)}`, src.label),
      formula(
        `=${cellAddress(r, 4)}-${baseCell}`,
        toCentsNumber(src.npvLow) - toCentsNumber(sens.baseNpv),
        formats.moneyWhole
      ),
      formula(
        `=${cellAddress(r, 5)}-${baseCell}`,
        toCentsNumber(src.npvHigh) - toCentsNumber(sens.baseNpv),
        formats.moneyWhole
      ),
    ]);
    row++;
  }
  return {
    sheet: {
      name: SHEETS.sensitivity,
      purpose: "Sensitivity of the NPV",
      tabColor: "#038387",
      columnWidths: [40, 14, 14, 14, 16, 16, 16, 20],
      blocks: toBlocks(g),
      styles: stylesOf(g),
      tables: [],
      charts: [],
    },
    tornadoRange: rangeAddress({ top: header, left: 0, bottom: row - 1, right: 2 }),
  };
}
