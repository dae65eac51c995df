/**
 * The codemod against its fixtures: test/fixtures/codemods/<transform>/<case>.input.ts must come
 * out as <case>.output.ts byte for byte, and `unchanged-<case>.input.ts` must come out as it went
 * in. Every input goes into one temporary project and through one dry run of the codemod; a second
 * run over the outputs must change nothing; the outputs must type-check as well as their inputs;
 * and the transforms must find nothing left to rewrite in them.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import awaitDiscardedResult from "../../codemods/await-discarded-result.js";
import flushBeforeShutdown from "../../codemods/flush-before-shutdown.js";
import waitForDrain from "../../codemods/wait-for-drain.js";
import { runCodemod, type FileReport } from "../../src/codemod/run-codemod.js";
import type { Transform } from "../../src/codemod/transform.js";
import { getAnalysisContext, getAnalysisOptions } from "../../src/core/model/analysis-context.js";
import { MANUAL_REASONS, type ManualReason, type Rewrite } from "../../src/core/fixes/rewrites.js";

const fixturesDir = fileURLToPath(new URL("../fixtures/codemods", import.meta.url));
const nodeModulesDir = fileURLToPath(new URL("../../node_modules", import.meta.url));

const TRANSFORMS: readonly Transform[] = [awaitDiscardedResult, flushBeforeShutdown, waitForDrain];

interface Fixture {
  /** The folder: the transform's name. */
  readonly transform: string;
  /** The file name without `.input.ts`. */
  readonly name: string;
  readonly input: string;
  /** The expected text: the .output.ts, or the input itself for `unchanged-` cases. */
  readonly expected: string;
  readonly unchanged: boolean;
  /** For `unchanged-` cases: the reasons every site is left for a person, from the first line. */
  readonly manualReasons: readonly string[];
}

/** The first line of an `unchanged-` input: `// codemod: nothing to do`, or the reasons each site is left. */
const UNCHANGED_HEADER = /^\/\/ codemod: (?:nothing to do|left for a person \(([a-z-]+(?:, [a-z-]+)*)\))\r?\n/;

function readFixtures(): { fixtures: Fixture[]; problems: string[] } {
  const fixtures: Fixture[] = [];
  const problems: string[] = [];
  for (const transform of readdirSync(fixturesDir, { withFileTypes: true })) {
    if (!transform.isDirectory()) continue;
    const folder = join(fixturesDir, transform.name);
    const files = new Set(readdirSync(folder));
    for (const file of files) {
      const input = /^(.+)\.input\.ts$/.exec(file);
      const output = /^(.+)\.output\.ts$/.exec(file);
      if (output && !files.has(`${output[1]}.input.ts`)) problems.push(`${transform.name}/${file} has no .input.ts`);
      if (!input && !output) problems.push(`${transform.name}/${file} is neither an .input.ts nor an .output.ts`);
      if (!input) continue;
      const name = input[1];
      const unchanged = name.startsWith("unchanged-");
      const text = readFileSync(join(folder, file), "utf8");
      const hasOutput = files.has(`${name}.output.ts`);
      if (unchanged && hasOutput)
        problems.push(`${transform.name}/${name}: an unchanged- case must have no .output.ts`);
      if (!unchanged && !hasOutput) problems.push(`${transform.name}/${name}.input.ts has no .output.ts`);
      const header = UNCHANGED_HEADER.exec(text);
      if (unchanged && !header) {
        problems.push(
          `${transform.name}/${name}: the first line must be "// codemod: nothing to do" or "// codemod: left for a person (reason, ...)"`,
        );
      }
      fixtures.push({
        transform: transform.name,
        name,
        input: text,
        expected: hasOutput ? readFileSync(join(folder, `${name}.output.ts`), "utf8") : text,
        unchanged,
        manualReasons: header?.[1]?.split(", ") ?? [],
      });
    }
  }
  return { fixtures, problems };
}

const { fixtures, problems } = readFixtures();

const COMPILER_OPTIONS = {
  strict: true,
  module: "nodenext",
  moduleResolution: "nodenext",
  target: "es2022",
  lib: ["es2023", "dom"],
  types: ["node"],
  skipLibCheck: true,
  noEmit: true,
};

interface Setup {
  readonly root: string;
  readonly firstRun: ReadonlyMap<string, FileReport>;
  readonly secondRun: ReadonlyMap<string, FileReport>;
  readonly inputProgram: ts.Program;
  readonly outputProgram: ts.Program;
}

