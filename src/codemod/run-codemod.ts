import { resolve } from "node:path";

import ts from "../core/typescript.cjs";

import { getAnalysisContext, getAnalysisOptions } from "../core/model/analysis-context.js";
import { findUntypedNodeImport, hasNodeTypes } from "../core/model/node-types.js";
import { MANUAL_REASONS } from "../core/fixes/rewrites.js";
import { mayContainStreamCall } from "../core/model/stream-calls.js";
import type { TextEdit } from "../core/fixes/text-edits.js";
import { applyEdits, mapToOriginalPositions, selectCompatibleGroups } from "./apply-edits.js";
import { EditableProgram } from "./editable-program.js";
import type { RuleSettingsLookup } from "./eslint-options.js";
import type { CodeStyleLookup } from "./prettier-style.js";
import { readDiskFile, writeFileAtomically, type DiskFile } from "./file-io.js";
import { findUncommittedFiles } from "./git-status.js";
import { assertSupportedTypeScript, loadProjects, type TsProject } from "./project.js";
import type { Transform } from "./transform.js";
import { TRANSFORMS } from "./transforms.js";

export interface CodemodOptions {
  /** The tsconfig whose program gives the types; its `references` are followed. */
  readonly tsconfig: string;
  /** Absolute paths of the files to rewrite. */
  readonly files: readonly string[];
  /** Change nothing on disk. */
  readonly dry: boolean;
  /** Write even into files with uncommitted changes. */
  readonly force: boolean;
  readonly transforms?: readonly Transform[];
  /** The plugin's rule settings the project's ESLint config gives each file (./eslint-options.js). */
  readonly ruleSettings?: RuleSettingsLookup;
  /** The code style the project's formatter sets for each file (./prettier-style.js); else each file's own. */
  readonly codeStyle?: CodeStyleLookup;
  /** Called as each file is looked at, for progress display. */
  readonly onFile?: (file: string, done: number, total: number) => void;
}

export type FileStatus = "changed" | "unchanged" | "skipped" | "failed";

/** A site a rule reports that the codemod rewrote, or left for a person with the reason. */
export interface SiteReport {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly rewritten: boolean;
  readonly reason?: string;
}

export interface FileReport {
  readonly file: string;
  status: FileStatus;
  reason?: string;
  /** The file's text before and after, for the files the codemod changes. */
  original?: string;
  rewritten?: string;
  sites: SiteReport[];
}

export interface CodemodReport {
  readonly files: FileReport[];
  /** Files the codemod would change that have uncommitted changes; set when it refused to write. */
  readonly uncommitted: readonly string[];
  /**
   * Files the codemod could not understand because no Node types are visible in them: every stream
   * would be `any`. When every file it looked at is one of them, it understood nothing.
   */
  readonly untyped: readonly string[];
  /** How many files it analysed with types: the ones that could contain a stream call. */
  readonly analysed: number;
}

/** Rewriting one site can move another: files get up to this many analysis passes. */
const MAX_PASSES = 3;
/** Why a site that could be rewritten still is not after the last pass. */
const OVERLAPPING_REASON = "its rewrite overlaps others in the same place: run the codemod again";

interface Candidate {
  readonly report: FileReport;
  /** The file's name as its program spells it. */
  readonly fileName: string;
  readonly disk: DiskFile;
  /** The edits of each pass, in the coordinates of the text that pass rewrote. */
  readonly passes: TextEdit[][];
}

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
  if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `line ${line + 1}:${character + 1}: TS${diagnostic.code}: ${message}`;
}

function countDiagnostics(diagnostics: readonly ts.Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) {
    const key = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function getPosition(node: ts.Node): { line: number; column: number } {
  const { line, character } = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart());
  return { line: line + 1, column: character + 1 };
}

function untypedReason(module: string): string {
  return (
    `no types for "${module}": every stream in this file would be \`any\`, so nothing can be recognised. ` +
    'Install @types/node and list "node" in compilerOptions.types (TypeScript 6 loads no @types package by itself)'
  );
}

/** The rewrites of the files of one TypeScript project, against one program kept up to date. */
class ProjectRun {
  private readonly program: EditableProgram;
  private readonly transforms: readonly Transform[];
  readonly candidates: Candidate[] = [];
  readonly untyped: string[] = [];
  /** The program before any rewrite, kept to learn which type errors files had already. */
  private originalProgram: ts.Program | undefined;

  constructor(
    project: TsProject,
    private readonly options: CodemodOptions,
  ) {
    this.program = new EditableProgram(project);
    this.transforms = options.transforms ?? TRANSFORMS;
  }

  /** Reads, checks and rewrites `reports`' files in memory; writing is the caller's. */
  run(reports: readonly FileReport[], onFile: (file: string) => void): void {
    this.collectCandidates(reports, onFile);
    let pending = this.candidates;
    for (let pass = 0; pass < MAX_PASSES && pending.length > 0; pass++) {
      pending = this.rewritePass(pending, pass);
    }
    this.verifyRewrites();
  }

