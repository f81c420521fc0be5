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
    months: '0.0 "months"',
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

/** Series colours for charts: neutral-friendly Fluent palette, physical first in grey. */
export const SERIES_COLORS = [
  "#8A8886",
  "#0F6CBD",
  "#107C10",
  "#CA5010",
  "#8764B8",
  "#038387",
  "#C239B3",
  "#986F0B",
  "#4F6BED",
];
