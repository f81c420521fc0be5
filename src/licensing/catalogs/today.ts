/**
 * Today's paths (2024 onward): VMware by Broadcom's per-core subscriptions (VCF, VVF), Windows
 * Server pay-as-you-go through Azure Arc, and Azure Local. Each subscription rule names the
 * price input it is billed by (`priceInput` × `priceFactor` per unit: 12 turns a monthly
 * price into the yearly amount a line carries). Sources: `shared/reference/today-2026.md`
 * and the Microsoft Learn pages cited in each row.
 */
import type { PlatformId } from "../../platform";
import type { LicensePrices, OptionId } from "../../scenario/types";
import { MESSAGES } from "../messages";
import type { OptionRow, SubscriptionKind } from "./types";
import { ANY_HYPERVISOR } from "./vsphere";

/** One subscription line kind: what is counted, how it is priced, and why. */
export interface SubscriptionRule {
  readonly sku: string;
  readonly label: string;
  readonly category: "hypervisor" | "windows" | "support";
  /** The scenario price (`licensing.prices.<key>`) one unit is billed at. */
  readonly price: keyof LicensePrices;
  /** Units of that price in one year of one counted unit (12 for a monthly price). */
  readonly priceFactor: number;
  readonly source: string;
}

const BROADCOM =
  "VMware by Broadcom, 2024 onward: per-core subscription only, support included; every physical CPU billed for at least 16 cores (redresscompliance.com VCF brief 2026-06; renewalintel.com 'vmware-broadcom-per-core-minimum')";
const VSAN =
  "vSAN entitlement per licensed core: VCF 1 TiB, VVF 0.25 TiB; capacity beyond it is an add-on per TiB (vmwaremadesimple.com; redresscompliance.com 2026-06)";
const ORDER_MINIMUM =
  "A 72-core minimum per order reported from 2025-04-10, regional and possibly withdrawn (redresscompliance.com 2026-06; adrian.heissler.at 2025-04): applied to the whole order when licensing.vmware.minimumCoresPerOrder is set";
const PAYG =
  "Microsoft Learn 'Configure Windows Server Pay-as-you-go with Azure Arc' (windowsserverdocs windows-server-pay-as-you-go.md, 2025-06-27): Windows Server 2025 only; 'The Pay-as-you-go license only applies to the exact device where the feature is enabled … Each VM requires its own separate license'; no CALs; 'Billing service for Windows Server pay-as-you-go enabled by Azure Arc' (azure-management-docs, 2024-11-01): Standard and Datacenter billed at the same rate, 'no difference between virtual and physical machines', 'no minimum CPU core count per machine'";
const AZURE_LOCAL_BILLING =
  "Microsoft Learn 'Azure Local billing and payment' (azure-stack-docs azure-local/concepts/billing.md, 2025-04-28): 'a flat rate per physical processor core … no minimum, no maximum'; connect at least every 30 days";
const AZURE_LOCAL_WINDOWS =
  "Windows Server subscription on Azure Local: unlimited Windows Server guests per physical core (Microsoft Learn azure-local/concepts/azure-hybrid-benefit.md, 2026-04-05; price secondary, today-2026.md); or licences the user owns assigned to each machine as on any hypervisor";

