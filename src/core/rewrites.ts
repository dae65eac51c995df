import ts from "typescript";

import { getCodeStyle, type AnalysisContext } from "./analysis-context.js";
import { formatStatement, quote } from "./code-style.js";
import type { DiscardedResult } from "./discarded-results.js";
import { getEnclosingFunction, isAwaitAllowedAt, isNeverReturning, type FunctionLike } from "./function-context.js";
import type { IgnoredBackpressure } from "./ignored-backpressure.js";
import { getDeadlockRisk } from "./local-pipes.js";
import {
  endAndWaitBeforeDispose,
  getBackpressureRemedies,
  getDiscardedResultRemedies,
  getEndAndWait,
  type Remedy,
} from "./remedies.js";
import type { PendingWrite, ShutdownBeforeFlush } from "./shutdown-before-flush.js";
import { isConnection, isProcessStdio } from "./stream-families.js";
import { getStreamKey } from "./stream-identity.js";
import { forEachDescendant, getExpressionStatementOf, skipOuterExpressions } from "./syntax.js";
import {
  insertStatementsBefore,
  removeStatement,
  replaceNode,
  replaceStatementWith,
  type TextEdit,
} from "./text-edits.js";

/** Why the codemod leaves a site for a person. */
export type ManualReason =
  | "synchronous-function"
  | "ignored-callback-return"
  | "reader-attached-later"
  | "stream-handed-on"
  | "abort"
  | "announce-before-finish"
  | "exit-mid-flow"
  | "no-handle-to-wait-on"
  | "writes-not-in-async-loop"
  | "written-through-another-object"
  | "exit-in-never-function"
  | "several-scope-exits"
  | "not-a-statement"
  | "exit-stops-other-work";

export const MANUAL_REASONS: Readonly<Record<ManualReason, string>> = {
  "synchronous-function": "in a synchronous function: making it async would change its callers",
  "ignored-callback-return": "returned from a callback whose caller ignores it: restructure the loop or handler",
  "reader-attached-later": "waiting here would deadlock: the stream's reader is attached later in this function",
  "stream-handed-on":
    "the stream is returned or handed on after this point: its reader may not be attached yet, so waiting here could deadlock",
  abort: "abort() throws queued data away: decide whether close() was meant",
  "announce-before-finish": "success is signalled before the stream finished: signal from the end callback",
  "exit-mid-flow": "process.exit() in the middle of synchronous code: wait for the write callback by hand",
  "no-handle-to-wait-on": "the pending write has no handle to wait on: await it where it is made",
  "writes-not-in-async-loop": "the writes repeat outside an async loop: pause the source until 'drain'",
  "written-through-another-object":
    "the data was written through another object (a WHATWG writer over this stream): await its writes or close() before destroying",
  "exit-in-never-function": "process.exit() ends a function declared to return never: rewrite it by hand",
  "several-scope-exits": "the using scope is left at several places: end the stream and wait before each of them by hand",
  "not-a-statement": "the call is part of a larger expression: rewrite it by hand",
  "exit-stops-other-work":
    "process.exit() also stops child processes, servers, timers or 'exit' listeners here: flush the output before it by hand",
};

/** What the codemod does at a site the rules report: edit it, or list it for a person. */
export type Rewrite =
  | { readonly kind: "edit"; readonly edits: readonly TextEdit[] }
  | { readonly kind: "manual"; readonly reason: ManualReason };

function manual(reason: ManualReason): Rewrite {
  return { kind: "manual", reason };
}

function fromRemedy(remedy: Remedy | undefined, otherwise: ManualReason): Rewrite {
  return remedy ? { kind: "edit", edits: remedy.edits } : manual(otherwise);
}

// ---- no-discarded-result -------------------------------------------------------------------

