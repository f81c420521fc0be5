/**
 * `parseScenario(json)`: JSON in, a valid immutable `Scenario` or every problem out.
 * Never throws on bad input — arbitrary JSON gives issues, each with its JSON path, what was
 * expected, what was received and what to do.
 */
import { dec, type Dec } from "../money";
import { isPlatformId, platformLimits, type PlatformId } from "../platform";
import { DEFAULT_CURRENCY, DEFAULT_NAME, DEFAULT_PLATFORM, defaultSections } from "./defaults";
import { INVENTORY_FIELDS, SECTIONS, TOP_FIELDS, type FieldSpec } from "./fields";
import { MESSAGES } from "./messages";
import { SCHEMA_VERSION, type Issue, type ParseResult, type Scenario } from "./types";

type Json = unknown;
type Obj = Record<string, Json>;

const isObject = (v: Json): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A short, readable rendering of a received value. */
export function describeValue(v: Json): string {
  if (v === undefined) return "nothing";
  let text: string;
  try {
    text = typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    text = String(v);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** What a field accepts, in words ("a whole number from 1 to 30"). */
export function expectedText(f: FieldSpec): string {
  const range = (): string => {
    const lo = f.min === undefined ? "" : f.minExclusive ? `above ${f.min}` : `${f.min} or more`;
    if (f.max !== undefined && f.min !== undefined && !f.minExclusive) return `from ${f.min} to ${f.max}`;
    if (f.max !== undefined && lo) return `${lo} and at most ${f.max}`;
    if (f.max !== undefined) return `at most ${f.max}`;
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

/** Parse one field value; returns the typed value, or pushes an issue and returns undefined. */
export function parseField(f: FieldSpec, raw: Json, path: string, issues: Issue[]): unknown {
  const fail = (problem?: string): undefined => {
    const expected = expectedText(f);
    const received = describeValue(raw);
    const hint = problem ?? `${f.label} must be ${expected} (got ${received}).`;
    issues.push({ path, expected, received, message: `${hint} ${f.help}`.trim() });
    return undefined;
  };
  switch (f.kind) {
    case "int":
    case "decimal":
    case "money":
    case "ratio": {
      let d: Dec;
      if (typeof raw === "number") {
        if (!Number.isFinite(raw)) return fail();
        d = dec(String(raw));
      } else if (typeof raw === "string" && NUMBER_TEXT.test(raw.trim())) {
        d = dec(raw.trim());
      } else if (typeof raw === "string" && /^[+-]?[\d.,\s']+$/.test(raw.trim()) && raw.trim() !== "") {
        return fail(`${f.label} "${raw}" is not a plain number. ${MESSAGES.notANumberHint}`);
      } else {
        return fail();
      }
      if (f.kind === "int" && !d.isInteger()) return fail(`${f.label} must be a whole number, not ${d.toString()}.`);
      if (f.min !== undefined && (f.minExclusive ? d.lte(f.min) : d.lt(f.min))) return fail();
      if (f.max !== undefined && d.gt(f.max)) return fail();
      return f.kind === "int" ? d.toNumber() : d;
    }
    case "string": {
      if (typeof raw !== "string" || raw.trim() === "") return fail();
      const text = raw.trim();
      if (text.length > 200) return fail(`${f.label} is longer than 200 characters.`);
      if (f.pattern && !f.pattern.test(text)) return fail();
      return text;
    }
    case "enum": {
      if (typeof raw !== "string" || !(f.values ?? []).includes(raw)) return fail();
      return raw;
    }
    case "bool": {
      if (typeof raw !== "boolean") return fail();
      return raw;
    }
    case "enumList": {
      if (!Array.isArray(raw) || raw.length === 0) return fail();
      const seen = new Set<string>();
      let ok = true;
      raw.forEach((item, i) => {
        const itemPath = `${path}[${i}]`;
        if (typeof item !== "string" || !(f.values ?? []).includes(item)) {
          issues.push({
            path: itemPath,
            expected: `one of ${(f.values ?? []).join(", ")}`,
            received: describeValue(item),
            message: `${describeValue(item)} is not an option. ${f.help}`,
          });
          ok = false;
        } else if (seen.has(item)) {
          issues.push({ path: itemPath, expected: "each option once", received: describeValue(item), message: MESSAGES.duplicateOption(item) });
          ok = false;
        } else {
          seen.add(item);
        }
      });
      return ok ? Object.freeze(raw.slice() as string[]) : undefined;
    }
  }
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

/** Report keys of `obj` that no field (or nested group) declares. */
function checkUnknownKeys(obj: Obj, allowed: readonly string[], path: string, issues: Issue[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      issues.push({
        path: path ? `${path}.${key}` : key,
        expected: `one of ${allowed.join(", ")}`,
        received: describeValue(key),
        message: MESSAGES.unknownKey(key, allowed),
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
): Obj | undefined {
  const path = spec.key;
  if (raw !== undefined && !isObject(raw)) {
    issues.push({ path, expected: "an object", received: describeValue(raw), message: MESSAGES.sectionNotObject(spec.title) });
    return undefined;
  }
  const input: Obj = raw ?? {};
  const topKeys = [...new Set(spec.fields.map((f) => f.key.split(".")[0] as string))];
  checkUnknownKeys(input, topKeys, path, issues);
  for (const group of topKeys) {
    const nested = spec.fields.filter((f) => f.key.startsWith(`${group}.`));
    if (nested.length === 0) continue;
    const value = input[group];
    if (value === undefined) continue;
    if (!isObject(value)) {
      issues.push({ path: `${path}.${group}`, expected: "an object", received: describeValue(value), message: MESSAGES.sectionNotObject(`${spec.title} ${group}`) });
      continue;
    }
    checkUnknownKeys(value, nested.map((f) => f.key.slice(group.length + 1)), `${path}.${group}`, issues);
  }
  const out: Obj = {};
  let ok = true;
  for (const f of spec.fields) {
    const given = getDotted(input, f.key);
    const value = given === undefined ? getDotted(defaults as Obj, f.key) : given;
    const parsed = parseField(f, value, `${path}.${f.key}`, issues);
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

const TOP_KEYS = ["schemaVersion", ...TOP_FIELDS.map((f) => f.key), "inventory", ...SECTIONS.map((s) => s.key)];

/**
 * Validate a scenario (JSON value) and fill in every default.
 * Returns `{ok: true, scenario}` or `{ok: false, issues}` with every problem found.
 */
export function parseScenario(json: Json): ParseResult {
  const issues: Issue[] = [];
  if (!isObject(json)) {
    return { ok: false, issues: [{ path: "(root)", expected: "a JSON object", received: describeValue(json), message: MESSAGES.notObject }] };
  }
  checkUnknownKeys(json, TOP_KEYS, "", issues);

  const version = json["schemaVersion"];
  if (version === undefined) {
    issues.push({ path: "schemaVersion", expected: "1", received: "nothing", message: MESSAGES.schemaVersionMissing });
  } else if (version !== SCHEMA_VERSION && version !== String(SCHEMA_VERSION)) {
    issues.push({ path: "schemaVersion", expected: "1", received: describeValue(version), message: MESSAGES.schemaVersionUnknown(describeValue(version)) });
  }

  const top: Obj = {};
  const topDefaults: Obj = { name: DEFAULT_NAME, currency: DEFAULT_CURRENCY, platform: DEFAULT_PLATFORM };
  for (const f of TOP_FIELDS) {
    const value = parseField(f, json[f.key] ?? topDefaults[f.key], f.key, issues);
    if (value !== undefined) top[f.key] = value;
  }
  const platform: PlatformId = isPlatformId(top["platform"]) ? top["platform"] : DEFAULT_PLATFORM;
  const defaults = defaultSections(platform);

  const sections: Obj = {};
  for (const spec of SECTIONS) {
    const parsed = parseSection(spec, json[spec.key], defaults[spec.key], issues);
    if (parsed) sections[spec.key] = parsed;
  }

  const inventory = parseInventory(json["inventory"], sections["physical"] as Obj | undefined, issues);
  crossCheck(platform, sections, issues);

  if (issues.length > 0) return { ok: false, issues };
  const scenario = { schemaVersion: SCHEMA_VERSION, ...top, platform, ...sections, inventory } as unknown as Scenario;
  return { ok: true, scenario: deepFreeze(scenario) };
}

function parseInventory(raw: Json, physical: Obj | undefined, issues: Issue[]): Obj[] {
  if (raw === undefined) {
    issues.push({ path: "inventory", expected: "a list of servers", received: "nothing", message: MESSAGES.inventoryMissing });
    return [];
  }
  if (!Array.isArray(raw)) {
    issues.push({ path: "inventory", expected: "a list of servers", received: describeValue(raw), message: MESSAGES.inventoryNotArray });
    return [];
  }
  if (raw.length === 0) {
    issues.push({ path: "inventory", expected: "at least one server", received: "[]", message: MESSAGES.inventoryEmpty });
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
  const firstByName = new Map<string, string>();
  const rows: Obj[] = [];
  raw.forEach((row: Json, i) => {
    const path = `inventory[${i}]`;
    if (!isObject(row)) {
      issues.push({ path, expected: "an object", received: describeValue(row), message: MESSAGES.rowNotObject });
      return;
    }
    checkUnknownKeys(row, allowed, path, issues);
    const out: Obj = {};
    for (const f of INVENTORY_FIELDS) {
      const given = row[f.key];
      const fieldPath = `${path}.${f.key}`;
      if (given === undefined && f.required) {
        issues.push({ path: fieldPath, expected: expectedText(f), received: "nothing", message: MESSAGES.required(f.label, f.help) });
        continue;
      }
      const value = given === undefined ? rowDefaults[f.key] : given;
      if (value === undefined) continue; // its default is invalid: reported on the physical section
      // Defaults from the physical section are parsed already.
      const parsed = given === undefined && typeof value === "object" ? value : parseField(f, value, fieldPath, issues);
      if (parsed !== undefined) out[f.key] = parsed;
    }
    const name = out["name"];
    if (typeof name === "string") {
      const key = name.toLowerCase();
      const first = firstByName.get(key);
      if (first !== undefined) {
        issues.push({ path: `${path}.name`, expected: "a unique name", received: describeValue(name), message: MESSAGES.duplicateName(name, first) });
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
    rows.push(out);
  });
  return rows;
}

function crossCheck(platform: PlatformId, sections: Obj, issues: Issue[]): void {
  const cluster = sections["cluster"] as Obj | undefined;
  if (cluster) {
    const k = cluster["failuresToTolerate"] as number;
    const n = cluster["maxNodes"] as number;
    if (k >= n) {
      issues.push({ path: "cluster.failuresToTolerate", expected: `less than maxNodes (${n})`, received: String(k), message: MESSAGES.failuresVsNodes(k, n) });
    }
    const limit = platformLimits(platform).maxClusterNodes;
    if (n > limit) {
      issues.push({ path: "cluster.maxNodes", expected: `at most ${limit}`, received: String(n), message: MESSAGES.maxNodesAbovePlatform(n, limit, platform) });
    }
  }
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
