import { describe, expect, it } from "vitest";
import { dec } from "../../src/money";
import { PLATFORM_IDS, type PlatformId } from "../../src/platform";
import { OPTION_IDS, type OptionId } from "../../src/scenario/types";
import {
  defaultTerms,
  hostLicences,
  licensedCores,
  licensesForHost,
  LICENSING_MESSAGES as M,
  type HostShape,
  type LicenceTerms,
} from "../../src/licensing";
import { s } from "./fixtures";

const TERMS_2008 = defaultTerms("ws2008r2"); // Open NL: Standard 726, Enterprise 2358, Datacenter 2405 per CPU
const TERMS_2012 = defaultTerms("ws2012r2"); // Standard 882, Datacenter 6155 per 2 CPUs
const TERMS_2022 = defaultTerms("ws2022"); // Standard 1069, Datacenter 6155 per 16 cores

const host = (sockets: number, coresPerSocket = 6): HostShape => ({ sockets, coresPerSocket });

/** sku → quantity of the Windows lines. */
function counts(
  option: OptionId,
  platform: PlatformId,
  h: HostShape,
  vms: number,
  terms: LicenceTerms,
  clustered = false
) {
  const lic = licensesForHost(option, platform, h, vms, terms, { clustered });
  return Object.fromEntries(
    lic.lines.filter((l) => l.category === "windows").map((l) => [l.sku, l.quantity])
  );
}

describe("licensesForHost — Windows Server 2008 R2", () => {
  it.each([
    // [VMs, Standard licences]: 1 physical + 1 virtual instance per licence, at least 1 for the host
    [0, 1],
    [1, 1],
    [2, 2],
    [6, 6],
    [7, 7],
  ])("a Standard host with %i Windows VMs needs %i Standard licences", (vms, n) => {
    expect(counts("standard", "ws2008r2", host(2), vms, TERMS_2008)).toEqual({
      "ws2008r2-standard": n,
    });
  });

  it("in a cluster the Standard option's hosts run Hyper-V Server: Standard licences cover guests only", () => {
    expect(counts("standard", "ws2008r2", host(2), 0, TERMS_2008, true)).toEqual({});
    expect(counts("standard", "ws2008r2", host(2), 3, TERMS_2008, true)).toEqual({
      "ws2008r2-standard": 3,
    });
    const lic = licensesForHost("standard", "ws2008r2", host(2), 3, TERMS_2008, {
      clustered: true,
    });
    expect(lic.eligible).toBe(true);
    expect(lic.hostOs).toBe("Hyper-V Server 2008 R2 (free)");
    expect(lic.notes).toContain(M.standard2008r2Clustered);
  });

  it.each([
    // [VMs, Enterprise licences] = max(1, ⌈VMs ÷ 4⌉)
    [0, 1],
    [1, 1],
    [4, 1],
    [5, 2],
    [8, 2],
    [9, 3],
  ])("an Enterprise host with %i Windows VMs needs %i Enterprise licences", (vms, n) => {
    expect(counts("enterprise", "ws2008r2", host(2), vms, TERMS_2008)).toEqual({
      "ws2008r2-enterprise": n,
    });
  });

  it.each([1, 2, 4])(
    "Datacenter needs one licence per socket (%i sockets), whatever the VM count",
    (sockets) => {
      for (const vms of [0, 1, 50, 384]) {
        expect(counts("datacenter", "ws2008r2", host(sockets), vms, TERMS_2008)).toEqual({
          "ws2008r2-datacenter": sockets,
        });
      }
    }
  );

  it("Hyper-V Server 2008 R2 is free and each Windows guest needs its own licence", () => {
    const lic = licensesForHost("hyperv-server", "ws2008r2", host(2), 30, TERMS_2008);
    expect(lic.lines).toHaveLength(1);
    expect(lic.lines[0]).toMatchObject({
      sku: "ws2008r2-guest-os",
      quantity: 30,
      basis: "30 Windows VMs × 1 guest licence each",
    });
    expect(s(lic.oneTime)).toBe("21780"); // 30 × 726
    expect(licensesForHost("hyperv-server", "ws2008r2", host(2), 0, TERMS_2008).lines).toEqual([]);
    expect(lic.notes).toContain(M.hyperVServerPerVm);
  });

  it("explains each count in its basis", () => {
    const basis = (o: OptionId, vms: number) =>
      licensesForHost(o, "ws2008r2", host(2), vms, TERMS_2008).lines[0]?.basis;
    expect(basis("datacenter", 12)).toBe("2 sockets × Datacenter per processor");
    expect(basis("enterprise", 6)).toBe("⌈6 Windows VMs ÷ 4⌉ = 2 Enterprise licences (4 VMs each)");
    expect(basis("standard", 0)).toBe(
      "1 Standard licence for the host itself (no Windows VMs; at least 1 per host)"
    );
  });

  it("refuses a 2008 R2 Standard host with more than 4 processors unless the hosts are clustered", () => {
    const lic = licensesForHost("standard", "ws2008r2", host(8), 2, TERMS_2008);
    expect(lic.eligible).toBe(false);
    expect(lic.reasons).toEqual([M.standardTooManySockets(8, 4)]);
    expect(lic.lines).toEqual([]);
    expect(
      licensesForHost("standard", "ws2008r2", host(8), 2, TERMS_2008, { clustered: true }).eligible
    ).toBe(true);
  });
});

