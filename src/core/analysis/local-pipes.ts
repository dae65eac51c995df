import ts from "../typescript.cjs";

import type { AnalysisContext } from "../model/analysis-context.js";
import {
  getAmbientModuleName,
  getAssignedValues,
  getCalledDeclaration,
  getVariableDeclaration,
  isPlatformDeclaration,
} from "../model/declarations.js";
import { getEnclosingFunction } from "../model/function-context.js";
import { getStreamFamily, getTypeAncestry, hasReadableSide, isConnection } from "../model/stream-families.js";
import { getStreamKey, type StreamKey } from "../model/stream-identity.js";
import { forEachDescendant, getCalleeName, getOutermostExpression, skipOuterExpressions } from "../model/syntax.js";

/**
 * A pipe made in user code, `new PassThrough()`, `new TransformStream()`, `zlib.createGzip()`:
 * both ends are local, so whatever reads it is attached by the code too.
 */
interface LocalPipe {
  readonly construction: ts.NewExpression | ts.CallExpression;
  /** The names the declaration binds: `pass`, or `readable` and `writable` when destructured. */
  readonly names: readonly ts.Identifier[];
}

const MAX_HOPS = 6;

function getBoundNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : getBoundNames(element.name)));
}

/** `createGzip()`, `crypto.createCipheriv(...)`: Node's factories of fresh transform streams. */
function isFactoryCall(node: ts.Expression): node is ts.CallExpression {
  return ts.isCallExpression(node) && /^create[A-Z]/.test(getCalleeName(node.expression) ?? "");
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
    if (ts.isNewExpression(initializer) || isFactoryCall(initializer)) {
      return { construction: initializer, names: getBoundNames(declaration.name) };
    }
    current = initializer;
  }
  return undefined;
}

/**
 * Whether a constructed stream has a readable end that local code, not a peer, must read. A
 * socket is a duplex too, but its readable side is the peer's data: its writes drain into the OS.
 */
function isPipe(construction: LocalPipe["construction"], context: AnalysisContext): boolean {
  const { checker } = context;
  const type = checker.getTypeAtLocation(construction);
  if (type.getProperty("readable") && type.getProperty("writable")) return true;
  return (
    getStreamFamily(type, context) === "node-writable" && hasReadableSide(type, checker) && !isConnection(type, checker)
  );
}

/** Methods that feed a pipe rather than read it. */
const WRITE_SIDE_METHODS = new Set(["write", "end", "destroy", "cork", "uncork", "setDefaultEncoding", "getWriter"]);
/** Methods and events through which a reader starts pulling data out at once. */
const READING_METHODS = new Set(["pipe", "pipeTo", "pipeThrough", "getReader", "resume", "read"]);
const READING_EVENTS = new Set(["data", "readable"]);
const LISTENER_METHODS = new Set(["on", "once", "addListener"]);

type PipeUse =
  /** Feeds the pipe or only looks at it: `write()`, `on("error")`, `writableLength`, its `writable`. */
  | "local"
  /** Starts pulling data out of it now. */
  | "reading"
  /** Passes it somewhere that may read it later: returned, yielded, stored, `new Response(readable)`. */
  | "handed-on";

/** What a mention of the pipe does: feeds it, reads it right away, or hands it on to read later. */
function classifyUse(reference: ts.Expression, checker: ts.TypeChecker): PipeUse {
  const declaration = checker.getSymbolAtLocation(reference)?.valueDeclaration;
  if (
    declaration &&
    ts.isBindingElement(declaration) &&
    (declaration.propertyName ?? declaration.name).getText() === "writable"
  ) {
    return "local";
  }
  const parent = reference.parent;
  if (ts.isForOfStatement(parent) && parent.expression === reference && parent.awaitModifier) return "reading";
  // A function given the stream is taken to read it now (`collect(readable)`); an object built
  // around it, like `new Response(readable)`, reads only when someone consumes it later.
  if (ts.isCallExpression(parent) && parent.arguments.includes(reference)) return "reading";
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== reference) return "handed-on";
  const member = parent.name.text;
  if (member === "writable") return "local";
  if (member === "readable") return classifyUse(parent, checker);
  const call = parent.parent;
  if (!ts.isCallExpression(call) || call.expression !== parent) return "local";
  if (WRITE_SIDE_METHODS.has(member)) return "local";
  if (READING_METHODS.has(member)) return "reading";
  if (LISTENER_METHODS.has(member)) {
    const event = call.arguments[0];
    return event && ts.isStringLiteralLike(event) && READING_EVENTS.has(event.text) ? "reading" : "local";
  }
  // `readable.tee()` and the like: whatever it returns may be read later.
  return "handed-on";
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
    if (
      !ts.isIdentifier(node) ||
      pipe.names.includes(node) ||
      !symbols.has(context.checker.getSymbolAtLocation(node))
    ) {
      return;
    }
    found = visit(classifyUse(node, context.checker), node);
    return !found;
  });
  return found;
}

