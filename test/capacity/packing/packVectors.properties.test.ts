import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ALL_HEURISTICS,
  lowerBoundBins,
  packVectors,
  type PackOptions,
  type PackingProblem,
} from "../../../src/capacity/packing";
import { exactBins, packingViolations } from "./verify";

/**
 * Integer problems: 1–4 dimensions, capacities 1–100, demands mostly up to 60 % of the
 * capacity (several items per bin) and now and then just above it (an item no bin takes).
 */
function integerProblem(maxItems: number): fc.Arbitrary<PackingProblem> {
  return fc
    .integer({ min: 1, max: 4 })
    .chain((d) => fc.array(fc.integer({ min: 1, max: 100 }), { minLength: d, maxLength: d }))
    .chain((capacity) => {
      const item = fc.tuple(
        ...capacity.map((cap) =>
          fc.oneof(
            { weight: 30, arbitrary: fc.integer({ min: 0, max: Math.ceil(0.6 * cap) }) },
            { weight: 1, arbitrary: fc.integer({ min: cap, max: cap + 5 }) }
          )
        )
      );
      return fc.record({
        capacity: fc.constant(capacity),
        items: fc.array(item, { maxLength: maxItems, size: "max" }),
      });
    });
}

/** Non-integer problems: capacities such as 31.5 GiB, demands mostly up to 60 % of them. */
const floatProblem: fc.Arbitrary<PackingProblem> = fc
  .integer({ min: 1, max: 3 })
  .chain((d) =>
    fc.array(fc.double({ min: 0.5, max: 512, noNaN: true }), { minLength: d, maxLength: d })
  )
  .chain((capacity) => {
    const item = fc.tuple(
      ...capacity.map((cap) =>
        fc.oneof(
          { weight: 30, arbitrary: fc.double({ min: 0, max: 0.6 * cap, noNaN: true }) },
          { weight: 1, arbitrary: fc.double({ min: cap, max: 2 * cap, noNaN: true }) }
        )
      )
    );
    return fc.record({
      capacity: fc.constant(capacity),
      items: fc.array(item, { maxLength: 40, size: "max" }),
    });
  });

/**
 * Small local-search budgets, small chunks and subsets of the portfolio, so the properties
 * exercise each heuristic, the local search and the chunked path.
 */
const options: fc.Arbitrary<PackOptions> = fc.record(
  {
    localSearchEffort: fc.integer({ min: 0, max: 50_000 }),
    chunkSize: fc.constantFrom(4, 10, 1_000),
    seed: fc.integer({ min: 0, max: 1_000 }),
    heuristics: fc.subarray([...ALL_HEURISTICS], { minLength: 1 }),
  },
  { requiredKeys: [] }
);

describe("packVectors invariants", () => {
  it("never overfills a bin, assigns every item that fits an empty bin, and counts the bins it uses", () => {
    fc.assert(
      fc.property(integerProblem(60), options, (problem, opts) => {
        expect(packingViolations(problem, packVectors(problem, opts))).toEqual([]);
      }),
      { numRuns: 300 }
    );
  });

  it("keeps non-integer loads within capacity × (1 + 1e-9)", () => {
    fc.assert(
      fc.property(floatProblem, options, (problem, opts) => {
        expect(packingViolations(problem, packVectors(problem, opts))).toEqual([]);
      }),
      { numRuns: 200 }
    );
  });

  it("never uses fewer bins than its lower bound, and reports the same bound as lowerBoundBins", () => {
    fc.assert(
      fc.property(integerProblem(60), (problem) => {
        const result = packVectors(problem);
        expect(result.bins).toBeGreaterThanOrEqual(result.lowerBound);
        expect(result.lowerBound).toBe(lowerBoundBins(problem));
      }),
      { numRuns: 200 }
    );
  });

  it("has a lower bound no higher than the true optimum (exhaustive search on ≤ 8 items)", () => {
    fc.assert(
      fc.property(integerProblem(8), (problem) => {
        const optimum = exactBins(problem);
        expect(lowerBoundBins(problem)).toBeLessThanOrEqual(optimum);
        expect(packVectors(problem).bins).toBeGreaterThanOrEqual(optimum);
      }),
      { numRuns: 300 }
    );
  });

  it("gives the same result for the same input and options", () => {
    fc.assert(
      fc.property(integerProblem(60), options, (problem, opts) => {
        expect(packVectors(problem, opts)).toEqual(packVectors(problem, opts));
      }),
      { numRuns: 100 }
    );
  });

  it("does not change its input", () => {
    fc.assert(
      fc.property(integerProblem(30), (problem) => {
        const copy = structuredClone(problem);
        packVectors(problem);
        expect(problem).toEqual(copy);
      }),
      { numRuns: 50 }
    );
  });
});