let setup: Setup | undefined;

function getSetup(): Setup {
  if (!setup) throw new Error("beforeAll did not finish");
  return setup;
}

/** Where a fixture's input and expected output sit in the temporary project, under one unique name. */
function getPaths(fixture: Fixture, root = getSetup().root): { inputPath: string; outputPath: string } {
  const unique = `${fixture.transform}__${fixture.name}.ts`;
  return { inputPath: join(root, "inputs", unique), outputPath: join(root, "outputs", unique) };
}

function writeTsconfig(root: string, name: string, folder: string): string {
  const path = join(root, name);
  writeFileSync(path, JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: [`${folder}/*.ts`] }, null, 2));
  return path;
}

function createProgram(tsconfig: string, oldProgram?: ts.Program): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!parsed || parsed.errors.length > 0) throw new Error(`cannot read ${tsconfig}`);
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, oldProgram });
}

function byFile(files: readonly FileReport[]): Map<string, FileReport> {
  return new Map(files.map((file) => [file.file, file]));
}

beforeAll(() => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "flush-codemod-fixtures-")));
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
  symlinkSync(nodeModulesDir, join(root, "node_modules"), "dir");
  mkdirSync(join(root, "inputs"));
  mkdirSync(join(root, "outputs"));
  for (const fixture of fixtures) {
    const { inputPath, outputPath } = getPaths(fixture, root);
    writeFileSync(inputPath, fixture.input);
    writeFileSync(outputPath, fixture.expected);
  }
  const inputsConfig = writeTsconfig(root, "tsconfig.inputs.json", "inputs");
  const outputsConfig = writeTsconfig(root, "tsconfig.outputs.json", "outputs");
  const firstRun = runCodemod({
    tsconfig: inputsConfig,
    files: fixtures.map((fixture) => getPaths(fixture, root).inputPath),
    dry: true,
    force: false,
  });
  const secondRun = runCodemod({
    tsconfig: outputsConfig,
    files: fixtures.filter((fixture) => !fixture.unchanged).map((fixture) => getPaths(fixture, root).outputPath),
    dry: true,
    force: false,
  });
  const inputProgram = createProgram(inputsConfig);
  const outputProgram = createProgram(outputsConfig, inputProgram);
  setup = {
    root,
    firstRun: byFile(firstRun.files),
    secondRun: byFile(secondRun.files),
    inputProgram,
    outputProgram,
  };
});

afterAll(() => {
  if (setup) rmSync(setup.root, { recursive: true, force: true });
});

function getReport(runs: ReadonlyMap<string, FileReport>, path: string): FileReport {
  const report = runs.get(path);
  if (!report) throw new Error(`the codemod did not report ${path}`);
  return report;
}

