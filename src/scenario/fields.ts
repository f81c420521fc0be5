/**
 * The scenario's fields as data: kind, bounds, label, unit, one-line help and the defined
 * name each input gets in the `TCO Inputs` sheet. The parser, the JSON Schema, the task
 * pane form and the workbook reader/writer all read this one table: the top-level fields and
 * the sections of the engine here, the running costs in `costFields.ts`, the inventory
 * columns in `inventoryFields.ts`. Every key is checked against `Scenario` at compile time.
 */
import { CAPACITY_SECTIONS } from "./capacityFields";
import { COST_SECTIONS } from "./costFields";
import {
  bool,
  date,
  int,
  money,
  positive,
  nonNegative,
  ratio,
  section,
  type FieldSpec,
  type SectionSpec,
} from "./fieldSpec";
import type { FieldPath, InputPath, SectionKey } from "./paths";
import { BASELINES, OPTION_IDS, VSPHERE_MODELS } from "./types";
import { PLATFORM_IDS } from "../platform";

export type { FieldKind, FieldSpec, SectionSpec } from "./fieldSpec";
export { INVENTORY_FIELDS } from "./inventoryFields";

/** Top-level scalar fields. */
export const TOP_FIELDS: readonly FieldSpec<"name" | "currency" | "platform">[] = [
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

/** The sections, in the order of the `TCO Inputs` sheet and the JSON Schema. */
export const SECTIONS: readonly SectionSpec[] = [
  section({
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
        help: "physical: the servers as they run today; vcf or vvf: the same workloads staying on VMware Cloud Foundation or vSphere Foundation (the product of your renewal quote; an RVTools import); vsphere: staying on per-CPU vSphere licences (2008 R2–2019).",
        prompt: "what the options are compared against: physical, vcf, vvf or vsphere",
      },
      date(
        "startDate",
        "Analysis start date",
        "Month 0 of the business case: the day the plan starts (today when you create the scenario).",
        "the analysis start date"
      ),
      int(
        "migrationVmsPerMonth",
        "VMs moved per month",
        "VMs",
        "Leaving VMware: how many VMs move to the new platform each month once moves start.",
        "the VMs moved per month",
        1,
        1_000_000
      ),
      int(
        "monthsBeforeFirstMove",
        "Months before the first move",
        "months",
        "Leaving VMware: months from the start date to build and test the new platform before the first VM moves.",
        "the months before the first VM moves",
        0,
        120
      ),
    ],
  }),
  section({
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
  }),
  section({
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
  }),
  section({
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
        help: "Licensing options to compare: hyperv-server, standard, enterprise, datacenter, vsphere (per-CPU eras), vcf, vvf (VMware by Broadcom), windows-payg (Windows Server through Azure Arc), azure-local.",
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
        "prices.vcf",
        "VMware Cloud Foundation",
        "currency per core per year",
        "VCF subscription per billed core per year (support included).",
        "the VCF price per core per year"
      ),
      money(
        "prices.vvf",
        "VMware vSphere Foundation",
        "currency per core per year",
        "VVF subscription per billed core per year (support included).",
        "the VVF price per core per year"
      ),
      money(
        "prices.windowsPayg",
        "Windows Server pay-as-you-go",
        "currency per core per month",
        "Windows Server 2025 through Azure Arc, per core per month: host cores and each Windows VM's virtual cores.",
        "the Windows Server pay-as-you-go price per core per month"
      ),
      money(
        "prices.azureLocalHost",
        "Azure Local host fee",
        "currency per core per month",
        "Azure Local host service fee per physical core per month.",
        "the Azure Local host fee per physical core per month"
      ),
      money(
        "prices.azureLocalWindows",
        "Azure Local Windows Server subscription",
        "currency per core per month",
        "Windows Server guest subscription on Azure Local per physical core per month (unlimited Windows VMs).",
        "the Azure Local Windows Server subscription per physical core per month"
      ),
      money(
        "prices.vsanPerTiB",
        "vSAN capacity add-on",
        "currency per TiB per year",
        "vSAN capacity beyond the VCF/VVF entitlement, per TiB per year (from your quote).",
        "the vSAN add-on price per TiB per year"
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
      int(
        "vmware.minimumCoresPerCpu",
        "VMware cores billed per CPU at least",
        "cores",
        "Broadcom bills every physical CPU for at least this many cores (16: a 12-core CPU is billed 16).",
        "the cores VMware bills per CPU at least",
        1,
        256
      ),
      int(
        "vmware.minimumCoresPerOrder",
        "VMware cores billed per order at least",
        "cores",
        "An order minimum over the whole order (72 where your quote has it); 0 = none.",
        "the cores VMware bills per order at least (0 for none)",
        0,
        1_000_000
      ),
      int(
        "vmware.termYears",
        "VMware renewal term",
        "years",
        "Length of a VCF/VVF renewal term: 1, 3 or 5 years.",
        "the VMware renewal term in years (1, 3 or 5)",
        1,
        5
      ),
      ratio(
        "vmware.lateRenewalPenalty",
        "VMware late-renewal penalty",
        "Share added to the first year of a renewal placed after the renewal date.",
        "the late-renewal penalty (0.2 for 20 %)"
      ),
      date(
        "vmware.renewalDate",
        "VMware renewal date",
        "The day the current VCF/VVF subscription ends (from the renewal quote).",
        "the VMware renewal date"
      ),
      bool(
        "vmware.renewLate",
        "Renew VMware late if the move overruns",
        "Let the subscription lapse on the renewal date and renew only if the move is not finished (the late-renewal penalty applies).",
        "whether to renew VMware late when the move overruns"
      ),
      nonNegative(
        "vmware.vsanTiB",
        "vSAN capacity in use",
        "TiB",
        "vSAN capacity the estate uses; beyond the entitlement (VCF 1 TiB, VVF 0.25 TiB per core) it is priced as an add-on.",
        "the vSAN capacity in use in TiB"
      ),
      int(
        "owned.datacenterCores",
        "Owned Datacenter cores",
        "cores",
        "Windows Server Datacenter core licences you own (0 unless you enter them; never assumed).",
        "the Windows Server Datacenter cores you own",
        0,
        10_000_000
      ),
      int(
        "owned.standardCores",
        "Owned Standard cores",
        "cores",
        "Windows Server Standard core licences you own (0 unless you enter them; never assumed).",
        "the Windows Server Standard cores you own",
        0,
        10_000_000
      ),
      bool(
        "owned.softwareAssurance",
        "Software Assurance on owned licences",
        "Software Assurance is active on the licences you own (paid at the SA rate; needed for Azure Hybrid Benefit).",
        "whether Software Assurance is active on the licences you own"
      ),
      bool(
        "azureHybridBenefit",
        "Azure Hybrid Benefit on Azure Local",
        "Owned Datacenter cores with active SA cover Azure Local's physical cores one for one and waive its host fee and Windows subscription.",
        "whether to use Azure Hybrid Benefit on Azure Local"
      ),
    ],
  }),
  ...COST_SECTIONS,
  ...CAPACITY_SECTIONS,
];

