/**
 * Percentages at the control: the scenario keeps fractions (0.75), the pane shows and takes
 * percentages ("75" beside a "%"). Converted exactly (decimal shift, no float), validated by
 * the parser against the field's own limits, and the parser's messages said again in percent.
 */
import { Dec } from "../money";
import { expectedText } from "../scenario/parse";
import type { FieldSpec, Issue } from "../scenario";
import { PANE_MESSAGES } from "./messages";

/** A plain decimal number as typed (what the parser reads exactly). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/** True for a field typed in percent: the ratios and the fractions above 1 (headroom). */
export function isPercent(field: FieldSpec): boolean {
  return field.kind === "ratio" || field.unit.startsWith("fraction");
}

/** A draft's fraction as the percentage a box shows ("0.075" → "7.5"); anything else as it is. */
export function percentText(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
  if (typeof value === "number" ? !Number.isFinite(value) : !NUMBER.test(text.trim()))
    return typeof value === "string" ? value : JSON.stringify(value);
  return new Dec(text.trim()).times(100).toFixed();
}

/**
 * The draft value of a typed percentage: "7.5", "7.5 %" or "−10 %" become the exact fraction
 * text ("0.075", "-0.1"); a blank stays blank and anything else stays as typed, so the parser
 * reports it (in percent, through `percentIssueText`).
 */
export function fractionOf(text: string): string {
  const t = text
    .trim()
    .replace(/\s*%$/, "")
    .replace(/^\u2212/, "-");
  if (!NUMBER.test(t)) return text;
  return new Dec(t).div(100).toFixed();
}

/** A fraction as people read it: "7.5 %" (whole numbers without decimals). */
export function percentLabel(value: unknown): string {
  const text = percentText(value);
  return NUMBER.test(text) ? `${text} %` : text;
}

/** Help written for fractions, said in percent: "e.g. 0.07 for 7 %" → "e.g. 7 %", "0–1" dropped. */
export function percentHelp(text: string): string {
  return text
    .replace(/\s*\(-?[\d.]+ = -?[\d.]+ %\)/g, "")
    .replace(/-?\d*\.?\d+ (?:for|=) (-?\d+(?:\.\d+)? %)/g, "$1")
    .replace(/[\u2212-]1 to 1\b/g, "\u2212100 to 100 %")
    .replace(/,? 0[\u2013-]1(?=[;,.)])/g, "");
}

/** A field's prompt without its fraction examples ("the discount rate per year (0.07 for 7 %)" → "the discount rate per year"). */
export function percentPrompt(field: FieldSpec): string {
  return (field.prompt ?? field.label)
    .replace(/\s*\([^)]*\d[^)]*\)/g, "")
    .replace(/, or leave it blank$/, "");
}

/** The field's limits in percent ("from 0 to 100", "above 0 and at most 100"). */
function percentRange(field: FieldSpec): string {
  const scaled: FieldSpec = {
    ...field,
    kind: "decimal",
    ...(field.min !== undefined ? { min: field.min * 100 } : {}),
    ...(field.max !== undefined ? { max: field.max * 100 } : {}),
  };
  return expectedText(scaled).replace(/^a number\s*/, "");
}

/** What was received, in percent when it is a number ("1.5" → "150 %"). */
function receivedText(received: string): string {
  const bare = received.replace(/^"(.*)"$/, "$1");
  return NUMBER.test(bare.trim()) ? `${percentText(bare)} %` : received;
}

/**
 * The parser's message about a percent field, said in percent; messages from other rules
 * (cross-checks) pass through.
 */
export function percentIssueText(issue: Issue, field: FieldSpec): string {
  if (issue.expected !== expectedText(field)) return issue.message;
  const prompt = percentPrompt(field);
  const range = percentRange(field);
  if (issue.received === '""') return PANE_MESSAGES.emptyField(prompt, `in %, ${range}`);
  // "7%" from a file: the scenario holds fractions, the box takes the percentage itself.
  const percent = /^"\s*(-?[\d.]+)\s*%\s*"$/.exec(issue.received);
  if (percent) return PANE_MESSAGES.percentRetype(prompt, issue.received, percent[1] ?? "");
  return PANE_MESSAGES.percentInvalid(prompt, range, receivedText(issue.received));
}
