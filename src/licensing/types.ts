/**
 * What licensing returns: per-host and per-option licence lines, one-time and yearly money
 * kept apart (the TCO engine books them in different years), with a `basis` text per line so
 * every count can be explained. Money is `Dec`; quantities are whole numbers.
 */
import type { Dec, Money } from "../money";
import type { PlatformId } from "../platform";
import type { InputPath } from "../scenario/paths";
import type { LicensingInputs, OptionId } from "../scenario/types";

/** Whether a line is paid once (year 0) or every year of the horizon. */
export type Recurrence = "once" | "yearly";

/** What a line pays for; the TCO engine may file each under its own cost category. */
export type LineCategory =
  | "windows" // Windows Server licences (host or guests)
  | "hypervisor" // vSphere licences or subscription
  | "support" // vSphere support and subscription (SnS)
  | "assurance" // Software Assurance on Windows licences
  | "cal" // client access licences
  | "management"; // System Center

/**
 * What a line's price is made of, from its catalog row — so the TCO model can price it with
 * a live formula over the named inputs (`=ROUND(C12*hv_PriceDatacenter*0.125,2)`).
 */
export type LinePrice =
  /** Each unit costs the input × `factor` (× the `rate` input): a price in the vendor's unit. */
  | {
      readonly kind: "input";
      /** The price input (`licensing.prices.datacenter`). */
      readonly input: InputPath;
      /** The share of that price one unit costs (a 2-core pack of a 16-core price: 0.125). */
      readonly factor: Dec;
      /** A yearly rate multiplied in (vSphere support on the licence price). */
      readonly rate?: InputPath;
    }
  /**
   * A yearly `rate` on the lines of one category: Software Assurance on the Windows licences
   * (`perLine`: one line per licence it covers), vSphere support on the CPU licences (one line).
   */
  | {
      readonly kind: "rateOn";
      readonly rate: InputPath;
      readonly of: LineCategory;
      readonly perLine: boolean;
    };

/** One licence line: `quantity × unitPrice = cost`, exactly (unit prices may have fractions of a cent). */
export interface LicenceLine {
  /** Stable id of what is bought, e.g. `ws2008r2-datacenter`, `ws2022-standard-2core`. */
  readonly sku: string;
  /** Readable name, e.g. "Windows Server 2008 R2 Datacenter (per processor)". */
  readonly label: string;
  readonly category: LineCategory;
  readonly recurrence: Recurrence;
  readonly quantity: number;
  /** Price of one unit in the scenario's currency (a 2-core pack costs the 16-core price ÷ 8). */
  readonly unitPrice: Money;
  /** quantity × unitPrice. */
  readonly cost: Money;
  /** How the unit price is made of inputs (the catalog row's price). */
  readonly price: LinePrice;
  /** How the quantity was counted, e.g. "2 sockets × Datacenter per processor". */
  readonly basis: string;
  /** Where the rule comes from (the catalog row's source). */
  readonly source: string;
}

/** The hardware a licence count depends on. */
export interface HostShape {
  readonly sockets: number;
  readonly coresPerSocket: number;
}

/** The licensing inputs of a scenario that price and count licences. */
export type LicenceTerms = Pick<
  LicensingInputs,
  | "prices"
  | "vsphereModel"
  | "vsphereCoresPerCpuLicence"
  | "vsphereSupportRate"
  | "softwareAssuranceRate"
  | "vmware"
>;

/** How a host is used beyond its VM count. */
export interface HostContext {
  /** The hosts form failover clusters (failuresToTolerate > 0). */
  readonly clustered: boolean;
  /** Virtual cores of the host's Windows VMs (pay-as-you-go bills them); 0 when not given. */
  readonly windowsVcpus?: number;
}

/** Whether an option can be used on a platform and host, with every reason when not. */
export interface Eligibility {
  readonly eligible: boolean;
  readonly reasons: readonly string[];
  /** What the option means here (e.g. "hosts run Hyper-V Server 2008 R2 …"), shown beside the result. */
  readonly notes: readonly string[];
  /** The operating system the hosts run under this option. */
  readonly hostOs: string;
}

/** Licences one host needs under one option for a given number of Windows VMs. */
export interface HostLicensing extends Eligibility {
  readonly option: OptionId;
  readonly platform: PlatformId;
  readonly host: HostShape;
  /** Windows VMs the count covers. */
  readonly windowsVms: number;
  /** Lines with quantity > 0; empty when the option is not eligible. */
  readonly lines: readonly LicenceLine[];
  /** Sum of the `once` lines. */
  readonly oneTime: Money;
  /** Sum of the `yearly` lines, per year. */
  readonly annual: Money;
}

/** One host of a capacity plan, licensed. */
export interface LicensedHost {
  readonly index: number;
  readonly cluster: number;
  /** Windows VMs in steady state. */
  readonly windowsVms: number;
  /** Windows VMs licensed: the post-failover maximum when cluster-aware, else steady state. */
  readonly windowsVmsLicensed: number;
  /** All VMs counted for per-VM management licences (System Center). */
  readonly vmsCounted: number;
  readonly lines: readonly LicenceLine[];
  readonly oneTime: Money;
  readonly annual: Money;
}

/** Lines and money of an estate, for one way of counting VMs. */
export interface LicensingTotals {
  /** Lines aggregated per SKU across hosts, plus estate-wide lines (CALs). */
  readonly lines: readonly LicenceLine[];
  readonly oneTime: Money;
  readonly annual: Money;
  /** oneTime + annual × horizonYears. */
  readonly total: Money;
}

/** Licensing of one option across a whole capacity plan. */
export interface OptionLicensing extends Eligibility, LicensingTotals {
  readonly option: OptionId;
  readonly label: string;
  readonly platform: PlatformId;
  readonly clusterAware: boolean;
  readonly clustered: boolean;
  readonly horizonYears: number;
  /** Per host, as counted (cluster-aware when `clusterAware`). Empty when not eligible. */
  readonly hosts: readonly LicensedHost[];
  /** The same estate licensed for steady-state VM counts: what the 90-day rule costs. */
  readonly ifNotClusterAware: LicensingTotals;
  /** `ifNotClusterAware.total`, as the `--json` contract names it. */
  readonly totalIfNotClusterAware: Money;
  /** Azure Local only: what Azure Hybrid Benefit covers (null when it covers nothing). */
  readonly hybridBenefit: { readonly cores: number; readonly clusters: number } | null;
}
