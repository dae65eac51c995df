import ts from "../typescript.cjs";

import type { AnalysisContext } from "./analysis-context.js";
import { getStreamKey, type StreamKey } from "./stream-identity.js";
import { forEachDescendant, skipOuterExpressions } from "./syntax.js";

/**
 * The calls by which a value typed `any` is taken for a Node writable (the `checkUntypedStreams`
 * option): JavaScript, or a project without `strict`, gives a hand-written server's socket no type.
 */
export const UNTYPED_STREAM_METHODS = new Set(["write", "end", "destroy"]);

/** `any`, but not `unknown`, and not the type TypeScript gives a name it cannot resolve. */
function isUntypedType(type: ts.Type): boolean {
  // An unresolved import is an "error" `any`: that file is reported as missing Node types instead.
  const isError = "intrinsicName" in type && type.intrinsicName === "error";
  return (type.flags & ts.TypeFlags.Any) !== 0 && !isError;
}

/**
 * The function whose calls tell what an untyped value is: the nearest one that is not an arrow
 * function (arrows, such as a listener, share its `this` and usually its values), or the file.
 */
function getUntypedScope(node: ts.Node): ts.Node {
  let current = node.parent;
  while (!ts.isSourceFile(current) && !(ts.isFunctionLike(current) && !ts.isArrowFunction(current))) {
    current = current.parent;
  }
  return current;
}

/** Whether a call hands data to its receiver: `write(…)`, or `end(…)` with something other than a callback. */
function isDataCall(call: ts.CallExpression, name: string): boolean {
  const [first] = call.arguments;
  return name === "write" || (name === "end" && first !== undefined && !ts.isFunctionLike(skipOuterExpressions(first)));
}

/** The keys of the values `scope` (with its arrow functions) both writes data to and destroys. */
function computeWrittenAndDestroyed(scope: ts.Node, checker: ts.TypeChecker): ReadonlySet<StreamKey> {
  const written: ts.Expression[] = [];
  const destroyed: ts.Expression[] = [];
  forEachDescendant(scope, (node) => {
    if (ts.isFunctionLike(node) && !ts.isArrowFunction(node)) return false;
    if (!ts.isCallExpression(node)) return;
    const callee = skipOuterExpressions(node.expression);
    if (!ts.isPropertyAccessExpression(callee)) return;
    const name = callee.name.text;
    if (name === "destroy") destroyed.push(callee.expression);
    else if (isDataCall(node, name)) written.push(callee.expression);
  });
  // The syntactic test first: most functions have no destroy() at all, and need no symbol lookup.
  if (written.length === 0 || destroyed.length === 0) return new Set();
  const destroyedKeys = new Set(destroyed.map((receiver) => getStreamKey(receiver, checker)));
  const keys = written.map((receiver) => getStreamKey(receiver, checker));
  return new Set(keys.filter((key): key is StreamKey => key !== undefined && destroyedKeys.has(key)));
}

/**
 * Whether `callee` (`socket.write`, `socket.destroy`) counts as a Node writable's method although
 * its receiver is typed `any`: the option is on, and the same function writes data to that value
 * and destroys it. The report then rests on the method names alone.
 */
export function isUntypedStreamMethod(
  callee: ts.PropertyAccessExpression,
  receiverType: ts.Type,
  context: AnalysisContext,
): boolean {
  if (!context.options.checkUntypedStreams || !UNTYPED_STREAM_METHODS.has(callee.name.text)) return false;
  if (!isUntypedType(receiverType)) return false;
  const key = getStreamKey(callee.expression, context.checker);
  if (key === undefined) return false;
  const scope = getUntypedScope(callee);
  let keys = context.untypedStreamCache.get(scope);
  if (!keys) {
    keys = computeWrittenAndDestroyed(scope, context.checker);
    context.untypedStreamCache.set(scope, keys);
  }
  return keys.has(key);
}
