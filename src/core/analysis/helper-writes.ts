import ts from "../typescript.cjs";

import type { AnalysisContext } from "../model/analysis-context.js";
import { getCalleeBody } from "../model/callees.js";
import type { FunctionWithBody } from "../model/function-context.js";
import { getStreamCall } from "../model/stream-calls.js";
import { isInside, isOuterExpression, skipOuterExpressions } from "../model/syntax.js";
import { hasBackpressureSignal, isBackpressureHandled, isInMemorySink } from "./backpressure-handling.js";
import { getDiscardSite } from "./discarded.js";

/** A `write()` whose `false` a function of the project drops, in itself or in a function it calls. */
export interface DroppedWrite {
  /** The `write()` call, in the function or in one it calls. */
  readonly write: ts.CallExpression;
  /** The stream written to, as the function that writes names it. */
  readonly stream: ts.Expression;
  /** Which parameter of the function the stream is (`writeRow(out, row)`), when it is one. */
  readonly streamParameter: number | undefined;
}

/** How far calls are followed from the call site: a helper, what it calls, and one level more. */
const MAX_DEPTH = 3;

/**
 * Per analysis (its `streamTypes` decide what a write is), per function, per call depth: `null`
 * for "drops none". Kept per depth, as the shutdown summaries are: what a helper reaches within
 * the bound from one call site is not what it reaches from a site a call deeper, and reusing it
 * would make a file's findings depend on what was analysed before it.
 */
const summaries = new WeakMap<AnalysisContext, WeakMap<ts.Node, (DroppedWrite | null)[]>>();

/** Whether a value is thrown away, looking through the `await` of an async helper's promise. */
function isDropped(node: ts.Expression, checker: ts.TypeChecker): boolean {
  let current: ts.Expression = node;
  while (isOuterExpression(current.parent) || ts.isAwaitExpression(current.parent)) current = current.parent;
  return getDiscardSite(current, checker) !== undefined;
}

/** The parameter of `fn` that `expression` is rooted in (`out` of `out.socket`), as an index. */
function getParameterIndex(
  expression: ts.Expression,
  fn: FunctionWithBody,
  checker: ts.TypeChecker,
): number | undefined {
  let root = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(root)) root = skipOuterExpressions(root.expression);
  const declaration = ts.isIdentifier(root) ? checker.getSymbolAtLocation(root)?.valueDeclaration : undefined;
  if (!declaration || !ts.isParameter(declaration) || declaration.parent !== fn) return undefined;
  return fn.parameters.indexOf(declaration);
}

/** Whether the stream is a variable of `fn`'s own body: made afresh by each call, it cannot fill up across calls. */
function isLocalTo(expression: ts.Expression, fn: FunctionWithBody, checker: ts.TypeChecker): boolean {
  let root = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(root)) root = skipOuterExpressions(root.expression);
  const declaration = ts.isIdentifier(root) ? checker.getSymbolAtLocation(root)?.valueDeclaration : undefined;
  return declaration !== undefined && !ts.isParameter(declaration) && isInside(declaration, fn.body);
}

/** `out.write(x);` in `fn` itself, its boolean dropped. */
function getOwnDroppedWrite(
  node: ts.CallExpression,
  fn: FunctionWithBody,
  context: AnalysisContext,
): DroppedWrite | undefined {
  const call = getStreamCall(node, context);
  if (!call || call.operation !== "write" || !call.stream || !hasBackpressureSignal(call, context)) return undefined;
  const { checker } = context;
  if (!isDropped(node, checker) || isLocalTo(call.stream, fn, checker) || isInMemorySink(call.stream, checker))
    return undefined;
  return { write: node, stream: call.stream, streamParameter: getParameterIndex(call.stream, fn, checker) };
}

/** A dropped write of a function `fn` calls, seen from `fn`: its stream parameter becomes the argument's. */
function throughCall(
  inner: DroppedWrite,
  call: ts.CallExpression,
  fn: FunctionWithBody,
  checker: ts.TypeChecker,
): DroppedWrite | undefined {
  const argument = inner.streamParameter === undefined ? undefined : call.arguments[inner.streamParameter];
  if (!argument) return { ...inner, streamParameter: undefined };
  if (isLocalTo(argument, fn, checker)) return undefined;
  return { ...inner, streamParameter: getParameterIndex(argument, fn, checker) };
}

interface Summary {
  readonly dropped: DroppedWrite | undefined;
  /** `false` when the depth bound or a cycle cut the search short: such an answer is not cached. */
  readonly complete: boolean;
}

function summarize(fn: FunctionWithBody, context: AnalysisContext, depth: number, visiting: Set<ts.Node>): Summary {
  let cache = summaries.get(context);
  if (!cache) summaries.set(context, (cache = new WeakMap()));
  let byDepth = cache.get(fn);
  if (!byDepth) cache.set(fn, (byDepth = []));
  const cached = byDepth[depth];
  if (cached !== undefined) return { dropped: cached ?? undefined, complete: true };
  if (depth > MAX_DEPTH || visiting.has(fn)) return { dropped: undefined, complete: false };
  // A helper that waits for "drain" or watches the buffer itself handles what it writes.
  if (isBackpressureHandled(fn, context.checker)) {
    byDepth[depth] = null;
    return { dropped: undefined, complete: true };
  }
  visiting.add(fn);
  let dropped: DroppedWrite | undefined;
  let complete = true;
  const visit = (node: ts.Node): void => {
    // What a nested function writes happens when it is called, not when `fn` is.
    if (dropped || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isCallExpression(node)) {
      dropped = getOwnDroppedWrite(node, fn, context);
      const callee = dropped || !isDropped(node, context.checker) ? undefined : getCalleeBody(node, context);
      if (callee) {
        const inner = summarize(callee, context, depth + 1, visiting);
        complete &&= inner.complete;
        dropped = inner.dropped && throughCall(inner.dropped, node, fn, context.checker);
      }
      if (dropped) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  visiting.delete(fn);
  if (complete) byDepth[depth] = dropped ?? null;
  return { dropped, complete };
}

/** The function a call runs, and the `write()` whose `false` it drops, when it is a function of the project that drops one. */
export function getHelperWrite(
  call: ts.CallExpression,
  context: AnalysisContext,
): (DroppedWrite & { readonly helper: FunctionWithBody }) | undefined {
  const helper = getCalleeBody(call, context);
  const { dropped } = helper ? summarize(helper, context, 1, new Set()) : { dropped: undefined };
  return helper && dropped && { ...dropped, helper };
}
