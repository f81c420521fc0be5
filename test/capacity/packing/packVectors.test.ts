import { describe, expect, it } from "vitest";
import {
  ALL_HEURISTICS,
  lowerBoundBins,
  packVectors,
  packingMessages,
  type PackingProblem,
} from "../../../src/capacity/packing";
import { packingViolations } from "./verify";

describe("packVectors on hand-worked instances", () => {
  it("packs 1-D items into the optimum when the sizes pair up", () => {
    // capacity 10; 6+4 = 10 and 5+3+2 = 10 → 2 bins; total 20 / 10 → lower bound 2
    const problem: PackingProblem = { capacity: [10], items: [[6], [5], [4], [3], [2]] };
    const result = packVectors(problem);
    expect(result.bins).toBe(2);
    expect(result.lowerBound).toBe(2);
    expect(packingViolations(problem, result)).toEqual([]);
  });

  it("pairs complementary 2-D items", () => {
    // [8,2] + [2,8] = [10,10] exactly fills a bin; two such pairs → 2 bins
    const problem: PackingProblem = {
      capacity: [10, 10],
      items: [
        [8, 2],
        [8, 2],
        [2, 8],
        [2, 8],
      ],
    };
    const result = packVectors(problem);
    expect(result.bins).toBe(2);
    expect(result.assignment[0]).not.toBe(result.assignment[1]); // two [8,2] cannot share: 16 > 10
  });

  it("leaves an item that exceeds an empty bin unassigned and does not count it", () => {
    // [5,1] needs 5 > 4 in dimension 0 → -1; [1,1] → bin 0
    const result = packVectors({
      capacity: [4, 4],
      items: [
        [5, 1],
        [1, 1],
      ],
    });
    expect(result.assignment).toEqual([-1, 0]);
    expect(result.bins).toBe(1);
    expect(result.lowerBound).toBe(1);
  });

  it("returns no bins when no item fits or there are no items", () => {
    expect(packVectors({ capacity: [4], items: [[5], [9]] })).toEqual({
      bins: 0,
      assignment: [-1, -1],
      lowerBound: 0,
      heuristic: "none",
    });
    expect(packVectors({ capacity: [4], items: [] }).bins).toBe(0);
  });

  it("numbers bins in order of their first item", () => {
    // 7 and 6 cannot share a bin of 10; 3 joins 7 or 6 → bin numbers follow item order
    const result = packVectors({ capacity: [10], items: [[7], [6], [3], [4]] });
    expect(result.assignment[0]).toBe(0);
    expect(result.assignment[1]).toBe(1);
    expect(result.bins).toBe(2);
  });

  it("never overfills integer dimensions, even when a relative tolerance would", () => {
    // 500,000,000 + 500,000,001 = 1,000,000,001 > 1,000,000,000 by one unit → 2 bins
    const result = packVectors({
      capacity: [1_000_000_000],
      items: [[500_000_000], [500_000_001]],
    });
    expect(result.bins).toBe(2);
  });

  it("absorbs floating-point rounding in non-integer dimensions", () => {
    // 0.1 + 0.2 + 0.7 = 1.0000000000000002 in binary floating point, within 1e-9 of capacity 1
    const result = packVectors({ capacity: [1], items: [[0.1], [0.2], [0.7]] });
    expect(result.bins).toBe(1);
  });

  it("treats a zero-capacity dimension as allowing only zero demand", () => {
    // dimension 1 has capacity 0: [1,0] fits, [1,1] does not
    const result = packVectors({
      capacity: [2, 0],
      items: [
        [1, 0],
        [1, 1],
        [1, 0],
      ],
    });
    expect(result.assignment).toEqual([0, -1, 0]);
  });

  it("packs zero-dimensional items into one bin", () => {
    // with no dimensions nothing can overflow
    const result = packVectors({ capacity: [], items: [[], [], []] });
    expect(result.bins).toBe(1);
    expect(result.assignment).toEqual([0, 0, 0]);
  });

  it("runs only the named heuristics and reports the one kept", () => {
    const problem: PackingProblem = { capacity: [10], items: [[6], [5], [4], [3], [2]] };
    const result = packVectors(problem, { heuristics: ["ffd-l1-avg"], localSearchEffort: 0 });
    expect(result.heuristic).toBe("ffd-l1-avg");
  });

  it("marks a packing improved by the local search with +ls", () => {
    // capacity 7, FFD: 3+3 → 6 (a 2 no longer fits), 2+2+2 → 6, 2 → 3 bins;
    // 3+2+2 = 7 twice → 2 bins, and 14 / 7 = 2 is the lower bound
    const problem: PackingProblem = { capacity: [7], items: [[3], [3], [2], [2], [2], [2]] };
    const ffd = packVectors(problem, { heuristics: ["ffd-l1-unit"], localSearchEffort: 0 });
    const improved = packVectors(problem, { heuristics: ["ffd-l1-unit"] });
    expect(ffd.bins).toBe(3);
    expect(improved.bins).toBe(2);
    expect(improved.heuristic).toBe("ffd-l1-unit+ls");
  });

  it("on 2-D integer data, packs into the lower bound's bins by bin completion when greedy misses", () => {
    // the same in both dimensions, capacity 7: FFD 3+3, 2+2+2, 2 → 3 bins; bin completion
    // fills a bin with 3 and then 2+2 (7), twice → 2 bins = 14 / 7, the lower bound
    const item = (v: number): number[] => [v, v];
    const problem: PackingProblem = {
      capacity: [7, 7],
      items: [item(3), item(3), item(2), item(2), item(2), item(2)],
    };
    const result = packVectors(problem, { heuristics: ["ffd-l1-unit"] });
    expect(result.bins).toBe(2);
    expect(result.heuristic).toBe("bin-completion");
    expect(packingViolations(problem, result)).toEqual([]);
    // With the local search off, the greedy packing stands.
    const greedy = packVectors(problem, { heuristics: ["ffd-l1-unit"], localSearchEffort: 0 });
    expect(greedy.bins).toBe(3);
    expect(greedy.lowerBound).toBe(2);
  });

  it.each(ALL_HEURISTICS)(
    "finds the 2-bin packing of 6, 5, 4, 3, 2 in bins of 10 with %s alone",
    (name) => {
      // largest first: 6 + 4 = 10, then 5 + 3 + 2 = 10 (bin-centric: 6 then the best fit 4, …)
      const problem: PackingProblem = { capacity: [10], items: [[6], [5], [4], [3], [2]] };
      const result = packVectors(problem, { heuristics: [name], localSearchEffort: 0 });
      expect(result.bins).toBe(2);
      expect(result.heuristic).toBe(name);
    }
  );

  it("packs large instances in chunks and says so", () => {
    // 40 items of 3 in bins of 10 (3 per bin): 40 > 1.5 × 10 → 4 chunks; 120 / 10 → at least 12 bins,
    // and 3 items per bin → at least ⌈40 / 3⌉ = 14 bins, which the chunks reach
    const problem: PackingProblem = {
      capacity: [10],
      items: Array.from({ length: 40 }, () => [3]),
    };
    const result = packVectors(problem, { chunkSize: 10 });
    expect(result.heuristic).toMatch(/^chunked-/);
    expect(result.bins).toBe(14);
  });

  it("rejects malformed problems as programmer errors", () => {
    expect(() => packVectors({ capacity: [10, 10], items: [[1]] })).toThrow(
      packingMessages.itemLength(0, 2, 1)
    );
    expect(() => packVectors({ capacity: [-1], items: [] })).toThrow(
      packingMessages.capacityNotFinite(0, -1)
    );
    expect(() => packVectors({ capacity: [1], items: [[Number.NaN]] })).toThrow(
      packingMessages.itemNotFinite(0, 0, Number.NaN)
    );
    expect(() => packVectors({ capacity: [1], items: [[1]] }, { heuristics: [] })).toThrow(
      packingMessages.noHeuristics
    );
    expect(() => packVectors({ capacity: [1], items: [] }, { chunkSize: 0 })).toThrow(
      packingMessages.chunkSize(0)
    );
    expect(() => packVectors({ capacity: [1], items: [] }, { localSearchEffort: -1 })).toThrow(
      packingMessages.localSearchEffort(-1)
    );
  });
});

