/**
 * Storage as a cluster-level resource. With Storage Spaces Direct the VMs' disks live in one
 * pool spread over every node's drives, whichever node runs the VM, so storage is not a
 * per-host dimension of placement: it decides how many nodes a cluster has. A cluster gets
 * the fewest nodes whose usable capacity holds its VMs' storage plus headroom, at least the
 * resiliency's minimum, and — where the resiliency allows a repair onto the survivors — still
 * holds it with `failuresToTolerate` nodes gone (rules: `platform/s2d.ts`). With a SAN
 * (today's model) storage is reported per cluster and priced per GiB; it adds no nodes.
 */
import {
  RESILIENCY_RULES,
  S2D_LIMITS,
  TB_PER_GIB,
  s2dCapacity,
  s2dNodesFor,
  s2dPoolNodeLimit,
  s2dUsableWithDownTB,
  type S2dLayout,
} from "../platform";
import type { Scenario } from "../scenario";
import type { ClusterStorage } from "./contract";

/** The S2D layout of a scenario's clusters, or null when storage is a SAN. */
export function s2dLayoutOf(scenario: Scenario): S2dLayout | null {
  const s = scenario.storage;
  if (s.kind !== "s2d") return null;
  return {
    resiliency: s.resiliency,
    media: s.media,
    drivesPerNode: s.drivesPerNode,
    driveTB: s.driveTB.toNumber(),
    mirrorShare: s.mirrorShare.toNumber(),
  };
}

/** The most nodes an S2D cluster of this scenario may have (its limit, S2D's 16, the resiliency's, the 1 PB pool). */
export function s2dMaxNodes(scenario: Scenario, layout: S2dLayout, maxNodes: number): number {
  return Math.min(
    maxNodes,
    scenario.cluster.maxNodes,
    S2D_LIMITS.maxNodes,
    RESILIENCY_RULES[layout.resiliency].maxNodes,
    s2dPoolNodeLimit(layout)
  );
}

/**
 * TB a cluster must hold for `vmStorageGiB` of VM disk: GiB → decimal TB (2^30 / 10^12), plus
 * the free-space headroom with S2D (`storage.headroom`); a SAN is priced on the VM disks alone.
 */
export function storageNeededTB(vmStorageGiB: number, scenario: Scenario): number {
  const tb = vmStorageGiB * TB_PER_GIB;
  return scenario.storage.kind === "s2d" ? tb * (1 + scenario.storage.headroom.toNumber()) : tb;
}

/** The most one S2D cluster can hold (its largest size, with failures where they count), or null with a SAN. */
export function storageLimit(
  scenario: Scenario
): { readonly nodes: number; readonly usableTB: number } | null {
  const layout = s2dLayoutOf(scenario);
  if (layout === null) return null;
  const nodes = s2dMaxNodes(scenario, layout, Infinity);
  const steady = s2dCapacity(layout, nodes).usableTB;
  const down = s2dUsableWithDownTB(layout, nodes, scenario.cluster.failuresToTolerate);
  return { nodes, usableTB: down === null ? steady : Math.min(steady, down) };
}

/**
 * Nodes a cluster needs for `vmStorageGiB` of VM disk with S2D (null when no allowed size
 * holds it); 0 with a SAN, which adds no nodes.
 */
export function storageNodes(
  scenario: Scenario,
  vmStorageGiB: number,
  maxNodes: number
): number | null {
  const layout = s2dLayoutOf(scenario);
  if (layout === null) return 0;
  return s2dNodesFor(
    layout,
    storageNeededTB(vmStorageGiB, scenario),
    scenario.cluster.failuresToTolerate,
    s2dMaxNodes(scenario, layout, maxNodes)
  ).nodes;
}

/** What a cluster of `nodes` holding `vmStorageGiB` of VM disk offers and needs, TB. */
export function clusterStorage(
  scenario: Scenario,
  nodes: number,
  vmStorageGiB: number,
  maxNodes: number
): ClusterStorage {
  const neededTB = storageNeededTB(vmStorageGiB, scenario);
  const layout = s2dLayoutOf(scenario);
  if (layout === null)
    return {
      kind: "san",
      nodes,
      vmStorageGiB,
      neededTB,
      rawTB: null,
      reserveTB: null,
      usableTB: null,
      efficiency: null,
      layout: null,
      usableWithFailuresTB: null,
      nodesForStorage: 0,
    };
  const c = s2dCapacity(layout, nodes);
  return {
    kind: "s2d",
    nodes,
    vmStorageGiB,
    neededTB,
    rawTB: c.rawTB,
    reserveTB: c.reserveTB,
    usableTB: c.usableTB,
    efficiency: c.efficiency?.efficiency ?? null,
    layout: c.efficiency?.layout ?? null,
    usableWithFailuresTB: s2dUsableWithDownTB(layout, nodes, scenario.cluster.failuresToTolerate),
    nodesForStorage: storageNodes(scenario, vmStorageGiB, maxNodes),
  };
}

/**
 * A lower bound on the nodes any plan needs for `vmStorageGiB` in all: the data over the best
 * usable TB per node any allowed cluster size offers (with failures where the resiliency
 * repairs), at least the resiliency's minimum. 0 with a SAN or without storage.
 */
export function storageLowerBound(
  scenario: Scenario,
  vmStorageGiB: number,
  maxNodes: number
): number {
  const layout = s2dLayoutOf(scenario);
  if (layout === null || vmStorageGiB <= 0) return 0;
  const rule = RESILIENCY_RULES[layout.resiliency];
  const top = s2dMaxNodes(scenario, layout, maxNodes);
  // Each cluster of n nodes holds at most usable(n) — and with k nodes gone, where that
  // applies, at most that — so all of them need at least the data ÷ the best TB per node.
  const k = scenario.cluster.failuresToTolerate;
  let best = 0;
  for (let n = rule.minNodes; n <= top; n++) {
    const steady = s2dCapacity(layout, n).usableTB;
    const down = s2dUsableWithDownTB(layout, n, k);
    best = Math.max(best, (down === null ? steady : Math.min(steady, down)) / n);
  }
  if (best <= 0) return rule.minNodes;
  const needed = storageNeededTB(vmStorageGiB, scenario);
  return Math.max(rule.minNodes, Math.ceil(needed / best - 1e-9));
}
