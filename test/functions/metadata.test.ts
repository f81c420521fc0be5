/**
 * The functions.json the build ships: generated here from src/functions/functions.ts by the
 * same generator the webpack plugin runs (custom-functions-metadata), and pinned function by
 * function — ids, names, parameter names, types, dimensionality and optional flags, result
 * types — with no error or warning from the generator.
 */
import { join } from "node:path";
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as FUNCTIONS from "../../src/functions/functions";
import { REPO_ROOT } from "../support/paths";

const SOURCE = join(REPO_ROOT, "src", "functions", "functions.ts");

interface Param {
  readonly name: string;
  readonly type: string;
  readonly dimensionality?: "matrix";
  readonly optional?: true;
}

/** What Excel must see: id (= name), JS function, parameters and result type. */
const EXPECTED: readonly {
  readonly id: string;
  readonly js: string;
  readonly parameters: readonly Param[];
  readonly result: string;
}[] = [
  { id: "VERSION", js: "version", parameters: [], result: "string" },
  {
    id: "HOSTS",
    js: "hosts",
    parameters: [
      { name: "inventoryRange", type: "any", dimensionality: "matrix" },
      { name: "hostCores", type: "number" },
      { name: "hostMemoryGiB", type: "number" },
      { name: "failuresToTolerate", type: "number", optional: true },
      { name: "platform", type: "string", optional: true },
    ],
    result: "number",
  },
  {
    id: "LICENSES",
    js: "licenses",
    parameters: [
      { name: "edition", type: "string" },
      { name: "sockets", type: "number" },
      { name: "coresPerSocket", type: "number" },
      { name: "windowsVms", type: "number" },
      { name: "platform", type: "string", optional: true },
    ],
    result: "number",
  },
  {
    id: "LICENSECOST",
    js: "licenseCost",
    parameters: [
      { name: "edition", type: "string" },
      { name: "sockets", type: "number" },
      { name: "coresPerSocket", type: "number" },
      { name: "windowsVms", type: "number" },
      { name: "platform", type: "string", optional: true },
      { name: "price", type: "number", optional: true },
    ],
    result: "number",
  },
  {
    id: "BREAKEVEN",
    js: "breakEven",
    parameters: [
      { name: "editionA", type: "string" },
      { name: "editionB", type: "string" },
      { name: "sockets", type: "number" },
      { name: "coresPerSocket", type: "number" },
      { name: "platform", type: "string", optional: true },
    ],
    result: "number",
  },
  {
    id: "PAYBACK",
    js: "payback",
    parameters: [{ name: "cashflowRange", type: "any", dimensionality: "matrix" }],
    result: "number",
  },
];

let generated: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
let functions: IFunction[];
const consoleCalls: unknown[][] = [];

beforeAll(async () => {
  const spies = (["log", "warn", "error"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleCalls.push([level, ...args]);
    })
  );
  try {
    generated = await generateCustomFunctionsMetadata([SOURCE], true);
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
  functions =
    generated.errors.length === 0
      ? (JSON.parse(generated.metadataJson) as { functions: IFunction[] }).functions
      : [];
});

afterEach(() => vi.restoreAllMocks());

describe("functions.json generated from functions.ts", () => {
  it("has no errors and prints no warnings", () => {
    expect(generated.errors).toEqual([]);
    expect(consoleCalls).toEqual([]);
  });

  it("declares exactly the expected functions, in order, id = name, upper case", () => {
    expect(functions.map((f) => f.id)).toEqual(EXPECTED.map((e) => e.id));
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^[A-Z][A-Z0-9]*$/);
      expect(f.description?.length ?? 0).toBeGreaterThan(20);
      expect(f.options).toBeUndefined(); // not volatile, not streaming: Excel may cache results
    }
  });

  it.each(EXPECTED)("$id: parameters and result", (expected) => {
    const f = functions.find((x) => x.id === expected.id);
    expect(f).toBeDefined();
    const params = (f?.parameters ?? []).map((p) => ({
      name: p.name,
      type: p.type,
      ...(p.dimensionality ? { dimensionality: p.dimensionality } : {}),
      ...(p.optional ? { optional: p.optional } : {}),
    }));
    expect(params).toEqual(expected.parameters);
    for (const p of f?.parameters ?? []) expect(p.description?.length ?? 0).toBeGreaterThan(5);
    expect(f?.result).toEqual({ type: expected.result });
    // Optional parameters come last (Excel requires it).
    const firstOptional = params.findIndex((p) => p.optional);
    if (firstOptional >= 0) expect(params.slice(firstOptional).every((p) => p.optional)).toBe(true);
  });

  it("associates every id with an exported function of functions.ts (what the loader appends)", () => {
    expect(generated.associate.map((a) => [a.id, a.functionName])).toEqual(
      EXPECTED.map((e) => [e.id, e.js])
    );
    const exported = FUNCTIONS as unknown as Record<string, unknown>;
    for (const e of EXPECTED) expect(typeof exported[e.js]).toBe("function");
    // Nothing else is exported: every export is a custom function.
    expect(Object.keys(exported).sort()).toEqual(EXPECTED.map((e) => e.js).sort());
  });

  it("takes each function's parameter count from its JS signature", () => {
    const exported = FUNCTIONS as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const e of EXPECTED) expect(exported[e.js]?.length).toBe(e.parameters.length);
  });
});