  private collectCandidates(reports: readonly FileReport[], onFile: (file: string) => void): void {
    const program = this.program.getProgram();
    const checker = program.getTypeChecker();
    const nodeTypes = hasNodeTypes(program);
    for (const report of reports) {
      onFile(report.file);
      const sourceFile = program.getSourceFile(report.file);
      if (!sourceFile) {
        report.status = "skipped";
        report.reason = `not in ${this.options.tsconfig} or its references: add it to a tsconfig's "include", or pass --project`;
        continue;
      }
      let disk: DiskFile;
      try {
        disk = readDiskFile(report.file);
      } catch (error) {
        report.status = "failed";
        report.reason = `cannot read: ${(error as Error).message}`;
        continue;
      }
      const syntaxErrors = program.getSyntacticDiagnostics(sourceFile);
      if (syntaxErrors.length > 0) {
        report.status = "skipped";
        report.reason = `syntax error, ${describeDiagnostic(syntaxErrors[0])}`;
        continue;
      }
      if (!mayContainStreamCall(disk.text)) continue;
      const untyped = findUntypedNodeImport(sourceFile, checker)?.text ?? (nodeTypes ? undefined : "process");
      if (untyped !== undefined) {
        report.status = "skipped";
        report.reason = untypedReason(untyped);
        this.untyped.push(report.file);
        continue;
      }
      report.original = disk.text;
      this.candidates.push({ report, fileName: sourceFile.fileName, disk, passes: [] });
    }
  }

  private getSourceFile(candidate: Candidate, program: ts.Program): ts.SourceFile {
    return program.getSourceFile(candidate.fileName)!;
  }

  /**
   * The sites of one file: rewrites grouped per site, and the report of each. Each transform runs
   * with its rule's setting for the file in the project's ESLint config: off, or with its options.
   */
  private analyse(
    sourceFile: ts.SourceFile,
    file: string,
    program: ts.Program,
  ): { groups: TextEdit[][]; sites: SiteReport[] } {
    const groups: TextEdit[][] = [];
    const sites: SiteReport[] = [];
    const settings = this.options.ruleSettings?.(file);
    for (const transform of this.transforms) {
      const setting = settings?.get(transform.rule);
      if (settings && !setting?.enabled) continue;
      const options = setting?.options ?? transform.defaultOptions;
      const context = getAnalysisContext(program, {
        ...getAnalysisOptions(options),
        ...(this.options.codeStyle ? { codeStyle: this.options.codeStyle } : {}),
      });
      for (const site of transform.findSites(sourceFile, context, options)) {
        const position = getPosition(site.node);
        if (site.rewrite.kind === "edit") {
          groups.push([...site.rewrite.edits]);
          sites.push({ file, ...position, rule: transform.rule, rewritten: true });
        } else {
          sites.push({
            file,
            ...position,
            rule: transform.rule,
            rewritten: false,
            reason: MANUAL_REASONS[site.rewrite.reason],
          });
        }
      }
    }
    sites.sort((a, b) => a.line - b.line || a.column - b.column);
    return { groups, sites };
  }

  /**
   * Analyses every pending file against one program, and only then changes their texts: changing
   * a file invalidates the program, so interleaving would rebuild it once per file. Returns the
   * files that had rewrites left over because they overlapped others: a further pass may apply them.
   */
  private rewritePass(pending: readonly Candidate[], pass: number): Candidate[] {
    const program = this.program.getProgram();
    this.originalProgram ??= program;
    const updates: { sourceFile: ts.SourceFile; candidate: Candidate; text: string }[] = [];
    const again: Candidate[] = [];
    for (const candidate of pending) {
      const sourceFile = this.getSourceFile(candidate, program);
      const { groups, sites } = this.analyse(sourceFile, candidate.report.file, program);
      const rewrittenBefore = candidate.report.sites.filter((site) => site.rewritten);
      candidate.report.sites = pass === 0 ? sites : [...rewrittenBefore, ...sites];
      if (groups.length === 0) continue;
      const { chosen, deferred } = selectCompatibleGroups(groups);
      candidate.passes.push(chosen);
      updates.push({ sourceFile, candidate, text: applyEdits(sourceFile.text, chosen) });
      if (deferred > 0) again.push(candidate);
    }
    for (const { sourceFile, candidate, text } of updates) {
      this.program.setText(sourceFile, text);
      candidate.report.status = "changed";
    }
    return again;
  }

  /** Undoes the rewrite of any file that no longer parses or has type errors it did not have. */
  private verifyRewrites(): void {
    const changed = this.candidates.filter((candidate) => candidate.report.status === "changed");
    if (changed.length === 0) return;
    const program = this.program.getProgram();
    for (const candidate of changed) {
      const sourceFile = this.getSourceFile(candidate, program);
      const after = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
      const added = after.length === 0 ? [] : this.getAddedDiagnostics(candidate, after);
      if (added.length === 0) {
        candidate.report.rewritten = sourceFile.text;
        candidate.report.sites = this.getFinalSites(candidate, sourceFile, program);
        continue;
      }
      candidate.report.status = "skipped";
      candidate.report.reason = `the rewrite would add type errors (${describeDiagnostic(added[0])}); left unchanged`;
      candidate.report.sites = candidate.report.sites.map((site) =>
        site.rewritten ? { ...site, rewritten: false, reason: "the rewrite would add type errors" } : site,
      );
    }
  }

