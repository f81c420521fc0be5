import { describe, expect, it } from "vitest";
import { dec } from "../../src/money";
import { PLATFORM_IDS } from "../../src/platform";
import { OPTION_IDS } from "../../src/scenario/types";
import {
  hostConstraintsFor,
  licenseOption,
  licenseOptions,
  licensingJson,
  LICENSING_MESSAGES as M,
} from "../../src/licensing";
import { plan, s, scenario } from "./fixtures";

const STANDALONE = { cluster: { failuresToTolerate: 0 } };

describe("the book's examples", () => {
  it("Hyper-V Server 2008 R2 plus 30 VMs at $200 each is $6,000", () => {
    const sc = scenario("ws2008r2", {
      ...STANDALONE,
      licensing: { prices: { guestOsPerVm: "200" } },
    });
    const lic = licenseOption("hyperv-server", sc, plan([{ windowsVms: 30 }]));
    expect(lic.lines.map((l) => [l.sku, l.quantity, s(l.unitPrice), s(l.cost)])).toEqual([
      ["ws2008r2-guest-os", 30, "200", "6000"],
    ]);
    expect(s(lic.total)).toBe("6000");
    expect(lic.hostOs).toBe("Hyper-V Server 2008 R2 (free)");
  });

  it("Datacenter plus 200 VMs is only the cost of Datacenter — per processor, on every host", () => {
    const sc = scenario("ws2008r2", {
      ...STANDALONE,
      licensing: { prices: { datacenter: "2500" } },
    });
    const lic = licenseOption("datacenter", sc, plan([{ windowsVms: 200 }]));
    expect(s(lic.total)).toBe("5000"); // 2 sockets × 2,500: the book's $5,000 holds for its 2-processor host
    expect(lic.notes).toContain(M.datacenterPerProcessor(2, dec("2500"), dec("5000")));
  });
});

