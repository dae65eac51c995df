import ts from "../typescript.cjs";

import type { AnalysisContext } from "./analysis-context.js";
import { getReferencedSymbol } from "./declarations.js";
import { hasBody, type FunctionWithBody } from "./function-context.js";
import { skipOuterExpressions } from "./syntax.js";

type ProgramAndChecker = Pick<AnalysisContext, "program" | "checker">;

/** `function f() {}`, `const f = () => {}`, a method, or a property holding an arrow function. */
export function getFunctionOfDeclaration(declaration: ts.Declaration): FunctionWithBody | undefined {
  if (hasBody(declaration)) return declaration;
  const initializer =
    ts.isVariableDeclaration(declaration) ||
    ts.isPropertyDeclaration(declaration) ||
    ts.isPropertyAssignment(declaration)
      ? declaration.initializer
      : undefined;
  const value = initializer && skipOuterExpressions(initializer);
  return value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? value : undefined;
}

/** Whether a declaration is in code the project owns: not a `.d.ts`, not an installed package. */
function isProjectSource(node: ts.Node, program: ts.Program): boolean {
  const sourceFile = node.getSourceFile();
  return !sourceFile.isDeclarationFile && !program.isSourceFileFromExternalLibrary(sourceFile);
}

/**
 * The body of the function `call` runs, when the program's own sources define it: through imports
 * and re-exports, for methods by the receiver's type. `undefined` for platform and package
 * functions, calls of values whose function cannot be told, and overloads without one body.
 * Resolved by symbol, not by signature: far cheaper, and exact for the functions it answers for.
 */
export function getCalleeBody(call: ts.CallExpression, context: ProgramAndChecker): FunctionWithBody | undefined {
  return getReferencedFunction(call.expression, context);
}

/** The body of the function `reference` names (`shutdown`, `this.close`), defined in the program's sources. */
export function getReferencedFunction(
  reference: ts.Expression,
  context: ProgramAndChecker,
): FunctionWithBody | undefined {
  const callee = skipOuterExpressions(reference);
  if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) return callee;
  const { program, checker } = context;
  const symbol = getReferencedSymbol(callee, checker);
  const declarations = symbol?.declarations?.filter((declaration) => isProjectSource(declaration, program));
  if (!declarations?.length) return undefined;
  const bodies = declarations.map(getFunctionOfDeclaration).filter((body) => body !== undefined);
  return bodies.length === 1 ? bodies[0] : undefined;
}
