import ts from "typescript";

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

/** One indentation step as the file writes it: a tab, or the smallest run of leading spaces. */
export function getIndentUnit(sourceFile: ts.SourceFile): string {
  // ` * ` continuation lines of block comments are not indentation.
  const indents = sourceFile.text.match(/^[ \t]+(?=[^\s*])/gm) ?? [];
  if (indents.some((indent) => indent.startsWith("\t"))) return "\t";
  const widths = indents.map((indent) => indent.length);
  return " ".repeat(widths.length > 0 ? Math.min(...widths) : 2);
}

/** The line terminator the file uses. */
export function getNewLine(sourceFile: ts.SourceFile): string {
  return sourceFile.text.includes("\r\n") ? "\r\n" : "\n";
}

/** Removes a whole statement, and its line when it stands alone on it. */
export function removeStatement(statement: ts.Statement): TextEdit {
  const sourceFile = statement.getSourceFile();
  const text = sourceFile.text;
  let start = statement.getStart();
  let end = statement.getEnd();
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = text.indexOf("\n", end);
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*\r?$/.test(text.slice(end, lineEnd === -1 ? undefined : lineEnd))) {
    start = lineStart;
    end = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  return { start, end, text: "" };
}

/**
 * Puts `lines` (statements) before `statement`, each on its own line at the statement's
 * indentation. Where the statement is the unbraced body of an `if` or a loop, the new statements
 * and it are wrapped in braces so that they stay under the same condition.
 */
export function insertStatementsBefore(statement: ts.Statement, lines: readonly string[]): TextEdit[] {
  const sourceFile = statement.getSourceFile();
  const newLine = getNewLine(sourceFile);
  const parent = statement.parent;
  const isInBlock = ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseOrDefaultClause(parent) || ts.isModuleBlock(parent);
  if (isInBlock) {
    const indentation = getIndentation(statement);
    return [insertBefore(statement, lines.map((line) => `${line}${newLine}${indentation}`).join(""))];
  }
  const outer = getIndentation(parent);
  const inner = outer + getIndentUnit(sourceFile);
  const end = statement.getEnd();
  return [
    insertBefore(statement, `{${newLine}${lines.map((line) => `${inner}${line}${newLine}`).join("")}${inner}`),
    { start: end, end, text: `${newLine}${outer}}` },
  ];
}

/**
 * Replaces `statement` with `lines`, each on its own line at the statement's indentation, in
 * braces where the statement is the unbraced body of an `if` or a loop.
 */
export function replaceStatementWith(statement: ts.Statement, lines: readonly string[]): TextEdit[] {
  const [insert, close] = insertStatementsBefore(statement, lines.slice(0, -1));
  const last = lines.at(-1) ?? "";
  const replaced = { start: statement.getStart(), end: statement.getEnd(), text: `${insert!.text}${last}` };
  return close ? [replaced, close] : [replaced];
}

/** Puts `lines` after the last statement of `block`, at that statement's indentation. */
export function appendStatements(block: ts.Block | ts.SourceFile, lines: readonly string[]): TextEdit | undefined {
  const last = block.statements.at(-1);
  if (!last) return undefined;
  const newLine = getNewLine(block.getSourceFile());
  const indentation = getIndentation(last);
  const end = last.getEnd();
  return { start: end, end, text: lines.map((line) => `${newLine}${indentation}${line}`).join("") };
}