/** Why waiting on a local pipe would wait forever: see `getDeadlockRisk`. */
export type DeadlockRisk = "reader-attached-later" | "stream-handed-on";

/**
 * Whether waiting at `site` on `stream` could wait forever, and why: the stream is one end of a
 * pipe made in this function (`new TransformStream()`, `new PassThrough()`, `createGzip()`) and
 * nothing reads its other end yet. Either its reader is attached only after `site` (`await
 * writer.write(x); return new Response(readable.pipeThrough(...))`), or was handed the pipe
 * without reading from it (`new Response(readable)` made first); or, after `site`, the pipe is
 * handed on, returned, yielded or stored, to be read by whoever gets it once this function is done.
 */
export function getDeadlockRisk(
  stream: ts.Expression,
  site: ts.Node,
  context: AnalysisContext,
): DeadlockRisk | undefined {
  for (const value of getWrittenStreams(stream, context.checker)) {
    const risk = getPipeDeadlockRisk(value, site, context);
    if (risk) return risk;
  }
  return undefined;
}

/**
 * The streams `stream` may stand for: itself, or each value a writer variable is given when it
 * is given more than one (`writer = decompressor.writable.getWriter()`).
 */
function getWrittenStreams(stream: ts.Expression, checker: ts.TypeChecker): ts.Expression[] {
  const written = skipOuterExpressions(stream);
  const values = ts.isIdentifier(written) ? getAssignedValues(written, checker) : [];
  return values.length > 1 ? values : [written];
}

function getPipeDeadlockRisk(stream: ts.Expression, site: ts.Node, context: AnalysisContext): DeadlockRisk | undefined {
  const pipe = findLocalPipe(stream, context.checker);
  if (!pipe || !isPipe(pipe.construction, context)) return undefined;
  const scope = getEnclosingFunction(site) ?? site.getSourceFile();
  let risk: DeadlockRisk | undefined;
  somePipeUse(pipe, scope, context, (use, reference) => {
    if (use === "local") return false;
    const after = reference.getStart() >= site.getEnd();
    if (!after && use === "reading") return false;
    risk = after && use === "handed-on" ? "stream-handed-on" : "reader-attached-later";
    return true;
  });
  return risk;
}

/** `arrayBuffer(readable)`, `text(readable)` from `node:stream/consumers`: they read to the end and reject if the stream fails. */
function isWholeStreamConsumer(call: ts.CallExpression, checker: ts.TypeChecker): boolean {
  const declaration = getCalledDeclaration(call, checker);
  return declaration !== undefined && getAmbientModuleName(declaration) === "stream/consumers";
}

/**
 * `for await (const c of readable)`, `readable.getReader()`, `text(readable)` from
 * `node:stream/consumers`, or any of these after `pipeThrough()`: the code reads the data itself,
 * not a consumer it hands it to, which might cancel the stream and so reject the pending writes
 * (`readIntoArray(readable, maxSize)`).
 */
function isReadHere(reference: ts.Expression, checker: ts.TypeChecker): boolean {
  let current = getOutermostExpression(reference);
  if (ts.isPropertyAccessExpression(current.parent) && current.parent.name.text === "readable")
    current = getOutermostExpression(current.parent);
  const parent = current.parent;
  if (ts.isForOfStatement(parent) && parent.expression === current) return parent.awaitModifier !== undefined;
  if (ts.isCallExpression(parent)) return parent.arguments.includes(current) && isWholeStreamConsumer(parent, checker);
  const call = parent.parent;
  if (!ts.isPropertyAccessExpression(parent) || !ts.isCallExpression(call) || call.expression !== parent) return false;
  if (parent.name.text === "getReader") return true;
  return parent.name.text === "pipeThrough" && isReadHere(call, checker);
}

const TRANSFORM_PAIR_TYPES = new Set(["TransformStream", "GenericTransformStream", "ReadableWritablePair"]);

