// The project lints itself with its own recommended config, taken from the build: `npm test` builds
// before it lints. Every file is linted with type information, over the root tsconfig.json.
import js from "@eslint/js";
import eslintPlugin from "eslint-plugin-eslint-plugin";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

// The built plugin, typed by its source: type-checking this file needs no build.
const builtPlugin = "./dist/src/index.js";
const flush = await import(builtPlugin).then(
  (/** @type {{ default: import("./src/index.js").default }} */ module) => module.default,
  (error) => {
    throw new Error(
      `eslint.config.js lints with the built plugin in dist/, which did not load: run \`npm run build\` first. (${error})`,
      { cause: error },
    );
  },
);

/** The JavaScript here runs on Node: its globals are the ones of the Node running ESLint. */
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, "readonly"]));

export default defineConfig(
  // examples/ holds deliberate bugs for the demo, linted by its own config.
  globalIgnores(["dist/", "node_modules/", "coverage/", "test/fixtures/", "examples/"]),
  {
    name: "flush/repository",
    files: ["**/*.{js,mjs,cjs,ts,mts,cts}"],
    // Type-checked, but not strictTypeChecked or stylisticTypeChecked: most of what they add here is
    // numbers in template literals, non-null assertions, and "unnecessary" conditions that are real
    // guards (TypeScript types a node's `parent` as always set; a SourceFile has none). The commit
    // that chose this has the counts.
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked, flush.configs.recommended],
    languageOptions: {
      parserOptions: {
        // tsconfig.json's program holds the JavaScript too (allowJs, checkJs): one set of types for
        // `npm run typecheck` and the lint.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    name: "flush/repository/rules",
    files: ["rules/*.ts"],
    extends: [eslintPlugin.configs["rules-recommended"]],
  },
  {
    name: "flush/repository/rule-tests",
    files: ["test/rules/**/*.ts"],
    extends: [eslintPlugin.configs["tests-recommended"]],
    // The tests get their RuleTester from test/rule-tester.ts.
    settings: { "eslint-plugin": { ruleTesterConstructors: ["createRuleTester"] } },
  },
  {
    name: "flush/repository/javascript",
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: nodeGlobals },
  },
);
