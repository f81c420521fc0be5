/**
 * Staying physical: the estate as it is, year by year — rolling hardware refresh (with the
 * OEM Windows licence a refresh brings), maintenance, power × PUE × tariff, rack space, setup
 * of refreshed devices and administration. The same rules cost the servers that stay
 * physical in every virtualization option.
 */
import { Dec, dec, sumOfProducts } from "../money";
import type { InventoryRow, Scenario } from "../scenario";
import { idleReason } from "../capacity/demand";
import { KWH_PER_WATT_YEAR, costLine, type CostLine } from "./costLines";

/** Totals of a set of physical servers (rows × count) that the cost lines multiply. */
export interface PhysicalQuantities {
  readonly servers: number;
  readonly windowsServers: number;
  readonly watts: Dec;
  readonly rackUnits: number;
}

/** Sum servers, Windows servers, watts and rack units over rows (each × its count). */
export function physicalQuantities(
  rows: readonly { readonly row: InventoryRow; readonly count: number }[]
): PhysicalQuantities {
  let servers = 0;
  let windowsServers = 0;
  let rackUnits = 0;
  for (const { row, count } of rows) {
    servers += count;
    if (row.os === "windows") windowsServers += count;
    rackUnits += row.rackUnits * count;
  }
  // Thousands of rows draw a few dozen distinct figures: summed once per figure.
  const watts = sumOfProducts(
    rows,
    (r) => r.row.powerWatts,
    (r) => r.count
  );
  return { servers, windowsServers, watts, rackUnits };
}

/** Cost lines of running `q` physical servers for the horizon; ids start with `prefix`. */
export function physicalLines(
  scenario: Scenario,
  q: PhysicalQuantities,
  prefix: string,
  labelSuffix = ""
): CostLine[] {
  const servers = dec(q.servers);
  const annual = { kind: "annual" } as const;
  const cycle = { path: "physical.refreshCycleYears", exponent: -1 } as const;
  const lines: CostLine[] = [
    costLine(scenario, {
      id: `${prefix}.refresh`,
      category: "hardware",
      label: `Server refresh (1/cycle a year)${labelSuffix}`,
      quantity: servers,
      quantityLabel: "servers",
      factors: [{ path: "physical.serverPrice", exponent: 1 }, cycle],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.oemLicences`,
      category: "licensing",
      label: `OEM Windows licences at refresh${labelSuffix}`,
      quantity: dec(q.windowsServers),
      quantityLabel: "Windows servers",
      factors: [{ path: "physical.osLicencePerWindowsServer", exponent: 1 }, cycle],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.maintenance`,
      category: "maintenance",
      label: `Server maintenance${labelSuffix}`,
      quantity: servers,
      quantityLabel: "servers",
      factors: [
        { path: "physical.serverPrice", exponent: 1 },
        { path: "physical.maintenanceRate", exponent: 1 },
      ],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.power`,
      category: "power",
      label: `Power and cooling${labelSuffix}`,
      quantity: q.watts,
      quantityLabel: "watts",
      constant: KWH_PER_WATT_YEAR,
      factors: [
        { path: "housing.pue", exponent: 1 },
        { path: "housing.electricityPerKWh", exponent: 1 },
      ],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.space`,
      category: "space",
      label: `Rack space${labelSuffix}`,
      quantity: dec(q.rackUnits),
      quantityLabel: "rack units",
      factors: [{ path: "housing.rackUnitCostPerYear", exponent: 1 }],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.setup`,
      category: "setup",
      label: `Setup of refreshed servers${labelSuffix}`,
      quantity: servers,
      quantityLabel: "servers",
      factors: [{ path: "housing.setupCostPerDevice", exponent: 1 }, cycle],
      schedule: annual,
    }),
    costLine(scenario, {
      id: `${prefix}.admin`,
      category: "manpower",
      label: `Administration${labelSuffix}`,
      quantity: servers,
      quantityLabel: "servers",
      factors: [
        { path: "manpower.hoursPerPhysicalServerPerYear", exponent: 1 },
        { path: "manpower.adminHourlyRate", exponent: 1 },
      ],
      schedule: annual,
    }),
  ];
  return lines.filter((l) => !l.quantity.isZero());
}

/** Id prefix of the baseline lines of idle servers the options retire (their running cost is a saving of its own). */
export const RETIRED_PREFIX = "physical.retired";

/** What the baseline costs: the servers kept running, and the idle ones the options retire (null: none). */
export interface PhysicalBaselineQuantities {
  readonly kept: PhysicalQuantities;
  readonly retired: PhysicalQuantities | null;
}

/**
 * The baseline's quantities: they depend only on the inventory and `demand` (which servers
 * are idle), so callers that vary prices and rates (the sensitivity analysis) count them once.
 */
export function physicalBaselineQuantities(scenario: Scenario): PhysicalBaselineQuantities {
  const retired = (row: InventoryRow): boolean =>
    scenario.demand.retireIdle && !row.stayPhysical && idleReason(row, scenario) !== null;
  const kept = scenario.inventory.filter((row) => !retired(row));
  const gone = scenario.inventory.filter(retired);
  return {
    kept: physicalQuantities(kept.map((row) => ({ row, count: row.count }))),
    retired:
      gone.length === 0 ? null : physicalQuantities(gone.map((row) => ({ row, count: row.count }))),
  };
}

/**
 * The whole inventory, physical. Idle servers the options retire (`demand.retireIdle`) get
 * lines of their own, so what switching them off saves is visible rather than folded into the
 * totals. `quantities`: {@link physicalBaselineQuantities} of this inventory and `demand`, when
 * the caller has them.
 */
export function physicalBaselineLines(
  scenario: Scenario,
  quantities: PhysicalBaselineQuantities = physicalBaselineQuantities(scenario)
): CostLine[] {
  const lines = physicalLines(scenario, quantities.kept, "physical");
  if (quantities.retired === null) return lines;
  return [
    ...lines,
    ...physicalLines(
      scenario,
      quantities.retired,
      RETIRED_PREFIX,
      " — idle servers, retired in every option"
    ),
  ];
}
