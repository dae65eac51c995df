import { createRequire } from "node:module";

import noDiscardedResult from "../rules/no-discarded-result.js";
import noIgnoredBackpressure from "../rules/no-ignored-backpressure.js";
import noShutdownBeforeFlush from "../rules/no-shutdown-before-flush.js";
import { getConfigRules, type ConfigName } from "./configs.js";

// The package resolves itself by name, so this works from src/ in tests and from dist/ when installed.
const { name, version } = createRequire(import.meta.url)("eslint-plugin-flush/package.json") as {
  name: string;
  version: string;
};

const PLUGIN_NAMESPACE = "flush";

const rules = {
  "no-discarded-result": noDiscardedResult,
  "no-ignored-backpressure": noIgnoredBackpressure,
  "no-shutdown-before-flush": noShutdownBeforeFlush,
};

/**
 * Typed loosely on purpose, as typescript-eslint types its own configs: ESLint's `Linter.Config`
 * and typescript-eslint's rule types do not line up, and a strict type here would make
 * `defineConfig(..., flush.configs.recommended)` fail to type-check in users' `eslint.config.ts`.
 */
interface FlushConfig {
  name?: string;
  rules?: object;
}

interface FlushPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<ConfigName, FlushConfig>;
}

const plugin: FlushPlugin = {
  meta: { name, version, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as FlushPlugin["configs"],
};

for (const config of ["recommended", "strict"] as const) {
  const flatConfig = {
    name: `${PLUGIN_NAMESPACE}/${config}`,
    plugins: { [PLUGIN_NAMESPACE]: plugin },
    rules: getConfigRules(PLUGIN_NAMESPACE, rules, config),
  };
  plugin.configs[config] = flatConfig;
}

export default plugin;
