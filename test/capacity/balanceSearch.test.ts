import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sortByCpu, swapInto } from "../../src/capacity/balanceSearch";
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
