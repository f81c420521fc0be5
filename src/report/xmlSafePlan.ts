/**
 * `xmlSafePlan(plan)`: the plan with every string — cell values and formulas, sheet, table
 * and chart titles, defined names and comments — passed through the one sanitiser,
 * `xmlSafeText`. Every writer calls it on entry (the .xlsx and Office.js writers on the plan,
 * the slides writer on its deck through `xmlSafeData`), so a character XML 1.0 cannot hold
 * never reaches a part or an Office.js request, whatever built the plan.
 */
import { xmlSafeText } from "../scenario/text";
import type { WorkbookPlan } from "./workbookPlan";

/** A copy of `value` with every string made XML-safe; the same object (no copy) where nothing changed. */
function clean<T>(value: T): T {
  if (typeof value === "string") return xmlSafeText(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = clean(item);
      if (next !== item) (out ??= value.slice())[i] = next;
    }
    return (out ?? value) as T;
  }
  if (
    typeof value === "object" &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    let out: Record<string, unknown> | null = null;
    for (const [k, item] of Object.entries(value)) {
      const next = clean(item);
      if (next !== item) (out ??= { ...(value as Record<string, unknown>) })[k] = next;
    }
    return (out ?? value) as T;
  }
  return value;
}

/** `plan` with every text XML-safe (the same plan object when it already was). */
export function xmlSafePlan(plan: WorkbookPlan): WorkbookPlan {
  return clean(plan);
}

/** Any plain data (the slides' deck) with every string XML-safe; class instances are left as they are. */
export function xmlSafeData<T>(data: T): T {
  return clean(data);
}
