import type { AnalysisOptions } from "../src/core/model/analysis-context.js";
import { findUntypedNodeImport } from "../src/core/model/node-types.js";
import { getShutdownRemedies } from "../src/core/fixes/remedies.js";
import {
  findShutdownsBeforeFlush,
  type ShutdownKind,
  type ShutdownOptions,
} from "../src/core/analysis/shutdown-before-flush.js";
import { createRule } from "../src/eslint/create-rule.js";
import {
  DEFAULT_STREAM_TYPES_OPTIONS,
  getOptionsSchema,
  type StreamTypesOption,
} from "../src/eslint/stream-types-option.js";
import { getLine, getTypedAnalysis, reportFinding } from "../src/eslint/typed-analysis.js";

type Options = [StreamTypesOption & Partial<ShutdownOptions> & Pick<AnalysisOptions, "checkUntypedStreams">];

type MessageIds =
  | "destroyBeforeFlush"
  | "abortBeforeFlush"
  | "disposeBeforeFlush"
  | "endAndWaitBeforeDispose"
  | "exitBeforeFlush"
  | "announceBeforeFlush"
  | "endBeforeDestroy"
  | "awaitFinishedBeforeDestroy"
  | "useExitCode"
  | "closeInsteadOfAbort"
  | "missingNodeTypes";

const MESSAGE_IDS: Readonly<Record<ShutdownKind, MessageIds>> = {
  destroy: "destroyBeforeFlush",
  abort: "abortBeforeFlush",
  dispose: "disposeBeforeFlush",
  exit: "exitBeforeFlush",
  announce: "announceBeforeFlush",
};

export default createRule<Options, MessageIds>({
  name: "no-shutdown-before-flush",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow destroying a stream or exiting the process before written data has been flushed",
      recommended: { recommended: true, strict: [{ checkMessagesBeforeExit: true, checkUntypedStreams: true }] },
      requiresTypeChecking: true,
    },
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions -- reportFinding (src/eslint/typed-analysis.ts) makes the suggestions, out of this file's sight
    hasSuggestions: true,
    messages: {
      destroyBeforeFlush:
        "`{{shutdown}}` throws away what `{{write}}` on line {{line}} may still buffer for `{{stream}}`: a slow reader gets a truncated stream and no error. End the stream and wait for it to finish before shutting it down.",
      abortBeforeFlush:
        "`{{shutdown}}` drops the chunks `{{write}}` on line {{line}} queued for `{{stream}}`: the reader never gets them. Await the writes (or `close()`, which delivers them) before aborting.",
      disposeBeforeFlush:
        "`{{shutdown}}` is a `using` binding: leaving its scope disposes it, and disposing a Node stream destroys it, throwing away what `{{write}}` on line {{line}} still buffers. Call `end()` and await `finished()` before the scope ends.",
      exitBeforeFlush:
        "`{{shutdown}}` ends the process while `{{write}}` on line {{line}} may still be buffered: whatever has not left the process is lost. Set `process.exitCode` and let the process end by itself, or wait for the write to finish.",
      announceBeforeFlush:
        "`{{shutdown}}` reports success right after `{{write}}` on line {{line}}, before `{{stream}}` has flushed: the caller may read, close or exit while data is still buffered. Signal from the end callback or after `finished()`.",
      endBeforeDestroy: "End `{{stream}}` and shut down only once everything is flushed.",
      awaitFinishedBeforeDestroy: "End `{{stream}}` and await `finished()` before shutting down.",
      useExitCode: "Set `process.exitCode` instead of exiting.",
      endAndWaitBeforeDispose: "End `{{stream}}` and await `finished()` before the scope ends.",
      closeInsteadOfAbort: "Close instead of aborting: `close()` delivers the queued writes first.",
      missingNodeTypes:
        '`{{module}}` has no types in this project, so no stream in this file can be checked and every rule of eslint-plugin-flush stays silent here. Install `@types/node` and list `"node"` in `compilerOptions.types` (TypeScript 6 loads no `@types` package by itself).',
    },
    schema: getOptionsSchema({
      checkMessagesBeforeExit: {
        type: "boolean",
        description:
          "Also report `process.exit()` after a single message to stdout or stderr whose size is unknown, not only after output that can be large (loops, binary data, objects, `JSON.stringify()`).",
      },
      checkUntypedStreams: {
        type: "boolean",
        description:
          "Also check values typed `any` (JavaScript, projects without `strict`): one that a function both writes to and destroys counts as a Node stream there, by its method names alone.",
      },
    }),
    defaultOptions: [
      { ...DEFAULT_STREAM_TYPES_OPTIONS[0], checkMessagesBeforeExit: false, checkUntypedStreams: false },
    ],
  },
  create(context, [options]) {
    const { sourceFile, analysis } = getTypedAnalysis(context, options);
    /** Once per file, from this rule only: silence would look like a clean file. */
    const reportMissingNodeTypes = () => {
      const specifier = findUntypedNodeImport(sourceFile, analysis.checker);
      if (!specifier) return;
      reportFinding(context, {
        node: specifier,
        messageId: "missingNodeTypes",
        data: { module: specifier.text },
        remedies: [],
      });
    };
    return {
      Program() {
        reportMissingNodeTypes();
        const checkMessagesBeforeExit = options.checkMessagesBeforeExit ?? false;
        for (const finding of findShutdownsBeforeFlush(sourceFile, analysis, { checkMessagesBeforeExit })) {
          const { call } = finding.write;
          reportFinding(context, {
            node: finding.node,
            messageId: MESSAGE_IDS[finding.kind],
            data: {
              shutdown: finding.node.getText(),
              write: `${call.calleeText}()`,
              line: getLine(call.node),
              stream: call.stream?.getText() ?? "stdout",
            },
            remedies: getShutdownRemedies(finding, analysis),
          });
        }
      },
    };
  },
});
