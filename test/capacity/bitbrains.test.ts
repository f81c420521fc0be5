/**
 * Real data: the 500 VMs of the Bitbrains "Rnd" trace (July 2013), sized as in the worked
 * example of shared/reference/capacity-engine.md §3 (32 cores at 2,926 MHz, 80 % CPU target,
 * 768 GB, ≤ 512 virtual processors, ≤ 384 VMs; p95 CPU and provisioned RAM), with N+1
 * verified by simulating every single-host failure. The note found the lower bound at 15
 * hosts and a naive balanced layout needing 20 before every failure was absorbable.
 */
import { describe, expect, it } from "vitest";
import { planCapacity } from "../../src/capacity";
import {
  bitbrainsMeasuredScenario,
  bitbrainsScenario,
  BITBRAINS_CONSTRAINTS,
  hasBitbrains,
  naiveBalancedHosts,
} from "./bitbrains";
import { planViolations } from "./checker";

describe.skipIf(!hasBitbrains())("Bitbrains Rnd 2013-07: 500 real VMs, N+1", () => {
  const scenario = hasBitbrains() ? bitbrainsScenario() : undefined;

  it("reads all 500 VMs, VM 27 (32 cores, 511 GB) included, onto the research note's host", () => {
    const plan = planCapacity(scenario!, BITBRAINS_CONSTRAINTS);
    expect(plan.vms).toHaveLength(500);
    expect(plan.stayPhysical).toEqual([]);
    expect(plan.vms.find((v) => v.id === "VM-27")).toMatchObject({ vcpus: 32, memoryGiB: 511.459 });
    // 2 × 16 cores × 2.926 GHz × 0.8 = 74.9056 GHz; 768 GiB; min(64 LPs × 8, 2,048) = 512; 384 VMs.
    expect(plan.hostCapacity).toMatchObject({
      cpuGhz: 74.9056,
      memoryGiB: 768,
      vcpus: 512,
      vms: 384,
    });
  });

  it("needs 16 hosts: the lower bound of 15 plus 1 for failover, every single failure simulated", () => {
    const plan = planCapacity(scenario!, BITBRAINS_CONSTRAINTS);
    // Σ p95 CPU = 1,077.1 GHz / 74.9056 GHz = 14.38 hosts → 15 (CPU-bound).
    expect(plan.lowerBoundSteadyState).toBe(15);
    expect(plan.lowerBoundHosts).toBe(16);
    expect(plan.hosts).toBeLessThanOrEqual(17);
    expect(plan.hosts).toBe(16);
    expect(plan.clusters).toMatchObject([
      {
        index: 0,
        nodes: 16,
        vms: 500,
        failoverReserve: 1,
        failuresTolerated: 1,
        failoverCheck: "enumerated",
        scenariosChecked: 16,
      },
    ]);
    expect(planViolations(scenario!, plan)).toEqual([]);
    const steadyMax = Math.max(...plan.hostPlans.map((h) => h.vms));
    console.info(
      `Bitbrains: ${plan.explanation}; busiest host ${steadyMax} VMs in steady state, ${plan.maxVmsPerHostAfterFailover} after the worst single failure.`
    );
  });

  it("needs fewer hosts than a naive balanced layout (19 with this policy; 20 in the research note)", () => {
    const plan = planCapacity(scenario!, BITBRAINS_CONSTRAINTS);
    const naive = naiveBalancedHosts();
    expect(naive).toBe(19);
    expect(plan.hosts).toBeLessThan(naive);
  });
});

describe.runIf(hasBitbrains())("Bitbrains measured: p95 × 1.3 against the peak", () => {
  it("needs fewer hosts on p95 × 1.3 than on the measured peak, and each VM is sized on its own p95", () => {
    const peak = planCapacity(bitbrainsMeasuredScenario("peak"), BITBRAINS_CONSTRAINTS);
    const p95 = planCapacity(bitbrainsMeasuredScenario("measured", "1.3"), BITBRAINS_CONSTRAINTS);
    expect(p95.hosts).toBeLessThan(peak.hosts);
    expect(
      p95.vms.every((v) => v.sizing?.basis === "measured" && v.sizing.percentile === "p95")
    ).toBe(true);
    // VM 1: 2 cores × 2.926 GHz; p95 971.4 MHz → × 1.3 = 1,262.82 MHz; memory p95 1.419 GiB × 1.3.
    const vm1 = p95.vms.find((v) => v.id === "VM-1")!;
    expect(vm1.cpuGhz).toBeCloseTo(1.26282, 6);
    expect(vm1.memoryGiB).toBeCloseTo(1.8447, 6);
  });
});
