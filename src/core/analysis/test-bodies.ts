import ts from "../typescript.cjs";

import { getEnclosingFunction } from "../model/function-context.js";
import { forEachDescendant, getCalleeName, skipOuterExpressions } from "../model/syntax.js";

/** Test functions (`it`, `test`, `it.only`, `test.concurrent`) and the calls that assert in them. */
const TEST_FUNCTIONS = new Set(["it", "test"]);
const ASSERTION_CALLS = new Set(["expect", "assert", "waitFor", "poll"]);

/** `it.only` → `it`, `vi.waitFor` → `vi`: the name a call chain starts from. */
function getRootName(callee: ts.Expression): string | undefined {
  let current = skipOuterExpressions(callee);
  while (ts.isPropertyAccessExpression(current) || ts.isCallExpression(current))
    current = skipOuterExpressions(current.expression);
  return ts.isIdentifier(current) ? current.text : undefined;
}

/**
 * A shutdown in a test's own callback after the test has asserted (`expect(...)`, `assert...`,
 * `vi.waitFor(...)`, `expect.poll(...)`): tearing down what the assertions are done with loses
 * nothing the test checks.
 */
export function isTestTeardown(shutdown: ts.CallExpression): boolean {
  const test = getEnclosingFunction(shutdown);
  const call = test?.parent;
  if (!test || !call || !ts.isCallExpression(call) || !call.arguments.includes(test as ts.Expression)) return false;
  const name = getRootName(call.expression);
  if (name === undefined || !TEST_FUNCTIONS.has(name)) return false;
  let asserted = false;
  forEachDescendant(test, (node) => {
    if (asserted || node.pos >= shutdown.pos) return false;
    if (ts.isCallExpression(node)) {
      const callee = getCalleeName(node.expression);
      asserted = (callee !== undefined && ASSERTION_CALLS.has(callee)) || getRootName(node.expression) === "assert";
    }
    return !asserted;
  });
  return asserted;
}
