import ts from "../typescript.cjs";

import { forEachDescendant, perSourceFile } from "./syntax.js";

export type FunctionLike = ts.FunctionLikeDeclaration;

/** A function with a body: a scope the analyses walk, a callee whose summary can be made. */
export type FunctionWithBody = FunctionLike & { readonly body: ts.ConciseBody };

export function hasBody(node: ts.Node): node is FunctionWithBody {
  return ts.isFunctionLike(node) && "body" in node && node.body !== undefined;
}

/** The innermost function around `node`, or `undefined` at a file's top level. */
export function getEnclosingFunction(node: ts.Node): FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && "body" in current) return current;
  }
  return undefined;
}

export function isAsyncFunction(fn: FunctionLike): boolean {
  return (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0;
}

const MODULE_KINDS_WITH_TOP_LEVEL_AWAIT = new Set([
  ts.ModuleKind.ES2022,
  ts.ModuleKind.ESNext,
  ts.ModuleKind.Node16,
  ts.ModuleKind.Node18,
  ts.ModuleKind.Node20,
  ts.ModuleKind.NodeNext,
  ts.ModuleKind.Preserve,
]);

/** `await using` sets two flag bits (`Const | Using`), and both must be set: a number to mask with. */
const AWAIT_USING_FLAGS: number = ts.NodeFlags.AwaitUsing;

/** Whether the file's own top level already awaits: `await x`, `for await`, `await using`. */
const hasTopLevelAwait = perSourceFile((sourceFile) => {
  let found = false;
  forEachDescendant(sourceFile, (node) => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
    found =
      ts.isAwaitExpression(node) ||
      (ts.isForOfStatement(node) && node.awaitModifier !== undefined) ||
      (ts.isVariableDeclarationList(node) && (node.flags & AWAIT_USING_FLAGS) === AWAIT_USING_FLAGS);
    return !found;
  });
  return found;
});

/**
 * Whether the file's top level may await: its module settings say so, or it awaits already (then
 * whatever runs it, a bundler or a runtime the options do not describe, accepts one more).
 */
function allowsTopLevelAwait(sourceFile: ts.SourceFile, program: ts.Program): boolean {
  const moduleKind = program.getCompilerOptions().module;
  const bySettings =
    ts.isExternalModule(sourceFile) &&
    sourceFile.impliedNodeFormat !== ts.ModuleKind.CommonJS &&
    moduleKind !== undefined &&
    MODULE_KINDS_WITH_TOP_LEVEL_AWAIT.has(moduleKind);
  return bySettings || hasTopLevelAwait(sourceFile);
}

/**
 * Whether `await` may be written at `node`: inside an async function, or at an ES module's top
 * level, but not in a class static block or field initializer, which are neither.
 */
export function isAwaitAllowedAt(node: ts.Node, program: ts.Program): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && "body" in current) return isAsyncFunction(current);
    if (ts.isClassStaticBlockDeclaration(current) || ts.isPropertyDeclaration(current)) return false;
  }
  return allowsTopLevelAwait(node.getSourceFile(), program);
}

/**
 * Whether whoever calls `fn` throws its return value away: a callback given to `forEach`, an
 * event listener, a timer. Judged by the contextual type, as `no-misused-promises` does.
 */
export function isReturnValueIgnored(fn: FunctionLike, checker: ts.TypeChecker): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const contextual = checker.getContextualType(fn);
  if (!contextual) return false;
  const signatures = contextual.getNonNullableType().getCallSignatures();
  return (
    signatures.length > 0 &&
    signatures.every((signature) => (signature.getReturnType().flags & ts.TypeFlags.Void) !== 0)
  );
}

const PER_ITEM_METHODS = new Set(["forEach", "map", "flatMap", "filter", "some", "every", "reduce"]);

/** `items.forEach(cb)`, `rows.map(cb)`: a call that runs its callback once per item. */
export function isPerItemCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && PER_ITEM_METHODS.has(callee.name.text);
}

/** The body statements of a function, or of a file at its top level. */
export function getBodyStatements(scope: FunctionLike | ts.SourceFile): readonly ts.Statement[] | undefined {
  if (ts.isSourceFile(scope)) return scope.statements;
  return scope.body && ts.isBlock(scope.body) ? scope.body.statements : undefined;
}

/**
 * The text of the code a scope runs, for cheap tests of what it may call: a function's body, a
 * file's whole text. Not a function's own name: a method `write() {}` is no call of `write()`.
 */
export function getBodyText(scope: FunctionLike | ts.SourceFile): string {
  return ts.isSourceFile(scope) ? scope.text : (scope.body?.getText() ?? "");
}

/** Whether `fn` is declared (or inferred) to return `never`: its end must not be reachable. */
export function isNeverReturning(fn: FunctionLike | undefined, checker: ts.TypeChecker): boolean {
  if (!fn) return false;
  const signature = checker.getSignatureFromDeclaration(fn);
  return signature !== undefined && (checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Never) !== 0;
}
