/**
 * One field of a scenario: its value parsed and checked against its FieldSpec, or an issue
 * worded for the user (path, what was expected, what was received, what to do). The fast
 * path accepts valid values without building text; the checked path words every problem.
 */
import { Dec } from "../money";
import { type FieldSpec } from "./fields";
import { MESSAGES } from "./messages";
import { firstNonXmlChar } from "./text";
import { groupedNumber, MAX_MAGNITUDE } from "./limits";
import { type Issue } from "./types";

/** Any JSON value, as parsed. */
export type Json = unknown;
/** A JSON object. */
export type Obj = Record<string, Json>;

/** True for a JSON object (not null, not an array). */
export const isObject = (v: Json): v is Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A short, readable rendering of a received value; never throws, never empty. */
export function describeValue(v: Json): string {
  if (v === undefined) return "nothing";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v); // JSON would say null
  let text: string | undefined;
  try {
    text = JSON.stringify(v);
  } catch {
    text = undefined; // BigInt or a cycle: not JSON anyway
  }
  if (text === undefined) {
    try {
      text = String(v);
    } catch {
      text = Object.prototype.toString.call(v);
    }
  }
  if (text === "") text = Object.prototype.toString.call(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `parent.key`, or `parent["odd key"]` when the key is not a plain identifier; the root has no parent. */
export function joinPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Looks like a number written for people: thousands separators, decimal commas, currency signs. */
const FORMATTED_NUMBER = /^[+-]?[$€£¥]?\s*[\d.,\s'’]*\d[\d.,\s'’]*\s*[$€£¥]?$/;
const PERCENT_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)\s*%$/;

/** What a field accepts, in words ("a whole number from 1 to 30"). */
export function expectedText(f: FieldSpec): string {
  // 1,000,000 rather than 1000000: a long bound is read, not typed (4096 stays as it is).
  const bound = (n: number | undefined): string | undefined =>
    n === undefined ? undefined : Math.abs(n) >= 10_000 ? groupedNumber(n) : String(n);
  const min = bound(f.min);
  const max = bound(f.max);
  const range = (): string => {
    const lo = min === undefined ? "" : f.minExclusive ? `above ${min}` : `${min} or more`;
    if (max !== undefined && min !== undefined && !f.minExclusive) return `from ${min} to ${max}`;
    if (max !== undefined && lo) return `${lo} and at most ${max}`;
    if (max !== undefined) return `at most ${max}`;
    return lo;
  };
  switch (f.kind) {
    case "int":
      return `a whole number ${range()}`.trim();
    case "decimal":
    case "money":
    case "ratio":
      return `a number ${range()}`.trim();
    case "string":
      return f.patternText ?? "a non-empty text";
    case "enum":
      return `one of ${(f.values ?? []).join(", ")}`;
    case "bool":
      return "true or false";
    case "enumList":
      return `a non-empty list of ${(f.values ?? []).join(", ")}`;
  }
}

/** What to enter for a field, completing "Enter …" (falls back to its label). */
export const promptOf = (f: FieldSpec): string => f.prompt ?? f.label;

