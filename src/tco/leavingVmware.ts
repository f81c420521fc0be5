/**
 * Leaving VMware: what staying costs (the subscription from the renewal date, the hosts'
 * upkeep, and the Windows licences the estate still lacks), and what moving adds while the
 * move runs (dual running): VMware renewal terms when the move ends after the renewal date,
 * the late-renewal penalty when the renewal is placed late, the old hosts no option reuses
 * until the last VM has left, and Azure Local's fees on cores Azure Hybrid Benefit covers
 * before its 180 days of dual use can start. Software Assurance on owned licences is paid by
 * every path that uses them.
 */
import { Dec, dec } from "../money";
import type { CapacityPlan } from "../capacity";
import type { OptionId, Scenario } from "../scenario";
import { isWindowsSku } from "./licenceCosts";
import { KWH_PER_WATT_YEAR, costLine, factor as f, type CostLine } from "./costLines";
import type { MigrationTimeline, TimelineProfile } from "./migrationTimeline";
import { optionLines, type ExistingEstate } from "./optionLines";
import type { LicenceLine, OptionLicensing } from "./types";

/** A VMware estate being left: its hardware, its subscription lines and the move's timeline. */
export interface LeavingEstate {
  /** The VMware product staying pays (`finance.baseline`). */
  readonly product: OptionId;
  readonly existing: ExistingEstate;
  /** The VMware subscription lines (yearly) the estate pays, as priced for the report. */
  readonly vmwareLines: readonly LicenceLine[];
  /** Month by month (VCF/VVF baselines); null for per-CPU vSphere, which has no renewal date. */
  readonly timeline: MigrationTimeline | null;
}

/** The VMware products, staying on which is a baseline. */
export const VMWARE_OPTIONS: ReadonlySet<OptionId> = new Set(["vsphere", "vcf", "vvf"]);

const SIXTEENTH = new Dec("0.0625");

/**
 * Software Assurance on the licences the user owns, per year: cores ÷ 16 × the 16-core (or
 * 2-processor) price × the SA rate. None unless `licensing.owned.softwareAssurance`; none on
 * 2008 R2, whose licences were not per core.
 */
export function ownedAssuranceLines(scenario: Scenario, prefix: string): CostLine[] {
  const { owned } = scenario.licensing;
  if (!owned.softwareAssurance || scenario.platform === "ws2008r2") return [];
  const annual = { kind: "annual" } as const;
  const edition = (key: "datacenter" | "standard", cores: number, label: string): CostLine =>
    costLine(scenario, {
      id: `${prefix}.ownedAssurance.${key}`,
      category: "licensing",
      label: `Software Assurance on owned ${label} licences`,
      quantity: dec(cores),
      quantityLabel: "cores",
      constant: SIXTEENTH,
      factors: [f(`licensing.prices.${key}` as const), f("licensing.softwareAssuranceRate")],
      schedule: annual,
    });
  return [
    edition("datacenter", owned.datacenterCores, "Datacenter"),
    edition("standard", owned.standardCores, "Standard"),
  ].filter((l) => !l.quantity.isZero());
}

/** Options that keep using owned licences (pay-as-you-go licenses every machine itself). */
export const usesOwnedLicences = (option: OptionId): boolean => option !== "windows-payg";

const isVmwareSubscription = (l: LicenceLine): boolean =>
  l.recurrence === "yearly" && !isWindowsSku(l.sku) && !l.sku.endsWith("-sa");

/**
 * Staying on a VMware product (`product`): the running costs of its capacity plan (upkeep,
 * power, space, administration, hosts refreshed on a rolling cycle), its subscription —
 * from the renewal date when a timeline says when that is — the Windows licences still
 * missing after the owned ones (bought in year 0) and Software Assurance. Purchases already
 * made (hosts, storage, VMware licences) are sunk.
 */
export function stayingOnVmwareLines(
  scenario: Scenario,
  prefix: string,
  capacity: CapacityPlan,
  licensing: OptionLicensing,
  timeline: MigrationTimeline | null
): CostLine[] {
  const afterRenewal = timeline
    ? { profile: "afterRenewal" as const, perYear: timeline.monthsPerYear.afterRenewal }
    : undefined;
  const staying: OptionLicensing = {
    ...licensing,
    // One-time VMware licences are sunk; Windows licences still missing are bought.
    lines: licensing.lines.filter((l) => l.recurrence === "yearly" || isWindowsSku(l.sku)),
  };
  const lines = optionLines(scenario, prefix, capacity, staying, undefined, undefined, (l) =>
    isVmwareSubscription(l) ? afterRenewal : undefined
  ).filter((l) => l.schedule.kind === "annual" || /\.licence\d+$/.test(l.id));
  const refresh = costLine(scenario, {
    id: `${prefix}.hostRefreshRolling`,
    category: "hardware",
    label: "Host refresh (1/cycle a year)",
    quantity: dec(capacity.hosts),
    quantityLabel: "hosts",
    factors: [
      { path: "host.price", exponent: 1 },
      { path: "virtual.hostRefreshYears", exponent: -1 },
    ],
    schedule: { kind: "annual" },
  });
  return [
    ...(capacity.hosts > 0 ? [refresh] : []),
    ...lines,
    ...ownedAssuranceLines(scenario, prefix),
  ];
}

