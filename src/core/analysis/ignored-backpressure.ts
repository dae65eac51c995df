import ts from "../typescript.cjs";

import type { AnalysisContext } from "../model/analysis-context.js";
import {
  getRootVariable,
  hasBackpressureSignal,
  isBackpressureHandled,
  isInMemorySink,
} from "./backpressure-handling.js";
import { getChunkHandler } from "../model/chunk-handlers.js";
import { getConstantValue } from "../model/declarations.js";
import { getDiscardSite } from "./discarded.js";
import { getEnclosingFunction, isPerItemCall, type FunctionWithBody } from "../model/function-context.js";
import { getHelperWrite } from "./helper-writes.js";
import { getFileIndex } from "../model/file-index.js";
import { getStreamCall } from "../model/stream-calls.js";
import { isProcessStdio } from "../model/stream-families.js";
import { getStreamKey } from "../model/stream-identity.js";
import { isBoundedText, isComposedMessage } from "./stdio-messages.js";
import {
  forEachDescendant,
  getCalleeName,
  isInside,
  isOuterExpression,
  skipOuterExpressions,
} from "../model/syntax.js";

/**
 * What makes a write repeat: a loop, a callback that runs once per chunk or item, the `write()` of
 * a WHATWG sink, or a Node stream's own `_write()`/`_transform()` that calls back at once.
 */
export type RepetitionKind =
  "loop" | "iteration-callback" | "data-handler" | "line-handler" | "sink-write" | "stream-implementation";

export interface BackpressureOptions {
  /**
   * Also report loops and per-item callbacks that write data the process already holds (a
   * synchronous loop over an array, a loop paced by other awaited work). By default only writes
   * fed by a producer that could be slowed down are reported: `"data"` handlers, `for await`
   * loops, and loops that write what they have just awaited.
   */
  readonly checkAllLoops: boolean;
}

export interface IgnoredBackpressure {
  /** The `write()` call whose `false` is ignored, or the call of a helper that ignores it (see `via`). */
  readonly node: ts.CallExpression;
  /** The stream written to, as the code that calls `write()` names it. */
  readonly stream: ts.Expression;
  readonly repetition: RepetitionKind;
  /** The loop statement, or the callback function, that repeats the write. */
  readonly repeater: ts.IterationStatement | ts.FunctionLikeDeclaration;
  /** For a `"data"` or `"line"` handler: the stream (or readline interface) the chunks come from, which could be paused. */
  readonly source: ts.Expression | undefined;
  /** When `node` calls a function of the project that drops the `false`: that function and its `write()`. */
  readonly via?: { readonly helper: FunctionWithBody; readonly write: ts.CallExpression };
}

type Repeater = Pick<IgnoredBackpressure, "repetition" | "repeater" | "source">;

const LISTENER_METHODS = new Set(["on", "addListener", "prependListener"]);

function getCallbackRepetition(
  fn: ts.FunctionLikeDeclaration,
): { repetition: RepetitionKind; source: ts.Expression | undefined } | undefined {
  const call = fn.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return undefined;
  if (isPerItemCall(call)) return { repetition: "iteration-callback", source: undefined };
  const callee = skipOuterExpressions(call.expression);
  const name = getCalleeName(callee);
  if (name === undefined) return undefined;
  const event = call.arguments[0];
  if (!LISTENER_METHODS.has(name) || !event || !ts.isStringLiteralLike(event)) return undefined;
  const repetition = PRODUCER_EVENTS.get(event.text);
  return repetition && { repetition, source: ts.isPropertyAccessExpression(callee) ? callee.expression : undefined };
}

/** Events that hand over what a producer made, one piece at a time: a stream's chunks, readline's lines. */
const PRODUCER_EVENTS = new Map<string, RepetitionKind>([
  ["data", "data-handler"],
  ["line", "line-handler"],
]);

/** Whether writes repeat once per piece a listener is handed, which pausing its source would slow. */
export function isProducerHandler(repetition: RepetitionKind): boolean {
  return repetition === "data-handler" || repetition === "line-handler";
}

