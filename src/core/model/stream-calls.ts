import ts from "../typescript.cjs";

import type { AnalysisContext } from "./analysis-context.js";
import { getAmbientModuleName, getCalledDeclaration, isPlatformDeclaration } from "./declarations.js";
import { getStreamFamily, type StreamFamily } from "./stream-families.js";
import { forEachDescendant, getCalleeName, skipOuterExpressions } from "./syntax.js";
import { isUntypedStreamMethod } from "./untyped-streams.js";

/** What a call does to a stream's data. */
export type StreamOperation =
  /** Hands data to the stream: `write`, `enqueue`, `writeFile`, `console.log`. */
  | "write"
  /** Pushes buffered data on: `flush`. */
  | "flush"
  /** Waits until the buffer has room again: `once(s, "drain")`, `writer.ready`. */
  | "drain"
  /** Ends the stream gracefully; buffered data still goes out: Node `end()`, controller `close()`. */
  | "end"
  /** Closes and reports when everything is written: `writer.close()`, `fh.close()`. */
  | "close"
  /** Makes written data durable: `fh.sync()`. */
  | "sync"
  /** Waits for the stream to finish: `finished(s)`, `pipeline(...)`, `once(s, "finish")`, `writer.closed`. */
  | "complete"
  /** Drops buffered data: `destroy()`, `resetAndDestroy()`, `abort()`. */
  | "drop"
  /** Ends the process, and with it every stream's buffer: `process.exit()`. */
  | "exit";

/** Where the data of a call goes when it is not one stream object of its own. */
export type StreamOwner = StreamFamily | "process" | "console" | "fs-promises" | "completion-helper";

export interface StreamCall {
  readonly node: ts.CallExpression;
  readonly operation: StreamOperation;
  readonly owner: StreamOwner;
  /** The stream the call acts on (its receiver, or the stream argument of a helper), if there is one. */
  readonly stream: ts.Expression | undefined;
  /** The callee as the user wrote it, for messages: `writer.write`, `once`. */
  readonly calleeText: string;
  /** Known by its method name alone: the receiver is typed `any` (./untyped-streams.ts). */
  readonly untyped?: boolean;
}

const METHOD_OPERATIONS: Readonly<Record<StreamFamily, Readonly<Record<string, StreamOperation>>>> = {
  "node-writable": { write: "write", end: "end", destroy: "drop", resetAndDestroy: "drop" },
  "file-handle": {
    write: "write",
    writev: "write",
    writeFile: "write",
    appendFile: "write",
    sync: "sync",
    datasync: "sync",
    close: "close",
  },
  "web-writable": { abort: "drop", close: "close" },
  "web-writer": { write: "write", close: "close", abort: "drop" },
  // `terminate()` is not here: it closes the readable side with its queue intact (measured).
  // Nor is `error()`: the reader gets the error, so the loss is not silent.
  "web-controller": { enqueue: "write", close: "end" },
  "bun-file-sink": { write: "write", flush: "flush", end: "end" },
  "deno-fs-file": { write: "write", sync: "sync", syncData: "sync", close: "close" },
  custom: {
    write: "write",
    writeAll: "write",
    flush: "flush",
    drain: "drain",
    sync: "sync",
    end: "end",
    close: "close",
    destroy: "drop",
    abort: "drop",
  },
};

const CONSOLE_METHODS = new Set(["log", "info", "warn", "error", "debug", "trace", "dir", "table"]);

const HELPER_NAMES = new Set(["once", "finished", "pipeline", "writeFile", "appendFile", "exit"]);

/** Every callee name that can be a stream call: the cheap test made before asking the type checker. */
const CANDIDATE_NAMES = new Set<string>([
  ...Object.values(METHOD_OPERATIONS).flatMap((operations) => Object.keys(operations)),
  ...CONSOLE_METHODS,
  ...HELPER_NAMES,
]);

const CANDIDATE_TEXT = new RegExp(`\\b(?:${[...CANDIDATE_NAMES].join("|")})\\s*\\(|\\.(?:ready|closed)\\b|\\bexit\\b`);

