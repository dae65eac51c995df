import ts from "../typescript.cjs";

import { getCodeStyle, type AnalysisContext } from "../model/analysis-context.js";
import { formatMultilineList, formatStatement, quote, type CodeStyle } from "./code-style.js";
import type { DiscardedResult } from "../analysis/discarded-results.js";
import { getChainOfCallback } from "../analysis/discarded.js";
import {
  getEnclosingFunction,
  isAwaitAllowedAt,
  isNeverReturning,
  isReturnValueIgnored,
} from "../model/function-context.js";
import { isProducerHandler, type IgnoredBackpressure } from "../analysis/ignored-backpressure.js";
import type { IgnoredByteCount } from "../analysis/ignored-byte-counts.js";
import { FINISHED_IMPORT, getFreeName, getImport, ONCE_IMPORT } from "./imports.js";
import { getDeadlockRisk } from "../analysis/local-pipes.js";
import { getStreamNamedHere, isDisposeCall, type ShutdownBeforeFlush } from "../analysis/shutdown-before-flush.js";
import { getStreamFamily, hasMethod, isConnection } from "../model/stream-families.js";
import { getStreamKey } from "../model/stream-identity.js";
import { forEachDescendant, getExpressionStatementOf, perSourceFile, skipOuterExpressions } from "../model/syntax.js";
import {
  appendStatements,
  getIndentation,
  insertBefore,
  insertStatementsBefore,
  replaceNode,
  replaceStatement,
  type TextEdit,
} from "./text-edits.js";

/**
 * A fix for a finding, as plain text edits. The rules offer remedies as suggestions (adding
 * `await` changes timing, so never as autofixes); the codemod applies them in bulk.
 */
export interface Remedy<Id extends RemedyId = RemedyId> {
  readonly id: Id;
  readonly edits: readonly TextEdit[];
}

/** The suggestions of no-discarded-result: the rule's message ids for them are these names. */
export type DiscardedResultRemedyId = "addAwait" | "returnPromise" | "useWriteFileSync";
/** The suggestions of no-shutdown-before-flush. */
export type ShutdownRemedyId =
  | "endAndWaitBeforeDispose"
  | "endBeforeDestroy"
  | "awaitFinishedBeforeDestroy"
  | "useExitCode"
  | "closeInsteadOfAbort"
  | "awaitFinishedBeforeUse"
  | "awaitFinishedBeforeReturn";
/** The suggestions of no-ignored-backpressure. */
export type BackpressureRemedyId = "waitForDrain" | "pauseSource";

export type RemedyId = DiscardedResultRemedyId | ShutdownRemedyId | BackpressureRemedyId;

function compactRemedies<Id extends RemedyId>(remedies: readonly (Remedy<Id> | undefined)[]): Remedy<Id>[] {
  return remedies.filter((remedy): remedy is Remedy<Id> => remedy !== undefined);
}

function compact(edits: readonly (TextEdit | undefined)[]): TextEdit[] {
  return edits.filter((edit): edit is TextEdit => edit !== undefined);
}

/** Whether `await` written before `node` would bind to less than the whole of it. */
function needsParenthesesForAwait(node: ts.Expression): boolean {
  return (
    ts.isBinaryExpression(node) ||
    ts.isConditionalExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isYieldExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node)
  );
}

function addAwait(result: DiscardedResult, context: AnalysisContext): Remedy<"addAwait"> | undefined {
  const { site } = result;
  if (site.kind === "ignored-return" || !isAwaitAllowedAt(site.expression, context.program)) return undefined;
  if (result.stream && getDeadlockRisk(result.stream, result.node, context)) return undefined;
  const voidExpression = site.expression.parent;
  if (site.kind === "void" && ts.isVoidExpression(voidExpression)) {
    return {
      id: "addAwait",
      edits: [{ start: voidExpression.getStart(), end: site.expression.getStart(), text: "await " }],
    };
  }
  if (needsParenthesesForAwait(site.expression)) {
    const end = site.expression.getEnd();
    return { id: "addAwait", edits: [insertBefore(site.expression, "await ("), { start: end, end, text: ")" }] };
  }
  return { id: "addAwait", edits: [insertBefore(site.expression, "await ")] };
}

function hasValueReturn(fn: ts.FunctionLikeDeclaration): boolean {
  let found = false;
  forEachDescendant(fn, (node) => {
    if (found || (ts.isFunctionLike(node) && node !== fn)) return false;
    found = ts.isReturnStatement(node) && node.expression !== undefined;
    return !found;
  });
  return found;
}