function findRepeater(node: ts.Node, context: AnalysisContext): Repeater | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isIterationStatement(current, false)) {
      return { repetition: "loop", repeater: current, source: undefined };
    }
    if (ts.isFunctionLike(current)) {
      const fn = current as ts.FunctionLikeDeclaration;
      const callback = getCallbackRepetition(fn);
      if (callback) return { ...callback, repeater: fn };
      const handler = getChunkHandler(fn, context);
      if (!handler) return undefined;
      const repetition = handler.kind === "web-sink-write" ? "sink-write" : "stream-implementation";
      return { repetition, repeater: fn, source: undefined };
    }
  }
  return undefined;
}

/**
 * Whether the write happens once per run of the repeater after all: its stream is made afresh in
 * each iteration (`const out = createWriteStream(f)` in the loop body), or the write is followed in
 * its block by a `return`, `break` or `throw` that leaves the loop.
 */
function isOncePerStream(
  node: ts.CallExpression,
  stream: ts.Expression,
  repeater: ts.Node,
  checker: ts.TypeChecker,
): boolean {
  let root = skipOuterExpressions(stream);
  while (ts.isPropertyAccessExpression(root)) root = skipOuterExpressions(root.expression);
  const declaration = ts.isIdentifier(root) ? checker.getSymbolAtLocation(root)?.valueDeclaration : undefined;
  const isDeclaredInRepeater =
    declaration !== undefined &&
    declaration.getSourceFile() === repeater.getSourceFile() &&
    declaration.pos >= repeater.pos &&
    declaration.end <= repeater.end;
  if (isDeclaredInRepeater) return true;
  // A `return` in a per-item callback ends that item only; in a loop it ends the loop. Ending the
  // stream after the write (`socket.write(reply); socket.end();`) ends it for every later run.
  const leavesLoop = ts.isIterationStatement(repeater, false);
  for (let current: ts.Node = node; current !== repeater; current = current.parent) {
    const parent = current.parent;
    if (ts.isBlock(parent)) {
      const after = parent.statements.slice(parent.statements.indexOf(current as ts.Statement) + 1);
      const isLeaving = (s: ts.Statement): boolean =>
        ts.isReturnStatement(s) || ts.isBreakStatement(s) || ts.isThrowStatement(s);
      if (after.some((s) => (leavesLoop && isLeaving(s)) || isEndOf(s, stream))) return true;
    }
  }
  return false;
}

/** `stream.end()` or `stream.destroy()` as a statement: nothing is written to `stream` after it. */
function isEndOf(statement: ts.Statement, stream: ts.Expression): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  const call = skipOuterExpressions(statement.expression);
  if (!ts.isCallExpression(call)) return false;
  const callee = skipOuterExpressions(call.expression);
  return (
    ts.isPropertyAccessExpression(callee) &&
    (callee.name.text === "end" || callee.name.text === "destroy") &&
    skipOuterExpressions(callee.expression).getText() === skipOuterExpressions(stream).getText()
  );
}

