import { describe, expect, it } from "vitest";
import { dec } from "../../src/money";
import { LICENCE_PRICES } from "../../src/scenario/defaults";
import {
  breakEven,
  breakEvenVms,
  defaultTerms,
  LICENSING_MESSAGES as M,
  type LicenceTerms,
} from "../../src/licensing";
import { s, scenario } from "./fixtures";

/** Open NL 2008 R2 prices (research note §1.5): Standard 726, Enterprise 2,358, Datacenter 2,405 per processor. */
const OPEN_NL_2008: LicenceTerms = defaultTerms("ws2008r2");
const TWO_SOCKETS = { sockets: 2, coresPerSocket: 6 };

describe("published break-even points", () => {
  it("2008 R2, 2-socket host: Datacenter beats stacked Standard from 7 VMs", () => {
    // Datacenter: 2 × 2,405 = 4,810. Standard: 6 × 726 = 4,356 < 4,810; 7 × 726 = 5,082 > 4,810.
    expect(breakEvenVms("standard", "datacenter", TWO_SOCKETS, OPEN_NL_2008, "ws2008r2")).toBe(7);
  });

  it("2008 R2, 2-socket host: Datacenter beats stacked Enterprise from 9 VMs", () => {
    // Enterprise: ⌈8 ÷ 4⌉ × 2,358 = 4,716 < 4,810; ⌈9 ÷ 4⌉ × 2,358 = 7,074 > 4,810.
    expect(breakEvenVms("enterprise", "datacenter", TWO_SOCKETS, OPEN_NL_2008, "ws2008r2")).toBe(9);
  });

  it("2012 R2, 2-CPU host: Datacenter ($6,155) beats Standard ($882 per 2 VMs) from 13 VMs", () => {
    // Standard: ⌈12 ÷ 2⌉ × 882 = 5,292 < 6,155; ⌈13 ÷ 2⌉ × 882 = 6,174 > 6,155.
    expect(
      breakEvenVms("standard", "datacenter", TWO_SOCKETS, defaultTerms("ws2012r2"), "ws2012r2")
    ).toBe(13);
  });

  it("2022, 16-core host: Datacenter ($6,155 per 16 cores) beats Standard ($1,069) from 11 VMs", () => {
    // Standard: ⌈10 ÷ 2⌉ × 1,069 = 5,345 < 6,155; ⌈11 ÷ 2⌉ × 1,069 = 6,414 > 6,155.
    const terms = defaultTerms("ws2022");
    expect(
      breakEvenVms("standard", "datacenter", { sockets: 1, coresPerSocket: 16 }, terms, "ws2022")
    ).toBe(11);
    expect(
      breakEvenVms("standard", "datacenter", { sockets: 2, coresPerSocket: 8 }, terms, "ws2022")
    ).toBe(11);
  });

  it("uses the default prices the scenario documents", () => {
    expect(s(defaultTerms("ws2008r2").prices.standard)).toBe(LICENCE_PRICES.ws2008r2.standard);
    expect(s(defaultTerms("ws2022").prices.datacenter)).toBe(LICENCE_PRICES.ws2022.datacenter);
  });
});

describe("breakEvenVms", () => {
  it("is null when B never becomes cheaper, or when either option does not exist", () => {
    // Per-VM guest licences at the Standard price cost exactly what stacked Standard costs: never strictly cheaper.
    expect(
      breakEvenVms("hyperv-server", "standard", TWO_SOCKETS, OPEN_NL_2008, "ws2008r2")
    ).toBeNull();
    expect(
      breakEvenVms("standard", "enterprise", TWO_SOCKETS, defaultTerms("ws2022"), "ws2022")
    ).toBeNull();
    expect(
      breakEvenVms("hyperv-server", "datacenter", TWO_SOCKETS, defaultTerms("ws2025"), "ws2025")
    ).toBeNull();
  });

  it("finds the first count where B is strictly cheaper", () => {
    // Standard 726 per VM vs Enterprise 2,358 per 4: 3 VMs 2,178 < 2,358; 4 VMs 2,904 > 2,358.
    expect(breakEvenVms("standard", "enterprise", TWO_SOCKETS, OPEN_NL_2008, "ws2008r2")).toBe(4);
  });

  it("respects maxVms", () => {
    expect(
      breakEvenVms("standard", "datacenter", TWO_SOCKETS, OPEN_NL_2008, "ws2008r2", { maxVms: 6 })
    ).toBeNull();
  });

  it("adds yearly costs over the horizon (vSphere support)", () => {
    // vSphere per CPU: 2 × 2,875 = 5,750 once + 21 % a year; its Windows guests are licensed as cheaply as possible,
    // so against Hyper-V Datacenter it never wins on a 2-socket host.
    expect(
      breakEvenVms("datacenter", "vsphere", TWO_SOCKETS, OPEN_NL_2008, "ws2008r2", {
        maxVms: 50,
        horizonYears: 1,
      })
    ).toBeNull();
    // With a free vSphere and 2 VMs, vSphere + 2 Standard guest licences (1,452) beats 2 Datacenter processors (4,810).
    const freeVsphere = { ...OPEN_NL_2008, prices: { ...OPEN_NL_2008.prices, vsphere: dec(0) } };
    expect(breakEvenVms("datacenter", "vsphere", TWO_SOCKETS, freeVsphere, "ws2008r2")).toBe(1);
  });
});

