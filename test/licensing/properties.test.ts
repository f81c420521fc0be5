import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dec, sum, type Dec } from "../../src/money";
import { PLATFORM_IDS, type PlatformId } from "../../src/platform";
import { OPTION_IDS, VSPHERE_MODELS, type OptionId, type Scenario } from "../../src/scenario/types";
import {
  aggregateLines,
  licenseMixed,
  licenseOption,
  licensesForHost,
  overHorizon,
  type LicenceLine,
  type LicenceTerms,
  type LicensingTotals,
} from "../../src/licensing";
import { plan, scenario, type HostSpecForTest } from "./fixtures";

const money = fc.integer({ min: 0, max: 1_000_000 }).map((cents) => dec(cents).div(100));
const rate = fc.integer({ min: 0, max: 50 }).map((pct) => dec(pct).div(100));
const platformArb = fc.constantFrom(...PLATFORM_IDS);
const optionArb = fc.constantFrom(...OPTION_IDS);
const hostArb = fc.record({
  sockets: fc.integer({ min: 1, max: 8 }),
  coresPerSocket: fc.integer({ min: 1, max: 64 }),
});
const termsArb: fc.Arbitrary<LicenceTerms> = fc.record({
  prices: fc.record({
    guestOsPerVm: money,
    standard: money,
    enterprise: money,
    datacenter: money,
    vsphere: money,
    cal: money,
    systemCenter: money,
    vcf: money,
    vvf: money,
    windowsPayg: money,
    azureLocalHost: money,
    azureLocalWindows: money,
    vsanPerTiB: money,
  }),
  vsphereModel: fc.constantFrom(...VSPHERE_MODELS),
  vsphereCoresPerCpuLicence: fc.integer({ min: 1, max: 64 }),
  vsphereSupportRate: rate,
  softwareAssuranceRate: rate,
  vmware: fc.record({
    minimumCoresPerCpu: fc.integer({ min: 1, max: 64 }),
    minimumCoresPerOrder: fc.constant(0),
    termYears: fc.constantFrom(1, 3, 5),
    lateRenewalPenalty: rate,
    renewalDate: fc.constant("2028-01-01"),
    renewLate: fc.boolean(),
    vsanTiB: fc.constant(dec(0)),
  }),
});

const costOf = (lines: readonly LicenceLine[], recurrence: "once" | "yearly"): Dec =>
  sum(lines.filter((l) => l.recurrence === recurrence).map((l) => l.cost));

function expectTotalsAreTheirLines(t: LicensingTotals, horizonYears: number): void {
  for (const l of t.lines) {
    expect(Number.isInteger(l.quantity) && l.quantity > 0).toBe(true);
    expect(l.cost.eq(l.unitPrice.times(l.quantity))).toBe(true);
  }
  expect(t.oneTime.eq(costOf(t.lines, "once"))).toBe(true);
  expect(t.annual.eq(costOf(t.lines, "yearly"))).toBe(true);
  expect(t.total.eq(t.oneTime.plus(t.annual.times(horizonYears)))).toBe(true);
}

