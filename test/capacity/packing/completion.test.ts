/**
 * The exact completion search against the exhaustive reference `exactBins` (test/capacity/
 * packing/verify.ts): with enough nodes, it packs the items into k bins exactly when k bins
 * suffice, and every packing it returns respects the capacities.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { packExactly } from "../../../src/capacity/packing/completion";
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
