import { describe, expect, it } from "vitest";
import { dec } from "../../src/money";
import type { OptionId } from "../../src/scenario/types";
import {
  cheapestOption,
  licenseMixed,
  licenseOption,
  LICENSING_MESSAGES as M,
  recommend,
} from "../../src/licensing";
import { plan, s, scenario } from "./fixtures";

const ALL: readonly OptionId[] = [
  "hyperv-server",
  "standard",
  "enterprise",
  "datacenter",
  "vsphere",
];

describe("mixed estate", () => {
  it("2008 R2: Datacenter on the dense host, Enterprise and Standard on light ones, and it beats every single option", () => {
    const sc = scenario("ws2008r2");
    const estate = plan([{ windowsVms: 20 }, { windowsVms: 3 }, { windowsVms: 4 }]);
    const mixed = licenseMixed(sc, estate)!;
    // 20 VMs: Datacenter 2 × 2,405 = 4,810 (< 5 Enterprise 11,790); 3 VMs: 3 Standard 2,178 (< Enterprise 2,358);
    // 4 VMs: 1 Enterprise 2,358 (< 4 Standard 2,904).
    expect(mixed.hosts.map((h) => h.way)).toEqual(["datacenter", "standard", "enterprise"]);
    expect(s(mixed.total)).toBe("9346"); // 4,810 + 2,178 + 2,358
    expect(mixed.hostOs).toBe("Hyper-V Server 2008 R2 (free)");
    expect(mixed.notes).toContain(M.mixedEstate);

    const results = ALL.map((o) => licenseOption(o, sc, estate));
    const totals = Object.fromEntries(results.map((r) => [r.option, s(r.total)]));
    expect(totals["datacenter"]).toBe("14430"); // 3 hosts × 4,810
    expect(totals["enterprise"]).toBe("16506"); // (5 + 1 + 1) × 2,358
    expect(totals["standard"]).toBe("19602"); // 27 × 726
    const rec = recommend(results, mixed);
    expect(rec.option).toBe("datacenter");
    expect(rec.mixed).toBe(mixed);
    expect(s(rec.mixedSaving!)).toBe("5084"); // 14,430 − 9,346
    expect(rec.notes).toEqual([M.mixedBeats("Windows Server 2008 R2 Datacenter", dec("5084"))]);
  });

  it("2012 R2: Hyper-V Server hosts already carry the cheapest licences per host, so no mixed estate is reported", () => {
    const sc = scenario("ws2012r2");
    const estate = plan([{ windowsVms: 20 }, { windowsVms: 2 }]);
    const mixed = licenseMixed(sc, estate)!;
    const results = ALL.map((o) => licenseOption(o, sc, estate));
    expect(s(mixed.total)).toBe(s(results[0]!.total)); // hyperv-server: 6,155 + 882
    const rec = recommend(results, mixed);
    expect(rec.option).toBe("hyperv-server");
    expect(rec.mixed).toBeNull();
  });

  it("2022: Standard and Datacenter nodes mixed in one cluster beat either edition alone", () => {
    const sc = scenario("ws2022"); // 2 × 16 cores: Standard 2,138 per 2 VMs, Datacenter 12,310
    const estate = plan([{ windowsVms: 20 }, { windowsVms: 2 }]);
    const mixed = licenseMixed(sc, estate)!;
    expect(mixed.candidates).toEqual(["standard", "datacenter"]);
    expect(mixed.hosts.map((h) => h.way)).toEqual(["datacenter", "standard"]);
    expect(s(mixed.total)).toBe("14448"); // 12,310 + 2,138
    const results = ALL.map((o) => licenseOption(o, sc, estate));
    const rec = recommend(results, mixed);
    // Standard alone: (10 + 1) sets × 2,138 = 23,518; Datacenter alone: 2 × 12,310 = 24,620.
    expect(rec.option).toBe("standard");
    expect(s(rec.total!)).toBe("23518");
    expect(rec.mixed).toBe(mixed);
    expect(s(rec.mixedSaving!)).toBe("9070"); // 23,518 − 14,448
  });

  it("licenses the mixed estate cluster-aware too, and reports the steady-state figure", () => {
    const sc = scenario("ws2008r2");
    const mixed = licenseMixed(
      sc,
      plan([
        { windowsVms: 4, afterFailover: 8 },
        { windowsVms: 4, afterFailover: 8 },
      ])
    )!;
    expect(s(mixed.total)).toBe("9432"); // each host: 8 VMs → 2 Enterprise (4,716 < Datacenter 4,810)
    expect(s(mixed.totalIfNotClusterAware)).toBe("4716"); // each host: 4 VMs → 1 Enterprise
  });

  it("is null when the scenario's options leave fewer than two editions to mix", () => {
    const sc = scenario("ws2022", { licensing: { options: ["datacenter", "vsphere"] } });
    expect(licenseMixed(sc, plan([{ windowsVms: 3 }]))).toBeNull();
  });
});

describe("recommend", () => {
  it("picks the cheapest eligible option, never an ineligible one whose total is zero", () => {
    const sc = scenario("ws2022");
    const results = ALL.map((o) => licenseOption(o, sc, plan([{ windowsVms: 2 }])));
    const rec = recommend(results);
    expect(rec.option).toBe("standard");
    expect(rec.ranking.map((r) => r.option)).toEqual(["standard", "datacenter", "vsphere"]);
    expect(rec.mixed).toBeNull();
  });

  it("says so when nothing is eligible", () => {
    const sc = scenario("ws2025");
    const rec = recommend([licenseOption("enterprise", sc, plan([{ windowsVms: 2 }]))]);
    expect(rec).toMatchObject({ option: null, total: null, ranking: [], notes: [M.recommendNone] });
  });

  it("cheapestOption takes any totals (e.g. TCO) and keeps the first on a tie", () => {
    expect(
      cheapestOption([
        { option: "vsphere", eligible: true, total: dec("100") },
        { option: "datacenter", eligible: true, total: dec("100") },
        { option: "hyperv-server", eligible: false, total: dec("0") },
      ])
    ).toBe("vsphere");
    expect(cheapestOption([])).toBeNull();
  });
});
