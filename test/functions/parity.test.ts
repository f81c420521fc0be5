/**
 * Each custom function gives what the engine gives on the same inputs: HOSTS = the capacity
 * plan's hosts, LICENSES/LICENSECOST = licensesForHost, BREAKEVEN = breakEvenVms (and the
 * published break-even points), PAYBACK = paybackMonths. The sweep of BREAKEVEN over every pair
 * of options on every platform is parity.slow.test.ts (`npm run test:integration`).
 */
import fc from "fast-check";
import { fieldOfHeader } from "../../src/functions/inventoryRange";
import { describe, expect, it } from "vitest";
import { hostsNeeded, planCapacity } from "../../src/capacity";
import { paybackMonths } from "../../src/finance";
import { breakEven, hosts, licenseCost, licenses, payback } from "../../src/functions/functions";
import { COMPUTED_INVENTORY_HEADERS } from "../../src/functions/inventoryRange";
import {
  breakEvenImpl,
  hostsImpl,
  licenseCostImpl,
  licensesImpl,
  paybackImpl,
} from "../../src/functions/logic";
import { defaultTerms, licensesForHost } from "../../src/licensing";
import { dec, sum } from "../../src/money";
import { PLATFORM_IDS, platformLimits } from "../../src/platform";
import { buildReport } from "../../src/report/build";
import { SHEETS, INVENTORY_LAYOUT } from "../../src/report/sheetLayout";
import { DEFAULT_PLATFORM, LICENCE_PRICES, type Scenario } from "../../src/scenario";
import { analyze } from "../../src/tco/analyze";
import { scenarioOf, server } from "../capacity/scenarios";
import { exampleScenarios, inventoryRange, tableValues, thrownBy } from "./support";

const EDITIONS = ["standard", "enterprise", "datacenter"] as const;
const hostCoresOf = (s: Scenario): number => s.host.sockets * s.host.coresPerSocket;

