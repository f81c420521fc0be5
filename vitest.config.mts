import { defineConfig } from "vitest/config";

/**
 * Slow unit-style files run with the integration tests (`npm run test:integration`), so that
 * `npm test` stays fast on two cores: the packing benchmarks over every instance set and the
 * real inventory samples.
 */
export const SLOW_UNIT_FILES = [
  "test/capacity/packing/benchmarks.test.ts",
  "test/inventory/samples.test.ts",
];

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    exclude: ["test/integration/**", "test/e2e/**", "node_modules/**", ...SLOW_UNIT_FILES],
    testTimeout: 60_000,
  },
});