/**
 * Whether a file's text could hold a stream call at all: the cheapest filter, applied before a
 * file is even looked at with types. False positives only cost time; it never misses a call.
 */
export function mayContainStreamCall(text: string): boolean {
  return CANDIDATE_TEXT.test(text);
}

const renamedCandidates = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

/** `once as`, `writeFile:`: text without any of these renames no candidate, and needs no walk. */
const RENAMING_TEXT = new RegExp(`\\b(?:${[...CANDIDATE_NAMES].join("|")})\\s*(?:as\\b|:)`);

/**
 * Local names a file gives candidate functions: `import { once as eventOnce }`,
 * `const { writeFile: save } = fsp`. Found syntactically, once per file.
 */
function getRenamedCandidates(sourceFile: ts.SourceFile): ReadonlySet<string> {
  let names = renamedCandidates.get(sourceFile);
  if (!names) {
    const found = new Set<string>();
    const visit = (node: ts.Node): void => {
      if ((ts.isImportSpecifier(node) || ts.isBindingElement(node)) && node.propertyName) {
        const original = node.propertyName.getText();
        if (CANDIDATE_NAMES.has(original) && ts.isIdentifier(node.name)) found.add(node.name.text);
      }
    };
    if (RENAMING_TEXT.test(sourceFile.text)) forEachDescendant(sourceFile, visit);
    names = found;
    renamedCandidates.set(sourceFile, names);
  }
  return names;
}

/**
 * Whether a call may return a stream's promise: a candidate, but not `console.log()` and friends
 * or `process.exit()`, which never do (most candidates in ordinary code are console calls).
 */
export function isCandidatePromiseCall(node: ts.CallExpression): boolean {
  const name = getCalleeName(node.expression);
  if (name === undefined) return false;
  const isConsoleOrExit = CONSOLE_METHODS.has(name) || name === "exit";
  return (CANDIDATE_NAMES.has(name) && !isConsoleOrExit) || getRenamedCandidates(node.getSourceFile()).has(name);
}

/** Whether a call's callee has a name that some stream call has: no type information needed. */
export function isCandidateStreamCall(node: ts.CallExpression): boolean {
  const name = getCalleeName(node.expression);
  if (name === undefined) return false;
  return CANDIDATE_NAMES.has(name) || getRenamedCandidates(node.getSourceFile()).has(name);
}

function getContainerName(declaration: ts.Node): string | undefined {
  const parent = declaration.parent;
  if ((ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent)) && parent.name) {
    return parent.name.text;
  }
  return undefined;
}

type KnownFunction = "once" | "finished" | "pipeline" | "fs-write" | "exit" | "console";

/** Identifies Node's and the platform's stream helpers by their declaration, so aliases count. */
function getKnownFunction(
  declaration: ts.Declaration | undefined,
  context: AnalysisContext,
): KnownFunction | undefined {
  if (!declaration || !isPlatformDeclaration(declaration, context.program)) return undefined;
  const name = ts.getNameOfDeclaration(declaration);
  if (!name || !ts.isIdentifier(name)) return undefined;
  const container = getContainerName(declaration);
  const moduleName = getAmbientModuleName(declaration);
  switch (name.text) {
    case "once":
      return container === "EventEmitter" && moduleName === "events" ? "once" : undefined;
    case "finished":
    case "pipeline":
      return moduleName === "stream/promises" && container === undefined ? name.text : undefined;
    case "writeFile":
    case "appendFile":
      return moduleName === "fs/promises" && container === undefined ? "fs-write" : undefined;
    case "exit":
      return container === "Process" ? "exit" : undefined;
    default:
      return container === "Console" && CONSOLE_METHODS.has(name.text) ? "console" : undefined;
  }
}

const ONCE_EVENTS: Readonly<Record<string, StreamOperation>> = {
  drain: "drain",
  finish: "complete",
  close: "complete",
};

