import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

import { SingleBar } from "cli-progress";
import { createTwoFilesPatch } from "diff";
import { createColors } from "picocolors";
import { glob, isDynamicPattern } from "tinyglobby";

import { loadRuleSettings } from "../codemod/eslint-options.js";
import { loadPrettierStyles } from "../codemod/prettier-style.js";
import { ProjectError } from "../codemod/project-error.js";
import type { CodemodReport, FileReport } from "../codemod/run-codemod.js";

/** Where the CLI reads and writes: the real process in the bin, buffers in tests. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export const EXIT_OK = 0;
export const EXIT_FILE_FAILED = 1;
export const EXIT_USAGE = 2;

const SOURCE_EXTENSIONS = "{ts,tsx,mts,cts,js,jsx,mjs,cjs}";
/** Below this many files a progress bar is noise. */
const PROGRESS_BAR_MIN_FILES = 20;

const USAGE = `Usage: flush-codemod [options] <files, folders or globs...>

Rewrites what eslint-plugin-flush reports so that data is flushed before streams shut down:
awaits discarded stream promises, ends and waits before destroy(), waits for stdout and
stderr before process.exit(), and waits for "drain" in write loops. It follows the project's
ESLint config for this plugin's rules and its Prettier config for the code it inserts. Sites
it cannot rewrite safely are listed for a person.

Options:
  --project <tsconfig>  the tsconfig (or its folder) giving the types; its references are
                        followed (default: the nearest tsconfig.json)
  --dry                 change nothing; print a unified diff of what would change
  --json                print a machine-readable report on stdout
  --force               also write into files with uncommitted git changes
  --help                show this help
  --version             show the version

Exit codes: 0 done, 1 a file could not be read or written, 2 usage or configuration error
(unknown option, no such path, a broken or missing tsconfig, no Node types, uncommitted changes).`;

class UsageError extends Error {}

function getVersion(): string {
  return (createRequire(import.meta.url)("eslint-plugin-flush/package.json") as { version: string }).version;
}

function findNearestTsconfig(from: string): string | undefined {
  for (let directory = from; ; directory = dirname(directory)) {
    const candidate = resolve(directory, "tsconfig.json");
    if (existsSync(candidate)) return candidate;
    if (dirname(directory) === directory) return undefined;
  }
}

async function resolveFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const path = resolve(cwd, pattern);
    if (existsSync(path) && statSync(path).isFile()) {
      files.add(path);
      continue;
    }
    const isFolder = existsSync(path) && statSync(path).isDirectory();
    if (!isFolder && !isDynamicPattern(pattern)) {
      throw new UsageError(`no such file or folder: ${pattern}`);
    }
    const matches = await glob(isFolder ? `**/*.${SOURCE_EXTENSIONS}` : pattern, {
      cwd: isFolder ? path : cwd,
      absolute: true,
      ignore: ["**/node_modules/**", "**/*.d.ts", "**/*.d.mts", "**/*.d.cts"],
    });
    for (const match of matches) files.add(resolve(match));
  }
  return [...files].sort();
}

