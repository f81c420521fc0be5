/**
 * Hyper-V scalability limits per Windows Server version — one readonly row per platform,
 * each with its source. Read by the capacity engine (placement limits) and by licensing
 * (edition limits), and by scenario validation (per-VM maxima).
 */

export const PLATFORM_IDS = [
  "ws2008r2",
  "ws2012r2",
  "ws2016",
  "ws2019",
  "ws2022",
  "ws2025",
] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export interface PlatformLimits {
  readonly id: PlatformId;
  readonly label: string;
  /** Logical processors (cores × threads) a host may have. */
  readonly maxLogicalProcessorsPerHost: number;
  /** Host RAM Hyper-V supports, GiB. */
  readonly maxHostMemoryGiB: number;
  /** Running VMs per host. */
  readonly maxRunningVmsPerHost: number;
  /** Virtual processors per host. */
  readonly maxVirtualProcessorsPerHost: number;
  /** Supported virtual-to-logical processor ratio; null when Hyper-V imposes none. */
  readonly maxVcpuPerLogicalProcessor: number | null;
  /** vCPUs one VM may have. */
  readonly maxVcpusPerVm: number;
  /** RAM one VM may have, GiB. */
  readonly maxVmMemoryGiB: number;
  /** Nodes per failover cluster. */
  readonly maxClusterNodes: number;
  /** Running VMs per failover cluster. */
  readonly maxVmsPerCluster: number;
  readonly source: string;
}

const WS2016_DOC =
  "MicrosoftDocs/windowsserverdocs: WindowsServerDocs/virtualization/hyper-v/plan/plan-hyper-v-scalability-in-windows-server.md";
const TB = 1024;

/** The catalog, in release order. */
export const PLATFORM_LIMITS: Readonly<Record<PlatformId, PlatformLimits>> = Object.freeze({
  ws2008r2: {
    id: "ws2008r2",
    label: "Windows Server 2008 R2 SP1",
    maxLogicalProcessorsPerHost: 64,
    maxHostMemoryGiB: 1 * TB,
    maxRunningVmsPerHost: 384,
    maxVirtualProcessorsPerHost: 512,
    maxVcpuPerLogicalProcessor: 8,
    maxVcpusPerVm: 4,
    maxVmMemoryGiB: 64,
    maxClusterNodes: 16,
    maxVmsPerCluster: 1000,
    source:
      "TechNet ee405267 'Requirements and Limits for Virtual Machines and Hyper-V in Windows Server 2008 R2'; cluster limits: blogs.msdn.com/b/clustering 2010-06-28 (1,000 VMs per cluster, 384 per node); 8:1 VP:LP ratio: blogs.technet.com puneetvig 2011-05-21",
  },
  ws2012r2: {
    id: "ws2012r2",
    label: "Windows Server 2012 R2",
    maxLogicalProcessorsPerHost: 320,
    maxHostMemoryGiB: 4 * TB,
    maxRunningVmsPerHost: 1024,
    maxVirtualProcessorsPerHost: 2048,
    maxVcpuPerLogicalProcessor: null,
    maxVcpusPerVm: 64,
    maxVmMemoryGiB: 1 * TB,
    maxClusterNodes: 64,
    maxVmsPerCluster: 8000,
    source:
      "docs.microsoft.com previous-versions jj680093 (Hyper-V scalability in Windows Server 2012 and 2012 R2)",
  },
  ws2016: {
    id: "ws2016",
    label: "Windows Server 2016",
    maxLogicalProcessorsPerHost: 512,
    maxHostMemoryGiB: 24 * TB,
    maxRunningVmsPerHost: 1024,
    maxVirtualProcessorsPerHost: 2048,
    maxVcpuPerLogicalProcessor: null,
    maxVcpusPerVm: 240,
    maxVmMemoryGiB: 12 * TB,
    maxClusterNodes: 64,
    maxVmsPerCluster: 8000,
    source: `${WS2016_DOC} (2016 version; generation 2 VMs)`,
  },
  ws2019: {
    id: "ws2019",
    label: "Windows Server 2019",
    maxLogicalProcessorsPerHost: 512,
    maxHostMemoryGiB: 24 * TB,
    maxRunningVmsPerHost: 1024,
    maxVirtualProcessorsPerHost: 2048,
    maxVcpuPerLogicalProcessor: null,
    maxVcpusPerVm: 240,
    maxVmMemoryGiB: 12 * TB,
    maxClusterNodes: 64,
    maxVmsPerCluster: 8000,
    source: `${WS2016_DOC} (240 vCPUs in the older version of the page; the current page says 250)`,
  },
  ws2022: {
    id: "ws2022",
    label: "Windows Server 2022",
    maxLogicalProcessorsPerHost: 1024,
    maxHostMemoryGiB: 4 * TB * TB,
    maxRunningVmsPerHost: 1024,
    maxVirtualProcessorsPerHost: 2048,
    maxVcpuPerLogicalProcessor: null,
    maxVcpusPerVm: 1024,
    maxVmMemoryGiB: 240 * TB,
    maxClusterNodes: 64,
    maxVmsPerCluster: 8000,
    source: `${WS2016_DOC} (current version: 2022 column; 4 PB host RAM with 5-level paging)`,
  },
  ws2025: {
    id: "ws2025",
    label: "Windows Server 2025",
    maxLogicalProcessorsPerHost: 2048,
    maxHostMemoryGiB: 4 * TB * TB,
    maxRunningVmsPerHost: 1024,
    maxVirtualProcessorsPerHost: 2048,
    maxVcpuPerLogicalProcessor: null,
    maxVcpusPerVm: 2048,
    maxVmMemoryGiB: 240 * TB,
    maxClusterNodes: 64,
    maxVmsPerCluster: 8000,
    source: `${WS2016_DOC} (current version); 2,048 vCPUs per gen2 VM: anystackarchitect.com (secondary)`,
  },
});

/** The limits of a platform. */
export function platformLimits(id: PlatformId): PlatformLimits {
  return PLATFORM_LIMITS[id];
}

/** Whether a string names a known platform. */
export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === "string" && (PLATFORM_IDS as readonly string[]).includes(value);
}
