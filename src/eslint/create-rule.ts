import { ESLintUtils } from "@typescript-eslint/utils";
import type { RuleRecommendation, RuleRecommendationAcrossConfigs } from "@typescript-eslint/utils/ts-eslint";

export interface FlushRuleDocs {
  /** Which config turns the rule on: `recommended` rules are in `strict` too. */
  recommended: Exclude<RuleRecommendation, "stylistic"> | RuleRecommendationAcrossConfigs<unknown[]>;
  /** Every rule of this plugin needs type information. */
  requiresTypeChecking: true;
}

export const REPOSITORY_URL = "https://github.com/eslint-plugin-flush/eslint-plugin-flush";

export const createRule = ESLintUtils.RuleCreator<FlushRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
