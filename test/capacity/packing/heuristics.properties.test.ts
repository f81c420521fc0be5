import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  binCentric,
  type BinCentricRule,
  type BinCentricSearch,
} from "../../../src/capacity/packing/binCentric";
import {
  ALL_HEURISTICS,
  decreasingOrder,
  runHeuristic,
  sizeOrder,
} from "../../../src/capacity/packing/heuristics";
import {
  prepareInstance,
  subInstance,
  type Instance,
} from "../../../src/capacity/packing/instance";
import { hostLikeInstance, instanceOf } from "./instances";
import * as reference from "./referenceHeuristics";

/**
 * The production heuristics prune and share work; the reference copy (referenceHeuristics.ts,
 * the plain scans they replaced) does not. Both must make exactly the same choices: the same
 * bin for every item, for every heuristic of the portfolio.
 */

/**
 * Integer instances: 1–5 dimensions, capacities 0–100 (a dimension of capacity 0 holds only
 * zero demands), items drawn from a small pool (many ties) or each its own, up to 40 % of the
 * capacity or up to all of it.
 */
const integerInstance: fc.Arbitrary<Instance> = fc
  .integer({ min: 1, max: 5 })
  .chain((d) =>
    fc.array(
      fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 100 }) }, fc.constant(0)),
      {
        minLength: d,
        maxLength: d,
      }
    )
  )
  .chain((capacity) => {
    const item = fc
      .constantFrom(0.4, 1)
      .chain((share) =>
        fc.tuple(...capacity.map((cap) => fc.integer({ min: 0, max: Math.ceil(share * cap) })))
      );
    return fc
      .oneof(
        fc.array(item, { maxLength: 150, size: "max" }),
        fc
          .tuple(
            fc.array(item, { minLength: 1, maxLength: 6 }),
            fc.array(fc.nat(), { maxLength: 150, size: "max" })
          )
          .map(([pool, picks]) => picks.map((k) => pool[k % pool.length]!))
      )
      .map((items) => instanceOf(capacity, items));
  });

/** Non-integer instances: capacities such as 31.5 GiB, items up to 60 % of them, some repeated. */
const floatInstance: fc.Arbitrary<Instance> = fc
  .integer({ min: 1, max: 4 })
  .chain((d) =>
    fc.array(fc.double({ min: 0.5, max: 512, noNaN: true }), { minLength: d, maxLength: d })
  )
  .chain((capacity) => {
    const item = fc.tuple(
      ...capacity.map((cap) => fc.double({ min: 0, max: 0.6 * cap, noNaN: true }))
    );
    return fc
      .array(item, { maxLength: 120, size: "max" })
      .chain((items) =>
        fc
          .array(fc.nat(), { maxLength: 30 })
          .map((copies) => [
            ...items,
            ...copies.flatMap((k) => (items.length ? [items[k % items.length]!] : [])),
          ])
      )
      .map((items) => instanceOf(capacity, items));
  });

/**
 * Every heuristic as the portfolio runs it, and the bin-centric ones with the tree search
 * forced (the portfolio's `adaptive` scans instances of fewer than 200 items).
 */
const sameChoices = (inst: Instance): void => {
  for (const name of ALL_HEURISTICS)
    expect({ name, ...runHeuristic(inst, name) }).toEqual({
      name,
      ...reference.runHeuristic(inst, name),
    });
  for (const rule of ["dot", "l2"] as const)
    for (const dynamic of [false, true])
      expect(binCentric(inst, rule, dynamic, sizeOrder(inst, "l1", "avg"), "tree")).toEqual(
        reference.runHeuristic(inst, `bc-${rule}-${dynamic ? "dyn" : "avg"}`)
      );
};

/**
 * With a cutoff, each heuristic gives its packing when it uses fewer bins and null otherwise;
 * cutoffs around its bin count catch a stop that comes too early (a bound too high) or none.
 */
const sameBelowCutoff = (inst: Instance): void => {
  for (const name of ALL_HEURISTICS) {
    const full = reference.runHeuristic(inst, name);
    for (const cutoff of [full.bins - 1, full.bins, full.bins + 1])
      expect({ name, cutoff, packing: runHeuristic(inst, name, cutoff) }).toEqual({
        name,
        cutoff,
        packing: full.bins < cutoff ? full : null,
      });
  }
};

