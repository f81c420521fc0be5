/**
 * The shape of the licensing catalogs: rules are data, one readonly row per rule, each with
 * its `source`. Counting code (`../count.ts`) interprets a row; it never hard-codes a rule.
 */
import type { PlatformId } from "../../platform";
import type { LinePrice } from "../types";
import type { LicensePrices, OptionId, VsphereModel } from "../../scenario/types";

/** A way Windows Server licences can cover the Windows guests of a host. */
export type WindowsWay = "guest-per-vm" | "standard" | "enterprise" | "datacenter";

/** How licences are counted for a host with a number of Windows VMs. */
export type CountRule =
  /** One licence per Windows guest, nothing for the host (guest OS licences on a free hypervisor). */
  | { readonly kind: "perVm" }
  /** Stackable server licences, each covering `vmsPerLicence` VMs (and the host, when it runs the edition). */
  | { readonly kind: "perServerStack"; readonly vmsPerLicence: number }
  /** One licence per physical processor (socket), unlimited VMs. */
  | { readonly kind: "perProcessor" }
  /**
   * Licences covering `processorsPerLicence` processors each; with a VM allowance, every
   * licence adds that many VMs, so licences = max(⌈sockets ÷ 2⌉, ⌈VMs ÷ allowance⌉).
   */
  | {
      readonly kind: "perProcessorPair";
      readonly processorsPerLicence: number;
      readonly vmsPerLicence: number | null;
    }
  /**
   * Per physical core in packs; every processor counts at least `minCoresPerProcessor` and the
   * server at least `minCoresPerServer`. With a VM allowance, each further `vmsPerSet` VMs
   * need all cores licensed again.
   */
  | {
      readonly kind: "perCore";
      readonly minCoresPerProcessor: number;
      readonly minCoresPerServer: number;
      readonly coresPerPack: number;
      /** The price in the scenario is for a licence of this many cores (16): a pack costs price × pack ÷ this. */
      readonly coresPerPricedLicence: number;
      readonly vmsPerSet: number | null;
    };

/** One Windows licence rule of a platform. */
export interface WindowsRule {
  readonly platform: PlatformId;
  readonly way: WindowsWay;
  readonly sku: string;
  /** Line label, e.g. "Windows Server 2008 R2 Enterprise (server licence, 4 VMs)". */
  readonly label: string;
  /** Edition name used in bases ("Standard"). */
  readonly edition: string;
  /** Which scenario price applies, in the vendor's unit. */
  readonly price: keyof Pick<
    LicensePrices,
    "guestOsPerVm" | "standard" | "enterprise" | "datacenter"
  >;
  readonly count: CountRule;
  readonly source: string;
}

/** Limits the host's own edition adds (Windows Server 2008 R2 Standard as the host OS). */
export interface HostEditionLimits {
  readonly maxHostMemoryGiB: number;
  readonly maxRunningVmsPerHost: number;
  readonly maxSockets: number;
  readonly source: string;
}

/** Today's subscription options: VMware by Broadcom, Windows Server pay-as-you-go, Azure Local. */
export type SubscriptionKind = "vcf" | "vvf" | "windows-payg" | "azure-local";

/** What an option means on a platform: what the hosts run and which licences they carry. */
export interface OptionRow {
  readonly platform: PlatformId;
  readonly option: OptionId;
  readonly label: string;
  /** Null when the option exists on this platform; otherwise why not (a user-visible reason). */
  readonly unavailable: string | null;
  readonly hostOs: string;
  /**
   * The Windows licences each host's hardware carries: one edition's rule, or the cheapest
   * Windows way for its guests (a free hypervisor or vSphere), or `subscription` when the
   * option's own subscription licenses Windows (pay-as-you-go, Azure Local).
   */
  readonly windows: WindowsWay | "cheapest" | "subscription";
  /** The host itself runs the licensed edition, so a host with no Windows VMs still needs its licence. */
  readonly hostRunsEdition: boolean;
  /** The host OS can be a failover-cluster node. */
  readonly clusterNode: boolean;
  /** When clustering is wanted and the host OS cannot cluster: the hosts run this instead. */
  readonly whenClustered: { readonly hostOs: string; readonly note: string } | null;
  /** Extra limits when the host runs this edition. */
  readonly hostLimits: HostEditionLimits | null;
  /** The hosts run vSphere (hypervisor lines are added). */
  readonly vsphere: boolean;
  /** Today's per-core subscription the option is billed by, or null for licence editions. */
  readonly subscription: SubscriptionKind | null;
  /** Notes always shown with the option. */
  readonly notes: readonly string[];
  readonly source: string;
}

/** One vSphere licence model. */
export interface VsphereRule {
  readonly model: VsphereModel;
  readonly sku: string;
  readonly label: string;
  readonly recurrence: "once" | "yearly";
  /** What one unit costs, in inputs. */
  readonly price: LinePrice;
  readonly source: string;
}

/** Everything licensing knows about one platform. */
export interface PlatformCatalog {
  readonly platform: PlatformId;
  readonly windows: readonly WindowsRule[];
  readonly options: readonly OptionRow[];
}