function classifyKnownFunction(
  node: ts.CallExpression,
  known: KnownFunction,
  calleeText: string,
): StreamCall | undefined {
  const args = node.arguments;
  switch (known) {
    case "once": {
      const event = args[1];
      const operation = event && ts.isStringLiteralLike(event) ? ONCE_EVENTS[event.text] : undefined;
      return operation ? { node, operation, owner: "completion-helper", stream: args[0], calleeText } : undefined;
    }
    case "finished":
      return { node, operation: "complete", owner: "completion-helper", stream: args[0], calleeText };
    case "pipeline":
      return { node, operation: "complete", owner: "completion-helper", stream: args.at(-1), calleeText };
    case "fs-write":
      return { node, operation: "write", owner: "fs-promises", stream: undefined, calleeText };
    case "exit":
      return { node, operation: "exit", owner: "process", stream: undefined, calleeText };
    case "console":
      return { node, operation: "write", owner: "console", stream: undefined, calleeText };
  }
}

/**
 * What `node` does to which stream, or `undefined` when it is no stream call. Methods are
 * recognised by the type of their receiver, free functions by their declaration.
 */
export function getStreamCall(node: ts.CallExpression, context: AnalysisContext): StreamCall | undefined {
  if (!isCandidateStreamCall(node)) return undefined;
  const callee = skipOuterExpressions(node.expression);
  const calleeText = callee.getText();
  if (ts.isPropertyAccessExpression(callee)) {
    const receiverType = context.checker.getTypeAtLocation(callee.expression);
    const family = getStreamFamily(receiverType, context);
    if (family) {
      const operation = METHOD_OPERATIONS[family][callee.name.text];
      return operation ? { node, operation, owner: family, stream: callee.expression, calleeText } : undefined;
    }
    if (isUntypedStreamMethod(callee, receiverType, context)) {
      const operation = METHOD_OPERATIONS["node-writable"][callee.name.text];
      return { node, operation, owner: "node-writable", stream: callee.expression, calleeText, untyped: true };
    }
  }
  // Only helpers and console methods are known by declaration: skip the signature lookup (the
  // costliest step here) for `cache.write()` and the like.
  const name = getCalleeName(callee)!;
  const mayBeKnown =
    HELPER_NAMES.has(name) || CONSOLE_METHODS.has(name) || getRenamedCandidates(node.getSourceFile()).has(name);
  if (!mayBeKnown) return undefined;
  const declaration = getCalledDeclaration(node, context.checker);
  const known = getKnownFunction(declaration, context);
  if (!known) return undefined;
  const call = classifyKnownFunction(node, known, calleeText);
  // "drain" and "finish" are writable streams' own events; "close" is everyone's (servers,
  // child processes), so `once(x, "close")` counts only when `x` is a stream.
  if (call && known === "once" && skipOuterExpressions(node.arguments[1]).getText().slice(1, -1) === "close") {
    const emitter = call.stream && context.checker.getTypeAtLocation(call.stream);
    if (!emitter || !getStreamFamily(emitter, context)) return undefined;
  }
  return call;
}

/** Whether `node` names `process.exit` without calling it, as in `.then(process.exit)`. */
export function isExitReference(node: ts.Expression, context: AnalysisContext): boolean {
  const target = skipOuterExpressions(node);
  const name = getCalleeName(target);
  if (name !== "exit" && !ts.isIdentifier(target)) return false;
  const signatures = context.checker.getTypeAtLocation(target).getCallSignatures();
  return signatures.some((signature) => getKnownFunction(signature.getDeclaration(), context) === "exit");
}

/** `writer.ready` and `writer.closed`: promises a WHATWG writer hands out without a call. */
export function getWriterPromiseOperation(
  node: ts.PropertyAccessExpression,
  context: AnalysisContext,
): "drain" | "complete" | undefined {
  const name = node.name.text;
  if (name !== "ready" && name !== "closed") return undefined;
  const family = getStreamFamily(context.checker.getTypeAtLocation(node.expression), context);
  if (family !== "web-writer") return undefined;
  return name === "ready" ? "drain" : "complete";
}

/** Whether a value of `type` is, or may be, a promise-like: it carries completion or failure. */
export function isThenableType(type: ts.Type, checker: ts.TypeChecker): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => {
    const then = part.getProperty("then");
    if (!then) return false;
    const thenType = checker.getTypeOfSymbol(then);
    return thenType.getCallSignatures().length > 0;
  });
}
