import ts from "../typescript.cjs";

/** Node's modules whose streams the rules judge: without their types, nothing in them is a stream. */
const NODE_IO_MODULE =
  /^(?:node:)?(?:stream(?:\/promises|\/web)?|net|tls|https?|http2|fs(?:\/promises)?|child_process|zlib|readline|process)$/;

function getRequiredModule(expression: ts.Expression | undefined): ts.StringLiteralLike | undefined {
  let current = expression;
  while (current && (ts.isPropertyAccessExpression(current) || ts.isAwaitExpression(current)))
    current = current.expression;
  if (!current || !ts.isCallExpression(current) || current.arguments.length !== 1) return undefined;
  const [argument] = current.arguments;
  const isRequire = ts.isIdentifier(current.expression) && current.expression.text === "require";
  const isImport = current.expression.kind === ts.SyntaxKind.ImportKeyword;
  return (isRequire || isImport) && argument && ts.isStringLiteralLike(argument) ? argument : undefined;
}

/** The module specifiers of a file's top-level imports, re-exports and `require()`s. */
function getModuleSpecifiers(sourceFile: ts.SourceFile): ts.StringLiteralLike[] {
  const specifiers: ts.StringLiteralLike[] = [];
  for (const statement of sourceFile.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
      if (ts.isStringLiteralLike(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const { expression } = statement.moduleReference;
      if (ts.isStringLiteralLike(expression)) specifiers.push(expression);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const required = getRequiredModule(declaration.initializer);
        if (required) specifiers.push(required);
      }
    }
  }
  return specifiers;
}

/**
 * The specifier of the first Node I/O module (`node:stream`, `fs`, `net`…) the file imports without types for it:
 * TypeScript resolves no declaration, so every stream in the file is `any` and no rule can see it.
 * Usually `@types/node` is missing, or (TypeScript 6) not listed in `compilerOptions.types`.
 */
export function findUntypedNodeImport(
  sourceFile: ts.SourceFile,
  checker: ts.TypeChecker,
): ts.StringLiteralLike | undefined {
  return getModuleSpecifiers(sourceFile).find(
    (specifier) => NODE_IO_MODULE.test(specifier.text) && !isResolved(specifier, sourceFile, checker),
  );
}

/**
 * Whether TypeScript resolved the module `specifier` names. A `require()` call in a TypeScript
 * file is never resolved, whatever types there are (its value is `any` by its form): there, only a
 * `require` that Node's types do not declare shows them missing.
 */
function isResolved(specifier: ts.StringLiteralLike, sourceFile: ts.SourceFile, checker: ts.TypeChecker): boolean {
  const call = specifier.parent;
  const isTypeScript = !/\.[cm]?jsx?$/.test(sourceFile.fileName);
  if (
    isTypeScript &&
    ts.isCallExpression(call) &&
    ts.isIdentifier(call.expression) &&
    call.expression.text === "require"
  )
    return checker.getSymbolAtLocation(call.expression) !== undefined;
  return checker.getSymbolAtLocation(specifier) !== undefined;
}

/** Whether `@types/node` is part of the program: without it `process.stdout` is no stream either. */
export function hasNodeTypes(program: ts.Program): boolean {
  return program.getSourceFiles().some((file) => /[\\/]@types[\\/]node[\\/]/.test(file.fileName));
}