/**
 * `return` in front of the last statement of a function that is not a callback (whoever calls a
 * callback decides what happens to its result; `.then()` callbacks excepted) that returns nothing else and declares no type.
 */
function returnPromise(result: DiscardedResult, context: AnalysisContext): Remedy<"returnPromise"> | undefined {
  const { site } = result;
  const voidExpression = site.kind === "void" ? site.expression.parent : undefined;
  const statement = (voidExpression ?? site.expression).parent;
  if ((site.kind !== "statement" && site.kind !== "void") || !ts.isExpressionStatement(statement)) return undefined;
  const fn = getEnclosingFunction(statement);
  if (fn && ts.isCallOrNewExpression(fn.parent) && !getChainOfCallback(fn)) return undefined;
  if (
    !fn?.body ||
    !ts.isBlock(fn.body) ||
    fn.body.statements.at(-1) !== statement ||
    fn.type !== undefined ||
    fn.asteriskToken !== undefined ||
    ts.isConstructorDeclaration(fn) ||
    ts.isSetAccessorDeclaration(fn) ||
    hasValueReturn(fn) ||
    isReturnValueIgnored(fn, context.checker)
  ) {
    return undefined;
  }
  if (voidExpression) {
    return {
      id: "returnPromise",
      edits: [{ start: voidExpression.getStart(), end: site.expression.getStart(), text: "return " }],
    };
  }
  return { id: "returnPromise", edits: [insertBefore(statement, "return ")] };
}

export function getDiscardedResultRemedies(
  result: DiscardedResult,
  context: AnalysisContext,
): Remedy<DiscardedResultRemedyId>[] {
  return compactRemedies([addAwait(result, context), returnPromise(result, context)]);
}

function getNodeStreamRemedies(finding: ShutdownBeforeFlush, context: AnalysisContext): Remedy<ShutdownRemedyId>[] {
  const written = getStreamNamedHere(finding);
  if (!written || finding.shutdownIn || finding.write.call.owner !== "node-writable") return [];
  const remedies: Remedy<ShutdownRemedyId>[] = [];
  // `await out[Symbol.asyncDispose]()` is awaited already: only the awaited end fits there.
  if (!(ts.isCallExpression(finding.node) && isDisposeCall(finding.node))) {
    remedies.push({
      id: "endBeforeDestroy",
      edits: [replaceNode(finding.node, `${written.getText()}.end(() => ${finding.node.getText()})`)],
    });
  }
  // `finished()` of a socket must not wait for its readable side: on an untyped stream, unknowable.
  if (finding.write.call.untyped) return remedies;
  const statement = getExpressionStatementOf(finding.node);
  if (statement && isAwaitAllowedAt(statement, context.program) && !getDeadlockRisk(written, finding.node, context)) {
    const { lines, importEdit } = getEndAndWait(written, false, context);
    const style = getCodeStyle(statement.getSourceFile(), context);
    remedies.push({
      id: "awaitFinishedBeforeDestroy",
      edits: compact([importEdit, ...insertStatementsBefore(statement, lines, style)]),
    });
  }
  return remedies;
}

/**
 * The statements that end `stream` and wait until everything written has left:
 * `s.end(); await finished(s);` in the file's style, and the edit importing `finished` if the file needs it.
 */
export function getEndAndWait(
  stream: ts.Expression,
  alreadyEnded: boolean,
  context: AnalysisContext,
): { lines: string[]; importEdit: TextEdit | undefined } {
  const style = getCodeStyle(stream.getSourceFile(), context);
  const finished = getImport(stream.getSourceFile(), FINISHED_IMPORT, style);
  const text = stream.getText();
  const options = isConnection(context.checker.getTypeAtLocation(stream), context.checker)
    ? ", { readable: false }"
    : "";
  const lines = [...(alreadyEnded ? [] : [`${text}.end()`]), `await ${finished.reference}(${text}${options})`];
  return { lines: lines.map((line) => formatStatement(line, style)), importEdit: finished.edit };
}

/**
 * Whether nothing runs after `statement` in its function (or file): it is the last statement of
 * the body, or a `return` follows it. Replacing `process.exit()` there changes no control flow,
 * unless the function is declared to return `never`.
 */
