/**
 * A virtualization option: each cost rule, worked by hand from the inputs, on a capacity plan
 * built by hand (so packing cannot move the numbers).
 *
 * Plan: 1 cluster of 2 hosts running 3 VMs (2 + 1) whose disks are 100 + 200 + 50.5 = 350.5
 * GiB; DONGLE (Windows, 250 W, 2U) stays physical. Inputs (ROUND_INPUTS): host 9000, 300 W,
 * 2U, refreshed every 2 years; array 20,000 per cluster; storage 2 per GiB, witness 1 GiB;
 * storage network 5000 per cluster; NICs 500 per host; maintenance 10 % (hosts, storage) and
 * 15 % (network); array 400 W, 3U; PUE 1.5 at 0.10 per kWh; 240 per U per year; setup 250 per
 * device; admin 50 an hour: 20 h per host, 10 h per VM a year, 8 h to migrate a server.
 * Licences: 4 × Datacenter at 2405 once, 4 × vSphere support at 2875 × 21 % a year.
 */
import { describe, expect, it } from "vitest";
import { Dec, ONE } from "../../src/money";
import {
  costLine,
  optionLines,
  optionQuantities,
  physicalLines,
  physicalQuantities,
  schedule,
  scheduledIn,
  type CostLine,
  type OptionLicensing,
} from "../../src/tco";
import { handPlan, s, scenarioWith, server } from "./fixtures";

const scenario = scenarioWith("ws2008r2", [
  server("APP", { count: 3 }),
  server("DONGLE", { os: "windows", powerWatts: "250", rackUnits: 2, stayPhysical: true }),
]);

const plan = handPlan(
  [{ vms: [{ storageGiB: 100 }, { storageGiB: 200 }] }, { vms: [{ storageGiB: 50.5 }] }],
  [{ name: "DONGLE", row: 1, count: 1, reasons: ["DONGLE is kept physical by the user."] }]
);

const licensing: OptionLicensing = {
  total: new Dec("21695"), // 9620 + 2415 × 5 (not read by the cost lines)
  totalIfNotClusterAware: new Dec("21695"),
  oneTime: new Dec("9620"),
  annual: new Dec("2415"),
  notes: [],
  lines: [
    {
      sku: "ws2008r2-datacenter",
      label: "Datacenter",
      quantity: 4,
      unitPrice: new Dec("2405"),
      cost: new Dec("9620"),
      recurrence: "once",
      priceInput: "licensing.prices.datacenter",
      priceFactor: ONE,
      basis: "2 sockets × 2 hosts",
    },
    {
      sku: "vsphere-support",
      label: "vSphere support",
      quantity: 4,
      unitPrice: new Dec("603.75"),
      cost: new Dec("2415"),
      recurrence: "yearly",
      priceInput: "licensing.prices.vsphere",
      priceFactor: ONE,
      rateInput: "licensing.vsphereSupportRate",
      basis: "21 %",
    },
  ],
};

const lines = optionLines(scenario, "datacenter", plan, licensing);
const line = (id: string): CostLine => {
  const found = lines.find((l) => l.id === `datacenter.${id}`);
  if (!found) throw new Error(`no line datacenter.${id} in ${lines.map((l) => l.id).join(", ")}`);
  return found;
};

describe("option: one-time costs (year 0 only)", () => {
  it.each([
    ["hosts", "hardware", "2", "18000"], //                       2 hosts × 9000
    ["storageArrays", "infrastructure", "1", "20000"], //         1 cluster × 20,000
    ["storageCapacity", "infrastructure", "350.5", "701"], //     (100 + 200 + 50.5) GiB × 2
    ["witness", "infrastructure", "1", "2"], //                   1 cluster × 1 GiB × 2
    ["storageNetwork", "infrastructure", "1", "5000"], //         1 cluster × 5000
    ["hostNetwork", "infrastructure", "2", "1000"], //            2 hosts × 500
    ["setup", "setup", "3", "750"], //                            (2 hosts + 1 array) × 250
    ["migration", "migration", "3", "1200"], //                   3 VMs × 8 h × 50
    ["licence1", "licensing", "4", "9620"], //                    4 × 2405, bought once
  ])("%s (%s): quantity %s costs %s in year 0", (id, category, quantity, amount) => {
    const l = line(id);
    expect(l.category).toBe(category);
    expect(s(l.quantity)).toBe(quantity);
    expect(l.amounts.map(s)).toEqual([amount, "0", "0", "0", "0", "0"]);
  });
});

