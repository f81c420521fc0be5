/**
 * Speed of `analyze` — the whole business case for every licensing option — on realistic,
 * seeded estates (test/tco/fixtures.ts `realisticInventory`: one row per server, 70 % Windows,
 * peaks 5–65 %), with the time spent in capacity planning shown beside it.
 *
 * Targets: 1,000 servers × all options without sensitivity (the task pane's recompute path)
 * < 50 ms; 10,000 servers < 1 s. Medians of several runs after a warm-up.
 * Run with `npx tsx test/bench/tco.bench.ts`.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { planCapacity } from "../../src/capacity";
import { hostConstraintsFor } from "../../src/licensing";
import type { PlatformId } from "../../src/platform";
import type { Scenario } from "../../src/scenario";
import { analyze, type AnalyzeOptions } from "../../src/tco";
import { realisticScenario } from "../tco/fixtures";

interface Case {
  readonly servers: number;
  readonly platform: PlatformId;
  readonly sensitivity: boolean;
  readonly runs: number;
  /** Target median in ms, or null for "report only". */
  readonly targetMs: number | null;
}

const CASES: readonly Case[] = [
  { servers: 1000, platform: "ws2008r2", sensitivity: false, runs: 7, targetMs: 50 },
  { servers: 1000, platform: "ws2022", sensitivity: false, runs: 7, targetMs: 50 },
  { servers: 1000, platform: "ws2008r2", sensitivity: true, runs: 3, targetMs: null },
  { servers: 1000, platform: "ws2022", sensitivity: true, runs: 3, targetMs: null },
  { servers: 10_000, platform: "ws2008r2", sensitivity: false, runs: 3, targetMs: 1000 },
  { servers: 10_000, platform: "ws2022", sensitivity: false, runs: 3, targetMs: 1000 },
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median ms of `runs` calls after one warm-up call. */
function timed(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The distinct capacity plans `analyze` makes (options whose constraints shape the plan alike share one). */
function planAll(scenario: Scenario): void {
  const seen = new Set<string>();
  for (const id of scenario.licensing.options) {
    const c = hostConstraintsFor(id, scenario);
    const key = JSON.stringify([c.maxHostMemoryGiB, c.maxRunningVmsPerHost, c.clusteringAllowed !== false]);
    if (seen.has(key)) continue;
    seen.add(key);
    planCapacity(scenario, c);
  }
  // the mixed-estate recommendation plans for Datacenter's constraints (shared above when unconstrained)
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** Runs every case; returns a markdown table and the verdicts. */
export async function runTcoBench(): Promise<string> {
  const rows: string[] = [];
  const verdicts: string[] = [];
  for (const c of CASES) {
    const scenario = realisticScenario(c.platform, c.servers);
    const options: AnalyzeOptions = { sensitivity: c.sensitivity };
    const first = analyze(scenario, options);
    const eligible = first.options.filter((o) => o.eligible);
    const hosts = [...new Set(eligible.map((o) => o.capacity.hosts))].join("/");
    const total = timed(c.runs, () => analyze(scenario, options));
    const planning = timed(c.runs, () => planAll(scenario));
    const share = c.sensitivity ? "–" : `${ms(planning)} (${Math.round((100 * planning) / total)} %)`;
    const target = c.targetMs === null ? "–" : `< ${c.targetMs}`;
    const met = c.targetMs === null ? "–" : total < c.targetMs ? "met" : "NOT met";
    rows.push(
      `| ${c.servers.toLocaleString("en-US")} | ${c.platform} | ${first.options.length} (${eligible.length} eligible) | ${hosts} | ${c.sensitivity ? "yes" : "no"} | ${c.runs} | ${ms(total)} | ${share} | ${target} | ${met} |`,
    );
    if (c.targetMs !== null) verdicts.push(`- ${c.servers.toLocaleString("en-US")} servers, ${c.platform}, no sensitivity: median ${ms(total)} ms, target < ${c.targetMs} ms → ${met}`);
  }
  return [
    "## analyze(): business case for every option",
    "",
    "Realistic seeded estates (one row per server). Median of the runs after one warm-up; 'capacity plans' is the",
    "median time of planCapacity alone for the distinct plans analyze needs (its share of the total).",
    "",
    "| servers | platform | options | hosts | sensitivity | runs | median ms | capacity plans ms | target ms | |",
    "|---:|---|---|---|---|---:|---:|---:|---:|---|",
    ...rows,
    "",
    "Targets:",
    "",
    ...verdicts,
    "",
  ].join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runTcoBench().then((table) => console.log(table));
}
