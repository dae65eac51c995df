import { createRequire } from "node:module";

import type { TSESLint } from "@typescript-eslint/utils";

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

interface FlushPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<ConfigName, TSESLint.FlatConfig.Config>;
}

const plugin: FlushPlugin = {
  meta: { name, version, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as FlushPlugin["configs"],
};

for (const config of ["recommended", "strict"] as const) {
  plugin.configs[config] = {
    name: `${PLUGIN_NAMESPACE}/${config}`,
    plugins: { [PLUGIN_NAMESPACE]: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: getConfigRules(PLUGIN_NAMESPACE, rules, config),
  };
}

export default plugin;
