/**
 * The baseline the options are compared against: staying physical (default), or — for an
 * estate leaving VMware (finance.baseline = "vsphere") — staying on vSphere: its hosts already
 * owned and refreshed on a rolling cycle, its vSphere subscription or support paid yearly; the
 * Hyper-V options then reuse that hardware. Windows licences count as owned only as far as
 * `licensing.owned` says (never assumed): every path, staying included, buys what is missing.
 */
import { describe, expect, it } from "vitest";
import { suggestedBaseline } from "../../src/inventory/types";
import { Dec } from "../../src/money";
import { analyze } from "../../src/tco";
import { baselineLabel } from "../../src/tco/baseline";
import { buildReport } from "../../src/report/build";
import { compareWithPlan, recalcPlanWithHyperFormula } from "../support/hyperformula";
import { scenarioWith, server } from "./fixtures";

// 40 two-core Windows servers (4 GiB, 100 GiB disk): small enough to reason about.
const inventory = [server("APP", { count: 40 })];
const physical = scenarioWith("ws2022", inventory);
// The estate's Windows licences, as the user says they own them (more than enough here).
const owned = { datacenterCores: 10_000, standardCores: 0, softwareAssurance: false };
const vsphere = scenarioWith("ws2022", inventory, {
  finance: { baseline: "vsphere" },
  licensing: { owned },
});
const vsphereOwningNothing = scenarioWith("ws2022", inventory, {
  finance: { baseline: "vsphere" },
});

const byId = (a: ReturnType<typeof analyze>, id: string) => {
  const o = a.options.find((x) => x.id === id);
  if (!o) throw new Error(`no option ${id}`);
  return o;
};

describe("baseline: staying physical (the default)", () => {
  it("is labelled so, and every option is compared with the physical estate", () => {
    const a = analyze(physical, { sensitivity: false });
    expect(a.baselineLabel).toBe("Staying physical");
    expect(a.physical.lines.map((l) => l.id)).toContain("physical.refresh");
    expect(byId(a, "vsphere").eligible).toBe(true);
  });
});

