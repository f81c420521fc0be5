/**
 * The cost lines of one virtualization option: the hosts of its capacity plan, its licences
 * (cluster-aware), shared storage and storage network per cluster, migration, host upkeep,
 * power, space, administration — and the servers that stay physical, costed as physical.
 */
import { Dec, ZERO, dec } from "../money";
import type { CapacityPlan } from "../capacity/contract";
import type { Scenario } from "../scenario";
import {
  KWH_PER_WATT_YEAR,
  costLine,
  factor as f,
  type CostLine,
  type Schedule,
} from "./costLines";
import type { LicenceLine } from "./types";
import { physicalLines, physicalQuantities, type PhysicalQuantities } from "./physical";
import type { OptionLicensing } from "./types";
import { placedStorageGiB, SERIES, type QuantitySeries } from "./years";

/** Quantities of an option that its cost lines multiply. */
export interface OptionQuantities {
  readonly hosts: number;
  readonly clusters: number;
  readonly vms: number;
  /** GiB of VM disk on shared storage, plus the witness disks (witness GiB is an input). */
  readonly vmStorageGiB: number;
}

/** GiB of VM disk a plan places, summed exactly (see `placedStorageGiB`). */
function vmStorageGiBOf(capacity: CapacityPlan): Dec {
  return placedStorageGiB(capacity.vms);
}

type PlanQuantities = OptionQuantities & { readonly storageGiB: Dec };

/**
 * Quantities of each plan, counted once: a plan is immutable, and the options that share it
 * and every sensitivity variant that keeps it ask for the same sums over its VMs.
 */
const quantitiesByPlan = new WeakMap<CapacityPlan, PlanQuantities>();

function quantitiesOf(capacity: CapacityPlan): PlanQuantities {
  const known = quantitiesByPlan.get(capacity);
  if (known) return known;
  const placed = capacity.hostPlans.reduce((s, h) => s + h.vms, 0);
  const storageGiB = vmStorageGiBOf(capacity);
  const q = {
    hosts: capacity.hosts,
    clusters: capacity.clusters.length,
    vms: placed,
    vmStorageGiB: storageGiB.toNumber(),
    storageGiB,
  };
  quantitiesByPlan.set(capacity, q);
  return q;
}

/** The servers a plan leaves physical, summed once per plan and inventory (as `quantitiesOf`). */
const stayingByPlan = new WeakMap<
  CapacityPlan,
  { readonly inventory: Scenario["inventory"]; readonly q: PhysicalQuantities | null }
>();

function stayingPhysical(scenario: Scenario, capacity: CapacityPlan): PhysicalQuantities | null {
  const known = stayingByPlan.get(capacity);
  if (known && known.inventory === scenario.inventory) return known.q;
  const remaining = capacity.stayPhysical
    .map((s) => ({ row: scenario.inventory[s.row], count: s.count }))
    .filter((r): r is { row: NonNullable<typeof r.row>; count: number } => r.row !== undefined);
  const q = remaining.length > 0 ? physicalQuantities(remaining) : null;
  stayingByPlan.set(capacity, { inventory: scenario.inventory, q });
  return q;
}

/** Hosts, clusters, placed VMs and their disk (GiB) of a capacity plan. */
export function optionQuantities(capacity: CapacityPlan): OptionQuantities {
  const q = quantitiesOf(capacity);
  return { hosts: q.hosts, clusters: q.clusters, vms: q.vms, vmStorageGiB: q.vmStorageGiB };
}

/** Hardware an option can reuse instead of buying (the hosts and clusters of a vSphere estate). */
export interface ExistingEstate {
  readonly hosts: number;
  readonly clusters: number;
}

/** An option's quantities year by year (growth on): the series its lines read. */
export interface OptionYears {
  readonly series: readonly QuantitySeries[];
}

