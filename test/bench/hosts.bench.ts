/**
 * Speed of the host sweep: 10 candidate hosts × every option of today (ws2025) for 1,000
 * servers, in-process (`analyze` without the sensitivity analysis, as the pane recomputes).
 * Target: < 1 s (issue 18). Beside it: one candidate alone, so the cost per candidate shows.
 * Run with `npm run bench -- hosts`.
 */
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import {
  defaultScenarioJson,
  hostCatalogOptions,
  parseScenario,
  type Scenario,
} from "../../src/scenario";
import { analyze } from "../../src/tco";
import { realisticInventory } from "../tco/fixtures";
import { timed } from "./support/timing";

const TARGET_MS = 1000;
const RUNS = 3;

/** Twenty candidates (the limit): the ten below and each again 10 % dearer. */
function twentyCandidates(): Record<string, string | number>[] {
  const ten = tenCandidates();
  return [
    ...ten,
    ...ten.map((c) => ({
      ...c,
      name: `${String(c["name"])} (+10 %)`,
      price: String(Math.round(Number(c["price"] ?? 25000) * 1.1)),
    })),
  ];
}

/** The 2026 catalog's six nodes plus four variants: ten candidates. */
function tenCandidates(): Record<string, string | number>[] {
  const catalog = hostCatalogOptions();
  const variants = [
    { name: "2 × 16c / 768 GiB", sockets: 2, coresPerSocket: 16, memoryGiB: "768", price: "24000" },
    { name: "2 × 24c / 1 TiB", sockets: 2, coresPerSocket: 24, memoryGiB: "1024", price: "32000" },
    {
      name: "2 × 32c / 1.5 TiB",
      sockets: 2,
      coresPerSocket: 32,
      memoryGiB: "1536",
      price: "46000",
    },
    { name: "1 × 32c / 512 GiB", sockets: 1, coresPerSocket: 32, memoryGiB: "512", price: "19000" },
  ];
  return [...catalog, ...variants].slice(0, 10);
}

function scenarioOf(candidates: readonly Record<string, string | number>[] | null): Scenario {
  const json = defaultScenarioJson("ws2025", realisticInventory(1000, 2026));
  const parsed = parseScenario(candidates ? { ...json, hostOptions: candidates } : json);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return parsed.scenario;
}

/** Runs the sweep; returns a markdown table with the verdict. */
export async function runHostsBench(): Promise<string> {
  const loadBefore = loadavg()[0] ?? 0;
  const sweep = scenarioOf(tenCandidates());
  const limit = scenarioOf(twentyCandidates());
  const single = scenarioOf(null);
  const result = analyze(sweep, { sensitivity: false });
  const one = timed(RUNS, () => analyze(single, { sensitivity: false }));
  const ten = timed(RUNS, () => analyze(sweep, { sensitivity: false }));
  const twenty = timed(RUNS, () => analyze(limit, { sensitivity: false }));
  const chosen = result.options
    .filter((o) => o.eligible)
    .map((o) => `${o.id}: ${o.hostName} (${o.capacity.hosts})`)
    .join("; ");
  const verdict = (x: number): string => (x < TARGET_MS ? "met" : "NOT met");
  const cpu = cpus();
  return [
    "## Host sweep: which host to buy",
    "",
    `1,000 servers (realistic seeded estate), ws2025, ${sweep.licensing.options.length} options, no sensitivity; medians of ${RUNS} runs after a warm-up.`,
    `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}; load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after.`,
    "",
    "| candidates | options | median ms | CPU ms | target ms | |",
    "|---:|---:|---:|---:|---:|---|",
    `| 1 (host) | ${single.licensing.options.length} | ${one.wall.toFixed(0)} | ${one.cpu.toFixed(0)} | – | – |`,
    `| 10 | ${sweep.licensing.options.length} | ${ten.wall.toFixed(0)} | ${ten.cpu.toFixed(0)} | < ${TARGET_MS} | ${verdict(ten.wall)} (CPU ${verdict(ten.cpu)}) |`,
    `| 20 (the limit) | ${limit.licensing.options.length} | ${twenty.wall.toFixed(0)} | ${twenty.cpu.toFixed(0)} | – | – |`,
    "",
    `Chosen: ${chosen}.`,
    "",
  ].join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runHostsBench().then((table) => console.log(table));
}
