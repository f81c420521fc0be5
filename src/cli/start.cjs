#!/usr/bin/env node
// `npm start`: sideload into Excel desktop where Office can run (Windows, macOS); elsewhere,
// serve the task pane over https://localhost:3000 and say exactly how to open it.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const port = process.env.npm_package_config_dev_server_port || 3000;
const canSideload =
  (process.platform === "win32" || process.platform === "darwin") && !process.env.HVTCO_SERVE_ONLY;
const bin = (name) =>
  path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function instructions() {
  return [
    "",
    `Hyper-V TCO Planner dev server: https://localhost:${port}/taskpane.html`,
    "",
    "Excel on the web (any OS):",
    "  1. Open a workbook at https://excel.cloud.microsoft (or office.com › Excel).",
    "  2. Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in.",
    `  3. Choose ${path.join(root, "manifest.xml")} and select Upload.`,
    "  4. Home › Hyper-V TCO › TCO Planner opens the task pane.",
    "  (The browser must trust the dev certificate: see README › Troubleshooting dev certificates.)",
    "",
    "Plain browser (no Excel): open the URL above; the pane runs in browser mode with",
    "  Download .xlsx and scenario JSON import/export instead of writing into a workbook.",
    "",
    "Stop with Ctrl+C (or `npm stop` from another terminal).",
    "",
  ].join("\n");
}

function run(cmd, args) {
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  return child;
}

if (canSideload) {
  // Builds, starts the dev server and sideloads manifest.xml into Excel desktop.
  run(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  process.stdout.write(
    `Desktop sideloading needs Excel for Windows or Mac (this is ${process.platform}); serving for Excel on the web instead.\n`
  );
  const child = run(bin("webpack"), ["serve", "--mode", "development"]);
  setTimeout(() => {
    if (child.exitCode === null) process.stdout.write(instructions());
  }, 1500);
}
