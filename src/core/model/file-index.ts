import ts from "../typescript.cjs";

import { hasBody, type FunctionWithBody } from "./function-context.js";
import { perSourceFile } from "./syntax.js";

/** A function with a body, or a file for its top level. */
export type Scope = FunctionWithBody | ts.SourceFile;

/**
 * The nodes of a file that the rules start from, found in one walk of its tree and kept per file:
 * each rule walked the whole tree for them before, several times per file. Syntax only, so the
 * index of a file holds for every program that shares its tree.
 */
export interface FileIndex {
  /** Every call, in the order of a walk of the tree (a call before the calls in its arguments). */
  readonly calls: readonly ts.CallExpression[];
  /** Every function with a body, in the same order. */
  readonly functions: readonly FunctionWithBody[];
  /** The calls each scope makes itself, not those in the functions nested in it. */
  readonly callsByScope: ReadonlyMap<Scope, readonly ts.CallExpression[]>;
}

const NO_CALLS: readonly ts.CallExpression[] = [];

export const getFileIndex = perSourceFile((sourceFile): FileIndex => {
  const calls: ts.CallExpression[] = [];
  const functions: FunctionWithBody[] = [];
  const callsByScope = new Map<Scope, ts.CallExpression[]>();
  const scopes: Scope[] = [sourceFile];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      calls.push(node);
      const scope = scopes.at(-1)!;
      let own = callsByScope.get(scope);
      if (!own) callsByScope.set(scope, (own = []));
      own.push(node);
    } else if (hasBody(node)) {
      functions.push(node);
      scopes.push(node);
      ts.forEachChild(node, visit);
      scopes.pop();
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return { calls, functions, callsByScope };
});

/** The calls `scope` makes itself, in the order of the walk. */
export function getOwnCalls(scope: Scope): readonly ts.CallExpression[] {
  return getFileIndex(scope.getSourceFile()).callsByScope.get(scope) ?? NO_CALLS;
}
