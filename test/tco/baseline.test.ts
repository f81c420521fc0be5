/**
 * The baseline the options are compared against: staying physical (default), or — for an
 * estate leaving VMware (finance.baseline = "vsphere") — staying on vSphere: its hosts already
 * owned and refreshed on a rolling cycle, its vSphere subscription or support paid yearly, its
 * Windows licences owned; the Hyper-V options then reuse that hardware and those licences.
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
const vsphere = scenarioWith("ws2022", inventory, { finance: { baseline: "vsphere" } });

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

  it("pays the vSphere subscription every year and no Windows licences (owned)", () => {
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

  it("lets Hyper-V Datacenter reuse the Windows licences the vSphere estate owns", () => {
    // The vSphere estate licenses its Windows guests the cheapest way, Datacenter on the same
    // hosts: the Hyper-V Datacenter option buys no Windows licence.
    const dc = byId(a, "datacenter");
    const bought = dc.licensing.lines.filter((l) => l.recurrence === "once" && /^ws\d/.test(l.sku));
    expect(bought.length).toBeGreaterThan(0);
    expect(bought.every((l) => l.quantity === 0 && l.cost.isZero())).toBe(true);
    expect(bought[0]?.basis).toMatch(/already owned for the VMware estate/);
    // while staying physical, the same option buys them
    const fresh = byId(analyze(physical, { sensitivity: false }), "datacenter");
    expect(fresh.licensing.oneTime.gt(0)).toBe(true);
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
  it("is vSphere for exports of VMs on VMware, physical for the others", () => {
    expect(suggestedBaseline("rvtools")).toBe("vsphere");
    expect(suggestedBaseline("live-optics")).toBe("vsphere");
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
