import path from "node:path";

import ts from "../src/core/typescript.cjs";

import type { AnalysisOptions } from "../src/core/model/analysis-context.js";
import { findUntypedNodeImport } from "../src/core/model/node-types.js";
import { getShutdownRemedies } from "../src/core/fixes/remedies.js";
import {
  findShutdownsBeforeFlush,
  getStreamNamedHere,
  type ShutdownBeforeFlush,
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
  | "destroyAfterWriteInCall"
  | "destroyAfterWriteInMethod"
  | "destroyInCall"
  | "exitAfterWriteInCall"
  | "exitInCall"
  | "announceAfterWriteInCall"
  | "useBeforeFinish"
  | "useBeforeFinishInCall"
  | "useAfterWriteInCall"
  | "awaitFinishedBeforeUse"
  | "returnBeforeFinish"
  | "awaitFinishedBeforeReturn"
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
  use: "useBeforeFinish",
  return: "returnBeforeFinish",
};

/** Longer callees (`res.body.on("data", …).on("end", …).pipe`) are named by their method alone. */
const CALLEE_TEXT_LIMIT = 40;

/** `process.stdout.write()` for a call: what messages name it by. */
function getCallText(node: ts.Expression): string {
  if (!ts.isCallExpression(node)) return node.getText();
  const callee = node.expression;
  const text = callee.getText();
  const isLong = text.length > CALLEE_TEXT_LIMIT || text.includes("\n");
  return isLong && ts.isPropertyAccessExpression(callee) ? `….${callee.name.text}()` : `${text}()`;
}

/** `line 12` in the reported file, `render.ts:3` in another. */
function getPlace(node: ts.Node, reported: ts.SourceFile): string {
  const sourceFile = node.getSourceFile();
  return sourceFile === reported ? `line ${getLine(node)}` : `${path.basename(sourceFile.fileName)}:${getLine(node)}`;
}

/** The message for a finding: both places, when the write or the shutdown is in another function. */
function describeShutdown(finding: ShutdownBeforeFlush): {
  messageId: MessageIds;
  data: Record<string, string | number>;
} {
  const { write } = finding;
  const reported = finding.node.getSourceFile();
  const text = finding.node.getText();
  // A shutdown written over many lines (`app.route(…)` with a handler) is named by its callee.
  const shutdown = text.length > CALLEE_TEXT_LIMIT * 2 || text.includes("\n") ? getCallText(finding.node) : text;
  const stream = (getStreamNamedHere(finding) ?? write.call.stream)?.getText() ?? "stdout";
  const inner = { write: getCallText(write.call.node), where: getPlace(write.call.node, reported) };
  const site = write.through ?? write.call.node;
  if (finding.shutdownIn) {
    const drop = { drop: getCallText(finding.shutdownIn), where: getPlace(finding.shutdownIn, reported) };
    const data = { shutdown, ...drop, write: getCallText(site), line: getLine(site) };
    const inCall = { exit: "exitInCall", use: "useBeforeFinishInCall" } as const;
    const messageId = finding.kind === "exit" || finding.kind === "use" ? inCall[finding.kind] : "destroyInCall";
    return { messageId, data };
  }
  if (write.method) {
    const method = write.method.name?.getText() ?? "constructor";
    return { messageId: "destroyAfterWriteInMethod", data: { shutdown, method, stream, ...inner } };
  }
  if (write.through) {
    const data = { shutdown, call: getCallText(write.through), line: getLine(write.through), stream, ...inner };
    if (finding.kind === "exit") return { messageId: "exitAfterWriteInCall", data };
    if (finding.kind === "announce") return { messageId: "announceAfterWriteInCall", data };
    if (finding.kind === "use") return { messageId: "useAfterWriteInCall", data };
    return { messageId: "destroyAfterWriteInCall", data };
  }
  return {
    messageId: MESSAGE_IDS[finding.kind],
    data: { shutdown, write: getCallText(write.call.node), line: getLine(write.call.node), stream },
  };
}

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
      destroyAfterWriteInCall:
        "`{{shutdown}}` throws away what `{{call}}` on line {{line}} may still buffer for `{{stream}}` (it writes with `{{write}}` at {{where}}): a slow reader gets a truncated stream and no error. End the stream and wait for it to finish before shutting it down.",
      destroyAfterWriteInMethod:
        "`{{shutdown}}` throws away what `{{method}}()` may have left buffered for `{{stream}}` (`{{write}}` at {{where}}): a slow reader gets a truncated stream and no error. End the stream instead, or wait for it to finish before destroying it.",
      destroyInCall:
        "`{{shutdown}}` shuts down a stream (`{{drop}}` at {{where}}) while `{{write}}` on line {{line}} may still be buffered for it: a slow reader gets a truncated stream and no error. End the stream and wait for it to finish first.",
      exitAfterWriteInCall:
        "`{{shutdown}}` ends the process while `{{call}}` on line {{line}} may still be writing (`{{write}}` at {{where}}): whatever has not left the process is lost. Set `process.exitCode` and let the process end by itself, or wait for the output to be flushed.",
      exitInCall:
        "`{{shutdown}}` ends the process (`{{drop}}` at {{where}}) while `{{write}}` on line {{line}} may still be buffered: whatever has not left the process is lost. Set `process.exitCode` and let the process end by itself, or wait for the write to finish.",
      announceAfterWriteInCall:
        "`{{shutdown}}` reports success while what `{{call}}` on line {{line}} wrote to `{{stream}}` may still be buffered (`{{write}}` at {{where}}): the caller may read, close or exit too early. Signal from the end callback or after `finished()`.",
      useBeforeFinish:
        "`{{shutdown}}` uses the file that `{{stream}}` may still be writing (`{{write}}` on line {{line}}): it can find the file short or empty. Wait for `{{stream}}` to finish (`await finished({{stream}})`, or `await pipeline(…)` instead of `pipe()`) first.",
      useBeforeFinishInCall:
        "`{{shutdown}}` uses a file (`{{drop}}` at {{where}}) that `{{write}}` on line {{line}} may still be writing: it can find the file short or empty. Wait for the stream to finish first.",
      useAfterWriteInCall:
        "`{{shutdown}}` uses a file that `{{call}}` on line {{line}} may still be writing (`{{write}}` at {{where}}): it can find the file short or empty. Wait for the stream to finish first.",
      returnBeforeFinish:
        "`{{shutdown}}` ends the file its caller named, and the async function returns at once: its promise resolves before `{{stream}}` has finished writing, so a caller that reads, renames or uploads the file may find it short. Await `finished({{stream}})` before returning.",
      awaitFinishedBeforeReturn: "Await `finished({{stream}})` after ending it.",
      awaitFinishedBeforeUse: "Await `finished({{stream}})` before using the file.",
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
          reportFinding(context, {
            node: finding.node,
            ...describeShutdown(finding),
            remedies: getShutdownRemedies(finding, analysis),
          });
        }
      },
    };
  },
});
