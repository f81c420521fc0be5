/**
 * Timing of writeXlsx on a report-sized plan: the synthetic plan with a 1,000-server
 * inventory table (7 charts, ~7,000 inventory cells, ~3,100 formulas). `benchWriteXlsx` is
 * for the lead's benchmark table; run this file directly for a quick reading:
 * `npx tsx test/xlsx/bench.ts [rows] [runs]`.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { WorkbookPlan } from "../../src/report/workbookPlan";
import { writeXlsx } from "../../src/xlsx";
import { injectParts } from "../../src/xlsx/inject";
import { buildWorkbook } from "../../src/xlsx/workbook";
import { formulaCells } from "../support/hyperformula";
import { syntheticPlan } from "./fixtures/syntheticPlan";

/** The benchmark's input: the synthetic report plan with `inventoryRows` servers. */
export function benchmarkPlan(inventoryRows = 1000): WorkbookPlan {
  return syntheticPlan({ inventoryRows });
}

export interface WriteXlsxTiming {
  readonly inventoryRows: number;
  readonly cells: number;
  readonly formulas: number;
  readonly charts: number;
  readonly bytes: number;
  /** Whole writeXlsx, per run. */
  readonly totalMs: readonly number[];
  /** Median of the phases over the runs: exceljs model, exceljs package, jszip injection. */
  readonly medianMs: {
    readonly total: number;
    readonly build: number;
    readonly exceljsWrite: number;
    readonly inject: number;
  };
}

/** Times writeXlsx (after one warm-up run) and its three phases. */
export async function benchWriteXlsx(inventoryRows = 1000, runs = 5): Promise<WriteXlsxTiming> {
  const plan = benchmarkPlan(inventoryRows);
  let bytes = await writeXlsx(plan); // warm-up (module init, JIT)
  const total: number[] = [];
  const build: number[] = [];
  const write: number[] = [];
  const inject: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = await writeXlsx(plan);
    total.push(performance.now() - t0);

    const t1 = performance.now();
    const wb = buildWorkbook(plan);
    const t2 = performance.now();
    const raw = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } });
    const t3 = performance.now();
    await injectParts(raw, plan);
    const t4 = performance.now();
    build.push(t2 - t1);
    write.push(t3 - t2);
    inject.push(t4 - t3);
  }
  const cells = plan.sheets.reduce(
    (n, s) => n + s.blocks.reduce((m, b) => m + b.cells.length * (b.cells[0]?.length ?? 0), 0),
    0
  );
  return {
    inventoryRows,
    cells,
    formulas: formulaCells(plan).length,
    charts: plan.sheets.reduce((n, s) => n + s.charts.length, 0),
    bytes: bytes.length,
    totalMs: total,
    medianMs: {
      total: median(total),
      build: median(build),
      exceljsWrite: median(write),
      inject: median(inject),
    },
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1000);
  const runs = Number(process.argv[3] ?? 5);
  const t = await benchWriteXlsx(rows, runs);
  const f = (ms: number): string => ms.toFixed(0).padStart(6);
  console.log(
    `writeXlsx: ${t.inventoryRows} inventory rows, ${t.cells} cells, ${t.formulas} formulas, ${t.charts} charts, ${(t.bytes / 1024).toFixed(0)} KiB`
  );
  console.log("| phase (median of", runs, "runs) |     ms |");
  console.log("| --- | ---: |");
  console.log(`| exceljs model          | ${f(t.medianMs.build)} |`);
  console.log(`| exceljs package        | ${f(t.medianMs.exceljsWrite)} |`);
  console.log(`| jszip charts/tables    | ${f(t.medianMs.inject)} |`);
  console.log(`| writeXlsx total        | ${f(t.medianMs.total)} |`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
