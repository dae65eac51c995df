import ts from "../typescript.cjs";

import type { AnalysisContext } from "../model/analysis-context.js";
import { getDiscardSite, type DiscardSite } from "./discarded.js";
import { isReadInSameFunction } from "./local-pipes.js";
import {
  getStreamCall,
  getWriterPromiseOperation,
  isCandidatePromiseCall,
  isThenableType,
  type StreamOperation,
  type StreamOwner,
} from "../model/stream-calls.js";
import { getFileIndex } from "../model/file-index.js";
import { forEachDescendant } from "../model/syntax.js";

export interface DiscardedResult {
  /** The call or `writer.ready`/`writer.closed` whose promise is thrown away. */
  readonly node: ts.CallExpression | ts.PropertyAccessExpression;
  readonly operation: Exclude<StreamOperation, "exit">;
  readonly site: DiscardSite;
  /** How messages name it: `writer.write()`, `writer.ready`. */
  readonly label: string;
  /** The stream it belongs to, when there is one. */
  readonly stream: ts.Expression | undefined;
}

type ResultOperation = Pick<DiscardedResult, "operation" | "label" | "stream">;

/**
 * Whose stream calls return a promise by their declaration, or never do (Node writables' and
 * controllers' booleans, `this` or nothing, `console.*`, `process.exit()`): no need to ask the
 * checker. The others (helpers with callback forms, Bun, Deno, `streamTypes`) depend on the call.
 */
const RETURNS_PROMISE: Partial<Record<StreamOwner, boolean>> = {
  "web-writer": true,
  "web-writable": true,
  "file-handle": true,
  "fs-promises": true,
  "node-writable": false,
  "web-controller": false,
  console: false,
  process: false,
};

/** A call or property access that may carry a stream's promise, by its name alone. */
function isCandidateResult(node: ts.Node): node is ts.CallExpression | ts.PropertyAccessExpression {
  if (ts.isCallExpression(node)) return isCandidatePromiseCall(node);
  return ts.isPropertyAccessExpression(node) && (node.name.text === "ready" || node.name.text === "closed");
}

function getResultOperation(
  node: ts.CallExpression | ts.PropertyAccessExpression,
  context: AnalysisContext,
): ResultOperation | undefined {
  if (ts.isCallExpression(node)) {
    const call = getStreamCall(node, context);
    if (!call || call.operation === "exit") return undefined;
    const returnsPromise =
      RETURNS_PROMISE[call.owner] ?? isThenableType(context.checker.getTypeAtLocation(node), context.checker);
    if (!returnsPromise) return undefined;
    return { operation: call.operation, label: `${call.calleeText}()`, stream: call.stream };
  }
  const operation = getWriterPromiseOperation(node, context);
  return operation && { operation, label: node.getText(), stream: node.expression };
}

/**
 * A pipe's `write()` or `close()` whose data, end and failure reach a reader of the other end in
 * the same function (awaiting the write first could even deadlock: it settles once read).
 */
function isObservedByLocalReader(result: ResultOperation, context: AnalysisContext): boolean {
  const isObservable = result.operation === "close" || result.operation === "write";
  return isObservable && result.stream !== undefined && isReadInSameFunction(result.stream, context);
}

/**
 * Every stream result that carries completion or failure (a promise from a write, flush, end,
 * close, sync or abort; `writer.ready`; `once(s, "drain")`; `finished(s)`) and is thrown away.
 */
export function findDiscardedResults(sourceFile: ts.SourceFile, context: AnalysisContext): DiscardedResult[] {
  const results: DiscardedResult[] = [];
  for (const node of getCandidateResults(sourceFile)) {
    // Where the value goes is mostly syntax: asking it first spares typing every awaited call.
    const site = getDiscardSite(node, context.checker);
    const result = site && getResultOperation(node, context);
    if (site && result && !isObservedByLocalReader(result, context)) results.push({ node, site, ...result });
  }
  return results;
}

/** `.ready` or `.closed` as a property: a file without either reads no writer's promise. */
const WRITER_PROMISE_TEXT = /\.\s*(?:ready|closed)\b/;

/** The candidate results of a file, in the order of a walk of its tree (a node before those inside it). */
function getCandidateResults(sourceFile: ts.SourceFile): (ts.CallExpression | ts.PropertyAccessExpression)[] {
  const calls = getFileIndex(sourceFile).calls.filter(isCandidatePromiseCall);
  if (!WRITER_PROMISE_TEXT.test(sourceFile.text)) return calls;
  const reads: ts.PropertyAccessExpression[] = [];
  forEachDescendant(sourceFile, (node) => {
    if (ts.isPropertyAccessExpression(node) && isCandidateResult(node)) reads.push(node);
  });
  return [...calls, ...reads].sort((a, b) => a.pos - b.pos || b.end - a.end);
}
