import { describe, expect, it } from "vitest";
import { PLATFORM_IDS } from "../../src/platform";
import { OPTION_IDS } from "../../src/scenario/types";
import {
  CAL_RULE,
  CATALOGS,
  LICENSING_MESSAGES as M,
  optionRow,
  SOFTWARE_ASSURANCE_RULE,
  SYSTEM_CENTER_RULE,
  VSPHERE_RULES,
  windowsRules,
} from "../../src/licensing";

describe("licensing catalogs: rules are data with citations", () => {
  it.each(PLATFORM_IDS)("%s has one row per option and every row cites its source", (platform) => {
    const catalog = CATALOGS[platform];
    expect(catalog.options.map((r) => r.option).sort()).toEqual([...OPTION_IDS].sort());
    for (const row of [...catalog.options, ...catalog.windows]) {
      expect(row.platform).toBe(platform);
      expect(row.source.length).toBeGreaterThan(20);
    }
    const skus = catalog.windows.map((r) => r.sku);
    expect(new Set(skus).size).toBe(skus.length);
  });

  it("vSphere and the optional lines cite their sources", () => {
    for (const row of [...VSPHERE_RULES, CAL_RULE, SYSTEM_CENTER_RULE, SOFTWARE_ASSURANCE_RULE]) {
      expect(row.source.length).toBeGreaterThan(20);
    }
  });

  it("Enterprise exists only on 2008 R2, with the reason elsewhere", () => {
    for (const platform of PLATFORM_IDS) {
      const row = optionRow(platform, "enterprise");
      expect(row.unavailable).toBe(platform === "ws2008r2" ? null : M.enterpriseDropped);
    }
    expect(M.enterpriseDropped).toBe(
      "Enterprise was dropped in Windows Server 2012; choose Standard or Datacenter."
    );
  });

  it("the free Hyper-V Server exists up to 2019 and not on 2022 or 2025", () => {
    const available = PLATFORM_IDS.filter(
      (p) => optionRow(p, "hyperv-server").unavailable === null
    );
    expect(available).toEqual(["ws2008r2", "ws2012r2", "ws2016", "ws2019"]);
    expect(optionRow("ws2022", "hyperv-server").unavailable).toBe(M.noFreeHyperVServer);
    expect(M.noFreeHyperVServer).toMatch(/^Hyper-V Server 2019 was the last free edition/);
  });

  it("2008 R2 offers per-VM guest licences, stacked Standard and Enterprise, and Datacenter per processor", () => {
    expect(windowsRules("ws2008r2").map((r) => [r.way, r.count.kind])).toEqual([
      ["guest-per-vm", "perVm"],
      ["standard", "perServerStack"],
      ["enterprise", "perServerStack"],
      ["datacenter", "perProcessor"],
    ]);
  });

  it("2012 R2 licenses per 2 processors; 2016 onward per core with 8-per-CPU and 16-per-server minimums", () => {
    expect(windowsRules("ws2012r2").map((r) => r.count)).toEqual([
      { kind: "perProcessorPair", processorsPerLicence: 2, vmsPerLicence: 2 },
      { kind: "perProcessorPair", processorsPerLicence: 2, vmsPerLicence: null },
    ]);
    for (const platform of ["ws2016", "ws2019", "ws2022", "ws2025"] as const) {
      expect(windowsRules(platform).map((r) => r.count)).toEqual([
        {
          kind: "perCore",
          minCoresPerProcessor: 8,
          minCoresPerServer: 16,
          coresPerPack: 2,
          coresPerPricedLicence: 16,
          vmsPerSet: 2,
        },
        {
          kind: "perCore",
          minCoresPerProcessor: 8,
          minCoresPerServer: 16,
          coresPerPack: 2,
          coresPerPricedLicence: 16,
          vmsPerSet: null,
        },
      ]);
    }
  });

  it("only 2008 R2 Standard adds host limits (32 GB, 192 VMs, 4 sockets, no clustering)", () => {
    for (const platform of PLATFORM_IDS) {
      for (const option of OPTION_IDS) {
        const row = optionRow(platform, option);
        if (platform === "ws2008r2" && option === "standard") {
          expect(row.hostLimits).toMatchObject({
            maxHostMemoryGiB: 32,
            maxRunningVmsPerHost: 192,
            maxSockets: 4,
          });
          expect(row.clusterNode).toBe(false);
        } else {
          expect(row.hostLimits).toBeNull();
        }
      }
    }
  });
});
