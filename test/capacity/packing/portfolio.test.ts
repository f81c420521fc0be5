/**
 * The portfolio's early stop (portfolio.ts `runPortfolio`): it stops at the first heuristic
 * whose packing meets the lower bound, proving the surrogate and dual-feasible bounds first on
 * 2-D integer data. Checked against the straightforward portfolio it replaces: run every
 * heuristic, keep the first with the fewest bins, and prove those bounds only when that packing
 * is above the cheap bound.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ALL_HEURISTICS, runHeuristic } from "../../../src/capacity/packing/heuristics";
import { prepareInstance, type Instance } from "../../../src/capacity/packing/instance";
import { instanceLowerBound, proofBound } from "../../../src/capacity/packing/lowerBound";
import { runPortfolio } from "../../../src/capacity/packing/portfolio";
import type { HeuristicName, PackingProblem } from "../../../src/capacity/packing";

/** Every heuristic runs; the first with the fewest bins wins; the bound as before the early stop. */
function fullPortfolio(inst: Instance, names: readonly HeuristicName[]) {
  let best: { binOf: Int32Array; bins: number; heuristic: string } | undefined;
  for (const name of names) {
    const packing = runHeuristic(inst, name)!;
    if (best === undefined || packing.bins < best.bins) best = { ...packing, heuristic: name };
  }
  const cheap = instanceLowerBound(inst);
  const lowerBound = best!.bins > cheap ? Math.max(cheap, proofBound(inst)) : cheap;
  return { ...best!, lowerBound };
}

/**
 * Up to 40 items of 1–3 dimensions fitting an empty bin; integer or not. Half are 2-D integer
 * data, where the bounds are proved before the heuristics after the first.
 */
const problem: fc.Arbitrary<PackingProblem> = fc
  .oneof(
    fc.constant({ d: 2, integer: true }),
    fc.record({ d: fc.integer({ min: 1, max: 3 }), integer: fc.boolean() })
  )
  .chain(({ d, integer }) =>
    fc.array(fc.integer({ min: 10, max: 40 }), { minLength: d, maxLength: d }).chain((capacity) =>
      fc.record({
        capacity: fc.constant(capacity),
        items: fc.array(
          fc.tuple(
            ...capacity.map((cap) =>
              integer
                ? fc.integer({ min: 1, max: cap })
                : fc.double({ min: 0.5, max: cap, noNaN: true })
            )
          ),
          { minLength: 1, maxLength: 40 }
        ),
      })
    )
  );

describe("runPortfolio", () => {
  it("stops after the first heuristic when the proved bound shows its packing optimal", () => {
    // 8 items in 2-D: the cheap bounds give 4 bins, the surrogate bound 5, and every heuristic
    // packs 5 (values found by a seeded random search over small 2-D instances).
    const items = [
      [13, 9],
      [10, 4],
      [7, 7],
      [8, 11],
      [5, 8],
      [18, 5],
      [10, 17],
      [7, 9],
    ];
    const inst = prepareInstance({ capacity: [20, 20], items });
    const cheap = instanceLowerBound(inst);
    expect(proofBound(inst)).toBeGreaterThan(cheap);
    const run = runPortfolio(inst, ALL_HEURISTICS, cheap);
    expect(run.heuristicsRun).toBe(1);
    const full = fullPortfolio(inst, ALL_HEURISTICS);
    expect(run.greedy.heuristic).toBe(full.heuristic);
    expect(run.greedy.packing.bins).toBe(full.bins);
    expect(Array.from(run.greedy.packing.binOf)).toEqual(Array.from(full.binOf));
    expect(run.lowerBound).toBe(full.lowerBound);
  });

  it("keeps the packing, winner and bound of running every heuristic", () => {
    fc.assert(
      fc.property(
        problem,
        fc.shuffledSubarray([...ALL_HEURISTICS], { minLength: 1 }),
        (p, names) => {
          const inst = prepareInstance(p);
          const run = runPortfolio(inst, names, instanceLowerBound(inst));
          const full = fullPortfolio(inst, names);
          expect(run.heuristicsRun).toBeLessThanOrEqual(names.length);
          expect(run.greedy.heuristic).toBe(full.heuristic);
          expect(Array.from(run.greedy.packing.binOf)).toEqual(Array.from(full.binOf));
          expect(run.lowerBound).toBe(full.lowerBound);
        }
      ),
      { numRuns: 300 }
    );
  });
});
