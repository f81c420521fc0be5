/**
 * Properties of `parseScenario` over generated input: it never throws, every issue is complete,
 * it never changes its input, and a valid scenario survives JSON and back unchanged.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  defaultScenarioJson,
  INVENTORY_FIELDS,
  OPTION_IDS,
  parseScenario,
  scenarioToJson,
  SECTIONS,
  TOP_FIELDS,
  type Issue,
  type ParseResult,
} from "../../src/scenario";
import { Dec } from "../../src/money";
import { PLATFORM_IDS } from "../../src/platform";

type Json = unknown;

const TOP_KEYS = [
  "$schema",
  "schemaVersion",
  ...TOP_FIELDS.map((f) => f.key),
  "inventory",
  ...SECTIONS.map((s) => s.key),
];

/** Parse without letting an exception escape unnoticed: a throw fails the property with its input. */
function parseSafely(input: Json): ParseResult {
  return parseScenario(input);
}

/** Every issue has a non-empty path, expected, received and message, and its path starts at a known place. */
function expectWellFormed(result: ParseResult, input: Json): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    for (const field of ["path", "expected", "received", "message"] as const) {
      expect(typeof issue[field]).toBe("string");
      expect(issue[field].trim(), `${field} of ${JSON.stringify(issue)}`).not.toBe("");
    }
    const head = /^[A-Za-z_$][\w$]*/.exec(issue.path)?.[0];
    const known =
      issue.path === "(root)" ||
      issue.path.startsWith("[") || // an odd key at the root, e.g. [""]
      (head !== undefined &&
        (TOP_KEYS.includes(head) ||
          (typeof input === "object" && input !== null && head in input)));
    expect(known, `path ${issue.path}`).toBe(true);
  }
}

/** The round trip: JSON of a parsed scenario parses again to the same scenario. */
function expectRoundTrip(result: ParseResult): void {
  if (!result.ok) return;
  const json = scenarioToJson(result.scenario);
  const again = parseScenario(JSON.parse(JSON.stringify(json)));
  expect(again.ok ? [] : again.issues).toEqual([]);
  if (again.ok) expect(scenarioToJson(again.scenario)).toEqual(json);
}

// ── generators of valid input ──────────────────────────────────────────────────────────────

/** A decimal as a JSON number or a numeric string, between lo and hi in steps of 1/scale. */
const decimalIn = (lo: number, hi: number, scale = 100): fc.Arbitrary<number | string> =>
  fc
    .tuple(fc.integer({ min: Math.ceil(lo * scale), max: Math.floor(hi * scale) }), fc.boolean())
    .map(([n, asText]) => {
      const text = new Dec(n).div(scale).toString();
      return asText ? text : Number(text);
    });

const intIn = (lo: number, hi: number): fc.Arbitrary<number | string> =>
  fc
    .tuple(fc.integer({ min: lo, max: hi }), fc.boolean())
    .map(([n, asText]) => (asText ? String(n) : n));

/** One valid inventory row; optional fields are sometimes left out. */
const validRow = (name: string): fc.Arbitrary<Record<string, Json>> =>
  fc
    .record(
      {
        count: intIn(1, 40),
        os: fc.constantFrom("windows", "linux"),
        cores: intIn(1, 64),
        cpuGhz: decimalIn(0.01, 10),
        peak: fc.integer({ min: 0, max: 100 }),
        averageShare: fc.integer({ min: 0, max: 100 }),
        memoryGiB: decimalIn(0.5, 2048, 2),
        storageGiB: decimalIn(0, 20000),
        powerWatts: decimalIn(0, 2000),
        rackUnits: intIn(0, 10),
        stayPhysical: fc.boolean(),
      },
      { requiredKeys: ["cores", "cpuGhz", "memoryGiB", "peak", "averageShare"] }
    )
    .map(({ peak, averageShare, ...rest }) => ({
      name,
      ...rest,
      peakCpuUtilization: new Dec(peak).div(100).toString(),
      // average ≤ peak: a share of the peak
      averageCpuUtilization: new Dec(peak).times(averageShare).div(10000).toString(),
    }));

