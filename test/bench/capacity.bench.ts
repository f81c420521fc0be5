/**
 * Speed and quality benchmark of the cluster capacity engine (`planCapacity`): the packing
 * core on 500 VM-like items × 5 dimensions, whole plans with N+1 verified by simulating every
 * single-host failure for 500, 10,000 and 100,000 VMs, and the real Bitbrains inventory
 * against the research note's figures. Run with `npx tsx test/bench/capacity.bench.ts`.
 * Timings are wall-clock on the machine that runs it; tests never assert them.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import {
  packVectors,
  planCapacity,
  type CapacityPlan,
  type HostConstraints,
} from "../../src/capacity";
import type { Scenario } from "../../src/scenario";
import {
  bitbrainsScenario,
  BITBRAINS_CONSTRAINTS,
  hasBitbrains,
  naiveBalancedHosts,
} from "../capacity/bitbrains";
import { syntheticScenario } from "../capacity/inventory";
import { vmLikeProblem } from "./packing.bench";

interface Timing {
  readonly first: number;
  readonly median: number | null;
}

function time(fn: () => void, repeats: number): Timing {
  let t0 = performance.now();
  fn();
  const first = performance.now() - t0;
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { first, median: times.length > 0 ? times[Math.floor(times.length / 2)]! : null };
}

const ms = (x: number | null): string => (x === null ? "–" : x.toFixed(0));
const verdict = (t: Timing, targetMs: number): string =>
  (t.median ?? t.first) <= targetMs ? "met" : "NOT met";

function planRow(
  label: string,
  scenario: Scenario,
  targetMs: number,
  repeats: number,
  constraints: HostConstraints = {}
): string {
  let plan: CapacityPlan | undefined;
  const t = time(() => {
    plan = planCapacity(scenario, constraints);
  }, repeats);
  const p = plan!;
  const scenarios = p.clusters.reduce((s, c) => s + c.scenariosChecked, 0);
  const checks = [...new Set(p.clusters.map((c) => c.failoverCheck))].join(", ");
  return (
    `| ${label} | ${p.vms.length.toLocaleString("en-US")} | ${p.hosts.toLocaleString("en-US")} | ${p.lowerBoundHosts.toLocaleString("en-US")} ` +
    `| ${p.clusters.length} | ${scenarios.toLocaleString("en-US")} (${checks}) | ${Math.max(0, ...p.hostPlans.map((h) => h.vms))} / ${p.maxVmsPerHostAfterFailover} ` +
    `| ${ms(t.first)} | ${ms(t.median)} | ≤ ${targetMs.toLocaleString("en-US")} | ${verdict(t, targetMs)} |`
  );
}

/** Speed table: the packing core and whole plans (N+1 verified) at three sizes. */
function speedTable(): string {
  const lines = [
    "### Speed (N+1: every single-host failure simulated)",
    "",
    "| case | VMs | hosts | lower bound | clusters | failure sets simulated | busiest host: VMs steady / after failover | first call ms | median of next ms | target ms | target |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  const items = vmLikeProblem(500, 42);
  let bins = 0;
  let lowerBound = 0;
  const pack = time(() => {
    const r = packVectors(items);
    bins = r.bins;
    lowerBound = r.lowerBound;
  }, 5);
  lines.push(
    `| packVectors: 500 VM-like items × 5 dimensions | 500 | ${bins} | ${lowerBound} | – | – | – | ${ms(pack.first)} | ${ms(pack.median)} | ≤ 100 | ${verdict(pack, 100)} |`
  );
  lines.push(
    planRow(
      "planCapacity, 500 VMs, ws2022 default host",
      syntheticScenario("ws2022", { servers: 500 }),
      500,
      3
    )
  );
  lines.push(
    planRow(
      "planCapacity, 10,000 VMs, ws2022",
      syntheticScenario("ws2022", { servers: 10_000 }),
      2000,
      2
    )
  );
  lines.push(
    planRow(
      "planCapacity, 10,000 VMs, ws2008r2 (16 nodes, 1,000 VMs per cluster)",
      syntheticScenario("ws2008r2", { servers: 10_000 }),
      2000,
      2
    )
  );
  lines.push(
    planRow(
      "planCapacity, 100,000 VMs, ws2022",
      syntheticScenario("ws2022", { servers: 100_000 }),
      30_000,
      0
    )
  );
  lines.push(
    "",
    "Synthetic inventories (`test/capacity/inventory.ts`, seed 7): 60 % small (1–4 cores, 1–8 GiB), 33 % mid-size, 7 % large servers (8–16 cores, 32–64 GiB); peak CPU 5–64 %; one inventory row per server. Hosts and clusters are the platform defaults (N+1, 16 nodes).",
    ""
  );
  return lines.join("\n");
}

/** Bitbrains: hosts, lower bound and worst case against the research note. */
function bitbrainsTable(): string {
  if (!hasBitbrains()) return "### Bitbrains\n\n(shared/data/traces not found)\n";
  const scenario = bitbrainsScenario();
  let plan: CapacityPlan | undefined;
  const t = time(() => {
    plan = planCapacity(scenario, BITBRAINS_CONSTRAINTS);
  }, 3);
  const p = plan!;
  const naive = naiveBalancedHosts(scenario);
  const steadyMax = Math.max(...p.hostPlans.map((h) => h.vms));
  const c = p.clusters[0]!;
  return [
    "### Real data: Bitbrains Rnd 2013-07, 500 VMs, N+1",
    "",
    "Host as in the research note: 32 cores at 2.926 GHz with an 80 % CPU target (74.91 GHz), 768 GiB, ≤ 512 virtual processors, ≤ 384 VMs; demand = p95 CPU and provisioned RAM; one cluster of up to 64 nodes.",
    "",
    "| figure | this engine | research note |",
    "|---|---|---|",
    `| hosts (N+1 verified) | **${p.hosts}** (${c.scenariosChecked} failure sets simulated) | 20 (naive balanced layout) |`,
    `| lower bound | ${p.lowerBoundSteadyState} + ${p.lowerBoundHosts - p.lowerBoundSteadyState} = ${p.lowerBoundHosts} | 15 (+1) |`,
    `| naive balanced layout (largest first to least-loaded host, n = 1, 2, … until N+1 holds) | ${naive} | 20 |`,
    `| busiest host, steady state | ${steadyMax} VMs | 34–46 (17–22 hosts) |`,
    `| busiest host after the worst single failure | ${p.maxVmsPerHostAfterFailover} VMs | 40–48 (17–22 hosts) |`,
    `| time | first ${ms(t.first)} ms, median ${ms(t.median)} ms | – |`,
    "",
    `Explanation printed with the plan: "${p.explanation}".`,
    "",
  ].join("\n");
}

/** Runs the whole benchmark and returns the tables as markdown. */
export async function runCapacityBench(): Promise<string> {
  const parts = ["## Cluster capacity engine (`planCapacity`)", ""];
  parts.push(speedTable()); // first, so the first calls are as cold as the process allows
  parts.push(bitbrainsTable());
  return parts.join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runCapacityBench().then((table) => console.log(table));
}
