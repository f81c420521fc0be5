/**
 * Leaving VMware against the renewal date, hand-worked: the month-by-month timeline (months to
 * the renewal, VMs moved per month, when the old platform stops), staying on VCF (the
 * subscription from the renewal date on), what moving adds while it runs (renewal terms when
 * the move ends after the date, the late-renewal penalty, the old hosts not reused, Azure
 * Local's fees before Azure Hybrid Benefit's 180 days of dual use) — and the properties the
 * issue names: more cores never cost less, AHB never costs more than no AHB, dual running never
 * shortens payback.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { licensesForHost, overHorizon } from "../../src/licensing";
import type { Dec } from "../../src/money";
import type { OptionId, Scenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { transitionLines, type LeavingEstate } from "../../src/tco/leavingVmware";
import { migrationTimeline, monthsBetween } from "../../src/tco/migrationTimeline";
import { scenarioWith, server } from "./fixtures";

// 40 Windows and 6 Linux VMs (2 cores, 4 GiB): 4 hosts of 2 × 6 cores (ROUND_INPUTS).
const inventory = [server("APP", { count: 40 }), server("LNX", { count: 6, os: "linux" })];

function leaving(
  finance: Record<string, unknown> = {},
  licensing: Record<string, unknown> = {}
): Scenario {
  return scenarioWith("ws2025", inventory, {
    finance: {
      baseline: "vcf",
      startDate: "2027-01-01",
      migrationVmsPerMonth: 4,
      monthsBeforeFirstMove: 2,
      ...finance,
    },
    licensing: {
      vmware: { renewalDate: "2027-07-01", ...(licensing["vmware"] as object) },
      ...Object.fromEntries(Object.entries(licensing).filter(([k]) => k !== "vmware")),
    },
  });
}

const byId = (a: ReturnType<typeof analyze>, id: OptionId) => {
  const o = a.options.find((x) => x.id === id);
  if (!o) throw new Error(`no option ${id}`);
  return o;
};
const amounts = (lines: readonly { id: string; amounts: readonly Dec[] }[], suffix: string) =>
  lines.find((l) => l.id.endsWith(suffix))?.amounts.map((d) => d.toFixed(2));

describe("the migration timeline", () => {
  it("counts whole months from the start date to the month the renewal date falls in", () => {
    expect(monthsBetween("2027-01-01", "2027-07-01")).toBe(6);
    expect(monthsBetween("2027-01-15", "2027-07-01")).toBe(5); // 1 July falls in the month from 15 June
    expect(monthsBetween("2027-01-04", "2027-09-30")).toBe(8);
    expect(monthsBetween("2027-01-01", "2027-01-01")).toBe(0);
  });

  it("moves N VMs a month after the lead time; the old platform runs until the last has moved", () => {
    const t = migrationTimeline(leaving(), 46);
    // 46 VMs at 4 a month from month 2: ⌈46 ÷ 4⌉ = 12 months, the last (2 VMs) in month 13.
    expect(t.moveEndMonth).toBe(14);
    expect(t.months[1]?.moved).toBe(0);
    expect(t.months[2]?.moved).toBe(4);
    expect(t.months[13]?.moved).toBe(2);
    expect(t.months[13]?.onNewPlatform).toBe(46);
    // Renewal in month 6 < 14: one 1-year term (months 6–17) is bought.
    expect(t.renewalNeeded).toBe(true);
    expect(t.renewalTerms).toBe(1);
    expect(t.monthsPerYear.afterRenewal).toEqual([0, 6, 12, 12, 12, 12]);
    expect(t.monthsPerYear.vmwareOwed).toEqual([0, 6, 6, 0, 0, 0]);
    expect(t.monthsPerYear.oldPlatform).toEqual([0, 12, 2, 0, 0, 0]);
    // AHB's 180 days of dual use end with the move: from month 14 − 6 = 8.
    expect(t.hybridBenefitFromMonth).toBe(8);
    expect(t.monthsPerYear.hybridBenefitPending).toEqual([0, 8, 0, 0, 0, 0]);
    expect(t.months[12]?.starts).toBe("2028-01-01");
  });

  it("buys no renewal when the move ends by the renewal date", () => {
    const t = migrationTimeline(leaving({ migrationVmsPerMonth: 46 }), 46);
    expect(t.moveEndMonth).toBe(3); // months 0–1 to build, all 46 in month 2
    expect(t.renewalNeeded).toBe(false);
    expect(t.monthsPerYear.vmwareOwed).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("buys whole terms, one after another, until the move has ended", () => {
    // Renewal on the start date, 2 VMs a month: the move ends in month 2 + 23 = 25, so three
    // 1-year terms (months 0–35) are committed; with a 3-year term, one.
    const slow = { migrationVmsPerMonth: 2 };
    const t1 = migrationTimeline(leaving(slow, { vmware: { renewalDate: "2027-01-01" } }), 46);
    expect(t1.renewalTerms).toBe(3);
    expect(t1.monthsPerYear.vmwareOwed).toEqual([0, 12, 12, 12, 0, 0]);
    const t3 = migrationTimeline(
      leaving(slow, { vmware: { renewalDate: "2027-01-01", termYears: 3 } }),
      46
    );
    expect(t3.renewalTerms).toBe(1);
    expect(t3.monthsPerYear.vmwareOwed).toEqual([0, 12, 12, 12, 0, 0]);
  });
});

describe("staying on VMware Cloud Foundation", () => {
  const a = analyze(leaving(), { sensitivity: false });

  it("pays the subscription from the renewal date on (the current term is paid)", () => {
    // 4 hosts × 2 CPUs × max(16, 6 cores) = 128 cores × $350 = $44,800 a year; 6 of year 1's months.
    expect(a.baselineHosts).toBe(4);
    expect(amounts(a.physical.lines, "baseline.licence1")).toEqual([
      "0.00",
      "22400.00",
      "44800.00",
      "44800.00",
      "44800.00",
      "44800.00",
    ]);
    expect(a.baselineLabel).toBe("Staying on VMware Cloud Foundation");
  });

  it("is the baseline, not an option; renewing VVF instead is an option with no move", () => {
    expect(byId(a, "vcf").eligible).toBe(false);
    const vvf = byId(a, "vvf");
    expect(vvf.eligible).toBe(true);
    expect(vvf.transition.isZero()).toBe(true);
    // 128 cores × $135 from the renewal: 6 months of year 1. No migration is bought.
    expect(amounts(vvf.costs.lines, "vvf.licence1")?.slice(0, 3)).toEqual([
      "0.00",
      "8640.00",
      "17280.00",
    ]);
    expect(vvf.costs.byCategory.migration.isZero()).toBe(true);
  });
});

describe("what moving adds while the move runs", () => {
  it("buys the VMware renewal term when the move ends after the renewal date", () => {
    const a = analyze(leaving(), { sensitivity: false });
    const dc = byId(a, "datacenter");
    // One 1-year term from month 6: 6 months in year 1 and 6 in year 2 at $44,800 a year.
    expect(amounts(dc.costs.lines, ".move.vmwareRenewal1")).toEqual([
      "0.00",
      "22400.00",
      "22400.00",
      "0.00",
      "0.00",
      "0.00",
    ]);
    expect(dc.transition.toFixed(2)).toBe("44800.00");
    expect(a.recommendation).toMatch(/after the renewal date \(2027-07-01, month 6\)/);
  });

  it("adds nothing when the move ends before the renewal date", () => {
    const a = analyze(leaving({ migrationVmsPerMonth: 46 }), { sensitivity: false });
    expect(byId(a, "datacenter").transition.isZero()).toBe(true);
    expect(a.recommendation).toMatch(/before the renewal date/);
  });

  it("adds the late-renewal penalty to the first year when the renewal is placed late", () => {
    // 20 % (redresscompliance.com 2026-06) × $44,800 × 6/12 in year 1 and 6/12 in year 2.
    const a = analyze(leaving({}, { vmware: { renewLate: true } }), { sensitivity: false });
    expect(amounts(byId(a, "datacenter").costs.lines, ".move.vmwareLatePenalty1")).toEqual([
      "0.00",
      "4480.00",
      "4480.00",
      "0.00",
      "0.00",
      "0.00",
    ]);
  });

  it("runs the old hosts no option reuses until the last VM has moved", () => {
    const s = leaving();
    const t = migrationTimeline(s, 46);
    const estate: LeavingEstate = {
      product: "vcf",
      existing: { hosts: 6, clusters: 1 },
      vmwareLines: [],
      timeline: t,
    };
    const lines = transitionLines(s, "datacenter", "datacenter.move", estate, 4, 0);
    // 6 − 4 = 2 hosts × $9,000 × 10 % maintenance = $1,800 a year: 12 months, then 2 months.
    expect(amounts(lines, ".oldHosts.maintenance")).toEqual([
      "0.00",
      "1800.00",
      "300.00",
      "0.00",
      "0.00",
      "0.00",
    ]);
    // 2 hosts × 20 h × $50 = $2,000 a year of administration.
    expect(amounts(lines, ".oldHosts.admin")?.slice(1, 3)).toEqual(["2000.00", "333.33"]);
  });

  it("bills Azure Local's fees on the cores AHB covers until its 180 days of dual use start", () => {
    // Microsoft Learn windows-server azure-hybrid-benefit.md (2025-09-03): "You have 180 days of
    // concurrent licensing to migrate your servers." The move ends in month 14: AHB from month 8.
    const owned = { datacenterCores: 128, standardCores: 0, softwareAssurance: true };
    const s = leaving({}, { owned, azureHybridBenefit: true, softwareAssuranceRate: "0.25" });
    const al = byId(analyze(s, { sensitivity: false }), "azure-local");
    // 4 hosts × 12 physical cores = 48 cores, all covered: no fee lines in steady state.
    expect(al.licensing.lines.filter((l) => l.sku.startsWith("azure-local"))).toEqual([]);
    // 48 cores × $10 × 12 × 8/12 = $3,840; × $23.30 → $8,947.20.
    expect(amounts(al.costs.lines, ".hybridBenefitPending.azureLocalHost")?.[1]).toBe("3840.00");
    expect(amounts(al.costs.lines, ".hybridBenefitPending.azureLocalWindows")?.[1]).toBe("8947.20");
  });

  it("does not elect Azure Hybrid Benefit where it would cost more, and says so", () => {
    // 64 owned Datacenter cores with SA; a slow move (1 VM a month: the last leaves in month
    // 46, so AHB could only start in month 40). With AHB the 48-core system pays both fees for
    // 40 months; without it the 64 cores license its 4 machines (16 licensed cores each) and
    // only the host fee is paid: cheaper, so AHB is not elected.
    const owned = { datacenterCores: 64, standardCores: 0, softwareAssurance: true };
    const s = leaving(
      { migrationVmsPerMonth: 1, monthsBeforeFirstMove: 0 },
      { owned, azureHybridBenefit: true, softwareAssuranceRate: "0.25" }
    );
    const al = byId(analyze(s, { sensitivity: false }), "azure-local");
    expect(al.licensing.notes.join(" ")).toMatch(/Azure Hybrid Benefit is not elected here/);
    expect(al.costs.lines.some((l) => l.id.includes("hybridBenefitPending"))).toBe(false);
    // 48 cores × $10 × 12 = $5,760 a year of host fee; no Windows Server subscription.
    expect(al.licensing.lines.map((l) => [l.sku, l.quantity])).toEqual([["azure-local-host", 48]]);
  });

  it("pays Software Assurance on owned licences in every path that uses them", () => {
    // 128 owned Datacenter cores ÷ 16 × $6,771 × 25 % = $13,542 a year.
    const owned = { datacenterCores: 128, standardCores: 0, softwareAssurance: true };
    const a = analyze(leaving({}, { owned, softwareAssuranceRate: "0.25" }), {
      sensitivity: false,
    });
    const sa = (lines: readonly { id: string; amounts: readonly Dec[] }[]) =>
      amounts(lines, ".ownedAssurance.datacenter")?.[1];
    expect(sa(a.physical.lines)).toBe("13542.00");
    expect(sa(byId(a, "datacenter").costs.lines)).toBe("13542.00");
    expect(sa(byId(a, "azure-local").costs.lines)).toBe("13542.00");
    // Pay-as-you-go licenses every machine itself: the owned licences (and their SA) go unused.
    expect(sa(byId(a, "windows-payg").costs.lines)).toBeUndefined();
  });
});

describe("properties", () => {
  const options = ["standard", "datacenter", "vcf", "vvf", "windows-payg", "azure-local"] as const;

  it("more cores never cost less, for every option", () => {
    const terms = leaving().licensing;
    fc.assert(
      fc.property(
        fc.constantFrom(...options),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 0, max: 60 }),
        (option, sockets, cores, windowsVms) => {
          const cost = (c: number) => {
            const lic = licensesForHost(
              option,
              "ws2025",
              { sockets, coresPerSocket: c },
              windowsVms,
              terms,
              { clustered: true, windowsVcpus: windowsVms * 2 }
            );
            return overHorizon(lic.oneTime, lic.annual, 5);
          };
          expect(cost(cores + 1).gte(cost(cores))).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("Azure Hybrid Benefit never costs more than no AHB", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 46 }),
        fc.integer({ min: 0, max: 12 }),
        (cores, perMonth, lead) => {
          const owned = { datacenterCores: cores, standardCores: 0, softwareAssurance: true };
          const finance = { migrationVmsPerMonth: perMonth, monthsBeforeFirstMove: lead };
          const base = { owned, softwareAssuranceRate: "0.25" };
          const total = (ahb: boolean) =>
            byId(
              analyze(leaving(finance, { ...base, azureHybridBenefit: ahb }), {
                sensitivity: false,
              }),
              "azure-local"
            ).costs.total;
          expect(total(true).lte(total(false))).toBe(true);
        }
      ),
      { numRuns: 20 }
    );
  });

  it("dual running never shortens payback: a slower move pays back no sooner", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 46 }),
        fc.integer({ min: 1, max: 46 }),
        fc.constantFrom("datacenter", "azure-local", "standard") as fc.Arbitrary<OptionId>,
        (x, y, option) => {
          const [fast, slow] = x >= y ? [x, y] : [y, x];
          const payback = (perMonth: number) =>
            byId(
              analyze(leaving({ migrationVmsPerMonth: perMonth }), { sensitivity: false }),
              option
            ).businessCase.payback;
          const quick = payback(fast);
          const late = payback(slow);
          if (!late.reached) return; // never paying back is never sooner
          expect(quick.reached).toBe(true);
          if (quick.reached) expect(late.months.gte(quick.months)).toBe(true);
        }
      ),
      { numRuns: 20 }
    );
  });
});
