/**
 * `count` handled as a count: rows of identical VMs are planned as groups — by slices whose
 * tight clusters are used many times when most VMs repeat — and the plan still keeps every
 * rule (checked by the independent checker), places each VM once, and never reports a lower
 * bound the expanded instance would not.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { planCapacity } from "../../src/capacity";
import { groupedLowerBound, instanceLowerBound } from "../../src/capacity/packing/lowerBound";
import { prepareFlat } from "../../src/capacity/packing/instance";
import { defaultScenarioJson, parseScenario, type Scenario } from "../../src/scenario";
import { planViolations } from "./checker";

/** A scenario of `rows` (name, count, cores, memory), ws2022 defaults with a small host. */
function scenarioOf(
  rows: readonly { count: number; cores: number; memoryGiB: number; windows: boolean }[],
  k: number
): Scenario {
  const json = defaultScenarioJson(
    "ws2022",
    rows.map((r, i) => ({
      name: `ROW-${i}`,
      count: r.count,
      os: r.windows ? "windows" : "linux",
      cores: r.cores,
      cpuGhz: "2.4",
      peakCpuUtilization: "0.35",
      averageCpuUtilization: "0.1",
      memoryGiB: String(r.memoryGiB),
      storageGiB: "100",
    }))
  );
  json["host"] = { ...(json["host"] as object), coresPerSocket: 8, memoryGiB: "256" };
  json["cluster"] = { ...(json["cluster"] as object), failuresToTolerate: k, maxNodes: 8 };
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
  return parsed.scenario;
}

const rowsArb = fc.array(
  fc.record({
    count: fc.integer({ min: 1, max: 150 }),
    cores: fc.constantFrom(1, 2, 4, 8),
    memoryGiB: fc.constantFrom(2, 4, 8, 16, 32),
    windows: fc.boolean(),
  }),
  { minLength: 1, maxLength: 6 }
);

describe("planCapacity with rows of many identical VMs", () => {
  it("keeps every rule and places each VM once when it plans by slices", () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 2 }), (rows, k) => {
        const scenario = scenarioOf(rows, k);
        // Slices of about 60 VMs from 200 VMs on: the path 1,000,000 VMs in ten rows take.
        const plan = planCapacity(scenario, {}, { slicing: { minVms: 200, sliceVms: 60 } });
        expect(planViolations(scenario, plan)).toEqual([]);
        const placed = plan.hostPlans.flatMap((h) => h.vmIds);
        expect(new Set(placed).size).toBe(placed.length);
        expect(placed.length).toBe(plan.vms.length);
        expect(plan.lowerBoundHosts).toBeLessThanOrEqual(plan.hosts);
      }),
      { numRuns: 10, seed: 17 }
    );
  });

  it("plans 3,000 VMs in three rows by slices within 2 % of planning them in full", () => {
    const rows = [
      { count: 1200, cores: 2, memoryGiB: 4, windows: true },
      { count: 1000, cores: 4, memoryGiB: 16, windows: true },
      { count: 800, cores: 1, memoryGiB: 2, windows: false },
    ];
    const scenario = scenarioOf(rows, 1);
    const full = planCapacity(scenario, {}, { slicing: { minVms: Infinity, sliceVms: 1 } });
    const sliced = planCapacity(scenario, {}, { slicing: { minVms: 1000, sliceVms: 500 } });
    expect(planViolations(scenario, sliced)).toEqual([]);
    expect(sliced.lowerBoundHosts).toBe(full.lowerBoundHosts);
    expect(sliced.hosts).toBeLessThanOrEqual(Math.ceil(full.hosts * 1.02));
  });
});

describe("groupedLowerBound", () => {
  it("equals the bound of the expanded instance", () => {
    const groupArb = fc.record({
      vector: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
      count: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(
      fc.property(fc.array(groupArb, { minLength: 1, maxLength: 12 }), (groups) => {
        const capacity = [100, 100, 100];
        const grouped = new Float64Array(groups.flatMap((g) => g.vector));
        const counts = new Float64Array(groups.map((g) => g.count));
        const expanded = groups.flatMap((g) => Array.from({ length: g.count }, () => g.vector));
        const flat = new Float64Array(expanded.flat());
        expect(groupedLowerBound(prepareFlat(capacity, grouped, groups.length), counts)).toBe(
          instanceLowerBound(prepareFlat(capacity, flat, expanded.length))
        );
      }),
      { numRuns: 300, seed: 17 }
    );
  });
});
