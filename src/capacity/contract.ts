/**
 * What the capacity engine returns: the contract licensing, TCO, the report, the task pane
 * and the custom functions rely on. Plain readonly data; quantities as numbers (GHz, GiB)
 * because placement is arithmetic on measurements, not money.
 */

/**
 * Limits the host's own edition adds on top of the platform's (e.g. Windows Server 2008 R2
 * Standard as the host OS: 32 GB RAM, 192 running VMs, no failover clustering).
 * Licensing supplies these per option; capacity applies them.
 */
export interface HostConstraints {
  /** Usable host RAM cap, GiB (the host spec's RAM is reduced to this). */
  readonly maxHostMemoryGiB?: number;
  /** Running VMs per host cap. */
  readonly maxRunningVmsPerHost?: number;
  /** False when the host OS cannot be a failover-cluster node: standalone hosts, no failover reserve. */
  readonly clusteringAllowed?: boolean;
  /** Why these constraints apply (shown to the user). */
  readonly reason?: string;
}

/** One VM to place: a server (or one of a row's `count` copies) turned into a demand vector. */
export interface VmDemand {
  /** Unique: the row's name, with `#2`, `#3`… for the copies of a row with count > 1. */
  readonly id: string;
  /** Index of its inventory row. */
  readonly row: number;
  readonly os: "windows" | "linux";
  readonly vcpus: number;
  /** cores × cpuGhz × peakCpuUtilization. */
  readonly cpuGhz: number;
  /** memoryGiB + vmMemoryOverheadGiB. */
  readonly memoryGiB: number;
  readonly storageGiB: number;
}

/** A server that stays physical, with every reason. */
export interface StayPhysical {
  readonly name: string;
  readonly row: number;
  /** How many servers of the row (its count). */
  readonly count: number;
  readonly reasons: readonly string[];
}

/** What one host offers to VMs, after targets, reserve and every limit. */
export interface HostCapacity {
  readonly cpuGhz: number;
  readonly memoryGiB: number;
  readonly vcpus: number;
  readonly vms: number;
  readonly logicalProcessors: number;
  /** How each figure was derived, and any platform/edition limit that cut it. */
  readonly notes: readonly string[];
}

export interface HostPlan {
  /** 0-based host index across all clusters. */
  readonly index: number;
  readonly cluster: number;
  /** VM ids placed here in steady state. */
  readonly vmIds: readonly string[];
  readonly vms: number;
  readonly windowsVms: number;
  readonly cpuGhzUsed: number;
  readonly memoryGiBUsed: number;
  readonly vcpusUsed: number;
  /** Most VMs this host runs in any simulated failure scenario (≥ vms). */
  readonly maxVmsAfterFailover: number;
  /** Most Windows VMs this host runs in any simulated failure scenario — what licensing counts. */
  readonly maxWindowsVmsAfterFailover: number;
}

export interface ClusterPlan {
  readonly index: number;
  readonly nodes: number;
  readonly vms: number;
  /** Hosts added beyond what steady state needs so the cluster survives its failures. */
  readonly failoverReserve: number;
  readonly failuresTolerated: number;
  /** How survival was proven: every failure set simulated, or a VMM-style reserve test. */
  readonly failoverCheck: "enumerated" | "reserve-test" | "none";
  /** Failure scenarios checked (sets of failed hosts). */
  readonly scenariosChecked: number;
}

export interface CapacityPlan {
  readonly hostCapacity: HostCapacity;
  readonly vms: readonly VmDemand[];
  readonly stayPhysical: readonly StayPhysical[];
  readonly hosts: number;
  /** max over dimensions of ceil(total demand / host capacity), plus failover hosts. */
  readonly lowerBoundHosts: number;
  /** The lower bound before failover hosts are added. */
  readonly lowerBoundSteadyState: number;
  readonly clusters: readonly ClusterPlan[];
  readonly hostPlans: readonly HostPlan[];
  /** Most VMs on any host after failover (max over hostPlans). */
  readonly maxVmsPerHostAfterFailover: number;
  /** "15 hosts; at least 14 needed, plus 1 for failover". */
  readonly explanation: string;
  readonly notes: readonly string[];
}
