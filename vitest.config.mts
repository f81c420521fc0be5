import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

/**
 * Slow unit-style files (listed in test/slow-unit-files.json: the packing benchmarks over every
 * instance set, the real inventory samples) run with `npm run test:integration`, so that
 * `npm test` stays fast on two cores.
 */
const slow = JSON.parse(readFileSync("test/slow-unit-files.json", "utf8")) as string[];

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    exclude: ["test/integration/**", "test/e2e/**", "node_modules/**", ...slow],
    testTimeout: 60_000,
  },
});
