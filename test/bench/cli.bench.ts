/**
 * How fast the command line starts (issue 14: `npx hyperv-tco --help` under 0.3 s): the
 * compiled CLI from dist/cli (built by `npm ci`), timed as a user runs it — through npx, and
 * straight through node — median of 7 runs after a warm-up, with the machine's load beside it
 * (on a shared 2-core VM, npm's own start-up dominates the npx figure).
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "../support/paths";
import { median } from "./support/timing";

const TARGET_S = 0.3;
const RUNS = 7;

function timeRun(cmd: string, args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: REPO_ROOT, encoding: "utf8" });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  return seconds;
}

export async function runCliBench(): Promise<string> {
  const build = spawnSync("npm", ["run", "build:cli"], { cwd: REPO_ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build:cli failed: ${build.stderr}`);
  const bin = join(REPO_ROOT, "src", "cli", "bin.cjs");
  const cases: [string, string, string[]][] = [
    ["`npx hyperv-tco --help`", "npx", ["hyperv-tco", "--help"]],
    ["`node src/cli/bin.cjs --help`", process.execPath, [bin, "--help"]],
    ["`node src/cli/bin.cjs --version`", process.execPath, [bin, "--version"]],
    ["`npx` alone (`npx --version`): npm's own start-up", "npx", ["--version"]],
  ];
  const rows = cases.map(([what, cmd, args]) => {
    timeRun(cmd, args); // warm the file cache
    const t = median(Array.from({ length: RUNS }, () => timeRun(cmd, args)));
    const verdict = what.startsWith("`npx` alone") ? "–" : t < TARGET_S ? "met" : "not met";
    return `| ${what} | ${t.toFixed(2)} s | ${TARGET_S} s | ${verdict} |`;
  });
  return [
    `### CLI start-up (median of ${RUNS}; load average ${loadavg()[0]?.toFixed(1)} on this machine)`,
    "",
    "| Command | Time | Target | |",
    "|---|---|---|---|",
    ...rows,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runCliBench().then((t) => console.log(t));
}
