import ts from "../typescript.cjs";

import { getCodeStyle, type AnalysisContext } from "../model/analysis-context.js";
import { formatStatement, quote } from "./code-style.js";
import type { DiscardedResult } from "../analysis/discarded-results.js";
import {
  getEnclosingFunction,
  isAwaitAllowedAt,
  isNeverReturning,
  type FunctionLike,
} from "../model/function-context.js";
import type { IgnoredBackpressure } from "../analysis/ignored-backpressure.js";
import { getDeadlockRisk } from "../analysis/local-pipes.js";
import {
  awaitFinishedBeforeReturn,
  awaitFinishedBeforeUse,
  endAndWaitBeforeDispose,
  getBackpressureRemedies,
  getDiscardedResultRemedies,
  getEndAndWait,
  type Remedy,
} from "./remedies.js";
import { getStreamNamedHere, type PendingWrite, type ShutdownBeforeFlush } from "../analysis/shutdown-before-flush.js";
import { isProcessStdio } from "../model/stream-families.js";
import { getStreamKey } from "../model/stream-identity.js";
import { forEachDescendant, getExpressionStatementOf, skipOuterExpressions } from "../model/syntax.js";
import { insertStatementsBefore, removeStatement, replaceNode, type TextEdit } from "./text-edits.js";

/** Why the codemod leaves a site for a person. */
export type ManualReason =
  | "synchronous-function"
  | "ignored-callback-return"
  | "reader-attached-later"
  | "stream-handed-on"
  | "abort"
  | "announce-before-finish"
  | "exit-in-synchronous-code"
  | "no-handle-to-wait-on"
  | "writes-not-in-async-loop"
  | "write-in-helper"
  | "implementation-calls-back-at-once"
  | "synchronous-sink-write"
  | "written-through-another-object"
  | "exit-in-never-function"
  | "several-scope-exits"
  | "not-a-statement"
  | "shutdown-in-callee"
  | "file-used-before-finish"
  | "untyped-stream";

export const MANUAL_REASONS: Readonly<Record<ManualReason, string>> = {
  "synchronous-function": "in a synchronous function: making it async would change its callers",
  "ignored-callback-return": "returned from a callback whose caller ignores it: restructure the loop or handler",
  "reader-attached-later": "waiting here would deadlock: the stream's reader is attached later in this function",
  "stream-handed-on":
    "the stream is returned or handed on after this point: its reader may not be attached yet, so waiting here could deadlock",
  abort: "abort() throws queued data away: decide whether close() was meant",
  "announce-before-finish": "success is signalled before the stream finished: signal from the end callback",
  "exit-in-synchronous-code":
    "process.exit() in synchronous code that does not end the program: exit from the output's write callback by hand " +
    '(process.stdout.write("", () => process.exit(n))), and make sure what follows does not run meanwhile',
  "no-handle-to-wait-on": "the pending write has no handle to wait on: await it where it is made",
  "writes-not-in-async-loop": "the writes repeat outside an async loop: pause the source until 'drain'",
  "write-in-helper":
    "the write() whose false is ignored is in a function this call runs: wait for 'drain' there, or return write()'s result and wait here",
  "implementation-calls-back-at-once":
    "the stream calls back before what it wrote drained: call back from 'drain' when write() returns false, or pass the callback to write()",
  "synchronous-sink-write":
    "the sink's write() goes on after the write: make it async and await 'drain' when write() returns false",
  "written-through-another-object":
    "the data was written through another object (a WHATWG writer over this stream): await its writes or close() before destroying",
  "exit-in-never-function":
    "process.exit() ends a function that returns never (declared or inferred): rewrite it by hand",
  "several-scope-exits":
    "the using scope is left at several places: end the stream and wait before each of them by hand",
  "not-a-statement": "the call is part of a larger expression: rewrite it by hand",
  "shutdown-in-callee":
    "the stream is shut down in a function this call runs: end it and wait for 'finish' there, or before the call",
  "file-used-before-finish":
    "the file's stream is not named here, or await is not allowed: wait for its 'finish' before the file is used",
  "untyped-stream":
    "the stream is typed any, so the report rests on its method names: if it is a Node stream, end it and destroy it once it has finished",
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
  return lost.some(
    (write) => write.call.operation === "end" && write.call.stream && getStreamKey(write.call.stream, checker) === key,
  );
}

