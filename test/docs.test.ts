import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { ESLintUtils, type TSESLint } from "@typescript-eslint/utils";
import type { JSONSchema4 } from "@typescript-eslint/utils/json-schema";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import ts from "typescript";
import { describe, expect, it } from "vitest";

import plugin from "../src/index.js";
import { fixturesDir } from "./rule-tester.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const docsDir = path.join(root, "docs", "rules");
const rulesDir = path.join(root, "rules");
const ruleTestsDir = path.join(root, "test", "rules");

/** The examples are linted as this file of the fixture project, as the rule tests' code is. */
const exampleFile = path.join(fixturesDir, "file.ts");

type Rule = (typeof plugin.rules)[keyof typeof plugin.rules];
type Expectation = "incorrect" | "correct";

interface Example {
  /** 1-based line of the opening fence in the doc. */
  readonly line: number;
  readonly code: string;
  /** `undefined` for a block that says neither: the test for it fails. */
  readonly expect: Expectation | undefined;
  /** Rule options given by an `<!-- example: incorrect {"streamTypes": [...]} -->` comment. */
  readonly options: readonly unknown[];
}

const ruleNames = Object.keys(plugin.rules).sort();

function readDoc(name: string): string {
  return readFileSync(path.join(docsDir, `${name}.md`), "utf8");
}

const SECTION_EXPECTATIONS: Readonly<Record<string, Expectation>> = { Incorrect: "incorrect", Correct: "correct" };
const EXAMPLE_COMMENT = /^<!--\s*example:\s*(incorrect|correct)\b(.*?)-->\s*$/;

/**
 * Every ```ts block of a doc. A block is incorrect or correct by the `## Incorrect` or `## Correct`
 * section it sits in, or by an `<!-- example: incorrect|correct [options JSON] -->` comment on the
 * line before it (for examples elsewhere, or that need options). Any other ```ts block fails its
 * test: every TypeScript example in the docs is linted.
 */
function extractExamples(markdown: string): Example[] {
  const lines = markdown.split("\n");
  const examples: Example[] = [];
  let section: string | undefined;
  let annotation: { expect: Expectation; options: unknown[] } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const heading = /^## (.+?)\s*$/.exec(line);
    if (heading) {
      section = heading[1];
      continue;
    }
    const comment = EXAMPLE_COMMENT.exec(line);
    if (comment) {
      const optionsText = comment[2].trim();
      annotation = {
        expect: comment[1] as Expectation,
        options: optionsText === "" ? [] : [JSON.parse(optionsText) as unknown],
      };
      continue;
    }
    const fence = /^(`{3,})(\S*)/.exec(line);
    if (!fence) {
      if (line.trim() !== "") annotation = undefined;
      continue;
    }
    const [, ticks, language] = fence;
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !lines[index].startsWith(ticks); index++) body.push(lines[index]);
    if (language !== "ts") {
      annotation = undefined;
      continue;
    }
    const expectation = annotation?.expect ?? (section === undefined ? undefined : SECTION_EXPECTATIONS[section]);
    examples.push({
      line: start + 1,
      code: `${body.join("\n")}\n`,
      expect: expectation,
      options: annotation?.options ?? [],
    });
    annotation = undefined;
  }
  return examples;
}

/** Reports TypeScript's own errors in the linted file, so that every example is type-correct too. */
const typeCheckRule: TSESLint.RuleModule<"diagnostic"> = {
  defaultOptions: [],
  meta: { type: "problem", messages: { diagnostic: "TS{{code}}: {{text}}" }, schema: [] },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    return {
      Program(node) {
        const sourceFile = services.esTreeNodeToTSNodeMap.get(node);
        const diagnostics = [
          ...services.program.getSyntacticDiagnostics(sourceFile),
          ...services.program.getSemanticDiagnostics(sourceFile),
        ];
        for (const diagnostic of diagnostics) {
          const start = diagnostic.start ?? 0;
          context.report({
            loc: context.sourceCode.getLocFromIndex(start),
            messageId: "diagnostic",
            data: { code: diagnostic.code, text: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n") },
          });
        }
      },
    };
  },
};

const linter = new Linter({ configType: "flat", cwd: fixturesDir });

function lintExample(ruleName: string, example: Example): Linter.LintMessage[] {
  const config: Linter.Config[] = [
    {
      files: ["**/*.ts"],
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: { projectService: true, tsconfigRootDir: fixturesDir },
      },
      plugins: {
        flush: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string],
        docs: { rules: { "type-check": typeCheckRule } } as unknown as NonNullable<Linter.Config["plugins"]>[string],
      },
      rules: {
        [`flush/${ruleName}`]: ["error", ...example.options] as Linter.RuleEntry,
        "docs/type-check": "error",
      },
    },
  ];
  return linter.verify(example.code, config, { filename: exampleFile });
}

function describeMessages(messages: readonly Linter.LintMessage[]): string {
  return messages
    .map((message) => `${message.line}:${message.column} ${message.ruleId ?? "(parser)"}: ${message.message}`)
    .join("\n");
}

describe("rule doc examples", () => {
  for (const name of ruleNames) {
    describe(name, () => {
      const examples = existsSync(path.join(docsDir, `${name}.md`)) ? extractExamples(readDoc(name)) : [];

      it("has incorrect and correct examples", () => {
        expect(examples.some((example) => example.expect === "incorrect")).toBe(true);
        expect(examples.some((example) => example.expect === "correct")).toBe(true);
      });

      for (const example of examples) {
        it(`${example.expect ?? "unclassified"} example on line ${example.line}`, () => {
          expect(
            example.expect,
            "a ```ts block outside ## Incorrect and ## Correct needs an <!-- example: ... --> comment",
          ).toBeDefined();
          const messages = lintExample(name, example);
          const problems = messages.filter((message) => message.fatal === true || message.ruleId !== `flush/${name}`);
          expect(describeMessages(problems), "parse errors, TypeScript errors or other problems").toBe("");
          const reports = messages.filter((message) => message.ruleId === `flush/${name}`);
          if (example.expect === "incorrect") {
            expect(reports.length, `flush/${name} reports nothing in:\n${example.code}`).toBeGreaterThan(0);
          } else {
            expect(describeMessages(reports), `flush/${name} reports a correct example`).toBe("");
          }
        });
      }
    });
  }
});

