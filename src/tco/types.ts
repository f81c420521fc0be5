/** The result of `analyze(scenario)`: everything the report, the task pane and the CLI show. */
import type { Dec, Money } from "../money";
import type { CapacityPlan } from "../capacity/contract";
import type { HostOption, InputPath, OptionId, Scenario } from "../scenario";
import type { BusinessCase, CostSchedule } from "./cashflow";
import type { MigrationTimeline } from "./migrationTimeline";
import type { QuantitySeries } from "./years";
import type { HostChoiceReason, HostSweepEntry } from "./hostSweep";

/** One licence line of an option, as the report and JSON show it. */
export interface LicenceLine {
  readonly sku: string;
  readonly label: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly cost: Money;
  /** `once`: bought in year 0; `yearly`: paid every year (subscriptions, support, SA). */
  readonly recurrence: "once" | "yearly";
  /** The price input it comes from (JSON path) and the share of that price per unit. */
  readonly priceInput: InputPath;
  readonly priceFactor: Dec;
  /** Further inputs multiplied in (e.g. the Software Assurance rate). */
  readonly rateInput?: InputPath;
  /** How the quantity was derived ("2 sockets × 1 Datacenter licence per processor × 15 hosts"). */
  readonly basis: string;
}

export interface OptionLicensing {
  /** One-time licence cost + yearly licence cost × horizon. */
  readonly total: Money;
  readonly totalIfNotClusterAware: Money;
  readonly oneTime: Money;
  readonly annual: Money;
  readonly lines: readonly LicenceLine[];
  readonly notes: readonly string[];
}

/** One option analysed on one host (before the host sweep chooses among candidates). */
export type OptionResult = Omit<OptionAnalysis, "hostName" | "hostSweep" | "hostChoice">;

export interface OptionAnalysis {
  /** The chosen candidate host (`hostOptions[].name`, or "Scenario host"). */
  readonly hostName: string;
  /** Every candidate host analysed for this option, in input order (one entry without `hostOptions`). */
  readonly hostSweep: readonly HostSweepEntry[];
  /** Why the chosen host wins (binding resource, licence effect, runner-up). */
  readonly hostChoice: HostChoiceReason;
  readonly id: OptionId;
  readonly label: string;
  readonly eligible: boolean;
  readonly reasons: readonly string[];
  /** Today's plan (year 0). */
  readonly capacity: CapacityPlan;
  /** Hosts owned in years 0…N: bought the year first needed, never removed. */
  readonly hostsByYear: readonly number[];
  /** Hosts each year's demand needs (equal to owned unless demand shrinks). */
  readonly hostsNeededByYear: readonly number[];
  /** Clusters owned in years 0…N. */
  readonly clustersByYear: readonly number[];
  /** The plan of each year 0…N (the same object for years with the same demand). */
  readonly yearPlans: readonly CapacityPlan[];
  /** Quantities year by year the cost lines read when demand grows; empty otherwise. */
  readonly series: readonly QuantitySeries[];
  readonly licensing: OptionLicensing;
  readonly costs: CostSchedule;
  readonly businessCase: BusinessCase;
  /** Leaving VMware: what the move adds while it runs (renewal terms, old hosts, fees before AHB). */
  readonly transition: Money;
}

/**
 * What a sensitivity row varies: one numeric input, every licence price together, or the
 * peak CPU utilisation of every inventory row.
 */
export type SensitivityInput = InputPath | "licensing.prices" | "inventory.peakCpuUtilization";

export interface SensitivityRow {
  /** Input JSON path, or `inventory.peakCpuUtilization` for all rows' peak utilisation. */
  readonly input: SensitivityInput;
  readonly label: string;
  readonly baseValue: Dec;
  readonly lowValue: Dec;
  readonly highValue: Dec;
  readonly npvLow: Money;
  readonly npvHigh: Money;
  /** |npvHigh − npvLow|, the tornado's sort key. */
  readonly swing: Money;
  /** Input value where the NPV crosses 0 (the project stops paying), when found in a wide range. */
  readonly breakEvenValue: Dec | null;
}

export interface Sensitivity {
  /** The option analysed (the recommended one). */
  readonly option: OptionId;
  readonly baseNpv: Money;
  /** Sorted by swing, largest first. */
  readonly rows: readonly SensitivityRow[];
}

export interface MixedRecommendation {
  /** Per host index, the cheapest edition for that host. */
  readonly perHost: readonly { readonly host: number; readonly option: OptionId | null }[];
  readonly total: Money;
  /** True when the mix beats every single-edition option. */
  readonly beatsSingleEdition: boolean;
}

export interface Analysis {
  readonly scenario: Scenario;
  /** What `physical` stands for: "Staying physical" or "Staying on vSphere" (finance.baseline). */
  readonly baselineLabel: string;
  /** The baseline inside a sentence ("staying on VMware Cloud Foundation"). */
  readonly baselinePhrase: string;
  /** Hosts of the VMware estate staying on VMware is the baseline; null when it is physical. */
  readonly baselineHosts: number | null;
  /** Leaving VCF or VVF: the move month by month (renewal, dual running); null otherwise. */
  readonly timeline: MigrationTimeline | null;
  readonly physical: CostSchedule;
  /** Every option analysed on its chosen host (the lowest TCO among the candidates). */
  readonly options: readonly OptionAnalysis[];
  /** The candidate hosts compared (`hostOptions`, or the scenario's `host` alone). */
  readonly hostCandidates: readonly HostOption[];
  /** Cheapest eligible option by TCO over the horizon; null if none is eligible. */
  readonly recommended: OptionId | null;
  /** One sentence a manager understands. */
  readonly recommendation: string;
  readonly mixed: MixedRecommendation | null;
  readonly sensitivity: Sensitivity | null;
  /** Break-even of licence cost vs Windows VMs per host, for the chart. */
  readonly breakEven: BreakEvenTable;
}

export interface BreakEvenTable {
  /** VMs per host 1…maxVms. */
  readonly vms: readonly number[];
  /** Licence cost per host for each option at each VM count (null = option not available). */
  readonly series: readonly {
    readonly option: OptionId;
    readonly label: string;
    readonly costs: readonly (Money | null)[];
  }[];
  /** VM counts where the cheapest option changes. */
  readonly switchPoints: readonly {
    readonly vms: number;
    readonly from: OptionId;
    readonly to: OptionId;
  }[];
}
