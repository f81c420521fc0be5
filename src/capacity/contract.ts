/**
 * What the capacity engine returns: the contract licensing, TCO, the report, the task pane
 * and the custom functions rely on. Plain readonly data; quantities as numbers (GHz, GiB)
 * because placement is arithmetic on measurements, not money.
 */
import type { Percentile } from "../scenario/types";

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

/** What a VM's CPU and memory demand was sized on: a measured percentile × the comfort factor, or the peak inputs. */
export interface VmSizing {
  readonly basis: "measured" | "peak";
  /** The measured statistic (p95 …) when measured. */
  readonly percentile: Percentile | null;
  /** The comfort factor applied (1 when sized on peak). */
  readonly comfortFactor: number;
  /** Whether memory was sized on measured use (else the configured RAM). */
  readonly memoryMeasured: boolean;
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
  /** Disk on the chosen basis (provisioned or in use), GiB, grown with the year planned. */
  readonly storageGiB: number;
  /** How CPU and memory were sized (absent: on the peak inputs, the v1 rule). */
  readonly sizing?: VmSizing;
}

/** A server whose measured use is so low it looks idle (a "zombie"), and why. */
export interface IdleServer {
  readonly name: string;
  readonly row: number;
  readonly count: number;
  /** "average CPU 2 % < 5 %; disk 0.01 MB/s < 0.1 MB/s; …". */
  readonly reason: string;
  /** Retired (switched off, not migrated) because `demand.retireIdle` is on. */
  readonly retired: boolean;
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

/** A cluster's storage: what its VMs need and, with Storage Spaces Direct, what its nodes offer (decimal TB). */
export interface ClusterStorage {
  readonly kind: "san" | "s2d";
  readonly nodes: number;
  /** VM disk of the cluster's VMs, GiB, on the chosen basis. */
  readonly vmStorageGiB: number;
  /** TB the cluster must hold: the VM disk in TB, plus the free-space headroom with S2D. */
  readonly neededTB: number;
  /** S2D only (null with a SAN): nodes × drives × drive size. */
  readonly rawTB: number | null;
  /** min(nodes, 4) capacity drives kept unallocated for in-place repair. */
  readonly reserveTB: number | null;
  /** (raw − reserve) × efficiency. */
  readonly usableTB: number | null;
  /** Storage efficiency of the resiliency at this node count. */
  readonly efficiency: number | null;
  /** "RS 4+2", "3 copies" … */
  readonly layout: string | null;
  /** Usable with failuresToTolerate nodes gone for good; null where the resiliency cannot repair onto the survivors. */
  readonly usableWithFailuresTB: number | null;
  /** The fewest nodes that hold the data (0 with a SAN; null when no allowed size does). */
  readonly nodesForStorage: number | null;
}

/** The resource that decides a cluster's node count. */
export type BindingResource = "cpuGhz" | "memoryGiB" | "vcpus" | "vms" | "storage";

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
  readonly storage: ClusterStorage;
  /**
   * What decides the node count: storage when S2D needs more nodes than the VMs' CPU and memory
   * with their failover hosts; else the compute resource the VMs fill most.
   */
  readonly binding: BindingResource;
}

export interface CapacityPlan {
  readonly hostCapacity: HostCapacity;
  readonly vms: readonly VmDemand[];
  readonly stayPhysical: readonly StayPhysical[];
  /** Servers flagged idle; those with `retired` are switched off, neither VMs nor physical. */
  readonly idle: readonly IdleServer[];
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
