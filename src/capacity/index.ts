/**
 * The shared cluster capacity engine: from a scenario to hosts, clusters, failover proof and
 * the lower bound beside the answer. Pure (no Office, DOM, fs or process) and deterministic.
 *
 * - `planCapacity(scenario, constraints)` — the whole answer ({@link CapacityPlan}).
 * - `vmDemands`, `hostCapacity` — its first two steps, for callers that need only those.
 * - `sizeInventory`, `hostsNeeded`, `inventoryRowsFromRange` — sizing from inventory rows
 *   (custom functions).
 * - `filterHost`, `vmSize` and the resource vectors — why a VM does not fit a host.
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
export { planCapacity, type PlanOptions } from "./planCapacity";
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
  DIMENSIONS,
  FILTERS,
  RESOURCES,
  capacityVector,
  demandVector,
  filterHost,
  hostLoad,
  vmSize,
  type FitReason,
  type Resource,
} from "./hostFit";
export { MAX_ENUMERATED_SCENARIOS } from "./failover";
export { capacityMessages } from "./messages";
export {
  lowerBoundBins,
  packVectors,
  parseVbp,
  type PackingProblem,
  type PackingResult,
} from "./packing";
