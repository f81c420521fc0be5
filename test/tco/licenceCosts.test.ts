/**
 * Licence lines as the TCO model books them: each priced by a named input × a fixed factor
 * (× a named rate), bought once or paid yearly — worked by hand on hand-built plans of two
 * 2-socket hosts. Prices are the scenario's inputs (ws2008r2 defaults unless stated: Datacenter
 * 2405 per processor, guest OS 726 per VM, vSphere 2875 per CPU with 21 % support a year).
 */
import { describe, expect, it } from "vitest";
import { licenseOption, windowsLinePrice, type LinePrice } from "../../src/licensing";
import {
  CAL_RULE,
  CATALOGS,
  SOFTWARE_ASSURANCE_RULE,
  SYSTEM_CENTER_RULE,
  VSPHERE_RULES,
} from "../../src/licensing/catalogs";
import type { OptionId } from "../../src/scenario";
import { optionLicensing, optionLines, schedule } from "../../src/tco";
import { handPlan, s, scenarioWith, server, type HandHost } from "./fixtures";

const windows = (n: number) => Array.from({ length: n }, () => ({ os: "windows" as const }));
const linux = (n: number) => Array.from({ length: n }, () => ({ os: "linux" as const }));

function priced(
  option: OptionId,
  hosts: readonly HandHost[],
  sections: Record<string, Record<string, unknown>> = {}
) {
  const scenario = scenarioWith("ws2008r2", [server("A")], sections);
  const plan = handPlan(hosts);
  const module = licenseOption(option, scenario, plan);
  const tco = optionLicensing(module, scenario);
  return {
    scenario,
    plan,
    module,
    tco,
    summary: tco.lines.map(
      (l) => `${l.sku} ${l.quantity} × ${s(l.unitPrice)} = ${s(l.cost)} ${l.recurrence}`
    ),
  };
}

/** Every catalog row's price by SKU: Windows rules through `windowsLinePrice`, the others as written. */
const PRICE_BY_SKU = new Map<string, LinePrice>([
  ...Object.values(CATALOGS).flatMap((c) =>
    c.windows.map((rule) => [rule.sku, windowsLinePrice(rule)] as const)
  ),
  ...VSPHERE_RULES.map((rule) => [rule.sku, rule.price] as const),
  ...[CAL_RULE, SYSTEM_CENTER_RULE, SOFTWARE_ASSURANCE_RULE].map(
    (rule) => [rule.sku, rule.price] as const
  ),
]);

describe("the catalog row prices each licence line: an input × a factor, or a rate on other lines", () => {
  it.each([
    ["ws2008r2-guest-os", "licensing.prices.guestOsPerVm", "1"],
    ["ws2008r2-standard", "licensing.prices.standard", "1"],
    ["ws2008r2-enterprise", "licensing.prices.enterprise", "1"],
    ["ws2008r2-datacenter", "licensing.prices.datacenter", "1"],
    ["ws2012r2-datacenter", "licensing.prices.datacenter", "1"], // per 2 processors, as quoted
    ["ws2022-standard-2core", "licensing.prices.standard", "0.125"], // a 2-core pack is 2/16 of the 16-core price
    ["ws2022-datacenter-2core", "licensing.prices.datacenter", "0.125"],
    ["vsphere-cpu", "licensing.prices.vsphere", "1"],
    ["vsphere-core-subscription", "licensing.prices.vsphere", "1"],
    ["ws-cal-user", "licensing.prices.cal", "1"],
    ["system-center-smse", "licensing.prices.systemCenter", "1"],
  ])("%s → %s × %s", (sku, input, factor) => {
    const price = PRICE_BY_SKU.get(sku);
    expect(price?.kind === "input" ? [price.input, s(price.factor)] : price).toEqual([
      input,
      factor,
    ]);
  });

  it.each([
    ["vsphere-support", "licensing.vsphereSupportRate", "hypervisor", false], // one line over the CPU licences
    ["software-assurance", "licensing.softwareAssuranceRate", "windows", true], // one line per Windows licence
  ])("%s → %s a year on the %s lines (per line: %s)", (sku, rate, of, perLine) => {
    expect(PRICE_BY_SKU.get(sku)).toEqual({ kind: "rateOn", rate, of, perLine });
  });

  it("names a price for every Windows rule of every platform", () => {
    const skus = Object.values(CATALOGS).flatMap((c) => c.windows.map((r) => r.sku));
    expect(skus.length).toBeGreaterThan(10);
    for (const sku of skus) expect(PRICE_BY_SKU.get(sku)?.kind).toBe("input");
  });
});

