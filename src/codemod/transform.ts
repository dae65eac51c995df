import type ts from "typescript";

import type { AnalysisContext } from "../core/model/analysis-context.js";
import type { Rewrite } from "../core/fixes/rewrites.js";
import type { RuleOptions } from "./eslint-options.js";

/** One site a rule reports, with what the codemod does about it. */
export interface TransformSite {
  readonly node: ts.Node;
  readonly rewrite: Rewrite;
}

/**
 * A codemod transform: the findings of one rule, each turned into a rewrite or a reason to leave
 * it. Transforms call the same finders as the rules, so they fix exactly what the rules report.
 */
export interface Transform {
  /** The transform's name: its file in codemods/ and its fixture folder. */
  readonly name: string;
  /** The rule whose findings it rewrites. */
  readonly rule: string;
  /**
   * The rule's options where the project's ESLint config sets none: the strict config's, since the
   * rewrite (waiting for "drain", flushing before an exit) is right after every strict report too.
   */
  readonly defaultOptions: RuleOptions;
  /** The sites the rule reports with `options` (the project's, or `defaultOptions`). */
  findSites(sourceFile: ts.SourceFile, context: AnalysisContext, options: RuleOptions): TransformSite[];
}
