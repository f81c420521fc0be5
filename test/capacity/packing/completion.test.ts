/**
 * The exact searches of completion.ts against the exhaustive reference `exactBins`
 * (test/capacity/packing/verify.ts): with enough nodes, each packs the items into k bins
 * exactly when k bins suffice, and every packing it returns respects the capacities.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  exactStepsApply,
  packExactly,
  packIntoBins,
  searchShareAfterCompletion,
} from "../../../src/capacity/packing/completion";
import { prepareInstance } from "../../../src/capacity/packing/instance";
import type { PackingProblem } from "../../../src/capacity/packing";
import { exactBins } from "./verify";

/** Up to 9 integer items of 1–3 dimensions, each fitting an empty bin of capacity 10–40. */
const smallProblem: fc.Arbitrary<PackingProblem> = fc
  .integer({ min: 1, max: 3 })
  .chain((d) => fc.array(fc.integer({ min: 10, max: 40 }), { minLength: d, maxLength: d }))
  .chain((capacity) =>
    fc.record({
      capacity: fc.constant(capacity),
      items: fc.array(fc.tuple(...capacity.map((cap) => fc.integer({ min: 0, max: cap }))), {
        minLength: 1,
        maxLength: 9,
      }),
    })
  );

function loadsWithin(problem: PackingProblem, binOf: Int32Array, bins: number): boolean {
  const load = Array.from({ length: bins }, () => problem.capacity.map(() => 0));
  problem.items.forEach((item, i) => item.forEach((v, j) => (load[binOf[i]!]![j]! += v)));
  return load.every((row) => row.every((v, j) => v <= problem.capacity[j]!));
}

describe("packExactly", () => {
  it("finds a packing into k bins exactly when the optimum is at most k", () => {
    fc.assert(
      fc.property(smallProblem, fc.integer({ min: 1, max: 5 }), (problem, bins) => {
        const inst = prepareInstance(problem);
        const items = Array.from({ length: inst.n }, (_, k) => k);
        const { binOf } = packExactly(inst, items, bins, 1_000_000);
        expect(binOf !== null).toBe(exactBins(problem) <= bins);
        if (binOf !== null) {
          expect(binOf.every((b) => b >= 0 && b < bins)).toBe(true);
          expect(loadsWithin(problem, binOf, bins)).toBe(true);
        }
      })
    );
  });

  it("gives up (null) when the node budget runs out first", () => {
    // 6 items of 6 in bins of 10: one per bin, so 5 bins cannot hold them; proving it takes
    // more than one node.
    const problem = { capacity: [10], items: Array.from({ length: 6 }, () => [6]) };
    const inst = prepareInstance(problem);
    const result = packExactly(inst, [0, 1, 2, 3, 4, 5], 5, 1);
    expect(result.binOf).toBeNull();
    expect(result.nodes).toBe(1);
  });

  it("keeps the caller's order of items in its answer", () => {
    // 7 + 3 and 5 + 5 fill two bins of 10 exactly.
    const problem = { capacity: [10], items: [[3], [5], [7], [5]] };
    const { binOf } = packExactly(prepareInstance(problem), [0, 1, 2, 3], 2, 1_000);
    expect(binOf).not.toBeNull();
    expect(binOf![0]).toBe(binOf![2]);
    expect(binOf![1]).toBe(binOf![3]);
    expect(binOf![0]).not.toBe(binOf![1]);
  });
});

