#!/usr/bin/env node
// Part of `npm ci` (the `prepare` script): puts `hyperv-tco` into node_modules/.bin, so
// `npx hyperv-tco` finds it there at once. Without it npx installs the project into its own
// cache as a `file:` dependency and re-checks that install on every call (seconds, not ms).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..", "..");
const binDir = path.join(root, "node_modules", ".bin");
const target = path.join(root, "src", "cli", "bin.cjs");
fs.mkdirSync(binDir, { recursive: true });
if (process.platform === "win32") {
  // npm's own shims on Windows are .cmd files that call node.
  fs.writeFileSync(
    path.join(binDir, "hyperv-tco.cmd"),
    `@node "%~dp0\\..\\..\\src\\cli\\bin.cjs" %*\r\n`
  );
} else {
  const link = path.join(binDir, "hyperv-tco");
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(binDir, target), link);
  fs.chmodSync(target, 0o755);
}