export function getDiscardedResultRewrite(result: DiscardedResult, context: AnalysisContext): Rewrite {
  if (result.site.kind === "ignored-return") return manual("ignored-callback-return");
  const deadlock = result.stream && getDeadlockRisk(result.stream, result.node, context);
  if (deadlock) return manual(deadlock);
  const addAwait = getDiscardedResultRemedies(result, context).find((remedy) => remedy.id === "addAwait");
  return fromRemedy(addAwait, "synchronous-function");
}

// ---- no-shutdown-before-flush --------------------------------------------------------------

function isEnded(lost: readonly PendingWrite[], stream: ts.Expression, checker: ts.TypeChecker): boolean {
  const key = getStreamKey(stream, checker);
  return lost.some((write) => write.call.operation === "end" && write.call.stream && getStreamKey(write.call.stream, checker) === key);
}

function getDestroyRewrite(finding: ShutdownBeforeFlush, context: AnalysisContext): Rewrite {
  const stream = finding.write.call.stream;
  if (!stream || finding.write.call.owner !== "node-writable") return manual("written-through-another-object");
  const statement = getExpressionStatementOf(finding.node);
  if (!statement) return manual("not-a-statement");
  const deadlock = getDeadlockRisk(stream, finding.node, context);
  if (deadlock) return manual(deadlock);
  if (!isAwaitAllowedAt(statement, context.program)) {
    // `end(cb)` after `end(data)` is allowed: the callback still waits for "finish".
    return { kind: "edit", edits: [replaceNode(finding.node, `${stream.getText()}.end(() => ${finding.node.getText()})`)] };
  }
  const { lines, importEdit } = getEndAndWait(stream, isEnded(finding.lost, stream, context.checker), context);
  const destroy = skipOuterExpressions((finding.node as ts.CallExpression).expression);
  const destroysTheStreamItself =
    ts.isPropertyAccessExpression(destroy) &&
    getStreamKey(destroy.expression, context.checker) === getStreamKey(stream, context.checker);
  // Once finished, a file or HTTP response has nothing left to destroy; a connection still has its read side.
  const destroyStillMatters =
    !destroysTheStreamItself ||
    (finding.node as ts.CallExpression).arguments.length > 0 ||
    isConnection(context.checker.getTypeAtLocation(stream), context.checker);
  const style = getCodeStyle(statement.getSourceFile(), context);
  const edits = destroyStillMatters ? insertStatementsBefore(statement, lines, style) : replaceStatementWith(statement, lines, style);
  return { kind: "edit", edits: importEdit ? [importEdit, ...edits] : edits };
}

const MAIN_LIKE_NAME = /^(main|run|cli|start)$/;

function getFunctionName(fn: FunctionLike): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
}

function isTopLevelInvocation(fn: FunctionLike): boolean {
  let node: ts.Node = fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const call = node.parent;
  return ts.isCallExpression(call) && call.expression === node && getEnclosingFunction(call) === undefined;
}

/** Whether `statement` is the last thing a file's top level or a main-like function does. */
function isLastStatementOfMain(statement: ts.Statement): boolean {
  const parent = statement.parent;
  if (ts.isSourceFile(parent)) return parent.statements.at(-1) === statement;
  if (!ts.isBlock(parent) || parent.statements.at(-1) !== statement) return false;
  const fn = parent.parent;
  if (!ts.isFunctionLike(fn)) return false;
  const name = getFunctionName(fn as FunctionLike);
  return (name !== undefined && MAIN_LIKE_NAME.test(name)) || isTopLevelInvocation(fn as FunctionLike);
}

const STDERR_CONSOLE_METHODS = new Set(["error", "warn", "trace"]);

/** The stdio stream a lost write went to, as code: `process.stderr`, or the alias the code used. */
function getStdioTarget(write: PendingWrite, context: AnalysisContext): string | undefined {
  const { call } = write;
  if (call.owner === "console") {
    const method = call.calleeText.split(".").at(-1)!;
    return STDERR_CONSOLE_METHODS.has(method) ? "process.stderr" : "process.stdout";
  }
  if (call.stream && isProcessStdio(context.checker.getTypeAtLocation(call.stream), context.checker)) {
    return call.stream.getText();
  }
  return undefined;
}

