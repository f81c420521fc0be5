/**
 * Benchmark jobs that need a fresh process (a cold first call, a peak RSS of their own): run as
 * `node -r ./test/bench/support/maxRss.cjs --import tsx test/bench/support/child.ts JOB ARGS…`
 * by {@link runChild}. Each job prints one JSON line on stdout.
 */
import { performance } from "node:perf_hooks";
import { planCapacity } from "../../../src/capacity";
import { syntheticScenario } from "../../capacity/inventory";
import { analyze } from "../../../src/tco";
import { realisticScenario } from "../../tco/fixtures";
import { countScenario } from "./inventories";

type Job = (args: readonly string[]) => Record<string, unknown>;

const JOBS: Readonly<Record<string, Job>> = {
  /** The first planCapacity call of a process (modules loaded, scenario parsed beforehand). */
  "cold-plan": ([servers]) => {
    const scenario = syntheticScenario("ws2022", { servers: Number(servers) });
    const t0 = performance.now();
    const plan = planCapacity(scenario);
    return { ms: performance.now() - t0, hosts: plan.hosts };
  },
  /**
   * `calls` analyses of the ws2008r2 inventory of `servers` servers with sensitivity, a line
   * `hvtco-call k` before each: run under --trace-deopt, the deoptimisations between the lines
   * show which calls sent compiled code back to the interpreter.
   */
  "analyze-calls": ([servers, calls]) => {
    const scenario = realisticScenario("ws2008r2", Number(servers));
    for (let k = 1; k <= Number(calls); k++) {
      process.stdout.write(`hvtco-call ${k}\n`);
      analyze(scenario, { sensitivity: true });
    }
    return { calls: Number(calls) };
  },
  /** planCapacity of `vms` VMs in `rows` inventory rows (identical VMs as counts). */
  "plan-count": ([rows, vms]) => {
    const scenario = countScenario(Number(rows), Number(vms));
    const t0 = performance.now();
    const plan = planCapacity(scenario);
    return {
      ms: performance.now() - t0,
      hosts: plan.hosts,
      lowerBoundHosts: plan.lowerBoundHosts,
      clusters: plan.clusters.length,
      maxVmsPerHostAfterFailover: plan.maxVmsPerHostAfterFailover,
    };
  },
};

const [name, ...args] = process.argv.slice(2);
const job = name === undefined ? undefined : JOBS[name];
if (!job) {
  process.stderr.write(`unknown job ${name}; jobs: ${Object.keys(JOBS).join(", ")}\n`);
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(job(args))}\n`);
}
