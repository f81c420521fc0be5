/**
 * The defaults are complete and documented: every input has a default with a source, the
 * default scenario of every platform is valid, and every input gets a safe, unique Excel name.
 */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SOURCES,
  defaultScenarioJson,
  defaultSections,
  definedNameOf,
  INVENTORY_FIELDS,
  LICENCE_PRICES,
  parseScenario,
  scenarioToJson,
  SECTIONS,
  TOP_FIELDS,
  type FieldSpec,
} from "../../src/scenario";
import { PLATFORM_IDS } from "../../src/platform";

/** `[json path, field, section]` for every leaf input outside the inventory. */
const LEAVES: readonly (readonly [string, FieldSpec, string | null])[] = [
  ...TOP_FIELDS.map((f) => [f.key, f, null] as const),
  ...SECTIONS.flatMap((s) => s.fields.map((f) => [`${s.key}.${f.key}`, f, s.key] as const)),
];

const ALL_FIELDS: readonly FieldSpec[] = [
  ...TOP_FIELDS,
  ...SECTIONS.flatMap((s) => s.fields),
  ...INVENTORY_FIELDS,
];

function valueAt(obj: unknown, dotted: string): unknown {
  return dotted
    .split(".")
    .reduce<unknown>(
      (cur, k) =>
        typeof cur === "object" && cur !== null ? (cur as Record<string, unknown>)[k] : undefined,
      obj
    );
}

describe("DEFAULT_SOURCES", () => {
  it.each(LEAVES.map(([path]) => [path]))("documents the source of %s", (path) => {
    expect(DEFAULT_SOURCES[path], `DEFAULT_SOURCES["${path}"]`).toBeTypeOf("string");
    expect((DEFAULT_SOURCES[path] as string).trim().length).toBeGreaterThan(10);
  });

  it("has an entry for leaf fields only (no stale or group entries)", () => {
    expect(Object.keys(DEFAULT_SOURCES).sort()).toEqual(LEAVES.map(([p]) => p).sort());
  });

  it("quotes each licence price it sources from LICENCE_PRICES", () => {
    // $726 per server (2008 R2 Standard, Open NL) and $6,155 per 16 cores (2022 Datacenter): DOMAIN.md
    expect(DEFAULT_SOURCES["licensing.prices.standard"]).toContain("ws2008r2 $726 per server");
    expect(DEFAULT_SOURCES["licensing.prices.datacenter"]).toContain(
      "ws2008r2 $2,405 per processor"
    );
    expect(DEFAULT_SOURCES["licensing.prices.datacenter"]).toContain("ws2022 $6,155 per 16 cores");
    for (const id of PLATFORM_IDS) expect(LICENCE_PRICES[id].source.length).toBeGreaterThan(10);
  });
});