describe("baseline: staying on vSphere", () => {
  const a = analyze(vsphere, { sensitivity: false });
  const hosts = byId(a, "datacenter").capacity.hosts;

  it("is labelled 'Staying on vSphere' and the sentence says so", () => {
    expect(baselineLabel(vsphere)).toBe("Staying on vSphere");
    expect(a.recommendation).toMatch(/staying on vSphere/);
    expect(a.recommendation).toMatch(/^Moving 40 of 40 workloads/);
  });

  it("pays nothing in year 0: the estate exists (no hosts, storage, setup or migration bought)", () => {
    expect(a.physical.years[0]?.total.isZero()).toBe(true);
    for (const l of a.physical.lines) expect(l.schedule.kind).toBe("annual");
  });

  it("refreshes its hosts on a rolling cycle: hosts × price ÷ hostRefreshYears a year", () => {
    // hosts × $9,000 ÷ 2 years (ROUND_INPUTS.virtual.hostRefreshYears = 2)
    const refresh = a.physical.lines.find((l) => l.id === "baseline.hostRefreshRolling");
    expect(refresh?.amounts[1]?.toFixed(2)).toBe(new Dec(hosts).times(9000).div(2).toFixed(2));
  });

  it("pays the vSphere subscription every year and no Windows licences (all owned)", () => {
    // ws2022 default: per-core subscription $135 per core per year, at least 16 cores per CPU:
    // 2 sockets × max(16, 6 cores) = 32 cores per host.
    const sub = a.physical.lines.filter((l) => l.category === "licensing");
    const yearly = sub.reduce((s, l) => s.plus(l.amounts[1] ?? 0), new Dec(0));
    expect(yearly.toFixed(2)).toBe(new Dec(hosts).times(32).times(135).toFixed(2));
    expect(sub.every((l) => (l.amounts[0] ?? new Dec(0)).isZero())).toBe(true);
  });

  it("is not an option to move to: vSphere is marked as the baseline", () => {
    const v = byId(a, "vsphere");
    expect(v.eligible).toBe(false);
    expect(v.reasons.join(" ")).toMatch(/baseline/);
  });

  it("lets Hyper-V Datacenter reuse the Windows licences the user says they own", () => {
    // Owned Datacenter cores cover the Hyper-V hosts: the Datacenter option buys no Windows licence.
    const dc = byId(a, "datacenter");
    const bought = dc.licensing.lines.filter((l) => l.recurrence === "once" && /^ws\d/.test(l.sku));
    expect(bought.length).toBeGreaterThan(0);
    expect(bought.every((l) => l.quantity === 0 && l.cost.isZero())).toBe(true);
    expect(bought[0]?.basis).toMatch(/already owned \(licensing\.owned\)/);
    // while staying physical with nothing owned, the same option buys them
    const fresh = byId(analyze(physical, { sensitivity: false }), "datacenter");
    expect(fresh.licensing.oneTime.gt(0)).toBe(true);
  });

  it("never assumes ownership: owning nothing, staying and moving both buy the missing Windows licences", () => {
    const none = analyze(vsphereOwningNothing, { sensitivity: false });
    const dc = byId(none, "datacenter");
    // 16 licensed cores per host (2 × max(8, 6), at least 16) = 8 Datacenter 2-core packs at 6,155 ÷ 8.
    const packs = hosts * 8;
    const dcLine = dc.licensing.lines.find((l) => l.sku === "ws2022-datacenter-2core");
    expect(dcLine?.quantity).toBe(packs);
    expect(dcLine?.cost.toFixed(2)).toBe(new Dec(packs).times(6155).div(8).toFixed(2));
    // Staying on vSphere buys the cheapest Windows licences for its own hosts in year 0.
    const year0 = none.physical.years[0]?.total ?? new Dec(0);
    expect(year0.gt(0)).toBe(true);
    const stayingWindows = none.physical.lines.filter(
      (l) => l.category === "licensing" && l.schedule.kind === "once"
    );
    expect(stayingWindows.length).toBeGreaterThan(0);
  });

  it("reuses the hosts and storage: only the V2V migration is a year-0 cost", () => {
    const dc = byId(a, "datacenter");
    const year0 = dc.costs.lines.filter((l) => !(l.amounts[0] ?? new Dec(0)).isZero());
    expect(year0.map((l) => l.label)).toEqual(["Migration (V2V)"]);
    // 40 VMs × 8 h × $50 (ROUND_INPUTS.manpower)
    expect(year0[0]?.amounts[0]?.toFixed(2)).toBe("16000.00");
    const reused = dc.costs.lines.find((l) => l.id.endsWith(".reusedHostRefresh"));
    expect(reused?.quantity.toNumber()).toBe(hosts);
  });

  it("saves the subscription, less the migration, and the workbook's formulas agree", () => {
    const dc = byId(a, "datacenter");
    // Same hosts, upkeep and admin on both sides: the difference is the subscription
    // (hosts × 32 × $135 a year) against the one-time migration ($16,000).
    const subscription = new Dec(hosts).times(32).times(135).times(vsphere.finance.horizonYears);
    expect(dc.businessCase.totalSavings.toFixed(2)).toBe(subscription.minus(16000).toFixed(2));
    const plan = buildReport(vsphere, analyze(vsphere));
    expect(compareWithPlan(plan, recalcPlanWithHyperFormula(plan))).toEqual([]);
    const summary = plan.sheets.find((s) => s.name === "TCO Summary");
    expect(JSON.stringify(summary?.blocks)).toContain("Staying on vSphere");
  });
});

describe("the baseline an import suggests", () => {
  it("is staying on VMware for exports of VMs on VMware (VCF today, per-CPU vSphere before), physical for the others", () => {
    expect(suggestedBaseline("rvtools")).toBe("vcf");
    expect(suggestedBaseline("live-optics", "ws2022")).toBe("vcf");
    expect(suggestedBaseline("rvtools", "ws2019")).toBe("vsphere");
    expect(suggestedBaseline("live-optics", "ws2008r2")).toBe("vsphere");
    for (const f of [
      "azure-migrate",
      "map-inventory",
      "map-performance",
      "generic-csv",
      "mapped",
    ] as const) {
      expect(suggestedBaseline(f)).toBe("physical");
    }
  });
});