/** A valid scenario on any platform, with a random inventory and a few random section values. */
const validScenario: fc.Arbitrary<Record<string, Json>> = fc
  .record({
    platform: fc.constantFrom(...PLATFORM_IDS),
    rows: fc
      .integer({ min: 1, max: 6 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => validRow(`SRV-${i + 1}`)))),
    horizonYears: intIn(1, 30),
    discountRate: decimalIn(0, 0.3, 1000),
    options: fc.subarray([...OPTION_IDS], { minLength: 1 }),
    failuresToTolerate: fc.integer({ min: 0, max: 3 }),
    pue: decimalIn(1, 3),
    dropSections: fc.subarray(["virtual", "housing", "manpower"]),
  })
  .map(
    ({
      platform,
      rows,
      horizonYears,
      discountRate,
      options,
      failuresToTolerate,
      pue,
      dropSections,
    }) => {
      const s = JSON.parse(JSON.stringify(defaultScenarioJson(platform, rows))) as Record<
        string,
        any
      >;
      s["finance"]["horizonYears"] = horizonYears;
      s["finance"]["discountRate"] = discountRate;
      s["licensing"]["options"] = options;
      s["cluster"]["failuresToTolerate"] = failuresToTolerate;
      s["housing"]["pue"] = pue;
      for (const key of dropSections) delete s[key]; // defaults fill them in
      return s;
    }
  );

// ── mutations of valid input ───────────────────────────────────────────────────────────────

type Key = string | number;

/** Every path (list of keys) to a value inside a JSON tree, the root excluded. */
function pathsOf(value: Json, prefix: Key[] = []): Key[][] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [
      [...prefix, k],
      ...pathsOf(v, [...prefix, k]),
    ]);
  }
  return [];
}

