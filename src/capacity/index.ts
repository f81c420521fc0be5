/**
 * The shared cluster capacity engine: from a scenario to hosts, clusters, failover proof and
 * the lower bound beside the answer. Pure (no Office, DOM, fs or process) and deterministic.
 *
 * - `planCapacity(scenario, constraints)` — the whole answer ({@link CapacityPlan}).
 * - `vmDemands`, `hostCapacity` — its first two steps, for callers that need only those.
 * - `sizeInventory`, `hostsNeeded`, `inventoryRowsFromRange` — sizing from inventory rows
 *   (custom functions).
 * - `planByYear` — every year of the horizon with grown demand; hosts owned never fall.
 * - `storageNodes`, `clusterStorage` — Storage Spaces Direct sized per cluster (`platform/s2d.ts`).
 * - `filterHost`, `vmSize` and the resource vectors — why a VM does not fit a host.
 * - `packVectors`, `lowerBoundBins`, `parseVbp` — the vector packing core.
 */
export type {
  BindingResource,
  CapacityPlan,
  ClusterPlan,
  ClusterStorage,
  IdleServer,
  VmSizing,
  HostCapacity,
  HostConstraints,
  HostPlan,
  StayPhysical,
  VmDemand,
} from "./contract";
export { planCapacity, splitForStorage, type PlanOptions } from "./planCapacity";
export {
  growthRates,
  growthScales,
  ownedOf,
  planByYear,
  type CapacityByYear,
  type YearPlan,
  type YearScale,
} from "./growth";
export {
  clusterStorage,
  s2dLayoutOf,
  storageLimit,
  storageLowerBound,
  storageNeededTB,
  storageNodes,
} from "./storage";
export {
  sizingOf,
  cpuDemandGhz,
  idleReason,
  memoryDemandGiB,
  storageDemandGiB,
  vmDemands,
  vmId,
  type Demand,
  type DemandScale,
} from "./demand";
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
