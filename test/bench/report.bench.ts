/**
 * Speed and size of the report: the WorkbookPlan and the .xlsx for 1,000 servers (target
 * under 2 s together), and the largest single Office.js request for 10,000 servers against
 * Excel on the web's 5 MB limit. Run with `npx tsx test/bench/report.bench.ts`.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { estimateRequestBytes, scheduleBatches } from "../../src/excel";
import { buildReport } from "../../src/report/build";
import { analyze } from "../../src/tco";
import { writeXlsx } from "../../src/xlsx";
import { realisticScenario } from "../tco/fixtures";

const LIMIT = 5 * 1024 * 1024;

export async function runReportBench(): Promise<string> {
  const rows: string[] = [];
  for (const servers of [1000, 10_000]) {
    const scenario = realisticScenario("ws2022", servers);
    const analysis = analyze(scenario, { sensitivity: servers <= 1000 });
    // warm-up, then one measured run of each step
    if (servers <= 1000) await writeXlsx(buildReport(scenario, analysis));
    const t0 = performance.now();
    const plan = buildReport(scenario, analysis);
    const t1 = performance.now();
    const bytes = await writeXlsx(plan);
    const t2 = performance.now();
    const whole = estimateRequestBytes(plan);
    const batches = scheduleBatches(plan, 4_500_000).length;
    rows.push(
      `| ${servers.toLocaleString("en-US")} | ${(t1 - t0).toFixed(0)} ms | ${(t2 - t1).toFixed(0)} ms | ${(t2 - t0).toFixed(0)} ms | ${(bytes.length / 1024).toFixed(0)} KiB | ${(whole / 1e6).toFixed(2)} MB (${((100 * whole) / LIMIT).toFixed(0)} % of 5 MiB) | ${batches} |`
    );
  }
  return [
    "### Report: plan and .xlsx (target: 1,000 servers under 2 s); Office.js request size (limit 5 MiB)",
    "",
    "| Servers | buildReport | writeXlsx | Total | .xlsx size | Whole write as one Office.js request | Write requests after splitting |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runReportBench().then((t) => console.log(t));
}
