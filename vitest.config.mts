import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

/**
 * `npm test`: the fast unit suite. Slow unit-style files (listed in test/slow-unit-files.json:
 * the packing benchmarks over every instance set, the real inventory samples and RVTools
 * imports, the lint rules run through ESLint, the exhaustive BREAKEVEN sweep, the parser's
 * thousand-run properties, planning thousands of VMs by slices, the writer's failure
 * injection) run with `npm run test:integration` instead, so that `npm test` stays fast on two
 * cores. Why each setting (measured on the project's 2-core machine):
 * - maxWorkers: Vitest's default is one worker less than the cores, a single worker on two
 *   cores, so every file ran one after the other; the main process only reports and
 *   transforms, so two workers use both cores.
 * - isolate: false: each worker keeps its module cache from file to file instead of importing
 *   decimal.js, exceljs, HyperFormula and the engine again for every file (import was about a
 *   fifth of the run). No test mocks a module; tests that stub globals unstub them afterwards.
 */
const slow = JSON.parse(readFileSync("test/slow-unit-files.json", "utf8")) as string[];

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    exclude: ["test/integration/**", "test/e2e/**", "node_modules/**", ...slow],
    testTimeout: 60_000,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    isolate: false,
  },
});
