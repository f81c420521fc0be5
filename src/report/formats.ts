/** Number formats and colours of the report, in the scenario's currency. */

const SYMBOLS: Readonly<Record<string, string>> = {
  USD: "$",
  EUR: "€",
  GBP: "£",
  JPY: "¥",
  AUD: "A$",
  CAD: "C$",
  CHF: "CHF ",
};

export interface Formats {
  /** Money with cents: `"$"#,##0.00`. */
  readonly money: string;
  /** Money rounded to units for summaries. */
  readonly moneyWhole: string;
  readonly percent: string;
  readonly ratio: string;
  /** Paybacks in months; 0, a path that saves from the start, reads "immediately". */
  readonly months: string;
  readonly integer: string;
  readonly decimal: string;
}

/** Formats for a currency code (symbol where common, else the code after the number). */
export function formatsFor(currency: string): Formats {
  const symbol = SYMBOLS[currency];
  const wrap = (body: string): string => {
    if (symbol) {
      const s = `"${symbol}"`;
      return `${s}${body};-${s}${body}`;
    }
    return `${body} "${currency}";-${body} "${currency}"`;
  };
  return {
    money: wrap("#,##0.00"),
    moneyWhole: wrap("#,##0"),
    percent: "0.0%",
    ratio: "0.00",
    months: '[=0]"immediately";0.0 "months"',
    integer: "#,##0",
    decimal: "#,##0.00",
  };
}

export const COLORS = {
  title: "#0F6CBD",
  headerFill: "#DCE9F7",
  sectionFill: "#F3F2F1",
  inputFill: "#FFF8E1",
  engineFill: "#EDEBE9",
  muted: "#605E5C",
  good: "#107C10",
  bad: "#A4262C",
  tab: "#0F6CBD",
} as const;

/**
 * Money on a chart axis (and its value labels) in thousands or millions, chosen by the largest
 * magnitude the chart shows: "$1.5M", "$250k", "$900"; zero as "$0". Excel and LibreOffice
 * both scale by the trailing commas of a format code.
 */
export function moneyAxisFormat(currency: string, maxAbs: number): string {
  const symbol = SYMBOLS[currency];
  const s = symbol ? `"${symbol}"` : "";
  const body = maxAbs >= 1_000_000 ? '#,##0.0,,"M"' : maxAbs >= 10_000 ? '#,##0,"k"' : "#,##0";
  return `${s}${body};-${s}${body};${s}0`;
}

/** The currency symbol the formats use, or undefined when they show no symbol. */
export function currencySymbol(currency: string): string | undefined {
  return SYMBOLS[currency];
}
