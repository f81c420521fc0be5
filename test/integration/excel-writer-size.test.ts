/**
 * The Office.js writer and its request estimate at full size, against the real 5 MB budget of
 * Excel on the web: 10,000 servers in the usual 3/4 syncs, 40,000 split into row chunks. Slow
 * (the synthetic report of 40,000 servers is analysed in full), so here rather than in
 * `npm test`; `test/excel/writer.test.ts` checks the same splitting on a small plan and budget.
 */
import { describe, expect, it } from "vitest";
import { parseRange } from "../../src/report/a1";
import { SHEETS } from "../../src/report/sheetLayout";
import { estimateRequestBytes, writePlan } from "../../src/excel";
import { DEFAULT_MAX_REQUEST_BYTES, WEB_REQUEST_LIMIT_BYTES } from "../../src/excel/payload";
import { FAKE_REQUEST_LIMIT, planName } from "../excel/fakeExcel";
import { syntheticPlan, syntheticScenario } from "../excel/planFixtures";
import { expectOk, install, inventoryTableRange } from "../excel/writerHarness";

describe("writePlan at full size", () => {
  it("keeps the same 3/4 syncs for 10,000 servers, every request under the 5 MB limit", async () => {
    const big = syntheticPlan(syntheticScenario(10_000));
    const fx = install();
    fx.addUserSheet("Sheet1");
    const first = await writePlan(big);
    expectOk(first);
    const second = await writePlan(big);
    expectOk(second);
    expect([first.syncs, second.syncs]).toEqual([3, 4]);
    expect(Math.max(...fx.syncs.map((s) => s.bytes))).toBeLessThan(FAKE_REQUEST_LIMIT);
    // The estimate is conservative: never below what the fake measured for the write request.
    const writeRequest = fx.syncs[1]?.bytes ?? 0;
    expect(estimateRequestBytes(big)).toBeGreaterThanOrEqual(writeRequest);
    expect(fx.findSheet(SHEETS.inventory)?.tables[0]?.address).toBe(inventoryTableRange(big));
    expect(parseRange(inventoryTableRange(big))).toMatchObject({ top: 0, left: 0, bottom: 10_000 });
  }, 60_000);

  it("splits the write into row chunks only when one request would pass the budget", async () => {
    // 40,000 servers ≈ 10 MB of cells: the write needs several requests, each still < 5 MB.
    const huge = syntheticPlan(syntheticScenario(40_000));
    const fx = install();
    fx.addUserSheet("Sheet1");
    const result = await writePlan(huge);
    expectOk(result);
    expect(result.requestBytes.length).toBeGreaterThan(1);
    expect(result.syncs).toBe(2 + result.requestBytes.length);
    for (const s of fx.syncs) expect(s.bytes).toBeLessThan(FAKE_REQUEST_LIMIT);
    // The inventory block went in chunks that tile it exactly.
    const inv = fx.writes.filter(
      (w) => planName(w.sheet) === SHEETS.inventory && w.kind === "formulas"
    );
    expect(inv.length).toBeGreaterThan(1);
    expect(inv.reduce((sum, w) => sum + w.rows, 0)).toBe(40_001);
  }, 120_000);

  it("estimates a 10,000-server synthetic report below the 5 MB web limit", () => {
    const bytes = estimateRequestBytes(syntheticPlan(syntheticScenario(10_000)));
    console.log(
      `estimateRequestBytes, synthetic report of 10,000 servers: ${bytes} bytes = ${((bytes / WEB_REQUEST_LIMIT_BYTES) * 100).toFixed(1)} % of 5 MiB (budget ${DEFAULT_MAX_REQUEST_BYTES})`
    );
    expect(bytes).toBeLessThan(DEFAULT_MAX_REQUEST_BYTES);
  });
});
