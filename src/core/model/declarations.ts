import ts from "../typescript.cjs";

import { isAssignedTo, skipOuterExpressions } from "./syntax.js";

/** The name of the `declare module "x"` block a declaration sits in, with any `node:` prefix removed. */
export function getAmbientModuleName(node: ts.Node): string | undefined {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isModuleDeclaration(current) && ts.isStringLiteral(current.name)) {
      return current.name.text.replace(/^node:/, "");
    }
  }
  return undefined;
}

/** The `const`/`let`/`var` declaration that binds `identifier`, also through `{ a } =` and `[a] =` patterns. */
export function getVariableDeclaration(
  identifier: ts.Identifier,
  checker: ts.TypeChecker,
): ts.VariableDeclaration | undefined {
  let node: ts.Node | undefined = checker.getSymbolAtLocation(identifier)?.valueDeclaration;
  while (node && ts.isBindingElement(node)) node = node.parent.parent;
  return node && ts.isVariableDeclaration(node) ? node : undefined;
}

export function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  return (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
}

/**
 * Every value a variable is given: its initializer, and for a `let` or `var` the right side of
 * each plain `name = value` in its file. Empty when `identifier` names no variable.
 */
export function getAssignedValues(identifier: ts.Identifier, checker: ts.TypeChecker): ts.Expression[] {
  const declaration = getVariableDeclaration(identifier, checker);
  if (!declaration || !ts.isIdentifier(declaration.name)) return [];
  const values = declaration.initializer ? [declaration.initializer] : [];
  if (isConstDeclaration(declaration)) return values;
  const symbol = checker.getSymbolAtLocation(declaration.name);
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(node.left) &&
      checker.getSymbolAtLocation(node.left) === symbol
    ) {
      values.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(declaration.getSourceFile());
  return values;
}

/** What the `const` that `node` names was set to (`const COMMANDS = [...]`); not through a destructuring. */
export function getConstantValue(node: ts.Expression, checker: ts.TypeChecker): ts.Expression | undefined {
  const declaration = ts.isIdentifier(node) ? getVariableDeclaration(node, checker) : undefined;
  const isNamedConstant = declaration && ts.isIdentifier(declaration.name) && isConstDeclaration(declaration);
  return isNamedConstant ? declaration.initializer : undefined;
}

/**
 * The declaration of the function or method a call names (`console.log`, `fs.rename`, an imported
 * `once`), through import aliases; for a function held in a variable or a parameter, that of the
 * signature the call resolves to. Asked of the callee's symbol first: resolving the call's
 * signature checks every argument, the costliest question asked of most calls.
 */
export function getCalledDeclaration(call: ts.CallExpression, checker: ts.TypeChecker): ts.Declaration | undefined {
  const declared = getReferencedSymbol(call.expression, checker)?.declarations?.find(isFunctionOrMethodDeclaration);
  return declared ?? checker.getResolvedSignature(call)?.getDeclaration();
}

/** What a name or a property access (`shutdown`, `this.close`, `fs.rename`) refers to, through import aliases. */
export function getReferencedSymbol(reference: ts.Expression, checker: ts.TypeChecker): ts.Symbol | undefined {
  const target = skipOuterExpressions(reference);
  const name = ts.isPropertyAccessExpression(target) ? target.name : target;
  const symbol = ts.isIdentifier(name) ? checker.getSymbolAtLocation(name) : undefined;
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function isFunctionOrMethodDeclaration(node: ts.Declaration): boolean {
  return ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isMethodSignature(node);
}

/** Whether `fileName` belongs to `packageName` as installed, or to its `@types` package. */
export function isInPackageFolder(fileName: string, packageName: string): boolean {
  const normalized = fileName.replaceAll("\\", "/");
  const typesName = packageName.startsWith("@") ? packageName.slice(1).replace("/", "__") : packageName;
  return (
    normalized.includes(`/node_modules/${packageName}/`) || normalized.includes(`/node_modules/@types/${typesName}/`)
  );
}

/** Whether a declaration comes from TypeScript's own lib files or from `@types/node`. */
export function isPlatformDeclaration(declaration: ts.Node, program: ts.Program): boolean {
  const sourceFile = declaration.getSourceFile();
  return program.isSourceFileDefaultLibrary(sourceFile) || isInPackageFolder(sourceFile.fileName, "node");
}

/** Methods that change an array or object in place. */
const MUTATING_METHODS = new Set(["push", "unshift", "splice", "fill", "copyWithin", "set", "add", "delete", "clear"]);

/** `rows.push(x)`, `rows[0] = x`, `rows[0].name = x`, `delete rows.x`: `access` is the outermost access of the name. */
function isChangingUse(access: ts.Expression): boolean {
  const parent = access.parent;
  const isMethodCall = ts.isCallExpression(parent) && parent.expression === access;
  if (isMethodCall) return ts.isPropertyAccessExpression(access) && MUTATING_METHODS.has(access.name.text);
  return isAssignedTo(access) || ts.isDeleteExpression(parent);
}

/**
 * Whether the file changes what a `const` holds: `rows.push(x)`, `rows[0] = x`, `rows[0].name = x`,
 * `delete rows.x`. Handed to a function, it is taken as unchanged.
 */
export function isChangedInPlace(declaration: ts.VariableDeclaration, checker: ts.TypeChecker): boolean {
  if (!ts.isIdentifier(declaration.name)) return true;
  const name = declaration.name;
  const symbol = checker.getSymbolAtLocation(name);
  let changed = false;
  const visit = (node: ts.Node): void => {
    if (changed) return;
    if (
      ts.isIdentifier(node) &&
      node !== name &&
      node.text === name.text &&
      checker.getSymbolAtLocation(node) === symbol
    ) {
      let access: ts.Expression = node;
      while (
        (ts.isPropertyAccessExpression(access.parent) || ts.isElementAccessExpression(access.parent)) &&
        access.parent.expression === access
      ) {
        access = access.parent;
      }
      changed = access !== node && isChangingUse(access);
    }
    ts.forEachChild(node, visit);
  };
  visit(declaration.getSourceFile());
  return changed;
}
