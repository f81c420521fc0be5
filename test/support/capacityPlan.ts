/**
 * A capacity plan around hand-made host plans, for tests of what reads a plan (licensing, TCO)
 * apart from packing: host capacity 100 GHz / 100 GiB / 100 vCPUs / 384 VMs, one cluster per
 * distinct `cluster` index, the lower bound equal to the hosts.
 */
import type { CapacityPlan, HostPlan, StayPhysical, VmDemand } from "../../src/capacity/contract";

export interface PlanParts {
  readonly vms?: readonly VmDemand[];
  readonly stayPhysical?: readonly StayPhysical[];
  /** Failures each cluster is said to tolerate, from its node count (default 1). */
  readonly failuresTolerated?: (nodes: number) => number;
}

export function planOfHosts(hostPlans: readonly HostPlan[], parts: PlanParts = {}): CapacityPlan {
  const tolerated = parts.failuresTolerated ?? (() => 1);
  const clusterIds = [...new Set(hostPlans.map((h) => h.cluster))];
  return {
    hostCapacity: {
      cpuGhz: 100,
      memoryGiB: 100,
      vcpus: 100,
      vms: 384,
      logicalProcessors: 24,
      notes: [],
    },
    vms: parts.vms ?? [],
    stayPhysical: parts.stayPhysical ?? [],
    idle: [],
    hosts: hostPlans.length,
    lowerBoundHosts: hostPlans.length,
    lowerBoundSteadyState: hostPlans.length,
    clusters: clusterIds.map((c) => {
      const members = hostPlans.filter((h) => h.cluster === c);
      return {
        index: c,
        nodes: members.length,
        vms: members.reduce((n, h) => n + h.vms, 0),
        failoverReserve: 0,
        failuresTolerated: tolerated(members.length),
        failoverCheck: "enumerated" as const,
        scenariosChecked: members.length,
        storage: {
          kind: "san" as const,
          nodes: members.length,
          vmStorageGiB: 0,
          neededTB: 0,
          rawTB: null,
          reserveTB: null,
          usableTB: null,
          efficiency: null,
          layout: null,
          usableWithFailuresTB: null,
          nodesForStorage: 0,
        },
        binding: "memoryGiB" as const,
      };
    }),
    hostPlans,
    maxVmsPerHostAfterFailover: Math.max(0, ...hostPlans.map((h) => h.maxVmsAfterFailover)),
    explanation: "hand-built plan",
    notes: [],
  };
}
