import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

import ts from "../core/typescript.cjs";

import { ProjectError } from "./project-error.js";

/** One TypeScript project: what `tsc -p <tsconfig>` would compile, with the options it would use. */
export interface TsProject {
  readonly tsconfig: string;
  readonly options: ts.CompilerOptions;
  readonly fileNames: readonly string[];
  readonly projectReferences: readonly ts.ProjectReference[] | undefined;
}

/**
 * The TypeScript versions whose compiler API the analysis is written and tested against: the
 * `typescript` peer range in package.json says the same (test/meta/typescript-versions.test.ts).
 */
export const SUPPORTED_TYPESCRIPT = { oldest: [5, 4], below: [6, 1] } as const;

export function isSupportedTypeScript(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const atLeast = (target: readonly [number, number]) =>
    major > target[0] || (major === target[0] && minor >= target[1]);
  return atLeast(SUPPORTED_TYPESCRIPT.oldest) && !atLeast(SUPPORTED_TYPESCRIPT.below);
}

/**
 * Fails unless the `typescript` this process loaded is one the analysis understands. The program
 * and the analysis both use this one copy: a second copy (a bundled compiler) would number syntax
 * kinds and type flags differently and silently understand nothing.
 */
export function assertSupportedTypeScript(): void {
  // TypeScript 7 (native) has no JavaScript compiler API: `createProgram` is missing, not just newer.
  if (typeof ts.createProgram !== "function" || !isSupportedTypeScript(ts.version ?? "")) {
    throw new ProjectError(
      `flush-codemod needs TypeScript's compiler API, TypeScript 5.4 to 6.0, and found ${ts.version ?? "none"} ` +
        "(the `typescript` package next to eslint-plugin-flush). Install one beside it, for example " +
        "`npm install --save-dev typescript@~6.0`, and run the codemod again.",
    );
  }
}

function describe(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ").replace(/\.$/, "");
  if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName}:${line + 1}:${character + 1}: TS${diagnostic.code}: ${message}`;
}

/** `tsconfig.json` in a folder, or the file itself: what `tsc -p` accepts. */
export function resolveTsconfigPath(path: string): string {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, "tsconfig.json") : path;
  if (!existsSync(file)) throw new ProjectError(`no such tsconfig: ${file}`);
  return resolve(file);
}

/** "No inputs were found": expected of a solution-style tsconfig, whose files are all in its references. */
const NO_INPUTS = 18003;

function parseTsconfig(tsconfig: string): TsProject {
  const read = ts.readConfigFile(tsconfig, (path) => ts.sys.readFile(path));
  if (read.error) throw new ProjectError(`cannot read ${tsconfig}: ${describe(read.error)}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfig), undefined, tsconfig);
  const errors = parsed.errors.filter((error) => !(error.code === NO_INPUTS && parsed.projectReferences?.length));
  if (errors.length > 0) {
    throw new ProjectError(
      `${tsconfig} has ${errors.length === 1 ? "an error" : `${errors.length} errors`} that tsc would report too: ` +
        `${errors.map(describe).join("; ")}. Fix the tsconfig, or pass --project with another one.`,
    );
  }
  return {
    tsconfig,
    options: parsed.options,
    fileNames: parsed.fileNames.filter((file) => !/\.d\.[cm]?ts$/.test(file)),
    projectReferences: parsed.projectReferences,
  };
}

/**
 * The projects of `tsconfig`, following `references` as `tsc -b` and the editor's project service
 * do: a solution-style root (`"files": []` with references) contributes only its references.
 * Each project once, whatever the cycles.
 */
export function loadProjects(tsconfig: string): TsProject[] {
  const projects: TsProject[] = [];
  const seen = new Set<string>();
  const visit = (path: string, referencedFrom: string | undefined) => {
    const file = resolve(path);
    if (seen.has(file)) return;
    seen.add(file);
    if (!existsSync(file)) {
      throw new ProjectError(`${referencedFrom} references ${file}, which does not exist: fix its "references"`);
    }
    const project = parseTsconfig(file);
    projects.push(project);
    for (const reference of project.projectReferences ?? []) visit(ts.resolveProjectReferencePath(reference), file);
  };
  visit(tsconfig, undefined);
  return projects;
}
