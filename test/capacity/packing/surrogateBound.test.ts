/**
 * The surrogate and dual-feasible-function bounds are lower bounds: never above the optimum,
 * which a brute-force search finds for small instances; and they prove optima the
 * per-dimension bounds cannot.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prepareFlat } from "../../../src/capacity/packing/instance";
import {
  dualFeasibleBound,
  instanceLowerBound,
  matchingBound,
  proofBound,
  splitBound,
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

/**
 * 501–800 items (above the fine proof's 500, where multipliers may be skipped) of 2–4
 * dimensions, each up to 30 % of the capacity, or the first ones (up to 400) above half of it,
 * where Martello–Toth counts more than the total; integer or not.
 */
const manySmallItems = fc
  .record({ d: fc.integer({ min: 2, max: 4 }), n: fc.integer({ min: 501, max: 800 }) })
  .chain(({ d, n }) =>
    fc.record({
      capacity: fc.array(fc.integer({ min: 20, max: 200 }), { minLength: d, maxLength: d }),
      integer: fc.boolean(),
      seed: fc.integer(),
      big: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 })),
      n: fc.constant(n),
    })
  )
  .map(({ capacity, integer, seed, big, n }) => {
    let state = seed >>> 0 || 1;
    const rnd = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const items = Array.from({ length: n }, (_, i) =>
      capacity.map((cap) => {
        const v = (i < big ? 0.5 + 0.3 * rnd() : 0.3 * rnd()) * cap;
        return integer ? Math.floor(v) : v;
      })
    );
    return instance(items, capacity);
  });

describe("surrogateBound", () => {
  it("with a bound the caller holds, gives the same larger of the two as without", () => {
    fc.assert(
      fc.property(manySmallItems, (inst) => {
        const full = surrogateBound(inst);
        for (const atLeast of [0, 1, full - 2, full - 1, full, full + 1]) {
          expect(Math.max(atLeast, surrogateBound(inst, atLeast))).toBe(Math.max(atLeast, full));
          expect(proofBound(inst, atLeast)).toBe(Math.max(atLeast, proofBound(inst)));
        }
      }),
      { numRuns: 10 }
    );
  });

  it("is never above the optimum (brute force, 1 to 3 dimensions)", () => {
    const arb = fc.integer({ min: 1, max: 3 }).chain((d) =>
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

  it("is never above the optimum with non-integer sizes near exact fractions of the bin", () => {
    // Sizes k/6 of the bin (k = 1..5) give totals that land exactly on the fractions where the
    // dual feasible functions jump (1/3, 1/2…); the jitter puts them a hair either side.
    const size = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: -2, max: 2 }))
      .map(([k, jitter]) => (k * 31.5) / 6 + jitter * 1e-12);
    const arb = fc
      .integer({ min: 1, max: 2 })
      .chain((d) =>
        fc.array(fc.array(size, { minLength: d, maxLength: d }), { minLength: 1, maxLength: 8 })
      );
    fc.assert(
      fc.property(arb, (items) => {
        const capacity = items[0]!.map(() => 31.5);
        // The packer allows 1e-9 × capacity above the capacity for non-integer data.
        const opt = optimum(
          items,
          capacity.map((c) => c * (1 + 1e-9))
        );
        expect(strongLowerBound(instance(items, capacity))).toBeLessThanOrEqual(opt);
      }),
      { numRuns: 300, seed: 61 }
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

describe("dualFeasibleBound", () => {
  it("gives the same bound for sizes in decreasing order without sorting them", () => {
    // Few distinct sizes (ties, exact thirds and halves, zeros) or any, up to twice the bin.
    const sizes = fc.oneof(
      fc.array(fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 9, 12), { maxLength: 60 }),
      fc.array(fc.double({ min: 0, max: 24, noNaN: true }), { maxLength: 60 })
    );
    fc.assert(
      fc.property(sizes, fc.constantFrom(6, 9.5, 12), (values, cap) => {
        const descending = Float64Array.from(values).sort().reverse();
        expect(dualFeasibleBound(descending, cap, "descending")).toBe(
          dualFeasibleBound(Float64Array.from(values), cap)
        );
      }),
      { numRuns: 300 }
    );
  });

  it("counts items above a third of the bin two to a bin", () => {
    // Five items of 0.4: no three fit together, so 3 bins; their total (2.0) says 2.
    expect(dualFeasibleBound(new Float64Array([4, 4, 4, 4, 4]), 10)).toBe(3);
    // Exactly a third each: three fit a bin, and the bound must allow it.
    expect(dualFeasibleBound(new Float64Array([1, 1, 1, 1, 1, 1]), 3)).toBe(2);
  });

  it("proves 3 bins on negatively correlated items no three of which fit (Caprara–Toth class 8)", () => {
    // Capacity (150, 150); every item has x + y ≥ 110, so any three exceed 300 = the capacity
    // of the sum x + y: at most two per bin, 3 bins for 5 items. Each dimension alone (total
    // 277 of 150) and every clique of pairwise conflicts (2) say 2.
    const items = [
      [24, 88],
      [30, 80],
      [55, 55],
      [80, 30],
      [88, 24],
    ];
    const capacity = [150, 150];
    expect(instanceLowerBound(instance(items, capacity))).toBe(2);
    expect(proofBound(instance(items, capacity))).toBe(3);
    expect(optimum(items, capacity)).toBe(3);
  });
});

describe("matchingBound and splitBound", () => {
  it("are never above the optimum when most items are large in one dimension (brute force)", () => {
    // Sizes 2–9 of 10 in each of 2–3 dimensions: many items above half a bin in some
    // dimension, which is where the matching and the split count.
    const arb = fc.integer({ min: 2, max: 3 }).chain((d) =>
      fc.array(fc.array(fc.integer({ min: 2, max: 9 }), { minLength: d, maxLength: d }), {
        minLength: 1,
        maxLength: 9,
      })
    );
    fc.assert(
      fc.property(arb, (items) => {
        const capacity = items[0]!.map(() => 10);
        const opt = optimum(items, capacity);
        const inst = instance(items, capacity);
        const all = Int32Array.from(items.keys());
        expect(matchingBound(inst, all, 0, 1)).toBeLessThanOrEqual(opt);
        expect(splitBound(inst)).toBeLessThanOrEqual(opt);
        expect(strongLowerBound(inst)).toBeLessThanOrEqual(opt);
      }),
      { numRuns: 300, seed: 23 }
    );
  });

  it("counts the largest set of large items no two of which share a bin, which the greedy clique misses", () => {
    // Capacity (10, 10). a1 = (9, 1) fits with each of b1..b3 = (1, 6..8); a2 = a3 = (6, 5) fit
    // with nothing large. Largest first, the greedy clique takes a1 and then no b: 3. Large
    // in x: a1, a2, a3; large in y: b1..b3; the only compatible pairs are a1 with a b, so a
    // maximum matching pairs one: 6 − 1 = 5 bins, the optimum.
    const items = [
      [9, 1],
      [6, 5],
      [6, 5],
      [1, 6],
      [1, 7],
      [1, 8],
    ];
    const capacity = [10, 10];
    const inst = instance(items, capacity);
    expect(instanceLowerBound(inst)).toBe(4);
    expect(matchingBound(inst, Int32Array.from(items.keys()), 0, 1)).toBe(5);
    expect(proofBound(inst)).toBe(5);
    expect(optimum(items, capacity)).toBe(5);
  });
});