/** Edit distance between two short strings (for "did you mean"). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The one allowed word a typo most likely meant: same letters ignoring case, or a close spelling. */
export function closestMatch(word: string, allowed: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const sameCase = allowed.find((a) => a.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  if (word.length > 100) return undefined;
  const limit = Math.max(1, Math.floor(word.length / 4));
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const a of allowed) {
    const d = editDistance(lower, a.toLowerCase());
    if (d < bestDistance) {
      best = a;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return bestDistance <= limit && !tie ? best : undefined;
}

/** {@link parseFast} could not decide: the value may be invalid, so the checked path decides. */
export const UNDECIDED: unique symbol = Symbol("undecided");
const INTEGER_TEXT = /^[+-]?\d+$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Decimals of one parse, by their text: inventories repeat the same values ("2.93", "16") on
 * thousands of rows, and a Decimal is immutable, so rows can share one.
 */
export type DecimalCache = Map<string, Dec>;

function decimalOf(text: string, cache: DecimalCache | undefined): Dec {
  let d = cache?.get(text);
  if (d === undefined) {
    d = new Dec(text);
    cache?.set(text, d);
  }
  return d;
}

/** The double `x` read from `raw` is the value itself: a JSON number, or a text that is the double's own shortest spelling. */
const isExact = (raw: Json, x: number, text: string): boolean =>
  typeof raw === "number" || String(x) === text;

/**
 * The fast path of {@link parseField}: the typed value of a valid field, read from the field's
 * own spec (kind, bounds, pattern, values) so that every field of the tables gets it, or
 * UNDECIDED — for every invalid value and the rare valid ones it cannot judge cheaply — and the
 * checked path then decides and words the issue. It builds no text and no closure.
 *
 * Numbers are judged as doubles where that is exact: a decimal rounds to a double
 * monotonically, so a double strictly inside the bounds proves the decimal is, and a double on
 * a bound is the decimal itself only when the text is that double's own shortest spelling.
 */
export function parseFast(f: FieldSpec, raw: Json, decimals: DecimalCache | undefined): unknown {
  switch (f.kind) {
    case "int":
    case "decimal":
    case "money":
    case "ratio": {
      let x: number;
      let text: string;
      if (typeof raw === "number") {
        x = raw;
        // A whole number is the same whether read as a double or as a Decimal: no text needed.
        if (f.kind === "int") text = "";
        else text = String(raw);
      } else if (typeof raw === "string") {
        text = raw.trim();
        if (!NUMBER_TEXT.test(text)) return UNDECIDED;
        x = Number(text);
      } else return UNDECIDED;
      if (!(Math.abs(x) < 1e15)) return UNDECIDED; // MAX_MAGNITUDE, and not NaN or infinite
      // Exactness matters only on a bound, so the double is spelled only there.
      if (
        f.min !== undefined &&
        (x < f.min || (x === f.min && (f.minExclusive || !isExact(raw, x, text))))
      )
        return UNDECIDED;
      if (f.max !== undefined && (x > f.max || (x === f.max && !isExact(raw, x, text))))
        return UNDECIDED;
      if (f.kind !== "int") return decimalOf(text, decimals);
      // Whole numbers below 1e15 are exact doubles; String(-0) is "0", so the checked path gives 0.
      if (typeof raw === "number") return Number.isInteger(x) ? x + 0 : UNDECIDED;
      return INTEGER_TEXT.test(text) ? x : UNDECIDED;
    }
    case "string": {
      if (typeof raw !== "string") return UNDECIDED;
      const text = raw.trim();
      if (text === "" || text.length > 200 || (f.pattern && !f.pattern.test(text)))
        return UNDECIDED;
      // What a workbook cannot store, and dates that are not calendar days, are the checked
      // path's to word; printable ASCII needs no scan.
      if (!PRINTABLE_ASCII.test(text) && firstNonXmlChar(text)) return UNDECIDED;
      if (f.format === "date" && !isCalendarDate(text)) return UNDECIDED;
      return text;
    }
    case "enum":
      return typeof raw === "string" && (f.values ?? []).includes(raw) ? raw : UNDECIDED;
    case "bool":
      return typeof raw === "boolean" ? raw : UNDECIDED;
    case "enumList":
      return UNDECIDED;
  }
}

/**
 * Parse one field value; returns the typed value, or pushes an issue and returns undefined.
 * `decimals` lets the values of one parse share their Decimals.
 */
export function parseField(
  f: FieldSpec,
  raw: Json,
  path: string,
  issues: Issue[],
  decimals?: DecimalCache
): unknown {
  const fast = parseFast(f, raw, decimals);
  return fast === UNDECIDED ? parseFieldChecked(f, raw, path, issues) : fast;
}

/**
 * {@link parseField} the long way: every check, with the issue worded for the user. Exported
 * so that tests can hold the fast path to it.
 */
export function parseFieldChecked(f: FieldSpec, raw: Json, path: string, issues: Issue[]): unknown {
  const expected = expectedText(f);
  const received = describeValue(raw);
  const prompt = promptOf(f);
  const hasDefault = !("required" in f && (f as { required?: unknown }).required === true);
  const fail = (message?: string, suggestion?: string): undefined => {
    let text = message ?? MESSAGES.invalidValue(prompt, expected, received, suggestion);
    if (raw === null && hasDefault) text = `${text} ${MESSAGES.nullHasDefault}`;
    issues.push({ path, expected, received, message: text });
    return undefined;
  };
  switch (f.kind) {
    case "int":
    case "decimal":
    case "money":
    case "ratio": {
      let text: string;
      if (typeof raw === "number") {
        if (!Number.isFinite(raw)) return fail();
        text = String(raw);
      } else if (typeof raw === "string" && NUMBER_TEXT.test(raw.trim())) {
        text = raw.trim();
      } else if (typeof raw === "string" && f.kind === "ratio" && PERCENT_TEXT.test(raw.trim())) {
        const percent = raw.trim().replace(/\s*%$/, "");
        const fraction = new Dec(percent).div(100).toString();
        return fail(
          `${MESSAGES.invalidValue(prompt, expected, received)} ${MESSAGES.percentHint(percent, fraction)}`
        );
      } else if (typeof raw === "string" && FORMATTED_NUMBER.test(raw.trim())) {
        return fail(MESSAGES.notPlainNumber(prompt, received));
      } else {
        return fail();
      }
      let d: Dec;
      try {
        d = new Dec(text);
      } catch {
        return fail();
      }
      if (!d.isFinite() || d.abs().gte(String(MAX_MAGNITUDE)))
        return fail(MESSAGES.tooLarge(prompt, received));
      const outOfRange =
        (f.kind === "int" && !d.isInteger()) ||
        (f.min !== undefined && (f.minExclusive ? d.lte(f.min) : d.lt(f.min))) ||
        (f.max !== undefined && d.gt(f.max));
      if (outOfRange) {
        const base = MESSAGES.invalidValue(prompt, expected, received);
        // 7 for 0.07 is the usual slip; 1.5 is more likely a typo than 1.5 %.
        const asPercent = f.kind === "ratio" && f.max === 1 && d.gte(2) && d.lte(100);
        return fail(
          asPercent ? `${base} ${MESSAGES.percentHint(d.toString(), d.div(100).toString())}` : base
        );
      }
      // Plain data only: a whole number for counts, the exact decimal otherwise.
      return f.kind === "int" ? d.toNumber() : d;
    }
    case "string": {
      if (typeof raw !== "string" || raw.trim() === "") return fail();
      const text = raw.trim();
      if (text.length > 200) return fail(MESSAGES.tooLong(prompt, text.length));
      const bad = firstNonXmlChar(text);
      if (bad) return fail(MESSAGES.notXmlChar(prompt, bad.codePoint, bad.position));
      if (f.pattern && !f.pattern.test(text)) {
        const upper = text.toUpperCase();
        return fail(undefined, upper !== text && f.pattern.test(upper) ? upper : undefined);
      }
      if (f.format === "date" && !isCalendarDate(text))
        return fail(MESSAGES.notADate(prompt, text));
      return text;
    }
    case "enum": {
      const values = f.values ?? [];
      if (typeof raw !== "string") return fail();
      if (!values.includes(raw)) return fail(undefined, closestMatch(raw.trim(), values));
      return raw;
    }
    case "bool": {
      if (typeof raw === "string" && /^\s*(true|false)\s*$/i.test(raw))
        return fail(MESSAGES.quotedBool(f.label, received));
      if (typeof raw !== "boolean") return fail();
      return raw;
    }
    case "enumList": {
      const values = f.values ?? [];
      if (!Array.isArray(raw) || raw.length === 0) return fail();
      const seen = new Set<string>();
      const items: string[] = [];
      let ok = true;
      // An index loop, not forEach: holes in a sparse array are items too.
      for (let i = 0; i < raw.length; i++) {
        const item: unknown = raw[i];
        const itemPath = `${path}[${i}]`;
        const itemText = describeValue(item);
        if (typeof item !== "string" || !values.includes(item)) {
          const suggestion =
            typeof item === "string" ? closestMatch(item.trim(), values) : undefined;
          issues.push({
            path: itemPath,
            expected: `one of ${values.join(", ")}`,
            received: itemText,
            message: MESSAGES.notAnOption(itemText, values, suggestion),
          });
          ok = false;
        } else if (seen.has(item)) {
          issues.push({
            path: itemPath,
            expected: "each option once",
            received: itemText,
            message: MESSAGES.duplicateOption(item),
          });
          ok = false;
        } else {
          seen.add(item);
          items.push(item);
        }
      }
      return ok ? Object.freeze(items) : undefined;
    }
  }
}

/** True for an ISO `YYYY-MM-DD` that names a real day (no 2027-02-30), years 1900–2199. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Report keys of `obj` that no field (or nested group) declares; `where` names the object in the message. */
export function checkUnknownKeys(
  obj: Obj,
  allowed: readonly string[],
  path: string,
  where: string,
  issues: Issue[]
): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      issues.push({
        path: joinPath(path, key),
        expected: `one of ${allowed.join(", ")}`,
        received: describeValue(key),
        message: MESSAGES.unknownKey(key, where, allowed, closestMatch(key, allowed)),
      });
    }
  }
}