/** The collection a loop or a per-item callback goes over: `for (… of rows)`, `rows.forEach(…)`. */
function getIteratedCollection({ repetition, repeater }: Repeater): ts.Expression | undefined {
  if (ts.isForOfStatement(repeater) || ts.isForInStatement(repeater)) return repeater.expression;
  if (repetition !== "iteration-callback" || !ts.isCallExpression(repeater.parent)) return undefined;
  const callee = skipOuterExpressions(repeater.parent.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
}

/**
 * A loop over a handful of items the code fixes or HTTP headers: a list or object written out in
 * place, a constant one, or `Object.entries()` of those. What it writes cannot pile up.
 */
function isOverAFewItems(repeater: Repeater, checker: ts.TypeChecker): boolean {
  const collection = getIteratedCollection(repeater);
  if (!collection) return false;
  const items = getObjectViewTarget(skipOuterExpressions(collection));
  const type = checker.getTypeAtLocation(items);
  if (/Headers$/.test((type.aliasSymbol ?? type.getSymbol())?.getName() ?? "")) return true;
  const constant = getConstantValue(items, checker);
  return isWrittenOut(items) || (constant !== undefined && isWrittenOut(skipOuterExpressions(constant)));
}

/** `rows` for `Object.entries(rows)`, `Object.keys(rows)`, `Object.values(rows)`; else the node itself. */
function getObjectViewTarget(node: ts.Expression): ts.Expression {
  const isView =
    ts.isCallExpression(node) &&
    node.arguments.length === 1 &&
    /^Object\.(entries|keys|values)$/.test(node.expression.getText());
  return isView ? skipOuterExpressions(node.arguments[0]) : node;
}

/** A non-empty list or object written out in the code (an empty one is there to be filled). */
function isWrittenOut(node: ts.Expression | undefined): boolean {
  if (!node) return false;
  if (ts.isArrayLiteralExpression(node)) return node.elements.length > 0;
  return ts.isObjectLiteralExpression(node) && node.properties.length > 0;
}

/** Whether `node` is what `fn` returns: its expression body, or a `return` of its own. */
function isReturnedBy(node: ts.Node, fn: ts.FunctionLikeDeclaration): boolean {
  return fn.body === node || (ts.isReturnStatement(node.parent) && getEnclosingFunction(node.parent) === fn);
}

/** Whether the write's `false` reaches nobody: dropped, awaited (a boolean is no promise), or mapped into a dropped array. */
function isResultIgnored(
  node: ts.CallExpression,
  { repetition, repeater }: Repeater,
  checker: ts.TypeChecker,
): boolean {
  let current: ts.Node = node;
  while (isOuterExpression(current.parent) || ts.isAwaitExpression(current.parent)) current = current.parent;
  if (getDiscardSite(current as ts.Expression, checker)) return true;
  if (ts.isIterationStatement(repeater, false)) return false;
  // `write: (chunk) => res.write(chunk)`: a WritableStream waits for a promise from its sink, not a boolean.
  if (repetition === "sink-write") return isReturnedBy(current, repeater);
  // `rows.map((row) => out.write(row));`: the booleans go into an array nobody looks at.
  const isReturnedByRepeater =
    ts.isArrowFunction(repeater) && repeater.body === current && ts.isCallExpression(repeater.parent);
  return isReturnedByRepeater && getDiscardSite(repeater.parent, checker) !== undefined;
}

/**
 * The code in which to look for backpressure handling: a callback, or the outermost loop around the
 * write in its function (`if (s.writableNeedDrain) break;` may stand in an outer loop).
 */
function getHandlingScope(repeater: IgnoredBackpressure["repeater"]): ts.Node {
  if (!ts.isIterationStatement(repeater, false)) return repeater;
  let scope: ts.Node = repeater;
  for (
    let current = repeater.parent;
    !ts.isFunctionLike(current) && !ts.isSourceFile(current);
    current = current.parent
  ) {
    if (ts.isIterationStatement(current, false)) scope = current;
  }
  return scope;
}

function isAwaited(node: ts.Expression | undefined): boolean {
  return node !== undefined && ts.isAwaitExpression(skipOuterExpressions(node));
}

const loopsWithAwaitText = new WeakMap<ts.IterationStatement, boolean>();

/**
 * Whether `await` occurs in the loop's text. Every way `isAwaitedData` finds awaited data has its
 * `await` inside the loop: without one, it need not look up the variables that carry the data.
 */
function hasAwaitText(loop: ts.IterationStatement): boolean {
  let answer = loopsWithAwaitText.get(loop);
  if (answer === undefined) {
    answer = /\bawait\b/.test(loop.getText());
    loopsWithAwaitText.set(loop, answer);
  }
  return answer;
}

/**
 * Whether the loop writes what it has just awaited: `out.write(await next())`, or a variable the
 * loop fills from an `await` (`const { value } = await reader.read()`, `r = await reader.read()`).
 */
function isAwaitedData(data: ts.Expression, loop: ts.IterationStatement, checker: ts.TypeChecker): boolean {
  if (!hasAwaitText(loop)) return false;
  if (isAwaited(data)) return true;
  const variable = getRootVariable(data, checker);
  if (!variable) return false;
  if (isInside(variable, loop.statement)) return isAwaited(variable.initializer);
  // Assigned in the body or the head: `for (let r = await next(); !r.done; r = await next())`.
  let assigned = false;
  forEachDescendant(loop, (child) => {
    if (assigned) return false;
    assigned =
      ts.isBinaryExpression(child) &&
      child.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(child.left) &&
      checker.getSymbolAtLocation(child.left)?.valueDeclaration === variable &&
      isAwaited(child.right);
    return !assigned;
  });
  return assigned;
}

function isEarlyReturn(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.length > 0 && ts.isReturnStatement(statement.statements[0]);
}

/**
 * `if (answered) return; answered = true; socket.write(reply);`: a handler that returns early on a
 * flag it then sets, declared outside it, writes once per stream, not once per chunk.
 */
function isGuardedByFlag(
  node: ts.CallExpression,
  handler: ts.FunctionLikeDeclaration,
  checker: ts.TypeChecker,
): boolean {
  if (!handler.body) return false;
  const guards = new Set<ts.Symbol>();
  const flags: ts.Symbol[] = [];
  forEachDescendant(handler.body, (child) => {
    if (child.pos >= node.pos || ts.isFunctionLike(child)) return false;
    if (ts.isIfStatement(child) && isEarlyReturn(child.thenStatement)) {
      forEachDescendant(child.expression, (part) => {
        const symbol = ts.isIdentifier(part) ? checker.getSymbolAtLocation(part) : undefined;
        if (symbol) guards.add(symbol);
      });
      const symbol = ts.isIdentifier(child.expression) ? checker.getSymbolAtLocation(child.expression) : undefined;
      if (symbol) guards.add(symbol);
    }
    const isSetToTrue =
      ts.isBinaryExpression(child) &&
      child.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(child.left) &&
      child.right.kind === ts.SyntaxKind.TrueKeyword;
    const symbol = isSetToTrue ? checker.getSymbolAtLocation(child.left) : undefined;
    if (symbol) flags.push(symbol);
  });
  return flags.some((flag) => {
    const declaration = flag.valueDeclaration;
    return guards.has(flag) && declaration !== undefined && !isInside(declaration, handler);
  });
}

/** A constant prompt in a `process.stdin` handler: keystrokes come at a person's pace. */
function isPromptForTyping(node: ts.CallExpression, source: ts.Expression | undefined): boolean {
  const [data] = node.arguments;
  return (
    source?.getText() === "process.stdin" && data !== undefined && ts.isStringLiteralLike(skipOuterExpressions(data))
  );
}

/**
 * `rl.on("line", …)` with `rl = createInterface({ input: process.stdin })`: lines come as a person
 * types them. Read from a file or a child's output, they come as fast as they are made.
 */
function isReadingTerminal(source: ts.Expression | undefined, checker: ts.TypeChecker): boolean {
  const value = source && skipOuterExpressions(source);
  const declaration =
    value && ts.isIdentifier(value) ? checker.getSymbolAtLocation(value)?.valueDeclaration : undefined;
  const initializer = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
  const creation = initializer && skipOuterExpressions(initializer);
  const [options] = creation && ts.isCallExpression(creation) ? creation.arguments : [];
  if (!options) return false;
  const input = ts.isObjectLiteralExpression(options)
    ? options.properties.find(
        (property): property is ts.PropertyAssignment =>
          ts.isPropertyAssignment(property) && property.name.getText() === "input",
      )?.initializer
    : options;
  return input !== undefined && skipOuterExpressions(input).getText() === "process.stdin";
}

/**
 * Whether a producer that could be slowed down feeds the writes: a `"data"` handler, a `for await`
 * loop (this one or one around it), a loop writing what it awaited, or a stream that hands over
 * one chunk per call. Otherwise the data is already in memory, or the loop is paced by other
 * work, and nothing can pile up beyond it.
 */
function isFedByProducer(
  node: ts.CallExpression,
  data: readonly ts.Expression[],
  repeater: Repeater,
  checker: ts.TypeChecker,
): boolean {
  if (repeater.repetition === "data-handler") {
    return !isPromptForTyping(node, repeater.source);
  }
  if (repeater.repetition === "line-handler") return !isReadingTerminal(repeater.source, checker);
  if (repeater.repetition === "sink-write" || repeater.repetition === "stream-implementation") return true;
  if (repeater.repetition !== "loop") return false;
  for (
    let current: ts.Node = node.parent;
    !ts.isFunctionLike(current) && !ts.isSourceFile(current);
    current = current.parent
  ) {
    if (ts.isForOfStatement(current) && current.awaitModifier) return true;
  }
  return data.some((argument) => isAwaitedData(argument, repeater.repeater as ts.IterationStatement, checker));
}

/**
 * A log line: a message composed in place (`\`Deleted ${path}\``, `"."`, an error) written to stdout
 * or stderr, or handed to a function of the project that writes it (a logger). One per item of a
 * list already in memory, or per step of awaited work, is a few KB that the terminal or pipe takes
 * as it comes. The items themselves (`out.write(line)`, `writeRow(out, row)`) are data, and so is
 * whatever is written to a file or a socket.
 */
function isLogLine(target: WriteTarget, context: AnalysisContext): boolean {
  const { checker } = context;
  const isStdio = isProcessStdio(checker.getTypeAtLocation(target.stream), checker);
  const data = target.data.filter((argument) => argument !== target.streamAtCall);
  return (isStdio || target.via !== undefined) && data.every((argument) => isComposedMessage(argument, checker));
}

/** What a call writes: through a `write()` of its own, or through a function of the project that drops the `false`. */
interface WriteTarget {
  readonly stream: ts.Expression;
  /** The stream as the call site reaches it (the helper's argument or receiver), to tell whether it is made afresh there. */
  readonly streamAtCall: ts.Expression;
  /** The arguments that carry the data. */
  readonly data: readonly ts.Expression[];
  readonly via?: IgnoredBackpressure["via"];
}

/**
 * `isHelperReportable`: whether a helper's dropped write would be reported here, when its data is
 * all the call's arguments. Resolving the callee is the costliest step of the rule: skipped when not.
 * Asked only for calls that are not a stream's own `write()`.
 */
function getWriteTarget(
  node: ts.CallExpression,
  context: AnalysisContext,
  isHelperReportable: () => boolean,
): WriteTarget | undefined {
  const call = getCalleeName(node.expression) === "write" ? getStreamCall(node, context) : undefined;
  if (call) {
    const isSignalled = call.operation === "write" && call.stream && hasBackpressureSignal(call, context);
    if (!isSignalled || !call.stream || isInMemorySink(call.stream, context.checker)) return undefined;
    return { stream: call.stream, streamAtCall: call.stream, data: node.arguments.slice(0, 1) };
  }
  const dropped = isHelperReportable() ? getHelperWrite(node, context) : undefined;
  if (!dropped) return undefined;
  const callee = skipOuterExpressions(node.expression);
  const argument = dropped.streamParameter === undefined ? undefined : node.arguments[dropped.streamParameter];
  return {
    stream: dropped.stream,
    streamAtCall: argument ?? (ts.isPropertyAccessExpression(callee) ? callee.expression : node),
    data: node.arguments,
    via: { helper: dropped.helper, write: dropped.write },
  };
}

/**
 * `inner.write(chunk); callback();` in a `_transform()`: the next chunk comes at once, however
 * full `inner` is. Writing to the stream itself (`this.write()`), or calling back only later (from
 * `"drain"`, a timer, another callback), is not that.
 */
function isCalledBackAtOnce(
  node: ts.CallExpression,
  target: WriteTarget,
  implementation: ts.FunctionLikeDeclaration,
  context: AnalysisContext,
): boolean {
  if (!target.via && skipOuterExpressions(target.stream).kind === ts.SyntaxKind.ThisKeyword) return false;
  const handler = getChunkHandler(implementation, context);
  if (handler?.kind !== "node-stream-implementation" || !implementation.body) return false;
  const { checker } = context;
  const callback = checker.getSymbolAtLocation(handler.callback);
  let calledBack = false;
  forEachDescendant(implementation.body, (child) => {
    if (calledBack || ts.isFunctionLike(child)) return false;
    const callee = ts.isCallExpression(child) ? skipOuterExpressions(child.expression) : undefined;
    calledBack =
      callee !== undefined &&
      ts.isIdentifier(callee) &&
      child.getStart() >= node.getEnd() &&
      checker.getSymbolAtLocation(callee) === callback;
    return !calledBack;
  });
  return calledBack;
}

/**
 * Node `write()` calls whose `false` ("buffer full, wait for drain") is ignored where writes repeat
 * and nothing waits for `"drain"`: memory grows with whatever the source produces.
 */
export function findIgnoredBackpressure(
  sourceFile: ts.SourceFile,
  context: AnalysisContext,
  options: BackpressureOptions,
): IgnoredBackpressure[] {
  const { checker } = context;
  const findings: IgnoredBackpressure[] = [];
  for (const node of getFileIndex(sourceFile).calls) {
    const repeater = findRepeater(node, context);
    if (!repeater) continue;
    let helperReportable: boolean | undefined;
    const isHelperReportable = (): boolean =>
      (helperReportable ??= options.checkAllLoops || isFedByProducer(node, node.arguments, repeater, checker));
    // The cheapest ways out first: a call that is neither named `write` nor a helper call that
    // would be reported, then a used result, which spares resolving the callee of every call in a loop.
    if (getCalleeName(node.expression) !== "write" && !isHelperReportable()) continue;
    if (!isResultIgnored(node, repeater, checker)) continue;
    const target = getWriteTarget(node, context, isHelperReportable);
    if (!target || isBackpressureHandled(getHandlingScope(repeater.repeater), checker)) continue;
    if (
      !isFedByProducer(node, target.data, repeater, checker) &&
      (!options.checkAllLoops || isLogLine(target, context))
    )
      continue;
    if (isOncePerStream(node, target.streamAtCall, repeater.repeater, checker)) continue;
    if (isOverAFewItems(repeater, checker)) continue;
    const fn = repeater.repeater as ts.FunctionLikeDeclaration;
    if (isProducerHandler(repeater.repetition) && isGuardedByFlag(node, fn, checker)) continue;
    if (repeater.repetition === "stream-implementation" && !isCalledBackAtOnce(node, target, fn, context)) continue;
    findings.push({ node, stream: target.stream, ...repeater, ...(target.via && { via: target.via }) });
  }
  return findings.filter((finding) => !isBesideDataWrite(finding, findings, checker));
}

/** A write of text whose size the code fixes: `"\n"`, `"assistant> "`. */
function isBoundedWrite(finding: IgnoredBackpressure, checker: ts.TypeChecker): boolean {
  const [data] = finding.node.arguments;
  return !finding.via && data !== undefined && isBoundedText(data, checker);
}

/**
 * A separator or prefix written to the same stream, in the same loop or handler, as data that is
 * reported: the data is what piles up, and waiting for `"drain"` there fixes both. A fixed write
 * on its own (an echo's `"PONG"` per chunk) is still reported.
 */
function isBesideDataWrite(
  finding: IgnoredBackpressure,
  findings: readonly IgnoredBackpressure[],
  checker: ts.TypeChecker,
): boolean {
  if (!isBoundedWrite(finding, checker)) return false;
  const stream = getStreamKey(finding.stream, checker);
  return (
    stream !== undefined &&
    findings.some(
      (other) =>
        other.repeater === finding.repeater &&
        !isBoundedWrite(other, checker) &&
        getStreamKey(other.stream, checker) === stream,
    )
  );
}
