import ts from "../typescript.cjs";

import { getConstantValue } from "../model/declarations.js";
import { forEachDescendant, getCalleeName, skipOuterExpressions } from "../model/syntax.js";

/** Chained calls that settle when the promise they are called on does. */
const CHAIN_NAMES = new Set(["then", "catch", "finally"]);

/** How many constants a promise is followed through (`const reply = new Promise(…).finally(…)`). */
const MAX_HOPS = 3;

/**
 * Whether `node` is a promise for an answer: `new Promise((resolve, reject) => { pending.set(id,
 * { resolve, reject }); })`, maybe chained (`.finally(clearTimer)`) or kept in a constant. Its
 * executor does not settle it: it hands `resolve` on to whoever reads the reply. A request
 * written to a connection before returning such a promise has reached the peer once it settles.
 */
export function isReplyPromise(node: ts.Expression, checker: ts.TypeChecker, hops = 0): boolean {
  const value = skipOuterExpressions(node);
  if (ts.isIdentifier(value)) {
    const constant = hops < MAX_HOPS ? getConstantValue(value, checker) : undefined;
    return constant !== undefined && isReplyPromise(constant, checker, hops + 1);
  }
  if (ts.isCallExpression(value)) {
    const callee = skipOuterExpressions(value.expression);
    return (
      ts.isPropertyAccessExpression(callee) &&
      CHAIN_NAMES.has(callee.name.text) &&
      isReplyPromise(callee.expression, checker, hops)
    );
  }
  if (!ts.isNewExpression(value) || getCalleeName(value.expression) !== "Promise") return false;
  const [executor] = value.arguments ?? [];
  const executorFunction = executor && skipOuterExpressions(executor);
  if (!executorFunction || !(ts.isArrowFunction(executorFunction) || ts.isFunctionExpression(executorFunction)))
    return false;
  const resolve = executorFunction.parameters[0]?.name;
  return resolve !== undefined && ts.isIdentifier(resolve) && isHandedOn(executorFunction, resolve, checker);
}

/** Calls that settle what they are handed on something other than an answer: a delay, another promise. */
const NO_ANSWER_NAMES = new Set([
  "setTimeout",
  "setImmediate",
  "setInterval",
  "nextTick",
  "queueMicrotask",
  ...CHAIN_NAMES,
]);

/**
 * Whether the executor only hands `resolve` on (`pending.set(id, resolve)`, `this.onReply =
 * resolve`, `{ resolve, reject }`): it never calls it, nor hands it to a timer or another promise.
 */
function isHandedOn(
  executor: ts.ArrowFunction | ts.FunctionExpression,
  resolve: ts.Identifier,
  checker: ts.TypeChecker,
): boolean {
  const symbol = checker.getSymbolAtLocation(resolve);
  let handedOn = false;
  let settled = false;
  forEachDescendant(executor.body, (node) => {
    if (settled || !ts.isIdentifier(node)) return !settled;
    const { parent } = node;
    const referenced = ts.isShorthandPropertyAssignment(parent)
      ? checker.getShorthandAssignmentValueSymbol(parent)
      : checker.getSymbolAtLocation(node);
    if (referenced !== symbol) return;
    const isCalled = ts.isCallExpression(parent) && parent.expression === node;
    const isTimed = ts.isCallExpression(parent) && NO_ANSWER_NAMES.has(getCalleeName(parent.expression) ?? "");
    if (isCalled || isTimed) settled = true;
    else handedOn = true;
  });
  return handedOn && !settled;
}