/** A transform's pair of ends by its type: `TransformStream`, `CompressionStream`, `ReadableWritablePair`. */
function isTransformPair(type: ts.Type, context: AnalysisContext): boolean {
  for (const symbol of getTypeAncestry(type, context.checker)) {
    if (!TRANSFORM_PAIR_TYPES.has(symbol.getName())) continue;
    if ((symbol.getDeclarations() ?? []).some((d) => isPlatformDeclaration(d, context.program))) return true;
  }
  return false;
}

/** What `this.input` holds when the class gives it exactly one value (its initializer or a `this.input = …`). */
function getFieldValue(access: ts.PropertyAccessExpression, checker: ts.TypeChecker): ts.Expression | undefined {
  if (access.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const declaration = checker.getSymbolAtLocation(access.name)?.valueDeclaration;
  if (!declaration || !ts.isPropertyDeclaration(declaration)) return undefined;
  const values = declaration.initializer ? [declaration.initializer] : [];
  forEachDescendant(declaration.parent, (node) => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      node.left.name.text === access.name.text
    ) {
      values.push(node.right);
    }
  });
  return values.length === 1 ? values[0] : undefined;
}

/**
 * `P` for a writer got from `P.writable.getWriter()` (in a variable, or a field of the class),
 * where `P` names a transform that is not made in the same function: a parameter, a field of a
 * local (`codec.transform`), a field of the class (`this.input`). Its ends are `P.writable` and
 * `P.readable`, wherever `P` came from. Only writers: `P.writable.close()` while a writer holds
 * the lock always fails.
 */
function getTransformOfWriter(stream: ts.Expression, checker: ts.TypeChecker): ts.Expression | undefined {
  const written = skipOuterExpressions(stream);
  const value = ts.isIdentifier(written)
    ? getVariableDeclaration(written, checker)?.initializer
    : ts.isPropertyAccessExpression(written)
      ? getFieldValue(written, checker)
      : undefined;
  const call = value && skipOuterExpressions(value);
  if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  if (call.expression.name.text !== "getWriter") return undefined;
  const writable = skipOuterExpressions(call.expression.expression);
  return ts.isPropertyAccessExpression(writable) && writable.name.text === "writable" ? writable.expression : undefined;
}

/** Where the other end of a transform is looked for: the class for a field of `this`, else the function. */
function getReadingScope(stream: ts.Expression, pairKey: StreamKey): ts.Node {
  if (pairKey === "this" || pairKey.startsWith("this.")) {
    for (let current: ts.Node = stream; !ts.isSourceFile(current); current = current.parent) {
      if (ts.isClassLike(current)) return current;
    }
  }
  return getEnclosingFunction(stream) ?? stream.getSourceFile();
}

/** Whether the code around `stream` reads `pair.readable` itself (see `isReadHere`). */
function isTransformReadByItsCode(stream: ts.Expression, context: AnalysisContext): boolean {
  const { checker } = context;
  const pair = getTransformOfWriter(stream, checker);
  // The same ends named again: `stream` and `stream`, `this.codec.transform` and `this.codec.transform`.
  const pairKey = pair && getStreamKey(pair, checker);
  if (!pair || !pairKey || !isTransformPair(checker.getTypeAtLocation(pair), context)) return false;
  let found = false;
  forEachDescendant(getReadingScope(stream, pairKey), (node) => {
    if (found) return false;
    found =
      ts.isPropertyAccessExpression(node) &&
      node.name.text === "readable" &&
      getStreamKey(node.expression, checker) === pairKey &&
      isReadHere(node, checker);
    return !found;
  });
  return found;
}

/**
 * Whether `stream` writes into a pipe whose other end the same function reads itself
 * (`for await (const chunk of readable)`, `readable.getReader()`, `text(readable)`): the pipe is
 * made there, or is a transform named the same way on both ends (`stream.writable`,
 * `stream.readable`; for a field of `this`, read anywhere in the class). That reader sees the
 * close as the end of its data and a failure as an error, and nobody else can cancel it. A writer variable given several pipes' writers must have
 * every one of them read.
 */
export function isReadInSameFunction(stream: ts.Expression, context: AnalysisContext): boolean {
  return getWrittenStreams(stream, context.checker).every((value) => isPipeReadInSameFunction(value, context));
}

function isPipeReadInSameFunction(stream: ts.Expression, context: AnalysisContext): boolean {
  const pipe = findLocalPipe(stream, context.checker);
  if (!pipe || !isPipe(pipe.construction, context)) return isTransformReadByItsCode(stream, context);
  const scope = getEnclosingFunction(pipe.construction) ?? pipe.construction.getSourceFile();
  return somePipeUse(pipe, scope, context, (_, reference) => isReadHere(reference, context.checker));
}
