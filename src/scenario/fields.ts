/**
 * The scenario's fields as data: kind, bounds, label, unit, one-line help and the defined
 * name each input gets in the `TCO Inputs` sheet. The parser, the JSON Schema, the task
 * pane form and the workbook reader/writer all read this one table.
 */
import {
  BASELINES,
  DEMAND_BASES,
  OPTION_IDS,
  OS_KINDS,
  PERCENTILES,
  S2D_RESILIENCIES,
  STORAGE_BASES,
  STORAGE_KINDS,
  STORAGE_MEDIA,
  VSPHERE_MODELS,
} from "./types";
import { PLATFORM_IDS } from "../platform";

export type FieldKind =
  "int" | "decimal" | "money" | "ratio" | "string" | "enum" | "bool" | "enumList";

export interface FieldSpec {
  /** JSON path below its parent section, e.g. `pue` or `prices.standard`. */
  readonly key: string;
  readonly kind: FieldKind;
  readonly label: string;
  /** Unit shown next to the value ("GiB", "per kWh", "fraction"); "" for none. */
  readonly unit: string;
  /** One-line explanation for the form and the Inputs sheet. */
  readonly help: string;
  /**
   * What to enter, as a noun phrase that completes "Enter …" in a validation message
   * ("the server's RAM in GiB"). Every field in the tables has one.
   */
  readonly prompt?: string;
  /** Inclusive lower bound (numbers); with `minExclusive`, strictly above. */
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly values?: readonly string[];
  readonly pattern?: RegExp;
  readonly patternText?: string;
  /** No default: left out (or blank), the field is absent and a rule says what stands in for it. */
  readonly optional?: boolean;
}

export interface SectionSpec {
  readonly key:
    | "finance"
    | "host"
    | "cluster"
    | "licensing"
    | "physical"
    | "virtual"
    | "storage"
    | "growth"
    | "demand"
    | "housing"
    | "manpower";
  readonly title: string;
  readonly help: string;
  readonly fields: readonly FieldSpec[];
}

const money = (
  key: string,
  label: string,
  unit: string,
  help: string,
  prompt: string
): FieldSpec => ({
  key,
  kind: "money",
  label,
  unit,
  help,
  prompt,
  min: 0,
});
const ratio = (
  key: string,
  label: string,
  help: string,
  prompt: string,
  min = 0,
  minExclusive = false
): FieldSpec => ({
  key,
  kind: "ratio",
  label,
  unit: "fraction",
  help,
  prompt,
  min,
  minExclusive,
  max: 1,
});
const positive = (
  key: string,
  label: string,
  unit: string,
  help: string,
  prompt: string
): FieldSpec => ({
  key,
  kind: "decimal",
  label,
  unit,
  help,
  prompt,
  min: 0,
  minExclusive: true,
});
const nonNegative = (
  key: string,
  label: string,
  unit: string,
  help: string,
  prompt: string
): FieldSpec => ({
  key,
  kind: "decimal",
  label,
  unit,
  help,
  prompt,
  min: 0,
});
const int = (
  key: string,
  label: string,
  unit: string,
  help: string,
  prompt: string,
  min: number,
  max: number
): FieldSpec => ({
  key,
  kind: "int",
  label,
  unit,
  help,
  prompt,
  min,
  max,
});
/** A yearly growth rate: a fraction from −1 (demand gone) to 1 (doubling each year). */
const growthRate = (
  key: string,
  label: string,
  help: string,
  prompt: string,
  optional = false
): FieldSpec => ({
  key,
  kind: "ratio",
  label,
  unit: "fraction per year",
  help,
  prompt,
  min: -1,
  max: 1,
  ...(optional ? { optional } : {}),
});
const bool = (key: string, label: string, help: string, prompt: string): FieldSpec => ({
  key,
  kind: "bool",
  label,
  unit: "",
  help,
  prompt,
});

/** Top-level scalar fields. */
export const TOP_FIELDS: readonly FieldSpec[] = [
  {
    key: "name",
    kind: "string",
    label: "Scenario name",
    unit: "",
    help: "A title for the report.",
    prompt: "a name for the scenario",
  },
  {
    key: "currency",
    kind: "string",
    label: "Currency",
    unit: "",
    help: "ISO 4217 code of every price, e.g. USD or EUR.",
    prompt: "the currency",
    pattern: /^[A-Z]{3}$/,
    patternText: "a three-letter ISO 4217 code in capitals, such as USD",
  },
  {
    key: "platform",
    kind: "enum",
    label: "Platform",
    unit: "",
    values: PLATFORM_IDS,
    help: "Windows Server version: its Hyper-V limits and licensing rules apply.",
    prompt: "the Windows Server platform",
  },
];