describe("licensesForHost — Windows Server 2012 R2 (per 2 processors)", () => {
  it.each([
    // [sockets, VMs, Standard licences] = max(⌈sockets ÷ 2⌉, ⌈VMs ÷ 2⌉)
    [2, 0, 1],
    [2, 2, 1],
    [2, 3, 2],
    [2, 13, 7],
    [1, 0, 1],
    [4, 0, 2],
    [4, 4, 2], // "a four-processor server requires two 2012 R2 Standard licenses to cover four processors and four VMs" (Directions on Microsoft)
    [4, 13, 7], // 4 processors, 13 VMs → 7 Standard licences (ckb.at "Mind the gap")
    [8, 4, 4],
  ])("%i sockets with %i Windows VMs need %i Standard licences", (sockets, vms, n) => {
    expect(counts("standard", "ws2012r2", host(sockets), vms, TERMS_2012)).toEqual({
      "ws2012r2-standard": n,
    });
  });

  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2], // 4 processors, 13 VMs → 2 Datacenter licences (ckb.at)
  ])("%i sockets need %i Datacenter licences, whatever the VM count", (sockets, n) => {
    for (const vms of [0, 13, 500])
      expect(counts("datacenter", "ws2012r2", host(sockets), vms, TERMS_2012)).toEqual({
        "ws2012r2-datacenter": n,
      });
  });

  it("Hyper-V Server 2012 R2 hosts carry the cheapest of Standard or Datacenter for their guests", () => {
    expect(counts("hyperv-server", "ws2012r2", host(2), 0, TERMS_2012)).toEqual({});
    expect(counts("hyperv-server", "ws2012r2", host(2), 2, TERMS_2012)).toEqual({
      "ws2012r2-standard": 1,
    });
    // 12 VMs: 6 × 882 = 5,292 < 6,155; 13 VMs: 7 × 882 = 6,174 > 6,155
    expect(counts("hyperv-server", "ws2012r2", host(2), 12, TERMS_2012)).toEqual({
      "ws2012r2-standard": 6,
    });
    expect(counts("hyperv-server", "ws2012r2", host(2), 13, TERMS_2012)).toEqual({
      "ws2012r2-datacenter": 1,
    });
  });

  it("shows the stacking rule in the basis", () => {
    const lic = licensesForHost("standard", "ws2012r2", host(4), 13, TERMS_2012);
    expect(lic.lines[0]?.basis).toBe(
      "max(⌈4 sockets ÷ 2⌉, ⌈13 Windows VMs ÷ 2⌉) = 7 Standard licences (each 2 processors + 2 VMs)"
    );
  });
});

