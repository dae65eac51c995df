import { Project, type SourceFile } from "ts-morph";
import ts from "typescript";

import { getAnalysisContext, type AnalysisContext } from "../core/analysis-context.js";
import { MANUAL_REASONS } from "../core/rewrites.js";
import { mayContainStreamCall } from "../core/stream-calls.js";
import type { TextEdit } from "../core/text-edits.js";
import { applyEdits, selectCompatibleGroups } from "./apply-edits.js";
import { readDiskFile, writeFileAtomically, type DiskFile } from "./file-io.js";
import { findUncommittedFiles } from "./git-status.js";
import type { Transform } from "./transform.js";
import { TRANSFORMS } from "./transforms.js";

export interface CodemodOptions {
  /** The tsconfig whose program gives the types. */
  readonly tsconfig: string;
  /** Absolute paths of the files to rewrite. */
  readonly files: readonly string[];
  /** Change nothing on disk. */
  readonly dry: boolean;
  /** Write even into files with uncommitted changes. */
  readonly force: boolean;
  readonly transforms?: readonly Transform[];
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
}

/** Rewriting one site can move another: files get up to this many analysis passes. */
const MAX_PASSES = 3;

interface Candidate {
  readonly report: FileReport;
  readonly sourceFile: SourceFile;
  readonly disk: DiskFile;
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

function stripBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

class CodemodRun {
  private readonly project: Project;
  private readonly transforms: readonly Transform[];
  private readonly reports: FileReport[] = [];
  private readonly candidates: Candidate[] = [];
  /** The program before any rewrite, kept to learn which type errors files had already. */
  private originalProgram: ts.Program | undefined;

  constructor(private readonly options: CodemodOptions) {
    this.project = new Project({ tsConfigFilePath: options.tsconfig });
    this.transforms = options.transforms ?? TRANSFORMS;
  }

  run(): CodemodReport {
    this.collectCandidates();
    let pending = this.candidates;
    for (let pass = 0; pass < MAX_PASSES && pending.length > 0; pass++) {
      pending = this.rewritePass(pending, pass);
    }
    this.verifyRewrites();
    return this.write();
  }

  private collectCandidates(): void {
    const { files, onFile } = this.options;
    files.forEach((file, index) => {
      onFile?.(file, index + 1, files.length);
      const report: FileReport = { file, status: "unchanged", sites: [] };
      this.reports.push(report);
      const sourceFile = this.project.getSourceFile(file);
      if (!sourceFile) {
        report.status = "skipped";
        report.reason = `not in ${this.options.tsconfig}: add it to the tsconfig's "include", or pass --project`;
        return;
      }
      let disk: DiskFile;
      try {
        disk = readDiskFile(file);
      } catch (error) {
        report.status = "failed";
        report.reason = `cannot read: ${(error as Error).message}`;
        return;
      }
      const syntaxErrors = this.project.getProgram().compilerObject.getSyntacticDiagnostics(sourceFile.compilerNode);
      if (syntaxErrors.length > 0) {
        report.status = "skipped";
        report.reason = `syntax error, ${describeDiagnostic(syntaxErrors[0]!)}`;
        return;
      }
      if (!mayContainStreamCall(disk.text)) return;
      report.original = disk.text;
      this.candidates.push({ report, sourceFile, disk });
    });
  }

  /** Gives the program a file's new text exactly as it is: ts-morph's `replaceWithText` would normalise line endings. */
  private setText(candidate: Candidate, text: string): void {
    this.project.createSourceFile(candidate.report.file, text, { overwrite: true });
  }

