/**
 * Every default of the scenario, in one place, each with its source (DOMAIN.md and the
 * research notes it cites). Values differ by era: `ws2008r2` gets the 2010 estate the
 * product was first written for; later platforms get today's hardware and prices.
 * "Assumption" marks a figure with no published source — an editable input a user should
 * check against their own quotes.
 */
import type { PlatformId } from "../platform";

/** JSON form of a scenario without its inventory, as `init` prints it. */
export type ScenarioSections = {
  readonly finance: Readonly<Record<string, unknown>>;
  readonly host: Readonly<Record<string, unknown>>;
  readonly cluster: Readonly<Record<string, unknown>>;
  readonly licensing: Readonly<Record<string, unknown>>;
  readonly physical: Readonly<Record<string, unknown>>;
  readonly virtual: Readonly<Record<string, unknown>>;
  readonly storage: Readonly<Record<string, unknown>>;
  readonly growth: Readonly<Record<string, unknown>>;
  readonly demand: Readonly<Record<string, unknown>>;
  readonly housing: Readonly<Record<string, unknown>>;
  readonly manpower: Readonly<Record<string, unknown>>;
};

export const DEFAULT_PLATFORM: PlatformId = "ws2025";
export const DEFAULT_NAME = "Untitled consolidation";
export const DEFAULT_CURRENCY = "USD";

type Era = "2010" | "today";

interface PriceRow {
  readonly standard: string;
  readonly enterprise: string;
  readonly datacenter: string;
  readonly vsphere: string;
  readonly vsphereModel: "per-cpu" | "per-core-subscription";
  readonly vsphereCoresPerCpuLicence: number;
  readonly vsphereSupportRate: string;
  readonly source: string;
}

/** Licence list prices per platform in the unit the vendor quotes (see DESIGN.md). */
export const LICENCE_PRICES: Readonly<Record<PlatformId, PriceRow>> = {
  ws2008r2: {
    standard: "726",
    enterprise: "2358",
    datacenter: "2405",
    vsphere: "2875",
    vsphereModel: "per-cpu",
    vsphereCoresPerCpuLicence: 6,
    vsphereSupportRate: "0.21",
    source:
      "Open NL, derived from WS2012 prices (directionsonmicrosoft.com 2012-07: Std $882 is '$156 more', '$1,476 less than 2008 R2 Enterprise'; Datacenter $4,809 per 2 CPUs 'same effective price'); vSphere 4 Enterprise ≈ $2,875 per CPU, 6 cores per CPU licence (vmware.com eula/multicore; price widely quoted, unverified); SnS ≈ 21 % a year (assumption)",
  },
  ws2012r2: {
    standard: "882",
    enterprise: "0",
    datacenter: "6155",
    vsphere: "2875",
    vsphereModel: "per-cpu",
    vsphereCoresPerCpuLicence: 6,
    vsphereSupportRate: "0.21",
    source:
      "Windows Server 2012 R2 Licensing Datasheet (scribd 386004283): Standard $882, Datacenter $6,155 per 2 processors; Enterprise not sold; vSphere as for 2008 R2",
  },
  ws2016: {
    standard: "882",
    enterprise: "0",
    datacenter: "6155",
    vsphere: "4229",
    vsphereModel: "per-cpu",
    vsphereCoresPerCpuLicence: 32,
    vsphereSupportRate: "0.21",
    source:
      "geekupwithyourdevices.blogspot.com 2015-12 (Microsoft 2016 pricing): Standard $882, Datacenter $6,155 per 16 cores; vSphere per CPU up to 32 cores (insight.com 2020-02); vSphere Enterprise Plus ≈ $4,229 per CPU (assumption)",
  },
  ws2019: {
    standard: "882",
    enterprise: "0",
    datacenter: "6155",
    vsphere: "4229",
    vsphereModel: "per-cpu",
    vsphereCoresPerCpuLicence: 32,
    vsphereSupportRate: "0.21",
    source: "assumed equal to 2016 (DOMAIN.md gives no 2019 price); vSphere as for 2016",
  },
  ws2022: {
    standard: "1069",
    enterprise: "0",
    datacenter: "6155",
    vsphere: "135",
    vsphereModel: "per-core-subscription",
    vsphereCoresPerCpuLicence: 16,
    vsphereSupportRate: "0",
    source:
      "redresscompliance.com 'Windows Server 2022 vs 2019 licensing' (secondary): Standard ≈ $1,069, Datacenter ≈ $6,155 per 16 cores; VMware vSphere Foundation ≈ $135 per core per year, 16-core minimum per CPU, support included (redresscompliance.com, renewalintel.com; unverified)",
  },
  ws2025: {
    standard: "1176",
    enterprise: "0",
    datacenter: "6771",
    vsphere: "135",
    vsphereModel: "per-core-subscription",
    vsphereCoresPerCpuLicence: 16,
    vsphereSupportRate: "0",
    source:
      "Windows Server 2025 list prices: Standard $1,176, Datacenter $6,771 per 16-core licence (microsoft.com/windows-server/pricing as quoted by api-evangelist microsoft-windows-server plans, 2026-05-04; secondary); vSphere as for 2022",
  },
};