describe("licensesForHost — Windows Server 2016 … 2025 (per core)", () => {
  const rule = {
    kind: "perCore",
    minCoresPerProcessor: 8,
    minCoresPerServer: 16,
    coresPerPack: 2,
    coresPerPricedLicence: 16,
    vmsPerSet: 2,
  } as const;

  it.each([
    // [sockets, cores per socket, licensed cores] = max(16, sockets × max(8, cores))
    [1, 4, 16],
    [2, 6, 16],
    [2, 8, 16],
    [2, 12, 24],
    [4, 4, 32],
    [2, 32, 64],
    [1, 17, 17],
  ])("%i × %i cores → %i licensed cores", (sockets, cores, licensed) => {
    expect(licensedCores(rule, host(sockets, cores))).toBe(licensed);
  });

  it.each([
    // [VMs, Standard 2-core packs] on a 16-core host: 8 packs per set of 2 VMs, at least one set
    [0, 8],
    [1, 8],
    [2, 8],
    [3, 16],
    [10, 40],
    [11, 48],
  ])("a 16-core Standard host with %i Windows VMs needs %i 2-core packs", (vms, packs) => {
    expect(counts("standard", "ws2022", host(2, 8), vms, TERMS_2022)).toEqual({
      "ws2022-standard-2core": packs,
    });
  });

  it("rounds an odd core count up to whole 2-core packs", () => {
    // 1 × 17 cores → 17 licensed cores → 9 packs
    expect(counts("datacenter", "ws2019", host(1, 17), 5, defaultTerms("ws2019"))).toEqual({
      "ws2019-datacenter-2core": 9,
    });
  });

  it("sells 2-core packs at one eighth of the 16-core price, exactly", () => {
    const dc = licensesForHost("datacenter", "ws2022", host(2, 16), 40, TERMS_2022).lines[0];
    expect(s(dc!.unitPrice)).toBe("769.375"); // 6155 ÷ 8
    expect(dc!.quantity).toBe(16); // 32 cores
    expect(s(dc!.cost)).toBe("12310"); // 2 × 6155
    const std = licensesForHost("standard", "ws2022", host(2, 8), 1, TERMS_2022).lines[0];
    expect(s(std!.unitPrice)).toBe("133.625"); // 1069 ÷ 8
    expect(s(std!.cost)).toBe("1069");
  });

  it("has no Hyper-V Server on 2022 or 2025 and free Hyper-V Server on 2016 and 2019", () => {
    for (const platform of ["ws2022", "ws2025"] as const) {
      const lic = licensesForHost("hyperv-server", platform, host(2, 8), 4, defaultTerms(platform));
      expect(lic.eligible).toBe(false);
      expect(lic.reasons).toEqual([M.noFreeHyperVServer]);
    }
    expect(counts("hyperv-server", "ws2016", host(2, 8), 0, defaultTerms("ws2016"))).toEqual({});
    expect(counts("hyperv-server", "ws2019", host(2, 8), 4, defaultTerms("ws2019"))).toEqual({
      "ws2019-standard-2core": 16,
    });
  });

  it("refuses Enterprise after 2008 R2", () => {
    const lic = licensesForHost("enterprise", "ws2016", host(2, 8), 4, defaultTerms("ws2016"));
    expect(lic).toMatchObject({ eligible: false, reasons: [M.enterpriseDropped], lines: [] });
  });
});

describe("licensesForHost — vSphere", () => {
  const perCpu: LicenceTerms = {
    ...TERMS_2008,
    vsphereModel: "per-cpu",
    vsphereCoresPerCpuLicence: 6,
    vsphereSupportRate: dec("0.21"),
  };

  it("needs one per-CPU licence per socket while a CPU has no more cores than a licence covers", () => {
    const lic = licensesForHost("vsphere", "ws2008r2", host(2, 6), 0, perCpu);
    expect(lic.lines.map((l) => [l.sku, l.quantity, l.recurrence])).toEqual([
      ["vsphere-cpu", 2, "once"],
      ["vsphere-support", 1, "yearly"],
    ]);
    expect(s(lic.oneTime)).toBe("5750"); // 2 × 2875
    expect(s(lic.annual)).toBe("1207.5"); // 21 % × 5750
  });

  it("needs ⌈cores ÷ cores per licence⌉ licences per CPU for bigger CPUs", () => {
    // 2 sockets × ⌈12 ÷ 6⌉ = 4 licences
    const lic = licensesForHost("vsphere", "ws2008r2", host(2, 12), 0, perCpu);
    expect(lic.lines[0]).toMatchObject({
      quantity: 4,
      basis: "2 sockets × ⌈12 cores ÷ 6 cores per licence⌉ = 4 CPU licences",
    });
  });

  it("bills the subscription per core per year with a 16-core minimum per CPU", () => {
    const terms = TERMS_2022; // per-core-subscription, 16 cores minimum, $135 per core per year
    expect(licensesForHost("vsphere", "ws2022", host(2, 12), 0, terms).lines[0]).toMatchObject({
      sku: "vsphere-core-subscription",
      quantity: 32,
      recurrence: "yearly",
    });
    const big = licensesForHost("vsphere", "ws2022", host(2, 24), 0, terms);
    expect(big.lines[0]?.quantity).toBe(48);
    expect(s(big.annual)).toBe("6480"); // 48 × 135
    expect(s(big.oneTime)).toBe("0");
  });

  it("does not add a support rate to a subscription, and says so", () => {
    const lic = licensesForHost("vsphere", "ws2022", host(2, 16), 0, {
      ...TERMS_2022,
      vsphereSupportRate: dec("0.2"),
    });
    expect(lic.lines.map((l) => l.sku)).toEqual(["vsphere-core-subscription"]);
    expect(lic.notes).toContain(M.vsphereSupportIncluded(dec("0.2")));
  });

  it("licenses Windows guests the cheapest Windows way, without a Windows host", () => {
    const w = (vms: number) => counts("vsphere", "ws2008r2", host(2, 6), vms, perCpu);
    expect(w(0)).toEqual({});
    expect(w(3)).toEqual({ "ws2008r2-standard": 3 }); // 3 × 726 = 2,178 < 2,358 Enterprise (ties with per-VM; Standard has the later row)
    expect(w(4)).toEqual({ "ws2008r2-enterprise": 1 }); // 2,358 < 4 × 726
    expect(w(9)).toEqual({ "ws2008r2-datacenter": 2 }); // 4,810 < 3 × 2,358
    expect(counts("vsphere", "ws2022", host(2, 8), 12, TERMS_2022)).toEqual({
      "ws2022-datacenter-2core": 8,
    });
  });
});