  /**
   * The sites rewritten, and what the rules still report in the rewritten file: a site listed in
   * an early pass may be gone (awaiting a write also takes it off before an exit). The sites left
   * are placed where a person finds them: in the rewritten file once it is written, in the file as
   * it is after a dry run.
   */
  private getFinalSites(candidate: Candidate, sourceFile: ts.SourceFile, program: ts.Program): SiteReport[] {
    let left = this.analyse(sourceFile, candidate.report.file, program).sites.map((site) =>
      site.rewritten ? { ...site, rewritten: false, reason: OVERLAPPING_REASON } : site,
    );
    if (this.options.dry) left = this.placeInOriginal(left, candidate, sourceFile);
    return [...candidate.report.sites.filter((site) => site.rewritten), ...left];
  }

  /** `sites`, found in the rewritten `sourceFile`, at their places in the file before the rewrite. */
  private placeInOriginal(sites: readonly SiteReport[], candidate: Candidate, sourceFile: ts.SourceFile): SiteReport[] {
    let offsets = sites.map((site) => sourceFile.getPositionOfLineAndCharacter(site.line - 1, site.column - 1));
    for (const edits of [...candidate.passes].reverse()) offsets = mapToOriginalPositions(offsets, edits);
    const original = this.getSourceFile(candidate, this.originalProgram!);
    return sites.map((site, index) => {
      const { line, character } = original.getLineAndCharacterOfPosition(offsets[index]);
      return { ...site, line: line + 1, column: character + 1 };
    });
  }

  /** The diagnostics in `after` that the file did not have before the rewrite. */
  private getAddedDiagnostics(candidate: Candidate, after: readonly ts.Diagnostic[]): ts.Diagnostic[] {
    const original = this.getSourceFile(candidate, this.originalProgram!);
    const remaining = countDiagnostics(this.originalProgram!.getSemanticDiagnostics(original));
    return after.filter((diagnostic) => {
      const [key] = countDiagnostics([diagnostic]).keys();
      const left = remaining.get(key) ?? 0;
      remaining.set(key, left - 1);
      return left <= 0;
    });
  }
}

/** Which project each file belongs to: the first whose `tsc -p` would compile it; the rest go to the first project with files. */
function assignFiles(projects: readonly TsProject[], files: readonly string[]): Map<TsProject, string[]> {
  const byProject = new Map<TsProject, string[]>();
  const owners = new Map<string, TsProject>();
  for (const project of [...projects].reverse()) {
    for (const fileName of project.fileNames) owners.set(resolve(fileName), project);
  }
  const fallback = projects.find((project) => project.fileNames.length > 0) ?? projects[0];
  for (const file of files) {
    const project = owners.get(file) ?? fallback;
    byProject.set(project, [...(byProject.get(project) ?? []), file]);
  }
  return byProject;
}

function writeChanged(candidates: readonly Candidate[], options: CodemodOptions): readonly string[] {
  const changed = candidates.filter((candidate) => candidate.report.status === "changed");
  if (options.dry || changed.length === 0) return [];
  if (!options.force) {
    const uncommitted = findUncommittedFiles(changed.map((candidate) => candidate.report.file));
    if (uncommitted.length > 0) return uncommitted;
  }
  for (const candidate of changed) {
    try {
      writeFileAtomically(candidate.report.file, candidate.report.rewritten!, candidate.disk);
    } catch (error) {
      candidate.report.status = "failed";
      candidate.report.reason = `cannot write: ${(error as Error).message}`;
    }
  }
  return [];
}

/**
 * Rewrites what the rules report in `options.files`, safely: see the codemod's README section.
 * Throws a `ProjectError` (./project.js) when the tsconfig or the TypeScript installed cannot be used.
 */
export function runCodemod(options: CodemodOptions): CodemodReport {
  assertSupportedTypeScript();
  const projects = loadProjects(options.tsconfig);
  const reports = options.files.map((file): FileReport => ({ file, status: "unchanged", sites: [] }));
  const reportOf = new Map(reports.map((report) => [report.file, report]));
  const candidates: Candidate[] = [];
  const untyped: string[] = [];
  let done = 0;
  for (const [project, files] of assignFiles(projects, options.files)) {
    const run = new ProjectRun(project, options);
    run.run(
      files.map((file) => reportOf.get(file)!),
      (file) => options.onFile?.(file, ++done, options.files.length),
    );
    candidates.push(...run.candidates);
    untyped.push(...run.untyped);
  }
  return { files: reports, uncommitted: writeChanged(candidates, options), untyped, analysed: candidates.length };
}
