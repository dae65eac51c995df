import ts from "typescript";

import type { AnalysisContext } from "./analysis-context.js";
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

function getDeclarationOf(identifier: ts.Identifier, checker: ts.TypeChecker): ts.VariableDeclaration | undefined {
  let node: ts.Node | undefined = checker.getSymbolAtLocation(identifier)?.valueDeclaration;
  while (node && ts.isBindingElement(node)) node = node.parent.parent;
  return node && ts.isVariableDeclaration(node) ? node : undefined;
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
    const declaration = getDeclarationOf(current, checker);
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

/**
 * Whether waiting at `site` on `stream` would wait forever: the stream is one end of a pipe made
 * in this function (`new TransformStream()`, `new PassThrough()`) and its other end is handed to a
 * reader only after `site`, as in `await writer.write(x); return new Response(readable)`.
 */
export function isReaderAttachedAfter(stream: ts.Expression, site: ts.Node, context: AnalysisContext): boolean {
  const pipe = findLocalPipe(stream, context.checker);
  if (!pipe || !isPipe(pipe.construction, context)) return false;
  const symbols = new Set(pipe.names.map((name) => context.checker.getSymbolAtLocation(name)));
  const scope = getEnclosingFunction(site) ?? site.getSourceFile();
  let found = false;
  forEachDescendant(scope, (node) => {
    if (found) return false;
    found =
      ts.isIdentifier(node) &&
      node.getStart() >= site.getEnd() &&
      symbols.has(context.checker.getSymbolAtLocation(node));
    return !found;
  });
  return found;
}