/**
 * Whether the file starts work that `process.exit()` would stop and `process.exitCode` would let
 * run on: child processes, servers, intervals, `"exit"` listeners that clean up. Then the exit is
 * kept, and the output flushed before it.
 */
function mayStopOtherWork(sourceFile: ts.SourceFile): boolean {
  return /\bchild_process\b|\bprocess\.(?:on|once)\(\s*["'`]exit["'`]|\bsetInterval\(|\.listen\(/.test(sourceFile.text);
}

function getExitRewrite(finding: ShutdownBeforeFlush, context: AnalysisContext): Rewrite {
  const call = finding.node;
  const statement = ts.isCallExpression(call) ? getExpressionStatementOf(call) : undefined;
  if (!ts.isCallExpression(call) || !statement || call.arguments.length > 1) return manual("not-a-statement");
  const [code] = call.arguments;
  if (isNeverReturning(getEnclosingFunction(statement), context.checker)) return manual("exit-in-never-function");
  const stopsOtherWork = mayStopOtherWork(statement.getSourceFile());
  if (isLastStatementOfMain(statement) && !stopsOtherWork) {
    if (!code) return { kind: "edit", edits: [removeStatement(statement)] };
    return { kind: "edit", edits: [replaceNode(call, `process.exitCode = ${code.getText()}`)] };
  }
  const targets = finding.lost.map((write) => getStdioTarget(write, context));
  if (targets.some((target) => target === undefined)) return manual("no-handle-to-wait-on");
  const streams = [...new Set(targets as string[])];
  const style = getCodeStyle(statement.getSourceFile(), context);
  if (!isAwaitAllowedAt(statement, context.program)) return manual(stopsOtherWork ? "exit-stops-other-work" : "exit-mid-flow");
  // A write's callback runs once everything written before it has been handed to the OS.
  const waits = streams.map((stream) => formatStatement(`await new Promise((resolve) => ${stream}.write(${quote("", style)}, resolve))`, style));
  return { kind: "edit", edits: insertStatementsBefore(statement, waits, style) };
}

export function getShutdownRewrite(finding: ShutdownBeforeFlush, context: AnalysisContext): Rewrite {
  switch (finding.kind) {
    case "discard":
      return getDestroyRewrite(finding, context);
    case "abort":
      return manual("abort");
    case "exit":
      return getExitRewrite(finding, context);
    case "announce":
      return manual("announce-before-finish");
    case "dispose":
      if (hasSeveralExits(finding.node)) return manual("several-scope-exits");
      return fromRemedy(endAndWaitBeforeDispose(finding, context), "synchronous-function");
  }
}

/**
 * Whether the block of a `using` declaration can be left at more than one place: a `return`
 * anywhere in it but as its last statement (nested functions aside).
 */
function hasSeveralExits(name: ts.Node): boolean {
  let block: ts.Node = name;
  while (!ts.isBlock(block) && !ts.isSourceFile(block)) block = block.parent;
  const statements = (block as ts.Block | ts.SourceFile).statements;
  let returns = 0;
  forEachDescendant(block, (node) => {
    if (ts.isFunctionLike(node)) return false;
    if (ts.isReturnStatement(node) && node !== statements.at(-1)) returns++;
  });
  return returns > 0;
}

// ---- no-ignored-backpressure -----------------------------------------------------------------

export function getBackpressureRewrite(finding: IgnoredBackpressure, context: AnalysisContext): Rewrite {
  if (finding.repetition !== "loop") return manual("writes-not-in-async-loop");
  const deadlock = getDeadlockRisk(finding.stream, finding.repeater, context);
  if (deadlock) return manual(deadlock);
  if (!ts.isExpressionStatement(finding.node.parent)) return manual("not-a-statement");
  const waitForDrain = getBackpressureRemedies(finding, context).find((remedy) => remedy.id === "waitForDrain");
  return fromRemedy(waitForDrain, "synchronous-function");
}