describe("breakEven table", () => {
  it("lists the cost of every eligible option per VM count and where the cheapest changes", () => {
    const table = breakEven({ platform: "ws2008r2", ...TWO_SOCKETS, terms: OPEN_NL_2008 }, 12);
    expect(table.vms).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(table.series.map((x) => x.option)).toEqual([
      "hyperv-server",
      "standard",
      "enterprise",
      "datacenter",
      "vsphere",
    ]);
    const dc = table.series.find((x) => x.option === "datacenter")!;
    expect(new Set(dc.costs.map(s))).toEqual(new Set(["4810"]));
    expect(table.changes).toEqual([
      { vms: 1, from: null, to: "hyperv-server" }, // 726 per VM (ties Standard; the first listed wins)
      { vms: 4, from: "hyperv-server", to: "enterprise" }, // 2,358 < 4 × 726
      { vms: 5, from: "enterprise", to: "hyperv-server" }, // 5 × 726 = 3,630 < 2 × 2,358
      { vms: 7, from: "hyperv-server", to: "enterprise" }, // 4,716 < 5,082
      { vms: 9, from: "enterprise", to: "datacenter" }, // 4,810 < 7,074
    ]);
    expect(table.cheapest[11]).toBe("datacenter");
  });

  it("defaults to the platform's running-VM limit and leaves out options that do not exist, with reasons", () => {
    const table = breakEven({
      platform: "ws2022",
      sockets: 2,
      coresPerSocket: 16,
      terms: defaultTerms("ws2022"),
    });
    expect(table.vms).toHaveLength(1024);
    expect(table.excluded).toEqual([
      { option: "hyperv-server", reasons: [M.noFreeHyperVServer] },
      { option: "enterprise", reasons: [M.enterpriseDropped] },
      { option: "windows-payg", reasons: [M.paygNeeds2025] },
    ]);
    expect(table.horizonYears).toBe(5);
    // 32 cores: Standard 2 × 1,069 = 2,138 per 2 VMs, Datacenter 2 × 6,155 = 12,310:
    // 10 VMs: 5 × 2,138 = 10,690 < 12,310; 11 VMs: 6 × 2,138 = 12,828 > 12,310.
    const toDc = table.changes.find((c) => c.to === "datacenter");
    expect(toDc?.vms).toBe(11);
  });

  it("reads host, prices, horizon and options from a scenario", () => {
    const sc = scenario("ws2012r2", {
      licensing: { options: ["standard", "datacenter"] },
      finance: { horizonYears: 3 },
    });
    const table = breakEven(sc, 20);
    expect(table.series.map((x) => x.option)).toEqual(["standard", "datacenter"]);
    expect(table.horizonYears).toBe(3);
    expect(table.clustered).toBe(true);
    expect(table.changes).toEqual([
      { vms: 1, from: null, to: "standard" },
      { vms: 13, from: "standard", to: "datacenter" },
    ]);
  });
});

describe("breakEven without prices", () => {
  it("uses the platform's default prices", () => {
    const table = breakEven(
      { platform: "ws2012r2", sockets: 2, coresPerSocket: 8, options: ["standard", "datacenter"] },
      16
    );
    expect(table.changes.map((c) => [c.vms, c.to])).toEqual([
      [1, "standard"],
      [13, "datacenter"],
    ]);
  });
});
