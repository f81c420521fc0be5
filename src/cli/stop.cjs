#!/usr/bin/env node
// `npm stop`: undo `npm start` — unregister the sideloaded add-in (Windows/macOS) and stop the dev server.
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const port = process.env.npm_package_config_dev_server_port || 3000;
if (process.platform === "win32" || process.platform === "darwin") {
  const bin = path.join(
    root,
    "node_modules",
    ".bin",
    process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging"
  );
  spawnSync(bin, ["stop", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
} else {
  // The dev server is the only thing npm start runs here: stop whatever listens on the port.
  const r = spawnSync(
    "sh",
    [
      "-c",
      `command -v fuser >/dev/null && fuser -k ${port}/tcp || pkill -f "webpack serve" || true`,
    ],
    { stdio: "inherit" }
  );
  process.stdout.write(
    r.status === 0 ? `Stopped the dev server on port ${port}.\n` : "Nothing to stop.\n"
  );
}