export const SECTIONS: readonly SectionSpec[] = [
  {
    key: "finance",
    title: "Finance",
    help: "Horizon and discount rate of the business case.",
    fields: [
      int(
        "horizonYears",
        "Horizon",
        "years",
        "Years the business case covers (1–30).",
        "the horizon in years",
        1,
        30
      ),
      ratio(
        "discountRate",
        "Discount rate",
        "Cost of capital per year, e.g. 0.07 for 7 %.",
        "the discount rate per year (0.07 for 7 %)"
      ),
      int(
        "depreciationYears",
        "Depreciation period",
        "years",
        "Straight-line depreciation of new hardware (3–5 usual).",
        "the depreciation period in years",
        1,
        30
      ),
      {
        key: "baseline",
        kind: "enum",
        label: "Compare against",
        unit: "",
        values: BASELINES,
        help: "physical: the servers as they run today; vsphere: the same workloads staying on VMware vSphere (an RVTools import).",
        prompt: "what the options are compared against: physical or vsphere",
      },
    ],
  },
  {
    key: "host",
    title: "Host",
    help: "The virtualization host every cluster node is bought as.",
    fields: [
      int(
        "sockets",
        "Sockets",
        "count",
        "Physical processors per host.",
        "the host's processor sockets",
        1,
        64
      ),
      int(
        "coresPerSocket",
        "Cores per socket",
        "count",
        "Physical cores per processor.",
        "the cores per host processor",
        1,
        512
      ),
      int(
        "threadsPerCore",
        "Threads per core",
        "count",
        "2 with Hyper-Threading, else 1.",
        "the threads per core (2 with Hyper-Threading, else 1)",
        1,
        8
      ),
      positive(
        "cpuGhz",
        "Core clock",
        "GHz",
        "Base clock of one core.",
        "the host's core clock in GHz"
      ),
      positive(
        "memoryGiB",
        "Host RAM",
        "GiB",
        "Installed memory per host.",
        "the host's RAM in GiB"
      ),
      money(
        "price",
        "Host price",
        "currency",
        "Purchase price of one host, installed.",
        "the price of one host"
      ),
      nonNegative(
        "powerWatts",
        "Host power draw",
        "W",
        "Average electrical draw under load.",
        "the host's power draw in watts"
      ),
      int(
        "rackUnits",
        "Host rack units",
        "U",
        "Rack space per host.",
        "the host's height in rack units",
        0,
        100
      ),
    ],
  },
  {
    key: "cluster",
    title: "Cluster",
    help: "Failover clusters and how full hosts may run.",
    fields: [
      int(
        "failuresToTolerate",
        "Host failures to tolerate",
        "hosts",
        "Hosts each cluster can lose and still run every VM (N+k).",
        "the host failures each cluster must survive",
        0,
        8
      ),
      int(
        "maxNodes",
        "Nodes per cluster",
        "hosts",
        "Largest cluster you will build (the platform's limit applies).",
        "the most nodes per cluster",
        1,
        64
      ),
      ratio(
        "targetCpuUtilization",
        "CPU target",
        "Highest share of host CPU used at peak.",
        "the highest share of host CPU to use at peak (0.75 for 75 %)",
        0,
        true
      ),
      ratio(
        "targetMemoryUtilization",
        "Memory target",
        "Highest share of host RAM (after reserve) given to VMs.",
        "the highest share of host RAM to give to VMs (1 for all of it)",
        0,
        true
      ),
      nonNegative(
        "hostMemoryReserveGiB",
        "Host memory reserve",
        "GiB",
        "RAM kept for the host's own operating system.",
        "the host's memory reserve in GiB"
      ),
      nonNegative(
        "vmMemoryOverheadGiB",
        "VM memory overhead",
        "GiB",
        "Extra RAM each VM costs beyond its own.",
        "the extra RAM per VM in GiB"
      ),
      positive(
        "vcpuPerLogicalProcessor",
        "vCPUs per logical processor",
        "ratio",
        "Most virtual processors per host thread you accept.",
        "the most virtual processors per logical processor"
      ),
    ],
  },
  {
    key: "licensing",
    title: "Platform and licensing",
    help: "Which options to compare and what licences cost.",
    fields: [
      {
        key: "options",
        kind: "enumList",
        label: "Options to compare",
        unit: "",
        values: OPTION_IDS,
        help: "Licensing options to compare: hyperv-server, standard, enterprise, datacenter, vsphere.",
        prompt: "the options to compare",
      },
      bool(
        "clusterAware",
        "Cluster-aware licensing",
        "License each node for the most VMs it runs after a failover (the 90-day rule).",
        "whether licensing is cluster-aware"
      ),
      money(
        "prices.guestOsPerVm",
        "Windows licence per VM",
        "currency",
        "Windows licence for each Windows VM on a free hypervisor or vSphere.",
        "the Windows licence price per VM"
      ),
      money(
        "prices.standard",
        "Standard licence",
        "currency",
        "2008 R2: per server; 2012 R2: per 2 CPUs; 2016+: per 16 cores.",
        "the Standard licence price"
      ),
      money(
        "prices.enterprise",
        "Enterprise licence",
        "currency",
        "2008 R2 only: per server, covers 4 VMs.",
        "the Enterprise licence price"
      ),
      money(
        "prices.datacenter",
        "Datacenter licence",
        "currency",
        "2008 R2: per CPU; 2012 R2: per 2 CPUs; 2016+: per 16 cores.",
        "the Datacenter licence price"
      ),
      money(
        "prices.vsphere",
        "vSphere licence",
        "currency",
        "Per CPU licence, or per core per year for the subscription.",
        "the vSphere licence price"
      ),
      money(
        "prices.cal",
        "Client access licence",
        "currency",
        "Per user CAL, when CALs are counted.",
        "the price of one client access licence"
      ),
      money(
        "prices.systemCenter",
        "System Center licence",
        "currency",
        "Management licence per host.",
        "the System Center licence price per host"
      ),
      {
        key: "vsphereModel",
        kind: "enum",
        label: "vSphere licence model",
        unit: "",
        values: VSPHERE_MODELS,
        help: "per-cpu (vSphere 4–8 perpetual) or per-core-subscription (2024+).",
        prompt: "the vSphere licence model",
      },
      int(
        "vsphereCoresPerCpuLicence",
        "vSphere cores per CPU licence",
        "cores",
        "Per-CPU: cores one licence covers; subscription: minimum cores per CPU.",
        "the cores one vSphere CPU licence covers",
        1,
        256
      ),
      ratio(
        "vsphereSupportRate",
        "vSphere support per year",
        "Support and subscription as a share of the licence price, per year.",
        "the yearly vSphere support rate (0.21 for 21 % of the licence price)"
      ),
      int(
        "calUsers",
        "CAL users",
        "users",
        "Users needing a Windows Server CAL (0 leaves CALs out).",
        "the number of users needing a CAL",
        0,
        10_000_000
      ),
      bool(
        "systemCenter",
        "System Center",
        "Add a System Center management licence per host.",
        "whether to add System Center per host"
      ),
      ratio(
        "softwareAssuranceRate",
        "Software Assurance per year",
        "Share of Windows licence price paid each year for SA (0 = none).",
        "the yearly Software Assurance rate (0.25 for 25 % of the licence price; 0 for none)"
      ),
    ],
  },
  {
    key: "physical",
    title: "Physical estate",
    help: "What staying physical costs, and defaults for inventory rows.",
    fields: [
      money(
        "serverPrice",
        "Server replacement price",
        "currency",
        "Price of replacing one physical server at refresh.",
        "the price of a replacement server"
      ),
      money(
        "osLicencePerWindowsServer",
        "OEM Windows licence",
        "currency",
        "OS licence a refreshed Windows server needs.",
        "the Windows licence price per refreshed server"
      ),
      int(
        "refreshCycleYears",
        "Refresh cycle",
        "years",
        "Physical servers are replaced every this many years.",
        "the physical refresh cycle in years",
        1,
        30
      ),
      ratio(
        "maintenanceRate",
        "Maintenance per year",
        "Hardware maintenance as a share of its price, per year.",
        "the yearly hardware maintenance rate (0.1 for 10 % of the price)"
      ),
      ratio(
        "defaultPeakCpuUtilization",
        "Default peak CPU",
        "Peak CPU of a server whose row gives none.",
        "the default peak CPU (0.3 for 30 %)"
      ),
      ratio(
        "defaultAverageCpuUtilization",
        "Default average CPU",
        "Average CPU of a server whose row gives none.",
        "the default average CPU (0.12 for 12 %)"
      ),
      nonNegative(
        "defaultPowerWatts",
        "Default server power",
        "W",
        "Power draw of a server whose row gives none.",
        "the default server power draw in watts"
      ),
      int(
        "defaultRackUnits",
        "Default server rack units",
        "U",
        "Rack space of a server whose row gives none.",
        "the default server height in rack units",
        0,
        100
      ),
      nonNegative(
        "defaultStorageGiB",
        "Default server storage",
        "GiB",
        "Disk of a server whose row gives none.",
        "the default server storage in GiB"
      ),
    ],
  },
  {
    key: "virtual",
    title: "Cluster infrastructure",
    help: "Shared storage, network and upkeep of the clusters.",
    fields: [
      int(
        "hostRefreshYears",
        "Host refresh cycle",
        "years",
        "Hosts are replaced every this many years.",
        "the host refresh cycle in years",
        1,
        30
      ),
      ratio(
        "hostMaintenanceRate",
        "Host maintenance per year",
        "Share of the host price per year.",
        "the yearly host maintenance rate (0.1 for 10 % of the host price)"
      ),
      money(
        "sharedStoragePerCluster",
        "Shared storage per cluster",
        "currency",
        "SAN/NAS array base price for each cluster.",
        "the shared storage price per cluster"
      ),
      money(
        "storageCostPerGiB",
        "Storage per GiB",
        "currency",
        "Usable shared storage per GiB of VM disk.",
        "the shared storage price per GiB"
      ),
      nonNegative(
        "witnessDiskGiB",
        "Witness disk",
        "GiB",
        "Quorum witness disk per cluster (a disk witness needs at least 0.5 GiB; 0 for a file-share witness).",
        "the witness disk size in GiB"
      ),
      ratio(
        "storageMaintenanceRate",
        "Storage maintenance per year",
        "Share of the storage price per year.",
        "the yearly storage maintenance rate (0.1 for 10 % of its price)"
      ),
      money(
        "storageNetworkPerCluster",
        "Storage network per cluster",
        "currency",
        "Isolated storage LAN switches per cluster.",
        "the storage network price per cluster"
      ),
      money(
        "networkPerHost",
        "Network per host",
        "currency",
        "Duplicated NICs and cabling per host.",
        "the network price per host"
      ),
      ratio(
        "networkMaintenanceRate",
        "Network maintenance per year",
        "Share of the network price per year.",
        "the yearly network maintenance rate (0.15 for 15 % of its price)"
      ),
      int(
        "sharedStorageRackUnits",
        "Storage rack units",
        "U",
        "Rack space of each cluster's storage.",
        "the rack units of each cluster's storage",
        0,
        100
      ),
      nonNegative(
        "sharedStoragePowerWatts",
        "Storage power draw",
        "W",
        "Power draw of each cluster's storage.",
        "the power draw of each cluster's storage in watts"
      ),
    ],
  },
  {
    key: "storage",
    title: "Storage",
    help: "Where the VMs' disks live: a SAN per cluster (priced in Cluster infrastructure) or Storage Spaces Direct on the nodes' own drives.",
    fields: [
      {
        key: "kind",
        kind: "enum",
        label: "Storage",
        unit: "",
        values: STORAGE_KINDS,
        help: "san: a shared array per cluster, priced per cluster and per GiB; s2d: Storage Spaces Direct on each node's drives (Windows Server 2016+ Datacenter), sized per cluster.",
        prompt: "the kind of storage: san or s2d",
      },
      {
        key: "resiliency",
        kind: "enum",
        label: "S2D resiliency",
        unit: "",
        values: S2D_RESILIENCIES,
        help: "How S2D protects the data; sets the storage efficiency and the servers a cluster needs (two-way mirror ≥ 2, three-way ≥ 3, parity ≥ 4, nested exactly 2).",
        prompt: "the Storage Spaces Direct resiliency",
      },
      {
        key: "media",
        kind: "enum",
        label: "S2D capacity media",
        unit: "",
        values: STORAGE_MEDIA,
        help: "all-flash (SSD/NVMe capacity) or hybrid (flash cache, HDD capacity): dual parity packs more data per drive on flash.",
        prompt: "the capacity media: all-flash or hybrid",
      },
      int(
        "drivesPerNode",
        "Capacity drives per node",
        "drives",
        "Capacity drives in each node, cache drives not counted (S2D needs at least 4).",
        "the capacity drives per node",
        4,
        64
      ),
      positive(
        "driveTB",
        "Capacity drive size",
        "TB",
        "Size of one capacity drive in decimal TB (10^12 bytes, as drives are sold; Windows shows about 9 % fewer TiB).",
        "the capacity drive size in TB"
      ),
      ratio(
        "mirrorShare",
        "Mirror share (mirror-accelerated parity)",
        "Share of a mirror-accelerated parity volume kept as mirror (0.2 = 20 %).",
        "the mirror share of a mirror-accelerated parity volume (0.2 for 20 %)"
      ),
      {
        key: "demandBasis",
        kind: "enum",
        label: "VM storage sized on",
        unit: "",
        values: STORAGE_BASES,
        help: "provisioned: each server's disk size (storageGiB); in-use: the space its disks really use (storageInUseGiB where given).",
        prompt: "what VM storage is sized on: provisioned or in-use",
      },
      {
        key: "headroom",
        kind: "decimal",
        label: "S2D free-space headroom",
        unit: "fraction",
        help: "Free space S2D volumes keep on top of the VMs' storage, as a share of it (0.2 = 20 % more).",
        prompt: "the free-space headroom (0.2 for 20 % more)",
        min: 0,
        max: 10,
      },
      money(
        "drivePrice",
        "Capacity drive price",
        "currency",
        "Price of one S2D capacity drive (bought with each node, refreshed with it).",
        "the price of one capacity drive"
      ),
    ],
  },
  {
    key: "growth",
    title: "Growth",
    help: "Yearly compound growth of demand over the horizon: hosts are bought in the year they are first needed and never removed.",
    fields: [
      growthRate(
        "ratePerYear",
        "Demand growth per year",
        "Compound growth of CPU, memory and storage demand a year (0.1 = 10 %; −1 to 1).",
        "the yearly demand growth (0.1 for 10 %; from -1 to 1)"
      ),
      growthRate(
        "cpuRatePerYear",
        "CPU growth per year",
        "CPU demand's own yearly growth; blank uses the growth above.",
        "the yearly CPU demand growth (from -1 to 1), or leave it blank",
        true
      ),
      growthRate(
        "memoryRatePerYear",
        "Memory growth per year",
        "Memory demand's own yearly growth; blank uses the growth above.",
        "the yearly memory demand growth (from -1 to 1), or leave it blank",
        true
      ),
      growthRate(
        "storageRatePerYear",
        "Storage growth per year",
        "Storage demand's own yearly growth; blank uses the growth above.",
        "the yearly storage demand growth (from -1 to 1), or leave it blank",
        true
      ),
    ],
  },
  {
    key: "demand",
    title: "Measured demand",
    help: "Sizing on performance history where an import carries it, and idle servers to retire.",
    fields: [
      {
        key: "basis",
        kind: "enum",
        label: "Size servers on",
        unit: "",
        values: DEMAND_BASES,
        help: "measured: servers with a measured percentile are sized on it × the comfort factor, the others on their peak; peak: every server on its peak CPU and configured RAM.",
        prompt: "what servers are sized on: measured or peak",
      },
      {
        key: "comfortFactor",
        kind: "decimal",
        label: "Comfort factor",
        unit: "ratio",
        help: "Buffer on measured utilisation for seasonal peaks and growth (Azure Migrate: 1.3 = 30 % more).",
        prompt: "the comfort factor (1.3 for 30 % more)",
        min: 1,
        max: 5,
      },
      ratio(
        "idleCpuUtilization",
        "Idle below average CPU",
        "A server whose average CPU is below this (and disk and network below theirs, where measured) is flagged idle.",
        "the idle CPU threshold (0.05 for 5 %)"
      ),
      nonNegative(
        "idleDiskMBps",
        "Idle below disk throughput",
        "MB/s",
        "Average disk throughput below which a measured server counts as idle.",
        "the idle disk throughput in MB/s"
      ),
      nonNegative(
        "idleNetworkMBps",
        "Idle below network throughput",
        "MB/s",
        "Average network throughput below which a measured server counts as idle.",
        "the idle network throughput in MB/s"
      ),
      bool(
        "retireIdle",
        "Retire idle servers",
        "Switch idle servers off instead of migrating them; what they cost to run shows as its own saving line.",
        "whether to retire idle servers"
      ),
    ],
  },
  {
    key: "housing",
    title: "Housing",
    help: "Room, power and cooling, and installing devices.",
    fields: [
      money(
        "electricityPerKWh",
        "Electricity tariff",
        "currency per kWh",
        "What one kWh costs.",
        "the electricity price per kWh"
      ),
      {
        key: "pue",
        kind: "decimal",
        label: "PUE",
        unit: "ratio",
        help: "Power usage effectiveness: facility power ÷ IT power (1.0 or more).",
        prompt: "the PUE (facility power ÷ IT power)",
        min: 1,
        max: 5,
      },
      money(
        "rackUnitCostPerYear",
        "Rack space per U per year",
        "currency",
        "Cost of one rack unit for a year.",
        "the yearly cost of one rack unit"
      ),
      money(
        "setupCostPerDevice",
        "Setup per device",
        "currency",
        "Racking, cabling and installing one device.",
        "the setup cost per device"
      ),
    ],
  },
  {
    key: "manpower",
    title: "Manpower",
    help: "Administration effort and its cost.",
    fields: [
      money(
        "adminHourlyRate",
        "Admin hourly rate",
        "currency per hour",
        "Loaded cost of one administrator hour.",
        "the loaded cost of one admin hour"
      ),
      nonNegative(
        "hoursPerPhysicalServerPerYear",
        "Hours per physical server",
        "h per year",
        "Admin hours one physical server needs a year.",
        "the admin hours per physical server per year"
      ),
      nonNegative(
        "hoursPerHostPerYear",
        "Hours per host",
        "h per year",
        "Admin hours one virtualization host needs a year.",
        "the admin hours per host per year"
      ),
      nonNegative(
        "hoursPerVmPerYear",
        "Hours per VM",
        "h per year",
        "Admin hours one VM needs a year.",
        "the admin hours per VM per year"
      ),
      nonNegative(
        "migrationHoursPerServer",
        "Migration hours per server",
        "h",
        "One-time P2V conversion effort per server.",
        "the one-time migration hours per server"
      ),
    ],
  },
];

