import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostCapacity } from "../../src/capacity";
import type { InventoryRow } from "../../src/scenario";
import {
  cpuDemandGhz,
  demandGroups,
  memoryDemandGiB,
  rowDemandOf,
} from "../../src/capacity/demand";
import { scenarioOf, server } from "./scenarios";
import { referenceDemandGroups } from "../support/demandReference";

// Few values per field, so that rows repeat them (the parser then shares their Decimals) and
// some rows are idle, measured, too large for a host or kept physical.
const row = fc.record(
  {
    count: fc.integer({ min: 1, max: 3 }),
    os: fc.constantFrom("windows", "linux"),
    cores: fc.constantFrom(1, 2, 8, 64),
    cpuGhz: fc.constantFrom("2.4", "3.1"),
    peakCpuUtilization: fc.constantFrom("0.05", "0.4", "1"),
    averageCpuUtilization: fc.constantFrom("0.01", "0.04"),
    memoryGiB: fc.constantFrom("4", "64", "5000"),
    storageGiB: fc.constantFrom("0", "100"),
    storageInUseGiB: fc.constantFrom("10", "60"),
    stayPhysical: fc.boolean(),
    measuredPercentile: fc.constantFrom("p95", "p99"),
    measuredCpuUtilization: fc.constantFrom("0.2", "0.4", "0.9"), // 0.4: a peak too
    measuredMemoryGiB: fc.constantFrom("2", "100"),
    averageDiskMBps: fc.constantFrom("0.01", "5"),
  },
  {
    requiredKeys: [
      "count",
      "os",
      "cores",
      "cpuGhz",
      "peakCpuUtilization",
      "averageCpuUtilization",
      "memoryGiB",
    ],
  }
);

const demandSettings = fc.record({
  basis: fc.constantFrom("measured", "peak"),
  comfortFactor: fc.constantFrom("1", "1.3"),
  retireIdle: fc.boolean(),
});

describe("demandGroups", () => {
  it("gives the row-by-row Decimal answer while counting each distinct row shape once", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        demandSettings,
        fc.constantFrom("provisioned", "in-use"),
        (rows, demand, demandBasis) => {
          const scenario = scenarioOf(
            "ws2022",
            rows.map((r, i) => server(`S${i}`, r)),
            { demand, storage: { demandBasis } }
          );
          expect(demandGroups(scenario, hostCapacity(scenario, {}))).toEqual(
            referenceDemandGroups(scenario)
          );
        }
      ),
      { numRuns: 150 }
    );
  });

  it("counts a peak-sized VM's CPU as the same double as the exact Decimal, for any digits", () => {
    // Short figures take whole units over a power of ten, long ones (beyond a double's 2^53 or
    // 10^22) the Decimal: both must give toNumber() of the exact product.
    // A decimal of `scale` decimals from `min` units up to `top` (the parser's limit).
    const digits = (maxScale: number, min: bigint, top: bigint) =>
      fc
        .integer({ min: 0, max: maxScale })
        .chain((scale) =>
          fc.tuple(fc.bigInt({ min, max: top * 10n ** BigInt(scale) }), fc.constant(scale))
        );
    const text = ([units, scale]: [bigint, number]): string => {
      const padded = units.toString().padStart(scale + 1, "0");
      return scale === 0 ? padded : `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cores: fc.integer({ min: 1, max: 512 }),
            ghz: digits(14, 1n, 10n), // (0, 10] GHz
            peak: digits(30, 0n, 1n), // [0, 1]
          }),
          { minLength: 1, maxLength: 20 }
        ),
        (rows) => {
          const scenario = scenarioOf(
            "ws2022",
            rows.map((r, i) =>
              server(`S${i}`, {
                cores: r.cores,
                cpuGhz: text(r.ghz),
                peakCpuUtilization: text(r.peak),
                averageCpuUtilization: "0",
              })
            )
          );
          const { groups, stayPhysical } = demandGroups(scenario, hostCapacity(scenario, {}));
          const expected = referenceDemandGroups(scenario);
          expect(groups).toEqual(expected.groups);
          expect(stayPhysical).toEqual(expected.stayPhysical);
        }
      ),
      { numRuns: 200 }
    );
  });

  it("keeps a measured and a peak utilisation of the same value apart", () => {
    // Both rows read "0.4" (one Decimal). A: peak 2 × 2.5 × 0.4 = 2 GHz;
    // B: measured 2 × 2.5 × (0.4 × 1.3 comfort) = 2.6 GHz.
    const scenario = scenarioOf(
      "ws2022",
      [
        server("A", { peakCpuUtilization: "0.4" }),
        server("B", {
          peakCpuUtilization: "0.5",
          measuredPercentile: "p95",
          measuredCpuUtilization: "0.4",
        }),
      ],
      { demand: { basis: "measured", comfortFactor: "1.3" } }
    );
    const { groups } = demandGroups(scenario, hostCapacity(scenario, {}));
    expect(groups.map((g) => g.vm.cpuGhz)).toEqual([2, 2.6]);
  });

  it("counts rows built in code, whose values are not shared, the same way", () => {
    // 4 cores × 2.5 GHz × 0.5 = 5 GHz; 4 GiB (no overhead): equal values, distinct Decimals.
    const scenario = scenarioOf("ws2022", [server("A", { cores: 4 }), server("B", { cores: 4 })]);
    const copy = {
      ...scenario,
      inventory: scenario.inventory.map((r) => ({
        ...r,
        cpuGhz: r.cpuGhz.plus(0),
        peakCpuUtilization: r.peakCpuUtilization.plus(0),
      })),
    };
    const { groups } = demandGroups(copy, hostCapacity(copy, {}));
    expect(groups.map((g) => [g.vm.id, g.vm.cpuGhz, g.vm.memoryGiB])).toEqual([
      ["A", 5, 4],
      ["B", 5, 4],
    ]);
    expect(groups).toEqual(referenceDemandGroups(copy).groups);
  });

  it("rowDemandOf: each row's exact figures, one Decimal for the rows that share their inputs", () => {
    // A and B: 2 cores × 2.5 GHz × 0.5 = 2.5 GHz, 4 GiB; C: 8 cores × 2.5 × 0.5 = 10 GHz.
    const scenario = scenarioOf("ws2022", [server("A"), server("B"), server("C", { cores: 8 })]);
    const [a, b, c] = scenario.inventory as [InventoryRow, InventoryRow, InventoryRow];
    const exact = rowDemandOf(scenario);
    expect(exact.cpuGhz(a)).toBe(exact.cpuGhz(b));
    expect(exact.memoryGiB(a)).toBe(exact.memoryGiB(b));
    expect([a, b, c].map((r) => exact.cpuGhz(r).toString())).toEqual(["2.5", "2.5", "10"]);
    for (const r of [a, b, c]) {
      expect(exact.cpuGhz(r).eq(cpuDemandGhz(r, scenario))).toBe(true);
      expect(exact.memoryGiB(r).eq(memoryDemandGiB(r, scenario))).toBe(true);
    }
  });

  it("rowDemandOf: rows sharing cores and clock but not the utilisation keep their own figure", () => {
    // 2 cores × 2.5 GHz = 5 GHz at full use, read by both; × 0.5 = 2.5, × 0.3 = 1.5.
    const scenario = scenarioOf("ws2022", [
      server("A"),
      server("B", { peakCpuUtilization: "0.3" }),
    ]);
    const [a, b] = scenario.inventory as [InventoryRow, InventoryRow];
    const exact = rowDemandOf(scenario);
    expect([a, b].map((r) => exact.cpuGhz(r).toString())).toEqual(["2.5", "1.5"]);
  });
});
