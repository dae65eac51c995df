import {
  findIgnoredBackpressure,
  type BackpressureOptions,
  type RepetitionKind,
} from "../src/core/analysis/ignored-backpressure.js";
import { getBackpressureRemedies } from "../src/core/fixes/remedies.js";
import { createRule } from "../src/eslint/create-rule.js";
import {
  DEFAULT_STREAM_TYPES_OPTIONS,
  getOptionsSchema,
  type StreamTypesOption,
} from "../src/eslint/stream-types-option.js";
import { getTypedAnalysis, reportFinding } from "../src/eslint/typed-analysis.js";

type Options = [StreamTypesOption & Partial<BackpressureOptions>];

type MessageIds = "ignoredBackpressure" | "waitForDrain" | "pauseSource";

const WHERE: Readonly<Record<RepetitionKind, string>> = {
  loop: "in a loop",
  "iteration-callback": "once per item",
  "data-handler": "once per chunk of a `data` handler",
};

export default createRule<Options, MessageIds>({
  name: "no-ignored-backpressure",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow repeated Node stream writes that ignore `write()` returning `false`",
      recommended: { recommended: true, strict: [{ checkAllLoops: true }] },
      requiresTypeChecking: true,
    },
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions -- reportFinding (src/eslint/typed-analysis.ts) makes the suggestions, out of this file's sight
    hasSuggestions: true,
    messages: {
      ignoredBackpressure:
        "`{{write}}` runs {{where}} and ignores its `false` return: when `{{stream}}` cannot keep up, every chunk piles up in memory instead of waiting. Wait for `'drain'` when `write()` returns `false`.",
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- a suggestion: reportFinding offers it by its remedy's id
      waitForDrain: "Wait for `'drain'` (or for `{{stream}}` to close or fail) when `write()` returns `false`.",
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- a suggestion: reportFinding offers it by its remedy's id
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
            messageId: "ignoredBackpressure",
            data: {
              write: `${finding.stream.getText()}.write()`,
              where: WHERE[finding.repetition],
              stream: finding.stream.getText(),
              source: finding.source?.getText() ?? "",
            },
            remedies: getBackpressureRemedies(finding, analysis),
          });
        }
      },
    };
  },
});