function isLastThingDone(statement: ts.Statement, checker: ts.TypeChecker): boolean {
  const parent = statement.parent;
  // `if (failed) process.exit(1);` as the last statement: the branch is the last thing done too.
  if (ts.isIfStatement(parent)) return isLastThingDone(parent, checker);
  const siblings = ts.isBlock(parent) || ts.isSourceFile(parent) ? parent.statements : undefined;
  if (!siblings) return false;
  const next = siblings[siblings.indexOf(statement) + 1];
  if (next !== undefined) return ts.isReturnStatement(next) && next.expression === undefined;
  if (ts.isSourceFile(parent)) return true;
  if (ts.isIfStatement(parent.parent)) return isLastThingDone(parent.parent, checker);
  const fn = parent.parent;
  if (!ts.isFunctionLike(fn) || (fn as ts.FunctionLikeDeclaration).body !== parent) return false;
  return !isNeverReturning(fn as ts.FunctionLikeDeclaration, checker);
}

function useExitCode(finding: ShutdownBeforeFlush, context: AnalysisContext): Remedy<"useExitCode"> | undefined {
  const call = finding.node;
  if (finding.shutdownIn || !ts.isCallExpression(call) || call.arguments.length !== 1) return undefined;
  const statement = getExpressionStatementOf(call);
  if (!statement || !isLastThingDone(statement, context.checker)) return undefined;
  const [code] = call.arguments;
  if (ts.isSpreadElement(code)) return undefined;
  return { id: "useExitCode", edits: [replaceNode(call, `process.exitCode = ${code.getText()}`)] };
}

function closeInsteadOfAbort(
  finding: ShutdownBeforeFlush,
  context: AnalysisContext,
): Remedy<"closeInsteadOfAbort"> | undefined {
  const call = finding.node;
  if (finding.shutdownIn || !ts.isCallExpression(call)) return undefined;
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "abort") return undefined;
  if (!hasMethod(context.checker.getTypeAtLocation(callee.expression), "close", context.checker)) return undefined;
  return { id: "closeInsteadOfAbort", edits: [replaceNode(call, `${callee.expression.getText()}.close()`)] };
}

export function getShutdownRemedies(
  finding: ShutdownBeforeFlush,
  context: AnalysisContext,
): Remedy<ShutdownRemedyId>[] {
  switch (finding.kind) {
    case "exit":
      return compactRemedies([useExitCode(finding, context)]);
    case "destroy":
      return getNodeStreamRemedies(finding, context);
    case "abort":
      return compactRemedies([closeInsteadOfAbort(finding, context)]);
    case "announce":
      return [];
    case "dispose":
      return compactRemedies([endAndWaitBeforeDispose(finding, context)]);
    case "use":
      return compactRemedies([awaitFinishedBeforeUse(finding, context)]);
    case "return":
      return compactRemedies([awaitFinishedBeforeReturn(finding, context)]);
  }
}

/** `await finished(out)` right after the `out.end()` statement an async function returns after. */
export function awaitFinishedBeforeReturn(
  finding: ShutdownBeforeFlush,
  context: AnalysisContext,
): Remedy<"awaitFinishedBeforeReturn"> | undefined {
  const stream = finding.stream;
  const statement = getExpressionStatementOf(finding.node);
  if (!stream || !statement || getDeadlockRisk(stream, finding.node, context)) return undefined;
  const { lines, importEdit } = getEndAndWait(stream, true, context);
  const style = getCodeStyle(statement.getSourceFile(), context);
  const indentation = getIndentation(statement);
  const end = statement.getEnd();
  const text = lines.map((line) => `${style.newLine}${indentation}${line}`).join("");
  return { id: "awaitFinishedBeforeReturn", edits: compact([importEdit, { start: end, end, text }]) };
}

/**
 * `await finished(out)` before the file is read or renamed, when `out` is named here and `await`
 * may be written. Nothing is ended: what is piped ends when its source does.
 */
export function awaitFinishedBeforeUse(
  finding: ShutdownBeforeFlush,
  context: AnalysisContext,
): Remedy<"awaitFinishedBeforeUse"> | undefined {
  const stream = finding.shutdownIn ? undefined : getStreamNamedHere(finding);
  const statement = getExpressionStatementOf(finding.node) ?? getEnclosingStatement(finding.node);
  if (!stream || getStreamKey(stream, context.checker) === undefined || !statement) return undefined;
  if (!isAwaitAllowedAt(statement, context.program) || getDeadlockRisk(stream, finding.node, context)) return undefined;
  const { lines, importEdit } = getEndAndWait(stream, true, context);
  const style = getCodeStyle(statement.getSourceFile(), context);
  return {
    id: "awaitFinishedBeforeUse",
    edits: compact([importEdit, ...insertStatementsBefore(statement, lines, style)]),
  };
}

