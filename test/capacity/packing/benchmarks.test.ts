/**
 * Sanity on published instances with known optima: every packing is feasible, never below the
 * optimum (which would mean a checking bug), and every lower bound is at most the optimum.
 * Quality figures (gap to optimum) live in test/bench/packing.bench.ts, not here; no timings.
 */
import { describe, expect, it } from "vitest";
import { packVectors } from "../../../src/capacity/packing";
import {
  capraraTothInstances,
  hasPackingData,
  multidimInstances,
  type BenchmarkInstance,
} from "./datasets";
import { packingViolations } from "./verify";

function checkAll(instances: readonly BenchmarkInstance[]): void {
  const failures: string[] = [];
  for (const instance of instances) {
    const result = packVectors(instance.problem);
    const violations = packingViolations(instance.problem, result);
    if (violations.length > 0) failures.push(`${instance.file}: ${violations.join("; ")}`);
    // A clamped negative size can only raise the optimum, so the stated one stays a valid floor.
    if (result.bins < instance.optimum)
      failures.push(`${instance.file}: ${result.bins} bins < optimum ${instance.optimum}`);
    if (instance.clampedNegatives === 0 && result.lowerBound > instance.optimum) {
      failures.push(
        `${instance.file}: lower bound ${result.lowerBound} > optimum ${instance.optimum}`
      );
    }
  }
  expect(failures).toEqual([]);
}

describe.skipIf(!hasPackingData())(
  "published vector packing instances (data: VECTOR_PACKING_DATA)",
  () => {
    const ct = hasPackingData() ? capraraTothInstances() : [];

    it("has all 400 Caprara–Toth instances", () => {
      expect(ct).toHaveLength(400);
    });

    for (let cls = 1; cls <= 10; cls++) {
      it(`packs Caprara–Toth class ${cls} feasibly and never below the known optimum`, () => {
        checkAll(ct.filter((instance) => instance.group === String(cls)));
      });
    }

    it("packs the Panigrahy-style 3-D and 5-D classes feasibly and never below the optimum", () => {
      checkAll(multidimInstances("panigrahy-classes"));
    });

    it("packs the 3-D and 5-D triplets feasibly and never below the optimum", () => {
      checkAll(multidimInstances("triplets"));
    });
  }
);
