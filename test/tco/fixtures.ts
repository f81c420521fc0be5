/**
 * Builders for the TCO tests: scenarios through the real parser with every cost input
 * spelled out (so the arithmetic in a test's comment starts from numbers on the page),
 * capacity plans built by hand (to test the cost rules apart from packing), seeded
 * inventories for properties and the benchmark, and an independent NPV in plain decimals.
 */
import fc from "fast-check";
import type { CapacityPlan, HostPlan, StayPhysical, VmDemand } from "../../src/capacity/contract";
import { Dec, ZERO } from "../../src/money";
import { PLATFORM_IDS, type PlatformId } from "../../src/platform";
import { planOfHosts } from "../support/capacityPlan";
import { defaultScenarioJson, parseScenario, type Scenario } from "../../src/scenario";

/** Round inputs used by the hand-worked tests (JSON form). Sections merge over the defaults. */
export const ROUND_INPUTS = {
  finance: { horizonYears: 5, discountRate: "0.1", depreciationYears: 4 },
  host: {
    sockets: 2,
    coresPerSocket: 6,
    threadsPerCore: 2,
    cpuGhz: "2.93",
    memoryGiB: "96",
    price: "9000",
    powerWatts: "300",
    rackUnits: 2,
  },
  physical: {
    serverPrice: "4000",
    osLicencePerWindowsServer: "800",
    refreshCycleYears: 4,
    maintenanceRate: "0.1",
  },
  virtual: {
    hostRefreshYears: 2,
    hostMaintenanceRate: "0.1",
    sharedStoragePerCluster: "20000",
    storageCostPerGiB: "2",
    witnessDiskGiB: "1",
    storageMaintenanceRate: "0.1",
    storageNetworkPerCluster: "5000",
    networkPerHost: "500",
    networkMaintenanceRate: "0.15",
    sharedStorageRackUnits: 3,
    sharedStoragePowerWatts: "400",
  },
  housing: {
    electricityPerKWh: "0.10",
    pue: "1.5",
    rackUnitCostPerYear: "240",
    setupCostPerDevice: "250",
  },
  manpower: {
    adminHourlyRate: "50",
    hoursPerPhysicalServerPerYear: "60",
    hoursPerHostPerYear: "20",
    hoursPerVmPerYear: "10",
    migrationHoursPerServer: "8",
  },
} as const;

type Sections = Record<string, Record<string, unknown>>;

/** A parsed scenario: `platform` defaults, then ROUND_INPUTS, then `sections` (merged per section). */
export function scenarioWith(
  platform: PlatformId,
  inventory: readonly Record<string, unknown>[],
  sections: Sections = {}
): Scenario {
  const json = defaultScenarioJson(platform, inventory) as Record<string, unknown>;
  for (const [key, values] of Object.entries({ ...ROUND_INPUTS }) as [
    string,
    Record<string, unknown>,
  ][]) {
    json[key] = { ...(json[key] as object), ...values };
  }
  for (const [key, values] of Object.entries(sections)) {
    const base = json[key] as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...base, ...values };
    if (key === "licensing" && values["prices"])
      merged["prices"] = { ...(base["prices"] as object), ...(values["prices"] as object) };
    json[key] = merged;
  }
  return parsed(json);
}

/** parseScenario that throws (with every issue) instead of returning a failure. */
export function parsed(json: Record<string, unknown>): Scenario {
  const r = parseScenario(json);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return r.scenario;
}

/** An inventory row with explicit fields (the parser fills the rest from `physical.default*`). */
export function server(
  name: string,
  fields: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    name,
    count: 1,
    os: "windows",
    cores: 2,
    cpuGhz: "2.4",
    peakCpuUtilization: "0.3",
    averageCpuUtilization: "0.1",
    memoryGiB: "4",
    storageGiB: "100",
    powerWatts: "200",
    rackUnits: 1,
    ...fields,
  };
}

export interface HandHost {
  readonly vms: readonly { readonly os?: "windows" | "linux"; readonly storageGiB?: number }[];
  /** Windows VMs after the worst failover (default: the host's own Windows VMs). */
  readonly windowsAfterFailover?: number;
  readonly cluster?: number;
}

/**
 * A capacity plan with the hosts given, each listing its VMs: everything the cost rules and
 * licensing read (hosts, clusters, VMs with storage, per-host VM counts) is meaningful.
 */
export function handPlan(
  hosts: readonly HandHost[],
  stayPhysical: readonly StayPhysical[] = []
): CapacityPlan {
  const vms: VmDemand[] = [];
  const hostPlans: HostPlan[] = hosts.map((h, index) => {
    const ids = h.vms.map((vm, i) => {
      const id = `vm-${index}-${i}`;
      vms.push({
        id,
        row: 0,
        os: vm.os ?? "windows",
        vcpus: 1,
        cpuGhz: 1,
        memoryGiB: 1,
        storageGiB: vm.storageGiB ?? 0,
      });
      return id;
    });
    const windows = h.vms.filter((vm) => (vm.os ?? "windows") === "windows").length;
    return {
      index,
      cluster: h.cluster ?? 0,
      vmIds: ids,
      vms: ids.length,
      windowsVms: windows,
      cpuGhzUsed: ids.length,
      memoryGiBUsed: ids.length,
      vcpusUsed: ids.length,
      maxVmsAfterFailover: Math.max(ids.length, h.windowsAfterFailover ?? 0),
      maxWindowsVmsAfterFailover: h.windowsAfterFailover ?? windows,
    };
  });
  return planOfHosts(hostPlans, { vms, stayPhysical });
}

