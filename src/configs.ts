import type { TSESLint } from "@typescript-eslint/utils";

import type { FlushRuleDocs } from "./eslint/create-rule.js";

export type ConfigName = "recommended" | "strict";

type FlushRule = TSESLint.RuleModule<string, readonly unknown[], FlushRuleDocs>;

/** The setting a rule gets in a config, read from its own `meta.docs.recommended`; `undefined` when off. */
function getRuleEntry(rule: FlushRule, config: ConfigName): TSESLint.SharedConfig.RuleEntry | undefined {
  const recommended = rule.meta.docs?.recommended;
  if (recommended === undefined) return undefined;
  if (typeof recommended === "string") {
    return recommended === "recommended" || config === "strict" ? "error" : undefined;
  }
  if (config === "recommended") return recommended.recommended ? "error" : undefined;
  return ["error", ...recommended.strict] as TSESLint.SharedConfig.RuleEntry;
}

/** The rules a config turns on, derived from the rules themselves: no list is kept by hand. */
export function getConfigRules(
  pluginName: string,
  rules: Readonly<Record<string, FlushRule>>,
  config: ConfigName,
): Record<string, TSESLint.SharedConfig.RuleEntry> {
  const entries: Record<string, TSESLint.SharedConfig.RuleEntry> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const entry = getRuleEntry(rule, config);
    if (entry !== undefined) entries[`${pluginName}/${name}`] = entry;
  }
  return entries;
}
