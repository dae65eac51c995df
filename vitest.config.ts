import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
    // Typed linting builds a TypeScript program per worker: the first case of a file pays for it.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
