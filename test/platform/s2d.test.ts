/**
 * Storage Spaces Direct capacity, worked by hand from Microsoft's rules (sources in
 * src/platform/s2d.ts): FT = Storage-Spaces-Fault-Tolerance.md, PV = plan-volumes.md,
 * NR = nested-resiliency.md, HW = Storage-Spaces-Direct-Hardware-Requirements.md.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  RESILIENCY_RULES,
  S2D_RESILIENCIES,
  TB_PER_GIB,
  s2dCapacity,
  s2dEfficiency,
  s2dFits,
  s2dNodesFor,
  s2dUsableWithDownTB,
  type S2dLayout,
} from "../../src/platform";

const layout = (over: Partial<S2dLayout>): S2dLayout => ({
  resiliency: "three-way-mirror",
  media: "all-flash",
  drivesPerNode: 8,
  driveTB: 2,
  mirrorShare: 0.2,
  ...over,
});

describe("s2dCapacity: usable capacity of hand-worked configurations", () => {
  it("two-way mirror, 2 servers × 4 × 2 TB: 16 raw, 4 reserve, 12 available, 6 usable", () => {
    // FT: two-way mirror 50 %; PV: reserve one drive per server up to 4 → 2 × 2 TB.
    const c = s2dCapacity(layout({ resiliency: "two-way-mirror", drivesPerNode: 4 }), 2);
    expect([c.rawTB, c.reserveTB, c.availableTB, c.usableTB]).toEqual([16, 4, 12, 6]);
  });

  it("three-way mirror, 3 servers × 8 × 1.92 TB: 46.08 raw, 5.76 reserve, 13.44 usable", () => {
    // FT: 33.3 % (three copies); PV: 3 servers → 3 drives reserved. (46.08 − 5.76) / 3 = 13.44.
    const c = s2dCapacity(layout({ driveTB: 1.92 }), 3);
    expect(c.rawTB).toBeCloseTo(46.08, 9);
    expect(c.reserveTB).toBeCloseTo(5.76, 9);
    expect(c.usableTB).toBeCloseTo(13.44, 9);
  });

  it("dual parity, 4 servers × 16 × 2 TB: PV's own example, 128 raw − 8 reserve = 120, × 50 % = 60", () => {
    // PV: "128 TB – (4 x 2 TB) = 120 TB"; FT: 4 servers RS 2+2, 50.0 %.
    const c = s2dCapacity(layout({ resiliency: "dual-parity", drivesPerNode: 16 }), 4);
    expect([c.rawTB, c.reserveTB, c.availableTB, c.usableTB]).toEqual([128, 8, 120, 60]);
    expect(c.efficiency?.layout).toBe("RS 2+2");
  });

  it("dual parity, 8 servers × 8 × 3.84 TB: RS 4+2 (66.7 %) → 153.6 TB usable", () => {
    // FT all-flash table: 7–8 servers RS 4+2. Raw 245.76, reserve 4 drives (15.36) → 230.4 × 4/6.
    const c = s2dCapacity(layout({ resiliency: "dual-parity", driveTB: 3.84 }), 8);
    expect(c.rawTB).toBeCloseTo(245.76, 9);
    expect(c.reserveTB).toBeCloseTo(15.36, 9);
    expect(c.usableTB).toBeCloseTo(153.6, 9);
    expect(c.efficiency?.layout).toBe("RS 4+2");
  });

  it("dual parity, 16 servers × 12 × 4 TB: all-flash LRC (12, 2, 1) 80 %, hybrid LRC (8, 2, 1) 72.7 %", () => {
    // FT: 16 servers all-flash 80.0 %, hybrid 72.7 % (8 data of 11 symbols). 768 − 16 = 752 available.
    const flash = s2dCapacity(
      layout({ resiliency: "dual-parity", drivesPerNode: 12, driveTB: 4 }),
      16
    );
    expect(flash.usableTB).toBeCloseTo(601.6, 9);
    expect(flash.efficiency?.layout).toBe("LRC (12, 2, 1)");
    const hybrid = s2dCapacity(
      layout({ resiliency: "dual-parity", media: "hybrid", drivesPerNode: 12, driveTB: 4 }),
      16
    );
    expect(hybrid.usableTB).toBeCloseTo((752 * 8) / 11, 9);
    expect(hybrid.efficiency?.layout).toBe("LRC (8, 2, 1)");
  });

  it("nested two-way mirror, 2 servers × 4 × 1.92 TB: 25 % of 11.52 = 2.88 TB", () => {
    // NR: four copies, two in each server, 25 %; reserve 2 drives.
    const c = s2dCapacity(
      layout({ resiliency: "nested-two-way-mirror", drivesPerNode: 4, driveTB: 1.92 }),
      2
    );
    expect(c.availableTB).toBeCloseTo(11.52, 9);
    expect(c.usableTB).toBeCloseTo(2.88, 9);
  });
});

describe("s2dEfficiency: Microsoft's tables", () => {
  it.each([
    // FT "Dual parity efficiency" tables, every row boundary.
    ["hybrid", 4, 0.5],
    ["hybrid", 6, 0.5],
    ["hybrid", 7, 4 / 6],
    ["hybrid", 11, 4 / 6],
    ["hybrid", 12, 8 / 11],
    ["hybrid", 16, 8 / 11],
    ["all-flash", 4, 0.5],
    ["all-flash", 6, 0.5],
    ["all-flash", 7, 4 / 6],
    ["all-flash", 8, 4 / 6],
    ["all-flash", 9, 0.75],
    ["all-flash", 15, 0.75],
    ["all-flash", 16, 0.8],
  ] as const)("dual parity, %s, %i servers: %f", (media, nodes, efficiency) => {
    expect(
      s2dEfficiency(layout({ resiliency: "dual-parity", media }), nodes)?.efficiency
    ).toBeCloseTo(efficiency, 12);
  });

  it("mirror-accelerated parity reproduces FT's 12-server demo: 65 %, 54 %, 46 %", () => {
    // FT: "various mixes achieving 46%, 54%, and 65% efficiency with 12 servers" (hybrid, LRC 72.7 %):
    // 10 % mirror: 1 / (0.3 + 0.9 × 11/8) = 64.99 %; 30 %: 53.7 %; 50 %: 45.7 %.
    const at = (m: number): number =>
      s2dEfficiency(
        layout({ resiliency: "mirror-accelerated-parity", media: "hybrid", mirrorShare: m }),
        12
      )!.efficiency;
    expect(Math.round(at(0.1) * 100)).toBe(65);
    expect(Math.round(at(0.3) * 100)).toBe(54);
    expect(Math.round(at(0.5) * 100)).toBe(46);
  });

  it("nested mirror-accelerated parity: NR's worked example (6 drives, 10 % mirror) is 100 GB in 256 GB", () => {
    // NR: [(10 GB / 50 %) + (90 GB / 83.3 %)] × 2 = 256 GB for 39.1 %.
    const e = s2dEfficiency(
      layout({
        resiliency: "nested-mirror-accelerated-parity",
        drivesPerNode: 6,
        mirrorShare: 0.1,
      }),
      2
    )!;
    expect(e.efficiency).toBeCloseTo(100 / 256, 12);
  });

  it.each([
    // NR table: drives per server × mirror share.
    [4, 0.1, 35.7],
    [4, 0.3, 32.6],
    [5, 0.2, 35.7],
    [6, 0.2, 36.8],
    [7, 0.1, 40.0],
    [12, 0.3, 35.3],
  ] as const)("nested mirror-accelerated parity, %i drives, %f mirror: %f %%", (d, m, percent) => {
    const e = s2dEfficiency(
      layout({ resiliency: "nested-mirror-accelerated-parity", drivesPerNode: d, mirrorShare: m }),
      2
    )!;
    expect(Math.round(e.efficiency * 1000) / 10).toBe(percent);
  });

  it("is null where the resiliency cannot be used: dual parity on 3 servers, nested on 4, three-way mirror on 2", () => {
    // FT: dual parity needs 4 fault domains; NR: nested only with exactly 2 servers.
    expect(s2dEfficiency(layout({ resiliency: "dual-parity" }), 3)).toBeNull();
    expect(s2dEfficiency(layout({ resiliency: "nested-two-way-mirror" }), 4)).toBeNull();
    expect(s2dEfficiency(layout({ resiliency: "nested-mirror-accelerated-parity" }), 3)).toBeNull();
    expect(s2dEfficiency(layout({ resiliency: "three-way-mirror" }), 2)).toBeNull();
    expect(s2dCapacity(layout({ resiliency: "dual-parity" }), 3).usableTB).toBe(0);
  });
});

describe("s2dNodesFor: servers a cluster needs for its storage", () => {
  const threeWay = layout({ resiliency: "three-way-mirror", drivesPerNode: 4, driveTB: 4 });
  // Per server 16 TB raw; reserve min(n, 4) × 4 TB.
  // n = 3: (48 − 12) / 3 = 12 TB; n = 4: (64 − 16) / 3 = 16; n = 5: (80 − 16) / 3 = 21.33.

  it("takes the resiliency's minimum when the data is small", () => {
    expect(s2dNodesFor(threeWay, 1, 1, 16).nodes).toBe(3);
    expect(s2dNodesFor(layout({ resiliency: "dual-parity" }), 1, 1, 16).nodes).toBe(4);
  });

  it("adds servers until steady-state usable capacity holds the data", () => {
    // 15 TB: 4 servers give 16 TB; one down (3 survivors ≥ 3, repair possible): (48 − 12) / 3 = 12 < 15 → 5.
    // With no failures to tolerate, 4 is enough.
    expect(s2dNodesFor(threeWay, 15, 0, 16).nodes).toBe(4);
    expect(s2dNodesFor(threeWay, 15, 1, 16).nodes).toBe(5);
    expect(s2dUsableWithDownTB(threeWay, 5, 1)).toBeCloseTo(16, 9);
  });

  it("skips the with-failures check where survivors cannot repair (three-way mirror on 3 servers)", () => {
    // 3 servers − 1: 2 survivors < 3 copies; the data stays online degraded, no capacity helps.
    expect(s2dUsableWithDownTB(threeWay, 3, 1)).toBeNull();
    expect(s2dFits(threeWay, 3, 12, 1)).toBe(true);
  });

  it("is null when even the largest cluster cannot hold the data", () => {
    expect(s2dNodesFor(threeWay, 1000, 1, 16).nodes).toBeNull();
    // 1 PB pool: 16 drives × 16 TB = 256 TB per server → at most 3 servers per pool.
    expect(s2dNodesFor(layout({ drivesPerNode: 16, driveTB: 16 }), 1000, 0, 16).nodes).toBeNull();
  });

  it("GiB convert to decimal TB as 2^30 / 10^12", () => {
    expect(1000 * TB_PER_GIB).toBeCloseTo(1.073741824, 12);
  });

  it("property: usable capacity never falls when a server is added (within each resiliency's range)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...S2D_RESILIENCIES),
        fc.constantFrom("all-flash" as const, "hybrid" as const),
        fc.integer({ min: 4, max: 24 }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (resiliency, media, drivesPerNode, driveTB, mirrorShare) => {
          const l = { resiliency, media, drivesPerNode, driveTB, mirrorShare };
          const rule = RESILIENCY_RULES[resiliency];
          for (let n = rule.minNodes; n < rule.maxNodes; n++)
            expect(s2dCapacity(l, n + 1).usableTB).toBeGreaterThanOrEqual(
              s2dCapacity(l, n).usableTB - 1e-9
            );
        }
      ),
      { numRuns: 200 }
    );
  });
});
