import ts from "../typescript.cjs";

import type { AnalysisContext } from "../model/analysis-context.js";
import { getVariableDeclaration } from "../model/declarations.js";
import { isDigest } from "../model/stream-families.js";
import type { StreamCall } from "../model/stream-calls.js";
import { forEachDescendant, getCalleeName, skipOuterExpressions } from "../model/syntax.js";

/** Reading any of these means the code looks at the buffer level itself. */
const BUFFER_LEVEL_PROPERTIES = new Set(["writableNeedDrain", "writableLength", "writableHighWaterMark"]);

/** Node's `write(): boolean`, or a `streamTypes` stream whose `write` answers with a boolean the same way. */
export function hasBackpressureSignal(call: StreamCall, context: AnalysisContext): boolean {
  if (call.owner === "node-writable") return true;
  if (call.owner !== "custom") return false;
  const result = context.checker.getTypeAtLocation(call.node);
  return (result.flags & ts.TypeFlags.BooleanLike) !== 0;
}

/**
 * `write(chunk, callback)` where `callback` is the enclosing `_write()`/`_writev()`/`transform()`'s
 * own: the upstream stream waits for the flush before it sends more, so backpressure is passed on.
 */
function isCallbackPassedOn(node: ts.CallExpression, checker: ts.TypeChecker): boolean {
  const last = node.arguments.at(-1);
  if (node.arguments.length < 2 || last === undefined || !ts.isIdentifier(last)) return false;
  const declaration = checker.getSymbolAtLocation(last)?.valueDeclaration;
  return (
    declaration !== undefined &&
    ts.isParameter(declaration) &&
    checker.getTypeAtLocation(last).getCallSignatures().length > 0
  );
}

/** `waitDrain(out)`, `waitForDrain(out)`, `out.drain()`: a helper or method named for waiting until a stream drains. */
const DRAIN_CALL_NAME = /drain/i;

/** `await waitDrain(out)`: waiting for a call whose name says it waits for `"drain"`, wherever it is defined. */
function isAwaitedDrainCall(node: ts.AwaitExpression): boolean {
  const awaited = skipOuterExpressions(node.expression);
  return ts.isCallExpression(awaited) && DRAIN_CALL_NAME.test(getCalleeName(awaited.expression) ?? "");
}

/**
 * Whether the code waits for `"drain"` (the event, or an awaited helper named for it), pauses its
 * source, watches the buffer level, or passes its callback on.
 */
export function isBackpressureHandled(scope: ts.Node, checker: ts.TypeChecker): boolean {
  let handled = false;
  forEachDescendant(scope, (node) => {
    if (handled) return false;
    if (ts.isStringLiteralLike(node) && node.text === "drain") handled = true;
    if (ts.isAwaitExpression(node)) handled = isAwaitedDrainCall(node);
    if (ts.isPropertyAccessExpression(node)) {
      handled = node.name.text === "pause" || BUFFER_LEVEL_PROPERTIES.has(node.name.text);
    }
    if (ts.isCallExpression(node) && getCalleeName(node.expression) === "write")
      handled = isCallbackPassedOn(node, checker);
    return !handled;
  });
  return handled;
}

/** The variable an expression reads its value from: `r` for `r.value`, `chunk` for `chunk`. */
export function getRootVariable(node: ts.Expression, checker: ts.TypeChecker): ts.VariableDeclaration | undefined {
  let root = skipOuterExpressions(node);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root))
    root = skipOuterExpressions(root.expression);
  return ts.isIdentifier(root) ? getVariableDeclaration(root, checker) : undefined;
}

/** `write(chunk, encoding, callback) { ...; callback(); }`: a sink that takes each chunk at once. */
function callsBackAtOnce(member: ts.ObjectLiteralElementLike | ts.ClassElement): boolean {
  const fn = ts.isMethodDeclaration(member)
    ? member
    : ts.isPropertyAssignment(member) &&
        (ts.isFunctionExpression(member.initializer) || ts.isArrowFunction(member.initializer))
      ? member.initializer
      : undefined;
  const callback = fn?.parameters[2]?.name;
  const last = fn?.body && ts.isBlock(fn.body) ? fn.body.statements.at(-1) : undefined;
  if (!callback || !ts.isIdentifier(callback) || !last || !ts.isExpressionStatement(last)) return false;
  const call = skipOuterExpressions(last.expression);
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === callback.text;
}

/**
 * A sink that never holds a chunk back, so its `false` never comes: a local `new Writable({ write(chunk,
 * _, callback) { captured.push(chunk); callback(); } })`, an instance of the project's own class
 * whose `_write()` so calls back (a test's `MemoryStream`), or a `crypto` hash.
 */
export function isInMemorySink(stream: ts.Expression, checker: ts.TypeChecker): boolean {
  if (isLocalCallingBackSink(stream, checker)) return true;
  const type = checker.getTypeAtLocation(stream);
  return isCallingBackClass(type) || isDigest(type, checker);
}

function isLocalCallingBackSink(stream: ts.Expression, checker: ts.TypeChecker): boolean {
  const initializer = getRootVariable(stream, checker)?.initializer;
  const construction = initializer && skipOuterExpressions(initializer);
  if (!construction || !ts.isNewExpression(construction) || getCalleeName(construction.expression) !== "Writable")
    return false;
  const [options] = construction.arguments ?? [];
  const write =
    options && ts.isObjectLiteralExpression(options)
      ? options.properties.find((member) => member.name?.getText() === "write")
      : undefined;
  return write !== undefined && callsBackAtOnce(write);
}

/** `class MemoryStream extends Writable { _write(chunk, _, callback) { this.parts.push(chunk); callback(); } }` */
function isCallingBackClass(type: ts.Type): boolean {
  const declarations = type.getSymbol()?.declarations ?? [];
  return declarations.some((declaration) => {
    if (!ts.isClassDeclaration(declaration) || declaration.getSourceFile().isDeclarationFile) return false;
    const write = declaration.members.find((member) => member.name?.getText() === "_write");
    return write !== undefined && callsBackAtOnce(write);
  });
}
