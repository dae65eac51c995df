import { findDiscardedResults, type DiscardedResult } from "../src/core/discarded-results.js";
import type { DiscardKind } from "../src/core/discarded.js";
import { getDiscardedResultRemedies } from "../src/core/remedies.js";
import { createRule } from "../src/eslint/create-rule.js";
import {
  DEFAULT_STREAM_TYPES_OPTIONS,
  STREAM_TYPES_OPTIONS_SCHEMA,
  type StreamTypesOption,
} from "../src/eslint/stream-types-option.js";
import { getTypedAnalysis, reportFinding } from "../src/eslint/typed-analysis.js";

type Options = [StreamTypesOption];

type MessageIds = "discardedResult" | "addAwait" | "returnPromise";

const HOW: Readonly<Record<DiscardKind, string>> = {
  statement: "as a bare statement",
  void: "with `void`",
  "unused-binding": "into a variable nobody reads",
  "ignored-return": "to a caller that ignores it",
};

const WHAT_IS_LOST: Readonly<Record<DiscardedResult["operation"], string>> = {
  write: "whether the data was written",
  flush: "whether the buffer was flushed",
  drain: "when the buffer has room again",
  end: "whether everything was flushed",
  close: "whether everything was written before the close",
  sync: "whether the data reached the disk",
  complete: "whether the stream finished or failed",
  discard: "whether the abort went through",
};

export default createRule<Options, MessageIds>({
  name: "no-discarded-result",
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow throwing away the promise of a stream write, flush, end, close, sync or abort",
      recommended: "recommended",
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      discardedResult:
        "The promise from `{{callee}}` is thrown away {{how}}: nothing learns {{lost}}, and a failure becomes an unhandled rejection. Await it, return it, or handle its rejection.",
      addAwait: "Await `{{callee}}`.",
      returnPromise: "Return the promise of `{{callee}}` to the caller.",
    },
    schema: STREAM_TYPES_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_STREAM_TYPES_OPTIONS,
  },
  create(context, [options]) {
    const { sourceFile, analysis } = getTypedAnalysis(context, options);
    return {
      Program() {
        for (const result of findDiscardedResults(sourceFile, analysis)) {
          reportFinding(context, {
            node: result.node,
            messageId: "discardedResult",
            data: { callee: result.label, how: HOW[result.site.kind], lost: WHAT_IS_LOST[result.operation] },
            remedies: getDiscardedResultRemedies(result, analysis),
          });
        }
      },
    };
  },
});
