#!/usr/bin/env node
// Entry point of `npx hyperv-tco`: runs the TypeScript CLI through tsx (no build step needed).
"use strict";
const tsx = require("tsx/cjs/api");
const cli = tsx.require("./main.ts", __filename);
cli.runFromProcess().catch((err) => {
  process.stderr.write(`hyperv-tco: internal error: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 70;
});
