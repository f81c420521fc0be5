/**
 * The scenario format (contract v1) as a JSON Schema (draft 2020-12), generated from the same
 * field tables the parser reads, so the two cannot drift. `assets/scenario.schema.json` is this
 * schema written out; a test keeps the file equal to `scenarioJsonSchema()`.
 *
 * The schema is the first line of checking (editors, other tools). `parseScenario` is the
 * authority and checks more than a schema can say: unique server names ignoring case, average
 * CPU at most peak, failuresToTolerate below maxNodes, the platform's cluster-node limit, a host
 * memory reserve below the host's RAM, and ranges of numbers written as strings.
 */
import type { PlatformId } from "../platform";
import { DEFAULT_CURRENCY, DEFAULT_NAME, DEFAULT_SOURCES, defaultSections } from "./defaults";
import {
  HOST_OPTION_FIELDS,
  INVENTORY_FIELDS,
  SECTIONS,
  TOP_FIELDS,
  type FieldSpec,
} from "./fields";
import { LIMITS, MAX_MAGNITUDE } from "./limits";
import { SCHEMA_VERSION } from "./types";

type Schema = Record<string, unknown>;

/** The platform whose defaults the schema shows (the parser's own default platform). */
const SCHEMA_DEFAULTS_PLATFORM: PlatformId = "ws2022";

/** A number written as text, as the parser reads it (surrounding spaces allowed). */
export const NUMERIC_STRING_PATTERN = "^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?\\s*$";

/** Numbers must stay below this (larger figures are typing mistakes); mirrors the parser. */

/** Inventory fields whose default comes from the `physical` section. */
const ROW_DEFAULT_FROM_PHYSICAL: Readonly<Record<string, string>> = {
  peakCpuUtilization: "physical.defaultPeakCpuUtilization",
  averageCpuUtilization: "physical.defaultAverageCpuUtilization",
  storageGiB: "physical.defaultStorageGiB",
  powerWatts: "physical.defaultPowerWatts",
  rackUnits: "physical.defaultRackUnits",
};
const ROW_DEFAULTS: Readonly<Record<string, unknown>> = {
  count: 1,
  os: "windows",
  stayPhysical: false,
};

