import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    exclude: ["test/integration/**", "test/e2e/**", "node_modules/**"],
    testTimeout: 60_000,
  },
});