describe("HOSTS equals the capacity engine", () => {
  describe.each(exampleScenarios())("$file", ({ scenario }) => {
    const expected = planCapacity(scenario).hosts;
    const args = [
      hostCoresOf(scenario),
      scenario.host.memoryGiB.toNumber(),
      scenario.cluster.failuresToTolerate,
      scenario.platform,
    ] as const;

    it.each(["labels", "keys", "none"] as const)(
      "on the inventory as a range (header: %s)",
      (header) => {
        expect(expected).toBeGreaterThan(0);
        expect(hosts(inventoryRange(scenario, header) as never, ...args)).toBe(expected);
      }
    );

    it("on the TCO Inventory table of the report, computed columns and all (hvInventory[#All])", () => {
      const plan = buildReport(scenario, analyze(scenario));
      const table = tableValues(plan, SHEETS.inventory, INVENTORY_LAYOUT.tableName);
      expect(table).toHaveLength(scenario.inventory.length + 1);
      // The table's computed columns are there, and skipped.
      const computed = (table[0] ?? []).filter((h) => fieldOfHeader(h) === undefined);
      expect(computed.length).toBeGreaterThanOrEqual(2);
      for (const h of computed) expect(COMPUTED_INVENTORY_HEADERS).toContain(h);
      expect(hostsImpl(table, ...args)).toBe(expected);
    });

    it("with the defaults for failuresToTolerate and platform when they are the scenario's", () => {
      if (scenario.platform !== DEFAULT_PLATFORM) return;
      expect(
        hostsImpl(
          inventoryRange(scenario),
          hostCoresOf(scenario),
          scenario.host.memoryGiB.toNumber()
        )
      ).toBe(expected);
      expect(
        hostsImpl(
          inventoryRange(scenario),
          hostCoresOf(scenario),
          scenario.host.memoryGiB.toNumber(),
          null,
          ""
        )
      ).toBe(expected);
    });
  });

  it("for other hosts and failure counts (property: HOSTS = planCapacity(scenario).hosts)", () => {
    const rowArb = fc.record({
      count: fc.integer({ min: 1, max: 6 }),
      os: fc.constantFrom("windows", "linux"),
      cores: fc.integer({ min: 1, max: 16 }),
      peak: fc.integer({ min: 5, max: 95 }),
      memoryGiB: fc.integer({ min: 1, max: 128 }),
    });
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...PLATFORM_IDS),
        fc.constantFrom(8, 12, 16, 24, 32, 48, 64),
        fc.constantFrom(64, 96, 128, 256, 512),
        fc.integer({ min: 0, max: 2 }),
        (rows, platform, cores, memory, failures) => {
          const inventory = rows.map((r, i) =>
            server(`SRV-${i}`, {
              count: r.count,
              os: r.os,
              cores: r.cores,
              peakCpuUtilization: String(r.peak / 100),
              averageCpuUtilization: "0.05",
              memoryGiB: String(r.memoryGiB),
            })
          );
          const scenario = scenarioOf(platform, inventory, {
            host: { sockets: 2, coresPerSocket: cores / 2, memoryGiB: String(memory) },
            cluster: { failuresToTolerate: failures },
          });
          const expected = planCapacity(scenario).hosts;
          expect(
            hostsImpl(inventoryRange(scenario, "keys"), cores, memory, failures, platform)
          ).toBe(expected);
          const viaEngine = hostsNeeded(inventory, {
            platform,
            host: { cores, memoryGiB: memory },
            cluster: { failuresToTolerate: failures },
          });
          expect(viaEngine.ok && viaEngine.hosts).toBe(expected);
        }
      ),
      { numRuns: 40, seed: 20260801 }
    );
  });

  it("splits hostCores over the platform's 2 sockets when even, else takes one socket (as sizing does)", () => {
    const inventory = [server("A", { cores: 4, count: 3 }), server("B", { cores: 8 })];
    const even = scenarioOf("ws2022", inventory, {
      host: { sockets: 2, coresPerSocket: 12, memoryGiB: "256" },
    });
    const odd = scenarioOf("ws2022", inventory, {
      host: { sockets: 1, coresPerSocket: 25, memoryGiB: "256" },
    });
    expect(hostsImpl(inventoryRange(even), 24, 256)).toBe(planCapacity(even).hosts);
    expect(hostsImpl(inventoryRange(odd), 25, 256)).toBe(planCapacity(odd).hosts);
  });
});