describe("packIntoBins", () => {
  it("packs every item into k bins exactly when the optimum is at most k, else proves none", () => {
    fc.assert(
      fc.property(smallProblem, fc.integer({ min: 1, max: 5 }), (problem, bins) => {
        const inst = prepareInstance(problem);
        const { binOf, complete } = packIntoBins(inst, bins, 1_000_000);
        expect(complete).toBe(true);
        expect(binOf !== null).toBe(exactBins(problem) <= bins);
        if (binOf !== null) {
          expect(binOf.every((b) => b >= 0 && b < bins)).toBe(true);
          expect(loadsWithin(problem, binOf, bins)).toBe(true);
        }
      }),
      { numRuns: 300 }
    );
  });

  it("gives the same answer whatever positive weights order the items", () => {
    fc.assert(
      fc.property(
        smallProblem,
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
        (problem, bins, weights) => {
          const inst = prepareInstance(problem);
          const { binOf, complete } = packIntoBins(inst, bins, 1_000_000, weights);
          expect(complete).toBe(true);
          expect(binOf !== null).toBe(exactBins(problem) <= bins);
          if (binOf !== null) expect(loadsWithin(problem, binOf, bins)).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("packs items cut from k full bins back into k bins (no room to waste)", () => {
    // Each of k bins of (60, 60) is cut into 2–4 items whose sizes add up to exactly 60 in
    // both dimensions, so every bin of a k-bin packing must be exactly full: the searches that
    // close a bin with one last item carry the work here.
    const cut = fc.array(
      fc.tuple(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 })
      ),
      { minLength: 1, maxLength: 6 }
    );
    const splits = (marks: number[], parts: number): number[] => {
      const points = [...new Set(marks.map((m) => Math.min(59, m)))].sort((a, b) => a - b);
      const cuts = [0, ...points.slice(0, parts - 1), 60];
      while (cuts.length < parts + 1) cuts.splice(cuts.length - 1, 0, 60);
      return cuts.slice(1).map((c, k) => c - cuts[k]!);
    };
    fc.assert(
      fc.property(
        cut,
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 2 }),
        (bins, weights) => {
          const items: number[][] = [];
          for (const [a, b] of bins) {
            const parts = Math.max(a.length, b.length) + 1;
            const xs = splits(a, parts);
            const ys = splits(b, parts);
            xs.forEach((x, k) => items.push([x, ys[k]!]));
          }
          const problem = { capacity: [60, 60], items };
          const inst = prepareInstance(problem);
          const { binOf } = packIntoBins(inst, bins.length, 1_000_000, weights);
          expect(binOf).not.toBeNull();
          expect(loadsWithin(problem, binOf!, bins.length)).toBe(true);
        }
      ),
      { numRuns: 200 }
    );
  });

  it("treats identical items as one choice and still packs them all", () => {
    // Four copies of (5, 2) and two of (5, 8) in bins of (10, 10): at most two items per bin
    // (5 + 5 + 5 > 10), so 6 items need 3 bins — {5/8, 5/2} twice and {5/2, 5/2}.
    const item = (a: number, b: number): number[] => [a, b];
    const problem = {
      capacity: [10, 10],
      items: [item(5, 2), item(5, 8), item(5, 2), item(5, 2), item(5, 8), item(5, 2)],
    };
    expect(exactBins(problem)).toBe(3);
    const inst = prepareInstance(problem);
    expect(packIntoBins(inst, 2, 1_000).binOf).toBeNull();
    const { binOf } = packIntoBins(inst, 3, 1_000);
    expect(binOf).not.toBeNull();
    expect(loadsWithin(problem, binOf!, 3)).toBe(true);
  });

  it("gives up (incomplete) when the node budget runs out first", () => {
    // Five items of 6 in four bins of 10: the total (30) fits, so only the search shows that
    // each bin takes one; it needs three nodes (one per bin filled), two are not enough.
    const problem = { capacity: [10], items: Array.from({ length: 5 }, () => [6]) };
    expect(packIntoBins(prepareInstance(problem), 4, 1_000).complete).toBe(true);
    const result = packIntoBins(prepareInstance(problem), 4, 2);
    expect(result.binOf).toBeNull();
    expect(result.complete).toBe(false);
  });
});

describe("exactStepsApply", () => {
  it.each([
    ["2-D integers", { capacity: [10, 20], items: [[3, 4]] }, true],
    ["1-D integers", { capacity: [10], items: [[3]] }, false],
    ["3-D integers", { capacity: [10, 20, 30], items: [[3, 4, 5]] }, false],
    ["a non-integer capacity", { capacity: [10.5, 20], items: [[3, 4]] }, false],
    ["a non-integer demand", { capacity: [10, 20], items: [[3, 4.25]] }, false],
  ])("is %s → %s", (_, problem, expected) => {
    expect(exactStepsApply(prepareInstance(problem))).toBe(expected);
  });
});

describe("searchShareAfterCompletion", () => {
  // Six items of (50, 50) or (40, 60)/(60, 40) pairs: 3 bins of (100, 100) hold them exactly.
  const tight = {
    capacity: [100, 100],
    items: [
      [50, 50],
      [50, 50],
      [40, 60],
      [60, 40],
      [30, 70],
      [70, 30],
    ],
  };

  it("cuts the search where the bound's bins must be full and hold few items", () => {
    // Room to waste in 3 bins: 0 + 0 bins; 6 items ≤ 3 per bin → tight.
    expect(searchShareAfterCompletion(prepareInstance(tight), 3)).toBeLessThan(1);
  });

  it("leaves the whole search where there is room to waste or many items per bin", () => {
    // 4 bins leave 1 + 1 bins of room.
    expect(searchShareAfterCompletion(prepareInstance(tight), 4)).toBe(1);
    // 12 items of (25, 25) in 3 bins: room 0, but 4 items per bin.
    const many = { capacity: [100, 100], items: Array.from({ length: 12 }, () => [25, 25]) };
    expect(searchShareAfterCompletion(prepareInstance(many), 3)).toBe(1);
  });

  it("leaves the whole search on data the exact steps do not run on", () => {
    // The same items with a third dimension: not 2-D.
    const threeD = { capacity: [100, 100, 100], items: tight.items.map(([a, b]) => [a!, b!, 1]) };
    expect(searchShareAfterCompletion(prepareInstance(threeD), 3)).toBe(1);
  });
});
