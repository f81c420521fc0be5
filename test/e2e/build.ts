/**
 * The built task pane for end-to-end tests and the benchmark: `npx webpack --mode production`
 * into a temp folder keyed by a hash of every input of the build, so a run reuses a build of
 * the same sources and never touches the team's `dist/`.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { REPO_ROOT } from "../support/paths";

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** A hash of the sources, assets and build configuration. */
export function buildKey(): string {
  const hash = createHash("sha256");
  const files = [
    ...filesUnder(join(REPO_ROOT, "src")),
    ...filesUnder(join(REPO_ROOT, "assets")),
    ...[
      "webpack.config.js",
      "tsconfig.json",
      "tsconfig.build.json",
      "package.json",
      "package-lock.json",
      "manifest.xml",
    ].map((f) => join(REPO_ROOT, f)),
  ]
    .filter((f) => existsSync(f))
    .sort();
  for (const f of files) {
    hash.update(relative(REPO_ROOT, f));
    hash.update(readFileSync(f));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Remove builds of older sources left in the temp folder (a day old or more: never one in use). */
function pruneOldBuilds(keep: string): void {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith("hvtco-pane-") || path === keep) continue;
    try {
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // Someone else's, or gone already.
    }
  }
}

let pending: Promise<string> | null = null;

/** The folder of a production build of the current sources (built now if needed). */
export function ensurePaneBuild(): Promise<string> {
  pending ??= (async () => {
    const out = process.env["HVTCO_PANE_DIST"] ?? join(tmpdir(), `hvtco-pane-${buildKey()}`);
    pruneOldBuilds(out);
    if (existsSync(join(out, "taskpane.html")) && existsSync(join(out, "taskpane.js"))) return out;
    await new Promise<void>((resolve, reject) => {
      const child = spawn("npx", ["webpack", "--mode", "production", "--output-path", out], {
        cwd: REPO_ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let log = "";
      child.stdout.on("data", (d: Buffer) => (log += d.toString()));
      child.stderr.on("data", (d: Buffer) => (log += d.toString()));
      child.on("error", reject);
      child.on("close", (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`webpack failed (exit ${code}):\n${log.slice(-4000)}`))
      );
    });
    return out;
  })();
  return pending;
}