describe("cluster-aware licensing", () => {
  // blog.baeke.info 2008-03-13: 2 hosts, 8 VMs, with VMotion/HA each host may run all 8 → 4 Enterprise licences, not 2.
  const twoHosts = plan([
    { windowsVms: 4, afterFailover: 8 },
    { windowsVms: 4, afterFailover: 8 },
  ]);

  it("licenses each node for the most Windows VMs it may run after a failover: 4 Enterprise, not 2", () => {
    const lic = licenseOption("enterprise", scenario("ws2008r2"), twoHosts);
    expect(lic.lines.map((l) => [l.sku, l.quantity])).toEqual([["ws2008r2-enterprise", 4]]); // 2 hosts × ⌈8 ÷ 4⌉
    expect(s(lic.total)).toBe("9432"); // 4 × 2,358
    expect(lic.ifNotClusterAware.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ["ws2008r2-enterprise", 2],
    ]);
    expect(s(lic.totalIfNotClusterAware)).toBe("4716");
    expect(lic.hosts.map((h) => [h.windowsVms, h.windowsVmsLicensed])).toEqual([
      [4, 8],
      [4, 8],
    ]);
    expect(lic.notes).toContain(M.clusterAware(dec("4716")));
  });

  it("licenses steady-state counts when cluster-aware licensing is off, and says what that risks", () => {
    const sc = scenario("ws2008r2", { licensing: { clusterAware: false } });
    const lic = licenseOption("enterprise", sc, twoHosts);
    expect(s(lic.total)).toBe("4716");
    expect(s(lic.totalIfNotClusterAware)).toBe("4716");
    expect(lic.notes).toContain(M.notClusterAware(dec("4716")));
  });

  it("costs nothing extra under Datacenter", () => {
    const lic = licenseOption("datacenter", scenario("ws2008r2"), twoHosts);
    expect(s(lic.total)).toBe(s(lic.totalIfNotClusterAware));
    expect(lic.notes).toContain(M.clusterAwareNoExtra);
  });

  it("aggregates lines per SKU across hosts and explains the sum", () => {
    const lic = licenseOption(
      "datacenter",
      scenario("ws2008r2"),
      plan([{ windowsVms: 3 }, { windowsVms: 9 }, { windowsVms: 0 }])
    );
    expect(lic.lines).toHaveLength(1);
    expect(lic.lines[0]).toMatchObject({
      sku: "ws2008r2-datacenter",
      quantity: 6,
      basis: "3 hosts × (2 sockets × Datacenter per processor)",
    });
    const std = licenseOption(
      "standard",
      scenario("ws2012r2"),
      plan([{ windowsVms: 3 }, { windowsVms: 9 }])
    );
    expect(std.lines[0]?.quantity).toBe(7); // 2 + 5
    expect(std.lines[0]?.basis).toMatch(/^1 host × \(max\(.*; 1 host × \(max\(/);
  });
});

describe("eligibility with reasons", () => {
  it("keeps 2008 R2 Standard eligible in a cluster: hosts run Hyper-V Server, Standard licences cover the guests", () => {
    const lic = licenseOption(
      "standard",
      scenario("ws2008r2"),
      plan([{ windowsVms: 0, afterFailover: 2 }, { windowsVms: 2 }])
    );
    expect(lic.eligible).toBe(true);
    expect(lic.clustered).toBe(true);
    expect(lic.hostOs).toBe("Hyper-V Server 2008 R2 (free)");
    expect(lic.notes).toContain(M.standard2008r2Clustered);
    expect(s(lic.totalIfNotClusterAware)).toBe("1452"); // 0 + 2 licences: a Hyper-V Server host without Windows guests needs none
  });

  it("runs 2008 R2 Standard on standalone hosts: every host needs at least one licence", () => {
    const lic = licenseOption(
      "standard",
      scenario("ws2008r2", STANDALONE),
      plan([{ windowsVms: 0 }, { windowsVms: 2 }])
    );
    expect(lic.hostOs).toBe("Windows Server 2008 R2 Standard");
    expect(lic.notes).toContain(M.standard2008r2Standalone);
    expect(lic.lines[0]?.quantity).toBe(3); // 1 + 2
  });

  it("refuses options a platform does not have, with zero totals and no lines", () => {
    for (const [platform, option, reason] of [
      ["ws2012r2", "enterprise", M.enterpriseDropped],
      ["ws2025", "enterprise", M.enterpriseDropped],
      ["ws2022", "hyperv-server", M.noFreeHyperVServer],
      ["ws2025", "hyperv-server", M.noFreeHyperVServer],
    ] as const) {
      const lic = licenseOption(option, scenario(platform), plan([{ windowsVms: 4 }]));
      expect(lic).toMatchObject({ eligible: false, reasons: [reason], lines: [], hosts: [] });
      expect(s(lic.total)).toBe("0");
    }
  });

  it("every option exists on every platform except these rules", () => {
    for (const platform of PLATFORM_IDS) {
      for (const option of OPTION_IDS) {
        const eligible = licenseOption(
          option,
          scenario(platform),
          plan([{ windowsVms: 1 }])
        ).eligible;
        const today = platform === "ws2022" || platform === "ws2025";
        const dropped =
          (option === "enterprise" && platform !== "ws2008r2") ||
          (option === "hyperv-server" && today) ||
          // Broadcom's subscriptions and Azure Local are today's (2024 on); pay-as-you-go licenses 2025 only.
          ((option === "vcf" || option === "vvf" || option === "azure-local") && !today) ||
          (option === "windows-payg" && platform !== "ws2025");
        expect(eligible, `${option} on ${platform}`).toBe(!dropped);
      }
    }
  });
});

describe("hostConstraintsFor", () => {
  it("limits standalone 2008 R2 Standard hosts to 32 GB, 192 VMs and no clustering", () => {
    const c = hostConstraintsFor("standard", scenario("ws2008r2", STANDALONE));
    expect(c).toMatchObject({
      maxHostMemoryGiB: 32,
      maxRunningVmsPerHost: 192,
      clusteringAllowed: false,
    });
    expect(c.reason).toMatch(
      /^Hosts run Windows Server 2008 R2 Standard: at most 32 GB .*techgenix\.com/
    );
  });

  it("adds no Standard limits when clustering is wanted: the hosts run Hyper-V Server 2008 R2", () => {
    expect(hostConstraintsFor("standard", scenario("ws2008r2"))).toEqual({
      reason: M.standard2008r2Clustered,
    });
  });

  it("adds nothing for every other option and platform", () => {
    for (const platform of PLATFORM_IDS) {
      for (const option of OPTION_IDS) {
        if (platform === "ws2008r2" && option === "standard") continue;
        expect(hostConstraintsFor(option, scenario(platform, STANDALONE))).toEqual({});
      }
    }
  });
});

describe("optional lines and money", () => {
  const sc = scenario("ws2008r2", {
    finance: { horizonYears: 4 },
    licensing: {
      calUsers: 100,
      systemCenter: true,
      softwareAssuranceRate: "0.25",
      vsphereSupportRate: "0.2",
    },
  });
  const estate = plan([
    { windowsVms: 5, vms: 9 },
    { windowsVms: 2, vms: 2 },
  ]);

  it("adds CALs (once, equal on every option), System Center per host and per 4 VMs, and yearly Software Assurance", () => {
    const lic = licenseOption("enterprise", sc, estate);
    expect(lic.lines.map((l) => [l.sku, l.quantity, s(l.cost), l.recurrence])).toEqual([
      ["ws2008r2-enterprise", 3, "7074", "once"], // ⌈5 ÷ 4⌉ + ⌈2 ÷ 4⌉
      ["software-assurance", 1, "1768.5", "yearly"], // 25 % × 7,074 (different per host, so one line)
      ["system-center-smse", 4, "3132", "once"], // max(1, ⌈9 ÷ 4⌉) + max(1, ⌈2 ÷ 4⌉) = 3 + 1, × 783
      ["ws-cal-user", 100, "3800", "once"], // 100 × 38
    ]);
    expect(s(lic.oneTime)).toBe("14006"); // 7,074 + 3,132 + 3,800
    expect(s(lic.annual)).toBe("1768.5");
    expect(s(lic.total)).toBe("21080"); // 14,006 + 4 × 1,768.5
    expect(lic.notes).toEqual(expect.arrayContaining([M.calsEqual, M.systemCenterRule]));
    const cals = (o: "datacenter" | "vsphere") =>
      licenseOption(o, sc, estate).lines.find((l) => l.sku === "ws-cal-user");
    expect(s(cals("datacenter")!.cost)).toBe("3800");
    expect(s(cals("vsphere")!.cost)).toBe("3800");
  });

  it("keeps vSphere licences one-time and their support yearly", () => {
    const lic = licenseOption("vsphere", sc, estate);
    const bySku = Object.fromEntries(
      lic.lines.map((l) => [l.sku, [l.quantity, s(l.cost), l.recurrence]])
    );
    expect(bySku["vsphere-cpu"]).toEqual([4, "11500", "once"]); // 2 hosts × 2 CPUs × 2,875
    expect(bySku["vsphere-support"]).toEqual([2, "2300", "yearly"]); // 20 % × 5,750 per host
    // Windows guests, cheapest way per host: 5 VMs → 5 Standard (3,630 < 2 Enterprise 4,716 < Datacenter 4,810); 2 VMs → 2 Standard.
    expect(bySku["ws2008r2-standard"]).toEqual([7, "5082", "once"]);
    expect(bySku["software-assurance"]).toEqual([1, "1270.5", "yearly"]); // 25 % × 5,082: Windows licences only, not vSphere
  });

  it("licenses every listed option on its own plan", () => {
    const seen: string[] = [];
    const every = scenario("ws2022", { licensing: { options: [...OPTION_IDS] } });
    const results = licenseOptions(every, (option) => {
      seen.push(option);
      return plan([{ windowsVms: 3 }]);
    });
    expect(seen).toEqual([...OPTION_IDS]);
    expect(results.map((r) => [r.option, r.eligible])).toEqual([
      ["hyperv-server", false],
      ["standard", true],
      ["enterprise", false],
      ["datacenter", true],
      ["vsphere", true],
      ["vcf", true],
      ["vvf", true],
      ["windows-payg", false],
      ["azure-local", true],
    ]);
  });

  it("writes the --json licensing contract with money as two-decimal strings", () => {
    const json = licensingJson(
      licenseOption("datacenter", scenario("ws2022"), plan([{ windowsVms: 3 }]))
    );
    expect(json.total).toBe("12310.00");
    expect(json.totalIfNotClusterAware).toBe("12310.00");
    expect(json.lines[0]).toMatchObject({
      sku: "ws2022-datacenter-2core",
      quantity: 16,
      unitPrice: "769.38",
      cost: "12310.00",
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
