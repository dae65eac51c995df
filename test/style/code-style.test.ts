import ts from "typescript";
import { describe, expect, it } from "vitest";

import { getAnalysisContext, getCodeStyle } from "../../src/core/model/analysis-context.js";
import {
  formatMultilineList,
  formatStatement,
  getDetectedCodeStyle,
  quote,
  type CodeStyle,
} from "../../src/core/fixes/code-style.js";

function parse(text: string, fileName = "file.ts"): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
}

const DEFAULT: CodeStyle = { quote: '"', semicolons: true, indent: "  ", trailingCommas: true, newLine: "\n" };

describe("the style read from a file", () => {
  it("is what the codemod wrote before when the file gives no evidence", () => {
    expect(getDetectedCodeStyle(parse(""))).toEqual(DEFAULT);
  });

  it("standard style: no semicolons, single quotes, no trailing commas", () => {
    const text = [
      "import { readFile } from 'node:fs/promises'",
      "",
      "const options = {",
      "  encoding: 'utf8'",
      "}",
      "",
      "export async function load (path: string) {",
      "  const text = await readFile(path, options)",
      "  return text.trim()",
      "}",
      "",
    ].join("\n");
    expect(getDetectedCodeStyle(parse(text))).toEqual({
      ...DEFAULT,
      quote: "'",
      semicolons: false,
      trailingCommas: false,
    });
  });

  it("the majority decides, and a tie keeps the default", () => {
    expect(getDetectedCodeStyle(parse("a('x');\nb('y');\nc(\"z\");\n")).quote).toBe("'");
    expect(getDetectedCodeStyle(parse("a('x');\nb(\"y\");\n")).quote).toBe('"');
    expect(getDetectedCodeStyle(parse("a()\nb()\nc();\n")).semicolons).toBe(false);
    expect(getDetectedCodeStyle(parse("a()\nb();\n")).semicolons).toBe(true);
  });

  it("a literal holding a quote mark, and JSX attributes, are no evidence for quotes", () => {
    expect(getDetectedCodeStyle(parse(`a("it's");\nb('x');\n`)).quote).toBe("'");
    expect(getDetectedCodeStyle(parse(`const e = <a href="x" title="y" />;\nb('x');\n`, "file.tsx")).quote).toBe("'");
  });

  it("a `;` opening the next line guards it: the statement before it has none of its own", () => {
    const style = getDetectedCodeStyle(parse("const a = b\n;[a].forEach(f)\nf(a)\n"));
    expect(style.semicolons).toBe(false);
  });

  it("indentation: tabs, or the smallest run of spaces", () => {
    expect(getDetectedCodeStyle(parse("if (a) {\n\tb();\n}\n")).indent).toBe("\t");
    expect(getDetectedCodeStyle(parse("if (a) {\n    if (b) {\n        c();\n    }\n}\n")).indent).toBe("    ");
    expect(getDetectedCodeStyle(parse("/**\n * Doc.\n */\nif (a) {\n  b();\n}\n")).indent).toBe("  ");
  });

  it("line endings: CRLF when the file has them", () => {
    expect(getDetectedCodeStyle(parse("a();\r\nb();\r\n")).newLine).toBe("\r\n");
  });

  it("trailing commas: counted in multi-line arrays, objects and argument lists only", () => {
    expect(getDetectedCodeStyle(parse("f(\n  a,\n  b\n);\nconst x = [\n  1\n];\n")).trailingCommas).toBe(false);
    expect(getDetectedCodeStyle(parse("f(\n  a,\n  b,\n);\nconst x = { a: 1, b: [2, 3] };\n")).trailingCommas).toBe(
      true,
    );
    expect(getDetectedCodeStyle(parse("const x = { a: 1 };\nf(a, () => {\n  g();\n});\n")).trailingCommas).toBe(true);
  });

  it("is read once per file", () => {
    const sourceFile = parse("a('x')\n");
    expect(getDetectedCodeStyle(sourceFile)).toBe(getDetectedCodeStyle(sourceFile));
  });
});

describe("inserted text", () => {
  it("a statement gets the style's terminator", () => {
    expect(formatStatement("s.end()", DEFAULT)).toBe("s.end();");
    expect(formatStatement("s.end()", { ...DEFAULT, semicolons: false })).toBe("s.end()");
  });

  it("without semicolons, a statement that would continue the line before starts with `;`", () => {
    const noSemicolons = { ...DEFAULT, semicolons: false };
    for (const text of ["(s as Socket).end()", "[a, b].forEach(f)", "`x`.trim()", "+x", "-x", "/x/.test(y)"]) {
      expect(formatStatement(text, noSemicolons)).toBe(`;${text}`);
    }
  });

  it("string literals take the style's quotes, escaped where needed", () => {
    expect(quote("drain", DEFAULT)).toBe('"drain"');
    expect(quote("drain", { ...DEFAULT, quote: "'" })).toBe("'drain'");
    expect(quote('it\'s \\ "x"', { ...DEFAULT, quote: "'" })).toBe("'it\\'s \\\\ \"x\"'");
  });

  it("a multi-line list ends with a comma only in a style that writes them", () => {
    expect(formatMultilineList(["a", "b"], "  ", DEFAULT)).toBe("  a,\n  b,");
    expect(formatMultilineList(["a", "b"], "\t", { ...DEFAULT, trailingCommas: false, newLine: "\r\n" })).toBe(
      "\ta,\r\n\tb",
    );
  });
});

describe("the style of a file in an analysis", () => {
  const program = ts.createProgram({ rootNames: [], options: {} });

  it("overrides from the options win over the style read from the file, field by field", () => {
    const sourceFile = parse("a('x')\nb('y')\n");
    const codeStyle = (fileName: string): Partial<CodeStyle> | undefined =>
      fileName === "file.ts" ? { semicolons: true, indent: "\t", quote: undefined } : undefined;
    const context = getAnalysisContext(program, { streamTypes: [], codeStyle });
    expect(getCodeStyle(sourceFile, context)).toEqual({ ...DEFAULT, quote: "'", semicolons: true, indent: "\t" });
    expect(getCodeStyle(parse("a('x')\n", "other.ts"), context)).toEqual({ ...DEFAULT, quote: "'", semicolons: false });
  });

  it("contexts differ by codeStyle function, which JSON cannot tell apart, and are shared for the same one", () => {
    const tabs = (): Partial<CodeStyle> => ({ indent: "\t" });
    const fourSpaces = (): Partial<CodeStyle> => ({ indent: "    " });
    const withTabs = getAnalysisContext(program, { streamTypes: [], codeStyle: tabs });
    const withFourSpaces = getAnalysisContext(program, { streamTypes: [], codeStyle: fourSpaces });
    expect(withTabs).not.toBe(withFourSpaces);
    expect(getAnalysisContext(program, { streamTypes: [], codeStyle: tabs })).toBe(withTabs);
    expect(getAnalysisContext(program, { streamTypes: [] })).not.toBe(withTabs);
    const sourceFile = parse("a();\n");
    expect(getCodeStyle(sourceFile, withTabs).indent).toBe("\t");
    expect(getCodeStyle(sourceFile, withFourSpaces).indent).toBe("    ");
  });
});
