import ts from "typescript";

import type { AnalysisContext } from "./analysis-context.js";
import { getVariableDeclaration } from "./declarations.js";
import { getEnclosingFunction } from "./function-context.js";
import { getStreamFamily, hasReadableSide } from "./stream-families.js";
import { forEachDescendant, skipOuterExpressions } from "./syntax.js";

/** A `new PassThrough()` / `new TransformStream()` declared in user code: both ends are local. */
interface LocalPipe {
  readonly construction: ts.NewExpression;
  /** The names the declaration binds: `pass`, or `readable` and `writable` when destructured. */
  readonly names: readonly ts.Identifier[];
}

const MAX_HOPS = 6;

function getBoundNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : getBoundNames(element.name)));
}

/** Follows `writer` → `ts.writable.getWriter()` → `ts` → `new TransformStream()`. */
function findLocalPipe(stream: ts.Expression, checker: ts.TypeChecker): LocalPipe | undefined {
  let current: ts.Expression = stream;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    current = skipOuterExpressions(current);
    if (ts.isNewExpression(current)) return undefined;
    if (ts.isPropertyAccessExpression(current)) {
      current = current.expression;
      continue;
    }
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
      current = current.expression.expression;
      continue;
    }
    if (!ts.isIdentifier(current)) return undefined;
    const declaration = getVariableDeclaration(current, checker);
    const initializer = declaration?.initializer && skipOuterExpressions(declaration.initializer);
    if (!declaration || !initializer) return undefined;
    if (ts.isNewExpression(initializer)) {
      return { construction: initializer, names: getBoundNames(declaration.name) };
    }
    current = initializer;
  }
  return undefined;
}

/** Whether a constructed stream has a readable end that local code, not a peer, must read. */
function isPipe(construction: ts.NewExpression, context: AnalysisContext): boolean {
  const type = context.checker.getTypeAtLocation(construction);
  if (type.getProperty("readable") && type.getProperty("writable")) return true;
  return getStreamFamily(type, context) === "node-writable" && hasReadableSide(type, context.checker);
}

/** Methods that feed a pipe rather than read it. */
const WRITE_SIDE_METHODS = new Set(["write", "end", "destroy", "cork", "uncork", "setDefaultEncoding", "getWriter"]);
/** Methods and events through which a reader starts pulling data out at once. */
const READING_METHODS = new Set(["pipe", "pipeTo", "pipeThrough", "getReader", "resume", "read"]);
const READING_EVENTS = new Set(["data", "readable"]);
const LISTENER_METHODS = new Set(["on", "once", "addListener"]);

type PipeUse = "write-side" | "reading" | "passive";

/** What a mention of the pipe does: feeds it, reads it right away, or hands it on to read later. */
function classifyUse(reference: ts.Expression, checker: ts.TypeChecker): PipeUse {
  const declaration = checker.getSymbolAtLocation(reference)?.valueDeclaration;
  if (declaration && ts.isBindingElement(declaration) && (declaration.propertyName ?? declaration.name).getText() === "writable") {
    return "write-side";
  }
  const parent = reference.parent;
  if (ts.isForOfStatement(parent) && parent.expression === reference && parent.awaitModifier) return "reading";
  // A function given the stream is taken to read it now (`collect(readable)`); an object built
  // around it, like `new Response(readable)`, reads only when someone consumes it later.
  if (ts.isCallExpression(parent) && parent.arguments.includes(reference)) return "reading";
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== reference) return "passive";
  const member = parent.name.text;
  if (member === "writable") return "write-side";
  if (member === "readable") return classifyUse(parent, checker);
  const call = parent.parent;
  if (!ts.isCallExpression(call) || call.expression !== parent) return "passive";
  if (WRITE_SIDE_METHODS.has(member) || READING_METHODS.has(member)) {
    return WRITE_SIDE_METHODS.has(member) ? "write-side" : "reading";
  }
  if (LISTENER_METHODS.has(member)) {
    const event = call.arguments[0];
    return event && ts.isStringLiteralLike(event) && READING_EVENTS.has(event.text) ? "reading" : "write-side";
  }
  return "passive";
}

/** Calls `visit` with what each mention of the pipe in `scope` does, until it returns `true`. */
function somePipeUse(
  pipe: LocalPipe,
  scope: ts.Node,
  context: AnalysisContext,
  visit: (use: PipeUse, reference: ts.Identifier) => boolean,
): boolean {
  const symbols = new Set(pipe.names.map((name) => context.checker.getSymbolAtLocation(name)));
  let found = false;
  forEachDescendant(scope, (node) => {
    if (found) return false;
    if (!ts.isIdentifier(node) || pipe.names.includes(node) || !symbols.has(context.checker.getSymbolAtLocation(node))) {
      return;
    }
    found = visit(classifyUse(node, context.checker), node);
    return !found;
  });
  return found;
}

/**
 * Whether waiting at `site` on `stream` would wait forever: the stream is one end of a pipe made
 * in this function (`new TransformStream()`, `new PassThrough()`) and nothing reads its other end
 * yet: the reader is attached only after `site` (`await writer.write(x); return new
 * Response(readable)`), or was handed the pipe without reading from it (`new Response(readable)`
 * made first, read by whoever receives it after the function returns).
 */
export function isReaderAttachedAfter(stream: ts.Expression, site: ts.Node, context: AnalysisContext): boolean {
  const pipe = findLocalPipe(stream, context.checker);
  if (!pipe || !isPipe(pipe.construction, context)) return false;
  const scope = getEnclosingFunction(site) ?? site.getSourceFile();
  return somePipeUse(pipe, scope, context, (use, reference) => {
    if (use === "write-side") return false;
    return reference.getStart() >= site.getEnd() || use === "passive";
  });
}

/** `for await (const c of readable)`, `readable.getReader()`: the code reads the data itself, not a consumer it hands it to. */
function isReadHere(reference: ts.Expression): boolean {
  let current = reference;
  if (ts.isPropertyAccessExpression(current.parent) && current.parent.name.text === "readable") current = current.parent;
  const parent = current.parent;
  if (ts.isForOfStatement(parent) && parent.expression === current) return parent.awaitModifier !== undefined;
  return ts.isPropertyAccessExpression(parent) && parent.name.text === "getReader" && ts.isCallExpression(parent.parent);
}

/**
 * Whether `stream` writes into a pipe made in the same function that also reads the pipe's other
 * end itself (`for await (const chunk of readable)`, `readable.getReader()`): that reader sees the
 * close as the end of its data and a failure as an error, and nobody else can cancel it.
 */
export function isReadInSameFunction(stream: ts.Expression, context: AnalysisContext): boolean {
  const pipe = findLocalPipe(stream, context.checker);
  if (!pipe || !isPipe(pipe.construction, context)) return false;
  const scope = getEnclosingFunction(pipe.construction) ?? pipe.construction.getSourceFile();
  return somePipeUse(pipe, scope, context, (use, reference) => use === "reading" && isReadHere(reference));
}