describe("per-host properties", () => {
  it("every host total is the sum of its lines, and each line is quantity × unit price", () => {
    fc.assert(
      fc.property(
        optionArb,
        platformArb,
        hostArb,
        fc.integer({ min: 0, max: 400 }),
        termsArb,
        fc.boolean(),
        (option, platform, host, vms, terms, clustered) => {
          const lic = licensesForHost(option, platform, host, vms, terms, { clustered });
          expectTotalsAreTheirLines({ ...lic, total: overHorizon(lic.oneTime, lic.annual, 0) }, 0);
          if (!lic.eligible) expect(lic.lines).toEqual([]);
        }
      ),
      { numRuns: 500 }
    );
  });

  it("a Datacenter host costs the same whatever its VM count", () => {
    fc.assert(
      fc.property(
        platformArb,
        hostArb,
        fc.integer({ min: 0, max: 1024 }),
        fc.integer({ min: 0, max: 1024 }),
        termsArb,
        (platform, host, a, b, terms) => {
          const x = licensesForHost("datacenter", platform, host, a, terms);
          const y = licensesForHost("datacenter", platform, host, b, terms);
          expect(x.oneTime.eq(y.oneTime) && x.annual.eq(y.annual)).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("adding a Windows VM never makes any option cheaper", () => {
    fc.assert(
      fc.property(
        optionArb,
        platformArb,
        hostArb,
        fc.integer({ min: 0, max: 400 }),
        termsArb,
        fc.boolean(),
        fc.integer({ min: 0, max: 10 }),
        (option, platform, host, vms, terms, clustered, years) => {
          const cost = (n: number) => {
            const l = licensesForHost(option, platform, host, n, terms, { clustered });
            return overHorizon(l.oneTime, l.annual, years);
          };
          expect(cost(vms + 1).gte(cost(vms))).toBe(true);
        }
      ),
      { numRuns: 500 }
    );
  });
});

// One parsed scenario per platform; each run varies the licensing inputs on a copy.
const BASE = Object.fromEntries(PLATFORM_IDS.map((p) => [p, scenario(p)])) as Record<
  PlatformId,
  Scenario
>;

const hostsArb: fc.Arbitrary<HostSpecForTest[]> = fc.array(
  fc
    .record({
      windowsVms: fc.integer({ min: 0, max: 60 }),
      extra: fc.integer({ min: 0, max: 30 }),
      linux: fc.integer({ min: 0, max: 10 }),
    })
    .map(({ windowsVms, extra, linux }) => ({
      windowsVms,
      afterFailover: windowsVms + extra,
      vms: windowsVms + linux,
      vmsAfterFailover: windowsVms + extra + linux,
    })),
  { minLength: 0, maxLength: 6 }
);

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    platform: platformArb,
    terms: termsArb,
    clusterAware: fc.boolean(),
    failuresToTolerate: fc.integer({ min: 0, max: 2 }),
    sockets: fc.integer({ min: 1, max: 4 }),
    coresPerSocket: fc.integer({ min: 1, max: 32 }),
    calUsers: fc.integer({ min: 0, max: 500 }),
    systemCenter: fc.boolean(),
    horizonYears: fc.integer({ min: 1, max: 10 }),
  })
  .map((r) => {
    const base = BASE[r.platform];
    return {
      ...base,
      host: { ...base.host, sockets: r.sockets, coresPerSocket: r.coresPerSocket },
      cluster: { ...base.cluster, failuresToTolerate: r.failuresToTolerate },
      finance: { ...base.finance, horizonYears: r.horizonYears },
      licensing: {
        ...base.licensing,
        ...r.terms,
        clusterAware: r.clusterAware,
        calUsers: r.calUsers,
        systemCenter: r.systemCenter,
      },
    };
  });

describe("per-option properties", () => {
  it("licence totals equal the sum of their lines, cluster-aware and not", () => {
    fc.assert(
      fc.property(optionArb, scenarioArb, hostsArb, (option, sc, hosts) => {
        const lic = licenseOption(option, sc, plan(hosts));
        expectTotalsAreTheirLines(lic, sc.finance.horizonYears);
        expectTotalsAreTheirLines(lic.ifNotClusterAware, sc.finance.horizonYears);
        expect(lic.totalIfNotClusterAware.eq(lic.ifNotClusterAware.total)).toBe(true);
        // per-host lines add up to the aggregated lines (plus the estate-wide CALs)
        const hostSum = sum(lic.hosts.map((h) => h.oneTime)).plus(
          sum(lic.lines.filter((l) => l.category === "cal").map((l) => l.cost))
        );
        expect(hostSum.eq(lic.oneTime)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  it("the cluster-aware total is never below the non-cluster-aware total", () => {
    fc.assert(
      fc.property(optionArb, scenarioArb, hostsArb, (option, sc, hosts) => {
        const lic = licenseOption(
          option,
          { ...sc, licensing: { ...sc.licensing, clusterAware: true } },
          plan(hosts)
        );
        expect(lic.total.gte(lic.totalIfNotClusterAware)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  it("adding a Windows VM to any host never makes any option cheaper", () => {
    fc.assert(
      fc.property(
        optionArb,
        scenarioArb,
        hostsArb.filter((h) => h.length > 0),
        fc.nat(),
        (option, sc, hosts, pick) => {
          const i = pick % hosts.length;
          const more = hosts.map((h, j) =>
            j === i
              ? {
                  windowsVms: h.windowsVms + 1,
                  afterFailover: (h.afterFailover ?? 0) + 1,
                  vms: (h.vms ?? 0) + 1,
                  vmsAfterFailover: (h.vmsAfterFailover ?? 0) + 1,
                }
              : h
          );
          const before = licenseOption(option, sc, plan(hosts));
          const after = licenseOption(option, sc, plan(more));
          expect(after.total.gte(before.total)).toBe(true);
          expect(after.totalIfNotClusterAware.gte(before.totalIfNotClusterAware)).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("a Datacenter total never depends on the VM count (management licences off)", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        hostsArb,
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 6, maxLength: 6 }),
        (sc, hosts, other) => {
          const s2 = { ...sc, licensing: { ...sc.licensing, systemCenter: false } };
          const changed = hosts.map((h, j) => ({
            ...h,
            windowsVms: other[j] ?? 0,
            afterFailover: (other[j] ?? 0) * 2,
          }));
          const a = licenseOption("datacenter", s2, plan(hosts));
          const b = licenseOption("datacenter", s2, plan(changed));
          expect(a.total.eq(b.total) && a.totalIfNotClusterAware.eq(b.totalIfNotClusterAware)).toBe(
            true
          );
        }
      ),
      { numRuns: 200 }
    );
  });

  it("a mixed estate never costs more than any eligible single Windows edition on the same plan", () => {
    const windowsOptions: readonly OptionId[] = [
      "hyperv-server",
      "standard",
      "enterprise",
      "datacenter",
    ];
    fc.assert(
      fc.property(scenarioArb, hostsArb, (sc, hosts) => {
        const p = plan(hosts);
        const mixed = licenseMixed(sc, p);
        if (!mixed) return;
        expectTotalsAreTheirLines(mixed, sc.finance.horizonYears);
        for (const option of windowsOptions) {
          const lic = licenseOption(option, sc, p);
          if (lic.eligible) expect(mixed.total.lte(lic.total), option).toBe(true);
        }
      }),
      { numRuns: 300 }
    );
  });
});

describe("hosts with the same counts share their licences (counted once, merged once)", () => {
  // Plans repeat hosts: the same counts several times, as real plans do.
  const repeatedHostsArb = fc
    .tuple(hostsArb, fc.array(fc.nat(), { maxLength: 8 }))
    .map(([hosts, picks]) =>
      hosts.length === 0 ? hosts : [...hosts, ...picks.map((p) => hosts[p % hosts.length]!)]
    );
  const json = (x: unknown): string => JSON.stringify(x);

  it("merging the hosts' shared lines equals merging a copy of every host's lines", () => {
    fc.assert(
      fc.property(optionArb, scenarioArb, repeatedHostsArb, (option, sc, hosts) => {
        const lic = licenseOption(option, sc, plan(hosts));
        const shared = lic.hosts.map((h) => h.lines);
        const copies = shared.map((lines) => lines.map((l) => ({ ...l })));
        expect(json(aggregateLines(shared))).toBe(json(aggregateLines(copies)));
      }),
      { numRuns: 200 }
    );
  });

  it("a mixed estate licenses each host as it licenses that host alone", () => {
    fc.assert(
      fc.property(scenarioArb, repeatedHostsArb, (sc, hosts) => {
        const mixed = licenseMixed(sc, plan(hosts));
        if (!mixed) return;
        hosts.forEach((h, i) => {
          // Alone, the host is host 0: compare everything but the index.
          const alone = { ...licenseMixed(sc, plan([h]))!.hosts[0]!, index: i };
          expect(json(mixed.hosts[i]), `host ${i}`).toBe(json(alone));
        });
      }),
      { numRuns: 200 }
    );
  });
});
