/**
 * The parser's fast path for valid fields must agree with the checked path on every value:
 * same typed value (a Decimal equal to the same digits), same issues. Values cluster around each
 * field's bounds, where the fast path judges doubles and must hand the close calls over.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  INVENTORY_FIELDS,
  parseField,
  parseFieldChecked,
  SECTIONS,
  TOP_FIELDS,
  type FieldSpec,
  type Issue,
} from "../../src/scenario";
import { Dec } from "../../src/money";

const FIELDS: readonly FieldSpec[] = [
  ...TOP_FIELDS,
  ...SECTIONS.flatMap((s) => s.fields),
  ...INVENTORY_FIELDS,
];

/** Numbers at, just beside and far from a field's bounds, as JSON numbers and as texts. */
function rawValues(f: FieldSpec): fc.Arbitrary<unknown> {
  const anchors = [f.min ?? 0, f.max ?? 1, 0, 1, 1e15, -1e15];
  const near = fc
    .tuple(fc.constantFrom(...anchors), fc.constantFrom(0, 1e-9, -1e-9, 0.5, -0.5, 1, -1, 1e-21))
    .map(([a, d]) => a + d);
  // Decimals closer to a whole bound than any double: they round onto the bound.
  const hairline = fc
    .constantFrom(...anchors.filter((a) => Number.isInteger(a) && Math.abs(a) < 1e15))
    .chain((a) => fc.constantFrom(`${a}.00000000000000000001`, `${a - 1}.99999999999999999999`));
  const texts = fc.oneof(
    hairline,
    near.map(String),
    near.map((x) => ` ${x} `),
    fc.constantFrom(
      "-0",
      "+3",
      "0.10",
      "1.0",
      "1e3",
      "0.99999999999999999999",
      "1.00000000000000000001",
      "-0.00000000000000000001",
      "0.00000000000000000001",
      "999999999999999.9",
      "1e15",
      "12 %",
      "1,000",
      "",
      " ",
      "abc",
      "true"
    ),
    fc.string(),
    fc.stringMatching(/^[+-]?\d{1,4}(\.\d{1,25})?$/)
  );
  const enumValues = (f.values ?? []).flatMap((v) => [v, v.toUpperCase(), ` ${v}`]);
  return fc.oneof(
    near,
    texts,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom(null, undefined, [], {}, -0, NaN, Infinity),
    enumValues.length > 0 ? fc.constantFrom(...enumValues) : fc.constant("x"),
    fc.constantFrom(...(f.values ?? ["x"])).map((v) => [v])
  );
}

/** A typed value in a comparable form (Decimals by their digits). */
function comparable(v: unknown): unknown {
  return v instanceof Dec ? `Dec(${v.toString()})` : v;
}

describe("parseField's fast path", () => {
  it("gives what the checked path gives, value and issues, for every field", () => {
    const field = fc.constantFrom(...FIELDS).chain((f) => fc.tuple(fc.constant(f), rawValues(f)));
    fc.assert(
      fc.property(field, ([f, raw]) => {
        const fastIssues: Issue[] = [];
        const checkedIssues: Issue[] = [];
        const fast = parseField(f, raw, `x.${f.key}`, fastIssues, new Map());
        const checked = parseFieldChecked(f, raw, `x.${f.key}`, checkedIssues);
        expect(comparable(fast)).toStrictEqual(comparable(checked));
        expect(fastIssues).toStrictEqual(checkedIssues);
      }),
      { numRuns: 1500, seed: 16 }
    );
  });

  it("agrees on every field's bounds, written exactly and with digits beyond a double's", () => {
    for (const f of FIELDS) {
      for (const b of [f.min, f.max]) {
        if (b === undefined) continue;
        const texts = [String(b), `${b}.0`, ` ${b} `, `${b}.00000000000000000001`];
        if (Number.isInteger(b)) texts.push(`${b - 1}.99999999999999999999`);
        for (const raw of [b, ...texts]) {
          const fastIssues: Issue[] = [];
          const checkedIssues: Issue[] = [];
          const fast = parseField(f, raw, f.key, fastIssues, new Map());
          const checked = parseFieldChecked(f, raw, f.key, checkedIssues);
          expect([f.key, raw, comparable(fast)]).toStrictEqual([f.key, raw, comparable(checked)]);
          expect(fastIssues).toStrictEqual(checkedIssues);
        }
      }
    }
  });

  it("shares one Decimal per text within a parse", () => {
    const f = INVENTORY_FIELDS.find((x) => x.key === "cpuGhz")!;
    const cache = new Map<string, Dec>();
    const a = parseField(f, "2.93", "a", [], cache);
    const b = parseField(f, " 2.93", "b", [], cache);
    expect(a).toBe(b);
    expect((a as Dec).toString()).toBe("2.93");
  });

  it("hands a value on an inclusive bound written with extra digits to the checked path", () => {
    // 0.99999999999999999999 is below 1 as a decimal, though it rounds to the double 1.
    const pue = SECTIONS.flatMap((s) => s.fields).find((x) => x.key === "pue")!;
    expect(pue.min).toBe(1);
    const issues: Issue[] = [];
    expect(parseField(pue, "0.99999999999999999999", "housing.pue", issues)).toBe(undefined);
    expect(issues.map((i) => i.path)).toEqual(["housing.pue"]);
  });
});