describe("LICENSES and LICENSECOST equal licensesForHost", () => {
  const cases = PLATFORM_IDS.flatMap((platform) =>
    EDITIONS.flatMap((edition) =>
      [
        [1, 8],
        [2, 6],
        [2, 16],
        [4, 10],
        [2, 24],
      ].flatMap(([sockets, coresPerSocket]) =>
        [0, 1, 2, 7, 13, 50].map((vms) => ({
          platform,
          edition,
          sockets: sockets as number,
          coresPerSocket: coresPerSocket as number,
          vms,
        }))
      )
    )
  );

  it.each(cases)(
    "$edition on $platform, $sockets × $coresPerSocket cores, $vms VMs",
    ({ platform, edition, sockets, coresPerSocket, vms }) => {
      const host = { sockets, coresPerSocket };
      const lic = licensesForHost(edition, platform, host, vms, defaultTerms(platform), {
        clustered: false,
      });
      if (!lic.eligible) {
        expect(
          thrownBy(() => licensesImpl(edition, sockets, coresPerSocket, vms, platform)).code
        ).toBe("#N/A");
        expect(
          thrownBy(() => licenseCostImpl(edition, sockets, coresPerSocket, vms, platform)).code
        ).toBe("#N/A");
        return;
      }
      const windows = lic.lines.filter((l) => l.category === "windows");
      expect(windows).toHaveLength(1);
      expect(licenses(edition, sockets, coresPerSocket, vms, platform)).toBe(windows[0]?.quantity);
      expect(licenseCost(edition, sockets, coresPerSocket, vms, platform)).toBe(
        sum(windows.map((l) => l.cost)).toNumber()
      );
      // With default prices and no Software Assurance, that is the host's whole one-time licence cost.
      expect(licenseCost(edition, sockets, coresPerSocket, vms, platform)).toBe(
        lic.oneTime.toNumber()
      );
    }
  );

  it("pins the arithmetic on the usual hosts", () => {
    // 2008 R2, 2 × 6 cores, 7 VMs: Standard 7 licences × 726; Enterprise ⌈7 ÷ 4⌉ = 2 × 2,358; Datacenter 2 processors × 2,405.
    expect(licensesImpl("standard", 2, 6, 7, "ws2008r2")).toBe(7);
    expect(licenseCostImpl("standard", 2, 6, 7, "ws2008r2")).toBe(5082);
    expect(licensesImpl("enterprise", 2, 6, 7, "ws2008r2")).toBe(2);
    expect(licenseCostImpl("enterprise", 2, 6, 7, "ws2008r2")).toBe(4716);
    expect(licensesImpl("datacenter", 2, 6, 7, "ws2008r2")).toBe(2);
    expect(licenseCostImpl("datacenter", 2, 6, 7, "ws2008r2")).toBe(4810);
    // 2012 R2, 2 sockets, 13 VMs: Standard max(⌈2 ÷ 2⌉, ⌈13 ÷ 2⌉) = 7 × 882; Datacenter 1 × 6,155.
    expect(licensesImpl("standard", 2, 8, 13, "ws2012r2")).toBe(7);
    expect(licenseCostImpl("standard", 2, 8, 13, "ws2012r2")).toBe(6174);
    expect(licensesImpl("datacenter", 2, 8, 13, "ws2012r2")).toBe(1);
    // 2022, 2 × 16 cores, 10 VMs: 16 two-core packs per set; Standard 5 sets = 80 packs × 1,069 ÷ 8; Datacenter 16 packs × 6,155 ÷ 8.
    expect(licensesImpl("standard", 2, 16, 10, "ws2022")).toBe(80);
    expect(licenseCostImpl("standard", 2, 16, 10, "ws2022")).toBe(10690);
    expect(licensesImpl("datacenter", 2, 16, 10, "ws2022")).toBe(16);
    expect(licenseCostImpl("datacenter", 2, 16, 10, "ws2022")).toBe(12310);
    // 2025, the default platform, at its own list prices (microsoft.com/windows-server/pricing via
    // api-evangelist 2026-05): Standard 80 packs × 1,176 ÷ 8 = 11,760; Datacenter 16 × 6,771 ÷ 8 = 13,542.
    expect(licenseCostImpl("standard", 2, 16, 10)).toBe(11760);
    expect(licenseCostImpl("datacenter", 2, 16, 10)).toBe(13542);
    // 16-core minimum per server, 8 per processor: 1 × 4 cores still buys 8 packs.
    expect(licensesImpl("datacenter", 1, 4, 0, "ws2019")).toBe(8);
  });

  it("prices with the given price, in the vendor's unit, as licensesForHost does with that price", () => {
    for (const platform of PLATFORM_IDS) {
      for (const edition of ["standard", "datacenter"] as const) {
        const terms = defaultTerms(platform);
        const withPrice = { ...terms, prices: { ...terms.prices, [edition]: dec("1000") } };
        const lic = licensesForHost(
          edition,
          platform,
          { sockets: 2, coresPerSocket: 20 },
          9,
          withPrice
        );
        expect(licenseCostImpl(edition, 2, 20, 9, platform, 1000)).toBe(lic.oneTime.toNumber());
      }
    }
    // 2022 Standard at 1,000 per 16 cores: 2 × 20 cores = 20 packs × 5 sets × 1,000 ÷ 8 = 12,500.
    expect(licenseCostImpl("standard", 2, 20, 9, "ws2022", 1000)).toBe(12500);
    expect(licenseCostImpl("datacenter", 2, 6, 1, "ws2008r2", 0)).toBe(0);
    // Omitted (Excel passes null) or a blank cell: the list price.
    expect(licenseCostImpl("datacenter", 2, 16, 1, "ws2022", null)).toBe(
      Number(LICENCE_PRICES.ws2022.datacenter) * 2
    );
    expect(licenseCostImpl("datacenter", 2, 16, 1, "ws2022", "")).toBe(
      Number(LICENCE_PRICES.ws2022.datacenter) * 2
    );
  });

  it("reads editions and platforms as people write them", () => {
    expect(licensesImpl(" Datacenter ", 2, 6, 3, "2008 R2")).toBe(2);
    expect(licensesImpl("STANDARD", 2, 8, 13, "Windows Server 2012 R2")).toBe(7);
    expect(licensesImpl("standard", 2, 16, 10, "WS2022")).toBe(80);
    expect(licensesImpl("standard", 2, 16, 10, 2022)).toBe(80);
    expect(licensesImpl("standard", 2, 16, 10, null)).toBe(
      licensesImpl("standard", 2, 16, 10, DEFAULT_PLATFORM)
    );
  });
});