  /** The sites of one file: rewrites grouped per site, and the report of each. */
  private analyse(candidate: Candidate, context: AnalysisContext): { groups: TextEdit[][]; sites: SiteReport[] } {
    const sourceFile = candidate.sourceFile.compilerNode;
    const groups: TextEdit[][] = [];
    const sites: SiteReport[] = [];
    for (const transform of this.transforms) {
      for (const site of transform.findSites(sourceFile, context)) {
        const position = getPosition(site.node);
        if (site.rewrite.kind === "edit") {
          groups.push([...site.rewrite.edits]);
          sites.push({ file: candidate.report.file, ...position, rule: transform.rule, rewritten: true });
        } else {
          sites.push({
            file: candidate.report.file,
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
   * ts-morph's program typed as the tree's `typescript`: the same version (checked by
   * test/meta/typescript-versions.test.ts), but two copies, whose types the checker would otherwise
   * compare structurally, deeply enough to give up ("excessive stack depth").
   */
  private getProgram(): ts.Program {
    return this.project.getProgram().compilerObject as unknown as ts.Program;
  }

  /**
   * Analyses every pending file against one program, and only then changes their texts: changing
   * a file invalidates the program, so interleaving would rebuild it once per file. Returns the
   * files that had rewrites left over because they overlapped others: a further pass may apply them.
   */
  private rewritePass(pending: readonly Candidate[], pass: number): Candidate[] {
    const program = this.getProgram();
    this.originalProgram ??= program;
    const context = getAnalysisContext(program, { streamTypes: [] });
    const updates: { candidate: Candidate; text: string }[] = [];
    const again: Candidate[] = [];
    for (const candidate of pending) {
      const { groups, sites } = this.analyse(candidate, context);
      const rewrittenBefore = candidate.report.sites.filter((site) => site.rewritten);
      candidate.report.sites = pass === 0 ? sites : [...rewrittenBefore, ...sites];
      if (groups.length === 0) continue;
      const { chosen, deferred } = selectCompatibleGroups(groups);
      updates.push({ candidate, text: applyEdits(candidate.sourceFile.getFullText(), chosen) });
      if (deferred > 0) again.push(candidate);
    }
    for (const { candidate, text } of updates) {
      this.setText(candidate, text);
      candidate.report.status = "changed";
    }
    return again;
  }

  /** Undoes the rewrite of any file that no longer parses or has type errors it did not have. */
  private verifyRewrites(): void {
    const changed = this.candidates.filter((candidate) => candidate.report.status === "changed");
    if (changed.length === 0) return;
    const program = this.getProgram();
    for (const candidate of changed) {
      const sourceFile = candidate.sourceFile.compilerNode;
      const after = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
      if (after.length === 0) {
        candidate.report.rewritten = stripBom(candidate.sourceFile.getFullText());
        continue;
      }
      // Only now is it worth checking the original: a rewrite may not add to the errors it had.
      const original = this.originalProgram!.getSourceFile(candidate.sourceFile.getFilePath())!;
      const remaining = countDiagnostics(this.originalProgram!.getSemanticDiagnostics(original));
      const added = after.filter((diagnostic) => {
        const [key] = countDiagnostics([diagnostic]).keys();
        const left = remaining.get(key!) ?? 0;
        remaining.set(key!, left - 1);
        return left <= 0;
      });
      if (added.length === 0) {
        candidate.report.rewritten = stripBom(candidate.sourceFile.getFullText());
        continue;
      }
      this.setText(candidate, candidate.disk.text);
      candidate.report.status = "skipped";
      candidate.report.reason = `the rewrite would add type errors (${describeDiagnostic(added[0]!)}); left unchanged`;
      candidate.report.sites = candidate.report.sites.map((site) =>
        site.rewritten ? { ...site, rewritten: false, reason: "the rewrite would add type errors" } : site,
      );
    }
  }

  private write(): CodemodReport {
    const changed = this.candidates.filter((candidate) => candidate.report.status === "changed");
    if (this.options.dry || changed.length === 0) return { files: this.reports, uncommitted: [] };
    if (!this.options.force) {
      const uncommitted = findUncommittedFiles(changed.map((candidate) => candidate.report.file));
      if (uncommitted.length > 0) return { files: this.reports, uncommitted };
    }
    for (const candidate of changed) {
      try {
        writeFileAtomically(candidate.report.file, candidate.report.rewritten!, candidate.disk);
      } catch (error) {
        candidate.report.status = "failed";
        candidate.report.reason = `cannot write: ${(error as Error).message}`;
      }
    }
    return { files: this.reports, uncommitted: [] };
  }
}

/** Rewrites what the rules report in `options.files`, safely: see the codemod's README section. */
export function runCodemod(options: CodemodOptions): CodemodReport {
  return new CodemodRun(options).run();
}