/** Month 0 of a scenario that names none: init, import and the task pane write today's date instead. */
export const DEFAULT_START_DATE = "2027-01-01";
/** The renewal placeholder: 12 months after the start date. */
export const DEFAULT_RENEWAL_DATE = "2028-01-01";

/**
 * Today's prices (December 2026), the same on every platform (the options that use them exist
 * only on ws2022 and ws2025). Where sources disagree the default and both figures are in
 * DEFAULT_SOURCES; every one is an input.
 */
export const TODAY_PRICES = {
  vcf: "350",
  vvf: "135",
  windowsPayg: "33.58",
  azureLocalHost: "10",
  azureLocalWindows: "23.30",
  vsanPerTiB: "0",
} as const;

/** The options compared by default on each platform. */
export function defaultOptions(platform: PlatformId): readonly string[] {
  return platform === "ws2025"
    ? ["standard", "datacenter", "windows-payg", "azure-local", "vcf", "vvf"]
    : ["hyperv-server", "standard", "enterprise", "datacenter", "vsphere"];
}

/** `YYYY-MM-DD` of a date (UTC). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The same day `months` later (clamped to the month's last day: 2027-01-31 + 1 → 2027-02-28). */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * The dated fields a new scenario gets from "today" (the engine is pure, so the CLI and the
 * pane pass the date): the analysis starts today and the renewal placeholder is a year later.
 */
export function datedDefaults(today: Date): {
  readonly startDate: string;
  readonly renewalDate: string;
} {
  const startDate = isoDate(today);
  return { startDate, renewalDate: addMonthsIso(startDate, 12) };
}

function eraOf(platform: PlatformId): Era {
  return platform === "ws2008r2" ? "2010" : "today";
}

const byEra = <T>(era: Era, then: T, now: T): T => (era === "2010" ? then : now);

