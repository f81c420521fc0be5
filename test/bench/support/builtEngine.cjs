// Times `analyze` in the engine as it ships: the JavaScript `npm run build:cli` compiles to
// dist/cli, which the command line runs (the task pane runs a webpack bundle of the same
// modules). Run by speed.bench.ts as
//   node test/bench/support/builtEngine.cjs SCENARIO.json WARMUPS RUNS SENSITIVITY(0|1) [EARLY]
// it parses the scenario file with the built parser, makes WARMUPS untimed calls, then RUNS
// timed ones, in this process. With EARLY, RUNS calls after the first EARLY are timed too
// (they count among the warm-ups, which must cover them): the bench prints that window beside
// the warm one, as V8 is still compiling then. It prints one JSON line: the first call, every
// timed call (ms), the CPU time of the process over each window's wall time (1 when only the
// main thread works; V8's compiler and garbage collector threads add to it) and the share of
// the window in which some task waited for a CPU (its own threads or other work), a digest of the
// answer (SHA-1 of its JSON), which the bench compares with the source's to prove the build
// is not stale, and the first option's hosts and lower bound.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createHash } = require("node:crypto");
const { performance } = require("node:perf_hooks");

const built = path.join(__dirname, "..", "..", "..", "dist", "cli");
const { parseScenario } = require(path.join(built, "scenario"));
const { analysisJson, analyze } = require(path.join(built, "tco"));

const [file, warmupsArg, runsArg, sensitivity, earlyArg] = process.argv.slice(2);
const warmups = Number(warmupsArg);
const runs = Number(runsArg);
const early = earlyArg === undefined ? null : Number(earlyArg);
if (early !== null && early + runs > warmups)
  throw new Error(
    `the early window (calls ${early + 1}–${early + runs}) must end within the ${warmups} warm-ups`
  );
const parsed = parseScenario(JSON.parse(fs.readFileSync(file, "utf8")));
if (!parsed.ok) throw new Error(`${file} is not a valid scenario`);
const options = { sensitivity: sensitivity === "1" };
let analysis;

/**
 * Microseconds in which some task on the machine waited for a CPU (Linux PSI, /proc/pressure/cpu,
 * "some total"), or null where the kernel does not report it.
 */
function cpuWaited() {
  try {
    const match = /some .*total=(\d+)/.exec(fs.readFileSync("/proc/pressure/cpu", "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * `count` timed calls: their times, the process's CPU time over their wall time, and the share
 * of the window in which some task waited for a CPU (null where not reported).
 */
function window(count) {
  const times = [];
  const cpu0 = process.cpuUsage();
  const waited0 = cpuWaited();
  const start = performance.now();
  let wall = 0;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    analysis = analyze(parsed.scenario, options);
    const t = performance.now() - t0;
    times.push(t);
    wall += t;
  }
  const cpu = process.cpuUsage(cpu0);
  const waited1 = cpuWaited();
  const pressure =
    waited0 === null || waited1 === null
      ? null
      : (waited1 - waited0) / 1000 / (performance.now() - start);
  return { times, cpuShare: (cpu.user + cpu.system) / 1000 / wall, pressure };
}

let calls = 1;
const t0 = performance.now();
analysis = analyze(parsed.scenario, options);
const first = performance.now() - t0;
let earlyWindow = null;
if (early !== null) {
  for (; calls < early; calls++) analyze(parsed.scenario, options);
  earlyWindow = window(runs);
  calls += runs;
}
for (; calls < warmups; calls++) analyze(parsed.scenario, options);
const warm = window(runs);
const digest = createHash("sha1")
  .update(JSON.stringify(analysisJson(analysis)))
  .digest("hex");
// Hosts of the first option and their lower bound: the local search stops at the bound, and
// runs its whole budget when the greedy packing stays above it.
const { hosts, lowerBoundHosts } = analysis.options[0].capacity;
process.stdout.write(
  `${JSON.stringify({ first, times: warm.times, cpuShare: warm.cpuShare, pressure: warm.pressure, early: earlyWindow, digest, hosts, lowerBoundHosts })}\n`
);