/**
 * The fields of one `hostOptions[]` candidate: a required `name`, the `host` section's fields
 * and the S2D drive fields of `storage` (the same specs, so the same bounds and messages).
 * A field left out takes the scenario's `host` (or `storage`) value.
 */
export const HOST_OPTION_FIELDS: readonly (FieldSpec & { readonly required: boolean })[] = [
  {
    key: "name",
    kind: "string",
    label: "Candidate name",
    unit: "",
    help: 'A unique name for the candidate host ("2 × 24c / 768 GiB").',
    prompt: "a unique name for the candidate host",
    required: true,
  },
  ...(SECTIONS.find((s) => s.key === "host")?.fields ?? []).map((f) => ({ ...f, required: false })),
  ...(SECTIONS.find((s) => s.key === "storage")?.fields ?? [])
    .filter((f) => f.key === "drivesPerNode" || f.key === "driveTB")
    .map((f) => ({ ...f, required: false })),
];

/** One input of the table with its full JSON path and its section (null for top-level fields). */
export interface InputField {
  readonly path: FieldPath;
  readonly section: SectionKey | null;
  readonly field: FieldSpec;
}

/**
 * Every input of the scenario, top-level fields first, then section by section (the order of
 * the `TCO Inputs` sheet). The paths are `FieldPath`s because every section's keys are
 * checked against the scenario's types by `section()`.
 */
export const INPUT_FIELDS: readonly InputField[] = [
  ...TOP_FIELDS.map((field) => ({ path: field.key, section: null, field })),
  ...SECTIONS.flatMap((s) =>
    s.fields.map((field) => ({ path: `${s.key}.${field.key}` as FieldPath, section: s.key, field }))
  ),
];

const NUMERIC_KINDS: ReadonlySet<string> = new Set(["int", "decimal", "money", "ratio"]);

/**
 * The numeric inputs (counts, decimals, money, ratios) by path, in table order: the inputs a
 * cost line or the sensitivity analysis may multiply. (A number field's path is a numeric leaf
 * of `Scenario`; `test/scenario/paths.test.ts` checks every one.)
 */
export const INPUT_PATHS: readonly InputPath[] = INPUT_FIELDS.flatMap((f) =>
  NUMERIC_KINDS.has(f.field.kind) ? [f.path as InputPath] : []
);

/**
 * The `TCO Inputs` defined name of a field: `hv_` + the key in PascalCase, prefixed with
 * `Host` for the host spec and `Price` for licence prices so every name is unique
 * (`finance.discountRate` → `hv_DiscountRate`, `host.price` → `hv_HostPrice`,
 * `licensing.prices.standard` → `hv_PriceStandard`, `licensing.vmware.termYears` →
 * `hv_VmwareTermYears`); the storage, growth and demand sections are prefixed with their own
 * name (`storage.kind` → `hv_StorageKind`).
 */
export function definedNameOf(section: string | null, key: string): string {
  const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  if (key.startsWith("prices.")) return `hv_Price${pascal(key.slice("prices.".length))}`;
  if (section === "host") return `hv_Host${pascal(key)}`;
  // Sections added in v2 carry their own name, so short keys stay clear (`hv_StorageKind`).
  if (section === "storage" || section === "growth" || section === "demand")
    return `hv_${pascal(section)}${pascal(key)}`;
  // Other nested groups (`vmware.termYears`, `owned.datacenterCores`) join their parts.
  return `hv_${key.split(".").map(pascal).join("")}`;
}