/**
 * What moving off VMware adds while the move runs, for an option using `hosts` hosts of which
 * some are the old ones reused: VMware renewal terms (and the late penalty), the old hosts
 * not reused until the move ends, and — Azure Local with Azure Hybrid Benefit — the fees on
 * the covered cores before the 180 days of dual use start.
 */
export function transitionLines(
  scenario: Scenario,
  option: OptionId,
  prefix: string,
  leaving: LeavingEstate,
  hosts: number,
  hybridBenefitCores: number
): CostLine[] {
  const t = leaving.timeline;
  if (!t) return [];
  const annual = { kind: "annual" } as const;
  const profile = (p: TimelineProfile) => ({ profile: p, perYear: t.monthsPerYear[p] });
  const out: CostLine[] = [];
  leaving.vmwareLines.filter(isVmwareSubscription).forEach((l, i) => {
    const factors = [f(l.priceInput), ...(l.rateInput ? [f(l.rateInput)] : [])];
    out.push(
      costLine(scenario, {
        id: `${prefix}.vmwareRenewal${i + 1}`,
        category: "licensing",
        label: `${l.label} — renewal while the move runs`,
        quantity: dec(l.quantity),
        quantityLabel: "units",
        constant: l.priceFactor,
        factors,
        schedule: annual,
        months: profile("vmwareOwed"),
      }),
      costLine(scenario, {
        id: `${prefix}.vmwareLatePenalty${i + 1}`,
        category: "licensing",
        label: `${l.label} — late-renewal penalty`,
        quantity: dec(l.quantity),
        quantityLabel: "units",
        constant: l.priceFactor,
        factors: [...factors, f("licensing.vmware.lateRenewalPenalty")],
        schedule: annual,
        months: profile("lateRenewalYear"),
      })
    );
  });
  const surplus = Math.max(0, leaving.existing.hosts - hosts);
  const old = profile("oldPlatform");
  const oldHosts = (
    key: string,
    category: CostLine["category"],
    label: string,
    factors: readonly ReturnType<typeof f>[],
    constant?: Dec
  ): CostLine =>
    costLine(scenario, {
      id: `${prefix}.oldHosts.${key}`,
      category,
      label: `Old VMware hosts not reused, until the move ends: ${label}`,
      quantity: dec(surplus),
      quantityLabel: "hosts",
      factors,
      ...(constant ? { constant } : {}),
      schedule: annual,
      months: old,
    });
  out.push(
    oldHosts("maintenance", "maintenance", "maintenance", [
      f("host.price"),
      f("virtual.hostMaintenanceRate"),
    ]),
    oldHosts(
      "power",
      "power",
      "power and cooling",
      [f("host.powerWatts"), f("housing.pue"), f("housing.electricityPerKWh")],
      KWH_PER_WATT_YEAR
    ),
    oldHosts("space", "space", "rack space", [
      f("host.rackUnits"),
      f("housing.rackUnitCostPerYear"),
    ]),
    oldHosts("admin", "manpower", "administration", [
      f("manpower.hoursPerHostPerYear"),
      f("manpower.adminHourlyRate"),
    ])
  );
  if (option === "azure-local" && hybridBenefitCores > 0) {
    const pending = profile("hybridBenefitPending");
    for (const [key, label] of [
      ["azureLocalHost", "host fee"],
      ["azureLocalWindows", "Windows Server subscription"],
    ] as const)
      out.push(
        costLine(scenario, {
          id: `${prefix}.hybridBenefitPending.${key}`,
          category: "licensing",
          label: `Azure Local ${label} on cores Azure Hybrid Benefit covers, before its 180 days of dual use`,
          quantity: dec(hybridBenefitCores),
          quantityLabel: "cores",
          constant: dec(12),
          factors: [f(`licensing.prices.${key}` as const)],
          schedule: annual,
          months: pending,
        })
      );
  }
  // Lines whose months never come (no renewal needed, no surplus hosts) go; zero prices stay.
  return out.filter((l) => !l.quantity.isZero() && (l.months?.perYear.some((m) => m > 0) ?? true));
}
