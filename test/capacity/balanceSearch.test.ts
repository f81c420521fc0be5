import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { exchangeInto, sortByCpu, sortByKey, swapInto } from "../../src/capacity/balanceSearch";
import { DIMENSIONS } from "../../src/capacity/hostFit";

const D = DIMENSIONS;

describe("swapInto (the swap pass's CPU order, mended)", () => {
  it("gives the order sortByCpu gives the host after the swap, ties included", () => {
    fc.assert(
      fc.property(
        // CPU demands from a short list, so that ties (broken by VM number) are common.
        fc.array(fc.constantFrom(0, 1, 2.4, 4, 12), { minLength: 2, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (cpus, pickLeft, pickCame) => {
          const demand = new Float64Array(cpus.length * D);
          cpus.forEach((cpu, v) => (demand[v * D] = cpu));
          // The host holds every other VM (in a shuffled order); `came` is one it does not hold.
          const held = cpus.map((_, v) => v).filter((v) => v % 2 === 0 || v === 1);
          const outside = cpus.map((_, v) => v).filter((v) => !held.includes(v));
          fc.pre(outside.length > 0);
          const list = held.sort((a, b) => ((a * 7) % 5) - ((b * 7) % 5) || a - b);
          const left = list[pickLeft % list.length]!;
          const came = outside[pickCame % outside.length]!;
          // Stale entries past the list, as a reused buffer has them.
          const sorted = new Int32Array(2 * list.length).fill(left);
          sortByCpu(list, demand, sorted);
          swapInto(sorted, list.length, left, came, demand);
          const expected = new Int32Array(list.length);
          sortByCpu(
            list.map((v) => (v === left ? came : v)),
            demand,
            expected
          );
          expect(Array.from(sorted.subarray(0, list.length))).toEqual(Array.from(expected));
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("exchangeInto (the exchange search's CPU order, mended)", () => {
  it("gives the order sortByCpu gives the host after the exchange, ties included", () => {
    fc.assert(
      fc.property(
        // CPU demands from a short list, so that ties (broken by VM number) are common.
        fc.array(fc.constantFrom(0, 1, 2.4, 4, 12), { minLength: 3, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (cpus, takes) => {
          const demand = new Float64Array(cpus.length * D);
          cpus.forEach((cpu, v) => (demand[v * D] = cpu));
          // The host holds every VM but the last, which comes in for those taken.
          const x = cpus.length - 1;
          const list = cpus.map((_, v) => v).filter((v) => v !== x);
          const sorted = new Int32Array(cpus.length);
          const count = sortByCpu(list, demand, sorted);
          // The search takes VMs in the list's CPU order: a subsequence of it.
          const took = Int32Array.from(sorted.subarray(0, count).filter((_, i) => takes[i]));
          const length = exchangeInto(sorted, count, took, took.length, x, demand);
          const expected = new Int32Array(cpus.length);
          const kept = list.filter((v) => !took.includes(v)).concat([x]);
          sortByCpu(kept, demand, expected);
          expect(Array.from(sorted.subarray(0, length))).toEqual(
            Array.from(expected.subarray(0, kept.length))
          );
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("sortByKey (a host's list in rank or VM order)", () => {
  it("orders as Array.prototype.sort by the key does, for short and long lists", () => {
    fc.assert(
      fc.property(
        // Up to 60 VMs: both the insertion sort (24 or fewer) and the builtin are used.
        fc.uniqueArray(fc.nat({ max: 200 }), { maxLength: 60 }),
        fc.boolean(),
        (vms, byRank) => {
          // Ranks: a permutation of the VM numbers (distinct, as a table's are).
          const rank = Int32Array.from({ length: 201 }, (_, v) => (v * 37) % 201);
          const list = vms.slice();
          sortByKey(list, byRank ? rank : null);
          const key = (v: number): number => (byRank ? rank[v]! : v);
          expect(list).toEqual(vms.slice().sort((a, b) => key(a) - key(b)));
        }
      ),
      { numRuns: 300 }
    );
  });
});
