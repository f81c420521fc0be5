/**
 * `npm run bench`: every benchmark, printed as markdown tables (the README quotes them).
 * Benchmarks print figures against their targets; tests never assert wall-clock times.
 * Pass names to run some only: `npm run bench -- packing tco`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../support/paths";

type Bench = { readonly name: string; readonly file: string; readonly fn: string };

const BENCHES: readonly Bench[] = [
  { name: "speed", file: "./speed.bench.ts", fn: "runSpeedBench" },
  { name: "count", file: "./count.bench.ts", fn: "runCountBench" },
  { name: "packing", file: "./packing.bench.ts", fn: "runPackingBench" },
  { name: "capacity", file: "./capacity.bench.ts", fn: "runCapacityBench" },
  { name: "capacity-v2", file: "./capacityV2.bench.ts", fn: "runCapacityV2Bench" },
  { name: "balance", file: "./capacityBalance.bench.ts", fn: "runBalanceBench" },
  { name: "tco", file: "./tco.bench.ts", fn: "runTcoBench" },
  { name: "hosts", file: "./hosts.bench.ts", fn: "runHostsBench" },
  { name: "report", file: "./report.bench.ts", fn: "runReportBench" },
  { name: "vmware", file: "./leavingVmware.bench.ts", fn: "runLeavingVmwareBench" },
  { name: "taskpane", file: "./taskpane.bench.ts", fn: "runTaskpaneBench" },
  { name: "cli", file: "./cli.bench.ts", fn: "runCliBench" },
  { name: "million", file: "./million.bench.ts", fn: "runMillionBench" },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const chosen = BENCHES.filter((b) => wanted.length === 0 || wanted.includes(b.name));
  console.log(
    `# Benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}\n`
  );
  for (const b of chosen) {
    if (!existsSync(join(REPO_ROOT, "test", "bench", b.file.slice(2)))) {
      console.log(`## ${b.name}\n\n(not available)\n`);
      continue;
    }
    const mod = (await import(b.file)) as Record<string, () => Promise<string>>;
    const run = mod[b.fn];
    if (!run) throw new Error(`${b.file} does not export ${b.fn}`);
    const t0 = Date.now();
    const table = await run();
    console.log(`## ${b.name}\n\n${table}\n\n_(${((Date.now() - t0) / 1000).toFixed(1)} s)_\n`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  // Exit now: a bench that failed half-way may hold a server or a browser open.
  process.exit(1);
});