/** The default sections for a platform (JSON form: money and ratios as strings). */
export function defaultSections(platform: PlatformId): ScenarioSections {
  const era = eraOf(platform);
  const p = LICENCE_PRICES[platform];
  return {
    finance: {
      horizonYears: 5,
      discountRate: "0.07",
      depreciationYears: 4,
      baseline: "physical",
      startDate: DEFAULT_START_DATE,
      migrationVmsPerMonth: 100,
      monthsBeforeFirstMove: 2,
    },
    host: {
      sockets: 2,
      coresPerSocket: byEra(era, 6, 16),
      threadsPerCore: 2,
      cpuGhz: byEra(era, "2.93", "2.9"),
      memoryGiB: byEra(era, "96", "768"),
      price: byEra(era, "9000", "25000"),
      powerWatts: byEra(era, "275", "600"),
      rackUnits: 2,
    },
    cluster: {
      failuresToTolerate: 1,
      maxNodes: 16,
      targetCpuUtilization: "0.75",
      targetMemoryUtilization: "1",
      hostMemoryReserveGiB: byEra(era, "2", "8"),
      vmMemoryOverheadGiB: "0",
      vcpuPerLogicalProcessor: "8",
    },
    licensing: {
      options: [...defaultOptions(platform)],
      clusterAware: true,
      prices: {
        guestOsPerVm: p.standard,
        standard: p.standard,
        enterprise: p.enterprise,
        datacenter: p.datacenter,
        vsphere: p.vsphere,
        cal: "38",
        systemCenter: "783",
        ...TODAY_PRICES,
      },
      vsphereModel: p.vsphereModel,
      vsphereCoresPerCpuLicence: p.vsphereCoresPerCpuLicence,
      vsphereSupportRate: p.vsphereSupportRate,
      calUsers: 0,
      systemCenter: false,
      softwareAssuranceRate: "0",
      vmware: {
        minimumCoresPerCpu: 16,
        minimumCoresPerOrder: 0,
        termYears: 1,
        lateRenewalPenalty: "0.2",
        renewalDate: DEFAULT_RENEWAL_DATE,
        renewLate: false,
        vsanTiB: "0",
      },
      owned: { datacenterCores: 0, standardCores: 0, softwareAssurance: false },
      azureHybridBenefit: false,
    },
    physical: {
      serverPrice: byEra(era, "4000", "7000"),
      osLicencePerWindowsServer: p.standard,
      refreshCycleYears: 4,
      maintenanceRate: "0.1",
      defaultPeakCpuUtilization: "0.3",
      defaultAverageCpuUtilization: "0.12",
      defaultPowerWatts: "219",
      defaultRackUnits: 2,
      defaultStorageGiB: "100",
    },
    virtual: {
      hostRefreshYears: 5,
      hostMaintenanceRate: "0.1",
      sharedStoragePerCluster: byEra(era, "25000", "40000"),
      storageCostPerGiB: byEra(era, "3", "0.5"),
      witnessDiskGiB: "1",
      storageMaintenanceRate: "0.1",
      storageNetworkPerCluster: byEra(era, "6000", "10000"),
      networkPerHost: byEra(era, "800", "1200"),
      networkMaintenanceRate: "0.15",
      sharedStorageRackUnits: 4,
      sharedStoragePowerWatts: "600",
    },
    storage: {
      kind: "san",
      resiliency: "three-way-mirror",
      media: "all-flash",
      drivesPerNode: 8,
      driveTB: "3.84",
      mirrorShare: "0.2",
      demandBasis: "provisioned",
      headroom: "0.2",
      drivePrice: "900",
    },
    growth: { ratePerYear: "0" },
    demand: {
      basis: "measured",
      comfortFactor: "1.3",
      idleCpuUtilization: "0.05",
      idleDiskMBps: "0.1",
      idleNetworkMBps: "0.1",
      retireIdle: false,
    },
    housing: {
      electricityPerKWh: byEra(era, "0.1016", "0.13"),
      pue: byEra(era, "1.8", "1.58"),
      rackUnitCostPerYear: "240",
      setupCostPerDevice: "250",
    },
    manpower: {
      adminHourlyRate: byEra(era, "50", "70"),
      hoursPerPhysicalServerPerYear: "60",
      hoursPerHostPerYear: "20",
      hoursPerVmPerYear: "22.5",
      migrationHoursPerServer: "8",
    },
  };
}

/** The unit each vendor quotes a licence price in, per platform (DESIGN.md "Scenario contract"). */
const PRICE_UNITS: Readonly<
  Record<"standard" | "enterprise" | "datacenter", Readonly<Record<PlatformId, string>>>
> = {
  standard: {
    ws2008r2: "per server",
    ws2012r2: "per 2 processors",
    ws2016: "per 16 cores",
    ws2019: "per 16 cores",
    ws2022: "per 16 cores",
    ws2025: "per 16 cores",
  },
  enterprise: {
    ws2008r2: "per server",
    ws2012r2: "not sold",
    ws2016: "not sold",
    ws2019: "not sold",
    ws2022: "not sold",
    ws2025: "not sold",
  },
  datacenter: {
    ws2008r2: "per processor",
    ws2012r2: "per 2 processors",
    ws2016: "per 16 cores",
    ws2019: "per 16 cores",
    ws2022: "per 16 cores",
    ws2025: "per 16 cores",
  },
};

