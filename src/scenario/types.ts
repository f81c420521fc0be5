/**
 * The scenario (contract v1): every input of an analysis, validated and immutable.
 * Money and ratios are exact `Dec`; counts are integers. Built only by `parseScenario`.
 */
import type { Dec, Money } from "../money";
import type { PlatformId } from "../platform";

export const SCHEMA_VERSION = 1 as const;

export const OS_KINDS = ["windows", "linux"] as const;
export type OsKind = (typeof OS_KINDS)[number];

/** The licensing options a scenario can compare. */
export const OPTION_IDS = [
  "hyperv-server",
  "standard",
  "enterprise",
  "datacenter",
  "vsphere",
  "vcf",
  "vvf",
  "windows-payg",
  "azure-local",
] as const;
export type OptionId = (typeof OPTION_IDS)[number];

/** VMware by Broadcom's per-core subscriptions (2024 onward): Cloud Foundation and vSphere Foundation. */
export const VMWARE_PRODUCTS = ["vcf", "vvf"] as const;
export type VmwareProduct = (typeof VMWARE_PRODUCTS)[number];

/**
 * What the options are compared against: the physical estate, or the same workloads staying
 * on VMware — `vsphere` (per-CPU licences, the 2008 R2–2019 eras) or the product of today's
 * renewal quote, `vcf` or `vvf`.
 */
export const BASELINES = ["physical", "vsphere", "vcf", "vvf"] as const;
export type Baseline = (typeof BASELINES)[number];

/** True when the baseline is staying on VMware (any product). */
export const staysOnVmware = (baseline: Baseline): boolean => baseline !== "physical";

export const VSPHERE_MODELS = ["per-cpu", "per-core-subscription"] as const;
export type VsphereModel = (typeof VSPHERE_MODELS)[number];

/** Where the VMs' disks live: a SAN/NAS array per cluster, or Storage Spaces Direct on the nodes' own drives. */
export const STORAGE_KINDS = ["san", "s2d"] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** S2D resiliency types and capacity media: the platform's rules (`platform/s2d.ts`) name them. */
export {
  S2D_RESILIENCIES,
  STORAGE_MEDIA,
  type S2dResiliency,
  type StorageMedia,
} from "../platform/s2d";
import type { S2dResiliency, StorageMedia } from "../platform/s2d";

/** Which disk figure of a server its storage demand is: configured (provisioned) size or space in use. */
export const STORAGE_BASES = ["provisioned", "in-use"] as const;
export type StorageBasis = (typeof STORAGE_BASES)[number];

/** What servers are sized on: their measured percentile × comfort factor where they have one, or the peak inputs. */
export const DEMAND_BASES = ["measured", "peak"] as const;
export type DemandBasis = (typeof DEMAND_BASES)[number];

/** Statistics of a performance history a measured utilisation can be. */
export const PERCENTILES = ["p50", "p90", "p95", "p99", "max"] as const;
export type Percentile = (typeof PERCENTILES)[number];

/** One physical server, or a group of `count` identical servers. */
export interface InventoryRow {
  readonly name: string;
  readonly count: number;
  readonly os: OsKind;
  readonly cores: number;
  readonly cpuGhz: Dec;
  /** Fraction 0–1 of the server's CPU used at peak; sizing uses this. */
  readonly peakCpuUtilization: Dec;
  /** Fraction 0–1 used on average; reported, and used for power estimates. */
  readonly averageCpuUtilization: Dec;
  readonly memoryGiB: Dec;
  readonly storageGiB: Dec;
  readonly powerWatts: Dec;
  readonly rackUnits: number;
  /** Keep this server physical whatever the capacity engine could do (dongles, appliances). */
  readonly stayPhysical: boolean;
  /** Space the server's disks really use, GiB (sizing uses it when `storage.demandBasis` is in-use). */
  readonly storageInUseGiB?: Dec;
  /** Which statistic of a performance history the measured figures are (p95 …), when measured. */
  readonly measuredPercentile?: Percentile;
  /** Measured CPU use at that percentile, fraction 0–1 of the server's cores. */
  readonly measuredCpuUtilization?: Dec;
  /** Measured memory in use at that percentile, GiB. */
  readonly measuredMemoryGiB?: Dec;
  /** Average disk throughput over the measured period, MB/s (idle detection). */
  readonly averageDiskMBps?: Dec;
  /** Average network throughput over the measured period, MB/s (idle detection). */
  readonly averageNetworkMBps?: Dec;
}

export interface FinanceInputs {
  readonly horizonYears: number;
  readonly discountRate: Dec;
  readonly depreciationYears: number;
  /** The business case's starting point: staying physical, or staying on VMware vSphere. */
  readonly baseline: Baseline;
  /** The analysis starts on this day (ISO `YYYY-MM-DD`): month 0 of every timeline. */
  readonly startDate: string;
  /** Leaving VMware: VMs moved to the new platform per month once moves start. */
  readonly migrationVmsPerMonth: number;
  /** Leaving VMware: months from the start date before the first VM moves (build and test). */
  readonly monthsBeforeFirstMove: number;
}

