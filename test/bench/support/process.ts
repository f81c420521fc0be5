/**
 * Runs a benchmarked command in a fresh process and reads back its wall-clock time, its peak
 * resident set size (through the `maxRss.cjs` preload) and the JSON line a child job prints.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { REPO_ROOT } from "../../support/paths";

export interface ProcessRun {
  /** Wall clock of the whole process, ms (start-up included). */
  readonly wallMs: number;
  /** Peak resident set size, MiB. */
  readonly maxRssMiB: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const RSS_LINE = /hvtco-bench-max-rss-kib (\d+)/;
const PRELOAD = join(REPO_ROOT, "test", "bench", "support", "maxRss.cjs");

/**
 * `node …nodeArgs` from the repository root with the RSS preload in NODE_OPTIONS, so that a
 * Node process it starts (the CLI launcher runs a second one from source) reports too: the
 * peak is the largest of them. Throws when it fails.
 */
export function runNode(nodeArgs: readonly string[], timeoutMs = 1_800_000): ProcessRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, nodeArgs, {
    cwd: REPO_ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
    env: { ...process.env, NODE_OPTIONS: `${process.env["NODE_OPTIONS"] ?? ""} -r ${PRELOAD}` },
  });
  const wallMs = performance.now() - t0;
  const peaks = [...(r.stderr ?? "").matchAll(new RegExp(RSS_LINE, "g"))].map((m) => Number(m[1]));
  const rss = peaks.length > 0 ? [String(Math.max(...peaks)), String(Math.max(...peaks))] : null;
  if (r.status !== 0 || !rss)
    throw new Error(
      `node ${nodeArgs.join(" ")} failed (exit ${r.status}, ${r.error?.message ?? "no error"}):\n${(r.stderr ?? "").slice(-3000)}`
    );
  return {
    wallMs,
    maxRssMiB: Number(rss[1]) / 1024,
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

/** A job of `child.ts` in a fresh process: its JSON result, wall clock and peak RSS. */
export function runChild(
  job: string,
  args: readonly (string | number)[]
): ProcessRun & { readonly result: Record<string, unknown> } {
  const run = runNode([
    "--import",
    "tsx",
    join(REPO_ROOT, "test", "bench", "support", "child.ts"),
    job,
    ...args.map(String),
  ]);
  const line = run.stdout.trim().split("\n").at(-1) ?? "{}";
  return { ...run, result: JSON.parse(line) as Record<string, unknown> };
}
