import ts from "../typescript.cjs";

import { formatStatement, quote, startsWithAsiHazard, type CodeStyle } from "./code-style.js";
import { forEachDescendant, perSourceFile } from "../model/syntax.js";
import type { TextEdit } from "./text-edits.js";

export interface ImportRequest {
  /** The module as it should be written in a new import: `node:events`. */
  readonly module: string;
  /** The export wanted: `once`. */
  readonly name: string;
  /** The local name to use when `name` is taken by something else: `eventsOnce`. */
  readonly alias: string;
}

export interface ImportResult {
  /** How the code should refer to the export: `once`, `events.once`, or the alias. */
  readonly reference: string;
  /** The edit that adds the import; `undefined` when the file has it already. */
  readonly edit: TextEdit | undefined;
}

function isSameModule(specifier: ts.Expression, module: string): boolean {
  return ts.isStringLiteralLike(specifier) && specifier.text.replace(/^node:/, "") === module.replace(/^node:/, "");
}

function getRequiredModule(node: ts.Expression | undefined): ts.Expression | undefined {
  if (
    node &&
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === "require" &&
    node.arguments.length === 1
  ) {
    return node.arguments[0];
  }
  return undefined;
}

/**
 * The file's imports and `require` statements, in order: the only statements the import helpers
 * look at, found once per file rather than in every statement at every site.
 */
const getModuleStatements = perSourceFile((sourceFile) =>
  sourceFile.statements.filter(
    (statement) =>
      ts.isImportDeclaration(statement) ||
      (ts.isVariableStatement(statement) &&
        statement.declarationList.declarations.some((d) => getRequiredModule(d.initializer) !== undefined)),
  ),
);

/** The existing way to reach `request` in the file, if it imports the module already. */
function findExistingReference(sourceFile: ts.SourceFile, request: ImportRequest): string | undefined {
  for (const statement of getModuleStatements(sourceFile)) {
    if (ts.isImportDeclaration(statement) && isSameModule(statement.moduleSpecifier, request.module)) {
      const bindings = statement.importClause?.namedBindings;
      if (statement.importClause?.isTypeOnly || !bindings) continue;
      if (ts.isNamespaceImport(bindings)) return `${bindings.name.text}.${request.name}`;
      const element = bindings.elements.find(
        (e) => !e.isTypeOnly && (e.propertyName ?? e.name).getText() === request.name,
      );
      if (element) return element.name.text;
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const required = getRequiredModule(declaration.initializer);
        if (!required || !isSameModule(required, request.module)) continue;
        if (ts.isIdentifier(declaration.name)) return `${declaration.name.text}.${request.name}`;
        if (ts.isObjectBindingPattern(declaration.name)) {
          const element = declaration.name.elements.find((e) => (e.propertyName ?? e.name).getText() === request.name);
          if (element && ts.isIdentifier(element.name)) return element.name.text;
        }
      }
    }
  }
  return undefined;
}

/** `name`, or `name2`, `name3`... : the first that the file declares nowhere. */
export function getFreeName(sourceFile: ts.SourceFile, name: string): string {
  let candidate = name;
  for (let suffix = 2; isNameTaken(sourceFile, candidate); suffix++) candidate = `${name}${suffix}`;
  return candidate;
}

/** Every name the file declares anywhere (variables, functions, classes, parameters, imports): one walk per file. */
const getDeclaredNames = perSourceFile((sourceFile) => {
  const names = new Set<string>();
  forEachDescendant(sourceFile, (node) => {
    const parent = node.parent;
    const isDeclaredName =
      ts.isIdentifier(node) &&
      (ts.isVariableDeclaration(parent) ||
        ts.isFunctionDeclaration(parent) ||
        ts.isClassDeclaration(parent) ||
        ts.isParameter(parent) ||
        ts.isBindingElement(parent) ||
        ts.isImportSpecifier(parent) ||
        ts.isImportClause(parent) ||
        ts.isNamespaceImport(parent)) &&
      parent.name === node;
    if (isDeclaredName) names.add(node.text);
  });
  return names;
});

/** Whether the file declares `name` anywhere, so that importing it could clash or shadow. */
function isNameTaken(sourceFile: ts.SourceFile, name: string): boolean {
  return getDeclaredNames(sourceFile).has(name);
}