describe("default scenarios", () => {
  it.each(PLATFORM_IDS.map((p) => [p]))(
    "init's scenario for %s parses with no issues and round-trips",
    (platform) => {
      const json = defaultScenarioJson(platform);
      const result = parseScenario(json);
      expect(result.ok ? [] : result.issues).toEqual([]);
      if (!result.ok) return;
      expect(result.scenario.platform).toBe(platform);
      expect(parseScenario(scenarioToJson(result.scenario)).ok).toBe(true);
    }
  );

  it.each(PLATFORM_IDS.map((p) => [p]))("gives every section field of %s a default", (platform) => {
    const sections = defaultSections(platform);
    for (const s of SECTIONS) {
      // Optional fields (a growth rate per resource) have no default: blank means "use the rule".
      for (const f of s.fields.filter((x) => x.optional !== true))
        expect(valueAt(sections[s.key], f.key), `${s.key}.${f.key}`).not.toBeUndefined();
      // …and nothing the field tables do not know
      const keys = Object.entries(sections[s.key]).flatMap(([k, v]) =>
        typeof v === "object" && v !== null && !Array.isArray(v)
          ? Object.keys(v).map((n) => `${k}.${n}`)
          : [k]
      );
      expect(keys.sort()).toEqual(
        s.fields
          .filter((f) => f.optional !== true)
          .map((f) => f.key)
          .sort()
      );
    }
  });

  it("fills every omitted section from the platform's defaults", () => {
    const json = {
      schemaVersion: 1,
      platform: "ws2008r2",
      inventory: [{ name: "A", cores: 2, cpuGhz: "2", memoryGiB: "4" }],
    };
    const result = parseScenario(json);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const out = scenarioToJson(result.scenario);
    const defaults = defaultSections("ws2008r2");
    for (const s of SECTIONS) {
      for (const f of s.fields) {
        const want = valueAt(defaults[s.key], f.key);
        const got = valueAt(out[s.key], f.key);
        // numbers compare by value ("0.30" = "0.3"), everything else exactly
        if (typeof want === "string" && /^[\d.]+$/.test(want))
          expect(Number(got)).toBe(Number(want));
        else expect(got).toEqual(want);
      }
    }
    expect(out["name"]).toBe("Untitled consolidation");
    expect(out["currency"]).toBe("USD");
    // an inventory row takes the physical section's defaults
    expect((out["inventory"] as Record<string, unknown>[])[0]).toMatchObject({
      count: 1,
      os: "windows",
      stayPhysical: false,
      peakCpuUtilization: "0.3",
      averageCpuUtilization: "0.12",
      storageGiB: "100",
      powerWatts: "219",
      rackUnits: 2,
    });
  });

  it("uses the 2010 era for ws2008r2 and today's for later platforms", () => {
    expect(defaultSections("ws2008r2").host["price"]).toBe("9000"); // AnandTech 3817: dual X5670 ≈ $9,000
    expect(defaultSections("ws2008r2").housing["electricityPerKWh"]).toBe("0.1016"); // EIA 2010
    expect(defaultSections("ws2022").housing["pue"]).toBe("1.58"); // Uptime Institute 2023
  });
});

describe("fields", () => {
  it("gives every field a label, help and a prompt for messages", () => {
    for (const f of ALL_FIELDS) {
      expect(f.label.trim(), f.key).not.toBe("");
      expect(f.help.trim(), f.key).not.toBe("");
      expect(f.help, f.key).toMatch(/[.)]$/);
      expect(f.prompt?.trim(), f.key).toBeTruthy();
      // a prompt completes "Enter …": it starts in lower case (or with a name such as "the PUE")
      expect(f.prompt, f.key).toMatch(/^[a-z]/);
    }
  });

  it("keeps each section's keys unique", () => {
    for (const s of SECTIONS)
      expect(new Set(s.fields.map((f) => f.key)).size).toBe(s.fields.length);
    expect(new Set(INVENTORY_FIELDS.map((f) => f.key)).size).toBe(INVENTORY_FIELDS.length);
  });
});

describe("definedNameOf", () => {
  const names = LEAVES.map(([, f, section]) => definedNameOf(section, f.key));

  it("follows the documented examples", () => {
    expect(definedNameOf("finance", "discountRate")).toBe("hv_DiscountRate");
    expect(definedNameOf("housing", "electricityPerKWh")).toBe("hv_ElectricityPerKWh");
    expect(definedNameOf("host", "price")).toBe("hv_HostPrice");
    expect(definedNameOf("licensing", "prices.standard")).toBe("hv_PriceStandard");
  });

  it("gives every input a unique name, ignoring case as Excel does", () => {
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it.each(LEAVES.map(([path, f, section]) => [path, definedNameOf(section, f.key)]))(
    "%s → %s is a valid Excel defined name",
    (_path, name) => {
      // Excel: starts with a letter, _ or \; then letters, digits, _ and .; at most 255 characters
      expect(name).toMatch(/^hv_[A-Za-z0-9_]+$/);
      expect(name.length).toBeLessThanOrEqual(255);
      // never a cell reference (A1 style such as HV1, or R1C1 style), which Excel refuses as a name
      expect(name).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
      expect(name).not.toMatch(/^[RrCc]\d*([RrCc]\d*)?$/);
      expect(name).not.toMatch(/^(TRUE|FALSE)$/i);
    }
  );
});