describe("decreasingOrder", () => {
  it("sorts as the comparator sort it replaces: by decreasing size, ties by index", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 300, size: "max" }),
          // Few distinct sizes (many ties), zeros of either sign among them.
          fc.array(fc.constantFrom(0, -0, 0.25, 0.5, 1), { maxLength: 300, size: "max" })
        ),
        (values) => {
          const sizes = Float64Array.from(values);
          const expected = Int32Array.from(values, (_, i) => i).sort(
            (a, b) => sizes[b]! - sizes[a]! || a - b
          );
          expect(decreasingOrder(sizes)).toEqual(expected);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("heuristics against the reference scans", () => {
  it("make the same choices on integer instances", () => {
    fc.assert(fc.property(integerInstance, sameChoices), { numRuns: 150 });
  });

  it("make the same choices on non-integer instances", () => {
    fc.assert(fc.property(floatInstance, sameChoices), { numRuns: 100 });
  });

  it("make the same choices on sub-instances (average weights of the parent)", () => {
    fc.assert(
      fc.property(
        integerInstance,
        fc.array(fc.nat(), { maxLength: 150, size: "max" }),
        (inst, picks) => {
          // Some of the items, each once, in an order of their own.
          const items = Int32Array.from(new Set(inst.n > 0 ? picks.map((k) => k % inst.n) : []));
          sameChoices(subInstance(inst, items));
        }
      ),
      { numRuns: 60 }
    );
  });

  it("make the same choices on host-like instances of up to 1,200 VMs", () => {
    for (const [seed, vms] of [
      [1, 60],
      [2, 300],
      [3, 961],
      [4, 1200],
    ] as const)
      sameChoices(hostLikeInstance(seed, vms));
  });

  it("first fit makes the same choices when it moves from scanning bins to its tree", () => {
    // 300–500 items of 35–65 % of the capacity: one or two to a bin, so more than the 128
    // bins first fit scans before it builds its tree.
    const manyBins = fc
      .record({
        capacity: fc.array(fc.integer({ min: 50, max: 100 }), { minLength: 2, maxLength: 4 }),
        n: fc.integer({ min: 300, max: 500 }),
        seed: fc.integer(),
      })
      .map(({ capacity, n, seed }) => {
        let state = seed >>> 0 || 1;
        const rnd = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
        const items = Array.from({ length: n }, () =>
          capacity.map((cap) => (0.35 + 0.3 * rnd()) * cap)
        );
        return instanceOf(capacity, items);
      });
    fc.assert(
      fc.property(manyBins, (inst) => {
        for (const name of ALL_HEURISTICS.filter((h) => h.startsWith("ffd"))) {
          const packing = runHeuristic(inst, name)!;
          expect(packing.bins).toBeGreaterThan(128);
          expect({ name, ...packing }).toEqual({ name, ...reference.runHeuristic(inst, name) });
        }
      }),
      { numRuns: 20 }
    );
  });

  it("stop early, with null, exactly when they need the cutoff's bins or more", () => {
    fc.assert(fc.property(fc.oneof(integerInstance, floatInstance), sameBelowCutoff), {
      numRuns: 100,
    });
    for (const [seed, vms] of [
      [5, 300],
      [6, 961],
    ] as const)
      sameBelowCutoff(hostLikeInstance(seed, vms));
    // No items: no bins, so the empty packing under cutoffs 1 and up, null under 0 and -1.
    sameBelowCutoff(prepareInstance({ capacity: [10, 10], items: [] }));
  });

  it("bin-centric makes the same choices in any initial order, by tree, by scan or switching", () => {
    fc.assert(
      fc.property(
        fc.oneof(integerInstance, floatInstance),
        fc.constantFrom<BinCentricRule>("dot", "l2"),
        fc.boolean(),
        fc.constantFrom<BinCentricSearch>("adaptive", "tree", "scan"),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 150 }),
        (inst, rule, dynamic, search, keys) => {
          const order = Int32Array.from({ length: inst.n }, (_, i) => i).sort(
            (a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b
          );
          expect(binCentric(inst, rule, dynamic, order, search)).toEqual(
            reference.binCentric(inst, rule, dynamic, order)
          );
        }
      ),
      { numRuns: 150 }
    );
  });
});