describe("licensesForHost — Software Assurance and the book's Datacenter claim", () => {
  it("adds Software Assurance per year on the Windows licences only", () => {
    const terms = {
      ...defaultTerms("ws2008r2"),
      softwareAssuranceRate: dec("0.25"),
      vsphereSupportRate: dec("0"),
    };
    const lic = licensesForHost("datacenter", "ws2008r2", host(2), 10, terms);
    expect(lic.lines.map((l) => [l.sku, s(l.cost), l.recurrence])).toEqual([
      ["ws2008r2-datacenter", "4810", "once"],
      ["software-assurance", "1202.5", "yearly"], // 25 % × 4,810
    ]);
    const vsphere = licensesForHost("vsphere", "ws2008r2", host(2), 0, terms);
    expect(vsphere.lines.map((l) => l.sku)).toEqual(["vsphere-cpu"]); // no Windows licences, no SA
  });

  it("200 VMs under Datacenter cost only the Datacenter licence — per processor, as the notes say", () => {
    // The book: "Datacenter plus 200 VMs is only the cost of Datacenter, even if this is $5,000".
    const terms = {
      ...defaultTerms("ws2008r2"),
      prices: { ...defaultTerms("ws2008r2").prices, datacenter: dec("2500") },
    };
    const two = licensesForHost("datacenter", "ws2008r2", host(2), 200, terms);
    expect(s(two.oneTime)).toBe("5000"); // 2 sockets × 2,500: the book's figure holds for a 2-socket host
    expect(s(licensesForHost("datacenter", "ws2008r2", host(2), 1, terms).oneTime)).toBe("5000");
    expect(two.notes).toContain(M.datacenterPerProcessor(2, dec("2500"), dec("5000")));
    expect(two.notes.join(" ")).toMatch(/per processor.*book's "\$5,000".*processors it assumes/);
    const four = licensesForHost("datacenter", "ws2008r2", host(4), 200, terms);
    expect(s(four.oneTime)).toBe("10000"); // the same VMs on a 4-socket host
  });
});

describe("licensesForHost — programmer errors", () => {
  it("throws on impossible counts", () => {
    expect(() => licensesForHost("datacenter", "ws2022", host(0), 1, TERMS_2022)).toThrow(
      RangeError
    );
    expect(() => licensesForHost("datacenter", "ws2022", host(2), -1, TERMS_2022)).toThrow(
      RangeError
    );
    expect(() => licensesForHost("datacenter", "ws2022", host(2), 1.5, TERMS_2022)).toThrow(
      RangeError
    );
  });
});

describe("hostLicences — one option's licences at every count", () => {
  // The break-even table reuses one per option for counts 1…40: the lines it counts once
  // (vSphere's) must come out the same however many counts were asked for before.
  it.each(
    PLATFORM_IDS.flatMap((platform) => OPTION_IDS.map((option) => [platform, option] as const))
  )("%s %s: the same licences as a fresh count, in any order", (platform, option) => {
    const terms = defaultTerms(platform);
    const shape = host(2, 8);
    const reused = hostLicences(option, platform, shape, terms, { clustered: true });
    const counts = [0, 40, 1, 7, 9, 13, 40, 0, 25];
    const fresh = counts.map((n) =>
      JSON.stringify(licensesForHost(option, platform, shape, n, terms, { clustered: true }))
    );
    expect(counts.map((n) => JSON.stringify(reused(n)))).toEqual(fresh);
  });
});
