/**
 * The shared cluster capacity engine: from a scenario to hosts, clusters, failover proof and
 * the lower bound beside the answer. Pure (no Office, DOM, fs or process) and deterministic.
 *
 * - `planCapacity(scenario, constraints)` — the whole answer ({@link CapacityPlan}).
 * - `vmDemands`, `hostCapacity` — its first two steps, for callers that need only those.
 * - `sizeInventory`, `hostsNeeded`, `inventoryRowsFromRange` — sizing from inventory rows
 *   (custom functions).
 * - `checkFailover`, `reinforceLayout` — verify a given layout against host failures, and add
 *   hosts until it survives.
 * - `placeVms`, `filterHost` and the scorers — the filter/score scheduler.
 * - `packVectors`, `lowerBoundBins`, `parseVbp` — the vector packing core.
 */
export type {
  CapacityPlan,
  ClusterPlan,
  HostCapacity,
  HostConstraints,
  HostPlan,
  StayPhysical,
  VmDemand,
} from "./contract";
export { planCapacity, type PlanOptions } from "./plan";
export { vmDemands, vmId, type Demand } from "./demand";
export { hostCapacity } from "./hostCapacity";
export {
  hostsNeeded,
  inventoryRowsFromRange,
  sizeInventory,
  type ClusterOverrides,
  type HostOverrides,
  type HostsNeeded,
  type SizingOverrides,
  type SizingResult,
} from "./sizing";
export {
  checkFailover,
  reinforceLayout,
  type FailoverReport,
  type FailureScenario,
} from "./layout";
export {
  DIMENSIONS,
  FILTERS,
  RESOURCES,
  capacityVector,
  demandVector,
  filterHost,
  hostLoad,
  leastLoaded,
  mostAllocated,
  placeVms,
  vmSize,
  type FitReason,
  type HostReasons,
  type Placement,
  type PlacementPolicy,
  type Resource,
  type Scorer,
  type UnplacedVm,
} from "./scheduler";
export { MAX_ENUMERATED_SCENARIOS } from "./failover";
export { capacityMessages } from "./messages";
export {
  lowerBoundBins,
  packVectors,
  parseVbp,
  type PackingProblem,
  type PackingResult,
} from "./packing";
