/** Capacity over the horizon: compound growth of demand, hosts needed and owned per year. */
import { describe, expect, it } from "vitest";
import { growthScales, ownedOf, planByYear } from "../../src/capacity";
import { scenarioOf, server } from "./scenarios";

// ws2022 default host: (768 − 8) GiB = 760 GiB for VMs. Nine 200 GiB servers, 10 % a year:
// years 0–2: 3 per host (3 × 200 × 1.1² = 726 ≤ 760) → 3 packed + 1 failover = 4 hosts;
// year 3: 200 × 1.1³ = 266.2 GiB, 3 × 266.2 = 798.6 > 760 → 2 per host → 5 + 1 = 6 hosts.
const NINE = [server("DB", { count: 9, cores: 4, peakCpuUtilization: "0.1", memoryGiB: "200" })];

describe("planByYear", () => {
  it("adds hosts in the year 10 % growth first needs them (year 3), and never removes them", () => {
    const years = planByYear(scenarioOf("ws2022", NINE, { growth: { ratePerYear: "0.1" } }));
    expect(years.hostsNeeded).toEqual([4, 4, 4, 6, 6, 6]);
    expect(years.hostsOwned).toEqual([4, 4, 4, 6, 6, 6]);
    expect(years.changes).toBe(true);
    expect(years.years[3]!.plan.vms[0]!.memoryGiB).toBeCloseTo(266.2, 9);
  });

  it("keeps today's hosts when demand shrinks (−30 % a year): owned never falls", () => {
    const years = planByYear(scenarioOf("ws2022", NINE, { growth: { ratePerYear: "-0.3" } }));
    expect(years.hostsNeeded[0]).toBe(4);
    expect(years.hostsNeeded[5]).toBeLessThan(4);
    expect(years.hostsOwned).toEqual([4, 4, 4, 4, 4, 4]);
  });

  it("plans once when nothing grows", () => {
    const years = planByYear(scenarioOf("ws2022", NINE));
    expect(years.changes).toBe(false);
    expect(new Set(years.years.map((y) => y.plan)).size).toBe(1);
    expect(years.hostsOwned).toEqual([4, 4, 4, 4, 4, 4]);
  });

  it("grows each resource at its own rate when given, else at the common one", () => {
    const scales = growthScales(
      scenarioOf("ws2022", NINE, { growth: { ratePerYear: "0.1", storageRatePerYear: "0.5" } })
    );
    // (1.1)^2 = 1.21; (1.5)^2 = 2.25.
    expect(scales[2]).toEqual({ year: 2, cpu: 1.21, memory: 1.21, storage: 2.25 });
  });

  it("owned is the running maximum", () => {
    expect(ownedOf([3, 5, 4, 6, 2])).toEqual([3, 5, 5, 6, 6]);
  });
});
