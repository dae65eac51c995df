import ts from "typescript";

import type { AnalysisContext } from "./analysis-context.js";
import { getDiscardSite } from "./discarded.js";
import { getStreamCall, type StreamCall } from "./stream-calls.js";
import { forEachDescendant, getCalleeName, isOuterExpression, skipOuterExpressions } from "./syntax.js";

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

/** Node's `write(): boolean`, or a `streamTypes` stream whose `write` answers with a boolean the same way. */
function hasBackpressureSignal(call: StreamCall, context: AnalysisContext): boolean {
  if (call.owner === "node-writable") return true;
  if (call.owner !== "custom") return false;
  const result = context.checker.getTypeAtLocation(call.node);
  return (result.flags & ts.TypeFlags.BooleanLike) !== 0;
}

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

/**
 * Whether the write happens once per run of the repeater after all: its stream is made afresh in
 * each iteration (`const out = createWriteStream(f)` in the loop body), or the write is followed in
 * its block by a `return`, `break` or `throw` that leaves the loop.
 */
function isOncePerStream(node: ts.CallExpression, stream: ts.Expression, repeater: ts.Node, checker: ts.TypeChecker): boolean {
  let root = skipOuterExpressions(stream);
  while (ts.isPropertyAccessExpression(root)) root = skipOuterExpressions(root.expression);
  const declaration = ts.isIdentifier(root) ? checker.getSymbolAtLocation(root)?.valueDeclaration : undefined;
  const isDeclaredInRepeater =
    declaration !== undefined &&
    declaration.getSourceFile() === repeater.getSourceFile() &&
    declaration.pos >= repeater.pos &&
    declaration.end <= repeater.end;
  if (isDeclaredInRepeater) return true;
  // A `return` in a per-item callback ends that item only; in a loop it ends the loop.
  if (!ts.isIterationStatement(repeater, false)) return false;
  for (let current: ts.Node = node; current !== repeater; current = current.parent) {
    const parent = current.parent;
    if (ts.isBlock(parent)) {
      const after = parent.statements.slice(parent.statements.indexOf(current as ts.Statement) + 1);
      if (after.some((s) => ts.isReturnStatement(s) || ts.isBreakStatement(s) || ts.isThrowStatement(s))) return true;
    }
  }
  return false;
}

/** Whether the write's `false` reaches nobody: dropped, awaited (a boolean is no promise), or mapped into a dropped array. */
function isResultIgnored(node: ts.CallExpression, repeater: IgnoredBackpressure["repeater"], checker: ts.TypeChecker): boolean {
  let current: ts.Node = node;
  while (isOuterExpression(current.parent) || ts.isAwaitExpression(current.parent)) current = current.parent;
  if (getDiscardSite(current as ts.Expression, checker)) return true;
  // `rows.map((row) => out.write(row));`: the booleans go into an array nobody looks at.
  const isReturnedByRepeater =
    ts.isArrowFunction(repeater) && repeater.body === current && ts.isCallExpression(repeater.parent);
  return isReturnedByRepeater && getDiscardSite(repeater.parent as ts.CallExpression, checker) !== undefined;
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
    if (!call || call.operation !== "write" || !call.stream || !hasBackpressureSignal(call, context)) return;
    if (isOncePerStream(node, call.stream, repeater.repeater, context.checker)) return;
    if (isResultIgnored(node, repeater.repeater, context.checker)) {
      findings.push({ node, stream: call.stream, ...repeater });
    }
  });
  return findings;
}

