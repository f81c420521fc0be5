/**
 * Typed input paths: `InputPath` is every dotted path of a numeric input of `Scenario`
 * (`host.price`, `licensing.prices.standard`), derived from the types by template-literal
 * recursion, so a typo (`host.prise`) fails to compile instead of at run time. `FieldPath`
 * is every input leaf (numbers, text, choices, lists). Cost lines, sensitivity, the field
 * table and the task pane name inputs by these paths.
 */
import { Dec, dec } from "../money";
import type { Scenario } from "./types";

/** The scenario's inputs: every part but the inventory, the candidate hosts, the schema version and the import record. */
export type ScenarioInputs = Omit<
  Scenario,
  "inventory" | "schemaVersion" | "imported" | "hostOptions"
>;

/** A value the field table holds as one input (a list of options is one input). */
type Leaf = Dec | number | string | boolean | readonly unknown[];

type Join<P extends string, K extends string> = P extends "" ? K : `${P}.${K}`;

/** Dotted paths of the leaves of `T` whose value is a `V` (objects other than leaves are walked). */
export type LeafPath<T, V, P extends string = ""> = {
  // An optional input (a growth rate left blank) is a leaf too: NonNullable drops its undefined.
  [K in keyof T & string]-?: NonNullable<T[K]> extends Leaf
    ? NonNullable<T[K]> extends V
      ? Join<P, K>
      : never
    : LeafPath<NonNullable<T[K]>, V, Join<P, K>>;
}[keyof T & string];

/** Every input of a scenario by its JSON path (`platform`, `licensing.options`, `host.price`). */
export type FieldPath = LeafPath<ScenarioInputs, Leaf>;

/** The numeric inputs (money, ratios, counts) by JSON path: what cost lines multiply. */
export type InputPath = LeafPath<ScenarioInputs, Dec | number>;

/** The scenario's sections: the object-valued inputs (`finance`, `host` … `manpower`). */
export type SectionKey = {
  [K in keyof ScenarioInputs]: ScenarioInputs[K] extends Leaf ? never : K;
}[keyof ScenarioInputs];

/** Paths below one section (`price` in `host`, `prices.standard` in `licensing`). */
export type SectionFieldKey<S extends SectionKey> = S extends SectionKey
  ? LeafPath<ScenarioInputs[S], Leaf>
  : never;

/** The type of the value at a dotted path of `T`. */
export type ValueAt<T, P extends string> = P extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? ValueAt<T[H], R>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** The value of any input by path (`valueAt(s, "platform")` is a `PlatformId`). */
export function valueAt<P extends FieldPath>(
  scenario: ScenarioInputs,
  path: P
): ValueAt<ScenarioInputs, P> {
  let cur: unknown = scenario;
  for (const part of path.split(".")) cur = (cur as Readonly<Record<string, unknown>>)[part];
  return cur as ValueAt<ScenarioInputs, P>;
}

/** The value of a numeric input as a decimal (counts such as `host.rackUnits` converted exactly). */
export function inputValue(scenario: ScenarioInputs, path: InputPath): Dec {
  const value: Dec | number | undefined = valueAt(scenario, path);
  // Only an optional input (a growth rate left blank) can be absent, and no cost reads those.
  if (value === undefined) throw new Error(`Input ${path} is absent (a programmer error).`);
  return typeof value === "number" ? dec(String(value)) : value;
}

/**
 * The scenario with one numeric input replaced (a new object along the path; the original is
 * untouched). A count keeps its type: `value` is converted to a number there.
 */
export function withInput<S extends ScenarioInputs>(scenario: S, path: InputPath, value: Dec): S {
  const parts = path.split(".");
  const set = (node: Readonly<Record<string, unknown>>, i: number): Record<string, unknown> => {
    const key = parts[i] as string;
    const current = node[key];
    const next =
      i === parts.length - 1
        ? current instanceof Dec
          ? value
          : value.toNumber()
        : set(current as Readonly<Record<string, unknown>>, i + 1);
    return { ...node, [key]: next };
  };
  return set(scenario, 0) as S;
}
