import { ESLintUtils, type TSESLint } from "@typescript-eslint/utils";
import type ts from "typescript";

import {
  getAnalysisContext,
  getAnalysisOptions,
  type AnalysisContext,
  type AnalysisOptions,
} from "../core/model/analysis-context.js";
import type { Remedy, RemedyId } from "../core/fixes/remedies.js";
import type { StreamTypesOption } from "./stream-types-option.js";

/**
 * The rules' one way into the analysis: the file's TypeScript source and the program's analysis
 * context, or a clear error naming the fix when the user's config gives no type information.
 */
export function getTypedAnalysis<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  options: StreamTypesOption & Pick<AnalysisOptions, "checkUntypedStreams">,
): { sourceFile: ts.SourceFile; analysis: AnalysisContext } {
  // Made only when thrown: building an Error (and its stack) for every rule and file costs time.
  const missingTypes = () =>
    new Error(
      `flush/${context.id.replace(/^.*\//, "")} needs type information, and ${context.filename} has none. ` +
        "Enable typed linting: set `languageOptions.parserOptions.projectService: true` (and `tsconfigRootDir`) " +
        "with typescript-eslint's parser, and make sure the file is in a tsconfig. " +
        "See https://typescript-eslint.io/getting-started/typed-linting",
    );
  let services: ReturnType<typeof ESLintUtils.getParserServices>;
  try {
    services = ESLintUtils.getParserServices(context, true);
  } catch {
    // Another parser than typescript-eslint's: no services at all.
    throw missingTypes();
  }
  if (!services.program) throw missingTypes();
  const sourceFile = services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast);
  return { sourceFile, analysis: getAnalysisContext(services.program, getAnalysisOptions(options)) };
}

export interface ReportedFinding<MessageIds extends string> {
  node: ts.Node;
  messageId: MessageIds;
  data: Record<string, string | number>;
  /** Each offered as a suggestion whose message id is the remedy's id. */
  remedies: readonly Remedy<Extract<MessageIds, RemedyId>>[];
}

/** Reports a finding at its TypeScript node's range, offering each remedy as a suggestion. */
export function reportFinding<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  finding: ReportedFinding<MessageIds>,
): void {
  const { sourceCode } = context;
  context.report({
    loc: {
      start: sourceCode.getLocFromIndex(finding.node.getStart()),
      end: sourceCode.getLocFromIndex(finding.node.getEnd()),
    },
    messageId: finding.messageId,
    data: finding.data,
    suggest: finding.remedies.map((remedy) => ({
      messageId: remedy.id,
      data: finding.data,
      fix: (fixer) => remedy.edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text)),
    })),
  });
}

/** The 1-based line a node starts on, for messages that point at an earlier write. */
export function getLine(node: ts.Node): number {
  const sourceFile = node.getSourceFile();
  return sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
}
