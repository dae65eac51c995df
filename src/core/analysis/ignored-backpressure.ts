import ts from "../typescript.cjs";

import type { AnalysisContext } from "../model/analysis-context.js";
import {
  getRootVariable,
  hasBackpressureSignal,
  isBackpressureHandled,
  isInMemorySink,
} from "./backpressure-handling.js";
import { getDiscardSite } from "./discarded.js";
import { isPerItemCall } from "../model/function-context.js";
import { getStreamCall } from "../model/stream-calls.js";
import {
  forEachDescendant,
  getCalleeName,
  isInside,
  isOuterExpression,
  skipOuterExpressions,
} from "../model/syntax.js";

/** What makes a write repeat: a loop, or a callback that runs once per chunk or item. */
export type RepetitionKind = "loop" | "iteration-callback" | "data-handler";

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
  if (LISTENER_METHODS.has(name) && event && ts.isStringLiteralLike(event) && event.text === "data") {
    return {
      repetition: "data-handler",
      source: ts.isPropertyAccessExpression(callee) ? callee.expression : undefined,
    };
  }
  return undefined;
}

function findRepeater(node: ts.Node): Pick<IgnoredBackpressure, "repetition" | "repeater" | "source"> | undefined {
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
function isResultIgnored(
  node: ts.CallExpression,
  repeater: IgnoredBackpressure["repeater"],
  checker: ts.TypeChecker,
): boolean {
  let current: ts.Node = node;
  while (isOuterExpression(current.parent) || ts.isAwaitExpression(current.parent)) current = current.parent;
  if (getDiscardSite(current as ts.Expression, checker)) return true;
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

/**
 * Whether the loop writes what it has just awaited: `out.write(await next())`, or a variable the
 * loop fills from an `await` (`const { value } = await reader.read()`, `r = await reader.read()`).
 */
function isWritingAwaitedData(node: ts.CallExpression, loop: ts.IterationStatement, checker: ts.TypeChecker): boolean {
  const [data] = node.arguments;
  if (data === undefined) return false;
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
 * Whether a producer that could be slowed down feeds the writes: a `"data"` handler, a `for await`
 * loop (this one or one around it), or a loop writing what it awaited. Otherwise the data is
 * already in memory, or the loop is paced by other work, and nothing can pile up beyond it.
 */
function isFedByProducer(
  node: ts.CallExpression,
  repeater: Pick<IgnoredBackpressure, "repetition" | "repeater" | "source">,
  checker: ts.TypeChecker,
): boolean {
  if (repeater.repetition === "data-handler") {
    return !isPromptForTyping(node, repeater.source);
  }
  if (repeater.repetition !== "loop") return false;
  for (
    let current: ts.Node = node.parent;
    !ts.isFunctionLike(current) && !ts.isSourceFile(current);
    current = current.parent
  ) {
    if (ts.isForOfStatement(current) && current.awaitModifier) return true;
  }
  return isWritingAwaitedData(node, repeater.repeater as ts.IterationStatement, checker);
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
  forEachDescendant(sourceFile, (node) => {
    if (!ts.isCallExpression(node) || getCalleeName(node.expression) !== "write") return;
    const repeater = findRepeater(node);
    if (!repeater || isBackpressureHandled(getHandlingScope(repeater.repeater), checker)) return;
    if (!options.checkAllLoops && !isFedByProducer(node, repeater, checker)) return;
    const call = getStreamCall(node, context);
    if (!call || call.operation !== "write" || !call.stream || !hasBackpressureSignal(call, context)) return;
    if (isOncePerStream(node, call.stream, repeater.repeater, checker)) return;
    if (
      repeater.repetition === "data-handler" &&
      isGuardedByFlag(node, repeater.repeater as ts.FunctionLikeDeclaration, checker)
    )
      return;
    if (isInMemorySink(call.stream, checker)) return;
    if (isResultIgnored(node, repeater.repeater, checker)) {
      findings.push({ node, stream: call.stream, ...repeater });
    }
  });
  return findings;
}
