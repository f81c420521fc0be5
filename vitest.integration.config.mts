import { defineConfig } from "vitest/config";

/** Slow tests against real engines: LibreOffice headless, headless Chromium, the built bundle. */
export default defineConfig({
  test: {
    environment: "node",
    include: ["test/integration/**/*.test.ts", "test/e2e/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
