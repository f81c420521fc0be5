/**
 * Plans kept between analyses (`PlanStore`, which the task pane passes on every edit): the key
 * holds every field planning reads — proved by recording each field `planCapacity` and
 * `planByYear` read, on the bundled examples and random valid scenarios — and an analysis
 * through a store that has seen earlier edits gives the same answer as one made afresh.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planByYear, planCapacity } from "../../src/capacity";
import { hostConstraintsFor } from "../../src/licensing";
import { parseScenario, type Scenario } from "../../src/scenario";
import {
  analysisJson,
  analyze,
  CAPACITY_INPUTS,
  capacityInputsKey,
  COST_ONLY,
  PlanStore,
  type AnalyzeOptions,
} from "../../src/tco";
import { buildReport } from "../../src/report/build";
import { buildDeck } from "../../src/slides/deck";
import { toPreview } from "../../src/taskpane/toPreview";
import { SENSITIVITY_PARAMS } from "../../src/tco/sensitivity";
import { REPO_ROOT } from "../support/paths";
import { validScenarioJson } from "../support/scenarioArbitrary";
import { realisticScenario } from "./fixtures";

type Json = Record<string, any>;

const EXAMPLES = join(REPO_ROOT, "assets", "examples");
const exampleJson = (file: string): Json =>
  JSON.parse(readFileSync(join(EXAMPLES, file), "utf8")) as Json;
const EXAMPLE_FILES = readdirSync(EXAMPLES).filter((f) => f.endsWith(".json"));

function scenarioOf(json: Json): Scenario {
  const result = parseScenario(json);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
  return result.scenario;
}

/** A plain, unfrozen copy of a parsed scenario (Decimals kept), which a Proxy may wrap. */
function thawed(value: unknown): unknown {
  if (value === null || typeof value !== "object" || value instanceof Decimal) return value;
  if (Array.isArray(value)) return value.map(thawed);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, thawed(v)]));
}

/**
 * `scenario` wrapped so that every field read is recorded in `reads` by its path
 * (`inventory[].memoryGiB`); one wrapper per object, so identity-keyed caches still hit.
 */
function recording(scenario: Scenario, reads: Set<string>): Scenario {
  const wrappers = new WeakMap<object, object>();
  const wrap = (value: unknown, path: string): unknown => {
    if (value === null || typeof value !== "object" || value instanceof Decimal) return value;
    const known = wrappers.get(value);
    if (known) return known;
    const at = (target: object, key: string): string =>
      Array.isArray(target) && /^\d+$/.test(key) ? `${path}[]` : `${path}.${key}`;
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        const v: unknown = Reflect.get(target, key, receiver);
        if (typeof key === "symbol" || typeof v === "function") return v;
        reads.add(at(target, key));
        return wrap(v, at(target, key));
      },
      // `key in x` and listing the keys read a section too.
      has(target, key) {
        if (typeof key === "string") reads.add(at(target, key));
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        reads.add(`${path}.*`);
        return Reflect.ownKeys(target);
      },
    });
    wrappers.set(value, proxy);
    return proxy;
  };
  return wrap(thawed(scenario), "") as Scenario;
}

