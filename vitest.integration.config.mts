import { defineConfig } from "vitest/config";
import { SLOW_UNIT_FILES } from "./vitest.config.mts";

/**
 * Slow tests against real engines (LibreOffice headless, headless Chromium, the built bundle),
 * full-size runs, the slow unit-style files `npm test` leaves out, and the capacity properties
 * again with many more random scenarios.
 */
export default defineConfig({
  test: {
    environment: "node",
    include: [
      "test/integration/**/*.test.ts",
      "test/e2e/**/*.test.ts",
      ...SLOW_UNIT_FILES,
      "test/capacity/plan.properties.test.ts",
    ],
    env: { CAPACITY_RUNS: "300" },
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
