/**
 * `parseScenario(json)`: JSON in, a valid immutable `Scenario` or every problem out.
 * Never throws on bad input — arbitrary JSON gives issues, each with its JSON path, what was
 * expected, what was received and what to do.
 */
import { Dec } from "../money";
import { isPlatformId, type PlatformId } from "../platform";
import { DEFAULT_CURRENCY, DEFAULT_NAME, DEFAULT_PLATFORM, defaultSections } from "./defaults";
import { INVENTORY_FIELDS, SECTIONS, TOP_FIELDS } from "./fields";
import { MESSAGES } from "./messages";
import { groupedNumber, LIMITS } from "./limits";
import {
  SCHEMA_VERSION,
  type ImportedAssumption,
  type ImportProvenance,
  type Issue,
  type ParseResult,
  type Scenario,
} from "./types";
import {
  checkUnknownKeys,
  describeValue,
  expectedText,
  isObject,
  parseFast,
  parseField,
  parseFieldChecked,
  promptOf,
  UNDECIDED,
  type DecimalCache,
  type Json,
  type Obj,
} from "./parseField";
import { crossCheck } from "./crossCheck";
import { parseHostOptions } from "./parseHostOptions";

export {
  closestMatch,
  describeValue,
  expectedText,
  isCalendarDate,
  joinPath,
  parseField,
  parseFieldChecked,
  type DecimalCache,
} from "./parseField";

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
  "hostOptions",
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
  const hostOptions = parseHostOptions(json["hostOptions"], sections, issues, decimals);
  const imported = parseImported(json["imported"], issues);

  if (issues.length > 0) return { ok: false, issues };
  const scenario = {
    schemaVersion: SCHEMA_VERSION,
    ...top,
    platform,
    ...sections,
    inventory,
    ...(hostOptions ? { hostOptions } : {}),
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
    // 0 is a count too: "no licences owned assumed, for these 0 Windows VMs" on a Linux estate.
    if (typeof count !== "number" || !Number.isInteger(count) || count < 0)
      return bad(`${path}.count`, "a whole number, 0 or more", count);
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
  const fields = INVENTORY_FIELDS; // once: compiled to CommonJS, each read is a getter call
  const allowed = fields.map((f) => f.key);
  const allowedSet = new Set<string>(allowed);
  // Per field, the texts already accepted and their values: inventories repeat the same values
  // ("2.93", "0.33") on thousands of rows, so each is read and checked once. Names are unique.
  const accepted = fields.map((f) =>
    f.kind === "string" ? undefined : new Map<string, unknown>()
  );
  // The first row of each name (lower case), by index: its path is spelled only for a duplicate.
  const firstByName = new Map<string, number>();
  // Utilisations as doubles, by Decimal (rows share them): most rows compare without a Decimal.
  const doubles = new Map<Dec, number>();
  const doubleOf = (d: Dec): number => {
    let x = doubles.get(d);
    if (x === undefined) doubles.set(d, (x = d.toNumber()));
    return x;
  };
  const rowPath = (i: number): string => `inventory[${i}]`;
  const rows: Obj[] = [];
  // An index loop, not forEach: a hole in a sparse array is a bad row too.
  for (let i = 0; i < raw.length; i++) {
    const row: Json = raw[i];
    if (!isObject(row)) {
      issues.push({
        path: rowPath(i),
        expected: "an object",
        received: describeValue(row),
        message: MESSAGES.rowNotObject,
      });
      continue;
    }
    for (const key in row) {
      if (!allowedSet.has(key)) {
        checkUnknownKeys(row, allowed, rowPath(i), "an inventory row", issues);
        break;
      }
    }
    const out: Obj = {};
    for (let j = 0; j < fields.length; j++) {
      const f = fields[j]!;
      const given = row[f.key];
      if (given === undefined && f.required) {
        issues.push({
          path: `${rowPath(i)}.${f.key}`,
          expected: expectedText(f),
          received: "nothing",
          message: MESSAGES.required(promptOf(f), expectedText(f)),
        });
        continue;
      }
      const value = given === undefined ? rowDefaults[f.key] : given;
      if (value === undefined) continue; // its default is invalid: reported on the physical section
      let parsed: unknown;
      const seen = accepted[j];
      if (given === undefined && typeof value === "object") {
        parsed = value; // defaults from the physical section are parsed already
      } else if (seen !== undefined && typeof value === "string") {
        parsed = seen.get(value);
        if (parsed === undefined) {
          parsed = parseFast(f, value, decimals);
          if (parsed !== UNDECIDED) seen.set(value, parsed);
        }
      } else {
        parsed = parseFast(f, value, decimals);
      }
      // The path is spelled only for a value the fast path cannot accept.
      if (parsed === UNDECIDED)
        parsed = parseFieldChecked(f, value, `${rowPath(i)}.${f.key}`, issues);
      if (parsed !== undefined) out[f.key] = parsed;
    }
    const name = out["name"];
    if (typeof name === "string") {
      const key = name.toLowerCase();
      const first = firstByName.get(key);
      if (first !== undefined) {
        issues.push({
          path: `${rowPath(i)}.name`,
          expected: "a unique name",
          received: describeValue(name),
          message: MESSAGES.duplicateName(name, `${rowPath(first)}.name`),
        });
      } else {
        firstByName.set(key, i);
      }
    }
    const avg = out["averageCpuUtilization"] as Dec | undefined;
    const peak = out["peakCpuUtilization"] as Dec | undefined;
    // Doubles keep the order of the decimals they round (equal doubles: the Decimals decide).
    if (avg && peak && avg !== peak && doubleOf(avg) >= doubleOf(peak) && avg.gt(peak)) {
      issues.push({
        path: `${rowPath(i)}.averageCpuUtilization`,
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
  return Object.freeze(rows) as Obj[]; // its rows are frozen: deepFreeze skips the list
}