/** The statement `node` is part of: `const text = await readFile(path)` for the `readFile()` call. */
function getEnclosingStatement(node: ts.Node): ts.Statement | undefined {
  let current: ts.Node = node;
  while (!ts.isStatement(current.parent) || ts.isBlock(current.parent)) {
    if (ts.isFunctionLike(current.parent) || ts.isSourceFile(current.parent)) return undefined;
    current = current.parent;
  }
  const statement = current.parent;
  return ts.isBlock(statement.parent) || ts.isSourceFile(statement.parent) ? statement : undefined;
}

/** `out.end(); await finished(out);` where a `using` Node stream's scope is left, before disposal destroys it. */
export function endAndWaitBeforeDispose(
  finding: ShutdownBeforeFlush,
  context: AnalysisContext,
): Remedy<"endAndWaitBeforeDispose"> | undefined {
  const { exit } = finding;
  if (!exit || !isAwaitAllowedAt(ts.isSourceFile(exit) ? exit.statements[0] : exit, context.program)) return undefined;
  const { lines, importEdit } = getEndAndWait(finding.node, false, context);
  const style = getCodeStyle(finding.node.getSourceFile(), context);
  const edits = ts.isReturnStatement(exit)
    ? insertStatementsBefore(exit, lines, style)
    : compact([appendStatements(exit, lines, style)]);
  return { id: "endAndWaitBeforeDispose", edits: compact([importEdit, ...edits]) };
}

/** Whether `once(s, "drain")` and `finished(s)` accept the stream: a Node stream, or an emitter like one. */
function isEmitterStream(stream: ts.Expression, context: AnalysisContext): boolean {
  const type = context.checker.getTypeAtLocation(stream);
  if (getStreamFamily(type, context) === "node-writable") return true;
  return ["once", "removeListener", "write", "end"].every((name) => hasMethod(type, name, context.checker));
}

const DRAIN_HELPER_NAME = "waitForDrain";

/** The top-level functions named like the drain helper: looked for once per file, not at every site. */
const getDrainHelperCandidates = perSourceFile((sourceFile) =>
  sourceFile.statements.filter(
    (statement): statement is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(statement) && statement.name?.text.startsWith(DRAIN_HELPER_NAME) === true,
  ),
);

/**
 * The helper that waits for `"drain"`, as a function declaration named `name`. A bare
 * `once(s, "drain")` never settles when the stream is destroyed without an error; racing it with
 * `finished(s)` ends the wait then, and the abort removes both listeners.
 */
function getDrainHelper(
  name: string,
  once: string,
  finished: string,
  sourceFile: ts.SourceFile,
  style: CodeStyle,
): string {
  // Not a name the imports are reached through (`import * as stream from "node:stream/promises"`).
  const stream = [once, finished].some((reference) => reference.split(".")[0] === "stream") ? "writable" : "stream";
  const isTypeScript = /\.[cm]?tsx?$/.test(sourceFile.fileName);
  const signature = isTypeScript ? `${name}(${stream}: NodeJS.WritableStream): Promise<void>` : `${name}(${stream})`;
  const signal = "{ signal: drained.signal }";
  const racers = [`${once}(${stream}, ${quote("drain", style)}, ${signal})`, `${finished}(${stream}, ${signal})`];
  const race = [
    "await Promise.race([",
    formatMultilineList(racers, style.indent.repeat(2), style),
    `${style.indent}]).finally(() => drained.abort())`,
  ].join(style.newLine);
  return [
    `async function ${signature} {`,
    `${style.indent}${formatStatement("const drained = new AbortController()", style)}`,
    `${style.indent}${formatStatement(race, style)}`,
    "}",
  ].join(style.newLine);
}