describe("licence lines worked by hand", () => {
  it("Datacenter 2008 R2: 2 hosts × 2 sockets = 4 licences × 2405 = 9620, bought once", () => {
    const { tco, summary } = priced("datacenter", [{ vms: windows(3) }, { vms: windows(3) }]);
    expect(summary).toEqual(["ws2008r2-datacenter 4 × 2405 = 9620 once"]);
    expect([s(tco.oneTime), s(tco.annual), s(tco.total)]).toEqual(["9620", "0", "9620"]);
  });

  it("Software Assurance at 25 % is split onto the Windows line it covers: 4 × 2405 × 25 % = 2405 a year", () => {
    const { tco, module, summary } = priced(
      "datacenter",
      [{ vms: windows(3) }, { vms: windows(3) }],
      { licensing: { softwareAssuranceRate: "0.25" } }
    );
    expect(summary).toEqual([
      "ws2008r2-datacenter 4 × 2405 = 9620 once",
      "ws2008r2-datacenter-sa 4 × 601.25 = 2405 yearly",
    ]);
    expect(tco.lines[1]?.rateInput).toBe("licensing.softwareAssuranceRate");
    // 9620 + 5 years × 2405 = 21,645 — the licensing module's own total
    expect(s(tco.total)).toBe("21645");
    expect(s(module.total)).toBe("21645");
  });

  it("vSphere 4 per CPU: 2 hosts × 2 CPUs (6 cores ≤ 6 per licence) = 4 × 2875 = 11,500 once, support 4 × 2875 × 21 % = 2415 a year", () => {
    // Regression: support used to be booked per host (2 × 603.75 = 1207.50 a year), half the
    // licensing module's amount, because the module's per-host support line was re-priced as
    // 1 × price × rate instead of 2 CPU licences × price × rate.
    const { tco, module, summary } = priced("vsphere", [{ vms: linux(4) }, { vms: linux(4) }]);
    expect(summary).toEqual([
      "vsphere-cpu 4 × 2875 = 11500 once",
      "vsphere-support 4 × 603.75 = 2415 yearly",
    ]);
    // 11,500 + 5 × 2415 = 23,575
    expect(s(tco.total)).toBe("23575");
    expect(s(module.total)).toBe("23575");
  });

  it("free Hyper-V Server, cluster-aware: each host licensed for the Windows VMs it may run after a failover", () => {
    // 2 hosts, each 3 Windows + 1 Linux VMs, each may run 6 Windows VMs after the other fails:
    // cluster-aware 2 × 6 × 726 = 8712; licensed for steady state 2 × 3 × 726 = 4356
    const { tco } = priced("hyperv-server", [
      { vms: [...windows(3), ...linux(1)], windowsAfterFailover: 6 },
      { vms: [...windows(3), ...linux(1)], windowsAfterFailover: 6 },
    ]);
    expect(tco.lines.map((l) => `${l.sku} ${l.quantity}`)).toEqual(["ws2008r2-guest-os 12"]);
    expect([s(tco.total), s(tco.totalIfNotClusterAware)]).toEqual(["8712", "4356"]);
  });

  it("Windows Server 2022 Datacenter: 2 hosts × 32 cores = 32 two-core packs × 6155 ÷ 8 = 24,620", () => {
    const scenario = scenarioWith("ws2022", [server("A")], { host: { coresPerSocket: 16 } });
    const plan = handPlan([{ vms: windows(8) }, { vms: windows(8) }]);
    const tco = optionLicensing(licenseOption("datacenter", scenario, plan), scenario);
    expect(
      tco.lines.map((l) => `${l.sku} ${l.quantity} × ${s(l.unitPrice)} = ${s(l.cost)}`)
    ).toEqual(["ws2022-datacenter-2core 32 × 769.375 = 24620"]);
  });

  it("the vSphere subscription is paid every year: 2 hosts × 2 CPUs × 16 cores = 64 cores × 135 = 8640 a year", () => {
    const scenario = scenarioWith("ws2022", [server("A")], { host: { coresPerSocket: 16 } });
    const plan = handPlan([{ vms: linux(2) }, { vms: linux(2) }]);
    const tco = optionLicensing(licenseOption("vsphere", scenario, plan), scenario);
    expect(
      tco.lines.map(
        (l) => `${l.sku} ${l.quantity} × ${s(l.unitPrice)} = ${s(l.cost)} ${l.recurrence}`
      )
    ).toEqual(["vsphere-core-subscription 64 × 135 = 8640 yearly"]);
    expect(s(tco.total)).toBe("43200"); // 8640 × 5
  });
});

describe("licence lines in the cost schedule: once in year 0, yearly in years 1…N", () => {
  it("books the SA example as 9620 in year 0 and 2405 in each of years 1…5", () => {
    const { scenario, plan, tco } = priced(
      "datacenter",
      [{ vms: windows(3) }, { vms: windows(3) }],
      { licensing: { softwareAssuranceRate: "0.25" } }
    );
    const lines = optionLines(scenario, "datacenter", plan, tco).filter(
      (l) => l.category === "licensing"
    );
    expect(lines.map((l) => [l.id, l.amounts.map(s)])).toEqual([
      ["datacenter.licence1", ["9620", "0", "0", "0", "0", "0"]],
      ["datacenter.licence2", ["0", "2405", "2405", "2405", "2405", "2405"]],
    ]);
    // and the schedule's licensing category over the horizon is the licensing total
    expect(s(schedule(lines, 5).byCategory.licensing)).toBe(s(tco.total));
  });

  it("prices a licence cost line by its inputs, so a live formula gives the same cents", () => {
    const { scenario, plan, tco } = priced("vsphere", [{ vms: linux(4) }, { vms: linux(4) }]);
    const support = optionLines(scenario, "vsphere", plan, tco).find((l) =>
      l.label.includes("support")
    );
    expect(support?.factors).toEqual([
      { path: "licensing.prices.vsphere", exponent: 1 },
      { path: "licensing.vsphereSupportRate", exponent: 1 },
    ]);
    expect(s(support!.quantity)).toBe("4");
  });
});
