/**
 * Typed input paths: the field table's paths are the scenario's leaves, the numeric ones are
 * exactly `INPUT_PATHS`, and `withInput` replaces one value without touching the original.
 * (That a typo such as `host.prise` does not compile is checked by `tsc` in `npm run lint`:
 * see the `@ts-expect-error` lines below.)
 */
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/money";
import {
  INPUT_FIELDS,
  INPUT_PATHS,
  defaultScenarioJson,
  inputValue,
  parseScenario,
  scenarioToJson,
  valueAt,
  withInput,
  type FieldPath,
  type InputPath,
  type Scenario,
} from "../../src/scenario";

// @ts-expect-error — not an input: the compiler refuses the typo.
const typo: InputPath = "host.prise";
// @ts-expect-error — `platform` is an input but not a number: cost lines cannot multiply it.
const notNumeric: InputPath = "platform";
const choice: FieldPath = "platform";
void [typo, notNumeric, choice];

function scenario(): Scenario {
  // Every optional input given, so each is a leaf of the parsed scenario too.
  const parsed = parseScenario({
    ...defaultScenarioJson("ws2022"),
    growth: {
      ratePerYear: "0.1",
      cpuRatePerYear: "0.1",
      memoryRatePerYear: "0.05",
      storageRatePerYear: "0.2",
    },
    inventory: [{ name: "A", cores: 4, cpuGhz: "2.4", memoryGiB: "8" }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

/** Every leaf of the parsed scenario (inventory and schema version aside), by dotted path. */
function leaves(value: unknown, prefix = ""): [string, unknown][] {
  if (value instanceof Dec || typeof value !== "object" || value === null || Array.isArray(value))
    return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) =>
    prefix === "" && (k === "inventory" || k === "schemaVersion")
      ? []
      : leaves(v, prefix ? `${prefix}.${k}` : k)
  );
}

describe("input paths", () => {
  const s = scenario();
  const all = leaves(s);

  it("the field table lists every leaf of the scenario once, by its path", () => {
    expect(INPUT_FIELDS.map((f) => f.path).sort()).toEqual(all.map(([p]) => p).sort());
  });

  it("INPUT_PATHS are exactly the numeric leaves (Dec or number)", () => {
    const numeric = all.filter(([, v]) => v instanceof Dec || typeof v === "number");
    expect([...INPUT_PATHS].sort()).toEqual(numeric.map(([p]) => p).sort());
    for (const path of INPUT_PATHS) expect(inputValue(s, path)).toBeInstanceOf(Dec);
  });

  it("valueAt reads any input; inputValue gives counts as exact decimals", () => {
    expect(valueAt(s, "platform")).toBe("ws2022");
    expect(valueAt(s, "licensing.options")).toEqual(s.licensing.options);
    expect(inputValue(s, "host.sockets").toString()).toBe(String(s.host.sockets));
    expect(inputValue(s, "licensing.prices.datacenter").eq(s.licensing.prices.datacenter)).toBe(
      true
    );
  });

  it("withInput replaces one value, keeps a count a number, and never mutates the original", () => {
    const before = JSON.stringify(scenarioToJson(s));
    const pricier = withInput(s, "licensing.prices.standard", new Dec("999.5"));
    const wider = withInput(s, "host.sockets", new Dec(4));
    expect(pricier.licensing.prices.standard.toString()).toBe("999.5");
    expect(pricier.licensing.prices.datacenter).toBe(s.licensing.prices.datacenter);
    expect(pricier.host).toBe(s.host); // untouched branches are shared
    expect(wider.host.sockets).toBe(4);
    expect(JSON.stringify(scenarioToJson(s))).toBe(before);
  });
});
