/**
 * `analyze` end to end on the book's example (assets/examples/book-example.json): 30 Windows
 * servers (10 FILE-PRINT of 200 GiB, 12 APP of 100 GiB, 8 INFRA of 80 GiB; all 219 W, 1U)
 * onto free Hyper-V Server 2008 R2 with $200 guest licences, or Datacenter at $2,500 a
 * processor. Every figure below is worked by hand from that file's inputs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planCapacity } from "../../src/capacity";
import { hostConstraintsFor } from "../../src/licensing";
import { defaultScenarioJson, scenarioToJson, type Scenario } from "../../src/scenario";
import {
  analysisJson,
  analyze,
  cheapest,
  planFor,
  type OptionAnalysis,
  type PlanCache,
} from "../../src/tco";
import { REPO_ROOT } from "../support/paths";
import { npvByHand, parsed, s } from "./fixtures";

const book = parsed(
  JSON.parse(readFileSync(join(REPO_ROOT, "assets/examples/book-example.json"), "utf8")) as Record<
    string,
    unknown
  >
);
const a = analyze(book, { sensitivity: false });
const option = (id: string): OptionAnalysis => a.options.find((o) => o.id === id)!;

describe("the book example, staying physical", () => {
  it.each([
    ["hardware", "30000"], //     30 servers × 4000 ÷ 4-year refresh
    ["licensing", "5445"], //     30 Windows servers × 726 OEM ÷ 4
    ["maintenance", "12000"], //  30 × 4000 × 10 %
    ["power", "10525.33"], //     30 × 219 W = 6570 W × 8.76 × 1.8 PUE × 0.1016 = 10,525.329216
    ["space", "7200"], //         30 × 1U × 240
    ["setup", "1875"], //         30 × 250 ÷ 4
    ["manpower", "90000"], //     30 × 60 h × 50
    ["infrastructure", "0"],
    ["migration", "0"],
  ])("%s costs %s a year", (category, perYear) => {
    expect(
      a.physical.years.map((y) => s(y.byCategory[category as keyof typeof y.byCategory]))
    ).toEqual(["0", perYear, perYear, perYear, perYear, perYear]);
  });

  it("costs 157,045.33 a year, 785,226.65 over 5 years", () => {
    expect(s(a.physical.years[1]!.total)).toBe("157045.33");
    expect(s(a.physical.total)).toBe("785226.65"); // × 5
  });
});

describe("the book example on Hyper-V Server 2008 R2 (free) + guest licences", () => {
  const hv = option("hyperv-server");

  it("needs 3 hosts in 1 cluster (the plan these costs are worked from)", () => {
    expect([
      hv.capacity.hosts,
      hv.capacity.clusters.length,
      hv.capacity.hostPlans.reduce((n, h) => n + h.vms, 0),
    ]).toEqual([3, 1, 30]);
  });

  it("costs 93,923 in year 0", () => {
    // hosts 3 × 9000 = 27,000; array 25,000; VM disks (10×200 + 12×100 + 8×80 = 3840 GiB) × 3 = 11,520;
    // witness 1 GiB × 3 = 3; storage network 6000; NICs 3 × 800 = 2400; setup (3 hosts + 1 array) × 250
    // = 1000; migration 30 × 8 h × 50 = 12,000; guest licences 9000 (below) → 93,923
    expect(s(hv.costs.years[0]!.total)).toBe("93923");
    expect(s(hv.costs.years[0]!.byCategory.infrastructure)).toBe("44923"); // 25,000 + 11,520 + 3 + 6000 + 2400
  });

  it("costs 49,044.89 in each of years 1–5 (hosts last the 5-year horizon: no refresh)", () => {
    // maintenance: hosts 27,000 × 10 % = 2700; array 2500; disks 11,520 × 10 % = 1152; storage LAN
    //   6000 × 15 % = 900; NICs 2400 × 15 % = 360 → 7612
    // power: hosts 3 × 275 W × 8.76 × 1.8 × 0.1016 = 1321.67376 → 1321.67; array 600 W → 961.21728 → 961.22
    // space: 3 × 2U × 240 = 1440; array 4U × 240 = 960
    // admin: 3 hosts × 20 h × 50 = 3000; 30 VMs × 22.5 h × 50 = 33,750
    // 7612 + 1321.67 + 961.22 + 1440 + 960 + 3000 + 33,750 = 49,044.89
    expect(hv.costs.years.slice(1).map((y) => s(y.total))).toEqual([
      "49044.89",
      "49044.89",
      "49044.89",
      "49044.89",
      "49044.89",
    ]);
    expect(s(hv.costs.total)).toBe("339147.45"); // 93,923 + 5 × 49,044.89
  });

  it("licenses each host for the Windows VMs it may run after a failover: 200 × Σ per-host maximum", () => {
    const afterFailover = hv.capacity.hostPlans.reduce(
      (n, h) => n + h.maxWindowsVmsAfterFailover,
      0
    );
    expect(s(hv.licensing.total)).toBe(String(200 * afterFailover));
    // 10 VMs on each of the 3 hosts; any host that fails sends 5 to each survivor: 15 each.
    expect(hv.capacity.hostPlans.map((h) => [h.vms, h.maxWindowsVmsAfterFailover])).toEqual([
      [10, 15],
      [10, 15],
      [10, 15],
    ]);
    expect(s(hv.licensing.total)).toBe("9000"); // 45 licences: more than the book's 30
    expect(s(hv.licensing.totalIfNotClusterAware)).toBe("6000"); // the book's "30 VMs at $200 is $6,000"
  });

  it("NPV 348,900.13 at 7 %, payback in 10.44 months", () => {
    // Flows: year 0 −93,923; years 1–5 157,045.33 − 49,044.89 = 108,000.44
    // Excel: =-93923+NPV(0.07,108000.44,108000.44,108000.44,108000.44,108000.44) → 348,900.13
    expect(hv.businessCase.netFlows.map(s)).toEqual([
      "-93923",
      "108000.44",
      "108000.44",
      "108000.44",
      "108000.44",
      "108000.44",
    ]);
    expect(hv.businessCase.npv.toDecimalPlaces(2).toString()).toBe("348900.13");
    expect(
      hv.businessCase.npv
        .minus(npvByHand(book.finance.discountRate, hv.businessCase.netFlows))
        .abs()
        .lt("1e-20")
    ).toBe(true);
    // 12 × 93,923 ÷ 108,000.44 = 10.4358…
    expect(
      hv.businessCase.payback.reached &&
        hv.businessCase.payback.months.toDecimalPlaces(4).toString()
    ).toBe("10.4358");
  });
});

describe("the book's own figures, and the recommendation", () => {
  it("without cluster-aware licensing: Hyper-V Server + 30 × $200 = $6,000; Datacenter is per processor on every node: 3 × 2 × $2,500 = $15,000, not $5,000", () => {
    const json = scenarioToJson(book);
    const plain = analyze(
      parsed({ ...json, licensing: { ...(json["licensing"] as object), clusterAware: false } }),
      { sensitivity: false }
    );
    expect(plain.options.map((o) => [o.id, s(o.licensing.total)])).toEqual([
      ["hyperv-server", "6000"],
      ["datacenter", "15000"],
    ]);
  });

  it("recommends the cheapest eligible option and says when it pays back", () => {
    // Datacenter: 339,147.45 − 9000 + 15,000 = 345,147.45, 6000 more
    expect(s(option("datacenter").costs.total)).toBe("345147.45");
    expect(a.recommended).toBe("hyperv-server");
    expect(cheapest(a.options)?.id).toBe("hyperv-server");
    expect(a.recommendation).toMatch(
      /^Consolidating 30 of 30 servers onto 3 Hyper-V hosts with .* saves USD 446,079 over 5 years .*pays back in 10 months; .* would cost USD 6,000 more\.$/
    );
  });

  it("recommends nothing when no option is eligible, and says so", () => {
    const json = defaultScenarioJson("ws2022") as Record<string, unknown>;
    json["licensing"] = {
      ...(json["licensing"] as object),
      options: ["hyperv-server", "enterprise"],
    };
    const none = analyze(parsed(json));
    expect(none.recommended).toBeNull();
    expect(none.sensitivity).toBeNull();
    expect(none.recommendation).toMatch(/^None of the options compared can be used here/);
  });
});

describe("capacity plans are shared between options with the same constraints", () => {
  const contoso: Scenario = parsed(
    JSON.parse(
      readFileSync(join(REPO_ROOT, "assets/examples/contoso-2010.json"), "utf8")
    ) as Record<string, unknown>
  );

  it("2008 R2 Standard (hosts run Hyper-V Server; only a reason differs) shares the unconstrained plan", () => {
    const standard = hostConstraintsFor("standard", contoso);
    expect(Object.keys(standard)).toEqual(["reason"]);
    const cache: PlanCache = new Map();
    const p1 = planFor(contoso, hostConstraintsFor("datacenter", contoso), cache);
    const p2 = planFor(contoso, standard, cache);
    expect(p2).toBe(p1);
    expect(cache.size).toBe(1);
    // …and it is the plan the reason-only constraints would have given
    expect(planCapacity(contoso, standard)).toEqual(p1);
  });

  it("constraints that shape the plan (a memory or VM cap, standalone hosts) get their own plan", () => {
    const cache: PlanCache = new Map();
    const p1 = planFor(contoso, {}, cache);
    const p2 = planFor(
      contoso,
      {
        maxHostMemoryGiB: 32,
        maxRunningVmsPerHost: 192,
        clusteringAllowed: false,
        reason: "Standard",
      },
      cache
    );
    const p3 = planFor(contoso, { clusteringAllowed: false, reason: "other text" }, cache);
    expect(p2).not.toBe(p1);
    expect(p3).not.toBe(p2);
    expect(cache.size).toBe(3);
  });
});

describe("analysisJson: an option that cannot be used has no business case", () => {
  it("gives null money and ROI (not a zero TCO with the whole physical cost as savings)", () => {
    const json = analysisJson(
      analyze(parsed(defaultScenarioJson("ws2022")), { sensitivity: false })
    ) as { options: Record<string, any>[] };
    const hv = json.options.find((o) => o["id"] === "hyperv-server")!;
    expect(hv["eligible"]).toBe(false);
    expect(hv["reasons"][0]).toMatch(/Hyper-V Server 2019 was the last free edition/);
    expect(hv["tco"]).toEqual({ years: [], total: null });
    expect(hv["licensing"]["total"]).toBeNull();
    expect(hv["roi"]).toEqual({
      npv: null,
      irr: null,
      paybackMonths: null,
      discountedPaybackMonths: null,
      roiPercent: null,
      costPerVmPerYear: null,
      totalSavings: null,
      netFlows: [],
      retirementSavings: [],
    });
    const dc = json.options.find((o) => o["id"] === "datacenter")!;
    expect(dc["tco"]["total"]).toMatch(/^\d+\.\d\d$/);
  });
});
