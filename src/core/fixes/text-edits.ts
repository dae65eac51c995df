import ts from "../typescript.cjs";

import { startsWithAsiHazard, type CodeStyle } from "./code-style.js";

/** A replacement of `[start, end)` in a file's text: what both ESLint fixers and the codemod apply. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function insertBefore(node: ts.Node, text: string): TextEdit {
  const start = node.getStart();
  return { start, end: start, text };
}

export function replaceNode(node: ts.Node, text: string): TextEdit {
  return { start: node.getStart(), end: node.getEnd(), text };
}

/** The white space that starts the line `node` starts on. */
export function getIndentation(node: ts.Node): string {
  const sourceFile = node.getSourceFile();
  const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
  const lineStart = sourceFile.getPositionOfLineAndCharacter(line, 0);
  return /^[ \t]*/.exec(sourceFile.text.slice(lineStart, node.getStart()))![0];
}

/** Removes a whole statement, and its line when it stands alone on it. */
export function removeStatement(statement: ts.Statement): TextEdit {
  const sourceFile = statement.getSourceFile();
  const text = sourceFile.text;
  let start = statement.getStart();
  let end = statement.getEnd();
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = text.indexOf("\n", end);
  if (
    /^[ \t]*$/.test(text.slice(lineStart, start)) &&
    /^[ \t]*\r?$/.test(text.slice(end, lineEnd === -1 ? undefined : lineEnd))
  ) {
    start = lineStart;
    end = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  return { start, end, text: "" };
}

/**
 * Puts `lines` (statements formatted in `style`) before `statement`, each on its own line at the
 * statement's indentation. Where the statement is the unbraced body of an `if` or a loop, the new
 * statements and it are wrapped in braces so that they stay under the same condition.
 */
export function insertStatementsBefore(
  statement: ts.Statement,
  lines: readonly string[],
  style: CodeStyle,
): TextEdit[] {
  const { newLine } = style;
  // Without semicolons, `await finished(s)⏎(x as Socket).destroy()` would call the promise.
  const guard = !style.semicolons && lines.length > 0 && startsWithAsiHazard(statement.getText()) ? ";" : "";
  const parent = statement.parent;
  const isInBlock =
    ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseOrDefaultClause(parent) || ts.isModuleBlock(parent);
  if (isInBlock) {
    const indentation = getIndentation(statement);
    const text = lines.map((line) => `${line}${newLine}${indentation}`).join("");
    const start = statement.getStart();
    // `;(x as Socket).destroy()`: the lines go before the `;` that guards the statement already.
    if (guard && statement.getSourceFile().text[start - 1] === ";") return [{ start: start - 1, end: start - 1, text }];
    return [insertBefore(statement, `${text}${guard}`)];
  }
  const outer = getIndentation(parent);
  const inner = outer + style.indent;
  const end = statement.getEnd();
  return [
    insertBefore(statement, `{${newLine}${lines.map((line) => `${inner}${line}${newLine}`).join("")}${inner}${guard}`),
    { start: end, end, text: `${newLine}${outer}}` },
  ];
}

/**
 * Replaces `statement` with `text` (a statement formatted in `style`). Without semicolons, the
 * `;` that ends the statement on the next line, guarding that line, is kept.
 */
export function replaceStatement(statement: ts.Statement, text: string, style: CodeStyle): TextEdit {
  const end =
    !style.semicolons && ts.isExpressionStatement(statement) ? statement.expression.getEnd() : statement.getEnd();
  return { start: statement.getStart(), end, text };
}

/** Puts `lines` (statements formatted in `style`) after the last statement of `block`, at that statement's indentation. */
export function appendStatements(
  block: ts.Block | ts.SourceFile,
  lines: readonly string[],
  style: CodeStyle,
): TextEdit | undefined {
  const last = block.statements.at(-1);
  if (!last) return undefined;
  const indentation = getIndentation(last);
  const end = last.getEnd();
  return { start: end, end, text: lines.map((line) => `${style.newLine}${indentation}${line}`).join("") };
}
