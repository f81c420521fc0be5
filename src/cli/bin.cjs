#!/usr/bin/env node
// Entry point of `npx hyperv-tco`. Runs the compiled JavaScript in dist/cli (built by `npm ci`
// through the `prepare` script, or `npm run build:cli`), which starts at once. When there is
// no build, or a file in src/ is newer than it (you are editing the code), it runs the
// TypeScript through tsx instead — a few seconds slower, never stale.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..", "..");
const compiled = path.join(root, "dist", "cli", "cli", "main.js");

/** True when dist/cli exists and no .ts file under src/ is newer than its main.js. */
function compiledIsFresh() {
  let builtMs;
  try {
    builtMs = fs.statSync(compiled).mtimeMs;
  } catch {
    return false;
  }
  const src = path.join(root, "src");
  for (const entry of fs.readdirSync(src, { recursive: true })) {
    const name = String(entry);
    if (!name.endsWith(".ts") || name.startsWith("taskpane") || name.startsWith("functions"))
      continue;
    if (fs.statSync(path.join(src, name)).mtimeMs > builtMs) return false;
  }
  return true;
}

if (process.env.HVTCO_CLI_SOURCE !== "1" && compiledIsFresh()) {
  require(compiled)
    .runFromProcess()
    .catch((err) => {
      process.stderr.write(`hyperv-tco: internal error: ${err && err.stack ? err.stack : err}\n`);
      process.exitCode = 70;
    });
} else {
  // From source: a second Node with tsx's loader (it compiles TypeScript, ESM and CJS alike).
  const { spawnSync } = require("node:child_process");
  const { pathToFileURL } = require("node:url");
  const loader = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "loader.mjs");
  const run = spawnSync(
    process.execPath,
    ["--import", pathToFileURL(loader).href, path.join(__dirname, "run.ts"), ...process.argv.slice(2)],
    { stdio: "inherit" }
  );
  process.exitCode = run.status ?? 70;
}
