/**
 * `moneyLimitIssues(analysis)`: whether the workbook can hold this analysis's money exactly.
 *
 * Excel (and LibreOffice) keep 15 significant digits, so a figure stays exact to the cent
 * only while it has at most 13 digits before the point. The parser caps each input; this
 * caps what they multiply up to: for the baseline and every option, the sum of the absolute
 * amounts of all its cost lines over the horizon (an upper bound on every year, category,
 * total, saving, cumulative flow and NPV the report derives from them) must stay within
 * `LIMITS.moneyTotal` (10^12, leaving room for savings = baseline − option and the ±20 %
 * sensitivity). Past it, the problem names the input behind the largest line.
 */
import { Dec, ZERO, type Money } from "../money";
import { groupedNumber, LIMITS, type Issue } from "../scenario";
import type { CostLine } from "./costLines";
import { TCO_MESSAGES } from "./messages";
import type { Analysis } from "./types";

/** Σ over years of |amount|, for one line. */
const lineWeight = (line: CostLine): Money =>
  line.amounts.reduce((s: Dec, a) => s.plus(a.abs()), ZERO);

/** Every problem that keeps this analysis from being written exactly; empty when it fits. */
export function moneyLimitIssues(analysis: Analysis): Issue[] {
  const limit = new Dec(LIMITS.moneyTotal.value);
  const currency = analysis.scenario.currency;
  const schedules = [
    { side: analysis.baselineLabel, lines: analysis.physical.lines },
    ...analysis.options
      .filter((o) => o.eligible)
      .map((o) => ({ side: o.label, lines: o.costs.lines })),
  ];
  const byPath = new Map<string, Issue>();
  for (const { side, lines } of schedules) {
    let total: Money = ZERO;
    let largest: { line: CostLine; weight: Money } | null = null;
    for (const line of lines) {
      const weight = lineWeight(line);
      total = total.plus(weight);
      if (largest === null || weight.gt(largest.weight)) largest = { line, weight };
    }
    if (total.lte(limit) || largest === null) continue;
    const path = largest.line.factors.find((f) => f.exponent === 1)?.path ?? "inventory";
    if (byPath.has(path)) continue;
    byPath.set(path, {
      path,
      expected: `costs that add up to at most ${groupedNumber(LIMITS.moneyTotal.value)} ${currency}`,
      received: `${roundedText(total)} ${currency}`,
      message: TCO_MESSAGES.totalTooLarge(
        side,
        roundedText(total),
        currency,
        groupedNumber(LIMITS.moneyTotal.value),
        largest.line.label,
        path
      ),
    });
  }
  // The break-even table's licence cost per host (written as figures on TCO Licensing).
  for (const series of analysis.breakEven.series) {
    const top = series.costs.reduce<Money>(
      (m, c) => (c !== null && c.abs().gt(m) ? c.abs() : m),
      ZERO
    );
    if (top.lte(limit) || byPath.has("licensing.prices")) continue;
    byPath.set("licensing.prices", {
      path: "licensing.prices",
      expected: `licence costs per host of at most ${groupedNumber(LIMITS.moneyTotal.value)} ${currency}`,
      received: `${roundedText(top)} ${currency}`,
      message: TCO_MESSAGES.breakEvenTooLarge(
        series.label,
        roundedText(top),
        currency,
        groupedNumber(LIMITS.moneyTotal.value)
      ),
    });
  }
  return [...byPath.values()];
}

/** `2.3 × 10^16` for a figure too large to read digit by digit. */
function roundedText(value: Dec): string {
  const exponent = value.abs().e;
  const mantissa = value.div(new Dec(10).pow(exponent)).toDecimalPlaces(1);
  return `${mantissa.toString()} × 10^${exponent}`;
}