function readPackageJson(): { name: string; version: string } {
  return JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { name: string; version: string };
}

function baseNames(dir: string, suffix: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith(suffix))
        .map((file) => file.slice(0, -suffix.length))
        .sort()
    : [];
}

/** The option names a rule's schema declares: the properties of each object in `meta.schema`. */
function getOptionNames(rule: Rule): string[] {
  const schema = rule.meta.schema as JSONSchema4 | readonly JSONSchema4[] | undefined;
  const items = Array.isArray(schema) ? schema : schema ? [schema] : [];
  return (items as JSONSchema4[]).flatMap((item) => Object.keys((item as { properties?: object }).properties ?? {}));
}

/** The configs a rule belongs in, by its `meta.docs.recommended`: `recommended` rules are in `strict` too. */
function getExpectedConfigs(rule: Rule): Set<string> {
  const recommended: unknown = rule.meta.docs?.recommended;
  if (recommended === "recommended") return new Set(["recommended", "strict"]);
  if (recommended === "strict") return new Set(["strict"]);
  if (typeof recommended === "object" && recommended !== null) {
    return new Set((recommended as { recommended?: boolean }).recommended ? ["recommended", "strict"] : ["strict"]);
  }
  return new Set();
}

function isEnabled(entry: unknown): boolean {
  const severity: unknown = Array.isArray(entry) ? entry[0] : entry;
  return severity !== undefined && severity !== "off" && severity !== 0;
}

describe("rule metadata", () => {
  it("has the package's name and version", () => {
    const { name, version } = readPackageJson();
    expect(plugin.meta.name).toBe(name);
    expect(plugin.meta.version).toBe(version);
  });

  it("names every rule the same in rules/, the plugin and docs/rules/", async () => {
    expect(baseNames(rulesDir, ".ts")).toEqual(ruleNames);
    expect(baseNames(docsDir, ".md")).toEqual(ruleNames);
    // Each rule's tests are test/rules/<rule>.test.ts or the files of test/rules/<rule>/.
    for (const entry of readdirSync(ruleTestsDir)) expect(ruleNames).toContain(entry.replace(/\.test\.ts$/, ""));
    for (const name of ruleNames) {
      const module = (await import(pathToFileURL(path.join(rulesDir, `${name}.ts`)).href)) as { default: Rule };
      expect(module.default, `rules/${name}.ts is the plugin's ${name}`).toBe(
        plugin.rules[name as keyof typeof plugin.rules],
      );
    }
  });

  for (const name of ruleNames) {
    describe(name, () => {
      const rule = plugin.rules[name as keyof typeof plugin.rules];

      it("has its tests in test/rules/", () => {
        const folder = path.join(ruleTestsDir, name);
        const tests = [
          ...(existsSync(path.join(ruleTestsDir, `${name}.test.ts`)) ? [`${name}.test.ts`] : []),
          ...baseNames(folder, ".test.ts"),
        ];
        expect(tests, `test/rules/${name}.test.ts or test files in test/rules/${name}/`).not.toEqual([]);
      });

      it("is named after its key and links to its doc", () => {
        expect((rule as { name?: string }).name).toBe(name);
        expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
      });

      it("requires type checking and has a description", () => {
        expect(rule.meta.docs?.requiresTypeChecking).toBe(true);
        expect(rule.meta.docs?.description.trim() ?? "").not.toBe("");
      });

      it("has its options documented", () => {
        const doc = readDoc(name);
        for (const option of getOptionNames(rule)) {
          expect(doc, `docs/rules/${name}.md mentions \`${option}\``).toContain(`\`${option}\``);
        }
      });

      it("is in the configs its meta.docs.recommended names, and in no other", () => {
        const expected = getExpectedConfigs(rule);
        for (const config of ["recommended", "strict"] as const) {
          const rules = (plugin.configs[config].rules ?? {}) as Record<string, unknown>;
          expect(isEnabled(rules[`flush/${name}`]), `${config} enables flush/${name}`).toBe(expected.has(config));
        }
      });
    });
  }

  it("enables in its configs only rules of this plugin", () => {
    for (const config of ["recommended", "strict"] as const) {
      for (const [key, entry] of Object.entries(plugin.configs[config].rules ?? {})) {
        if (isEnabled(entry)) expect(ruleNames.map((name) => `flush/${name}`)).toContain(key);
      }
    }
  });
});
