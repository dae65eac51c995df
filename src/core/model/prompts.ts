import ts from "../typescript.cjs";

import { getTypeAncestry } from "./stream-families.js";
import { getCalleeName, skipOuterExpressions } from "./syntax.js";

/**
 * Calls and classes that ask a person a question on the terminal: readline's `question()`,
 * inquirer's and prompts' `prompt()`, `@clack/prompts`' `confirm()` and `select()`.
 */
const PROMPT_NAME = /^(ask|autocomplete|confirm|input|multiselect|password|prompts?|question|select)$/i;

/**
 * Whether awaiting `node` waits for a person's answer to a prompt: `await rl.question("Go on? ")`,
 * `await render(new Select(["No", "Yes"]))`. The person reads what was printed before answering,
 * and a prompt runs on a terminal, where Node writes synchronously: nothing printed before is
 * still queued once it is answered.
 */
export function isPromptCall(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const value = skipOuterExpressions(node);
  if (!ts.isCallExpression(value)) return false;
  const asked = value.arguments.map(skipOuterExpressions).filter(ts.isNewExpression);
  return isPromptName(getCalleeName(value.expression)) || asked.some((made) => isPromptClass(made, checker));
}

function isPromptName(name: string | undefined): boolean {
  return name !== undefined && PROMPT_NAME.test(name);
}

/** `new Select(items)`, or an instance of any class that extends a `Prompt`. */
function isPromptClass(made: ts.NewExpression, checker: ts.TypeChecker): boolean {
  if (isPromptName(getCalleeName(made.expression))) return true;
  for (const symbol of getTypeAncestry(checker.getTypeAtLocation(made), checker)) {
    if (symbol.getName().endsWith("Prompt")) return true;
  }
  return false;
}
