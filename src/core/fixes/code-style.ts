import ts from "../typescript.cjs";

/** How a file writes its code, so that inserted code reads as if it had been written there. */
export interface CodeStyle {
  readonly quote: "'" | '"';
  readonly semicolons: boolean;
  /** One indentation step: a tab, or a run of spaces. */
  readonly indent: string;
  /** Whether multi-line lists end with `,`. */
  readonly trailingCommas: boolean;
  readonly newLine: "\n" | "\r\n";
}

const detected = new WeakMap<ts.SourceFile, CodeStyle>();

/** One indentation step as the file writes it: a tab, or the smallest run of leading spaces. */
function getIndentUnit(text: string): string {
  // ` * ` continuation lines of block comments are not indentation.
  const indents = text.match(/^[ \t]+(?=[^\s*])/gm) ?? [];
  if (indents.some((indent) => indent.startsWith("\t"))) return "\t";
  const widths = indents.map((indent) => indent.length);
  return " ".repeat(widths.length > 0 ? Math.min(...widths) : 2);
}

/** Statements that end with `;` in a file that writes semicolons. */
function isTerminatedStatement(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.ExpressionStatement:
    case ts.SyntaxKind.VariableStatement:
    case ts.SyntaxKind.ReturnStatement:
    case ts.SyntaxKind.ThrowStatement:
    case ts.SyntaxKind.BreakStatement:
    case ts.SyntaxKind.ContinueStatement:
    case ts.SyntaxKind.ImportDeclaration:
    case ts.SyntaxKind.ExportDeclaration:
    case ts.SyntaxKind.ExportAssignment:
    case ts.SyntaxKind.TypeAliasDeclaration:
    case ts.SyntaxKind.PropertyDeclaration:
      return true;
    default:
      return false;
  }
}

/** The elements of a list between brackets, for the lists that may end with a trailing comma. */
function getBracketedList(node: ts.Node): ts.NodeArray<ts.Node> | undefined {
  if (ts.isArrayLiteralExpression(node)) return node.elements;
  if (ts.isObjectLiteralExpression(node)) return node.properties;
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return node.arguments;
  return undefined;
}

/**
 * Counts, in one walk over the file, the evidence for each choice. Ties and files without evidence
 * get double quotes, semicolons, two spaces, trailing commas and LF: what the codemod wrote before
 * it looked at styles.
 */
function detectCodeStyle(sourceFile: ts.SourceFile): CodeStyle {
  const { text } = sourceFile;
  let single = 0;
  let double = 0;
  let terminated = 0;
  let unterminated = 0;
  let withComma = 0;
  let withoutComma = 0;
  const visit = (node: ts.Node): void => {
    // A literal holding a quote mark took the other one to avoid escapes: no evidence.
    if (ts.isStringLiteral(node) && !ts.isJsxAttribute(node.parent) && !/['"]/.test(node.text)) {
      if (text.charCodeAt(node.getStart(sourceFile)) === 0x27) single++;
      else double++;
    } else if (isTerminatedStatement(node)) {
      // `foo()⏎;[a, b].forEach(…)`: a `;` opening the next line guards it; the statement has none of its own.
      if (text[node.end - 1] === ";" && !/\s/.test(text[node.end - 2] ?? "")) terminated++;
      else unterminated++;
    }
    const list = getBracketedList(node);
    if (list && list.length > 0 && text.slice(list.end, node.end - 1).includes("\n")) {
      if (list.hasTrailingComma) withComma++;
      else withoutComma++;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return {
    quote: single > double ? "'" : '"',
    semicolons: terminated >= unterminated,
    indent: getIndentUnit(text),
    trailingCommas: withComma >= withoutComma,
    newLine: text.includes("\r\n") ? "\r\n" : "\n",
  };
}

/** The style `sourceFile` is written in, read once per file. */
export function getDetectedCodeStyle(sourceFile: ts.SourceFile): CodeStyle {
  let style = detected.get(sourceFile);
  if (!style) {
    style = detectCodeStyle(sourceFile);
    detected.set(sourceFile, style);
  }
  return style;
}

/** `detected` with the fields `overrides` sets (a formatter's configuration) replaced. */
export function applyOverrides(detected: CodeStyle, overrides: Partial<CodeStyle> | undefined): CodeStyle {
  if (!overrides) return detected;
  const defined = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...detected, ...Object.fromEntries(defined) };
}

/**
 * Whether a line starting with `text` would continue the line before it when that line has no
 * `;`: standard style's rule for where a semicolon-free file still needs one.
 */
export function startsWithAsiHazard(text: string): boolean {
  return /^[([`+\-/]/.test(text);
}

/** `text` as a statement in `style`: with its `;`, or without, guarded where the line needs it. */
export function formatStatement(text: string, style: CodeStyle): string {
  if (style.semicolons) return `${text};`;
  return startsWithAsiHazard(text) ? `;${text}` : text;
}

/** `text` as a string literal in `style`'s quotes. */
export function quote(text: string, style: CodeStyle): string {
  const escaped = text.replace(/\\/g, "\\\\").replaceAll(style.quote, `\\${style.quote}`);
  return `${style.quote}${escaped}${style.quote}`;
}

/** The items of a list in brackets that spans lines, each at `indent`, with the style's trailing comma. */
export function formatMultilineList(items: readonly string[], indent: string, style: CodeStyle): string {
  const last = items.length - 1;
  return items
    .map((item, index) => `${indent}${item}${index < last || style.trailingCommas ? "," : ""}`)
    .join(style.newLine);
}
