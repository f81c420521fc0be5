/**
 * Quality and speed benchmark of the vector packing core.
 *
 * Quality: total bins against the known optima of the Caprara–Toth 2-D set (per class) and
 * the Mommessin et al. Panigrahy-style and triplet sets, for the full `packVectors` and for
 * FFD-L1-avg alone. Speed: seeded VM-like instances of 500, 10,000 and 100,000 items × 5
 * dimensions. Run with `npx tsx test/bench/packing.bench.ts`.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { packVectors, type PackOptions, type PackingProblem } from "../../src/capacity/packing";
import { seededRandom } from "../../src/capacity/packing/localSearch";
import {
  capraraTothInstances,
  hasPackingData,
  multidimInstances,
  type BenchmarkInstance,
} from "../capacity/packing/datasets";

interface GroupRow {
  group: string;
  instances: number;
  hits: number;
  /** Instances whose lower bound equals the optimum (the packer can stop there). */
  proven: number;
  bins: number;
  optimum: number;
  lowerBound: number;
  ms: number;
}

function gapPercent(bins: number, optimum: number): string {
  return optimum > 0 ? ((100 * (bins - optimum)) / optimum).toFixed(2) : "–";
}

/**
 * Packs every instance and sums per group. An instance with clamped negative sizes counts its
 * optimum as max(stated optimum, proven lower bound), since clamping can raise the optimum.
 */
export function evaluatePacking(
  instances: readonly BenchmarkInstance[],
  options: PackOptions
): GroupRow[] {
  const rows = new Map<string, GroupRow>();
  const total: GroupRow = {
    group: "all",
    instances: 0,
    hits: 0,
    proven: 0,
    bins: 0,
    optimum: 0,
    lowerBound: 0,
    ms: 0,
  };
  for (const inst of instances) {
    const t0 = performance.now();
    const result = packVectors(inst.problem, options);
    const ms = performance.now() - t0;
    const optimum =
      inst.clampedNegatives > 0 ? Math.max(inst.optimum, result.lowerBound) : inst.optimum;
    const row = rows.get(inst.group) ?? {
      group: inst.group,
      instances: 0,
      hits: 0,
      proven: 0,
      bins: 0,
      optimum: 0,
      lowerBound: 0,
      ms: 0,
    };
    for (const r of [row, total]) {
      r.instances++;
      r.hits += result.bins === optimum ? 1 : 0;
      r.proven += result.lowerBound === optimum ? 1 : 0;
      r.bins += result.bins;
      r.optimum += optimum;
      r.lowerBound += result.lowerBound;
      r.ms += ms;
    }
    rows.set(inst.group, row);
  }
  const sorted = [...rows.values()].sort((a, b) =>
    a.group.localeCompare(b.group, "en", { numeric: true })
  );
  return [...sorted, total];
}

const GREEDY_ONLY: PackOptions = { localSearchEffort: 0 };
const FFD_L1_AVG_ONLY: PackOptions = { heuristics: ["ffd-l1-avg"], localSearchEffort: 0 };

/** Quality table of one instance set: packVectors, its greedy portfolio alone, and FFD-L1-avg alone. */
function qualityTable(
  title: string,
  instances: readonly BenchmarkInstance[]
): { table: string; total: GroupRow } {
  const full = evaluatePacking(instances, {});
  const greedy = evaluatePacking(instances, GREEDY_ONLY);
  const ffd = evaluatePacking(instances, FFD_L1_AVG_ONLY);
  const head =
    "| group | instances | optimum hits | lower bound = optimum | total bins | total optimum | gap % | greedy portfolio bins (gap %) | FFD-L1-avg bins (gap %) | Σ lower bound | ms |";
  const lines = full.map((r, k) => {
    const g = greedy[k]!;
    const f = ffd[k]!;
    return (
      `| ${r.group} | ${r.instances} | ${r.hits} | ${r.proven} | ${r.bins} | ${r.optimum} | ${gapPercent(r.bins, r.optimum)} ` +
      `| ${g.bins} (${gapPercent(g.bins, g.optimum)}) | ${f.bins} (${gapPercent(f.bins, f.optimum)}) | ${r.lowerBound} | ${r.ms.toFixed(0)} |`
    );
  });
  const table = [`### ${title}`, "", head, head.replace(/[^|]+/g, "---"), ...lines, ""].join("\n");
  return { table, total: full[full.length - 1]! };
}

