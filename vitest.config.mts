import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * `npm test`: the fast unit suite. Slow unit-style files (listed in test/slow-unit-files.json:
 * the packing benchmarks over every instance set, the real inventory samples and RVTools
 * imports, the lint rules run through ESLint, the exhaustive BREAKEVEN sweep, the parser's
 * thousand-run properties, planning thousands of VMs by slices, the writer's failure
 * injection) run with `npm run test:integration` instead, so that `npm test` stays fast on two
 * cores. Why each setting (measured on the project's 2-core machine):
 * - maxWorkers: Vitest's default is one worker less than the cores — a single worker on two
 *   cores, so every file ran after the other. The main process only transforms and reports,
 *   so two workers use both cores.
 * - isolate: false (project "unit"): a worker keeps its module cache from file to file instead
 *   of importing decimal.js, exceljs, HyperFormula and the engine again for every file (about
 *   a fifth of the CPU time). No test mocks a module; tests that stub globals unstub them.
 * - The task pane's tests (project "pane") stay isolated: its modules keep state (the charts,
 *   the lazy-loaded views) bound to a file's happy-dom document.
 */
const slow = JSON.parse(readFileSync("test/slow-unit-files.json", "utf8")) as string[];
const missing = slow.filter((file) => !existsSync(file));
if (missing.length > 0)
  throw new Error(
    `test/slow-unit-files.json lists ${missing.join(", ")}, which does not exist: ` +
      "write the file's new path there, or remove the line."
  );
const pane = "test/taskpane/**";

export default defineConfig({
  test: {
    environment: "node",
    exclude: ["test/integration/**", "test/e2e/**", "node_modules/**", ...slow],
    testTimeout: 60_000,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [pane], isolate: false },
      },
      { extends: true, test: { name: "pane", include: [`${pane}/*.test.ts`], isolate: true } },
    ],
  },
});
