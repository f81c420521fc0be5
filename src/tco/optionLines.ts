/**
 * The cost lines of one virtualization option: the hosts of its capacity plan, its licences
 * (cluster-aware), shared storage and storage network per cluster, migration, host upkeep,
 * power, space, administration — and the servers that stay physical, costed as physical.
 */
import { Dec, ZERO, dec } from "../money";
import type { CapacityPlan } from "../capacity/contract";
import type { Scenario } from "../scenario";
import { KWH_PER_WATT_YEAR, costLine, factor as f, type CostLine } from "./costLines";
import { physicalLines, physicalQuantities } from "./physical";
import type { OptionLicensing } from "./types";

/** Quantities of an option that its cost lines multiply. */
export interface OptionQuantities {
  readonly hosts: number;
  readonly clusters: number;
  readonly vms: number;
  /** GiB of VM disk on shared storage, plus the witness disks (witness GiB is an input). */
  readonly vmStorageGiB: number;
}

/**
 * GiB of VM disk, summed exactly: each VM's `storageGiB` is a number converted from the
 * inventory's decimal, and a float sum (10.1 + 20.7 = 30.799999999999997) can move a
 * half-cent amount to the wrong cent. Whole GiB add exactly as floats (below 2^53), so only
 * fractional sizes take the decimal path, where `String(n)` gives each decimal back.
 */
function vmStorageGiBOf(capacity: CapacityPlan): Dec {
  let whole = 0;
  let fractional = ZERO;
  for (const vm of capacity.vms) {
    if (Number.isInteger(vm.storageGiB)) whole += vm.storageGiB;
    else fractional = fractional.plus(dec(String(vm.storageGiB)));
  }
  if (Number.isSafeInteger(whole)) return fractional.plus(whole);
  return capacity.vms.reduce((t, vm) => t.plus(dec(String(vm.storageGiB))), ZERO);
}

