import ts from "../core/typescript.cjs";

import type { TsProject } from "./project.js";

/**
 * A TypeScript program over one project whose files' texts can be replaced in memory. Built with
 * the `typescript` the analysis imports (the user's own), so that the program sees the types the
 * user's `tsc` sees (its `types` defaults, its lib files) and every syntax kind and type flag
 * means the same to the analysis as to the program.
 *
 * Source files are made once and kept, so a rebuild after a text change reuses every unchanged
 * file (TypeScript compares them by identity) and binds only the changed ones again.
 */
export class EditableProgram {
  private readonly host: ts.CompilerHost;
  private readonly sourceFiles = new Map<string, ts.SourceFile>();
  private readonly texts = new Map<string, string>();
  private program: ts.Program | undefined;
  private previous: ts.Program | undefined;

  constructor(private readonly project: TsProject) {
    const host = ts.createCompilerHost(project.options, true);
    const readSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
      const cached = this.sourceFiles.get(fileName);
      if (cached) return cached;
      const text = this.texts.get(fileName);
      const sourceFile =
        text === undefined
          ? readSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile)
          : ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
      if (sourceFile) this.sourceFiles.set(fileName, sourceFile);
      return sourceFile;
    };
    this.host = host;
  }

  getProgram(): ts.Program {
    this.program ??= ts.createProgram({
      rootNames: this.project.fileNames,
      options: this.project.options,
      projectReferences: this.project.projectReferences,
      host: this.host,
      oldProgram: this.previous,
    });
    return this.program;
  }

  /** Gives the program `text` for the file, exactly as it is (line endings included). */
  setText(sourceFile: ts.SourceFile, text: string): void {
    this.texts.set(sourceFile.fileName, text);
    this.sourceFiles.delete(sourceFile.fileName);
    this.previous = this.program ?? this.previous;
    this.program = undefined;
  }
}
