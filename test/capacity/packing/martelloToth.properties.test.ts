import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { martelloTothBound } from "../../../src/capacity/packing/lowerBound";

/** Guard against rounding, as in lowerBound.ts. */
const ceilSafe = (x: number): number => Math.max(0, Math.ceil(x - 1e-9));

/**
 * Reference copy of martelloTothBound as it was before it found the big items by bisection
 * and each K's last copy in the same pass (src/capacity/packing/lowerBound.ts at 9e53931).
 */
function referenceMartelloToth(sizesDescending: Float64Array, cap: number): number {
  const n = sizesDescending.length;
  if (n === 0 || cap <= 0) return n === 0 ? 0 : 1;
  const half = cap / 2;
  let big = 0;
  while (big < n && sizesDescending[big]! > half) big++;
  let bigTotal = 0;
  for (let i = 0; i < big; i++) bigTotal += sizesDescending[i]!;
  let smallTotal = 0;
  for (let i = big; i < n; i++) smallTotal += sizesDescending[i]!;
  let best = big + ceilSafe((smallTotal - (big * cap - bigTotal)) / cap);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + sizesDescending[i]!;
  let j1 = 0;
  for (let s = n - 1; s >= big; s--) {
    const k = sizesDescending[s]!;
    if (s > big && sizesDescending[s - 1]! === k) continue;
    let last = s;
    while (last + 1 < n && sizesDescending[last + 1]! >= k) last++;
    const j3Total = prefix[last + 1]! - prefix[big]!;
    while (j1 < big && sizesDescending[j1]! > cap - k) j1++;
    const j2Count = big - j1;
    const j2Total = prefix[big]! - prefix[j1]!;
    const spare = j2Count * cap - j2Total;
    const value = big + Math.max(0, ceilSafe((j3Total - spare) / cap));
    if (value > best) best = value;
  }
  return Math.max(best, 1);
}

/** Sizes up to `cap`, sorted in decreasing order: integers from a few values (many copies), or floats. */
const sizesUpTo = (cap: number): fc.Arbitrary<Float64Array> =>
  fc
    .oneof(
      fc.array(fc.constantFrom(0, 1, 2, Math.floor(cap / 2), Math.ceil(cap / 2), cap - 1, cap), {
        maxLength: 200,
      }),
      fc.array(fc.integer({ min: 0, max: cap }), { maxLength: 200 }),
      fc.array(fc.double({ min: 0, max: cap, noNaN: true }), { maxLength: 200 })
    )
    .map((sizes) => Float64Array.from(sizes).sort().reverse());

describe("martelloTothBound", () => {
  it("is the bound of the plain scans it replaced, on any sorted sizes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }).chain((cap) => fc.tuple(fc.constant(cap), sizesUpTo(cap))),
        ([cap, sizes]) => {
          expect(martelloTothBound(sizes, cap)).toBe(referenceMartelloToth(sizes, cap));
          // A non-integer bin (as the surrogate bound's) over the same sizes.
          expect(martelloTothBound(sizes, cap + 0.5)).toBe(referenceMartelloToth(sizes, cap + 0.5));
        }
      ),
      { numRuns: 500 }
    );
  });
});
