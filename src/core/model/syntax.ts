import ts from "../typescript.cjs";

/** Parentheses, `as`, `!`, `satisfies` and `<T>` casts: wrappers that leave the value as it is. */
export function isOuterExpression(
  node: ts.Node,
): node is
  ts.ParenthesizedExpression | ts.AsExpression | ts.NonNullExpression | ts.SatisfiesExpression | ts.TypeAssertion {
  return (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isTypeAssertionExpression(node)
  );
}

export function skipOuterExpressions(node: ts.Expression): ts.Expression {
  let current = node;
  while (isOuterExpression(current)) current = current.expression;
  return current;
}

/** `node` with the parentheses, casts and `!` around it: the expression whose value is `node`'s. */
export function getOutermostExpression(node: ts.Expression): ts.Expression {
  let current = node;
  while (isOuterExpression(current.parent)) current = current.parent;
  return current;
}

/** `f` for `f()`, `write` for `s.write()`. */
export function getCalleeName(callee: ts.Expression): string | undefined {
  const target = skipOuterExpressions(callee);
  if (ts.isIdentifier(target)) return target.text;
  if (ts.isPropertyAccessExpression(target)) return target.name.text;
  return undefined;
}

/** Calls every node below `root` in source order, not descending where `visit` returns `false`. */
export function forEachDescendant(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  const walk = (node: ts.Node): void => {
    if (visit(node) === false) return;
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(root, walk);
}

/** The expression statement a call stands as, looking through `await` and parentheses. */
export function getExpressionStatementOf(node: ts.Node): ts.ExpressionStatement | undefined {
  let current = node;
  while (ts.isAwaitExpression(current.parent) || ts.isParenthesizedExpression(current.parent)) current = current.parent;
  return ts.isExpressionStatement(current.parent) ? current.parent : undefined;
}

/** Whether `node` is written to: the left of `=` or `+=` and the like, or the operand of `++`/`--`. */
export function isAssignedTo(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    return (
      parent.left === node && operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment
    );
  }
  const isStep = (operator: ts.SyntaxKind): boolean =>
    operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
  return (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && isStep(parent.operator);
}

/** Whether `node` lies within `container`'s text (both from the same file). */
export function isInside(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/**
 * `compute` run once per source file: a tree never changes (an edit makes a new one), so whatever
 * is derived from a whole file can be kept, and asked for at every site for free.
 */
export function perSourceFile<T>(compute: (sourceFile: ts.SourceFile) => T): (sourceFile: ts.SourceFile) => T {
  const cache = new WeakMap<ts.SourceFile, T>();
  return (sourceFile) => {
    if (!cache.has(sourceFile)) cache.set(sourceFile, compute(sourceFile));
    return cache.get(sourceFile)!;
  };
}

/** `null` or `undefined`, written as such. */
export function isNullish(node: ts.Expression): boolean {
  const value = skipOuterExpressions(node);
  return value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === "undefined");
}
