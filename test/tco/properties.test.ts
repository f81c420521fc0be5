/**
 * Invariants of `analyze` on random small estates (1–6 rows of 1–3 servers, any platform,
 * some servers kept physical, Software Assurance on or off, cluster-aware or not), each built
 * as `parseScenario(defaultScenarioJson(platform, inventory))`. The NPV and IRR checks
 * recompute from the flows with plain decimal arithmetic, independently of src/finance.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { licenseOption } from "../../src/licensing";
import { Dec, ZERO, roundCents, sum } from "../../src/money";
import { COST_CATEGORIES, analyze, type Analysis, type CostSchedule } from "../../src/tco";
import { npvByHand, smallScenario } from "./fixtures";

const RUNS = { numRuns: 25 };
const analysed: fc.Arbitrary<Analysis> = smallScenario.map((sc) =>
  analyze(sc, { sensitivity: false })
);

function schedules(a: Analysis): [string, CostSchedule][] {
  return [
    ["physical", a.physical],
    ...a.options.filter((o) => o.eligible).map((o): [string, CostSchedule] => [o.id, o.costs]),
  ];
}

describe("cost schedules add up", () => {
  it("each year's total is the sum of its categories, and each category the sum of its lines' amounts", () => {
    fc.assert(
      fc.property(analysed, (a) => {
        for (const [name, sch] of schedules(a)) {
          for (const y of sch.years) {
            expect(
              y.total.eq(sum(COST_CATEGORIES.map((c) => y.byCategory[c]))),
              `${name} year ${y.year}`
            ).toBe(true);
            for (const c of COST_CATEGORIES) {
              const fromLines = sum(
                sch.lines.filter((l) => l.category === c).map((l) => l.amounts[y.year] ?? ZERO)
              );
              expect(y.byCategory[c].eq(fromLines), `${name} year ${y.year} ${c}`).toBe(true);
            }
          }
        }
      }),
      RUNS
    );
  });

  it("the total is the sum of the years, per category too; every amount is whole cents and ≥ 0", () => {
    fc.assert(
      fc.property(analysed, (a) => {
        for (const [name, sch] of schedules(a)) {
          expect(sch.years.length).toBe(a.scenario.finance.horizonYears + 1);
          expect(sch.total.eq(sum(sch.years.map((y) => y.total))), name).toBe(true);
          for (const c of COST_CATEGORIES)
            expect(
              sch.byCategory[c].eq(sum(sch.years.map((y) => y.byCategory[c]))),
              `${name} ${c}`
            ).toBe(true);
          for (const l of sch.lines) {
            for (const amount of l.amounts) {
              expect(
                amount.decimalPlaces() <= 2 && !amount.isNegative(),
                `${l.id} ${amount.toString()}`
              ).toBe(true);
            }
          }
        }
      }),
      RUNS
    );
  });
});

describe("business case metrics follow from the flows", () => {
  it("NPV = CF0 + Excel-NPV(rate, CF1…CFn) of physical − option, recomputed term by term", () => {
    fc.assert(
      fc.property(analysed, (a) => {
        const rate = a.scenario.finance.discountRate;
        for (const o of a.options.filter((x) => x.eligible)) {
          const flows = a.physical.years.map((y, t) => y.total.minus(o.costs.years[t]!.total));
          expect(o.businessCase.netFlows.map(String)).toEqual(flows.map(String));
          const byHand = npvByHand(rate, flows);
          expect(
            o.businessCase.npv.minus(byHand).abs().lt("1e-20"),
            `${o.id}: ${o.businessCase.npv} vs ${byHand}`
          ).toBe(true);
        }
      }),
      RUNS
    );
  });

  it("the IRR, where it exists, zeroes the NPV (|NPV(irr)| ≤ 1e-12 × Σ|flows|); where not, a reason is given", () => {
    fc.assert(
      fc.property(analysed, (a) => {
        for (const o of a.options.filter((x) => x.eligible)) {
          const { irr, irrFailure, netFlows } = o.businessCase;
          if (irr === null) {
            expect(["noSignChange", "didNotConverge"]).toContain(irrFailure);
            continue;
          }
          const scale = sum(netFlows.map((f) => f.abs()));
          expect(
            npvByHand(irr, netFlows).abs().lte(scale.times("1e-12")),
            `${o.id} irr ${irr}`
          ).toBe(true);
        }
      }),
      RUNS
    );
  });

  it("payback falls in the first year where cumulative savings turn non-negative (to the cent)", () => {
    fc.assert(
      fc.property(analysed, (a) => {
        for (const o of a.options.filter((x) => x.eligible)) {
          const bc = o.businessCase;
          const first = bc.cumulativeFlows.findIndex((c) => !roundCents(c).isNegative());
          if (first < 0) {
            expect(bc.payback.reached).toBe(false);
            continue;
          }
          expect(bc.payback.reached).toBe(true);
          if (!bc.payback.reached) continue;
          expect(bc.payback.year).toBe(first);
          if (first === 0) expect(bc.payback.months.isZero()).toBe(true);
          else
            expect(
              bc.payback.months.gt(12 * (first - 1)) && bc.payback.months.lte(12 * first),
              `${bc.payback.months} in year ${first}`
            ).toBe(true);
          // discounting never brings the payback forward
          if (bc.discountedPayback.reached)
            expect(bc.discountedPayback.months.gte(bc.payback.months)).toBe(true);
        }
      }),
      RUNS
    );
  });

  it("ROI % = (physical − option) ÷ option × 100 and cost per VM per year = option ÷ (VMs × years)", () => {
    fc.assert(
      fc.property(analysed, (a) => {
        const n = a.scenario.finance.horizonYears;
        for (const o of a.options.filter((x) => x.eligible)) {
          const bc = o.businessCase;
          const vms = o.capacity.hostPlans.reduce((k, h) => k + h.vms, 0);
          if (o.costs.total.isZero()) expect(bc.roiPercent).toBeNull();
          else
            expect(
              bc.roiPercent!.eq(a.physical.total.minus(o.costs.total).div(o.costs.total).times(100))
            ).toBe(true);
          if (vms === 0) expect(bc.costPerVmPerYear).toBeNull();
          else expect(bc.costPerVmPerYear!.eq(o.costs.total.div(vms * n))).toBe(true);
        }
      }),
      RUNS
    );
  });
});

describe("licensing inside the TCO", () => {
  it("cluster-aware licence totals are never below the steady-state totals", () => {
    fc.assert(
      fc.property(analysed, (a) => {
        for (const o of a.options.filter((x) => x.eligible)) {
          expect(
            o.licensing.total.gte(o.licensing.totalIfNotClusterAware),
            `${o.id}: ${o.licensing.total} < ${o.licensing.totalIfNotClusterAware}`
          ).toBe(true);
        }
      }),
      RUNS
    );
  });

  it("lines priced by inputs cost what the licensing module counted (to a cent per Windows line and year, where SA is split)", () => {
    fc.assert(
      fc.property(analysed, (a) => {
        const sc = a.scenario;
        for (const o of a.options.filter((x) => x.eligible)) {
          const module = licenseOption(o.id, sc, o.capacity);
          if (sc.licensing.softwareAssuranceRate.isZero()) {
            expect(o.licensing.total.toString(), o.id).toBe(module.total.toString());
          } else {
            // Module: one SA amount per host (rounded once); TCO: one SA line per Windows SKU.
            const splits = o.licensing.lines.filter((l) => l.sku.endsWith("-sa")).length;
            const slack = new Dec("0.01").times(
              Math.max(1, splits) * o.capacity.hosts * sc.finance.horizonYears
            );
            expect(
              o.licensing.total.minus(module.total).abs().lte(slack),
              `${o.id}: ${o.licensing.total} vs ${module.total}`
            ).toBe(true);
          }
        }
      }),
      RUNS
    );
  });

  it("the licensing category of an option over the horizon is its licence total plus the OEM licences of servers staying physical", () => {
    fc.assert(
      fc.property(analysed, (a) => {
        for (const o of a.options.filter((x) => x.eligible)) {
          const oem = sum(
            o.costs.lines
              .filter((l) => l.id.endsWith(".stayPhysical.oemLicences"))
              .flatMap((l) => l.amounts)
          );
          expect(o.costs.byCategory.licensing.eq(o.licensing.total.plus(oem)), o.id).toBe(true);
        }
      }),
      RUNS
    );
  });
});

describe("the recommendation", () => {
  it("is an eligible option, and no eligible option has a lower TCO; null only when none is eligible", () => {
    fc.assert(
      fc.property(analysed, (a) => {
        const eligible = a.options.filter((o) => o.eligible);
        if (eligible.length === 0) {
          expect(a.recommended).toBeNull();
          return;
        }
        const rec = a.options.find((o) => o.id === a.recommended);
        expect(rec?.eligible).toBe(true);
        for (const o of eligible)
          expect(o.costs.total.gte(rec!.costs.total), `${o.id} cheaper than ${rec!.id}`).toBe(true);
      }),
      RUNS
    );
  });
});