/** Whether the file should get `require()` rather than `import`: a CommonJS JavaScript file. */
function usesRequire(sourceFile: ts.SourceFile): boolean {
  const hasImports = getModuleStatements(sourceFile).some(ts.isImportDeclaration);
  const isJavaScript = /\.(c?js|jsx)$/.test(sourceFile.fileName);
  return !hasImports && isJavaScript && sourceFile.impliedNodeFormat !== ts.ModuleKind.ESNext;
}

/** Where a new import goes: after the last import or `require`, else before the first statement. */
function getInsertionPoint(sourceFile: ts.SourceFile): { position: number; after: boolean; before?: ts.Statement } {
  const last = getModuleStatements(sourceFile).at(-1);
  if (last) return { position: last.getEnd(), after: true };
  const first = sourceFile.statements.find((s) => !ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression));
  if (!first) return { position: sourceFile.getEnd(), after: true };
  // Not between a JSDoc comment and the declaration it documents (and types, in JavaScript).
  const comments = ts.getLeadingCommentRanges(sourceFile.text, first.getFullStart()) ?? [];
  const jsDoc = comments.find((comment) => sourceFile.text.startsWith("/**", comment.pos));
  return { position: jsDoc ? jsDoc.pos : first.getStart(), after: false, before: first };
}

/**
 * The last binding of an existing named import (`import { on } from "node:events"`) or destructured
 * `require` of the module, after which one more name can be added.
 */
function findMergeableBinding(sourceFile: ts.SourceFile, module: string): ts.Node | undefined {
  for (const statement of getModuleStatements(sourceFile)) {
    if (ts.isImportDeclaration(statement) && isSameModule(statement.moduleSpecifier, module)) {
      const bindings = statement.importClause?.namedBindings;
      if (!statement.importClause?.isTypeOnly && bindings && ts.isNamedImports(bindings)) {
        const last = bindings.elements.at(-1);
        if (last) return last;
      }
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const required = getRequiredModule(declaration.initializer);
        if (required && isSameModule(required, module) && ts.isObjectBindingPattern(declaration.name)) {
          const last = declaration.name.elements.at(-1);
          if (last) return last;
        }
      }
    }
  }
  return undefined;
}

/** The reference to use for `request` in `sourceFile`, and the edit that imports it (written in `style`) if needed. */
export function getImport(sourceFile: ts.SourceFile, request: ImportRequest, style: CodeStyle): ImportResult {
  const existing = findExistingReference(sourceFile, request);
  if (existing) return { reference: existing, edit: undefined };
  const local = isNameTaken(sourceFile, request.name) ? request.alias : request.name;
  const mergeable = findMergeableBinding(sourceFile, request.module);
  const separator = mergeable && ts.isBindingElement(mergeable) ? ":" : " as";
  if (mergeable) {
    const binding = local === request.name ? request.name : `${request.name}${separator} ${local}`;
    return { reference: local, edit: { start: mergeable.getEnd(), end: mergeable.getEnd(), text: `, ${binding}` } };
  }
  const binding =
    local === request.name ? request.name : `${request.name}${usesRequire(sourceFile) ? ":" : " as"} ${local}`;
  const specifier = quote(request.module, style);
  const statement = formatStatement(
    usesRequire(sourceFile)
      ? `const { ${binding} } = require(${specifier})`
      : `import { ${binding} } from ${specifier}`,
    style,
  );
  const { position, after, before } = getInsertionPoint(sourceFile);
  // Without semicolons, `require(…)⏎(async () => …)()` would call what `require` returns.
  const guard = !style.semicolons && before && startsWithAsiHazard(before.getText()) ? ";" : "";
  const text = after ? `${style.newLine}${statement}` : `${statement}${style.newLine}${guard}`;
  return { reference: local, edit: { start: position, end: position, text } };
}

export const ONCE_IMPORT: ImportRequest = { module: "node:events", name: "once", alias: "eventsOnce" };
export const FINISHED_IMPORT: ImportRequest = {
  module: "node:stream/promises",
  name: "finished",
  alias: "streamFinished",
};
