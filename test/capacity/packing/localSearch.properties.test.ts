import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { runHeuristic } from "../../../src/capacity/packing/heuristics";
import type { Instance } from "../../../src/capacity/packing/instance";
import { improvePacking } from "../../../src/capacity/packing/localSearch";
import { hostLikeInstance, instanceOf } from "./instances";
import * as reference from "./referenceLocalSearch";

/**
 * The production local search hoists loads and free room out of its scans, rejects swaps by
 * their tightest dimension first, and charges runs of checks that bounds (least loads, least
 * and largest demands) show would fail without making them; the reference copy
 * (referenceLocalSearch.ts) makes every check in place. Both must make the same moves: same
 * packing, same effort spent.
 */

/** Integer instances: 1–4 dimensions, capacities 1–100, items up to 40 % or 70 % of them. */
const integerInstance: fc.Arbitrary<Instance> = fc
  .integer({ min: 1, max: 4 })
  .chain((d) => fc.array(fc.integer({ min: 1, max: 100 }), { minLength: d, maxLength: d }))
  .chain((capacity) =>
    fc
      .constantFrom(0.4, 0.7)
      .chain((share) =>
        fc.array(
          fc.tuple(...capacity.map((cap) => fc.integer({ min: 0, max: Math.ceil(share * cap) }))),
          { minLength: 1, maxLength: 120, size: "max" }
        )
      )
      .map((items) => instanceOf(capacity, items))
  );

/** Non-integer instances: capacities such as 31.5 GiB, items up to 60 % of them. */
const floatInstance: fc.Arbitrary<Instance> = fc
  .integer({ min: 1, max: 4 })
  .chain((d) =>
    fc.array(fc.double({ min: 0.5, max: 512, noNaN: true }), { minLength: d, maxLength: d })
  )
  .chain((capacity) =>
    fc
      .array(
        fc.tuple(...capacity.map((cap) => fc.double({ min: 0, max: 0.6 * cap, noNaN: true }))),
        { minLength: 1, maxLength: 120, size: "max" }
      )
      .map((items) => instanceOf(capacity, items))
  );

/** Both searches from the first-fit-decreasing packing, with and without exact completion. */
const sameSearch = (inst: Instance, seed: number, effort: number): void => {
  const start = runHeuristic(inst, "ffd-linf-unit")!;
  for (const completion of [false, true]) {
    const settings = { effort, seed, lowerBound: 1, completion };
    expect(improvePacking(inst, start, settings)).toEqual(
      reference.improvePacking(inst, start, settings)
    );
  }
};

describe("improvePacking against the reference search", () => {
  it("makes the same moves on integer instances", () => {
    fc.assert(
      fc.property(integerInstance, fc.nat(), (inst, seed) => sameSearch(inst, seed, 20_000)),
      { numRuns: 150 }
    );
  });

  it("makes the same moves on non-integer instances", () => {
    fc.assert(
      fc.property(floatInstance, fc.nat(), (inst, seed) => sameSearch(inst, seed, 20_000)),
      { numRuns: 150 }
    );
  });

  it("makes the same moves on host-shaped instances of 300 VMs", () => {
    for (const seed of [1, 2, 3, 4]) sameSearch(hostLikeInstance(seed, 300), seed, 200_000);
  });
});
