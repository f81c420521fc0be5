import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

/**
 * Slow tests against real engines (LibreOffice headless, headless Chromium, the built bundle),
 * full-size runs, the slow unit-style files `npm test` leaves out (test/slow-unit-files.json),
 * and the capacity properties again with many more random scenarios.
 */
const slow = JSON.parse(readFileSync("test/slow-unit-files.json", "utf8")) as string[];

export default defineConfig({
  test: {
    environment: "node",
    include: [
      "test/integration/**/*.test.ts",
      "test/e2e/**/*.test.ts",
      ...slow,
      "test/capacity/planCapacity.properties.test.ts",
    ],
    env: { CAPACITY_RUNS: "300" },
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
