import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cliqueBound } from "../../../src/capacity/packing/cliqueBound";
import type { Instance } from "../../../src/capacity/packing/instance";
import { hostLikeInstance, instanceOf } from "./instances";
import * as reference from "./referenceHeuristics";

/**
 * Reference copy of cliqueBound as it was before it sorted only the items the greedy reads
 * (src/capacity/packing/lowerBound.ts at 9e53931): every item sorted by decreasing largest share,
 * then the greedy over that order.
 */
function referenceCliqueBound(inst: Instance, maxChecks: number): number {
  const { n, d, norm, demand, limit } = inst;
  if (n === 0) return 0;
  const share = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < d; j++) m = Math.max(m, norm[i * d + j]!);
    share[i] = m;
  }
  const order = reference.decreasingOrder(share);
  const clique: number[] = [];
  let checks = 0;
  let smallTaken = false;
  for (const i of order) {
    const isBig = share[i]! > 0.5;
    if (!isBig && smallTaken) break;
    let compatibleWithAll = true;
    for (let m = 0; m < clique.length && compatibleWithAll; m++) {
      const c = clique[m]!;
      checks++;
      let conflict = false;
      for (let j = 0; j < d && !conflict; j++)
        conflict = demand[i * d + j]! + demand[c * d + j]! > limit[j]!;
      compatibleWithAll = conflict;
    }
    if (compatibleWithAll) {
      clique.push(i);
      if (!isBig) smallTaken = true;
    }
    if (checks > maxChecks) break;
  }
  return Math.max(clique.length, 1);
}

/**
 * 1–3 dimensions, capacities 1–100, items up to all of the capacity (many above half of it, so
 * the greedy goes on past the first small item) drawn from a small pool (many ties) or not.
 */
const instance: fc.Arbitrary<Instance> = fc
  .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 3 })
  .chain((capacity) => {
    const item = fc.tuple(...capacity.map((cap) => fc.integer({ min: 0, max: cap })));
    return fc
      .oneof(
        fc.array(item, { maxLength: 80 }),
        fc
          .tuple(
            fc.array(item, { minLength: 1, maxLength: 5 }),
            fc.array(fc.nat(), { maxLength: 80 })
          )
          .map(([pool, picks]) => picks.map((k) => pool[k % pool.length]!))
      )
      .map((items) => instanceOf(capacity, items));
  });

describe("cliqueBound", () => {
  it("is the greedy clique over every item sorted, with any budget of pair tests", () => {
    // Budgets 0–40 stop the greedy at every point of these small cliques; 2,000,000 never does.
    const budgets = [...Array.from({ length: 41 }, (_, k) => k), 2_000_000];
    fc.assert(
      fc.property(instance, (inst) => {
        for (const maxChecks of budgets)
          expect({ maxChecks, bound: cliqueBound(inst, maxChecks) }).toEqual({
            maxChecks,
            bound: referenceCliqueBound(inst, maxChecks),
          });
      }),
      { numRuns: 300 }
    );
  });

  it("on VM-like items (none above half a host) is the one item of largest share", () => {
    for (const seed of [1, 2, 3]) {
      const inst = hostLikeInstance(seed, 300);
      expect(cliqueBound(inst)).toBe(referenceCliqueBound(inst, 2_000_000));
    }
  });
});