/** "ws2008r2 $726 per server; ws2012r2 $882 per 2 processors; …" for one price column of LICENCE_PRICES. */
function perPlatform(value: (row: PriceRow, id: PlatformId) => string): string {
  return (Object.keys(LICENCE_PRICES) as PlatformId[])
    .map((id) => `${id} ${value(LICENCE_PRICES[id], id)}`)
    .join("; ");
}

const usd = (amount: string): string => `$${amount.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;

/** Where each default comes from, by JSON path (exactly one entry per leaf field of TOP_FIELDS and SECTIONS). Shown in the README and the `TCO Inputs` sheet. */
export const DEFAULT_SOURCES: Readonly<Record<string, string>> = {
  name: '"Untitled consolidation", a placeholder: name the scenario after the estate it describes',
  platform:
    "Windows Server 2025: the current release (list prices from microsoft.com/windows-server/pricing, 2026-05)",
  currency: "USD: every default price is in US dollars",
  "finance.horizonYears": "Azure TCO Calculator default horizon, 5 years",
  "finance.baseline":
    "The product's question: consolidating physical servers (an RVTools or Live Optics import sets vcf on ws2022/ws2025, vsphere before: the VMs stay on VMware)",
  "finance.startDate": `A placeholder (${DEFAULT_START_DATE}): init, import and the task pane write today's date — month 0 of every timeline`,
  "finance.migrationVmsPerMonth":
    "100 VMs a month, about 5 a working day (assumption): enter your migration team's pace",
  "finance.monthsBeforeFirstMove":
    "2 months to build and test the new platform before the first VM moves (assumption)",
  "finance.discountRate":
    "Azure Migrate business case: WACC default 7 % (azure-docs concepts-business-case-calculation.md)",
  "finance.depreciationYears": "Azure Migrate: servers depreciated over 4 years",
  "host.sockets": "2-socket virtualization host (2010: dual Xeon X5670, AnandTech 3817)",
  "host.coresPerSocket": "2010: Xeon X5670 has 6 cores; today: a 16-core part (assumption)",
  "host.threadsPerCore": "Hyper-Threading: 2 logical processors per core",
  "host.cpuGhz": "2010: Xeon X5670 2.93 GHz; today: 2.9 GHz (assumption)",
  "host.memoryGiB":
    "2010: 96 GiB (DESIGN.md example); today: 768 GiB (capacity-engine.md Bitbrains host)",
  "host.price":
    "2010: ≈ $9,000 for a dual X5670 host (AnandTech 3817); today: $25,000 (assumption)",
  "host.powerWatts":
    "2010: 2-socket host ≈ 231–275 W under load (AnandTech 3817); today: 600 W (assumption)",
  "host.rackUnits": "2U server (assumption)",
  "cluster.failuresToTolerate": "N+1: survive one host failure",
  "cluster.maxNodes": "Failover cluster of up to 16 nodes (the 2008 R2 limit)",
  "cluster.targetCpuUtilization": "Keep hosts at ≤ 75 % CPU at peak (DESIGN.md)",
  "cluster.targetMemoryUtilization": "Memory is not overcommitted (Hyper-V without Dynamic Memory)",
  "cluster.hostMemoryReserveGiB":
    "Root partition reserve: 2 GiB (2008 R2), 8 GiB today (assumption)",
  "cluster.vmMemoryOverheadGiB": "Per-VM overhead beyond its RAM (assumption: 0)",
  "cluster.vcpuPerLogicalProcessor":
    "Hyper-V 2008 R2 supports 8 virtual processors per logical processor (puneetvig 2011)",
  "licensing.options":
    "ws2025: Standard, Datacenter, Windows Server pay-as-you-go, Azure Local and renewing VCF or VVF (today's paths); earlier platforms: every edition of the era and vSphere",
  "licensing.clusterAware":
    "Licences stay with the hardware for 90 days: license each node for its worst case (PUR)",
  "licensing.prices.guestOsPerVm": `The platform's Standard licence price: on 2008 R2 one Standard licence ($726 Open NL) covers one Windows guest; from 2012 R2 a Standard licence covers 2 VMs, so this over-states a per-VM price — enter your own figure (${perPlatform((r) => usd(r.standard))})`,
  "licensing.prices.standard": `LICENCE_PRICES, in the unit the vendor quotes: ${perPlatform((r, id) => `${usd(r.standard)} ${PRICE_UNITS.standard[id]}`)}. Sources per platform in LICENCE_PRICES[platform].source`,
  "licensing.prices.enterprise": `ws2008r2 ${usd(LICENCE_PRICES.ws2008r2.enterprise)} per server (Open NL, derived; LICENCE_PRICES.ws2008r2.source); 0 on later platforms: Enterprise was not sold after 2008 R2`,
  "licensing.prices.datacenter": `LICENCE_PRICES, in the unit the vendor quotes: ${perPlatform((r, id) => `${usd(r.datacenter)} ${PRICE_UNITS.datacenter[id]}`)}. Sources per platform in LICENCE_PRICES[platform].source`,
  "licensing.prices.vsphere": `LICENCE_PRICES: ${perPlatform((r) => (r.vsphereModel === "per-cpu" ? `${usd(r.vsphere)} per CPU licence` : `${usd(r.vsphere)} per core per year`))}. vSphere prices are widely quoted but unverified (LICENCE_PRICES[platform].source)`,
  "licensing.vsphereModel": `per-cpu up to vSphere 8 perpetual licences, per-core-subscription from 2024 (Broadcom): ${perPlatform((r) => r.vsphereModel)}`,
  "licensing.vsphereCoresPerCpuLicence": `vSphere 4: 6 cores per CPU licence (Enterprise; vmware.com eula/multicore); 2020: 32 cores per CPU licence (insight.com 2020-02); 2024+: 16-core minimum per CPU (renewalintel.com): ${perPlatform((r) => String(r.vsphereCoresPerCpuLicence))}`,
  "licensing.vsphereSupportRate": `Support and subscription ≈ 21 % of the licence a year for perpetual licences (assumption); 0 for the subscription, which includes support: ${perPlatform((r) => r.vsphereSupportRate)}`,
  "licensing.prices.vcf":
    "VMware Cloud Foundation list ≈ $350 per core per year, support included (redresscompliance.com VCF brief 2026-06; secondary — enter your quote)",
  "licensing.prices.vvf":
    "VMware vSphere Foundation: sources disagree — $135 per core per year (redresscompliance.com 2026-06) vs ≈ $190 (vmwaremadesimple.com 2026-03-30); default $135, the lower: enter your quote",
  "licensing.prices.windowsPayg":
    "$33.58 per core per month, $0.046 per core-hour (microsoft.com/windows-server/pricing as quoted by api-evangelist 2026-05-04 and senetic.co.uk; secondary). Rules from Microsoft Learn: Windows Server 2025 only, each VM licensed on its own cores ('Configure Windows Server Pay-as-you-go with Azure Arc', 2025-06-27); Standard and Datacenter at one rate, physical and virtual alike, no minimum core count ('Billing service for Windows Server pay-as-you-go enabled by Azure Arc', 2024-11-01)",
  "licensing.prices.azureLocalHost":
    "$10 per physical core per month (azure.microsoft.com/pricing/details/azure-local as cited by today-2026.md); billed per physical core, no minimum (Microsoft Learn azure-local/concepts/billing.md, 2025-04-28)",
  "licensing.prices.azureLocalWindows":
    "$23.30 per physical core per month, unlimited Windows guests (secondary source, unverified 2026-12: check azure.microsoft.com/pricing/details/azure-local)",
  "licensing.prices.vsanPerTiB":
    "No public list price found (2026-12): 0 until you enter your quote's vSAN capacity add-on price; a shortfall priced at 0 is flagged",
  "licensing.prices.cal":
    "Windows Server CAL ≈ $30–45 per user (microsoftnegotiations.com, secondary)",
  "licensing.prices.systemCenter":
    "System Center SMSE $783 per host + 4 VMs (directionsonmicrosoft.com 2009-08)",
  "licensing.calUsers": "CALs are equal on both sides unless the user says otherwise: off",
  "licensing.systemCenter": "Management licences off unless switched on",
  "licensing.softwareAssuranceRate":
    "Software Assurance off unless switched on (SA is commonly quoted at about 25 % of the licence price a year; unverified)",
  "licensing.vmware.minimumCoresPerCpu":
    "16 cores billed per physical CPU (redresscompliance.com 2026-06; renewalintel.com 'vmware-broadcom-per-core-minimum')",
  "licensing.vmware.minimumCoresPerOrder":
    "0 = none: a 72-core order minimum was reported from 2025-04-10, regional and possibly withdrawn (redresscompliance.com 2026-06; adrian.heissler.at 2025-04) — enter 72 if your quote has it",
  "licensing.vmware.termYears":
    "1 year, the shortest term sold (terms of 1, 3 or 5 years: redresscompliance.com 2026-06): a leaving buyer commits to the least",
  "licensing.vmware.lateRenewalPenalty":
    "20 % on a renewal placed after the subscription ended (redresscompliance.com 2026-06; secondary)",
  "licensing.vmware.renewalDate": `A placeholder (${DEFAULT_RENEWAL_DATE}; init and import write 12 months after today): enter the end date of your current subscription`,
  "licensing.vmware.renewLate":
    "false: renew on the renewal date when the move will not be finished by then (no penalty)",
  "licensing.vmware.vsanTiB":
    "0 = no vSAN: enter the vSAN capacity in use (entitlement VCF 1 TiB, VVF 0.25 TiB per licensed core: vmwaremadesimple.com; redresscompliance.com 2026-06)",
  "licensing.owned.datacenterCores":
    "0: licences you own are never assumed — enter the Windows Server Datacenter core licences you own (staying and every option reuse them and buy only what is missing)",
  "licensing.owned.standardCores":
    "0: licences you own are never assumed — enter the Windows Server Standard core licences you own",
  "licensing.owned.softwareAssurance":
    "false: set true when Software Assurance is active on the licences you own (paid at the SA rate; required for Azure Hybrid Benefit — Microsoft Learn windows-server azure-hybrid-benefit.md, 2025-09-03)",
  "licensing.azureHybridBenefit":
    "false: an election — owned Datacenter cores with active SA cover Azure Local's physical cores one for one and waive the host fee and Windows subscription (Microsoft Learn azure-local/concepts/azure-hybrid-benefit.md, 2026-04-05)",
  "physical.serverPrice": "Replacement 1–2 socket server: $4,000 (2010), $7,000 today (assumption)",
  "physical.osLicencePerWindowsServer":
    "An OEM refresh brings a new Windows licence: the platform's Standard price",
  "physical.refreshCycleYears": "Azure Migrate depreciates servers over 4 years",
  "physical.maintenanceRate":
    "Hardware maintenance 10 % of price a year (Azure Migrate: storage 10 %)",
  "physical.defaultPeakCpuUtilization":
    "Bitbrains 2013 trace: summed p95 CPU is 29 % of provisioned (capacity-engine.md)",
  "physical.defaultAverageCpuUtilization":
    "Gartner 2012: 12 % average server utilisation (gigaom.com 2013-11-30)",
  "physical.defaultPowerWatts": "Volume 1–2 socket server 219 W average (Koomey 2007)",
  "physical.defaultRackUnits": "2U server (assumption)",
  "physical.defaultStorageGiB": "100 GiB per server (assumption)",
  "virtual.hostRefreshYears":
    "Hosts replaced after 5 years (assumption; Azure Migrate depreciates over 4)",
  "virtual.hostMaintenanceRate": "10 % of host price a year (as physical)",
  "virtual.sharedStoragePerCluster":
    "iSCSI/SAN array base price: $25,000 (2010), $40,000 today (assumption)",
  "virtual.storageCostPerGiB": "Usable shared storage per GiB: $3 (2010), $0.50 today (assumption)",
  "virtual.witnessDiskGiB":
    "Witness disk ≥ 512 MB; 1 GB is a safe default (manage-cluster-quorum.md)",
  "virtual.storageMaintenanceRate": "Azure Migrate: storage maintenance 10 %",
  "virtual.storageNetworkPerCluster":
    "Isolated storage LAN, two switches: $6,000 (2010), $10,000 today (assumption)",
  "virtual.networkPerHost": "Duplicated NICs and cabling per host (assumption)",
  "virtual.networkMaintenanceRate": "Azure Migrate: network maintenance 15 %",
  "virtual.sharedStorageRackUnits": "Storage array shelf, 4U (assumption)",
  "virtual.sharedStoragePowerWatts": "Storage array ≈ 600 W (assumption)",
  "storage.kind":
    "A SAN per cluster, today's model and the 2008 R2 era's only choice; s2d sizes Storage Spaces Direct on the nodes (Windows Server 2016+ Datacenter)",
  "storage.resiliency":
    "Three-way mirror: Microsoft's recommendation from three servers up (windowsserverdocs plan-volumes.md, 2025-02)",
  "storage.media": "All-flash: today's usual S2D node (assumption)",
  "storage.drivesPerNode":
    "8 capacity drives per node (assumption; S2D needs at least 4: Storage-Spaces-Direct-Hardware-Requirements.md)",
  "storage.driveTB": "3.84 TB enterprise NVMe, a common capacity drive (assumption)",
  "storage.mirrorShare":
    "20 % mirror, a column of Microsoft's nested mirror-accelerated parity table (nested-resiliency.md)",
  "storage.demandBasis":
    "Provisioned disk size, the safe side; in-use is the figure Azure Migrate sizes on (inventory-formats.md)",
  "storage.headroom":
    "Keep 20 % free space in the volumes (assumption; Microsoft's reserve drives are added on top)",
  "storage.drivePrice": "≈ $900 per 3.84 TB enterprise NVMe drive, 2026 street price (assumption)",
  "growth.ratePerYear": "No growth unless you enter one",
  "growth.cpuRatePerYear": "Blank: CPU grows at the common rate",
  "growth.memoryRatePerYear": "Blank: memory grows at the common rate",
  "growth.storageRatePerYear": "Blank: storage grows at the common rate",
  "demand.basis":
    "Measured where the import carries performance history, as Azure Migrate's performance-based assessment (azure-docs migrate concepts-assessment-calculation.md)",
  "demand.comfortFactor":
    "Azure Migrate comfort factor default 1.3 (azure-docs migrate how-to-create-assessment.md: 'Default setting is 1.3'; 50 % of 4 cores × 1.3 = 2.6 cores)",
  "demand.idleCpuUtilization":
    "Average CPU below 5 % over the period: the usual 'zombie server' threshold (assumption; Azure Migrate flags idle servers, threshold not published)",
  "demand.idleDiskMBps": "Below 0.1 MB/s average disk throughput (assumption)",
  "demand.idleNetworkMBps": "Below 0.1 MB/s average network throughput (assumption)",
  "demand.retireIdle": "Idle servers are flagged, not retired, unless you decide so",
  "housing.electricityPerKWh":
    "US commercial tariff: 10.16 ¢/kWh (EIA 2010); ≈ 13 ¢ today (EIA, unverified)",
  "housing.pue":
    "PUE 1.8 (Azure Migrate default; Koomey 1.83–1.92 for 2010); 1.58 today (Uptime Institute 2023)",
  "housing.rackUnitCostPerYear": "Colocation $12–48 per U per month (dpdatacenters.com): $20 × 12",
  "housing.setupCostPerDevice": "Racking, cabling and installing one device (assumption)",
  "manpower.adminHourlyRate":
    "US admin median $69,160 (2010) / $96,800 (2024) (BLS) × 1.3 loaded ÷ 1,800 h",
  "manpower.hoursPerPhysicalServerPerYear":
    "An admin manages ~30 physical servers (SMB, Gartner/IDC 2010): 1,800 h ÷ 30",
  "manpower.hoursPerHostPerYear": "Patching, firmware and monitoring of a host (assumption)",
  "manpower.hoursPerVmPerYear": "An admin manages ~80 VMs (EMA, 77): 1,800 h ÷ 80",
  "manpower.migrationHoursPerServer": "P2V conversion and testing per server (assumption)",
};
