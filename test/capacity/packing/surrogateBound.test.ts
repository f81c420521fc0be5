/**
 * The surrogate bound is a lower bound: never above the optimum, which a brute-force search
 * finds for small instances; and it proves optima the per-dimension bounds cannot.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prepareFlat } from "../../../src/capacity/packing/instance";
import {
  instanceLowerBound,
  strongLowerBound,
  surrogateBound,
} from "../../../src/capacity/packing/lowerBound";

/** Fewest bins of `capacity` for `items`, by exhaustive search (items placed largest first). */
function optimum(items: readonly (readonly number[])[], capacity: readonly number[]): number {
  const d = capacity.length;
  const order = items
    .slice()
    .sort((a, b) => b.reduce((s, x) => s + x, 0) - a.reduce((s, x) => s + x, 0));
  let best = order.length;
  const loads: number[][] = [];
  const place = (i: number): void => {
    if (loads.length >= best) return;
    if (i === order.length) {
      best = loads.length;
      return;
    }
    const item = order[i]!;
    for (const load of loads) {
      if (load.every((l, j) => l + item[j]! <= capacity[j]!)) {
        load.forEach((_, j) => (load[j] = load[j]! + item[j]!));
        place(i + 1);
        load.forEach((_, j) => (load[j] = load[j]! - item[j]!));
      }
    }
    loads.push(item.slice(0, d));
    place(i + 1);
    loads.pop();
  };
  place(0);
  return best;
}

const instance = (items: readonly (readonly number[])[], capacity: readonly number[]) =>
  prepareFlat(capacity, new Float64Array(items.flat()), items.length);

describe("surrogateBound", () => {
  it("is never above the optimum (brute force, 2 and 3 dimensions)", () => {
    const arb = fc.integer({ min: 2, max: 3 }).chain((d) =>
      fc.array(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: d, maxLength: d }), {
        minLength: 1,
        maxLength: 8,
      })
    );
    fc.assert(
      fc.property(arb, (items) => {
        const capacity = items[0]!.map(() => 10);
        const opt = optimum(items, capacity);
        expect(strongLowerBound(instance(items, capacity))).toBeLessThanOrEqual(opt);
      }),
      { numRuns: 300, seed: 16 }
    );
  });

  it("proves 3 bins where the per-dimension bounds prove 2", () => {
    // Capacity (10, 10); totals 17 and 18 allow 2 bins in each dimension alone. But (7, 7)
    // shares a bin with none of the others ((12, 8), (9, 13), (10, 11)) and the other three
    // together need (10, 11): 3 bins. Weighting both dimensions (λ·x₁ + (1 − λ)·x₂) lets the
    // 1-D Martello–Toth bound see (7, 7) as too big to share, which neither dimension does.
    const items = [
      [7, 7],
      [5, 1],
      [2, 6],
      [3, 4],
    ];
    const capacity = [10, 10];
    expect(instanceLowerBound(instance(items, capacity))).toBe(2);
    expect(surrogateBound(instance(items, capacity))).toBe(3);
    expect(optimum(items, capacity)).toBe(3);
  });
});
