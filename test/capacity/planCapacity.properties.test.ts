import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { planCapacity, type HostConstraints } from "../../src/capacity";
import { defaultScenarioJson, parseScenario, type Scenario } from "../../src/scenario";
import type { PlatformId } from "../../src/platform";
import { planViolations } from "./checker";

/** One inventory row: mostly small servers, now and then one too big for a VM or a host. */
const rowArb = fc.record({
  count: fc.oneof(
    { weight: 4, arbitrary: fc.constant(1) },
    { weight: 2, arbitrary: fc.integer({ min: 2, max: 12 }) }
  ),
  os: fc.constantFrom("windows", "linux"),
  cores: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 8 }) },
    { weight: 1, arbitrary: fc.integer({ min: 9, max: 48 }) }
  ),
  cpuGhz: fc.constantFrom("1.8", "2.4", "2.93", "3.4"),
  peak: fc.integer({ min: 1, max: 100 }),
  memoryGiB: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 48 }) },
    { weight: 1, arbitrary: fc.integer({ min: 49, max: 400 }) }
  ),
  storageGiB: fc.integer({ min: 0, max: 2000 }),
  stayPhysical: fc.oneof(
    { weight: 12, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) }
  ),
});

interface Case {
  readonly scenario: Scenario;
  readonly constraints: HostConstraints;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    platform: fc.constantFrom<PlatformId>("ws2008r2", "ws2012r2", "ws2022"),
    rows: fc.array(rowArb, { minLength: 1, maxLength: 25 }),
    sockets: fc.integer({ min: 1, max: 2 }),
    coresPerSocket: fc.integer({ min: 2, max: 16 }),
    threadsPerCore: fc.integer({ min: 1, max: 2 }),
    hostMemoryGiB: fc.integer({ min: 24, max: 512 }),
    k: fc.integer({ min: 0, max: 2 }),
    extraNodes: fc.integer({ min: 0, max: 14 }),
    targetCpu: fc.integer({ min: 50, max: 100 }),
    vcpuPerLp: fc.constantFrom("1", "2", "8"),
    overhead: fc.constantFrom("0", "0.25", "1"),
    maxVms: fc.option(fc.integer({ min: 3, max: 40 }), { nil: undefined }),
    maxHostMemoryGiB: fc.option(fc.integer({ min: 16, max: 256 }), { nil: undefined }),
    clusteringAllowed: fc.oneof(
      { weight: 4, arbitrary: fc.constant<boolean | undefined>(undefined) },
      { weight: 1, arbitrary: fc.constant(false) }
    ),
  })
  .map((r) => {
    const inventory = r.rows.map((row, i) => ({
      name: `S${i}`,
      count: row.count,
      os: row.os,
      cores: row.cores,
      cpuGhz: row.cpuGhz,
      peakCpuUtilization: (row.peak / 100).toFixed(2),
      averageCpuUtilization: "0.01",
      memoryGiB: String(row.memoryGiB),
      storageGiB: String(row.storageGiB),
      stayPhysical: row.stayPhysical,
    }));
    const json = defaultScenarioJson(r.platform, inventory);
    json["host"] = {
      ...(json["host"] as object),
      sockets: r.sockets,
      coresPerSocket: r.coresPerSocket,
      threadsPerCore: r.threadsPerCore,
      memoryGiB: String(r.hostMemoryGiB),
    };
    json["cluster"] = {
      ...(json["cluster"] as object),
      failuresToTolerate: r.k,
      maxNodes: Math.min(16, r.k + 1 + r.extraNodes),
      targetCpuUtilization: (r.targetCpu / 100).toFixed(2),
      vcpuPerLogicalProcessor: r.vcpuPerLp,
      vmMemoryOverheadGiB: r.overhead,
    };
    const parsed = parseScenario(json as Parameters<typeof parseScenario>[0]);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    const constraints: HostConstraints = {
      ...(r.maxVms === undefined ? {} : { maxRunningVmsPerHost: r.maxVms }),
      ...(r.maxHostMemoryGiB === undefined ? {} : { maxHostMemoryGiB: r.maxHostMemoryGiB }),
      ...(r.clusteringAllowed === undefined ? {} : { clusteringAllowed: r.clusteringAllowed }),
    };
    return { scenario: parsed.scenario, constraints };
  });

// `npm test` runs 40 random scenarios per property; `npm run test:integration` runs 300.
const RUNS = Number(process.env["CAPACITY_RUNS"] ?? 40);

describe("planCapacity on random scenarios", () => {
  it("never exceeds a capacity or limit, in steady state or after any simulated failure set (independent replay)", () => {
    fc.assert(
      fc.property(caseArb, ({ scenario, constraints }) => {
        const plan = planCapacity(scenario, constraints);
        expect(planViolations(scenario, plan, constraints.clusteringAllowed !== false)).toEqual([]);
      }),
      { numRuns: RUNS }
    );
  });

  it("places every VM on exactly one host or reports its server as physical with reasons", () => {
    fc.assert(
      fc.property(caseArb, ({ scenario, constraints }) => {
        const plan = planCapacity(scenario, constraints);
        const placed = plan.hostPlans.flatMap((h) => h.vmIds);
        expect(new Set(placed).size).toBe(placed.length);
        expect(placed.slice().sort()).toEqual(plan.vms.map((v) => v.id).sort());
        const physical = plan.stayPhysical.reduce((s, p) => s + p.count, 0);
        expect(placed.length + physical).toBe(scenario.inventory.reduce((s, r) => s + r.count, 0));
        for (const p of plan.stayPhysical) {
          expect(p.reasons.length).toBeGreaterThan(0);
          for (const reason of p.reasons) expect(reason.startsWith(p.name)).toBe(true);
        }
      }),
      { numRuns: RUNS }
    );
  });

  it("reports a lower bound at or below the answer, and k + 1 to maxNodes nodes per cluster", () => {
    fc.assert(
      fc.property(caseArb, ({ scenario, constraints }) => {
        const plan = planCapacity(scenario, constraints);
        expect(plan.lowerBoundSteadyState).toBeLessThanOrEqual(plan.lowerBoundHosts);
        expect(plan.lowerBoundHosts).toBeLessThanOrEqual(plan.hosts);
        if (constraints.clusteringAllowed !== false) {
          const k = scenario.cluster.failuresToTolerate;
          for (const c of plan.clusters) {
            expect(c.nodes).toBeGreaterThanOrEqual(k + 1);
            expect(c.nodes).toBeLessThanOrEqual(scenario.cluster.maxNodes);
            expect(c.failoverReserve).toBeGreaterThanOrEqual(k);
          }
        }
      }),
      { numRuns: RUNS }
    );
  });

  it("is deterministic: the same scenario gives an identical plan", () => {
    fc.assert(
      fc.property(caseArb, ({ scenario, constraints }) => {
        expect(planCapacity(scenario, constraints)).toEqual(planCapacity(scenario, constraints));
      }),
      { numRuns: 40 }
    );
  });
});
