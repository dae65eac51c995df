import ts from "typescript";

import type { AnalysisContext } from "./analysis-context.js";
import { getDiscardSite } from "./discarded.js";
import { getStreamCall } from "./stream-calls.js";
import { forEachDescendant, getCalleeName, skipOuterExpressions } from "./syntax.js";

/** What makes a write repeat: a loop, or a callback that runs once per chunk or item. */
export type RepetitionKind = "loop" | "iteration-callback" | "data-handler";

export interface IgnoredBackpressure {
  /** The `write()` call whose `false` is ignored. */
  readonly node: ts.CallExpression;
  /** The stream written to. */
  readonly stream: ts.Expression;
  readonly repetition: RepetitionKind;
  /** The loop statement, or the callback function, that repeats the write. */
  readonly repeater: ts.IterationStatement | ts.FunctionLikeDeclaration;
  /** For a `"data"` handler: the stream the chunks come from, which could be paused. */
  readonly source: ts.Expression | undefined;
}

const ITERATION_METHODS = new Set(["forEach", "map", "flatMap", "filter", "some", "every", "reduce"]);
const LISTENER_METHODS = new Set(["on", "addListener", "prependListener"]);
/** Reading any of these means the code looks at the buffer level itself. */
const BUFFER_LEVEL_PROPERTIES = new Set(["writableNeedDrain", "writableLength", "writableHighWaterMark"]);

function getCallbackRepetition(
  fn: ts.FunctionLikeDeclaration,
): { repetition: RepetitionKind; source: ts.Expression | undefined } | undefined {
  const call = fn.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return undefined;
  const callee = skipOuterExpressions(call.expression);
  const name = getCalleeName(callee);
  if (name === undefined) return undefined;
  if (ITERATION_METHODS.has(name)) return { repetition: "iteration-callback", source: undefined };
  const event = call.arguments[0];
  if (LISTENER_METHODS.has(name) && event && ts.isStringLiteralLike(event) && event.text === "data") {
    return { repetition: "data-handler", source: ts.isPropertyAccessExpression(callee) ? callee.expression : undefined };
  }
  return undefined;
}

function findRepeater(
  node: ts.Node,
): Pick<IgnoredBackpressure, "repetition" | "repeater" | "source"> | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isIterationStatement(current, false)) {
      return { repetition: "loop", repeater: current, source: undefined };
    }
    if (ts.isFunctionLike(current)) {
      const fn = current as ts.FunctionLikeDeclaration;
      const callback = getCallbackRepetition(fn);
      return callback ? { ...callback, repeater: fn } : undefined;
    }
  }
  return undefined;
}

/** Whether the repeating code waits for `"drain"`, pauses its source, or watches the buffer level. */
function isBackpressureHandled(repeater: ts.Node): boolean {
  let handled = false;
  forEachDescendant(repeater, (node) => {
    if (handled) return false;
    if (ts.isStringLiteralLike(node) && node.text === "drain") handled = true;
    if (ts.isPropertyAccessExpression(node)) {
      handled = node.name.text === "pause" || BUFFER_LEVEL_PROPERTIES.has(node.name.text);
    }
    return !handled;
  });
  return handled;
}

/**
 * Node `write()` calls whose `false` ("buffer full, wait for drain") is ignored where writes repeat
 * and nothing waits for `"drain"`: memory grows with whatever the source produces.
 */
export function findIgnoredBackpressure(sourceFile: ts.SourceFile, context: AnalysisContext): IgnoredBackpressure[] {
  const findings: IgnoredBackpressure[] = [];
  forEachDescendant(sourceFile, (node) => {
    if (!ts.isCallExpression(node) || getCalleeName(node.expression) !== "write") return;
    const repeater = findRepeater(node);
    if (!repeater || isBackpressureHandled(repeater.repeater)) return;
    const call = getStreamCall(node, context);
    if (!call || call.owner !== "node-writable" || call.operation !== "write" || !call.stream) return;
    if (getDiscardSite(node, context.checker)) {
      findings.push({ node, stream: call.stream, ...repeater });
    }
  });
  return findings;
}

