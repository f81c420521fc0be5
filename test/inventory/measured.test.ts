/**
 * Measured use in imports: a generic CSV with percentile columns is sized on the chosen
 * percentile (p95 by default, as Azure Migrate), falling back to the nearest it has and saying
 * so; the rows carry what the scenario needs to size on it × the comfort factor and to flag
 * idle servers; the report says which servers are measured.
 */
import { describe, expect, it } from "vitest";
import { importInventory, readInventoryFile, type ImportOptions } from "../../src/inventory";
import { defaultScenarioJson, parseScenario } from "../../src/scenario";
import { planCapacity } from "../../src/capacity";
import { expectOk, OPTIONS } from "./helpers";

const CSV = [
  "Name,Cores,Core clock,RAM,Peak CPU,Average CPU,CPU p95 %,CPU p99 %,CPU max %,RAM p95 (GiB),RAM max (GiB),Average disk,Average network",
  "SQL-01,8,2.5,32,0.9,0.2,30,45,88,12,20,6,3",
  "ZOMBIE,2,2.5,4,0.1,0.01,2,3,5,0.5,0.6,0.01,0.02",
  "LEGACY,4,2.5,8,0.4,0.1,,,,,,,",
].join("\n");

async function importCsv(options: Partial<ImportOptions> = {}) {
  const read = await readInventoryFile(new TextEncoder().encode(CSV), "perf.csv");
  if (!read.ok) throw new Error(read.failure.message);
  return expectOk(importInventory(read.workbook, { ...OPTIONS, ...options }));
}

describe("a generic CSV with percentile columns", () => {
  it("takes p95 by default: CPU 30 % and RAM 12 GiB of SQL-01, throughput as given", async () => {
    const { rows, report } = await importCsv();
    expect(rows[0]).toMatchObject({
      name: "SQL-01",
      peakCpuUtilization: "0.9",
      measuredPercentile: "p95",
      measuredCpuUtilization: "0.3",
      measuredMemoryGiB: "12",
      averageDiskMBps: "6",
      averageNetworkMBps: "3",
    });
    // LEGACY has no history: sized on its peak input; the report says which servers are which.
    expect(rows[2]).not.toHaveProperty("measuredCpuUtilization");
    expect(report.notes).toContain(
      "Measured use: 2 servers on p95; the scenario sizes them on it × demand.comfortFactor (1.3 by default, as Azure Migrate). The other 1 on their peak-utilisation inputs."
    );
  });

  it("takes the percentile chosen (p99), or the maximum", async () => {
    expect((await importCsv({ percentile: "p99" })).rows[0]).toMatchObject({
      measuredPercentile: "p99",
      measuredCpuUtilization: "0.45",
    });
    expect((await importCsv({ percentile: "max" })).rows[0]).toMatchObject({
      measuredPercentile: "max",
      measuredCpuUtilization: "0.88",
      measuredMemoryGiB: "20",
    });
  });

  it("falls back to the nearest percentile the file has, and says so", async () => {
    const { rows, report } = await importCsv({ percentile: "p90" });
    expect(rows[0]).toMatchObject({ measuredPercentile: "p95" });
    expect(report.notes).toContain(
      "The file has no p90 columns: p95 was used instead (choose another with --percentile)."
    );
  });

  it("gives a scenario sized on p95 × 1.3, with the idle server flagged", async () => {
    const { rows } = await importCsv();
    const parsed = parseScenario(defaultScenarioJson("ws2022", rows));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const plan = planCapacity(parsed.scenario);
    // SQL-01: 8 × 2.5 GHz × (0.30 × 1.3 = 0.39) = 7.8 GHz; 12 × 1.3 = 15.6 GiB.
    const sql = plan.vms.find((v) => v.id === "SQL-01")!;
    expect(sql.cpuGhz).toBeCloseTo(7.8, 12);
    expect(sql.memoryGiB).toBeCloseTo(15.6, 12);
    expect(plan.idle.map((i) => i.name)).toEqual(["ZOMBIE"]);
  });
});