/** True when `path` (".host.memoryGiB") lies within the plan key. */
function inKey(path: string): boolean {
  const costOnly = Object.entries(COST_ONLY).some(([section, fields]) =>
    (fields as readonly string[]).some((f) => path === `.${section}.${f}`)
  );
  if (costOnly) return false;
  return CAPACITY_INPUTS.some((input) => {
    const at = `.${input}`;
    // Reading `finance` on the way to `finance.horizonYears` reads no value of its own.
    const parent = at.slice(0, at.lastIndexOf("."));
    return path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`) || path === parent;
  });
}

describe("the plan key holds every field planning reads", () => {
  const scenarios: Scenario[] = [
    ...EXAMPLE_FILES.map((f) => scenarioOf(exampleJson(f))),
    realisticScenario("ws2008r2", 120),
    realisticScenario("ws2022", 120),
    ...fc
      .sample(validScenarioJson, { numRuns: 120, seed: 16 })
      .map((j) => parseScenario(j))
      .flatMap((r) => (r.ok ? [r.scenario] : [])),
  ];

  it("planCapacity and planByYear read nothing outside CAPACITY_INPUTS, under every option's constraints", () => {
    const reads = new Set<string>();
    for (const scenario of scenarios)
      for (const id of scenario.licensing.options) {
        const constraints = hostConstraintsFor(id, scenario);
        const watched = recording(scenario, reads);
        planByYear(watched, constraints, {}, planCapacity(watched, constraints));
      }
    expect(scenarios.length).toBeGreaterThan(100);
    // The recorder sees the reads it should: the estate's memory and the host's.
    expect(reads).toContain(".inventory[].memoryGiB");
    expect(reads).toContain(".host.memoryGiB");
    expect([...reads].filter((p) => !inKey(p))).toEqual([]);
  });

  it("the sensitivity analysis re-plans exactly the inputs in the key (it files the others' plans with the scenario's)", () => {
    for (const p of SENSITIVITY_PARAMS) {
      const [section, ...rest] = p.input.split(".");
      const path = section === "inventory" ? `.inventory[].${rest.join(".")}` : `.${p.input}`;
      expect([p.input, inKey(path)]).toEqual([p.input, p.capacity === true]);
    }
  });

  it("the recorder would catch a read outside the key", () => {
    expect(inKey(".licensing.prices.datacenter")).toBe(false);
    expect(inKey(".host.price")).toBe(false);
    expect(inKey(".finance.discountRate")).toBe(false);
    expect(inKey(".finance")).toBe(true);
    expect(inKey(".storage.driveTB")).toBe(true);
  });
});

describe("capacityInputsKey", () => {
  const base = exampleJson("s2d-growth-2025.json");
  const edited = (edit: (j: Json) => void): string => {
    const j = structuredClone(base);
    edit(j);
    return capacityInputsKey(scenarioOf(j));
  };
  const key = capacityInputsKey(scenarioOf(base));

  it.each<[string, (j: Json) => void]>([
    ["finance.discountRate", (j) => (j.finance.discountRate = "0.09")],
    ["host.price", (j) => (j.host.price = "31000")],
    ["host.powerWatts", (j) => (j.host.powerWatts = "450")],
    ["storage.drivePrice", (j) => (j.storage.drivePrice = "1100")],
    ["licensing.prices.datacenter", (j) => (j.licensing.prices.datacenter = "7000")],
    ["licensing.options", (j) => (j.licensing.options = ["datacenter"])],
    ["housing.electricityPerKWh", (j) => (j.housing.electricityPerKWh = "0.2")],
    ["manpower.adminHourlyRate", (j) => (j.manpower.adminHourlyRate = "90")],
    ["name", (j) => (j.name = "Another name")],
  ])("stays when %s changes (it only costs the plan)", (_, edit) => {
    expect(edited(edit)).toBe(key);
  });

  it.each<[string, (j: Json) => void]>([
    ["inventory[0].memoryGiB", (j) => (j.inventory[0].memoryGiB = "6")],
    ["host.memoryGiB", (j) => (j.host.memoryGiB = "512")],
    ["cluster.failuresToTolerate", (j) => (j.cluster.failuresToTolerate = 2)],
    ["storage.driveTB", (j) => (j.storage.driveTB = "7.68")],
    ["growth.ratePerYear", (j) => (j.growth.ratePerYear = "0.2")],
    ["demand.comfortFactor", (j) => (j.demand.comfortFactor = "1.5")],
    ["finance.horizonYears", (j) => (j.finance.horizonYears = 6)],
    ["platform", (j) => (j.platform = "ws2022")],
  ])("changes when %s changes", (_, edit) => {
    expect(edited(edit)).not.toBe(key);
  });
});

describe("an analysis through a PlanStore", () => {
  const answer = (scenario: Scenario, options: AnalyzeOptions): string =>
    JSON.stringify(analysisJson(analyze(scenario, options)));

  /** Edits a user makes one after another: some move capacity, most only prices. */
  const EDITS: readonly [string, (j: Json) => void][] = [
    ["discount rate", (j) => (j.finance.discountRate = "0.11")],
    ["Datacenter price", (j) => (j.licensing.prices.datacenter = "5999")],
    ["first server's memory", (j) => (j.inventory[0].memoryGiB = "48")],
    ["host price", (j) => (j.host.price = "12345")],
    ["failures to tolerate", (j) => (j.cluster.failuresToTolerate = 2)],
    ["electricity", (j) => (j.housing.electricityPerKWh = "0.3")],
    ["horizon", (j) => (j.finance.horizonYears = 7)],
    ["first server's memory, back", (j) => (j.inventory[0].memoryGiB = "4")],
  ];

  /** The examples, and two cases none of them has. */
  const BASES: readonly [string, () => Json][] = [
    ...EXAMPLE_FILES.map((f): [string, () => Json] => [f, () => exampleJson(f)]),
    [
      "leaving VMware with idle servers retired (the baseline plans the estate as it runs today)",
      () => {
        const j = exampleJson("leaving-vmware-2027.json");
        j.demand.retireIdle = true;
        return j;
      },
    ],
    [
      "two host candidates alike but for their price (one plan cache for both)",
      () => {
        const j = exampleJson("host-sweep-2025.json");
        j.hostOptions = [
          j.hostOptions[0],
          { ...j.hostOptions[0], name: "Same, cheaper", price: "8000" },
        ];
        return j;
      },
    ],
  ];

  it.each(BASES)("gives the fresh analysis's answer after every edit: %s", (_, base) => {
    const store = new PlanStore();
    const json = base();
    for (const [, edit] of EDITS) {
      edit(json);
      const scenario = scenarioOf(json);
      const options = { sensitivity: false } as const;
      const kept = analyze(scenario, { ...options, plans: store });
      const fresh = analyze(scenario, options);
      expect(JSON.stringify(analysisJson(kept))).toBe(JSON.stringify(analysisJson(fresh)));
      // The plans whole (their notes and VM lists too, which analysisJson leaves out).
      expect(kept.options.map((o) => o.capacity)).toEqual(fresh.options.map((o) => o.capacity));
    }
  });

  it("with the sensitivity analysis too (it shares the store's plans)", () => {
    const store = new PlanStore();
    const json = exampleJson("s2d-growth-2025.json");
    for (const [, edit] of EDITS.slice(0, 3)) {
      edit(json);
      const scenario = scenarioOf(json);
      expect(answer(scenario, { plans: store })).toBe(answer(scenario, {}));
    }
  });

  it("re-plans nothing after a price edit, and re-plans after a capacity edit", () => {
    const store = new PlanStore();
    const json = exampleJson("contoso-2010.json");
    const before = analyze(scenarioOf(json), { sensitivity: false, plans: store });
    json.licensing.prices.datacenter = "1999";
    const priced = analyze(scenarioOf(json), { sensitivity: false, plans: store });
    priced.options.forEach((o, i) => expect(o.capacity).toBe(before.options[i]!.capacity));
    json.cluster.failuresToTolerate = 2;
    const replanned = analyze(scenarioOf(json), { sensitivity: false, plans: store });
    replanned.options.forEach((o, i) => expect(o.capacity).not.toBe(before.options[i]!.capacity));
  });
});

/** Freezes `value` and every object and plain array under it (typed arrays cannot be frozen). */
function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== "object" || seen.has(value)) return;
  if (ArrayBuffer.isView(value) || value instanceof Decimal) return;
  seen.add(value);
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v, seen);
}

describe("plans shared between analyses", () => {
  it.each(EXAMPLE_FILES)(
    "are not changed by the preview, the report or the slides of the next analysis (%s)",
    (file) => {
      const store = new PlanStore();
      const json = exampleJson(file);
      const first = analyze(scenarioOf(json), { plans: store });
      // Frozen, plans and all: any later write to what the store shares throws (strict code).
      deepFreeze(first);
      json.finance.discountRate = "0.12";
      const scenario = scenarioOf(json);
      const second = analyze(scenario, { plans: store });
      expect(second.options.map((o) => o.capacity)).toEqual(first.options.map((o) => o.capacity));
      expect(second.options[0]!.capacity).toBe(first.options[0]!.capacity);
      const plan = buildReport(scenario, second);
      expect(() => toPreview(second)).not.toThrow();
      expect(() => buildDeck(plan, second)).not.toThrow();
      expect(answerOf(analyze(scenario, { plans: store }))).toBe(answerOf(analyze(scenario)));
    }
  );
});

const answerOf = (analysis: ReturnType<typeof analyze>): string =>
  JSON.stringify(analysisJson(analysis));

describe("PlanStore", () => {
  const scenarios = [0, 1, 2].map((k) => {
    const json = exampleJson("contoso-2010.json");
    json.host.memoryGiB = String(64 + 32 * k);
    return scenarioOf(json);
  });

  it("keeps the plans of the previous analysis and drops those it did not use", () => {
    const store = new PlanStore();
    const [a, b, c] = scenarios as [Scenario, Scenario, Scenario];
    store.startAnalysis();
    const cacheA = store.cacheFor(a);
    expect(store.cacheFor(a)).toBe(cacheA); // within one analysis
    store.startAnalysis();
    const cacheB = store.cacheFor(b);
    expect(store.size).toBe(2); // a, used by the previous analysis, is kept
    store.startAnalysis();
    store.cacheFor(c); // a was not used by the previous analysis: dropped
    expect(store.size).toBe(2);
    expect(store.cacheFor(b)).toBe(cacheB);
    expect(store.cacheFor(a)).not.toBe(cacheA);
  });

  it("holds two analyses' plans at most, edit after capacity edit", () => {
    const store = new PlanStore();
    for (const scenario of [...scenarios, ...scenarios])
      analyze(scenario, { sensitivity: false, plans: store });
    expect(store.size).toBe(2);
  });
});