/** Every subscription line kind of today's options. */
export const SUBSCRIPTION_RULES = {
  vcf: {
    sku: "vcf-core-subscription",
    label: "VMware Cloud Foundation subscription (per core per year)",
    category: "hypervisor",
    price: "vcf",
    priceFactor: 1,
    source: BROADCOM,
  },
  vvf: {
    sku: "vvf-core-subscription",
    label: "VMware vSphere Foundation subscription (per core per year)",
    category: "hypervisor",
    price: "vvf",
    priceFactor: 1,
    source: BROADCOM,
  },
  vcfOrderMinimum: {
    sku: "vcf-order-minimum",
    label: "VMware Cloud Foundation cores to reach the order minimum (per year)",
    category: "hypervisor",
    price: "vcf",
    priceFactor: 1,
    source: ORDER_MINIMUM,
  },
  vvfOrderMinimum: {
    sku: "vvf-order-minimum",
    label: "VMware vSphere Foundation cores to reach the order minimum (per year)",
    category: "hypervisor",
    price: "vvf",
    priceFactor: 1,
    source: ORDER_MINIMUM,
  },
  vsan: {
    sku: "vsan-capacity-addon",
    label: "vSAN capacity beyond the entitlement (per TiB per year)",
    category: "hypervisor",
    price: "vsanPerTiB",
    priceFactor: 1,
    source: VSAN,
  },
  paygHost: {
    sku: "windows-payg-host",
    label: "Windows Server 2025 pay-as-you-go, host (per physical core, 12 months)",
    category: "windows",
    price: "windowsPayg",
    priceFactor: 12,
    source: PAYG,
  },
  paygGuest: {
    sku: "windows-payg-guest",
    label: "Windows Server 2025 pay-as-you-go, Windows VMs (per virtual core, 12 months)",
    category: "windows",
    price: "windowsPayg",
    priceFactor: 12,
    source: PAYG,
  },
  azureLocalHost: {
    sku: "azure-local-host",
    label: "Azure Local host fee (per physical core, 12 months)",
    category: "hypervisor",
    price: "azureLocalHost",
    priceFactor: 12,
    source: AZURE_LOCAL_BILLING,
  },
  azureLocalWindows: {
    sku: "azure-local-windows",
    label: "Azure Local Windows Server subscription (per physical core, 12 months)",
    category: "windows",
    price: "azureLocalWindows",
    priceFactor: 12,
    source: AZURE_LOCAL_WINDOWS,
  },
} as const satisfies Readonly<Record<string, SubscriptionRule>>;

/** TiB of vSAN each licensed core is entitled to, by VMware product. */
export const VSAN_TIB_PER_CORE: Readonly<Record<"vcf" | "vvf", string>> = {
  vcf: "1",
  vvf: "0.25",
};

const LABELS: Readonly<Record<SubscriptionKind, string>> = {
  vcf: "VMware Cloud Foundation + Windows guest licences",
  vvf: "VMware vSphere Foundation + Windows guest licences",
  "windows-payg": "Hyper-V on Windows Server 2025 pay-as-you-go (Azure Arc)",
  "azure-local": "Azure Local",
};

/** Where each of today's options exists (Windows Server pay-as-you-go: 2025 only). */
function unavailableReason(kind: SubscriptionKind, platform: PlatformId): string | null {
  const today = platform === "ws2022" || platform === "ws2025";
  if (kind === "windows-payg") return platform === "ws2025" ? null : MESSAGES.paygNeeds2025;
  if (!today) return kind === "azure-local" ? MESSAGES.azureLocalToday : MESSAGES.vmwareToday;
  return null;
}

/** The row of one of today's options on a platform. */
function todayRow(platform: PlatformId, kind: SubscriptionKind): OptionRow {
  const unavailable = unavailableReason(kind, platform);
  const vmware = kind === "vcf" || kind === "vvf";
  return {
    platform,
    option: kind satisfies OptionId,
    label: LABELS[kind],
    unavailable,
    hostOs:
      unavailable !== null
        ? MESSAGES.hostOs.none
        : vmware
          ? MESSAGES.hostOs.vsphere
          : kind === "azure-local"
            ? MESSAGES.hostOs.azureLocal
            : MESSAGES.hostOs.windowsPayg,
    windows: vmware ? "cheapest" : "subscription",
    hostRunsEdition: false,
    clusterNode: true,
    whenClustered: null,
    hostLimits: null,
    vsphere: false,
    subscription: kind,
    notes: vmware
      ? [MESSAGES.vsphereGuests]
      : kind === "azure-local"
        ? [MESSAGES.azureLocalRule]
        : [MESSAGES.paygRule],
    source: vmware
      ? `${BROADCOM}; ${ANY_HYPERVISOR}`
      : kind === "azure-local"
        ? `${AZURE_LOCAL_BILLING}; ${AZURE_LOCAL_WINDOWS}`
        : PAYG,
  };
}

/** The four rows of today's options, for any platform (unavailable before their time). */
export function todayOptionRows(platform: PlatformId): OptionRow[] {
  return (["vcf", "vvf", "windows-payg", "azure-local"] as const).map((k) => todayRow(platform, k));
}