/**
 * Seeded VM-like items: capacity 64 cores, 512 GiB, 8,000 GB disk, 40,000 IOPS,
 * 20,000 Mbit/s; VMs of 1–16 vCPU with 2–8 GiB per vCPU and loosely related disk/IO/network.
 */
export function vmLikeProblem(itemCount: number, seed: number): PackingProblem {
  const rnd = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!;
  const items: number[][] = [];
  for (let i = 0; i < itemCount; i++) {
    const vcpu = pick([1, 2, 2, 4, 4, 4, 8, 8, 16]);
    const memGiB = vcpu * pick([2, 4, 4, 8]);
    const diskGB = 40 + Math.floor(rnd() * 60) * 20;
    const iops = 100 + Math.floor(rnd() * diskGB * 3);
    const netMbps = 10 + Math.floor(rnd() * vcpu * 150);
    items.push([vcpu, memGiB, diskGB, iops, netMbps]);
  }
  return { capacity: [64, 512, 8000, 40000, 20000], items };
}

/**
 * Times `packVectors` on VM-like instances. The first call of each size is reported apart
 * (in a fresh process it includes JIT warm-up); the median is over the following calls.
 */
function speedTable(): string {
  const lines = [
    "### Speed (seeded VM-like items × 5 dimensions, default options)",
    "",
    "| items | bins | lower bound | gap to bound % | heuristic kept | first call ms | median of next 3 ms |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const n of [500, 10_000, 100_000]) {
    const problem = vmLikeProblem(n, 42);
    let t0 = performance.now();
    const result = packVectors(problem);
    const first = performance.now() - t0;
    const times: number[] = [];
    for (let r = 0; r < (n >= 100_000 ? 0 : 3); r++) {
      t0 = performance.now();
      packVectors(problem);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times.length > 0 ? times[Math.floor(times.length / 2)]!.toFixed(0) : "–";
    lines.push(
      `| ${n} | ${result.bins} | ${result.lowerBound} | ${gapPercent(result.bins, result.lowerBound)} | ${result.heuristic} | ${first.toFixed(0)} | ${median} |`
    );
  }
  return [...lines, ""].join("\n");
}

/** Runs the whole benchmark and returns the tables as markdown. */
export async function runPackingBench(): Promise<string> {
  const parts: string[] = ["## Vector packing benchmark (`packVectors`, default options)", ""];
  const speed = speedTable(); // first, so the first 500-item call is as cold as the process allows
  if (hasPackingData()) {
    const ct = qualityTable(
      "Caprara–Toth 2-D, 400 instances (group = class)",
      capraraTothInstances()
    );
    const pan = qualityTable(
      "Panigrahy-style classes, n = 60, d = 3/5",
      multidimInstances("panigrahy-classes")
    );
    const triplets = multidimInstances("triplets");
    const tri = qualityTable("Triplets, n = 60, d = 3/5 (optimum 20 by construction)", triplets);
    const clamped = triplets
      .filter((t) => t.clampedNegatives > 0)
      .map((t) => t.file.replace(/^.*\//, ""));
    const ffdTri = evaluatePacking(triplets, FFD_L1_AVG_ONLY).at(-1)!;
    parts.push(ct.table, pan.table, tri.table);
    parts.push(
      `Triplet files with a negative size clamped to 0 (optimum counted as max(20, lower bound)): ${clamped.join(", ")}.`,
      "",
      "Targets:",
      "",
      `- Caprara–Toth total ≤ 2.0 % above Σ optimum: ${gapPercent(ct.total.bins, ct.total.optimum)} % → ${verdict(ct.total.bins <= 1.02 * ct.total.optimum)}`,
      `- Panigrahy-style total ≤ 2.0 % above Σ optimum: ${gapPercent(pan.total.bins, pan.total.optimum)} % → ${verdict(pan.total.bins <= 1.02 * pan.total.optimum)}`,
      `- Triplets better than FFD-L1-avg alone: ${tri.total.bins} vs ${ffdTri.bins} bins → ${verdict(tri.total.bins < ffdTri.bins)}`,
      ""
    );
  } else {
    parts.push("(benchmark instances not found; set VECTOR_PACKING_DATA)", "");
  }
  parts.push(speed);
  return parts.join("\n");
}

function verdict(ok: boolean): string {
  return ok ? "met" : "NOT met";
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runPackingBench().then((table) => console.log(table));
}