describe("option: yearly costs (years 1…5)", () => {
  it.each([
    ["hostMaintenance", "maintenance", "1800"], //                2 × 9000 × 10 %
    ["storageArrayMaintenance", "maintenance", "2000"], //        1 × 20,000 × 10 %
    ["storageCapacityMaintenance", "maintenance", "70.1"], //     350.5 GiB × 2 × 10 %
    ["networkMaintenance", "maintenance", "750"], //              1 × 5000 × 15 %
    ["hostNetworkMaintenance", "maintenance", "150"], //          2 × 500 × 15 %
    ["hostPower", "power", "788.4"], //                           2 hosts × 300 W × 8.76 × 1.5 × 0.10
    ["storagePower", "power", "525.6"], //                        1 array × 400 W × 8.76 × 1.5 × 0.10
    ["hostSpace", "space", "960"], //                             2 hosts × 2U × 240
    ["storageSpace", "space", "720"], //                          1 array × 3U × 240
    ["hostAdmin", "manpower", "2000"], //                         2 hosts × 20 h × 50
    ["vmAdmin", "manpower", "1500"], //                           3 VMs × 10 h × 50
    ["licence2", "licensing", "2415"], //                         4 × 2875 × 21 %, paid every year
  ])("%s (%s) costs %s a year", (id, category, perYear) => {
    const l = line(id);
    expect(l.category).toBe(category);
    expect(l.amounts.map(s)).toEqual(["0", perYear, perYear, perYear, perYear, perYear]);
  });

  it("refreshes the hosts in years 2 and 4 of 5 (k × 2-year cycle < horizon): 2 × 9000 each time", () => {
    expect(line("hostRefresh").amounts.map(s)).toEqual(["0", "0", "18000", "0", "18000", "0"]);
  });
});

describe("option: servers that stay physical are costed as physical", () => {
  const kept = lines.filter((l) => l.id.startsWith("datacenter.stayPhysical."));

  it.each([
    ["refresh", "1000"], //      1 × 4000 ÷ 4
    ["oemLicences", "200"], //   1 Windows × 800 ÷ 4
    ["maintenance", "400"], //   1 × 4000 × 10 %
    ["power", "328.5"], //       250 W × 8.76 × 1.5 × 0.10
    ["space", "480"], //         2U × 240
    ["setup", "62.5"], //        1 × 250 ÷ 4
    ["admin", "3000"], //        1 × 60 h × 50
  ])("DONGLE %s: %s a year", (id, perYear) => {
    const l = kept.find((k) => k.id === `datacenter.stayPhysical.${id}`);
    expect(l?.amounts.map(s)).toEqual(["0", perYear, perYear, perYear, perYear, perYear]);
  });

  it("costs the servers staying physical from each scenario's own inventory, though the plan is the same", () => {
    // The plan's sums are counted once per plan: a second scenario (the same rows, DONGLE at
    // 500 W and 4U) must not be priced with the first one's watts and rack units.
    const bigger = scenarioWith("ws2008r2", [
      server("APP", { count: 3 }),
      server("DONGLE", { os: "windows", powerWatts: "500", rackUnits: 4, stayPhysical: true }),
    ]);
    const amountOf = (sc: typeof scenario, id: string): string | undefined =>
      optionLines(sc, "datacenter", plan, licensing)
        .find((l) => l.id === `datacenter.stayPhysical.${id}`)
        ?.amounts[1]?.toString();
    expect(amountOf(scenario, "power")).toBe("328.5"); // 250 W × 8.76 × 1.5 × 0.10
    expect(amountOf(bigger, "power")).toBe("657"); // 500 W × 8.76 × 1.5 × 0.10
    expect(amountOf(bigger, "space")).toBe("960"); // 4U × 240
    expect(amountOf(scenario, "space")).toBe("480"); // 2U × 240
  });

  it("shares a plan's lines among options, each under its own ids, and prices them again when an input they read changes", () => {
    // Options on one plan cost its hosts, storage and upkeep once; a scenario that differs in
    // its licensing alone shares them, one that differs in any other section does not.
    const shown = (ls: readonly CostLine[]): string[] =>
      ls.filter((l) => l.category !== "licensing").map((l) => `${l.id} ${l.amounts.join(" ")}`);
    const own = shown(optionLines(scenario, "datacenter", plan, licensing));
    const other = shown(optionLines(scenario, "enterprise", plan, licensing));
    expect(other).toEqual(own.map((x) => x.replace(/^datacenter\./, "enterprise.")));
    const prices = { ...scenario.licensing.prices, datacenter: new Dec("1") };
    const cheaperLicences = { ...scenario, licensing: { ...scenario.licensing, prices } };
    expect(shown(optionLines(cheaperLicences, "datacenter", plan, licensing))).toEqual(own);
    const dearerHosts = { ...scenario, host: { ...scenario.host, price: new Dec("18000") } };
    const hosts = optionLines(dearerHosts, "datacenter", plan, licensing).find(
      (l) => l.id === "datacenter.hosts"
    );
    expect(hosts?.amounts[0]?.toString()).toBe("36000"); // 2 hosts × 18,000
  });

  it("uses exactly the physical rules on those servers", () => {
    const alone = physicalLines(
      scenario,
      physicalQuantities([{ row: scenario.inventory[1]!, count: 1 }]),
      "datacenter.stayPhysical",
      " — servers staying physical"
    );
    expect(kept.map((l) => [l.id, l.amounts.map(s)])).toEqual(
      alone.map((l) => [l.id, l.amounts.map(s)])
    );
  });
});

