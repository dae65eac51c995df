import { defineConfig } from "vitest/config";

// Two projects: `unit` (`npm test`) checks rules, codemod fixtures, docs and metadata in-process and
// fast; `integration` (`npm run test:integration`) starts real processes: the packed package
// installed into new projects, the CLI, and the runtime proof on sockets and pipes. Integration
// files run one at a time, so that no test's time depends on how many others run beside it.
export default defineConfig({
  resolve: {
    // src/core/typescript.cts hands `typescript` on with `require` (faster for Node than an ES import
    // of it); the test transform does not take its CommonJS syntax, so tests import TypeScript itself.
    alias: [{ find: /^(?:\.\.?\/)+(?:src\/)?(?:core\/)?typescript\.cjs$/, replacement: "typescript" }],
  },
  test: {
    reporters: ["default", "./test/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "test/rules/**/*.test.ts",
            "test/codemod/fixtures.test.ts",
            "test/docs.test.ts",
            "test/meta/**/*.test.ts",
            "test/style/**/*.test.ts",
          ],
          // Typed linting builds a TypeScript program per worker and caches it in module state: with
          // isolation off, the files a worker runs share it instead of each building its own (the
          // run takes about 40 s instead of 90 s). No unit test keeps state between files.
          isolate: false,
          // The first case of a file may still pay for a program.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/e2e/**/*.test.ts", "test/runtime/**/*.test.ts", "test/codemod/cli*.test.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
