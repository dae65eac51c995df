import ts from "../typescript.cjs";

import type { AnalysisContext } from "./analysis-context.js";
import { getAmbientModuleName, getCalledDeclaration, isPlatformDeclaration } from "./declarations.js";
import type { StreamCall } from "./stream-calls.js";
import { getStreamFamily } from "./stream-families.js";
import { getStreamKeys, type StreamKey } from "./stream-identity.js";
import { getCalleeName, skipOuterExpressions } from "./syntax.js";

// Pipes and the files they fill: `src.pipe(createWriteStream(tmp))` hands the sink data until the
// source ends, and ends it then; the file is complete only at the sink's "finish". Reading,
// renaming or announcing the file before that finds it short.

/** Names of a path: its variable or property (`tmp`, `this.target`), or a string literal's text. */
export function getPathKeys(path: ts.Expression, checker: ts.TypeChecker): StreamKey[] {
  const value = skipOuterExpressions(path);
  if (ts.isStringLiteralLike(value)) return [`"${value.text}"`];
  return getStreamKeys(value, checker);
}

/** `createWriteStream(tmp)`, `fs.createWriteStream(tmp, opts)`: the path argument. */
function getCreatedFilePath(expression: ts.Expression): ts.Expression | undefined {
  const value = skipOuterExpressions(expression);
  if (!ts.isCallExpression(value) || getCalleeName(value.expression) !== "createWriteStream") return undefined;
  return value.arguments[0];
}

/**
 * The names of the file a stream writes: the path `createWriteStream()` was given, for the stream
 * itself or a constant made by it. Empty when the stream is no file stream made in view.
 */
export function getFileKeys(stream: ts.Expression, checker: ts.TypeChecker): StreamKey[] {
  let path = getCreatedFilePath(stream);
  const value = skipOuterExpressions(stream);
  if (!path && ts.isIdentifier(value)) {
    const declaration = checker.getSymbolAtLocation(value)?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
      path = getCreatedFilePath(declaration.initializer);
    }
  }
  return path ? getPathKeys(path, checker) : [];
}

/** `src.pipe(dest)` and callback `pipeline(src, …, dest, cb)`: data flows into `dest` until `src` ends. */
export function getPipeWrite(node: ts.CallExpression, context: AnalysisContext): StreamCall | undefined {
  const name = getCalleeName(node.expression);
  if (name !== "pipe" && name !== "pipeline") return undefined;
  const callee = skipOuterExpressions(node.expression);
  const calleeText = callee.getText();
  const sink = name === "pipe" ? node.arguments[0] : node.arguments.at(-2);
  if (!sink || ts.isSpreadElement(sink)) return undefined;
  if (getStreamFamily(context.checker.getTypeAtLocation(sink), context) !== "node-writable") return undefined;
  if (name === "pipe") {
    // `{ end: false }`: the sink stays open, and what was piped is an ordinary pending write.
    const options = node.arguments[1];
    const keepsOpen = options !== undefined && /\bend\s*:\s*false\b/.test(options.getText());
    return { node, operation: keepsOpen ? "write" : "end", owner: "node-writable", stream: sink, calleeText };
  }
  // The promise form is awaited or returned: that waits for the sink ("complete"); only the
  // callback form leaves the sink unfinished when the call returns.
  const last = node.arguments.at(-1);
  const isCallbackForm = last !== undefined && (ts.isArrowFunction(last) || ts.isFunctionExpression(last));
  return isCallbackForm ? { node, operation: "end", owner: "node-writable", stream: sink, calleeText } : undefined;
}

/** What a `pipe()` or callback `pipeline()` reads from: `src` in `src.pipe(out)`, `a` and `b` in `pipeline(a, b, out, cb)`. */
export function getPipeSources(node: ts.CallExpression): ts.Expression[] {
  const callee = skipOuterExpressions(node.expression);
  if (getCalleeName(callee) === "pipe") return ts.isPropertyAccessExpression(callee) ? [callee.expression] : [];
  return node.arguments.slice(0, -2).filter((argument) => !ts.isSpreadElement(argument));
}

/** Node's file functions that read, move or copy a file whole: the file must be complete by then. */
const FILE_USES = new Set([
  "rename",
  "renameSync",
  "readFile",
  "readFileSync",
  "createReadStream",
  "copyFile",
  "copyFileSync",
  "cp",
  "cpSync",
  "stat",
  "statSync",
]);

/** Whether a callee's name may be a pipe or a file use: the cheap test made before any type check. */
export function isPipeOrFileUseName(name: string): boolean {
  return name === "pipe" || name === "pipeline" || FILE_USES.has(name);
}

/** The path arguments of a call that uses a file whole (`rename(tmp, dest)`), or `undefined`. */
export function getFileUsePaths(
  node: ts.CallExpression,
  context: AnalysisContext,
): readonly ts.Expression[] | undefined {
  const name = getCalleeName(node.expression);
  if (name === undefined || !FILE_USES.has(name) || node.arguments.length === 0) return undefined;
  const declaration = getCalledDeclaration(node, context.checker);
  if (!declaration || !isPlatformDeclaration(declaration, context.program)) return undefined;
  const moduleName = getAmbientModuleName(declaration);
  if (moduleName !== "fs" && moduleName !== "fs/promises") return undefined;
  // The file read, or the one moved or copied away: always the first argument.
  return node.arguments.slice(0, 1);
}