function quantitiesOf(capacity: CapacityPlan): OptionQuantities & { readonly storageGiB: Dec } {
  const placed = capacity.hostPlans.reduce((s, h) => s + h.vms, 0);
  const storageGiB = vmStorageGiBOf(capacity);
  return {
    hosts: capacity.hosts,
    clusters: capacity.clusters.length,
    vms: placed,
    vmStorageGiB: storageGiB.toNumber(),
    storageGiB,
  };
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

/**
 * Every cost line of an option; ids start with `prefix` (the option id). With `existing`
 * (leaving a vSphere estate), its hosts, storage and network are reused: only hosts and
 * clusters beyond it are bought, reused hosts are refreshed on the same rolling cycle as the
 * baseline's, and the migration is V2V.
 */
export function optionLines(
  scenario: Scenario,
  prefix: string,
  capacity: CapacityPlan,
  licensing: OptionLicensing,
  existing?: ExistingEstate
): CostLine[] {
  const q = quantitiesOf(capacity);
  const storageGiB = q.storageGiB;
  const hosts = dec(q.hosts);
  const clusters = dec(q.clusters);
  const vms = dec(q.vms);
  const reusedHosts = existing ? Math.min(q.hosts, existing.hosts) : 0;
  const buyHosts = dec(q.hosts - reusedHosts);
  const buyClusters = dec(existing ? Math.max(0, q.clusters - existing.clusters) : q.clusters);
  const buyStorageGiB = existing ? ZERO : storageGiB;
  const once = { kind: "once" } as const;
  const annual = { kind: "annual" } as const;
  const lines: CostLine[] = [
    costLine(scenario, {
      id: `${prefix}.hosts`,
      category: "hardware",
      label: existing ? "New hosts (beyond those reused)" : "Hosts",
      quantity: buyHosts,
      quantityLabel: "hosts",
      factors: [f("host.price")],
      schedule: once,
    }),
    costLine(scenario, {
      id: `${prefix}.hostRefresh`,
      category: "hardware",
      label: existing ? "Refresh of the new hosts" : "Host refresh",
      quantity: buyHosts,
      quantityLabel: "hosts",
      factors: [f("host.price")],
      schedule: { kind: "refresh", cycleInput: "virtual.hostRefreshYears" },
    }),
    costLine(scenario, {
      id: `${prefix}.storageArrays`,
      category: "infrastructure",
      label: "Shared storage arrays",
      quantity: buyClusters,
      quantityLabel: "clusters",
      factors: [f("virtual.sharedStoragePerCluster")],
      schedule: once,
    }),
    costLine(scenario, {
      id: `${prefix}.storageCapacity`,
      category: "infrastructure",
      label: "Shared storage capacity (VM disks)",
      quantity: buyStorageGiB,
      quantityLabel: "GiB",
      factors: [f("virtual.storageCostPerGiB")],
      schedule: once,
    }),
    costLine(scenario, {
      id: `${prefix}.witness`,
      category: "infrastructure",
      label: "Witness disks",
      quantity: buyClusters,
      quantityLabel: "clusters",
      factors: [f("virtual.witnessDiskGiB"), f("virtual.storageCostPerGiB")],
      schedule: once,
    }),
    costLine(scenario, {
      id: `${prefix}.storageNetwork`,
      category: "infrastructure",
      label: "Storage network",
      quantity: buyClusters,
      quantityLabel: "clusters",
      factors: [f("virtual.storageNetworkPerCluster")],
      schedule: once,
    }),
    costLine(scenario, {
      id: `${prefix}.hostNetwork`,
      category: "infrastructure",
      label: "Host NICs and cabling",
      quantity: buyHosts,
      quantityLabel: "hosts",
      factors: [f("virtual.networkPerHost")],
      schedule: once,
    }),
    costLine(scenario, {
      id: `${prefix}.setup`,
      category: "setup",
      label: "Setup of hosts and storage",
      quantity: buyHosts.plus(buyClusters),
      quantityLabel: "devices",
      factors: [f("housing.setupCostPerDevice")],
      schedule: once,
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
      quantity: dec(reusedHosts),
      quantityLabel: "hosts",
      factors: [f("host.price"), f("virtual.hostRefreshYears", -1)],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.hostMaintenance`,
      category: "maintenance",
      label: "Host maintenance",
      quantity: hosts,
      quantityLabel: "hosts",
      factors: [f("host.price"), f("virtual.hostMaintenanceRate")],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.storageArrayMaintenance`,
      category: "maintenance",
      label: "Storage array maintenance",
      quantity: clusters,
      quantityLabel: "clusters",
      factors: [f("virtual.sharedStoragePerCluster"), f("virtual.storageMaintenanceRate")],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.storageCapacityMaintenance`,
      category: "maintenance",
      label: "Storage capacity maintenance",
      quantity: storageGiB,
      quantityLabel: "GiB",
      factors: [f("virtual.storageCostPerGiB"), f("virtual.storageMaintenanceRate")],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.networkMaintenance`,
      category: "maintenance",
      label: "Storage network maintenance",
      quantity: clusters,
      quantityLabel: "clusters",
      factors: [f("virtual.storageNetworkPerCluster"), f("virtual.networkMaintenanceRate")],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.hostNetworkMaintenance`,
      category: "maintenance",
      label: "Host network maintenance",
      quantity: hosts,
      quantityLabel: "hosts",
      factors: [f("virtual.networkPerHost"), f("virtual.networkMaintenanceRate")],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.hostPower`,
      category: "power",
      label: "Host power and cooling",
      quantity: hosts,
      quantityLabel: "hosts",
      constant: KWH_PER_WATT_YEAR,
      factors: [f("host.powerWatts"), f("housing.pue"), f("housing.electricityPerKWh")],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.storagePower`,
      category: "power",
      label: "Storage power and cooling",
      quantity: clusters,
      quantityLabel: "clusters",
      constant: KWH_PER_WATT_YEAR,
      factors: [
        f("virtual.sharedStoragePowerWatts"),
        f("housing.pue"),
        f("housing.electricityPerKWh"),
      ],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.hostSpace`,
      category: "space",
      label: "Host rack space",
      quantity: hosts,
      quantityLabel: "hosts",
      factors: [f("host.rackUnits"), f("housing.rackUnitCostPerYear")],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.storageSpace`,
      category: "space",
      label: "Storage rack space",
      quantity: clusters,
      quantityLabel: "clusters",
      factors: [f("virtual.sharedStorageRackUnits"), f("housing.rackUnitCostPerYear")],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.hostAdmin`,
      category: "manpower",
      label: "Host administration",
      quantity: hosts,
      quantityLabel: "hosts",
      factors: [f("manpower.hoursPerHostPerYear"), f("manpower.adminHourlyRate")],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.vmAdmin`,
      category: "manpower",
      label: "VM administration",
      quantity: vms,
      quantityLabel: "VMs",
      factors: [f("manpower.hoursPerVmPerYear"), f("manpower.adminHourlyRate")],
      schedule: annual,
    }),
    ...licensing.lines.map((l, i) =>
      costLine(scenario, {
        id: `${prefix}.licence${i + 1}`,
        category: "licensing",
        label: l.label,
        quantity: dec(l.quantity),
        quantityLabel: "licences",
        constant: l.priceFactor,
        factors: [f(l.priceInput), ...(l.rateInput ? [f(l.rateInput)] : [])],
        schedule: l.recurrence === "once" ? once : annual,
      })
    ),
  ];
  const remaining = capacity.stayPhysical
    .map((s) => ({ row: scenario.inventory[s.row], count: s.count }))
    .filter((r): r is { row: NonNullable<typeof r.row>; count: number } => r.row !== undefined);
  if (remaining.length > 0) {
    lines.push(
      ...physicalLines(
        scenario,
        physicalQuantities(remaining),
        `${prefix}.stayPhysical`,
        " — servers staying physical"
      )
    );
  }
  // Zero-amount lines stay (a price edited in Excel later must still flow); zero quantities go.
  return lines.filter((l) => !l.quantity.isZero());
}