function parseCliArgs(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        project: { type: "string" },
        dry: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
        version: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function createProgress(io: CliIo, total: number): ((file: string, done: number) => void) | undefined {
  if (!io.stderr.isTTY || total < PROGRESS_BAR_MIN_FILES) return undefined;
  const bar = new SingleBar({
    stream: io.stderr,
    format: "flush-codemod [{bar}] {value}/{total} {file}",
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { file: "" });
  return (file, done) => {
    bar.update(done, { file: relative(io.cwd, file) });
    if (done === total) bar.stop();
  };
}

function countByStatus(report: CodemodReport): Record<FileReport["status"], number> {
  const counts = { changed: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const file of report.files) counts[file.status]++;
  return counts;
}

function toJson(report: CodemodReport, cwd: string, dry: boolean): string {
  const rel = (file: string) => relative(cwd, file);
  return JSON.stringify(
    {
      dry,
      summary: { scanned: report.files.length, ...countByStatus(report) },
      uncommitted: report.uncommitted.map(rel),
      files: report.files.map((file) => ({
        file: rel(file.file),
        status: file.status,
        ...(file.reason === undefined ? {} : { reason: file.reason }),
        rewritten: file.sites.filter((site) => site.rewritten).length,
      })),
      manual: report.files.flatMap((file) =>
        file.sites
          .filter((site) => !site.rewritten)
          .map((site) => ({
            file: rel(site.file),
            line: site.line,
            column: site.column,
            rule: site.rule,
            reason: site.reason,
          })),
      ),
    },
    null,
    2,
  );
}

function printHuman(report: CodemodReport, io: CliIo, dry: boolean): void {
  const colors = createColors(io.stdout === process.stdout && process.stdout.isTTY === true);
  const rel = (file: string) => relative(io.cwd, file);
  const out = (line = "") => io.stdout.write(`${line}\n`);
  if (dry) {
    // One write: the texts are in memory already, and a write per file would ignore backpressure.
    const patches = report.files
      .filter((file) => file.status === "changed" && file.original !== undefined && file.rewritten !== undefined)
      .map((file) => createTwoFilesPatch(rel(file.file), rel(file.file), file.original!, file.rewritten!));
    io.stdout.write(patches.join(""));
  }
  const counts = countByStatus(report);
  const verb = dry ? "would change" : "changed";
  out(
    colors.bold(
      `flush-codemod: ${report.files.length} files scanned, ${counts.changed} ${verb}, ` +
        `${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.failed} failed`,
    ),
  );
  for (const file of report.files.filter((f) => f.status === "skipped" || f.status === "failed")) {
    const label = file.status === "failed" ? colors.red("failed ") : colors.yellow("skipped");
    out(`  ${label} ${rel(file.file)}: ${file.reason ?? ""}`);
  }
  const manual = report.files.flatMap((file) => file.sites.filter((site) => !site.rewritten));
  if (manual.length > 0) {
    out(`left for a person (${manual.length}):`);
    for (const site of manual) out(`  ${rel(site.file)}:${site.line}:${site.column} ${site.reason} (${site.rule})`);
  }
}

/**
 * The modules that need TypeScript, once the `typescript` beside the package is known to have the
 * compiler API the analysis uses. Loaded here, not at the top: TypeScript takes a second to load,
 * and --help should not wait; and a missing or native-only TypeScript must end in a message.
 */
async function loadTypeScriptSide(): Promise<typeof import("../codemod/project.js")> {
  let project: typeof import("../codemod/project.js");
  try {
    project = await import("../codemod/project.js");
  } catch (error) {
    // TypeScript is required (src/core/typescript.cts), so a missing one is CommonJS's error.
    if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    throw new ProjectError(
      `TypeScript is not installed next to eslint-plugin-flush (${(error as Error).message}). ` +
        "Install it in your project, for example `npm install --save-dev typescript@~6.0`.",
    );
  }
  project.assertSupportedTypeScript();
  return project;
}

/** Runs the codemod CLI with `args`; returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCliArgs(args);
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (values.version) {
      io.stdout.write(`${getVersion()}\n`);
      return EXIT_OK;
    }
    if (positionals.length === 0) throw new UsageError("name the files, folders or globs to rewrite");
    const project = await loadTypeScriptSide();
    const tsconfig = values.project
      ? project.resolveTsconfigPath(resolve(io.cwd, values.project))
      : findNearestTsconfig(io.cwd);
    if (!tsconfig) throw new UsageError(`no tsconfig.json in ${io.cwd} or above it: pass --project <tsconfig>`);
    const files = await resolveFiles(positionals, io.cwd);
    if (files.length === 0) throw new UsageError(`no TypeScript or JavaScript files match ${positionals.join(" ")}`);
    const ruleSettings = await loadRuleSettings(files, io.cwd);
    const codeStyle = await loadPrettierStyles(files);
    const progress = createProgress(io, files.length);
    const { runCodemod } = await import("../codemod/run-codemod.js");
    const report = runCodemod({
      tsconfig,
      files,
      dry: values.dry,
      force: values.force,
      ruleSettings,
      codeStyle,
      onFile: (file, done, total) => {
        if (progress) progress(file, done);
        else if (io.stderr.isTTY !== true && total >= PROGRESS_BAR_MIN_FILES && done % 100 === 0) {
          io.stderr.write(`flush-codemod: ${done}/${total} files analysed\n`);
        }
      },
    });
    if (report.uncommitted.length > 0) {
      if (values.json) io.stdout.write(`${toJson(report, io.cwd, values.dry)}\n`);
      io.stderr.write(
        `flush-codemod: refusing to write: ${report.uncommitted.length} file(s) to rewrite have uncommitted changes:\n` +
          report.uncommitted.map((file) => `  ${relative(io.cwd, file)}\n`).join("") +
          "Commit or stash them first, or pass --force. Nothing was written.\n",
      );
      return EXIT_USAGE;
    }
    if (values.json) io.stdout.write(`${toJson(report, io.cwd, values.dry)}\n`);
    else printHuman(report, io, values.dry);
    if (report.analysed === 0 && report.untyped.length > 0) {
      io.stderr.write(
        `flush-codemod: no Node types are visible in any file it could rewrite (${report.untyped.length} file(s)), ` +
          'so it understood nothing. Install @types/node and list "node" in compilerOptions.types, then run it again.\n',
      );
      return EXIT_USAGE;
    }
    return report.files.some((file) => file.status === "failed") ? EXIT_FILE_FAILED : EXIT_OK;
  } catch (error) {
    if (error instanceof ProjectError) {
      io.stderr.write(`flush-codemod: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`flush-codemod: ${error.message}\nRun flush-codemod --help for usage.\n`);
    return EXIT_USAGE;
  }
}
