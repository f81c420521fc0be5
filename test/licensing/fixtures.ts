/** Builders for licensing tests: scenarios through the real parser, capacity plans by hand. */
import type { CapacityPlan, HostPlan } from "../../src/capacity/contract";
import type { PlatformId } from "../../src/platform";
import { planOfHosts } from "../support/capacityPlan";
import { parseScenario } from "../../src/scenario/parse";
import type { Scenario } from "../../src/scenario/types";

/** A valid scenario: defaults of `platform` under the given JSON sections. */
export function scenario(platform: PlatformId, sections: Record<string, unknown> = {}): Scenario {
  const parsed = parseScenario({
    schemaVersion: 1,
    platform,
    inventory: [{ name: "SRV-01", cores: 2, cpuGhz: "2.4", memoryGiB: "4" }],
    ...sections,
  });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return parsed.scenario;
}

export interface HostSpecForTest {
  readonly windowsVms: number;
  /** Windows VMs after the worst failover; default = windowsVms. */
  readonly afterFailover?: number;
  /** All VMs (Windows + Linux); default = windowsVms. */
  readonly vms?: number;
  readonly vmsAfterFailover?: number;
  readonly cluster?: number;
}

/** A capacity plan with the given hosts (only what licensing reads is meaningful). */
export function plan(hosts: readonly HostSpecForTest[]): CapacityPlan {
  const hostPlans: HostPlan[] = hosts.map((h, index) => {
    const vms = h.vms ?? h.windowsVms;
    return {
      index,
      cluster: h.cluster ?? 0,
      vmIds: Array.from({ length: vms }, (_, i) => `vm-${index}-${i}`),
      vms,
      windowsVms: h.windowsVms,
      cpuGhzUsed: 0,
      memoryGiBUsed: 0,
      vcpusUsed: 0,
      maxVmsAfterFailover: h.vmsAfterFailover ?? Math.max(vms, h.afterFailover ?? 0),
      maxWindowsVmsAfterFailover: h.afterFailover ?? h.windowsVms,
    };
  });
  return planOfHosts(hostPlans, { failuresTolerated: (nodes) => (nodes > 1 ? 1 : 0) });
}

/** Money as a plain string for assertions ("4810", "133.625"). */
export const s = (d: { toString(): string }): string => d.toString();
