import ts from "../typescript.cjs";

import type { AnalysisContext } from "../model/analysis-context.js";
import { getAmbientModuleName, getCalledDeclaration, isPlatformDeclaration } from "../model/declarations.js";
import { getDiscardSite } from "./discarded.js";
import { getFileIndex } from "../model/file-index.js";
import { isBoundedText } from "./stdio-messages.js";
import { getStreamFamily } from "../model/stream-families.js";
import {
  forEachDescendant,
  getCalleeName,
  getOutermostExpression,
  isNullish,
  skipOuterExpressions,
} from "../model/syntax.js";

/**
 * Write APIs that may take fewer bytes than they were given and say how many they took: Rust
 * clippy's `unused_io_amount`. Dropping the count drops the rest of the data, silently.
 */
export type ByteCountApi =
  /** `fs.writeSync()`: one `write(2)`, which may be partial on pipes, sockets and full disks. */
  | "fs-write-sync"
  /** `fs.write(fd, buffer, ..., (error, bytesWritten) => ...)` whose callback ignores `bytesWritten`. */
  | "fs-write-callback"
  /** `fh.write(buffer, offset, length, position)`: offsets kept by hand, so a short write leaves a gap. */
  | "file-handle-write"
  /** Deno's `FsFile.write()` / `writeSync()`, documented to write possibly less than the whole buffer. */
  | "deno-write";

export interface IgnoredByteCount {
  readonly node: ts.CallExpression;
  readonly api: ByteCountApi;
  /** How messages name the call: `fs.writeSync()`. */
  readonly label: string;
}

const CANDIDATE_NAMES = new Set(["writeSync", "write"]);

function getFsFunction(node: ts.CallExpression, context: AnalysisContext): string | undefined {
  const declaration = getCalledDeclaration(node, context.checker);
  if (!declaration || !isPlatformDeclaration(declaration, context.program)) return undefined;
  if (getAmbientModuleName(declaration) !== "fs" || !ts.isFunctionDeclaration(declaration)) return undefined;
  return declaration.name?.text;
}

/** Whether the count a call returns (or its awaited promise resolves to) is dropped. */
function isCountDropped(node: ts.CallExpression, checker: ts.TypeChecker): boolean {
  const parent = getOutermostExpression(node).parent;
  if (!ts.isAwaitExpression(parent)) return getDiscardSite(node, checker) !== undefined;
  // Unawaited, the promise itself is what is dropped: no-discarded-result reports that already.
  return getDiscardSite(parent, checker) !== undefined;
}

function isAwaited(node: ts.CallExpression): boolean {
  return ts.isAwaitExpression(getOutermostExpression(node).parent);
}

/** Whether the callback's `bytesWritten` (its second parameter) is never read. */
function isBytesWrittenIgnored(callback: ts.Expression, checker: ts.TypeChecker): boolean {
  if (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) return false;
  const parameter = callback.parameters[1];
  if (!parameter) return true;
  if (!ts.isIdentifier(parameter.name)) return false;
  const symbol = checker.getSymbolAtLocation(parameter.name);
  let read = false;
  forEachDescendant(callback.body, (child) => {
    if (read) return false;
    read = ts.isIdentifier(child) && checker.getSymbolAtLocation(child) === symbol;
    return !read;
  });
  return !read;
}

function getIgnoredByteCount(node: ts.CallExpression, context: AnalysisContext): ByteCountApi | undefined {
  const callee = skipOuterExpressions(node.expression);
  const name = getCalleeName(callee);
  if (name === undefined || !CANDIDATE_NAMES.has(name)) return undefined;
  if (ts.isPropertyAccessExpression(callee)) {
    const family = getStreamFamily(context.checker.getTypeAtLocation(callee.expression), context);
    if (family === "deno-fs-file") {
      const dropped = (name === "writeSync" || isAwaited(node)) && isCountDropped(node, context.checker);
      return dropped ? "deno-write" : undefined;
    }
    if (family === "file-handle") {
      const byHand = name === "write" && node.arguments.length >= 3 && !hasPosition(node.arguments[3]);
      return byHand && isAwaited(node) && isCountDropped(node, context.checker) ? "file-handle-write" : undefined;
    }
  }
  const fsFunction = getFsFunction(node, context);
  if (fsFunction !== "writeSync" && fsFunction !== "write") return undefined;
  const [fd, data] = node.arguments;
  const isText = data !== undefined && isTextType(data, context.checker);
  if (!fd || isRegularFile(fd, context.checker) || hasPosition(node.arguments[isText ? 2 : 4])) return undefined;
  if (fsFunction === "writeSync") {
    return isCountDropped(node, context.checker) && !isWholeWrite(node, context.checker) ? "fs-write-sync" : undefined;
  }
  const callback = node.arguments.at(-1);
  return callback && isBytesWrittenIgnored(callback, context.checker) ? "fs-write-callback" : undefined;
}

