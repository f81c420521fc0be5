import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { runHeuristic } from "../../../src/capacity/packing/heuristics";
import { prepareFlat, type Instance } from "../../../src/capacity/packing/instance";
import { improvePacking } from "../../../src/capacity/packing/localSearch";
import { seeded } from "../../tco/fixtures";
import * as reference from "./referenceLocalSearch";

/**
 * The production local search hoists loads and free room out of its scans and rejects swaps
 * by their tightest dimension first; the reference copy (referenceLocalSearch.ts) recomputes
 * everything in place. Both must make the same moves: same packing, same effort spent.
 */

/** An instance from capacities and item vectors. */
function instanceOf(capacity: readonly number[], items: readonly (readonly number[])[]): Instance {
  const d = capacity.length;
  const flat = new Float64Array(items.length * d);
  items.forEach((item, i) => flat.set(item, i * d));
  return prepareFlat(capacity, flat, items.length);
}

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

/** An instance shaped like the capacity engine's: GHz, GiB, vCPUs and one VM slot per VM. */
function hostLikeInstance(seed: number, vms: number): Instance {
  const rnd = seeded(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!;
  const items: number[][] = [];
  for (let i = 0; i < vms; i++) {
    const cores = pick([1, 2, 2, 4, 4, 8, 12]);
    const ghz = pick([2.0, 2.33, 2.66, 2.93, 3.0]);
    const peak = 0.05 + Math.floor(rnd() * 61) / 100;
    items.push([cores * ghz * peak, pick([2, 4, 4, 8, 16, 24, 48]), cores, 1]);
  }
  // A 2010 two-socket host: 12 cores × 2.93 GHz at 80 %, 96 GiB, 4 vCPUs per core, 384 VMs.
  return instanceOf([12 * 2.93 * 0.8, 96, 48, 384], items);
}

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
