import ts from "../typescript.cjs";

import type { AnalysisContext } from "./analysis-context.js";
import { isConstDeclaration } from "./declarations.js";
import { getEnclosingFunction, type FunctionLike } from "./function-context.js";
import { getStreamFamily, type StreamFamily } from "./stream-families.js";
import { forEachDescendant, getOutermostExpression, skipOuterExpressions } from "./syntax.js";

/**
 * A function the streams machinery calls once per chunk written to a stream: the `write()` of an
 * underlying sink given to `new WritableStream()`, or a Node stream's own `_write()`/`_transform()`
 * (a subclass's method, or the `write`/`transform` option of `new Writable()`/`new Transform()`),
 * which must call `callback` before the next chunk comes.
 */
export type ChunkHandler =
  | { readonly kind: "web-sink-write" }
  | { readonly kind: "node-stream-implementation"; readonly callback: ts.Identifier };

const NODE_CLASS_METHODS = new Set(["_write", "_transform"]);
const NODE_OPTION_METHODS = new Set(["write", "transform"]);

/** `write(chunk) {}`, `write: (chunk) => {}`, `_transform = (…) => {}`: the member `fn` is, when it is one. */
function getMember(
  fn: FunctionLike,
): ts.MethodDeclaration | ts.PropertyAssignment | ts.PropertyDeclaration | undefined {
  if (ts.isMethodDeclaration(fn)) return fn;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const outer = getOutermostExpression(fn);
  const parent = outer.parent;
  return (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === outer
    ? parent
    : undefined;
}

function isConstructionOf(node: ts.NewExpression, family: StreamFamily, context: AnalysisContext): boolean {
  return getStreamFamily(context.checker.getTypeAtLocation(node), context) === family;
}

/** `new X(options)` with `options` this object literal, written inline. */
function getInlineConstruction(object: ts.ObjectLiteralExpression): ts.NewExpression | undefined {
  const outer = getOutermostExpression(object);
  const parent = outer.parent;
  return ts.isNewExpression(parent) && parent.arguments?.[0] === outer ? parent : undefined;
}

/** `new WritableStream({ write() {} })`, or `const sink = { write() {} }` with `new WritableStream(sink)` beside it. */
function isWebSink(object: ts.ObjectLiteralExpression, context: AnalysisContext): boolean {
  const construction = getInlineConstruction(object);
  if (construction) return isConstructionOf(construction, "web-writable", context);
  const outer = getOutermostExpression(object);
  const declaration = outer.parent;
  if (
    !ts.isVariableDeclaration(declaration) ||
    declaration.initializer !== outer ||
    !ts.isIdentifier(declaration.name) ||
    !isConstDeclaration(declaration)
  ) {
    return false;
  }
  const { checker } = context;
  const symbol = checker.getSymbolAtLocation(declaration.name);
  const scope = getEnclosingFunction(declaration) ?? declaration.getSourceFile();
  let found = false;
  forEachDescendant(scope, (node) => {
    if (found) return false;
    const argument = ts.isNewExpression(node) ? node.arguments?.[0] : undefined;
    const name = argument && skipOuterExpressions(argument);
    found =
      name !== undefined &&
      ts.isIdentifier(name) &&
      checker.getSymbolAtLocation(name) === symbol &&
      isConstructionOf(node as ts.NewExpression, "web-writable", context);
    return !found;
  });
  return found;
}

/** Whether instances of the class are Node writables (a `Writable`, `Duplex` or `Transform` subclass). */
function isNodeStreamClass(declaration: ts.ClassLikeDeclaration, context: AnalysisContext): boolean {
  const type = context.checker.getTypeAtLocation(declaration);
  // A class expression's type is its constructor's: its instances are what `new` returns.
  const instance = type.getConstructSignatures()[0]?.getReturnType() ?? type;
  return getStreamFamily(instance, context) === "node-writable";
}

function getNodeImplementation(fn: FunctionLike): ChunkHandler | undefined {
  const callback = fn.parameters[2]?.name;
  return callback && ts.isIdentifier(callback) ? { kind: "node-stream-implementation", callback } : undefined;
}

/** What runs `fn` once per chunk, when the streams machinery does. Read by name first: cheap for every other function. */
export function getChunkHandler(fn: FunctionLike, context: AnalysisContext): ChunkHandler | undefined {
  const member = getMember(fn);
  if (!member || !ts.isIdentifier(member.name)) return undefined;
  const name = member.name.text;
  const holder = member.parent;
  if (ts.isClassLike(holder)) {
    return NODE_CLASS_METHODS.has(name) && isNodeStreamClass(holder, context) ? getNodeImplementation(fn) : undefined;
  }
  if (!ts.isObjectLiteralExpression(holder) || !NODE_OPTION_METHODS.has(name)) return undefined;
  if (name === "write" && isWebSink(holder, context)) return { kind: "web-sink-write" };
  const construction = getInlineConstruction(holder);
  return construction && isConstructionOf(construction, "node-writable", context)
    ? getNodeImplementation(fn)
    : undefined;
}
