// Times `analyze` in the engine as it ships: the JavaScript `npm run build:cli` compiles to
// dist/cli, which the command line runs (the task pane runs a webpack bundle of the same
// modules). Run by speed.bench.ts as
//   node test/bench/support/builtEngine.cjs SCENARIO.json WARMUPS RUNS SENSITIVITY(0|1)
// it parses the scenario file with the built parser, makes WARMUPS + RUNS warm calls in this
// process and prints one JSON line: the first call, every timed call (ms), a digest of the
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

const [file, warmups, runs, sensitivity] = process.argv.slice(2);
const parsed = parseScenario(JSON.parse(fs.readFileSync(file, "utf8")));
if (!parsed.ok) throw new Error(`${file} is not a valid scenario`);
const options = { sensitivity: sensitivity === "1" };

let t0 = performance.now();
let analysis = analyze(parsed.scenario, options);
const first = performance.now() - t0;
for (let i = 1; i < Number(warmups); i++) analyze(parsed.scenario, options);
const times = [];
for (let i = 0; i < Number(runs); i++) {
  t0 = performance.now();
  analysis = analyze(parsed.scenario, options);
  times.push(performance.now() - t0);
}
const digest = createHash("sha1").update(JSON.stringify(analysisJson(analysis))).digest("hex");
// Hosts of the first option and their lower bound: the local search stops at the bound, and
// runs its whole budget when the greedy packing stays above it.
const { hosts, lowerBoundHosts } = analysis.options[0].capacity;
process.stdout.write(`${JSON.stringify({ first, times, digest, hosts, lowerBoundHosts })}\n`);