export interface HostSpec {
  readonly sockets: number;
  readonly coresPerSocket: number;
  readonly threadsPerCore: number;
  readonly cpuGhz: Dec;
  readonly memoryGiB: Dec;
  readonly price: Money;
  readonly powerWatts: Dec;
  readonly rackUnits: number;
}

/**
 * One candidate of `hostOptions`: a host configuration the planner may buy, with its name and
 * (for Storage Spaces Direct) its own capacity drives. Every cluster is built of one candidate
 * (mixed node shapes inside a cluster are out of scope).
 */
export interface HostOption extends HostSpec {
  /** Unique (ignoring case) name shown in tables ("2 × 24c / 768 GiB"). */
  readonly name: string;
  /** S2D capacity drives per node (defaults to `storage.drivesPerNode`). */
  readonly drivesPerNode: number;
  /** S2D capacity drive size, decimal TB (defaults to `storage.driveTB`). */
  readonly driveTB: Dec;
}

export interface ClusterPolicy {
  readonly failuresToTolerate: number;
  readonly maxNodes: number;
  readonly targetCpuUtilization: Dec;
  readonly targetMemoryUtilization: Dec;
  readonly hostMemoryReserveGiB: Dec;
  readonly vmMemoryOverheadGiB: Dec;
  readonly vcpuPerLogicalProcessor: Dec;
}

export interface LicensePrices {
  readonly guestOsPerVm: Money;
  readonly standard: Money;
  readonly enterprise: Money;
  readonly datacenter: Money;
  readonly vsphere: Money;
  readonly cal: Money;
  readonly systemCenter: Money;
  /** VMware Cloud Foundation, per core per year. */
  readonly vcf: Money;
  /** VMware vSphere Foundation, per core per year. */
  readonly vvf: Money;
  /** Windows Server pay-as-you-go through Azure Arc, per core per month. */
  readonly windowsPayg: Money;
  /** Azure Local host fee, per physical core per month. */
  readonly azureLocalHost: Money;
  /** Azure Local Windows Server guest subscription, per physical core per month. */
  readonly azureLocalWindows: Money;
  /** vSAN capacity beyond the VCF/VVF entitlement, per TiB per year. */
  readonly vsanPerTiB: Money;
}

/** The VMware by Broadcom renewal: how the quote bills cores, and when. */
export interface VmwareTerms {
  /** Cores billed per physical CPU at least (a 12-core CPU is billed as 16). */
  readonly minimumCoresPerCpu: number;
  /** Cores billed per order at least, over the whole order; 0 = no order minimum. */
  readonly minimumCoresPerOrder: number;
  /** Length of a renewal term in years (1, 3 or 5). */
  readonly termYears: number;
  /** Share added to the first year of a renewal placed after the renewal date. */
  readonly lateRenewalPenalty: Dec;
  /** The current subscription ends on this day (ISO `YYYY-MM-DD`). */
  readonly renewalDate: string;
  /** Let the subscription lapse and renew late only if the move overruns the renewal date. */
  readonly renewLate: boolean;
  /** vSAN capacity the estate uses, TiB (0 = no vSAN). */
  readonly vsanTiB: Dec;
}

/** Windows Server licences the organisation already owns (what the user says; never assumed). */
export interface OwnedLicences {
  readonly datacenterCores: number;
  readonly standardCores: number;
  /** Software Assurance is active on them (needed for Azure Hybrid Benefit). */
  readonly softwareAssurance: boolean;
}

export interface LicensingInputs {
  readonly options: readonly OptionId[];
  readonly clusterAware: boolean;
  readonly prices: LicensePrices;
  readonly vsphereModel: VsphereModel;
  readonly vsphereCoresPerCpuLicence: number;
  readonly vsphereSupportRate: Dec;
  readonly calUsers: number;
  readonly systemCenter: boolean;
  readonly softwareAssuranceRate: Dec;
  readonly vmware: VmwareTerms;
  readonly owned: OwnedLicences;
  /** Use owned Datacenter cores with active SA for Azure Hybrid Benefit on Azure Local. */
  readonly azureHybridBenefit: boolean;
}

export interface PhysicalInputs {
  readonly serverPrice: Money;
  readonly osLicencePerWindowsServer: Money;
  readonly refreshCycleYears: number;
  readonly maintenanceRate: Dec;
  readonly defaultPeakCpuUtilization: Dec;
  readonly defaultAverageCpuUtilization: Dec;
  readonly defaultPowerWatts: Dec;
  readonly defaultRackUnits: number;
  readonly defaultStorageGiB: Dec;
}