/** Inventory row fields, in the column order of the `TCO Inventory` table. */
export const INVENTORY_FIELDS: readonly (FieldSpec & { readonly required: boolean })[] = [
  {
    key: "name",
    kind: "string",
    label: "Name",
    unit: "",
    help: "A unique name for the server or group.",
    prompt: "a unique name for the server or group",
    required: true,
  },
  {
    key: "count",
    kind: "int",
    label: "Count",
    unit: "servers",
    help: "How many identical servers this row stands for.",
    prompt: "the number of identical servers this row stands for",
    min: 1,
    max: 1_000_000,
    required: false,
  },
  {
    key: "os",
    kind: "enum",
    label: "OS",
    unit: "",
    values: OS_KINDS,
    help: "Operating system: windows or linux (Linux guests need no Windows licence).",
    prompt: "the operating system",
    required: false,
  },
  {
    key: "cores",
    kind: "int",
    label: "Cores",
    unit: "cores",
    help: "Physical cores of the server.",
    prompt: "the server's physical cores",
    min: 1,
    max: 4096,
    required: true,
  },
  {
    key: "cpuGhz",
    kind: "decimal",
    label: "Core clock",
    unit: "GHz",
    help: "Clock of one core in GHz.",
    prompt: "the server's core clock in GHz",
    min: 0,
    minExclusive: true,
    max: 10,
    required: true,
  },
  {
    key: "peakCpuUtilization",
    kind: "ratio",
    label: "Peak CPU",
    unit: "fraction",
    help: "Share of CPU used at peak, 0–1; sizing uses it.",
    prompt: "the server's peak CPU (0.4 for 40 %)",
    min: 0,
    max: 1,
    required: false,
  },
  {
    key: "averageCpuUtilization",
    kind: "ratio",
    label: "Average CPU",
    unit: "fraction",
    help: "Share of CPU used on average, 0–1.",
    prompt: "the server's average CPU (0.12 for 12 %)",
    min: 0,
    max: 1,
    required: false,
  },
  {
    key: "memoryGiB",
    kind: "decimal",
    label: "RAM",
    unit: "GiB",
    help: "The server's RAM in GiB.",
    prompt: "the server's RAM in GiB",
    min: 0,
    minExclusive: true,
    required: true,
  },
  {
    key: "storageGiB",
    kind: "decimal",
    label: "Storage",
    unit: "GiB",
    help: "Disk the server uses, in GiB.",
    prompt: "the server's used disk in GiB",
    min: 0,
    required: false,
  },
  {
    key: "powerWatts",
    kind: "decimal",
    label: "Power",
    unit: "W",
    help: "Average power draw in watts.",
    prompt: "the server's power draw in watts",
    min: 0,
    required: false,
  },
  {
    key: "rackUnits",
    kind: "int",
    label: "Rack units",
    unit: "U",
    help: "Rack space in U.",
    prompt: "the server's height in rack units",
    min: 0,
    max: 100,
    required: false,
  },
  {
    key: "stayPhysical",
    kind: "bool",
    label: "Stay physical",
    unit: "",
    help: "Keep this server physical in every option (dongles, appliances).",
    prompt: "whether this server must stay physical",
    required: false,
  },
  {
    key: "storageInUseGiB",
    kind: "decimal",
    label: "Storage in use",
    unit: "GiB",
    help: "Space the server's disks really use, in GiB (sized on when storage is sized in use).",
    prompt: "the server's disk space in use in GiB",
    min: 0,
    required: false,
  },
  {
    key: "measuredPercentile",
    kind: "enum",
    label: "Measured percentile",
    unit: "",
    values: PERCENTILES,
    help: "Which statistic of a performance history the measured columns hold (p95 …); blank when not measured.",
    prompt: "the percentile the measured figures are",
    required: false,
  },
  {
    key: "measuredCpuUtilization",
    kind: "ratio",
    label: "Measured CPU",
    unit: "fraction",
    help: "CPU used at the measured percentile, 0–1; sizing multiplies it by the comfort factor.",
    prompt: "the server's measured CPU (0.25 for 25 %)",
    min: 0,
    max: 1,
    required: false,
  },
  {
    key: "measuredMemoryGiB",
    kind: "decimal",
    label: "Measured RAM",
    unit: "GiB",
    help: "Memory in use at the measured percentile, in GiB.",
    prompt: "the server's measured memory in use in GiB",
    min: 0,
    required: false,
  },
  {
    key: "averageDiskMBps",
    kind: "decimal",
    label: "Average disk",
    unit: "MB/s",
    help: "Average disk throughput over the measured period (idle detection).",
    prompt: "the server's average disk throughput in MB/s",
    min: 0,
    required: false,
  },
  {
    key: "averageNetworkMBps",
    kind: "decimal",
    label: "Average network",
    unit: "MB/s",
    help: "Average network throughput over the measured period (idle detection).",
    prompt: "the server's average network throughput in MB/s",
    min: 0,
    required: false,
  },
];

/**
 * The `TCO Inputs` defined name of a field: `hv_` + the key in PascalCase, prefixed with
 * `Host` for the host spec and `Price` for licence prices so every name is unique
 * (`finance.discountRate` → `hv_DiscountRate`, `host.price` → `hv_HostPrice`,
 * `licensing.prices.standard` → `hv_PriceStandard`); the storage, growth and demand sections
 * are prefixed with their own name (`storage.kind` → `hv_StorageKind`).
 */
export function definedNameOf(section: string | null, key: string): string {
  const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  if (key.startsWith("prices.")) return `hv_Price${pascal(key.slice("prices.".length))}`;
  if (section === "host") return `hv_Host${pascal(key)}`;
  // Sections added in v2 carry their own name, so short keys stay clear (`hv_StorageKind`).
  if (section === "storage" || section === "growth" || section === "demand")
    return `hv_${pascal(section)}${pascal(key)}`;
  return `hv_${pascal(key)}`;
}
