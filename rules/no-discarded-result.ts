import { findDiscardedResults, type DiscardedResult } from "../src/core/analysis/discarded-results.js";
import type { DiscardKind } from "../src/core/analysis/discarded.js";
import { findIgnoredByteCounts, type ByteCountApi } from "../src/core/analysis/ignored-byte-counts.js";
import { getByteCountRemedies, getDiscardedResultRemedies } from "../src/core/fixes/remedies.js";
import { createRule } from "../src/eslint/create-rule.js";
import {
  DEFAULT_STREAM_TYPES_OPTIONS,
  getOptionsSchema,
  type StreamTypesOption,
} from "../src/eslint/stream-types-option.js";
import { getTypedAnalysis, reportFinding } from "../src/eslint/typed-analysis.js";

type Options = [StreamTypesOption & { checkByteCounts?: boolean }];

type MessageIds = "discardedResult" | "addAwait" | "returnPromise" | "byteCountIgnored" | "useWriteFileSync";

const BYTE_COUNT_ADVICE: Readonly<Record<ByteCountApi, string>> = {
  "fs-write-sync": "Use `writeFileSync()`, which writes everything, or loop until the count covers the data.",
  "fs-write-callback": "Check `bytesWritten` in the callback and write the rest, or use `writeFile()`.",
  "file-handle-write": "Loop on `bytesWritten` until the whole buffer is written, or use `fh.writeFile()`.",
  "deno-write": "Loop on the count until everything is written, or use `writeAll()` from `@std/io`.",
};

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
  drop: "whether the abort went through",
};

export default createRule<Options, MessageIds>({
  name: "no-discarded-result",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow throwing away the promise of a stream write, flush, end, close, sync or abort",
      recommended: { recommended: true, strict: [{ checkByteCounts: true }] },
      requiresTypeChecking: true,
    },
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions -- reportFinding (src/eslint/typed-analysis.ts) makes the suggestions, out of this file's sight
    hasSuggestions: true,
    messages: {
      discardedResult:
        "The promise from `{{callee}}` is thrown away {{how}}: nothing learns {{lost}}, and a failure becomes an unhandled rejection. Await it, return it, or handle its rejection.",
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- a suggestion: reportFinding offers it by its remedy's id
      addAwait: "Await `{{callee}}`.",
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- a suggestion: reportFinding offers it by its remedy's id
      returnPromise: "Return the promise of `{{callee}}` to the caller.",
      byteCountIgnored:
        "`{{callee}}` may write fewer bytes than it was given, and the count of bytes it wrote is thrown away: the rest of the data is silently lost. {{advice}}",
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- a suggestion: reportFinding offers it by its remedy's id
      useWriteFileSync: "Use `writeFileSync()`, which writes every byte.",
    },
    schema: getOptionsSchema({
      checkByteCounts: {
        type: "boolean",
        description:
          "Also report dropped byte counts of writes that may be partial (fs.writeSync, Deno's FsFile.write).",
      },
    }),
    defaultOptions: [{ ...DEFAULT_STREAM_TYPES_OPTIONS[0], checkByteCounts: false }],
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
        if (!options.checkByteCounts) return;
        for (const finding of findIgnoredByteCounts(sourceFile, analysis)) {
          reportFinding(context, {
            node: finding.node,
            messageId: "byteCountIgnored",
            data: { callee: finding.label, advice: BYTE_COUNT_ADVICE[finding.api] },
            remedies: getByteCountRemedies(finding),
          });
        }
      },
    };
  },
});