/** Series key of licence line `i` (0-based): bought in a year (one-time licences) or running (yearly). */
export const licenceSeriesKey = (
  i: number,
  kind: "needed" | "owned" | "bought" | "running"
): string => `licence${i + 1}${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;

/**
 * Every cost line of an option; ids start with `prefix` (the option id). With `existing`
 * (leaving a vSphere estate), its hosts, storage and network are reused: only hosts and
 * clusters beyond it are bought, reused hosts are refreshed on the same rolling cycle as the
 * baseline's, and the migration is V2V. With Storage Spaces Direct the nodes' capacity drives
 * replace the SAN (arrays, per-GiB capacity, witness disk, its rack space and power). With
 * `years` (demand growing), hosts, clusters, storage and licences follow the option's series:
 * bought in the year first needed, refreshed a cycle after each purchase, upkeep on what runs.
 */
export function optionLines(
  scenario: Scenario,
  prefix: string,
  capacity: CapacityPlan,
  licensing: OptionLicensing,
  existing?: ExistingEstate,
  years?: OptionYears,
  licenceMonths?: (line: LicenceLine) => CostLine["months"] | undefined
): CostLine[] {
  const seriesByKey = seriesIndex(years);
  const once: Schedule = { kind: "once" };
  const annual: Schedule = { kind: "annual" };
  const { hardware, staying } = planLinesOf(
    scenario,
    prefix,
    capacity,
    existing,
    years === undefined ? null : seriesByKey
  );
  const lines: CostLine[] = [
    ...hardware,
    ...licensing.lines.map((l, i) => {
      const quantity =
        l.recurrence === "once"
          ? qty(seriesByKey, dec(l.quantity), once, licenceSeriesKey(i, "bought"))
          : qty(seriesByKey, dec(l.quantity), annual, licenceSeriesKey(i, "running"));
      // A subscription that starts at the renewal date (leaving VMware) runs part of year 1.
      const months = quantity.schedule.kind === "annual" ? licenceMonths?.(l) : undefined;
      return costLine(scenario, {
        id: `${prefix}.licence${i + 1}`,
        category: "licensing",
        label: l.label,
        ...quantity,
        quantityLabel: "licences",
        constant: l.priceFactor,
        factors: [f(l.priceInput), ...(l.rateInput ? [f(l.rateInput)] : [])],
        ...(months ? { months } : {}),
      });
    }),
    ...staying,
  ];
  // Zero-amount lines stay (a price edited in Excel later must still flow); zero quantities go.
  return lines.filter((l) =>
    l.quantityByYear ? l.quantityByYear.some((x) => !x.isZero()) : !l.quantity.isZero()
  );
}

/** The series of `years` by key (none without growth). */
function seriesIndex(years: OptionYears | undefined): ReadonlyMap<string, QuantitySeries> {
  return new Map((years?.series ?? []).map((x) => [x.key, x]));
}

/**
 * A quantity: today's figure on its schedule, or — with growth — the series that follows it
 * year by year (its largest value stands in column C).
 */
function qty(
  seriesByKey: ReadonlyMap<string, QuantitySeries>,
  now: Dec,
  schedule: Schedule,
  series: string
): { quantity: Dec; schedule: Schedule; quantityByYear?: readonly Dec[] } {
  const found = seriesByKey.get(series);
  if (!found) return { quantity: now, schedule };
  const largest = found.values.reduce((m, v) => Dec.max(m, v), ZERO);
  return {
    quantity: largest,
    schedule: { kind: "byYear", series: found.key },
    quantityByYear: found.values,
  };
}

/** An option's lines other than its licences: its hardware and upkeep, and the servers staying physical. */
interface PlanLines {
  readonly hardware: readonly CostLine[];
  readonly staying: readonly CostLine[];
}

/**
 * The last {@link PlanLines} of each plan without growth, with the scenario, estate and id
 * prefix they were costed for: they read the scenario, the plan and the reused estate alone,
 * so the options that share a plan (four of five on 2008 R2) cost them once, and each takes a
 * copy under its own ids. They read no licensing input, so a scenario that differs from it in
 * its `licensing` section alone (the sensitivity analysis's licence prices) shares them too.
 */
const planLinesByPlan = new WeakMap<
  CapacityPlan,
  {
    readonly scenario: Scenario;
    readonly existing: ExistingEstate | undefined;
    readonly prefix: string;
    readonly lines: PlanLines;
  }
>();

/** {@link planLines}, shared between the options of a plan without growth (`growth` null). */
function planLinesOf(
  scenario: Scenario,
  prefix: string,
  capacity: CapacityPlan,
  existing: ExistingEstate | undefined,
  growth: ReadonlyMap<string, QuantitySeries> | null
): PlanLines {
  if (growth !== null) return planLines(scenario, prefix, capacity, existing, growth);
  const known = planLinesByPlan.get(capacity);
  if (known && sameButLicensing(known.scenario, scenario) && known.existing === existing) {
    if (known.prefix === prefix) return known.lines;
    const from = known.prefix.length;
    const renamed = (l: CostLine): CostLine =>
      Object.assign({}, l, { id: prefix + l.id.slice(from) });
    return {
      hardware: known.lines.hardware.map(renamed),
      staying: known.lines.staying.map(renamed),
    };
  }
  const lines = planLines(scenario, prefix, capacity, existing, NO_SERIES);
  planLinesByPlan.set(capacity, { scenario, existing, prefix, lines });
  return lines;
}

/** Whether two scenarios hold the same sections (by identity), their `licensing` aside. */
function sameButLicensing(a: Scenario, b: Scenario): boolean {
  if (a === b) return true;
  const differ = (x: Scenario, y: Scenario): boolean =>
    (Object.keys(x) as (keyof Scenario)[]).some((key) => key !== "licensing" && x[key] !== y[key]);
  return !differ(a, b) && !differ(b, a);
}

/** No growth: every quantity is today's. */
const NO_SERIES: ReadonlyMap<string, QuantitySeries> = new Map();

/** {@link PlanLines} of a plan, its quantities from `seriesByKey`; ids start with `prefix`. */
function planLines(
  scenario: Scenario,
  prefix: string,
  capacity: CapacityPlan,
  existing: ExistingEstate | undefined,
  seriesByKey: ReadonlyMap<string, QuantitySeries>
): PlanLines {
  const q = quantitiesOf(capacity);
  const storageGiB = q.storageGiB;
  const s2d = scenario.storage.kind === "s2d";
  const reusedHosts = existing ? Math.min(q.hosts, existing.hosts) : 0;
  const buyHosts = dec(q.hosts - reusedHosts);
  const buyClusters = dec(existing ? Math.max(0, q.clusters - existing.clusters) : q.clusters);
  const once: Schedule = { kind: "once" };
  const annual: Schedule = { kind: "annual" };
  const refresh: Schedule = { kind: "refresh", cycleInput: "virtual.hostRefreshYears" };
  const quantity = (now: Dec, schedule: Schedule, series: string): ReturnType<typeof qty> =>
    qty(seriesByKey, now, schedule, series);
  const S = SERIES;
  const hosts = quantity(dec(q.hosts), annual, S.hostsRunning);
  const clusters = quantity(dec(q.clusters), annual, S.clustersRunning);
  const boughtHosts = quantity(buyHosts, once, S.hostsBought);
  const addedClusters = quantity(buyClusters, once, S.clustersAdded);
  const vms = dec(q.vms);
  const lines: CostLine[] = [
    costLine(scenario, {
      id: `${prefix}.hosts`,
      category: "hardware",
      label: existing ? "New hosts (beyond those reused)" : "Hosts",
      ...boughtHosts,
      quantityLabel: "hosts",
      factors: [f("host.price")],
    }),
    costLine(scenario, {
      id: `${prefix}.hostRefresh`,
      category: "hardware",
      label: existing ? "Refresh of the new hosts" : "Host refresh",
      ...quantity(buyHosts, refresh, S.hostsRefreshed),
      quantityLabel: "hosts",
      factors: [f("host.price")],
    }),
  ];
  if (s2d) {
    // Drives for every node, reused ones too: a vSphere host has no S2D capacity drives.
    const drives = [f("storage.drivesPerNode"), f("storage.drivePrice")];
    lines.push(
      costLine(scenario, {
        id: `${prefix}.s2dDrives`,
        category: "infrastructure",
        label: "Storage Spaces Direct capacity drives",
        ...quantity(dec(q.hosts), once, reusedHosts > 0 ? S.hostsFitted : S.hostsBought),
        quantityLabel: "hosts",
        factors: drives,
      }),
      costLine(scenario, {
        id: `${prefix}.s2dDriveRefresh`,
        category: "infrastructure",
        label: "S2D drives refreshed with their hosts",
        ...quantity(buyHosts, refresh, S.hostsRefreshed),
        quantityLabel: "hosts",
        factors: drives,
      })
    );
  } else {
    lines.push(
      costLine(scenario, {
        id: `${prefix}.storageArrays`,
        category: "infrastructure",
        label: "Shared storage arrays",
        ...addedClusters,
        quantityLabel: "clusters",
        factors: [f("virtual.sharedStoragePerCluster")],
      }),
      costLine(scenario, {
        id: `${prefix}.storageCapacity`,
        category: "infrastructure",
        label: "Shared storage capacity (VM disks)",
        ...(existing
          ? { quantity: ZERO, schedule: once }
          : quantity(storageGiB, once, S.storageGiBAdded)),
        quantityLabel: "GiB",
        factors: [f("virtual.storageCostPerGiB")],
      }),
      costLine(scenario, {
        id: `${prefix}.witness`,
        category: "infrastructure",
        label: "Witness disks",
        ...addedClusters,
        quantityLabel: "clusters",
        factors: [f("virtual.witnessDiskGiB"), f("virtual.storageCostPerGiB")],
      })
    );
  }
  lines.push(
    costLine(scenario, {
      id: `${prefix}.storageNetwork`,
      category: "infrastructure",
      label: "Storage network",
      ...addedClusters,
      quantityLabel: "clusters",
      factors: [f("virtual.storageNetworkPerCluster")],
    }),
    costLine(scenario, {
      id: `${prefix}.hostNetwork`,
      category: "infrastructure",
      label: "Host NICs and cabling",
      ...boughtHosts,
      quantityLabel: "hosts",
      factors: [f("virtual.networkPerHost")],
    }),
    costLine(scenario, {
      id: `${prefix}.setup`,
      category: "setup",
      label: "Setup of hosts and storage",
      ...quantity(buyHosts.plus(buyClusters), once, S.devicesAdded),
      quantityLabel: "devices",
      factors: [f("housing.setupCostPerDevice")],
    }),
    costLine(scenario, {
      id: `${prefix}.migration`,
      category: "migration",
      label: existing ? "Migration (V2V)" : "Migration (P2V)",
      quantity: vms,
      quantityLabel: "servers",
      factors: [f("manpower.migrationHoursPerServer"), f("manpower.adminHourlyRate")],
      schedule: once,
    }),
    costLine(scenario, {
      id: `${prefix}.reusedHostRefresh`,
      category: "hardware",
      label: "Refresh of reused hosts (1/cycle a year)",
      ...quantity(dec(reusedHosts), annual, S.reusedHostsRunning),
      quantityLabel: "hosts",
      factors: [f("host.price"), f("virtual.hostRefreshYears", -1)],
    }),
    costLine(scenario, {
      id: `${prefix}.hostMaintenance`,
      category: "maintenance",
      label: "Host maintenance",
      ...hosts,
      quantityLabel: "hosts",
      factors: [f("host.price"), f("virtual.hostMaintenanceRate")],
    })
  );
  if (s2d) {
    lines.push(
      costLine(scenario, {
        id: `${prefix}.s2dDriveMaintenance`,
        category: "maintenance",
        label: "S2D drive maintenance",
        ...hosts,
        quantityLabel: "hosts",
        factors: [
          f("storage.drivesPerNode"),
          f("storage.drivePrice"),
          f("virtual.storageMaintenanceRate"),
        ],
      })
    );
    if (reusedHosts > 0)
      lines.push(
        costLine(scenario, {
          id: `${prefix}.s2dReusedDriveRefresh`,
          category: "infrastructure",
          label: "Refresh of reused hosts' S2D drives (1/cycle a year)",
          ...quantity(dec(reusedHosts), annual, S.reusedHostsRunning),
          quantityLabel: "hosts",
          factors: [
            f("storage.drivesPerNode"),
            f("storage.drivePrice"),
            f("virtual.hostRefreshYears", -1),
          ],
        })
      );
  } else {
    lines.push(
      costLine(scenario, {
        id: `${prefix}.storageArrayMaintenance`,
        category: "maintenance",
        label: "Storage array maintenance",
        ...clusters,
        quantityLabel: "clusters",
        factors: [f("virtual.sharedStoragePerCluster"), f("virtual.storageMaintenanceRate")],
      }),
      costLine(scenario, {
        id: `${prefix}.storageCapacityMaintenance`,
        category: "maintenance",
        label: "Storage capacity maintenance",
        ...quantity(storageGiB, annual, S.storageGiBRunning),
        quantityLabel: "GiB",
        factors: [f("virtual.storageCostPerGiB"), f("virtual.storageMaintenanceRate")],
      })
    );
  }
  lines.push(
    costLine(scenario, {
      id: `${prefix}.networkMaintenance`,
      category: "maintenance",
      label: "Storage network maintenance",
      ...clusters,
      quantityLabel: "clusters",
      factors: [f("virtual.storageNetworkPerCluster"), f("virtual.networkMaintenanceRate")],
    }),
    costLine(scenario, {
      id: `${prefix}.hostNetworkMaintenance`,
      category: "maintenance",
      label: "Host network maintenance",
      ...hosts,
      quantityLabel: "hosts",
      factors: [f("virtual.networkPerHost"), f("virtual.networkMaintenanceRate")],
    }),
    costLine(scenario, {
      id: `${prefix}.hostPower`,
      category: "power",
      label: "Host power and cooling",
      ...hosts,
      quantityLabel: "hosts",
      constant: KWH_PER_WATT_YEAR,
      factors: [f("host.powerWatts"), f("housing.pue"), f("housing.electricityPerKWh")],
    })
  );
  if (!s2d)
    lines.push(
      costLine(scenario, {
        id: `${prefix}.storagePower`,
        category: "power",
        label: "Storage power and cooling",
        ...clusters,
        quantityLabel: "clusters",
        constant: KWH_PER_WATT_YEAR,
        factors: [
          f("virtual.sharedStoragePowerWatts"),
          f("housing.pue"),
          f("housing.electricityPerKWh"),
        ],
      })
    );
  lines.push(
    costLine(scenario, {
      id: `${prefix}.hostSpace`,
      category: "space",
      label: "Host rack space",
      ...hosts,
      quantityLabel: "hosts",
      factors: [f("host.rackUnits"), f("housing.rackUnitCostPerYear")],
    })
  );
  if (!s2d)
    lines.push(
      costLine(scenario, {
        id: `${prefix}.storageSpace`,
        category: "space",
        label: "Storage rack space",
        ...clusters,
        quantityLabel: "clusters",
        factors: [f("virtual.sharedStorageRackUnits"), f("housing.rackUnitCostPerYear")],
      })
    );
  lines.push(
    costLine(scenario, {
      id: `${prefix}.hostAdmin`,
      category: "manpower",
      label: "Host administration",
      ...hosts,
      quantityLabel: "hosts",
      factors: [f("manpower.hoursPerHostPerYear"), f("manpower.adminHourlyRate")],
    }),
    costLine(scenario, {
      id: `${prefix}.vmAdmin`,
      category: "manpower",
      label: "VM administration",
      quantity: vms,
      quantityLabel: "VMs",
      factors: [f("manpower.hoursPerVmPerYear"), f("manpower.adminHourlyRate")],
      schedule: annual,
    })
  );
  const staying = stayingPhysical(scenario, capacity);
  return {
    hardware: lines,
    staying:
      staying === null
        ? []
        : physicalLines(scenario, staying, `${prefix}.stayPhysical`, " — servers staying physical"),
  };
}
