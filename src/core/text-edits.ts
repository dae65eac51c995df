import type ts from "typescript";

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
  const indents = sourceFile.text.match(/^[ \t]+(?=\S)/gm) ?? [];
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