function getDestroyRewrite(finding: ShutdownBeforeFlush, context: AnalysisContext): Rewrite {
  if (finding.shutdownIn) return manual("shutdown-in-callee");
  const stream = getStreamNamedHere(finding);
  if (!stream || finding.write.call.owner !== "node-writable") return manual("written-through-another-object");
  if (finding.write.call.untyped) return manual("untyped-stream");
  const statement = getExpressionStatementOf(finding.node);
  if (!statement) return manual("not-a-statement");
  const deadlock = getDeadlockRisk(stream, finding.node, context);
  if (deadlock) return manual(deadlock);
  if (!isAwaitAllowedAt(statement, context.program))
    return endThenDestroy(finding.node, stream, statement, context.checker);
  const { lines, importEdit } = getEndAndWait(stream, isEnded(finding.lost, stream, context.checker), context);
  // The destroy() stays: after "finish" it still closes a connection's read side or aborts a
  // client request's response, and on a finished file it does no harm.
  const edits = insertStatementsBefore(statement, lines, getCodeStyle(statement.getSourceFile(), context));
  return { kind: "edit", edits: importEdit ? [importEdit, ...edits] : edits };
}

/** The `s.end()` or `s.end(data)` statement right before `statement`, `s` being `stream`. */
function getEndRightBefore(
  statement: ts.Statement,
  stream: ts.Expression,
  checker: ts.TypeChecker,
): ts.CallExpression | undefined {
  const parent = statement.parent;
  const siblings =
    ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseOrDefaultClause(parent) ? parent.statements : undefined;
  const previous = siblings?.[siblings.indexOf(statement) - 1];
  if (!previous || !ts.isExpressionStatement(previous)) return undefined;
  const end = skipOuterExpressions(previous.expression);
  if (
    !ts.isCallExpression(end) ||
    !ts.isPropertyAccessExpression(end.expression) ||
    end.expression.name.text !== "end"
  ) {
    return undefined;
  }
  const key = getStreamKey(stream, checker);
  if (key === undefined || getStreamKey(end.expression.expression, checker) !== key) return undefined;
  // `end(data)` takes the callback after the data; `end(cb)` has one already.
  const [data, ...rest] = end.arguments;
  const takesCallback =
    !data || (rest.length === 0 && checker.getTypeAtLocation(data).getCallSignatures().length === 0);
  return takesCallback ? end : undefined;
}

/**
 * `s.end(() => s.destroy())` where nothing can wait: the callback runs once "finish" came (or at
 * once, with an error it ignores, when it came already). Right after an `s.end()` statement, that
 * statement takes the callback, and the destroy goes.
 */
function endThenDestroy(
  destroy: ts.Node,
  stream: ts.Expression,
  statement: ts.Statement,
  checker: ts.TypeChecker,
): Rewrite {
  const callback = `() => ${destroy.getText()}`;
  const end = getEndRightBefore(statement, stream, checker);
  if (!end) return { kind: "edit", edits: [replaceNode(destroy, `${stream.getText()}.end(${callback})`)] };
  const args = [...end.arguments.map((argument) => argument.getText()), callback].join(", ");
  return {
    kind: "edit",
    edits: [replaceNode(end, `${end.expression.getText()}(${args})`), removeStatement(statement)],
  };
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
    // Written in another function, the stream may be named there in a way this file cannot use.
    const text = call.stream.getText();
    const isNamedHere = !write.through && !write.method;
    return isNamedHere || /^process\.std(out|err)$/.test(text) ? text : undefined;
  }
  return undefined;
}

/**
 * The statement that calls `fn`, where nothing else can: an IIFE, or the one mention of a function
 * that is not exported (`function main() {…}` … `main();`).
 */
function getOnlyCall(fn: FunctionLike, checker: ts.TypeChecker): ts.ExpressionStatement | undefined {
  let node: ts.Node = fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  if (ts.isCallExpression(node.parent) && node.parent.expression === node) return getExpressionStatementOf(node.parent);
  const declaration = ts.isFunctionDeclaration(fn) ? fn : fn.parent;
  const name =
    ts.isFunctionDeclaration(declaration) || ts.isVariableDeclaration(declaration) ? declaration.name : undefined;
  if (
    !name ||
    !ts.isIdentifier(name) ||
    ts.getCombinedModifierFlags(declaration as ts.Declaration) & ts.ModifierFlags.Export
  ) {
    return undefined;
  }
  const symbol = checker.getSymbolAtLocation(name);
  const mentions: ts.Identifier[] = [];
  forEachDescendant(fn.getSourceFile(), (child) => {
    if (ts.isIdentifier(child) && child !== name && checker.getSymbolAtLocation(child) === symbol) mentions.push(child);
  });
  const [mention] = mentions;
  if (mentions.length !== 1 || !ts.isCallExpression(mention.parent) || mention.parent.expression !== mention)
    return undefined;
  return getExpressionStatementOf(mention.parent);
}

