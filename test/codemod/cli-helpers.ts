// Helpers for the end-to-end tests of the flush-codemod CLI: temporary projects (git repositories or
// not), the built CLI run as a child process, and snapshots of files' bytes, mtimes and modes.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI_PATH = join(REPO_ROOT, "dist", "src", "cli", "flush-codemod.js");
const NODE_MODULES = join(REPO_ROOT, "node_modules");

/** Throws a message that says what to do when the CLI has not been built. */
export function assertCliBuilt(): void {
  if (!existsSync(CLI_PATH)) {
    throw new Error(`${CLI_PATH} does not exist: run \`npm run build\` first (\`npm test\` builds before it tests).`);
  }
}

export const TSCONFIG = {
  compilerOptions: {
    strict: true,
    module: "nodenext",
    moduleResolution: "nodenext",
    target: "es2022",
    lib: ["es2023", "dom"],
    types: ["node"],
    skipLibCheck: true,
    noEmit: true,
  },
  include: ["src"],
};

/** The environment for git and the CLI: no GIT_* variables from outside (a hook's GIT_DIR) may leak in. */
export const CHILD_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith("GIT_") && name !== "FORCE_COLOR"),
);

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], {
    cwd,
    env: CHILD_ENV,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function isInsideGitWorkTree(directory: string): boolean {
  try {
    return git(directory, "rev-parse", "--is-inside-work-tree").trim() === "true";
  } catch {
    return false;
  }
}

export interface ProjectOptions {
  /** Make it a git repository with everything committed (default true). */
  readonly git?: boolean;
  /** Write tsconfig.json (default true). */
  readonly tsconfig?: boolean;
  /** File modes to set before the commit, by path. */
  readonly modes?: Readonly<Record<string, number>>;
}

const createdDirectories: string[] = [];

/**
 * A temporary project: package.json with "type": "module", tsconfig.json, node_modules linked to
 * this repository's (for @types/node), and `files` (paths relative to the project).
 */
export async function createProject(
  files: Readonly<Record<string, string | Uint8Array>>,
  options: ProjectOptions = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "flush-codemod-cli-"));
  createdDirectories.push(dir);
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ type: "module", private: true }, null, 2)}\n`);
  if (options.tsconfig ?? true) await writeFile(join(dir, "tsconfig.json"), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  await symlink(NODE_MODULES, join(dir, "node_modules"), "dir");
  await writeFile(join(dir, ".gitignore"), "node_modules\n");
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  for (const [path, mode] of Object.entries(options.modes ?? {})) await chmod(join(dir, path), mode);
  if (options.git ?? true) {
    git(dir, "init", "-q");
    git(dir, "config", "user.name", "flush-codemod test");
    git(dir, "config", "user.email", "flush-codemod-test@example.invalid");
    commitAll(dir, "initial");
  }
  return dir;
}

export function commitAll(dir: string, message: string): void {
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "--no-verify", "-m", message);
}

export async function removeProjects(): Promise<void> {
  await Promise.all(createdDirectories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function describeResult(what: string, result: CliResult): string {
  return (
    `${what} exited with code ${result.code} (signal ${result.signal})\n` +
    `--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`
  );
}

/** Starts the built CLI with pipes (so neither stdout nor stderr is a TTY). */
export function spawnCli(args: readonly string[], cwd: string): ChildProcess {
  return spawn(process.execPath, [CLI_PATH, ...args], { cwd, env: CHILD_ENV, stdio: ["ignore", "pipe", "pipe"] });
}

/** Collects a started CLI's output until it exits; kills it after `timeoutMs`. */
export function waitForCli(child: ChildProcess, timeoutMs = 100_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`flush-codemod did not finish within ${timeoutMs} ms\n--- stderr ---\n${stderr}`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs the built CLI to completion in `cwd`. */
export function runCli(args: readonly string[], cwd: string, timeoutMs?: number): Promise<CliResult> {
  return waitForCli(spawnCli(args, cwd), timeoutMs);
}

export interface FileState {
  readonly bytes: Buffer;
  readonly mtimeNs: bigint;
  readonly mode: number;
}

export async function readState(dir: string, path: string): Promise<FileState> {
  const stats = await stat(join(dir, path), { bigint: true });
  return { bytes: await readFile(join(dir, path)), mtimeNs: stats.mtimeNs, mode: Number(stats.mode & 0o7777n) };
}

/** A time long past: a file written by the CLI cannot keep it, whatever the file system's timestamp granularity. */
const LONG_AGO = new Date("2001-02-03T04:05:06.000Z");

/** Sets the files' mtimes long in the past, then returns their states. */
export async function ageFiles(dir: string, paths: readonly string[]): Promise<Map<string, FileState>> {
  const states = new Map<string, FileState>();
  for (const path of paths) {
    await utimes(join(dir, path), LONG_AGO, LONG_AGO);
    states.set(path, await readState(dir, path));
  }
  return states;
}

export async function readText(dir: string, path: string): Promise<string> {
  return readFile(join(dir, path), "utf8");
}

/** The CLI's temporary files (`.<name>.flush-codemod-<pid>.tmp`) in `directory`. */
export async function findTemporaryFiles(directory: string): Promise<string[]> {
  const names = await readdir(directory);
  return names.filter((name) => /\.flush-codemod-\d+\.tmp$/.test(name)).sort();
}
