import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { descendingDemands, prepareFlat } from "../../../src/capacity/packing/instance";

/**
 * Reference: each dimension's demands by the built-in sort, reversed (how descendingDemands
 * sorted every column before columns of few distinct values were counted, at e0483c4).
 */
function referenceColumns(flat: Float64Array, n: number, d: number): Float64Array[] {
  const columns: Float64Array[] = [];
  for (let j = 0; j < d; j++) {
    const sizes = new Float64Array(n);
    for (let i = 0; i < n; i++) sizes[i] = flat[i * d + j]!;
    sizes.sort();
    sizes.reverse();
    columns.push(sizes);
  }
  return columns;
}

/** Element by element with Object.is, so 0 and −0 count as different. */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

describe("descendingDemands", () => {
  it("gives each column as the built-in sort reversed, few or many distinct values, ±0 included", () => {
    // A pool of 1–40 values drawn from, so columns fall on both sides of the counted limit.
    const value = fc.oneof(
      fc.constantFrom(0, -0, 1, 2.5, 4, 8, 64),
      fc.double({ min: 0, max: 100, noNaN: true })
    );
    const problem = fc
      .record({
        d: fc.integer({ min: 1, max: 3 }),
        pool: fc.array(value, { minLength: 1, maxLength: 40 }),
        n: fc.integer({ min: 0, max: 120 }),
      })
      .chain(({ d, pool, n }) =>
        fc
          .array(fc.integer({ min: 0, max: pool.length - 1 }), {
            minLength: n * d,
            maxLength: n * d,
          })
          .map((picks) => ({ d, n, flat: Float64Array.from(picks, (p) => pool[p]!) }))
      );
    fc.assert(
      fc.property(problem, ({ d, n, flat }) => {
        const inst = prepareFlat(new Array<number>(d).fill(1000), flat, n);
        const expected = referenceColumns(flat, n, d);
        const columns = descendingDemands(inst);
        return columns.length === d && columns.every((c, j) => sameValues(c, expected[j]!));
      }),
      { numRuns: 300 }
    );
  });

  it("counts a column of one repeated value", () => {
    const flat = Float64Array.from([3, 1, 3, 2, 3, 1, 3, 0]);
    const columns = descendingDemands(prepareFlat([10, 10], flat, 4));
    expect(Array.from(columns[0]!)).toEqual([3, 3, 3, 3]);
    expect(Array.from(columns[1]!)).toEqual([2, 1, 1, 0]);
  });
});