describe("lowerBoundBins", () => {
  it("is the continuous bound when nothing stronger applies", () => {
    // dimension 0: 25 / 10 → 3; dimension 1: 12 / 10 → 2 → 3
    const items = [
      [5, 3],
      [5, 3],
      [5, 3],
      [5, 3],
      [5, 0],
    ];
    expect(lowerBoundBins({ capacity: [10, 10], items })).toBe(3);
  });

  it("does not round an exact multiple up through floating-point error", () => {
    // 0.1 + 0.2 + 0.7 sums to 1.0000000000000002 in floating point: still 1 bin, not ⌈1.0000000000000002⌉ = 2
    expect(lowerBoundBins({ capacity: [1], items: [[0.1], [0.2], [0.7]] })).toBe(1);
  });

  it("counts items above half a bin one bin each (Martello–Toth)", () => {
    // 6 + 6 > 10: three such items need 3 bins although 18 / 10 → 2
    expect(lowerBoundBins({ capacity: [10], items: [[6], [6], [6]] })).toBe(3);
  });

  it("adds the small items that cannot fit beside the large ones (Martello–Toth, K = 4)", () => {
    // big: 7, 7 (each leaves 3 free, 6 in total); small ≥ 4: 4, 4, 4 = 12 → 12 − 0 (a 4 fits beside no 7) → ⌈12/10⌉ = 2
    // → 2 + 2 = 4, while the continuous bound is ⌈26/10⌉ = 3
    expect(lowerBoundBins({ capacity: [10], items: [[7], [7], [4], [4], [4]] })).toBe(4);
  });

  it("finds items that conflict pairwise in different dimensions (clique)", () => {
    // A+B overflow dimension 0, A+C dimension 1, B+C dimension 2 → 3 bins; per dimension only 2
    const items = [
      [6, 6, 0],
      [6, 0, 6],
      [0, 6, 6],
    ];
    expect(lowerBoundBins({ capacity: [10, 10, 10], items })).toBe(3);
  });

  it("ignores items that fit no empty bin", () => {
    expect(lowerBoundBins({ capacity: [10], items: [[11], [3]] })).toBe(1);
    expect(lowerBoundBins({ capacity: [10], items: [] })).toBe(0);
  });
});