function isTextType(node: ts.Expression, checker: ts.TypeChecker): boolean {
  return (checker.getTypeAtLocation(node).flags & ts.TypeFlags.StringLike) !== 0;
}

/**
 * A write at a given offset (`fh.write(header, 0, header.length, 0)`): `pwrite(2)`, which only a
 * file that can seek takes. A regular file is written short only when the disk is full.
 */
function hasPosition(position: ts.Expression | undefined): boolean {
  return position !== undefined && !ts.isFunctionLike(position) && !isNullish(position);
}

/**
 * A descriptor every assignment of which opens a path (`this.fd = fs.openSync(logFile, "a")`): a
 * regular file, which takes a whole write unless the disk is full. A device path (`/dev/tty`), a
 * descriptor handed in, or stdout's `1` may be a pipe or a terminal, where writes can be short.
 */
function isRegularFile(fd: ts.Expression, checker: ts.TypeChecker): boolean {
  const values = getAssignedValues(fd, checker);
  return values.length > 0 && values.every(isOpenOfPath);
}

/** `fs.openSync(path, "a")`, `await open(path, "w")`; not a device such as `"/dev/tty"`. */
function isOpenOfPath(node: ts.Expression): boolean {
  let value = skipOuterExpressions(node);
  if (ts.isAwaitExpression(value)) value = skipOuterExpressions(value.expression);
  if (!ts.isCallExpression(value)) return false;
  const name = getCalleeName(value.expression);
  const [path] = value.arguments;
  if ((name !== "openSync" && name !== "open") || !path) return false;
  return !(ts.isStringLiteralLike(path) && path.text.startsWith("/dev/"));
}

/** What a variable or a field is set to: its initializer and every `x = …` (or `this.x = …`) in its file. */
function getAssignedValues(node: ts.Expression, checker: ts.TypeChecker): ts.Expression[] {
  const value = skipOuterExpressions(node);
  const name = ts.isPropertyAccessExpression(value) ? value.name : value;
  const symbol = ts.isIdentifier(name) ? checker.getSymbolAtLocation(name) : undefined;
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !(ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration))) return [];
  const values = declaration.initializer ? [declaration.initializer] : [];
  forEachDescendant(declaration.getSourceFile(), (child) => {
    if (!ts.isBinaryExpression(child) || child.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const target = skipOuterExpressions(child.left);
    const assigned = ts.isPropertyAccessExpression(target) ? target.name : target;
    if (checker.getSymbolAtLocation(assigned) === symbol) values.push(child.right);
  });
  return values;
}

/**
 * `fs.writeSync(fd, "\x1b[?25h")`: text of a size the code fixes, well under `PIPE_BUF` (4 KiB).
 * One `write(2)` takes such data whole: to a regular file or a terminal, and atomically to a pipe.
 */
function isWholeWrite(node: ts.CallExpression, checker: ts.TypeChecker): boolean {
  const data = node.arguments[1];
  return data !== undefined && node.arguments.length === 2 && isBoundedText(data, checker);
}

/** Every write in `sourceFile` whose count of bytes written is dropped although it may be short. */
export function findIgnoredByteCounts(sourceFile: ts.SourceFile, context: AnalysisContext): IgnoredByteCount[] {
  const findings: IgnoredByteCount[] = [];
  for (const node of getFileIndex(sourceFile).calls) {
    const api = getIgnoredByteCount(node, context);
    if (api) findings.push({ node, api, label: `${skipOuterExpressions(node.expression).getText()}()` });
  }
  return findings;
}
