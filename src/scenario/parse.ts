/**
 * `parseScenario(json)`: JSON in, a valid immutable `Scenario` or every problem out.
 * Never throws on bad input — arbitrary JSON gives issues, each with its JSON path, what was
 * expected, what was received and what to do.
 */
import { Dec } from "../money";
import {
  isPlatformId,
  platformLimits,
  PLATFORM_IDS,
  RESILIENCY_RULES,
  S2D_LIMITS,
  s2dPoolNodeLimit,
  type PlatformId,
  type S2dResiliency,
  type StorageMedia,
} from "../platform";
import { DEFAULT_CURRENCY, DEFAULT_NAME, DEFAULT_PLATFORM, defaultSections } from "./defaults";
import { INVENTORY_FIELDS, SECTIONS, TOP_FIELDS, type FieldSpec } from "./fields";
import { MESSAGES } from "./messages";
import { firstNonXmlChar } from "./text";
import { groupedNumber, LIMITS, MAX_MAGNITUDE } from "./limits";
import {
  SCHEMA_VERSION,
  type ImportedAssumption,
  type ImportProvenance,
  type Issue,
  type ParseResult,
  type Scenario,
} from "./types";

type Json = unknown;
type Obj = Record<string, Json>;

const isObject = (v: Json): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

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
const promptOf = (f: FieldSpec): string => f.prompt ?? f.label;

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
const UNDECIDED: unique symbol = Symbol("undecided");
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
function parseFast(f: FieldSpec, raw: Json, decimals: DecimalCache | undefined): unknown {
  switch (f.kind) {
    case "int":
    case "decimal":
    case "money":
    case "ratio": {
      let x: number;
      let text: string;
      let exact: boolean;
      if (typeof raw === "number") {
        x = raw;
        text = String(raw);
        exact = true;
      } else if (typeof raw === "string") {
        text = raw.trim();
        if (!NUMBER_TEXT.test(text)) return UNDECIDED;
        x = Number(text);
        exact = String(x) === text;
      } else return UNDECIDED;
      if (!(Math.abs(x) < 1e15)) return UNDECIDED; // MAX_MAGNITUDE, and not NaN or infinite
      if (f.min !== undefined && (x < f.min || (x === f.min && (!exact || f.minExclusive))))
        return UNDECIDED;
      if (f.max !== undefined && (x > f.max || (x === f.max && !exact))) return UNDECIDED;
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

/** Value at a dotted key inside an object (`prices.standard`), or undefined. */
function getDotted(obj: Obj, key: string): Json {
  let cur: Json = obj;
  for (const part of key.split(".")) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function setDotted(obj: Obj, key: string, value: unknown): void {
  const parts = key.split(".");
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    cur[part] ??= {};
    cur = cur[part] as Obj;
  }
  cur[parts[parts.length - 1] as string] = value;
}

/** Report keys of `obj` that no field (or nested group) declares; `where` names the object in the message. */
function checkUnknownKeys(
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

/** Parse a section: input values over defaults, unknown keys reported, nested groups too. */
function parseSection(
  spec: (typeof SECTIONS)[number],
  raw: Json,
  defaults: Readonly<Record<string, unknown>>,
  issues: Issue[],
  decimals: DecimalCache
): Obj | undefined {
  const path = spec.key;
  if (raw !== undefined && !isObject(raw)) {
    issues.push({
      path,
      expected: "an object",
      received: describeValue(raw),
      message: MESSAGES.sectionNotObject(path),
    });
    return undefined;
  }
  const input: Obj = raw ?? {};
  const topKeys = [...new Set(spec.fields.map((f) => f.key.split(".")[0] as string))];
  checkUnknownKeys(input, topKeys, path, path, issues);
  let groupsOk = true;
  for (const group of topKeys) {
    const nested = spec.fields.filter((f) => f.key.startsWith(`${group}.`));
    if (nested.length === 0) continue;
    const value = input[group];
    if (value === undefined) continue;
    const groupPath = `${path}.${group}`;
    if (!isObject(value)) {
      issues.push({
        path: groupPath,
        expected: "an object",
        received: describeValue(value),
        message: MESSAGES.sectionNotObject(groupPath),
      });
      groupsOk = false;
      continue;
    }
    checkUnknownKeys(
      value,
      nested.map((f) => f.key.slice(group.length + 1)),
      groupPath,
      groupPath,
      issues
    );
  }
  const out: Obj = {};
  let ok = groupsOk;
  for (const f of spec.fields) {
    const given = getDotted(input, f.key);
    const value = given === undefined ? getDotted(defaults as Obj, f.key) : given;
    const [group] = f.key.split(".");
    // A nested group that is not an object was reported once above; skip its fields.
    if (
      f.key.includes(".") &&
      input[group as string] !== undefined &&
      !isObject(input[group as string])
    )
      continue;
    // An optional field left out, blank or null is absent: a rule stands in for it.
    if (f.optional === true && (value === undefined || value === null || value === "")) continue;
    const parsed = parseField(f, value, `${path}.${f.key}`, issues, decimals);
    if (parsed === undefined) ok = false;
    else setDotted(out, f.key, parsed);
  }
  return ok ? out : undefined;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    // Decimals are immutable already; freezing them would break nothing but costs time.
    if (value.constructor === Object || Array.isArray(value)) {
      for (const v of Object.values(value)) deepFreeze(v);
      Object.freeze(value);
    }
  }
  return value;
}

/**
 * Top-level keys. `$schema` is allowed (and ignored) so editors can point a scenario file at
 * `assets/scenario.schema.json`; every other unknown key is an error.
 */
const TOP_KEYS = [
  "$schema",
  "schemaVersion",
  ...TOP_FIELDS.map((f) => f.key),
  "inventory",
  ...SECTIONS.map((s) => s.key),
  "imported",
];

/**
 * Validate a scenario (JSON value) and fill in every default.
 * Returns `{ok: true, scenario}` or `{ok: false, issues}` with every problem found.
 * Never throws for any input value.
 */
export function parseScenario(json: Json): ParseResult {
  const issues: Issue[] = [];
  if (!isObject(json)) {
    return {
      ok: false,
      issues: [
        {
          path: "(root)",
          expected: "a JSON object",
          received: describeValue(json),
          message: MESSAGES.notObject,
        },
      ],
    };
  }
  checkUnknownKeys(json, TOP_KEYS, "", "the scenario", issues);

  const metaSchema = json["$schema"];
  if (metaSchema !== undefined && typeof metaSchema !== "string") {
    issues.push({
      path: "$schema",
      expected: "a text (the schema's address)",
      received: describeValue(metaSchema),
      message: MESSAGES.metaSchemaNotText,
    });
  }

  const version = json["schemaVersion"];
  if (version === undefined) {
    issues.push({
      path: "schemaVersion",
      expected: "1",
      received: "nothing",
      message: MESSAGES.schemaVersionMissing,
    });
  } else if (typeof version === "string" && version.trim() === String(SCHEMA_VERSION)) {
    issues.push({
      path: "schemaVersion",
      expected: "the number 1",
      received: describeValue(version),
      message: MESSAGES.schemaVersionText,
    });
  } else if (version !== SCHEMA_VERSION) {
    issues.push({
      path: "schemaVersion",
      expected: "1",
      received: describeValue(version),
      message: MESSAGES.schemaVersionUnknown(describeValue(version)),
    });
  }

  const top: Obj = {};
  const topDefaults: Obj = {
    name: DEFAULT_NAME,
    currency: DEFAULT_CURRENCY,
    platform: DEFAULT_PLATFORM,
  };
  for (const f of TOP_FIELDS) {
    const given = json[f.key];
    const value = parseField(f, given === undefined ? topDefaults[f.key] : given, f.key, issues);
    if (value !== undefined) top[f.key] = value;
  }
  const platform: PlatformId = isPlatformId(top["platform"]) ? top["platform"] : DEFAULT_PLATFORM;
  const defaults = defaultSections(platform);

  const decimals: DecimalCache = new Map();
  const sections: Obj = {};
  for (const spec of SECTIONS) {
    const parsed = parseSection(spec, json[spec.key], defaults[spec.key], issues, decimals);
    if (parsed) sections[spec.key] = parsed;
  }

  const inventory = parseInventory(
    json["inventory"],
    sections["physical"] as Obj | undefined,
    issues,
    decimals
  );
  crossCheck(platform, sections, issues);
  const imported = parseImported(json["imported"], issues);

  if (issues.length > 0) return { ok: false, issues };
  const scenario = {
    schemaVersion: SCHEMA_VERSION,
    ...top,
    platform,
    ...sections,
    inventory,
    ...(imported ? { imported } : {}),
  } as unknown as Scenario;
  return { ok: true, scenario: deepFreeze(scenario) };
}

/** `imported`: written by `import`, so its shape is checked but its texts are the importer's. */
function parseImported(raw: Json, issues: Issue[]): ImportProvenance | undefined {
  if (raw === undefined) return undefined;
  const bad = (path: string, expected: string, received: Json): undefined => {
    issues.push({
      path,
      expected,
      received: describeValue(received),
      message: MESSAGES.importedShape(expected),
    });
    return undefined;
  };
  if (!isObject(raw)) return bad("imported", "an object", raw);
  checkUnknownKeys(raw, ["file", "format", "assumptions"], "imported", "imported", issues);
  const file = raw["file"] ?? null;
  if (file !== null && typeof file !== "string") return bad("imported.file", "a text", file);
  const format = raw["format"] ?? "";
  if (typeof format !== "string") return bad("imported.format", "a text", format);
  const list = raw["assumptions"] ?? [];
  if (!Array.isArray(list)) return bad("imported.assumptions", "a list", list);
  const assumptions: ImportedAssumption[] = [];
  list.forEach((a: Json, i) => {
    const path = `imported.assumptions[${i}]`;
    if (!isObject(a)) return bad(path, "an object", a);
    checkUnknownKeys(
      a,
      ["field", "basis", "count", "value", "message"],
      path,
      "an assumption",
      issues
    );
    const { field, basis, count, value, message } = a;
    if (typeof field !== "string") return bad(`${path}.field`, "a text", field);
    if (typeof basis !== "string") return bad(`${path}.basis`, "a text", basis);
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1)
      return bad(`${path}.count`, "a whole number of at least 1", count);
    if (value !== null && typeof value !== "string")
      return bad(`${path}.value`, "a text or null", value);
    if (typeof message !== "string") return bad(`${path}.message`, "a text", message);
    assumptions.push({ field, basis, count, value, message });
    return undefined;
  });
  return { file, format, assumptions };
}

function parseInventory(
  raw: Json,
  physical: Obj | undefined,
  issues: Issue[],
  decimals: DecimalCache
): Obj[] {
  if (raw === undefined) {
    issues.push({
      path: "inventory",
      expected: "a list of servers",
      received: "nothing",
      message: MESSAGES.inventoryMissing,
    });
    return [];
  }
  if (!Array.isArray(raw)) {
    issues.push({
      path: "inventory",
      expected: "a list of servers",
      received: describeValue(raw),
      message: MESSAGES.inventoryNotArray,
    });
    return [];
  }
  if (raw.length === 0) {
    issues.push({
      path: "inventory",
      expected: "at least one server",
      received: "[]",
      message: MESSAGES.inventoryEmpty,
    });
    return [];
  }
  if (raw.length > LIMITS.inventoryRows.value) {
    // Bounded work: the rows are not read one by one when there are too many of them.
    issues.push({
      path: "inventory",
      expected: `at most ${groupedNumber(LIMITS.inventoryRows.value)} rows`,
      received: `${groupedNumber(raw.length)} rows`,
      message: MESSAGES.tooManyRows(raw.length, LIMITS.inventoryRows.value),
    });
    return [];
  }
  const rowDefaults: Obj = {
    count: 1,
    os: "windows",
    stayPhysical: false,
    peakCpuUtilization: physical?.["defaultPeakCpuUtilization"],
    averageCpuUtilization: physical?.["defaultAverageCpuUtilization"],
    storageGiB: physical?.["defaultStorageGiB"],
    powerWatts: physical?.["defaultPowerWatts"],
    rackUnits: physical?.["defaultRackUnits"],
  };
  const allowed = INVENTORY_FIELDS.map((f) => f.key);
  const allowedSet = new Set<string>(allowed);
  const firstByName = new Map<string, string>();
  const rows: Obj[] = [];
  // An index loop, not forEach: a hole in a sparse array is a bad row too.
  for (let i = 0; i < raw.length; i++) {
    const row: Json = raw[i];
    const path = `inventory[${i}]`;
    if (!isObject(row)) {
      issues.push({
        path,
        expected: "an object",
        received: describeValue(row),
        message: MESSAGES.rowNotObject,
      });
      continue;
    }
    for (const key in row) {
      if (!allowedSet.has(key)) {
        checkUnknownKeys(row, allowed, path, "an inventory row", issues);
        break;
      }
    }
    const out: Obj = {};
    for (const f of INVENTORY_FIELDS) {
      const given = row[f.key];
      if (given === undefined && f.required) {
        issues.push({
          path: `${path}.${f.key}`,
          expected: expectedText(f),
          received: "nothing",
          message: MESSAGES.required(promptOf(f), expectedText(f)),
        });
        continue;
      }
      const value = given === undefined ? rowDefaults[f.key] : given;
      if (value === undefined) continue; // its default is invalid: reported on the physical section
      // Defaults from the physical section are parsed already.
      // The path is spelled only for a value the fast path cannot accept.
      let parsed =
        given === undefined && typeof value === "object" ? value : parseFast(f, value, decimals);
      if (parsed === UNDECIDED) parsed = parseFieldChecked(f, value, `${path}.${f.key}`, issues);
      if (parsed !== undefined) out[f.key] = parsed;
    }
    const name = out["name"];
    if (typeof name === "string") {
      const key = name.toLowerCase();
      const first = firstByName.get(key);
      if (first !== undefined) {
        issues.push({
          path: `${path}.name`,
          expected: "a unique name",
          received: describeValue(name),
          message: MESSAGES.duplicateName(name, first),
        });
      } else {
        firstByName.set(key, `${path}.name`);
      }
    }
    const avg = out["averageCpuUtilization"] as Dec | undefined;
    const peak = out["peakCpuUtilization"] as Dec | undefined;
    if (avg && peak && avg.gt(peak)) {
      issues.push({
        path: `${path}.averageCpuUtilization`,
        expected: `at most the peak (${peak.toString()})`,
        received: avg.toString(),
        message: MESSAGES.averageAbovePeak(avg.toString(), peak.toString()),
      });
    }
    rows.push(Object.freeze(out)); // frozen here, so deepFreeze need not walk 100,000 rows
  }
  const servers = rows.reduce((n, r) => n + (typeof r["count"] === "number" ? r["count"] : 0), 0);
  if (servers > LIMITS.totalServers.value) {
    issues.push({
      path: "inventory",
      expected: `at most ${groupedNumber(LIMITS.totalServers.value)} servers in all`,
      received: `${groupedNumber(servers)} servers`,
      message: MESSAGES.tooManyServers(servers, LIMITS.totalServers.value),
    });
  }
  return rows;
}

function crossCheck(platform: PlatformId, sections: Obj, issues: Issue[]): void {
  const cluster = sections["cluster"] as Obj | undefined;
  if (cluster) {
    const k = cluster["failuresToTolerate"] as number;
    const n = cluster["maxNodes"] as number;
    if (k >= n) {
      issues.push({
        path: "cluster.failuresToTolerate",
        expected: `less than maxNodes (${n})`,
        received: String(k),
        message: MESSAGES.failuresVsNodes(k, n),
      });
    }
    const limit = platformLimits(platform).maxClusterNodes;
    if (n > limit) {
      issues.push({
        path: "cluster.maxNodes",
        expected: `at most ${limit}`,
        received: String(n),
        message: MESSAGES.maxNodesAbovePlatform(n, limit, platform),
      });
    }
  }
  const host = sections["host"] as Obj | undefined;
  if (host && cluster) {
    const memory = host["memoryGiB"] as Dec;
    const reserve = cluster["hostMemoryReserveGiB"] as Dec;
    if (reserve.gte(memory)) {
      issues.push({
        path: "cluster.hostMemoryReserveGiB",
        expected: `less than host.memoryGiB (${memory.toString()})`,
        received: reserve.toString(),
        message: MESSAGES.reserveAboveHostMemory(reserve.toString(), memory.toString()),
      });
    }
  }
  const finance = sections["finance"] as Obj | undefined;
  const licensing = sections["licensing"] as Obj | undefined;
  if (finance && licensing) crossCheckLeavingVmware(platform, finance, licensing, issues);
  crossCheckStorage(platform, sections, issues);
  const physical = sections["physical"] as Obj | undefined;
  if (physical) {
    const avg = physical["defaultAverageCpuUtilization"] as Dec;
    const peak = physical["defaultPeakCpuUtilization"] as Dec;
    if (avg.gt(peak)) {
      issues.push({
        path: "physical.defaultAverageCpuUtilization",
        expected: `at most the default peak (${peak.toString()})`,
        received: avg.toString(),
        message: MESSAGES.averageAbovePeak(avg.toString(), peak.toString()),
      });
    }
  }
}

/** The VMware renewal, owned licences and Azure Hybrid Benefit: values that only make sense together. */
function crossCheckLeavingVmware(
  platform: PlatformId,
  finance: Obj,
  licensing: Obj,
  issues: Issue[]
): void {
  const vmware = licensing["vmware"] as Obj;
  const owned = licensing["owned"] as Obj;
  const push = (path: string, expected: string, received: string, message: string): void => {
    issues.push({ path, expected, received, message });
  };
  const term = vmware["termYears"] as number;
  if (![1, 3, 5].includes(term))
    push("licensing.vmware.termYears", "1, 3 or 5", String(term), MESSAGES.termYears(term));
  const perCpu = vmware["minimumCoresPerCpu"] as number;
  const perOrder = vmware["minimumCoresPerOrder"] as number;
  if (perOrder > 0 && perOrder < perCpu)
    push(
      "licensing.vmware.minimumCoresPerOrder",
      `0 (none) or at least ${perCpu}`,
      String(perOrder),
      MESSAGES.orderMinimumBelowFloor(perOrder, perCpu)
    );
  const baseline = finance["baseline"] as string;
  const options = (licensing["options"] as readonly string[]) ?? [];
  const vmwareToday = baseline === "vcf" || baseline === "vvf";
  const involvesRenewal = vmwareToday || options.includes("vcf") || options.includes("vvf");
  const start = finance["startDate"] as string;
  const renewal = vmware["renewalDate"] as string;
  if (involvesRenewal && renewal < start)
    push(
      "licensing.vmware.renewalDate",
      `on or after the start date (${start})`,
      renewal,
      MESSAGES.renewalBeforeStart(renewal, start)
    );
  if (vmwareToday && platform !== "ws2022" && platform !== "ws2025")
    push(
      "finance.baseline",
      "physical or vsphere on this platform",
      baseline,
      MESSAGES.baselineNeedsToday(baseline, platform)
    );
  const rate = licensing["softwareAssuranceRate"] as Dec;
  if (owned["softwareAssurance"] === true && rate.isZero())
    push(
      "licensing.softwareAssuranceRate",
      "above 0 when Software Assurance is active",
      "0",
      MESSAGES.saWithoutRate
    );
  if (licensing["azureHybridBenefit"] === true) {
    if (owned["softwareAssurance"] !== true)
      push(
        "licensing.azureHybridBenefit",
        "false unless Software Assurance is active on owned Datacenter licences",
        "true",
        MESSAGES.ahbNeedsSa
      );
    if ((owned["datacenterCores"] as number) === 0)
      push(
        "licensing.azureHybridBenefit",
        "false unless you own Datacenter cores",
        "true",
        MESSAGES.ahbNeedsDatacenterCores
      );
  }
}

/** The first platform with Storage Spaces Direct (Windows Server 2016 Datacenter). */
const S2D_FIRST_PLATFORM: PlatformId = "ws2016";

const platformAtLeast = (platform: PlatformId, first: PlatformId): boolean =>
  PLATFORM_IDS.indexOf(platform) >= PLATFORM_IDS.indexOf(first);

/**
 * Storage Spaces Direct against the platform and the cluster: the release that has it, the
 * resiliency's server count against the cluster's node limit (dual parity needs 4, nested
 * exactly 2), the failures it survives against failuresToTolerate, and the 1 PB pool.
 */
function crossCheckStorage(platform: PlatformId, sections: Obj, issues: Issue[]): void {
  const storage = sections["storage"] as Obj | undefined;
  if (!storage || storage["kind"] !== "s2d") return;
  const push = (path: string, expected: string, received: string, message: string): void => {
    issues.push({ path, expected, received, message });
  };
  if (!platformAtLeast(platform, S2D_FIRST_PLATFORM)) {
    push(
      "storage.kind",
      `san on ${platform}`,
      "s2d",
      MESSAGES.s2dPlatform(platformLimits(platform).label)
    );
    return;
  }
  const resiliency = storage["resiliency"] as S2dResiliency;
  const rule = RESILIENCY_RULES[resiliency];
  if (!platformAtLeast(platform, rule.since)) {
    push(
      "storage.resiliency",
      `a resiliency ${platformLimits(platform).label} offers`,
      resiliency,
      MESSAGES.s2dResiliencyPlatform(rule.label, platformLimits(rule.since).label)
    );
  }
  const cluster = sections["cluster"] as Obj | undefined;
  if (!cluster) return;
  const maxNodes = cluster["maxNodes"] as number;
  const k = cluster["failuresToTolerate"] as number;
  if (maxNodes > S2D_LIMITS.maxNodes) {
    push(
      "cluster.maxNodes",
      `at most ${S2D_LIMITS.maxNodes} with Storage Spaces Direct`,
      String(maxNodes),
      MESSAGES.s2dMaxNodes(maxNodes, S2D_LIMITS.maxNodes)
    );
  }
  if (maxNodes < rule.minNodes || (rule.maxNodes === rule.minNodes && maxNodes !== rule.minNodes)) {
    push(
      "storage.resiliency",
      rule.minNodes === rule.maxNodes
        ? `a resiliency for clusters of ${maxNodes} servers (${rule.label} needs exactly ${rule.minNodes})`
        : `a resiliency for clusters of ${maxNodes} servers (${rule.label} needs at least ${rule.minNodes})`,
      resiliency,
      MESSAGES.s2dResiliencyNodes(rule.label, rule.minNodes, rule.maxNodes, maxNodes)
    );
  }
  if (k > rule.faultsTolerated) {
    push(
      "storage.resiliency",
      `a resiliency that survives ${k} failures`,
      resiliency,
      MESSAGES.s2dFaults(rule.label, rule.faultsTolerated, k)
    );
  }
  const drivesPerNode = storage["drivesPerNode"] as number;
  const driveTB = storage["driveTB"] as Dec;
  const poolNodes = s2dPoolNodeLimit({
    resiliency,
    media: storage["media"] as StorageMedia,
    drivesPerNode,
    driveTB: driveTB.toNumber(),
    mirrorShare: 0,
  });
  if (poolNodes < rule.minNodes) {
    push(
      "storage.driveTB",
      `at most ${S2D_LIMITS.maxPoolRawTB} TB raw across ${rule.minNodes} servers`,
      driveTB.toString(),
      MESSAGES.s2dPool(drivesPerNode, driveTB.toString(), rule.minNodes, S2D_LIMITS.maxPoolRawTB)
    );
  }
}
