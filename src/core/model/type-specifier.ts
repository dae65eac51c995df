import ts from "../typescript.cjs";

import { getAmbientModuleName, isInPackageFolder } from "./declarations.js";

/**
 * typescript-eslint's `TypeOrValueSpecifier` format, so that users describe their own stream
 * types exactly as they describe types to `no-floating-promises` or `prefer-readonly-parameter-types`.
 */
export type TypeOrValueSpecifier =
  | string
  | { from: "file"; name: string | readonly string[]; path?: string }
  | { from: "lib"; name: string | readonly string[] }
  | { from: "package"; name: string | readonly string[]; package: string };

function namesOf(specifier: Exclude<TypeOrValueSpecifier, string>): readonly string[] {
  return typeof specifier.name === "string" ? [specifier.name] : specifier.name;
}

function isDeclaredInPackage(declaration: ts.Declaration, packageName: string): boolean {
  const moduleName = getAmbientModuleName(declaration);
  if (moduleName !== undefined) {
    return moduleName === packageName.replace(/^node:/, "");
  }
  return isInPackageFolder(declaration.getSourceFile().fileName, packageName);
}

function isDeclaredInFile(declaration: ts.Declaration, path: string | undefined, program: ts.Program): boolean {
  const sourceFile = declaration.getSourceFile();
  if (program.isSourceFileFromExternalLibrary(sourceFile) || program.isSourceFileDefaultLibrary(sourceFile)) {
    return false;
  }
  if (path === undefined) {
    return true;
  }
  const root = program.getCurrentDirectory().replaceAll("\\", "/");
  const wanted = `${root}/${path.replace(/^\.\//, "")}`;
  return sourceFile.fileName.replaceAll("\\", "/") === wanted;
}

/** Whether `symbol` is the type or value `specifier` names, judged by where it is declared. */
export function isSymbolMatchingSpecifier(
  symbol: ts.Symbol,
  specifier: TypeOrValueSpecifier,
  program: ts.Program,
): boolean {
  if (typeof specifier === "string") {
    return symbol.getName() === specifier;
  }
  if (!namesOf(specifier).includes(symbol.getName())) {
    return false;
  }
  const declarations = symbol.getDeclarations() ?? [];
  switch (specifier.from) {
    case "file":
      return declarations.some((declaration) => isDeclaredInFile(declaration, specifier.path, program));
    case "lib":
      return declarations.some((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile()));
    case "package":
      return declarations.some((declaration) => isDeclaredInPackage(declaration, specifier.package));
  }
}