/**
 * Whether nothing runs after `statement`: it is the last statement of the file's top level, or of
 * a branch, a block or a function whose only call is.
 */
function endsTheProgram(statement: ts.Statement, checker: ts.TypeChecker): boolean {
  const seen = new Set<ts.Node>();
  let current: ts.Node = statement;
  for (;;) {
    const parent: ts.Node = current.parent;
    if (ts.isSourceFile(parent)) return parent.statements.at(-1) === current;
    if (ts.isBlock(parent) ? parent.statements.at(-1) !== current : !ts.isIfStatement(parent)) return false;
    current = parent;
    if (ts.isFunctionLike(parent.parent) && !seen.has(parent.parent)) {
      seen.add(parent.parent);
      const call = getOnlyCall(parent.parent as FunctionLike, checker);
      if (!call) return false;
      current = call;
    }
  }
}

/**
 * Flushes the stdio the lost writes went to, then exits as before: `process.exitCode` instead
 * would also wait for every timer, socket, child process and open stdin, which the codemod cannot
 * see all of, and a program that ended before could then run on.
 */
function getExitRewrite(finding: ShutdownBeforeFlush, context: AnalysisContext): Rewrite {
  if (finding.shutdownIn) return manual("shutdown-in-callee");
  const call = finding.node;
  const statement = ts.isCallExpression(call) ? getExpressionStatementOf(call) : undefined;
  if (!ts.isCallExpression(call) || !statement || call.arguments.length > 1) return manual("not-a-statement");
  if (isNeverReturning(getEnclosingFunction(statement), context.checker)) return manual("exit-in-never-function");
  const targets = finding.lost.map((write) => getStdioTarget(write, context));
  if (targets.some((target) => target === undefined)) return manual("no-handle-to-wait-on");
  const streams = [...new Set(targets as string[])];
  const style = getCodeStyle(statement.getSourceFile(), context);
  // A write's callback runs once everything written before it has been handed to the OS.
  if (isAwaitAllowedAt(statement, context.program)) {
    const waits = streams.map((stream) =>
      formatStatement(`await new Promise((resolve) => ${stream}.write(${quote("", style)}, resolve))`, style),
    );
    return { kind: "edit", edits: insertStatementsBefore(statement, waits, style) };
  }
  // Without await the exit moves into a callback: right only where no code after it would run meanwhile.
  if (!endsTheProgram(statement, context.checker)) return manual("exit-in-synchronous-code");
  const exit = streams.reduceRight(
    (inner, stream) => `${stream}.write(${quote("", style)}, () => ${inner})`,
    call.getText(),
  );
  return { kind: "edit", edits: [replaceNode(call, exit)] };
}

export function getShutdownRewrite(finding: ShutdownBeforeFlush, context: AnalysisContext): Rewrite {
  switch (finding.kind) {
    case "destroy":
      return getDestroyRewrite(finding, context);
    case "abort":
      return manual("abort");
    case "exit":
      return getExitRewrite(finding, context);
    case "announce":
      return manual("announce-before-finish");
    case "use":
      return fromRemedy(awaitFinishedBeforeUse(finding, context), "file-used-before-finish");
    case "return":
      return fromRemedy(awaitFinishedBeforeReturn(finding, context), "file-used-before-finish");
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
  const statements = block.statements;
  let returns = 0;
  forEachDescendant(block, (node) => {
    if (ts.isFunctionLike(node)) return false;
    if (ts.isReturnStatement(node) && node !== statements.at(-1)) returns++;
  });
  return returns > 0;
}

// ---- no-ignored-backpressure -----------------------------------------------------------------

export function getBackpressureRewrite(finding: IgnoredBackpressure, context: AnalysisContext): Rewrite {
  if (finding.via) return manual("write-in-helper");
  if (finding.repetition === "stream-implementation") return manual("implementation-calls-back-at-once");
  const isSink = finding.repetition === "sink-write";
  if (finding.repetition !== "loop" && !isSink) return manual("writes-not-in-async-loop");
  const deadlock = getDeadlockRisk(finding.stream, finding.repeater, context);
  if (deadlock) return manual(deadlock);
  if (!ts.isExpressionStatement(finding.node.parent)) return manual("not-a-statement");
  const waitForDrain = getBackpressureRemedies(finding, context).find((remedy) => remedy.id === "waitForDrain");
  return fromRemedy(waitForDrain, isSink ? "synchronous-sink-write" : "synchronous-function");
}