function valueAt(obj: unknown, dotted: string): unknown {
  let cur = obj;
  for (const part of dotted.split(".")) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** `^…$` of a field pattern, widened to allow the spaces the parser trims. */
function trimmedPattern(pattern: RegExp): string {
  const inner = pattern.source.replace(/^\^/, "").replace(/\$$/, "");
  return `^\\s*(?:${inner})\\s*$`;
}

/** The schema of one field's value. */
export function fieldSchema(f: FieldSpec, description: string, defaultValue?: unknown): Schema {
  const annotations: Schema = { title: f.label, description };
  if (defaultValue !== undefined) annotations["default"] = defaultValue;
  switch (f.kind) {
    case "int":
    case "decimal":
    case "money":
    case "ratio": {
      const number: Schema = { type: f.kind === "int" ? "integer" : "number" };
      if (f.min !== undefined) number[f.minExclusive ? "exclusiveMinimum" : "minimum"] = f.min;
      if (f.max !== undefined) number["maximum"] = f.max;
      else number["exclusiveMaximum"] = MAX_MAGNITUDE;
      return { ...annotations, oneOf: [number, { $ref: "#/$defs/numericString" }] };
    }
    case "string": {
      const text: Schema = { type: "string", minLength: 1, maxLength: 200 };
      text["pattern"] = f.pattern ? trimmedPattern(f.pattern) : "\\S";
      return { ...annotations, ...text };
    }
    case "enum":
      return { ...annotations, type: "string", enum: [...(f.values ?? [])] };
    case "bool":
      return { ...annotations, type: "boolean" };
    case "enumList":
      return {
        ...annotations,
        type: "array",
        minItems: 1,
        uniqueItems: true,
        items: { type: "string", enum: [...(f.values ?? [])] },
      };
  }
}

/** Help, unit and the default's source, as one description. */
function describe(f: FieldSpec, sourcePath?: string): string {
  const unit = f.unit && f.unit !== "count" ? ` Unit: ${f.unit}.` : "";
  const source =
    sourcePath !== undefined && DEFAULT_SOURCES[sourcePath] !== undefined
      ? ` Default: ${DEFAULT_SOURCES[sourcePath]}.`
      : "";
  return `${f.help}${unit}${source}`;
}

/** An object schema from fields with dotted keys (`prices.standard` nests under `prices`). */
function objectSchema(
  fields: readonly FieldSpec[],
  leaf: (f: FieldSpec) => Schema,
  extra: Schema = {}
): Schema {
  const properties: Record<string, Schema> = {};
  const groups = new Map<string, FieldSpec[]>();
  for (const f of fields) {
    const [head, ...rest] = f.key.split(".") as [string, ...string[]];
    if (rest.length === 0) {
      properties[head] = leaf(f);
    } else {
      if (!groups.has(head)) {
        groups.set(head, []);
        properties[head] = {}; // keeps the table's order
      }
      (groups.get(head) as FieldSpec[]).push({ ...f, key: rest.join(".") });
    }
  }
  for (const [head, nested] of groups) {
    const prefix = `${head}.`;
    properties[head] = objectSchema(nested, (f) => leaf({ ...f, key: prefix + f.key }));
  }
  return { type: "object", ...extra, additionalProperties: false, properties };
}

/** The whole scenario format as a JSON Schema (draft 2020-12). */
export function scenarioJsonSchema(): object {
  const defaults = defaultSections(SCHEMA_DEFAULTS_PLATFORM);
  const topDefaults: Record<string, unknown> = {
    name: DEFAULT_NAME,
    currency: DEFAULT_CURRENCY,
    platform: SCHEMA_DEFAULTS_PLATFORM,
  };

  const $defs: Record<string, Schema> = {
    numericString: {
      description:
        'A number written as text with a dot for decimals and no thousands separators, e.g. "1250.50".',
      type: "string",
      pattern: NUMERIC_STRING_PATTERN,
    },
    server: {
      title: "Server",
      description: "One physical server, or a group of `count` identical servers.",
      ...objectSchema(
        INVENTORY_FIELDS,
        (f) => {
          const from = ROW_DEFAULT_FROM_PHYSICAL[f.key];
          const description = from === undefined ? f.help : `${f.help} Defaults to ${from}.`;
          return fieldSchema(
            f,
            `${description}${f.unit && f.unit !== "count" ? ` Unit: ${f.unit}.` : ""}`,
            ROW_DEFAULTS[f.key]
          );
        },
        { required: INVENTORY_FIELDS.filter((f) => f.required).map((f) => f.key) }
      ),
    },
  };
  const properties: Record<string, Schema> = {
    $schema: {
      type: "string",
      description: "Optional address of this JSON Schema, for editors; ignored by the planner.",
    },
    schemaVersion: {
      const: SCHEMA_VERSION,
      description: "Version of the scenario format: 1 (a number).",
    },
  };
  for (const f of TOP_FIELDS)
    properties[f.key] = fieldSchema(f, describe(f, f.key), topDefaults[f.key]);
  properties["inventory"] = {
    type: "array",
    description:
      "The physical servers to consolidate: one row per server, or per group of identical servers. Names must be unique (ignoring case).",
    minItems: 1,
    maxItems: LIMITS.inventoryRows.value,
    items: { $ref: "#/$defs/server" },
  };
  for (const section of SECTIONS) {
    $defs[section.key] = {
      title: section.title,
      description: `${section.help} Every field is optional; a missing field takes its default.`,
      ...objectSchema(section.fields, (f) =>
        fieldSchema(
          f,
          describe(f, `${section.key}.${f.key}`),
          valueAt(defaults[section.key], f.key)
        )
      ),
    };
    properties[section.key] = { $ref: `#/$defs/${section.key}` };
  }
  $defs["hostOption"] = {
    title: "Candidate host",
    description:
      "One host configuration to choose among (`hostOptions`): the fields of `host`, plus a required unique `name` and, for Storage Spaces Direct, its own capacity drives. A field left out takes the scenario's `host` (or `storage`) value.",
    ...objectSchema(
      HOST_OPTION_FIELDS,
      (f) =>
        fieldSchema(
          f,
          `${f.help}${f.unit && f.unit !== "count" ? ` Unit: ${f.unit}.` : ""}`,
          undefined
        ),
      { required: ["name"] }
    ),
  };
  properties["hostOptions"] = {
    type: "array",
    description: `Candidate hosts: for each licensing option the planner plans, licenses and costs every candidate and buys the one with the lowest TCO over the horizon (ties: fewer hosts, then listed order). Leave out to use \`host\` alone. Names must be unique (ignoring case); at most ${LIMITS.hostOptions.value}. Each cluster is built of one candidate (mixed node shapes are out of scope).`,
    minItems: 1,
    maxItems: LIMITS.hostOptions.value,
    items: { $ref: "#/$defs/hostOption" },
  };
  properties["imported"] = {
    type: "object",
    description:
      "Written by `npx hyperv-tco import`: the file the inventory came from and every value the importer assumed or estimated (printed in the assumptions register). Optional.",
    additionalProperties: false,
    properties: {
      file: { type: ["string", "null"] },
      format: { type: "string" },
      assumptions: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["field", "basis", "count", "value", "message"],
          properties: {
            field: { type: "string" },
            basis: { type: "string" },
            count: { type: "integer", minimum: 1 },
            value: { type: ["string", "null"] },
            message: { type: "string" },
          },
        },
      },
    },
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Hyper-V TCO Planner scenario",
    description:
      "Every input of a consolidation business case (scenario contract v1). Numbers may be JSON numbers or numeric strings; " +
      "write money and ratios as strings. Unknown keys are errors. Defaults shown are the ws2022 ones; ws2008r2 has 2010-era defaults. " +
      "The planner checks more than this schema: unique server names, average CPU at most peak, failuresToTolerate below maxNodes, " +
      "the platform's cluster-node limit, a host memory reserve below the host's RAM, and ranges of numbers written as text.",
    type: "object",
    additionalProperties: false,
    required: ["schemaVersion", "inventory"],
    properties,
    $defs,
  };
}
