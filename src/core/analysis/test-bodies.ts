import ts from "../typescript.cjs";

import { getEnclosingFunction } from "../model/function-context.js";
import { skipOuterExpressions } from "../model/syntax.js";

/** Test functions (`it`, `test`, `it.only`, `test.concurrent`). */
const TEST_FUNCTIONS = new Set(["it", "test"]);

/** `it.only` → `it`, `vi.waitFor` → `vi`: the name a call chain starts from. */
function getRootName(callee: ts.Expression): string | undefined {
  let current = skipOuterExpressions(callee);
  while (ts.isPropertyAccessExpression(current) || ts.isCallExpression(current))
    current = skipOuterExpressions(current.expression);
  return ts.isIdentifier(current) ? current.text : undefined;
}

/**
 * A shutdown in a test's own callback: the test destroys or aborts on purpose, to see what a
 * disconnect does, or tears down what its assertions are done with. No reader outside the test
 * loses data. A helper the test calls is judged as any other function.
 */
export function isInTestBody(shutdown: ts.CallExpression): boolean {
  const test = getEnclosingFunction(shutdown);
  const call = test?.parent;
  if (!test || !call || !ts.isCallExpression(call) || !call.arguments.includes(test as ts.Expression)) return false;
  const name = getRootName(call.expression);
  return name !== undefined && TEST_FUNCTIONS.has(name);
}