type Mutation =
  | { kind: "delete"; pick: number }
  | { kind: "replace"; pick: number; value: Json }
  | { kind: "swapType"; pick: number }
  | { kind: "addKey"; pick: number; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("replace" as const),
    pick: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  fc.record({ kind: fc.constant("swapType" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("addKey" as const),
    pick: fc.nat(),
    key: fc.oneof(
      fc.constantFrom(
        ...TOP_KEYS,
        ...INVENTORY_FIELDS.map((f) => f.key),
        "prices",
        "__proto__",
        ""
      ),
      fc.string()
    ),
    value: fc.jsonValue({ maxDepth: 1 }),
  })
);

/** The same value in another JSON type: number ↔ string, boolean → string, array ↔ object. */
function swapType(v: Json): Json {
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return Number.isNaN(Number(v)) ? v.length : Number(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  if (typeof v === "object" && v !== null) return Object.values(v);
  return 0;
}

/** Apply mutations to a deep copy. */
function mutate(original: Json, mutations: readonly Mutation[]): Json {
  let doc = JSON.parse(JSON.stringify(original)) as Json;
  for (const m of mutations) {
    const paths = pathsOf(doc);
    if (m.kind === "addKey") {
      const objects = [[], ...paths].filter((p) => {
        const v = get(doc, p);
        return typeof v === "object" && v !== null && !Array.isArray(v);
      });
      const target = get(doc, objects[m.pick % objects.length] as Key[]) as Record<string, Json>;
      Object.defineProperty(target, m.key, {
        value: m.value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      continue;
    }
    if (paths.length === 0) {
      doc = m.kind === "replace" ? m.value : swapType(doc);
      continue;
    }
    const path = paths[m.pick % paths.length] as Key[];
    const parent = get(doc, path.slice(0, -1)) as Record<Key, Json>;
    const last = path[path.length - 1] as Key;
    if (m.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else if (m.kind === "replace") {
      parent[last] = m.value;
    } else {
      parent[last] = swapType(parent[last]);
    }
  }
  return doc;
}

function get(doc: Json, path: readonly Key[]): Json {
  let cur = doc;
  for (const k of path) cur = (cur as Record<Key, Json>)[k];
  return cur;
}

// ── the properties ─────────────────────────────────────────────────────────────────────────

const anythingAtAll = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: "binary",
});

/** Objects shaped like a scenario (known keys) with arbitrary values: reaches deep into the parser. */
const scenarioShaped = fc.record(
  {
    schemaVersion: fc.oneof(fc.constant(1), fc.jsonValue()),
    name: fc.jsonValue(),
    currency: fc.oneof(fc.constant("USD"), fc.string()),
    platform: fc.oneof(fc.constantFrom(...PLATFORM_IDS), fc.jsonValue()),
    inventory: fc.oneof(
      fc.array(
        fc.dictionary(
          fc.constantFrom(...INVENTORY_FIELDS.map((f) => f.key)),
          fc.jsonValue({ maxDepth: 1 })
        )
      ),
      fc.jsonValue()
    ),
    ...Object.fromEntries(
      SECTIONS.map((s) => [
        s.key,
        fc.oneof(
          fc.dictionary(
            fc.constantFrom(...s.fields.map((f) => f.key.split(".")[0] as string)),
            fc.jsonValue({ maxDepth: 2 })
          ),
          fc.jsonValue()
        ),
      ])
    ),
  },
  { requiredKeys: [] }
);

describe("parseScenario properties", () => {
  it("never throws on any JavaScript value, and every issue is complete", () => {
    fc.assert(
      fc.property(anythingAtAll, (input) => {
        expectWellFormed(parseSafely(input), input);
      }),
      { numRuns: 500 }
    );
  });

  it("never throws on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expectWellFormed(parseSafely(input), input);
      }),
      { numRuns: 500 }
    );
  });

  it("never throws on scenario-shaped objects with arbitrary values", () => {
    fc.assert(
      fc.property(scenarioShaped, (input) => {
        const result = parseSafely(input);
        expectWellFormed(result, input);
        expectRoundTrip(result);
      }),
      { numRuns: 500 }
    );
  });

  it("accepts every generated valid scenario, and it round-trips through JSON", () => {
    fc.assert(
      fc.property(validScenario, (input) => {
        const result = parseScenario(input);
        expect(result.ok ? [] : result.issues).toEqual([]);
        expectRoundTrip(result);
      }),
      { numRuns: 300 }
    );
  });

  it("never throws on mutated valid scenarios (deletions, type swaps, new keys); valid results round-trip", () => {
    fc.assert(
      fc.property(
        validScenario,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (valid, mutations) => {
          const input = mutate(valid, mutations);
          const result = parseSafely(input);
          expectWellFormed(result, input);
          expectRoundTrip(result);
        }
      ),
      { numRuns: 500 }
    );
  });

  it("does not change its input and gives the same answer twice", () => {
    fc.assert(
      fc.property(validScenario, fc.array(mutation, { maxLength: 2 }), (valid, mutations) => {
        const input = mutate(valid, mutations);
        const before = JSON.stringify(input);
        const first = parseScenario(input);
        expect(JSON.stringify(input)).toBe(before);
        const second = parseScenario(input);
        const view = (r: ParseResult): unknown => (r.ok ? scenarioToJson(r.scenario) : r.issues);
        expect(view(second)).toEqual(view(first));
      }),
      { numRuns: 200 }
    );
  });

  it("returns a deeply frozen scenario", () => {
    const result = parseScenario(defaultScenarioJson("ws2022"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.scenario;
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.inventory)).toBe(true);
    expect(Object.isFrozen(s.inventory[0])).toBe(true);
    expect(Object.isFrozen(s.licensing.prices)).toBe(true);
    expect(Object.isFrozen(s.licensing.options)).toBe(true);
  });

  it("reports issues whose fields are all non-empty, for every case the mutator can reach", () => {
    // A denser sample of single mutations, checking only the issue shape.
    fc.assert(
      fc.property(validScenario, mutation, (valid, m) => {
        const input = mutate(valid, [m]);
        const result = parseSafely(input);
        if (!result.ok) {
          for (const issue of result.issues as readonly Issue[]) {
            expect(
              [issue.path, issue.expected, issue.received, issue.message].every(
                (t) => t.trim().length > 0
              )
            ).toBe(true);
          }
        }
      }),
      { numRuns: 1000 }
    );
  });
});
