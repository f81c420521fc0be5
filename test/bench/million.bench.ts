/**
 * Bounded work at the top of the scenario limits (`LIMITS.totalServers`): 1,000,000 VMs in
 * 10 rows (`count` 100,000 each), planned by `planCapacity` and analysed by `analyze` (every
 * option, no sensitivity), each in a fresh Node process so its peak RSS is its own. Run with
 * `npm run bench -- million` or `npx tsx test/bench/million.bench.ts`. A run past
 * `HVTCO_BENCH_LIMIT_S` (default 600 s) is stopped and reported as such. Timings are
 * wall-clock on the machine that runs it; tests never assert them.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { planCapacity } from "../../src/capacity";
import { LIMITS, defaultScenarioJson, parseScenario, type Scenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { REPO_ROOT } from "../support/paths";

/** Target: "plans in seconds, not minutes" (issue 17). */
const TARGET_S = 10;
const LIMIT_S = Number(process.env["HVTCO_BENCH_LIMIT_S"] ?? 600);

/** 10 rows of 100,000 identical VMs each: ten kinds of server, ws2022 defaults otherwise. */
export function millionScenario(): Scenario {
  const rows = Array.from({ length: 10 }, (_, i) => ({
    name: `GROUP-${i + 1}`,
    count: LIMITS.totalServers.value / 10,
    os: i % 3 === 0 ? "linux" : "windows",
    cores: 2 + (i % 4) * 2,
    cpuGhz: "2.4",
    peakCpuUtilization: ["0.2", "0.35", "0.5"][i % 3],
    averageCpuUtilization: "0.1",
    memoryGiB: String(4 * (1 + (i % 5))),
    storageGiB: "100",
  }));
  const parsed = parseScenario(defaultScenarioJson("ws2022", rows));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  return parsed.scenario;
}

type Job = "plan" | "analyze";

/** In the child: run one job, print `{ms, hosts, peakMiB}` as JSON. */
function runJob(job: Job): void {
  const scenario = millionScenario();
  const t0 = performance.now();
  const hosts =
    job === "plan"
      ? planCapacity(scenario).hosts
      : (analyze(scenario, { sensitivity: false }).options.find((o) => o.eligible)?.capacity
          .hosts ?? 0);
  const ms = performance.now() - t0;
  const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ms, hosts, peakMiB })}\n`);
}

/** Run a job in a fresh process; null when it passed the time limit. */
function measure(job: Job): Promise<{ ms: number; hosts: number; peakMiB: number } | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(REPO_ROOT, "test", "bench", "million.bench.ts"), "--job", job],
      { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] }
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), LIMIT_S * 1000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) return resolve(null);
      resolve(JSON.parse(out.trim().split("\n").pop() ?? "null"));
    });
  });
}

/** The table: plan and analysis of 1,000,000 VMs in 10 rows, time and peak RSS against the target. */
export async function runMillionBench(): Promise<string> {
  const lines = ["| case | hosts | time | peak RSS | target |", "|---|---|---|---|---|"];
  for (const [job, label] of [
    ["plan", "planCapacity, 1,000,000 VMs in 10 rows (ws2022)"],
    ["analyze", "analyze (every option, no sensitivity), the same"],
  ] as const) {
    const r = await measure(job);
    lines.push(
      r === null
        ? `| ${label} | – | > ${LIMIT_S} s (stopped) | – | ≤ ${TARGET_S} s: NOT met |`
        : `| ${label} | ${r.hosts.toLocaleString("en-US")} | ${(r.ms / 1000).toFixed(1)} s | ${r.peakMiB} MiB | ≤ ${TARGET_S} s: ${r.ms / 1000 <= TARGET_S ? "met" : "NOT met"} |`
    );
  }
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const at = process.argv.indexOf("--job");
  if (at >= 0) runJob(process.argv[at + 1] as Job);
  else void runMillionBench().then((t) => console.log(t));
}