describe("option: totals by year", () => {
  it("adds up year by year", () => {
    // Year 0: 18,000 + 20,000 + 701 + 2 + 5000 + 1000 + 750 + 1200 + 9620 = 56,273
    // Yearly: 1800 + 2000 + 70.10 + 750 + 150 + 788.40 + 525.60 + 960 + 720 + 2000 + 1500 + 2415 = 13,679.10
    //   plus DONGLE 1000 + 200 + 400 + 328.50 + 480 + 62.50 + 3000 = 5471 → 19,150.10; years 2 and 4 add 18,000
    const costs = schedule(lines, 5);
    expect(costs.years.map((y) => s(y.total))).toEqual([
      "56273",
      "19150.1",
      "37150.1",
      "19150.1",
      "37150.1",
      "19150.1",
    ]);
    // 56,273 + 5 × 19,150.10 + 2 × 18,000 = 188,023.50
    expect(s(costs.total)).toBe("188023.5");
    expect(s(costs.byCategory.licensing)).toBe("22695"); // 9620 + 5 × 2415 + DONGLE's OEM 5 × 200
  });

  it("counts quantities from the plan: hosts, clusters, placed VMs and their disks", () => {
    expect(optionQuantities(plan)).toEqual({ hosts: 2, clusters: 1, vms: 3, vmStorageGiB: 350.5 });
  });

  it("sums VM disks exactly: 10.1 + 20.7 GiB at 0.0625 per GiB is 1.93, not a float's 1.92", () => {
    // 30.8 × 0.0625 = 1.925 → 1.93 (half away from zero); 10.1 + 20.7 in binary floating point is
    // 30.799999999999997, whose × 0.0625 rounds to 1.92.
    const cheap = scenarioWith("ws2008r2", [server("A")], {
      virtual: { storageCostPerGiB: "0.0625" },
    });
    const small = handPlan([{ vms: [{ storageGiB: 10.1 }, { storageGiB: 20.7 }] }]);
    const capacity = optionLines(cheap, "x", small, { ...licensing, lines: [] }).find(
      (l) => l.id === "x.storageCapacity"
    );
    expect(s(capacity!.quantity)).toBe("30.8");
    expect(s(capacity!.amounts[0]!)).toBe("1.93");
  });

  it("drops lines whose quantity is 0 (no VMs: no migration, no VM admin, no disks)", () => {
    const empty = optionLines(scenario, "x", handPlan([{ vms: [] }]), { ...licensing, lines: [] });
    const ids = empty.map((l) => l.id);
    expect(ids).not.toContain("x.migration");
    expect(ids).not.toContain("x.vmAdmin");
    expect(ids).not.toContain("x.storageCapacity");
    expect(ids).toContain("x.hosts");
  });
});

describe("schedules", () => {
  it.each([
    // horizon, cycle, years with a host refresh: t = k × cycle with 0 < t < horizon
    [5, 2, [2, 4]],
    [5, 3, [3]],
    [5, 5, []], //     a purchase at t = 5 would only serve years past the horizon
    [6, 3, [3]], //    6 is not < 6
    [10, 3, [3, 6, 9]],
    [1, 1, []],
  ])(
    "horizon %i, host refresh every %i years: refreshed in years %j",
    (horizonYears, cycle, years) => {
      const sc = scenarioWith("ws2008r2", [server("A")], {
        finance: { horizonYears },
        virtual: { hostRefreshYears: cycle },
      });
      const refresh = { kind: "refresh", cycleInput: "virtual.hostRefreshYears" } as const;
      const got = Array.from({ length: horizonYears + 1 }, (_, t) => t).filter((t) =>
        scheduledIn(refresh, t, horizonYears, sc)
      );
      expect(got).toEqual(years);
    }
  );

  it("books `once` in year 0 and `annual` in years 1…N", () => {
    const once = costLine(scenario, {
      id: "a",
      category: "setup",
      label: "a",
      quantity: new Dec(3),
      quantityLabel: "",
      factors: [{ path: "housing.setupCostPerDevice", exponent: 1 }],
      schedule: { kind: "once" },
    });
    const annual = costLine(scenario, { ...once, id: "b", schedule: { kind: "annual" } });
    expect(once.amounts.map(s)).toEqual(["750", "0", "0", "0", "0", "0"]); // 3 × 250
    expect(annual.amounts.map(s)).toEqual(["0", "750", "750", "750", "750", "750"]);
  });
});
