import ts from "../typescript.cjs";

import { getEnclosingFunction, isReturnValueIgnored } from "../model/function-context.js";
import { isOuterExpression, skipOuterExpressions } from "../model/syntax.js";

/** How a result was thrown away. */
export type DiscardKind =
  /** `writer.write(x);` */
  | "statement"
  /** `void writer.write(x)`: exactly `let _ =`. */
  | "void"
  /** `const _ = fh.sync()`, or a variable nobody reads (or reads only to throw away). */
  | "unused-binding"
  /** Returned from a callback whose caller ignores what it returns: `forEach`, listeners, timers. */
  | "ignored-return";

export interface DiscardSite {
  readonly kind: DiscardKind;
  /** The outermost expression whose value is dropped: the whole `.then()` chain, the `void` operand. */
  readonly expression: ts.Expression;
  /** Whether the value reached that point through an unhandled `.then()`/`.finally()` chain. */
  readonly throughChain: boolean;
}

type Discard = Omit<DiscardSite, "throughChain">;

const COMBINATORS = new Set(["all", "allSettled", "race", "any"]);
const MAX_BINDING_DEPTH = 3;

function isPromiseCombinatorCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = skipOuterExpressions(node.expression);
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "Promise" &&
    COMBINATORS.has(callee.name.text)
  );
}

/** `p.then(...)`, `p.catch(...)`, `p.finally(...)` with `p` = `node`; `handled` when a rejection handler is given. */
function getChainCall(node: ts.Expression): { call: ts.CallExpression; handled: boolean } | undefined {
  const access = node.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== node) return undefined;
  const call = access.parent;
  if (!ts.isCallExpression(call) || call.expression !== access) return undefined;
  switch (access.name.text) {
    case "then":
      return { call, handled: call.arguments.length >= 2 };
    case "catch":
      return { call, handled: call.arguments.length >= 1 };
    case "finally":
      return { call, handled: false };
    default:
      return undefined;
  }
}

/** The `.then()`/`.catch()`/`.finally()` call that `fn` is a callback of: what it returns flows into that chain. */
export function getChainOfCallback(fn: ts.Node): ts.CallExpression | undefined {
  const call = fn.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return undefined;
  const callee = skipOuterExpressions(call.expression);
  if (ts.isPropertyAccessExpression(callee) && ["then", "catch", "finally"].includes(callee.name.text)) {
    return call;
  }
  return undefined;
}

/** What happens to a function's return value, given that `returned` is what it returns. */
function getReturnDiscard(
  fn: ts.FunctionLikeDeclaration | undefined,
  returned: ts.Expression,
  checker: ts.TypeChecker,
  depth: number,
): Discard | undefined {
  if (!fn) return undefined;
  const chain = getChainOfCallback(fn);
  if (chain) return getDiscardSiteAt(chain, checker, depth);
  return isReturnValueIgnored(fn, checker) ? { kind: "ignored-return", expression: returned } : undefined;
}

function isWriteTarget(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === identifier &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  );
}

function collectReads(
  scope: ts.Node,
  symbol: ts.Symbol,
  declarationName: ts.Node,
  checker: ts.TypeChecker,
): ts.Identifier[] {
  const reads: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    // Comparing the text first spares the checker a lookup for every other name in the scope.
    if (
      ts.isIdentifier(node) &&
      node.text === symbol.name &&
      node !== declarationName &&
      !isWriteTarget(node) &&
      checker.getSymbolAtLocation(node) === symbol
    ) {
      reads.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return reads;
}

/**
 * A value stored in a local variable is discarded when nobody reads the variable, or when every
 * read throws the value away in turn. `_` is the conventional "I don't care" name: always discarded.
 */
function getBindingDiscard(
  name: ts.Identifier,
  stored: ts.Expression,
  checker: ts.TypeChecker,
  depth: number,
): Discard | undefined {
  if (name.text === "_") return { kind: "unused-binding", expression: stored };
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol || depth >= MAX_BINDING_DEPTH) return undefined;
  const declaration = symbol.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration)) return undefined;
  // Another module may read an exported binding.
  if (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Export) return undefined;
  const scope = getEnclosingFunction(declaration) ?? declaration.getSourceFile();
  const reads = collectReads(scope, symbol, declaration.name, checker);
  if (reads.every((read) => getDiscardSiteAt(read, checker, depth + 1) !== undefined)) {
    return { kind: "unused-binding", expression: stored };
  }
  return undefined;
}

function getDiscardSiteAt(node: ts.Expression, checker: ts.TypeChecker, depth: number): Discard | undefined {
  let current: ts.Expression = node;
  for (;;) {
    const parent: ts.Node = current.parent;
    if (isOuterExpression(parent)) {
      current = parent;
      continue;
    }
    const chain = getChainCall(current);
    if (chain) {
      if (chain.handled) return undefined;
      current = chain.call;
      continue;
    }
    if (ts.isExpressionStatement(parent)) return { kind: "statement", expression: current };
    if (ts.isVoidExpression(parent)) return { kind: "void", expression: current };
    if (ts.isReturnStatement(parent)) {
      return getReturnDiscard(getEnclosingFunction(parent), current, checker, depth);
    }
    if (ts.isArrowFunction(parent) && parent.body === current) {
      return getReturnDiscard(parent, current, checker, depth);
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === current) {
      return ts.isIdentifier(parent.name) ? getBindingDiscard(parent.name, current, checker, depth) : undefined;
    }
    if (ts.isConditionalExpression(parent) && parent.condition !== current) {
      current = parent;
      continue;
    }
    if (ts.isBinaryExpression(parent)) {
      const operator = parent.operatorToken.kind;
      if (operator === ts.SyntaxKind.CommaToken) {
        if (parent.left === current) return { kind: "statement", expression: current };
        current = parent;
        continue;
      }
      if (operator === ts.SyntaxKind.EqualsToken && parent.right === current) {
        const target = skipOuterExpressions(parent.left);
        return ts.isIdentifier(target) ? getBindingDiscard(target, current, checker, depth) : undefined;
      }
      // `p ?? x` and `p || x` evaluate to `p` itself (a promise is never nullish or falsy);
      // any right operand may be the value.
      const passesLeftOn = operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken;
      const isShortCircuit = passesLeftOn || operator === ts.SyntaxKind.AmpersandAmpersandToken;
      if ((isShortCircuit && parent.right === current) || (passesLeftOn && parent.left === current)) {
        current = parent;
        continue;
      }
      return undefined;
    }
    if (ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent)) {
      current = parent;
      continue;
    }
    if (isPromiseCombinatorCall(parent) && parent.arguments.includes(current)) {
      current = parent;
      continue;
    }
    // Awaited, yielded, passed to a function, stored in a property: someone else now holds it.
    return undefined;
  }
}

/**
 * Where the value of `node` is thrown away, or `undefined` when it is awaited, returned, yielded,
 * combined into an awaited `Promise.all`, handled with `.catch()`, stored, or passed on.
 */
export function getDiscardSite(node: ts.Expression, checker: ts.TypeChecker): DiscardSite | undefined {
  const discard = getDiscardSiteAt(node, checker, 0);
  return discard && { ...discard, throughChain: isChainedInto(node, discard.expression) };
}

function isChainedInto(node: ts.Node, outer: ts.Node): boolean {
  for (let current = node.parent; current && current !== outer.parent; current = current.parent) {
    if (
      ts.isPropertyAccessExpression(current) &&
      (current.name.text === "then" || current.name.text === "finally") &&
      node.pos >= current.expression.pos &&
      node.end <= current.expression.end
    ) {
      return true;
    }
  }
  return false;
}
