// Preloaded (`node -r`) into a benchmarked process: prints its peak resident set size on exit,
// as one line `hvtco-bench-max-rss-kib <n>` on stderr, so the benchmark measures the real
// command (the CLI, or a child script) and not its own process.
"use strict";
process.on("exit", () => {
  process.stderr.write(`\nhvtco-bench-max-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