describe("BREAKEVEN", () => {
  it.each([
    // The published points (test/licensing/breakEven.test.ts gives the arithmetic).
    { a: "standard", b: "datacenter", sockets: 2, cores: 6, platform: "ws2008r2", vms: 7 },
    { a: "enterprise", b: "datacenter", sockets: 2, cores: 6, platform: "ws2008r2", vms: 9 },
    { a: "standard", b: "datacenter", sockets: 2, cores: 6, platform: "ws2012r2", vms: 13 },
    { a: "standard", b: "datacenter", sockets: 1, cores: 16, platform: "ws2022", vms: 11 },
    { a: "standard", b: "datacenter", sockets: 2, cores: 8, platform: "ws2022", vms: 11 },
    { a: "standard", b: "datacenter", sockets: 2, cores: 8, platform: null, vms: 11 },
  ])(
    "$b beats $a from $vms VMs ($platform, $sockets × $cores cores)",
    ({ a, b, sockets, cores, platform, vms }) => {
      expect(breakEven(a, b, sockets, cores, platform as string)).toBe(vms);
    }
  );

  it("says when B never becomes cheaper within the platform's VM limit", () => {
    const limit = platformLimits("ws2008r2").maxRunningVmsPerHost;
    expect(limit).toBe(384);
    // Per-VM guest licences cost exactly stacked Standard: never strictly cheaper.
    expect(
      thrownBy(() => breakEvenImpl("hyperv-server", "standard", 2, 6, "ws2008r2")).message
    ).toBe(
      "standard never becomes cheaper than hyperv-server on this host at up to 384 Windows VMs (the ws2008r2 limit per host)."
    );
  });
});

describe("PAYBACK equals paybackMonths", () => {
  it.each([
    { flows: [-30000, 10000, 10000, 10000, 10000], months: 36 },
    { flows: [-25000, 10000, 10000, 10000], months: 30 },
    { flows: [-20000, -5000, 15000, 15000], months: 32 },
    { flows: [-1000, 3000], months: 4 },
    { flows: [0, 5000, 5000], months: 0 },
    { flows: [100, -200, 50], months: 0 },
  ])("$flows → $months months, as a row and as a column", ({ flows, months }) => {
    expect(payback([flows])).toBe(months);
    expect(payback(flows.map((f) => [f]))).toBe(months);
    const engine = paybackMonths(flows.map((f) => dec(f)));
    expect(engine.reached && engine.months.toNumber()).toBe(months);
  });

  it("ignores blank cells after the last year (a row longer than the horizon)", () => {
    expect(paybackImpl([[-25000, 10000, 10000, 10000, "", null]])).toBe(30);
  });

  it("on any flows (property): the engine's months, or #N/A exactly when it is not reached", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        (flows) => {
          const engine = paybackMonths(flows.map((f) => dec(f)));
          if (engine.reached) expect(paybackImpl([flows])).toBe(engine.months.toNumber());
          else expect(thrownBy(() => paybackImpl([flows])).code).toBe("#N/A");
        }
      ),
      { numRuns: 300, seed: 7 }
    );
  });
});