export interface VirtualInputs {
  readonly hostRefreshYears: number;
  readonly hostMaintenanceRate: Dec;
  readonly sharedStoragePerCluster: Money;
  readonly storageCostPerGiB: Money;
  readonly witnessDiskGiB: Dec;
  readonly storageMaintenanceRate: Dec;
  readonly storageNetworkPerCluster: Money;
  readonly networkPerHost: Money;
  readonly networkMaintenanceRate: Dec;
  readonly sharedStorageRackUnits: number;
  readonly sharedStoragePowerWatts: Dec;
}

/** Shared storage of the clusters: a SAN (priced per cluster and per GiB) or Storage Spaces Direct. */
export interface StorageInputs {
  readonly kind: StorageKind;
  readonly resiliency: S2dResiliency;
  readonly media: StorageMedia;
  /** Capacity drives per node (cache drives not counted). */
  readonly drivesPerNode: number;
  /** Size of one capacity drive in decimal TB (10^12 bytes), as drives are sold. */
  readonly driveTB: Dec;
  /** Share of a mirror-accelerated parity volume kept as mirror, fraction 0–1. */
  readonly mirrorShare: Dec;
  readonly demandBasis: StorageBasis;
  /** Free space kept on top of the VMs' storage, as a share of it (0.2 = 20 % more). */
  readonly headroom: Dec;
  /** Price of one capacity drive. */
  readonly drivePrice: Money;
}

/** Yearly compound growth of demand over the horizon; a resource's own rate overrides the common one. */
export interface GrowthInputs {
  /** Fraction per year, −1 to 1 (0.1 = 10 % a year). */
  readonly ratePerYear: Dec;
  readonly cpuRatePerYear?: Dec;
  readonly memoryRatePerYear?: Dec;
  readonly storageRatePerYear?: Dec;
}

/** How demand is measured: sizing basis, comfort factor, and what counts as an idle server. */
export interface DemandInputs {
  readonly basis: DemandBasis;
  /** Multiplier on measured utilisation (Azure Migrate's buffer; 1.3 = 30 % more). */
  readonly comfortFactor: Dec;
  /** Idle below this average CPU (fraction). */
  readonly idleCpuUtilization: Dec;
  /** Idle below this average disk throughput, MB/s (when measured). */
  readonly idleDiskMBps: Dec;
  /** Idle below this average network throughput, MB/s (when measured). */
  readonly idleNetworkMBps: Dec;
  /** Retire idle servers instead of migrating them (their running cost becomes a saving line). */
  readonly retireIdle: boolean;
}

export interface HousingInputs {
  readonly electricityPerKWh: Money;
  readonly pue: Dec;
  readonly rackUnitCostPerYear: Money;
  readonly setupCostPerDevice: Money;
}

export interface ManpowerInputs {
  readonly adminHourlyRate: Money;
  readonly hoursPerPhysicalServerPerYear: Dec;
  readonly hoursPerHostPerYear: Dec;
  readonly hoursPerVmPerYear: Dec;
  readonly migrationHoursPerServer: Dec;
}

/** One value an importer assumed or estimated (the import report's "Assumed or estimated"). */
export interface ImportedAssumption {
  /** Inventory field (`cpuGhz`, `peakCpuUtilization`, …) or scenario path. */
  readonly field: string;
  /** How the value was obtained (`default`, `host-clock`, `cluster-snapshot`, …). */
  readonly basis: string;
  /** Servers it applies to. */
  readonly count: number;
  /** The value when the same for all of them, else null. */
  readonly value: string | null;
  /** The sentence the import report printed. */
  readonly message: string;
}

/** Where an imported inventory came from and what the importer assumed (kept for the assumptions register). */
export interface ImportProvenance {
  readonly file: string | null;
  /** e.g. "RVTools (MiB labels, 4.1.2 or later)". */
  readonly format: string;
  readonly assumptions: readonly ImportedAssumption[];
}

export interface Scenario {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly name: string;
  readonly currency: string;
  readonly platform: PlatformId;
  readonly finance: FinanceInputs;
  readonly inventory: readonly InventoryRow[];
  readonly host: HostSpec;
  readonly cluster: ClusterPolicy;
  readonly licensing: LicensingInputs;
  readonly physical: PhysicalInputs;
  readonly virtual: VirtualInputs;
  readonly storage: StorageInputs;
  readonly growth: GrowthInputs;
  readonly demand: DemandInputs;
  readonly housing: HousingInputs;
  readonly manpower: ManpowerInputs;
  /**
   * Candidate hosts to choose among per option (lowest TCO wins); absent: `host` is the only
   * candidate. At most `LIMITS.hostOptions` entries.
   */
  readonly hostOptions?: readonly HostOption[];
  /** Set by `import`: the file and every value the importer assumed; absent for typed scenarios. */
  readonly imported?: ImportProvenance;
}

/** One problem with an input: where, what was expected, what came, and how to fix it. */
export interface Issue {
  /** JSON path (`inventory[6].memoryGiB`) or, from a workbook, a cell (`TCO Inventory!D9`). */
  readonly path: string;
  readonly expected: string;
  readonly received: string;
  readonly message: string;
}

export type ParseResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly Issue[] };