/** What a file's diagnostics say, without positions: the rewrite may move them. */
function describeDiagnostics(program: ts.Program, path: string): string[] {
  const sourceFile = program.getSourceFile(path);
  if (!sourceFile) throw new Error(`${path} is not in the program`);
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]
    .map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`)
    .sort();
}

interface SitePosition {
  readonly rule: string;
  readonly line: number;
  readonly column: number;
}

interface FoundSite extends SitePosition {
  readonly rewrite: Rewrite;
}

function bySitePosition(a: SitePosition, b: SitePosition): number {
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** Every site the rules report in a file, found by the codemod's own transforms. */
function findSites(program: ts.Program, path: string): FoundSite[] {
  const sourceFile = program.getSourceFile(path);
  if (!sourceFile) throw new Error(`${path} is not in the program`);
  return TRANSFORMS.flatMap((transform) => {
    // Per transform, as the codemod does: its rule's options may ask more of the analysis.
    const context = getAnalysisContext(program, getAnalysisOptions(transform.defaultOptions));
    return transform.findSites(sourceFile, context, transform.defaultOptions).map((site) => {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(site.node.getStart());
      return { rule: transform.rule, line: line + 1, column: character + 1, rewrite: site.rewrite };
    });
  });
}

function getReason(site: FoundSite): ManualReason | "edit" {
  return site.rewrite.kind === "edit" ? "edit" : site.rewrite.reason;
}

function describeSite(site: FoundSite): string {
  return `${site.line}:${site.column} ${site.rule} ${getReason(site)}`;
}

it("the fixture folders hold one folder per transform, and every input its output", () => {
  expect(problems).toEqual([]);
  const reasons = new Set(fixtures.flatMap((fixture) => fixture.manualReasons));
  expect([...reasons].filter((reason) => !Object.hasOwn(MANUAL_REASONS, reason))).toEqual([]);
  expect(new Set(fixtures.map((fixture) => fixture.transform))).toEqual(
    new Set(TRANSFORMS.map((transform) => transform.name)),
  );
  expect(fixtures.filter((fixture) => !fixture.unchanged).length).toBeGreaterThanOrEqual(40);
});

for (const transform of TRANSFORMS) {
  describe(transform.name, () => {
    for (const fixture of fixtures.filter((f) => f.transform === transform.name)) {
      describe(fixture.name, () => {
        it("the input is a type-correct module", () => {
          const { inputPath } = getPaths(fixture);
          expect(describeDiagnostics(getSetup().inputProgram, inputPath)).toEqual([]);
        });

        if (fixture.unchanged) {
          it("comes back byte for byte", () => {
            const { inputPath } = getPaths(fixture);
            const report = getReport(getSetup().firstRun, inputPath);
            expect(report.reason).toBeUndefined();
            if (report.status !== "unchanged") {
              expect(report.status).toBe("changed");
              expect(report.rewritten).toBe(fixture.input);
            }
          });

          it("every site the rules report is left for a person, for the reason its first line gives", () => {
            const { inputPath } = getPaths(fixture);
            const sites = findSites(getSetup().inputProgram, inputPath);
            expect(sites.filter((site) => site.rewrite.kind === "edit").map(describeSite)).toEqual([]);
            expect(sites.map(getReason).sort()).toEqual([...fixture.manualReasons].sort());
          });

          it("the codemod's report lists every site with the reason it was left", () => {
            const { inputPath } = getPaths(fixture);
            const report = getReport(getSetup().firstRun, inputPath);
            const expected = findSites(getSetup().inputProgram, inputPath).map((site) => ({
              line: site.line,
              column: site.column,
              rule: site.rule,
              rewritten: false,
              reason: site.rewrite.kind === "manual" ? MANUAL_REASONS[site.rewrite.reason] : "(rewritten)",
            }));
            const listed = report.sites.map(({ line, column, rule, rewritten, reason }) => ({
              line,
              column,
              rule,
              rewritten,
              reason,
            }));
            expect(listed.sort(bySitePosition)).toEqual(expected.sort(bySitePosition));
          });
          return;
        }

        it("is rewritten to the .output.ts byte for byte", () => {
          const { inputPath } = getPaths(fixture);
          const report = getReport(getSetup().firstRun, inputPath);
          expect(report.reason).toBeUndefined();
          expect(report.status).toBe("changed");
          expect(report.rewritten).toBe(fixture.expected);
        });

        it("a second run over the output changes nothing", () => {
          const { outputPath } = getPaths(fixture);
          const report = getReport(getSetup().secondRun, outputPath);
          expect(report.reason).toBeUndefined();
          expect(report.status).toBe("unchanged");
        });

        it("the output has no type errors its input did not have", () => {
          const { inputPath, outputPath } = getPaths(fixture);
          const before = describeDiagnostics(getSetup().inputProgram, inputPath);
          const after = describeDiagnostics(getSetup().outputProgram, outputPath);
          const added = [...after];
          for (const diagnostic of before) {
            const index = added.indexOf(diagnostic);
            if (index !== -1) added.splice(index, 1);
          }
          expect(added).toEqual([]);
        });

        it("the rules find nothing in the output that the codemod would rewrite", () => {
          const { outputPath } = getPaths(fixture);
          const sites = findSites(getSetup().outputProgram, outputPath);
          expect(sites.filter((site) => site.rewrite.kind === "edit").map(describeSite)).toEqual([]);
        });

        it("the report lists as left exactly what the rules still report in the output, where it stands there", () => {
          const { inputPath, outputPath } = getPaths(fixture);
          const report = getReport(getSetup().firstRun, inputPath);
          const left = report.sites
            .filter((site) => !site.rewritten)
            .map(({ line, column, rule, reason }) => ({ line, column, rule, reason }));
          const expected = findSites(getSetup().outputProgram, outputPath).map((site) => ({
            line: site.line,
            column: site.column,
            rule: site.rule,
            reason: site.rewrite.kind === "manual" ? MANUAL_REASONS[site.rewrite.reason] : "(rewritable)",
          }));
          expect(left.sort(bySitePosition)).toEqual(expected.sort(bySitePosition));
        });
      });
    }
  });
}
