/**
 * The published JSON Schema (`assets/scenario.schema.json`) is the code's schema, validates
 * everything the planner ships or prints, and rejects the usual mistakes too.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import {
  defaultScenarioJson,
  INVENTORY_FIELDS,
  scenarioJsonSchema,
  SECTIONS,
} from "../../src/scenario";
import { PLATFORM_IDS } from "../../src/platform";
import { EXAMPLES } from "./exampleScenarios";
import { SCHEMA_FILE, schemaFileText } from "./write-assets";

type Json = Record<string, any>;

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(scenarioJsonSchema());

const fresh = (): Json => JSON.parse(JSON.stringify(defaultScenarioJson("ws2022"))) as Json;

describe("scenarioJsonSchema", () => {
  it("is what assets/scenario.schema.json holds (regenerate: npx tsx test/scenario/write-assets.ts)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaFileText());
  });

  it("is a valid draft 2020-12 schema under ajv's strict mode", () => {
    expect(ajv.validateSchema(scenarioJsonSchema())).toBe(true);
  });

  it("describes every field of the tables, with no extra properties allowed", () => {
    const schema = scenarioJsonSchema() as Json;
    expect(schema["additionalProperties"]).toBe(false);
    expect(schema["required"]).toEqual(["schemaVersion", "inventory"]);
    const server = schema["$defs"]["server"];
    expect(Object.keys(server.properties)).toEqual(INVENTORY_FIELDS.map((f) => f.key));
    expect(server.required).toEqual(["name", "cores", "cpuGhz", "memoryGiB"]);
    expect(server.additionalProperties).toBe(false);
    for (const s of SECTIONS) {
      const def = schema["$defs"][s.key];
      expect(def.additionalProperties, s.key).toBe(false);
      for (const f of s.fields) {
        const [head, tail] = f.key.split(".") as [string, string | undefined];
        const prop =
          tail === undefined ? def.properties[head] : def.properties[head].properties[tail];
        expect(prop, `${s.key}.${f.key}`).toBeDefined();
        expect(prop.description, `${s.key}.${f.key}`).toContain(f.help);
        if (f.optional === true) expect(prop.default, `${s.key}.${f.key}`).toBeUndefined();
        else expect(prop.default, `${s.key}.${f.key}`).toBeDefined();
      }
    }
    expect(schema["$defs"]["licensing"].properties.prices.additionalProperties).toBe(false);
  });

  it("takes its defaults from the ws2022 defaults", () => {
    const schema = scenarioJsonSchema() as Json;
    expect(schema["$defs"]["housing"].properties.pue.default).toBe("1.58");
    expect(schema["$defs"]["licensing"].properties.prices.properties.datacenter.default).toBe(
      "6155"
    );
    expect(schema["properties"]["platform"].default).toBe("ws2022");
  });

  it.each(PLATFORM_IDS.map((p) => [p]))("accepts init's scenario for %s", (platform) => {
    const ok = validate(defaultScenarioJson(platform));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(Object.keys(EXAMPLES).map((f) => [f]))("accepts assets/examples/%s", (file) => {
    const json = JSON.parse(
      readFileSync(new URL(`../../assets/examples/${file}`, import.meta.url), "utf8")
    ) as unknown;
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("accepts numbers as JSON numbers or numeric strings, as the parser does", () => {
    const s = fresh();
    s["host"]["price"] = 25000;
    s["host"]["sockets"] = "2";
    s["inventory"][0]["cpuGhz"] = " 2.4 ";
    expect(validate(s)).toBe(true);
  });

  const BAD: readonly [string, (s: Json) => void, string][] = [
    ["an unknown top-level key", (s) => (s["horizon"] = 5), ""],
    ["an unknown key in a section", (s) => (s["host"]["socket"] = 2), "/host"],
    [
      "an unknown key in prices",
      (s) => (s["licensing"]["prices"]["datacentre"] = "1"),
      "/licensing/prices",
    ],
    ["an unknown key in a row", (s) => (s["inventory"][0]["ram"] = "8"), "/inventory/0"],
    ['schemaVersion "1"', (s) => (s["schemaVersion"] = "1"), "/schemaVersion"],
    ["no schemaVersion", (s) => delete s["schemaVersion"], ""],
    [
      "a negative JSON number",
      (s) => (s["inventory"][0]["memoryGiB"] = -4),
      "/inventory/0/memoryGiB",
    ],
    ["a thousands separator", (s) => (s["host"]["price"] = "9,000"), "/host/price"],
    ["a lower-case currency", (s) => (s["currency"] = "usd"), "/currency"],
    ["an unknown platform", (s) => (s["platform"] = "ws2003"), "/platform"],
    ["an empty inventory", (s) => (s["inventory"] = []), "/inventory"],
    ["a row without a name", (s) => delete s["inventory"][0]["name"], "/inventory/0"],
    [
      "a duplicated option",
      (s) => (s["licensing"]["options"] = ["standard", "standard"]),
      "/licensing/options",
    ],
    [
      "a boolean as a string",
      (s) => (s["inventory"][0]["stayPhysical"] = "true"),
      "/inventory/0/stayPhysical",
    ],
    ["a PUE below 1", (s) => (s["housing"]["pue"] = 0.9), "/housing/pue"],
    ["a horizon of 31 years", (s) => (s["finance"]["horizonYears"] = 31), "/finance/horizonYears"],
  ];

  it.each(BAD)("rejects %s", (_name, edit, where) => {
    const s = fresh();
    edit(s);
    expect(validate(s)).toBe(false);
    expect((validate.errors ?? []).map((e) => e.instancePath)).toContain(where);
  });
});
