/**
 * Issue 17: `count` handled as a count. One million VMs written as 10 inventory rows (identical
 * servers with a count each, as `import --group` writes them) must plan in seconds, not
 * minutes. Each size runs in a fresh process, which reports its plan time and peak RSS.
 * Run with `npm run bench -- count`.
 */
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { runChild } from "./support/process";

interface Case {
  readonly rows: number;
  readonly vms: number;
  /** Targets, or null for a row shown only for scale. */
  readonly targetSeconds: number | null;
  readonly targetRssMiB: number | null;
}

const CASES: readonly Case[] = [
  { rows: 10, vms: 10_000, targetSeconds: null, targetRssMiB: null },
  { rows: 10, vms: 100_000, targetSeconds: null, targetRssMiB: null },
  { rows: 10, vms: 1_000_000, targetSeconds: 5, targetRssMiB: 400 },
];

const n = (x: unknown): string => Number(x).toLocaleString("en-US");

/** Runs every case; returns the table as markdown. */
export async function runCountBench(): Promise<string> {
  const load = loadavg()[0]!;
  const lines = [
    "## `count` as a count: many identical VMs in a few rows (`planCapacity`, ws2022 defaults, N+1)",
    "",
    "| VMs in rows | hosts (lower bound) | clusters | busiest host after failover | plan time | peak RSS (process) | target | |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const c of CASES) {
    const run = runChild("plan-count", [c.rows, c.vms]);
    const r = run.result;
    const seconds = Number(r["ms"]) / 1000;
    const target =
      c.targetSeconds === null ? "–" : `≤ ${c.targetSeconds} s, ≤ ${c.targetRssMiB} MiB`;
    const met =
      c.targetSeconds === null
        ? ""
        : seconds <= c.targetSeconds && run.maxRssMiB <= c.targetRssMiB!
          ? "met"
          : "NOT met";
    lines.push(
      `| ${n(c.vms)} VMs in ${c.rows} rows | ${n(r["hosts"])} (≥ ${n(r["lowerBoundHosts"])}) | ${n(r["clusters"])} | ${n(r["maxVmsPerHostAfterFailover"])} VMs | ${seconds.toFixed(2)} s | ${run.maxRssMiB.toFixed(0)} MiB | ${target} | ${met} |`
    );
  }
  lines.push(
    "",
    `Rows: the seeded synthetic server shapes of \`test/capacity/inventory.ts\` (seed 11), counts equal. Load average ${load.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after. Peak RSS is the child process's, Node and tsx included (≈ 60 MiB idle).`,
    ""
  );
  return lines.join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runCountBench().then((table) => console.log(table));
}