/** Money as a plain string ("15667.3"); `d` for a decimal from a string. */
export const s = (x: { toString(): string }): string => x.toString();
export const d = (x: string | number): Dec => new Dec(x);

/**
 * The model's NPV recomputed independently: Σₜ CFₜ / (1+r)ᵗ, i.e. Excel's
 * `=CF0 + NPV(r, CF1:CFn)` — term by term with powers (the engine uses Horner's scheme).
 */
export function npvByHand(rate: Dec, flows: readonly Dec[]): Dec {
  let total = ZERO;
  flows.forEach((cf, t) => {
    total = total.plus(cf.div(rate.plus(1).pow(t)));
  });
  return total;
}

/** Mulberry32: a small seeded generator, so inventories are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A realistic estate of `servers` physical servers, one inventory row each (as an RVTools or
 * CMDB export lists them), deterministic for a seed: 60 % small web/file/infra servers, 33 %
 * application servers, 7 % database servers; 70 % Windows; measured peaks of 5–65 % with
 * averages a third of that (DOMAIN.md: averages 6–18 %); 1U/2U boxes drawing 150–450 W.
 */
export function realisticInventory(servers: number, seed = 2010): Record<string, unknown>[] {
  const rnd = seeded(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)] as T;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < servers; i++) {
    const kind = rnd();
    const small = kind < 0.6;
    const app = !small && kind < 0.93;
    const cores = small ? pick([1, 2, 2, 4]) : app ? pick([4, 4, 8]) : pick([8, 12]);
    const memoryGiB = small ? pick([2, 4, 4, 8]) : app ? pick([8, 16, 16, 24]) : pick([32, 48]);
    const peak = 0.05 + Math.floor(rnd() * 61) / 100;
    const windows = rnd() < 0.7;
    rows.push({
      name: `${small ? "WEB" : app ? "APP" : "DB"}-${String(i + 1).padStart(5, "0")}`,
      count: 1,
      os: windows ? "windows" : "linux",
      cores,
      cpuGhz: pick(["2.0", "2.33", "2.66", "2.93", "3.0"]),
      peakCpuUtilization: peak.toFixed(2),
      averageCpuUtilization: (peak / 3).toFixed(3),
      memoryGiB: String(memoryGiB),
      storageGiB: String(
        small
          ? 40 + Math.floor(rnd() * 10) * 20
          : app
            ? 100 + Math.floor(rnd() * 20) * 25
            : 500 + Math.floor(rnd() * 10) * 100
      ),
      powerWatts: String(
        small
          ? 150 + Math.floor(rnd() * 8) * 10
          : app
            ? 219 + Math.floor(rnd() * 10) * 10
            : 350 + Math.floor(rnd() * 10) * 10
      ),
      rackUnits: small ? 1 : 2,
    });
  }
  return rows;
}

/** A realistic scenario on a platform's defaults. */
export function realisticScenario(platform: PlatformId, servers: number, seed = 2010): Scenario {
  return parsed(defaultScenarioJson(platform, realisticInventory(servers, seed)));
}

/** A small random inventory row (JSON): sizes a 2010 or a modern host can mostly take. */
export const inventoryRow: fc.Arbitrary<Record<string, unknown>> = fc.record({
  count: fc.integer({ min: 1, max: 3 }),
  os: fc.constantFrom("windows", "linux"),
  cores: fc.integer({ min: 1, max: 16 }),
  cpuGhz: fc.constantFrom("2.0", "2.4", "2.93", "3.2"),
  peakCpuUtilization: fc.integer({ min: 1, max: 100 }).map((p) => (p / 100).toFixed(2)),
  averageCpuUtilization: fc.constant("0.01"),
  memoryGiB: fc.constantFrom("1", "2", "4", "8", "16", "32", "48", "96"),
  storageGiB: fc.integer({ min: 0, max: 20_000 }).map((c) => (c / 10).toFixed(1)),
  powerWatts: fc.integer({ min: 0, max: 600 }).map(String),
  rackUnits: fc.integer({ min: 0, max: 4 }),
});

/**
 * A random small scenario through `parseScenario(defaultScenarioJson(platform, inventory))`:
 * 1–6 rows (one in ten kept physical by the user), any platform, Software Assurance on or off.
 */
export const smallScenario: fc.Arbitrary<Scenario> = fc
  .record({
    platform: fc.constantFrom(...PLATFORM_IDS),
    rows: fc.array(fc.tuple(inventoryRow, fc.integer({ min: 0, max: 9 })), {
      minLength: 1,
      maxLength: 6,
    }),
    softwareAssuranceRate: fc.constantFrom("0", "0", "0.25"),
    clusterAware: fc.boolean(),
  })
  .map(({ platform, rows, softwareAssuranceRate, clusterAware }) => {
    const inventory = rows.map(([row, keep], i) => ({
      ...row,
      name: `SRV-${i + 1}`,
      stayPhysical: keep === 0,
    }));
    const json = defaultScenarioJson(platform, inventory) as Record<string, unknown>;
    json["licensing"] = { ...(json["licensing"] as object), softwareAssuranceRate, clusterAware };
    return parsed(json);
  });
