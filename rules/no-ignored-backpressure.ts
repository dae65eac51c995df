import { findIgnoredBackpressure, type RepetitionKind } from "../src/core/ignored-backpressure.js";
import { getBackpressureRemedies } from "../src/core/remedies.js";
import { createRule } from "../src/eslint/create-rule.js";
import {
  DEFAULT_STREAM_TYPES_OPTIONS,
  getOptionsSchema,
  type StreamTypesOption,
} from "../src/eslint/stream-types-option.js";
import { getTypedAnalysis, reportFinding } from "../src/eslint/typed-analysis.js";

type Options = [StreamTypesOption];

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
      recommended: "recommended",
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      ignoredBackpressure:
        "`{{write}}` runs {{where}} and ignores its `false` return: when `{{stream}}` cannot keep up, every chunk piles up in memory instead of waiting. Wait for `'drain'` when `write()` returns `false`.",
      waitForDrain: "Wait for `'drain'` (or for `{{stream}}` to close or fail) when `write()` returns `false`.",
      pauseSource: "Pause `{{source}}` until `{{stream}}` drains when `write()` returns `false`.",
    },
    schema: getOptionsSchema(),
    defaultOptions: DEFAULT_STREAM_TYPES_OPTIONS,
  },
  create(context, [options]) {
    const { sourceFile, analysis } = getTypedAnalysis(context, options);
    return {
      Program() {
        for (const finding of findIgnoredBackpressure(sourceFile, analysis)) {
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
