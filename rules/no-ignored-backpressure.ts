import path from "node:path";

import {
  findIgnoredBackpressure,
  type BackpressureOptions,
  type IgnoredBackpressure,
  type RepetitionKind,
} from "../src/core/analysis/ignored-backpressure.js";
import { getBackpressureRemedies } from "../src/core/fixes/remedies.js";
import { createRule } from "../src/eslint/create-rule.js";
import {
  DEFAULT_STREAM_TYPES_OPTIONS,
  getOptionsSchema,
  type StreamTypesOption,
} from "../src/eslint/stream-types-option.js";
import { getLine, getTypedAnalysis, reportFinding } from "../src/eslint/typed-analysis.js";

type Options = [StreamTypesOption & Partial<BackpressureOptions>];

type MessageIds =
  "ignoredBackpressure" | "sinkWithoutBackpressure" | "helperIgnoresBackpressure" | "waitForDrain" | "pauseSource";

const WHERE: Readonly<Record<RepetitionKind, string>> = {
  loop: "in a loop",
  "iteration-callback": "once per item",
  "data-handler": "once per chunk of a `data` handler",
  "line-handler": "once per line of a `line` handler",
  "sink-write": "once per chunk of a `WritableStream` sink",
  "stream-implementation": "once per chunk of a stream implementation that calls back at once",
};

function getMessageId(finding: IgnoredBackpressure): MessageIds {
  if (finding.via) return "helperIgnoresBackpressure";
  return finding.repetition === "sink-write" ? "sinkWithoutBackpressure" : "ignoredBackpressure";
}

/** Where a helper's write is: `line 9`, or `line 9 of writer.ts` in another file. */
function getWriteLocation(write: IgnoredBackpressure["node"], site: IgnoredBackpressure["node"]): string {
  const line = `line ${getLine(write)}`;
  const file = write.getSourceFile();
  return file === site.getSourceFile() ? line : `${line} of ${path.basename(file.fileName)}`;
}

export default createRule<Options, MessageIds>({
  name: "no-ignored-backpressure",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow repeated Node stream writes that ignore `write()` returning `false`",
      recommended: { recommended: true, strict: [] },
      requiresTypeChecking: true,
    },
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions -- reportFinding (src/eslint/typed-analysis.ts) makes the suggestions, out of this file's sight
    hasSuggestions: true,
    messages: {
      ignoredBackpressure:
        "`{{write}}` runs {{where}} and ignores its `false` return: when `{{stream}}` cannot keep up, every chunk piles up in memory instead of waiting. Wait for `'drain'` when `write()` returns `false`.",
      sinkWithoutBackpressure:
        "`{{write}}` ignores its `false` return, so this `WritableStream` sink's `write()` returns before `{{stream}}` has room: the web stream's producer (`pipeTo()`, a writer) is never slowed, and memory grows with everything it sends. When `write()` returns `false`, return a promise that waits for `'drain'` and also settles on `'close'` or `'error'`.",
      helperIgnoresBackpressure:
        "`{{call}}` runs {{where}}, and the `{{write}}` it runs ({{location}}) ignores its `false` return: when `{{stream}}` cannot keep up, every chunk piles up in memory instead of waiting. Wait for `'drain'` in the helper, or return `write()`'s result and wait here.",
      waitForDrain: "Wait for `'drain'` (or for `{{stream}}` to close or fail) when `write()` returns `false`.",
      pauseSource: "Pause `{{source}}` until `{{stream}}` drains when `write()` returns `false`.",
    },
    schema: getOptionsSchema({
      checkAllLoops: {
        type: "boolean",
        description:
          "Also report loops and per-item callbacks that write data the process already holds, not only writes fed by a producer (`data` handlers, `for await`, loops writing what they await).",
      },
    }),
    defaultOptions: [{ ...DEFAULT_STREAM_TYPES_OPTIONS[0], checkAllLoops: false }],
  },
  create(context, [options]) {
    const { sourceFile, analysis } = getTypedAnalysis(context, options);
    return {
      Program() {
        const checkAllLoops = options.checkAllLoops ?? false;
        for (const finding of findIgnoredBackpressure(sourceFile, analysis, { checkAllLoops })) {
          reportFinding(context, {
            node: finding.node,
            messageId: getMessageId(finding),
            data: {
              write: `${finding.stream.getText()}.write()`,
              where: WHERE[finding.repetition],
              stream: finding.stream.getText(),
              source: finding.source?.getText() ?? "",
              call: `${finding.node.expression.getText()}()`,
              location: finding.via ? getWriteLocation(finding.via.write, finding.node) : "",
            },
            remedies: getBackpressureRemedies(finding, analysis),
          });
        }
      },
    };
  },
});