/** The same code, whatever its formatting: a helper reformatted since it was inserted is still recognised. */
function isSameCode(a: string, b: string): boolean {
  const normalize = (text: string) => text.replace(/[\s;,'"]/g, "");
  return normalize(a) === normalize(b);
}

/**
 * The name of the drain helper in `sourceFile`, and the edit that appends it to the file unless an
 * earlier rewrite put it there already. Every site in a file asks for the same edit, which is applied once.
 */
function getDrainHelperName(
  sourceFile: ts.SourceFile,
  once: string,
  finished: string,
  style: CodeStyle,
): { name: string; edit: TextEdit | undefined } {
  for (const statement of getDrainHelperCandidates(sourceFile)) {
    const name = statement.name!.text;
    if (isSameCode(statement.getText(), getDrainHelper(name, once, finished, sourceFile, style)))
      return { name, edit: undefined };
  }
  const name = getFreeName(sourceFile, DRAIN_HELPER_NAME);
  const helper = [
    "/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */",
    getDrainHelper(name, once, finished, sourceFile, style),
  ].join(style.newLine);
  // At the end of the file, after a blank line: function declarations are hoisted.
  const { text } = sourceFile;
  const { newLine } = style;
  const appended = text.endsWith("\n") ? `${newLine}${helper}${newLine}` : `${newLine}${newLine}${helper}`;
  return { name, edit: { start: text.length, end: text.length, text: appended } };
}

/**
 * How the write at `statement` can wait: `await` in a loop or sink of async code; `return` as the
 * last statement of a synchronous sink `write()`, whose promise the `WritableStream` waits for.
 */
function getDrainWait(finding: IgnoredBackpressure, statement: ts.Statement, program: ts.Program): string | undefined {
  if (finding.repetition !== "loop" && finding.repetition !== "sink-write") return undefined;
  if (isAwaitAllowedAt(statement, program)) return "await";
  const sink = finding.repeater;
  const isLastOfSink =
    finding.repetition === "sink-write" &&
    ts.isFunctionLike(sink) &&
    sink.body !== undefined &&
    ts.isBlock(sink.body) &&
    sink.body.statements.at(-1) === statement;
  // A declared return type (`: void`) would not take the promise; a sink that returns values already is not ours to change.
  return isLastOfSink && sink.type === undefined && !hasValueReturn(sink) ? "return" : undefined;
}

function waitForDrain(finding: IgnoredBackpressure, context: AnalysisContext): Remedy<"waitForDrain"> | undefined {
  const statement = finding.node.parent;
  if (finding.via || !ts.isExpressionStatement(statement)) return undefined;
  const wait = getDrainWait(finding, statement, context.program);
  if (!wait || !isEmitterStream(finding.stream, context)) return undefined;
  if (getDeadlockRisk(finding.stream, finding.repeater, context)) return undefined;
  const sourceFile = statement.getSourceFile();
  const style = getCodeStyle(sourceFile, context);
  const once = getImport(sourceFile, ONCE_IMPORT, style);
  const finished = getImport(sourceFile, FINISHED_IMPORT, style);
  const helper = getDrainHelperName(sourceFile, once.reference, finished.reference, style);
  const check = `if (${finding.node.getText()} === false) ${wait} ${helper.name}(${finding.stream.getText()})`;
  const site = replaceStatement(statement, formatStatement(check, style), style);
  return { id: "waitForDrain", edits: compact([once.edit, finished.edit, site, helper.edit]) };
}

/** Whether `source` can be paused and is named by a plain path, so that naming it twice is the same stream. */
function isPausableSource(source: ts.Expression, checker: ts.TypeChecker): boolean {
  const type = checker.getTypeAtLocation(source);
  return (
    getStreamKey(source, checker) !== undefined &&
    hasMethod(type, "pause", checker) &&
    hasMethod(type, "resume", checker)
  );
}

function pauseSource(finding: IgnoredBackpressure, context: AnalysisContext): Remedy<"pauseSource"> | undefined {
  const statement = finding.node.parent;
  const isOwnWrite = finding.via === undefined;
  if (
    !isProducerHandler(finding.repetition) ||
    !finding.source ||
    !isOwnWrite ||
    !ts.isExpressionStatement(statement)
  ) {
    return undefined;
  }
  if (!isPausableSource(finding.source, context.checker)) return undefined;
  const style = getCodeStyle(statement.getSourceFile(), context);
  const indent = getIndentation(statement);
  const inner = indent + style.indent;
  const source = finding.source.getText();
  const text = [
    `if (${finding.node.getText()} === false) {`,
    `${inner}${formatStatement(`${source}.pause()`, style)}`,
    `${inner}${formatStatement(`${finding.stream.getText()}.once(${quote("drain", style)}, () => ${source}.resume())`, style)}`,
    `${indent}}`,
  ].join(style.newLine);
  return { id: "pauseSource", edits: [replaceStatement(statement, text, style)] };
}

export function getBackpressureRemedies(
  finding: IgnoredBackpressure,
  context: AnalysisContext,
): Remedy<BackpressureRemedyId>[] {
  return compactRemedies([waitForDrain(finding, context), pauseSource(finding, context)]);
}

/** `fs.writeSync(fd, data)` → `fs.writeFileSync(fd, data)`, which loops until everything is written. */
export function getByteCountRemedies(finding: IgnoredByteCount): Remedy<"useWriteFileSync">[] {
  const callee = skipOuterExpressions(finding.node.expression);
  if (
    finding.api !== "fs-write-sync" ||
    !ts.isPropertyAccessExpression(callee) ||
    finding.node.arguments.length !== 2
  ) {
    return [];
  }
  return [{ id: "useWriteFileSync", edits: [replaceNode(callee.name, "writeFileSync")] }];
}
