import ts from "../typescript.cjs";

import { skipOuterExpressions } from "./syntax.js";

/**
 * Names for "the same stream" within one function: an access path rooted in a variable's symbol
 * (`sock`, `this.out`, `res.socket`). Two expressions with one key denote the same object as far as
 * a reader of the function can tell; anything more dynamic gets no key and is never matched.
 */
export type StreamKey = string;

const symbolIds = new WeakMap<ts.Symbol, number>();
let nextSymbolId = 0;

function getSymbolId(symbol: ts.Symbol): number {
  let id = symbolIds.get(symbol);
  if (id === undefined) {
    id = nextSymbolId++;
    symbolIds.set(symbol, id);
  }
  return id;
}

export function getStreamKey(expression: ts.Expression, checker: ts.TypeChecker): StreamKey | undefined {
  const node = skipOuterExpressions(expression);
  if (node.kind === ts.SyntaxKind.ThisKeyword) return "this";
  if (ts.isIdentifier(node)) {
    const symbol = checker.getSymbolAtLocation(node);
    return symbol ? `#${getSymbolId(symbol)}` : undefined;
  }
  if (ts.isPropertyAccessExpression(node)) {
    const base = getStreamKey(node.expression, checker);
    return base === undefined ? undefined : `${base}.${node.name.text}`;
  }
  return undefined;
}

/** Properties through which a Node stream exposes the transport it writes to: `res.socket`. */
const TRANSPORT_PROPERTIES = new Set(["socket", "connection", "stream"]);

/** `getWriter()` on a WHATWG stream, `Writable.toWeb(s)`: the result writes into the same bytes. */
function getWrappedStream(initializer: ts.Expression): ts.Expression | undefined {
  const node = skipOuterExpressions(initializer);
  if (!ts.isCallExpression(node)) return undefined;
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  if (callee.name.text === "getWriter") return callee.expression;
  if (callee.name.text === "toWeb" && node.arguments.length >= 1) return node.arguments[0];
  return undefined;
}

/**
 * Every key that denotes the stream `expression` writes into: its own, those of the streams it
 * wraps (`const writer = Writable.toWeb(sock).getWriter()` writes into `sock`).
 */
export function getStreamKeys(expression: ts.Expression, checker: ts.TypeChecker): StreamKey[] {
  const keys: StreamKey[] = [];
  let current: ts.Expression | undefined = expression;
  for (let depth = 0; current && depth < 4; depth++) {
    const key = getStreamKey(current, checker);
    if (key !== undefined) keys.push(key);
    current = getWrappedStream(current) ?? getInitializerOfConstant(current, checker);
  }
  return keys;
}

function getInitializerOfConstant(expression: ts.Expression, checker: ts.TypeChecker): ts.Expression | undefined {
  const node = skipOuterExpressions(expression);
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
  if (
    declaration &&
    ts.isVariableDeclaration(declaration) &&
    declaration.initializer &&
    (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0
  ) {
    return declaration.initializer;
  }
  return undefined;
}

/**
 * The keys a shutdown reaches: the stream itself and, for `res.socket.destroy()`, the stream whose
 * transport it is, so that data written to `res` counts as lost too.
 */
export function getShutdownKeys(expression: ts.Expression, checker: ts.TypeChecker): StreamKey[] {
  const keys = getStreamKeys(expression, checker);
  const node = skipOuterExpressions(expression);
  if (ts.isPropertyAccessExpression(node) && TRANSPORT_PROPERTIES.has(node.name.text)) {
    keys.push(...getStreamKeys(node.expression, checker));
  }
  return keys;
}

function isMethodCallee(node: ts.PropertyAccessExpression): boolean {
  return ts.isCallExpression(node.parent) && node.parent.expression === node;
}

/**
 * Every stream key that `node` hands to something or calls a method on, nested functions
 * included: `finished(s)`, `new Promise((r) => s.end(r))`. Reading a property (`s.remoteAddress`)
 * does not count: it cannot wait for the stream.
 */
export function collectMentionedKeys(node: ts.Node, checker: ts.TypeChecker): Set<StreamKey> {
  const keys = new Set<StreamKey>();
  const visit = (child: ts.Node): void => {
    if (ts.isPropertyAccessExpression(child) && !isMethodCallee(child)) {
      const key = getStreamKey(child, checker);
      if (key !== undefined) {
        keys.add(key);
        return;
      }
    } else if (ts.isIdentifier(child) || child.kind === ts.SyntaxKind.ThisKeyword) {
      const key = getStreamKey(child as ts.Expression, checker);
      if (key !== undefined) keys.add(key);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return keys;
}
