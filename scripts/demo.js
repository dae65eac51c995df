// `npm run demo`: what the plugin and the codemod do to a small project, in about twenty seconds.
//
// 1. lints examples/ with the real ESLint CLI and examples/eslint.config.js (the README's config,
//    importing the plugin built in dist/ rather than from node_modules);
// 2. copies examples/ to a temporary folder, commits it in a new git repository (the codemod
//    refuses to write into files with uncommitted changes) and runs flush-codemod on the copy;
// 3. shows the codemod's changes as `git diff`, type-checks the rewritten copy, and lints it again
//    to show what is left for a person.
//
// Nothing is installed and nothing leaves the machine. The findings of step 1 are the point of the
// demo, not a failure: the script exits 0 when every step ran, 1 when one did not. The temporary
// folder is removed at the end; `npm run demo -- --keep` keeps it and prints where it is.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { cp, mkdtemp, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const examples = join(root, "examples");
const plugin = join(root, "dist", "src", "index.js");
const eslint = join(root, "node_modules", "eslint", "bin", "eslint.js");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const codemod = join(root, "dist", "src", "cli", "flush-codemod.js");

const keep = process.argv.includes("--keep");
const color = process.stdout.isTTY === true && !("NO_COLOR" in process.env);
const RULES = ["no-discarded-result", "no-shutdown-before-flush", "no-ignored-backpressure"];

/** The commit in the copy: no identity, signing or hooks from the user's git config get involved. */
const GIT_CONFIG = [
  "-c",
  "user.name=flush demo",
  "-c",
  "user.email=demo@example.invalid",
  "-c",
  "commit.gpgsign=false",
  "-c",
  "core.autocrlf=false",
  "-c",
  `color.ui=${color ? "always" : "never"}`,
];

/** @param {string} text */
const bold = (text) => (color ? `\u001b[1m${text}\u001b[22m` : text);

/** @param {string} text */
function heading(text) {
  console.log(`\n${bold(`━━ ${text} `.padEnd(100, "━"))}\n`);
}

/**
 * What a finished command left: its exit code (128 when a signal ended it), the signal, its output.
 * @typedef {{ code: number, signal: NodeJS.Signals | null, stdout: string, stderr: string }} RunResult
 */

/**
 * Runs a command to completion and collects its output; an exit code is a result, not an error.
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<RunResult>}
 */
function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => reject(new Error(`could not run ${command}: ${error.message}`, { cause: error })));
    child.on("close", (code, signal) => resolve({ code: code ?? 128, signal, stdout, stderr }));
  });
}

/**
 * Where a command runs, as the reader knows it: examples/ in the repository, else the full path.
 * @param {string} folder
 */
function describeFolder(folder) {
  const path = relative(root, folder);
  return path === "" || path.startsWith("..") || isAbsolute(path) ? folder : `${path.replaceAll("\\", "/")}/`;
}

/**
 * Runs `script` with this Node (no shell, no PATH lookup) and prints its output; `name` is what the reader sees.
 * @param {string} name
 * @param {string} script
 * @param {string[]} args
 * @param {string} cwd
 */
async function runNode(name, script, args, cwd) {
  console.log(`$ ${name} ${args.join(" ")}    (in ${describeFolder(cwd)})\n`);
  const result = await run(process.execPath, [script, ...args], cwd);
  if (result.stdout.trim()) console.log(result.stdout.trimEnd());
  if (result.stderr.trim()) console.error(result.stderr.trimEnd());
  return result;
}

class StepFailed extends Error {}

/**
 * @param {RunResult} result
 * @param {number[]} accepted
 * @param {string} what
 */
function expectCode(result, accepted, what) {
  if (!accepted.includes(result.code)) {
    throw new StepFailed(`${what} exited ${result.code}${result.signal ? ` (${result.signal})` : ""}`);
  }
}

/**
 * Counts the findings of stylish output per rule.
 * @param {string} stylish
 * @returns {Record<string, number>}
 */
function countFindings(stylish) {
  const counts = Object.fromEntries(RULES.map((rule) => [rule, 0]));
  for (const line of stripVTControlCharacters(stylish).split("\n")) {
    const match = /\s(?:error|warning)\s.*\sflush\/([\w-]+)\s*$/.exec(line);
    if (match?.[1] !== undefined) counts[match[1]] = (counts[match[1]] ?? 0) + 1;
  }
  return counts;
}

/** @param {Record<string, number>} counts */
function describeCounts(counts) {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const parts = Object.entries(counts).map(([rule, count]) => `${count} ${rule}`);
  return `${total} (${parts.join(", ")})`;
}

/** @type {string | undefined} */
let work;

function cleanUp() {
  if (work === undefined || keep) return;
  rmSync(work, { recursive: true, force: true });
  work = undefined;
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    cleanUp();
    process.kill(process.pid, signal);
  });
}

async function main() {
  for (const [path, fix] of [
    [eslint, "run `npm ci`"],
    [tsc, "run `npm ci`"],
    [plugin, "run `npm run build` (`npm run demo` does)"],
  ]) {
    if (!existsSync(path)) throw new StepFailed(`${relative(root, path)} is missing: ${fix} first`);
  }

  heading("1. Lint examples/ with the recommended config");
  console.log("examples/ is a small HTTP image and report service and a report CLI, with bugs marked BUG");
  console.log("next to code that does the same thing correctly. examples/eslint.config.js is the README's");
  console.log("config, importing the plugin from ../dist/src/index.js instead of eslint-plugin-flush.\n");
  const before = await runNode("eslint", eslint, ["--format", "stylish", ...(color ? ["--color"] : []), "."], examples);
  expectCode(before, [0, 1], "eslint");
  const found = countFindings(before.stdout);
  if (before.code === 0 || Object.values(found).every((count) => count === 0)) {
    throw new StepFailed("eslint found nothing in examples/: the rules did not run with type information");
  }

  heading("2. Run flush-codemod on a committed copy of examples/");
  work = await mkdtemp(join(tmpdir(), "flush-demo-"));
  const copy = join(work, "examples");
  await cp(examples, copy, { recursive: true, filter: (source) => !/[\\/]node_modules$/.test(source) });
  // The copy finds its dependencies and the built plugin where examples/ does: one folder up.
  await symlink(join(root, "node_modules"), join(work, "node_modules"), "junction");
  await symlink(join(root, "dist"), join(work, "dist"), "junction");
  for (const args of [
    ["init", "-q"],
    ["add", "-A"],
    ["commit", "-q", "--no-verify", "-m", "examples"],
  ]) {
    const git = await run("git", [...GIT_CONFIG, ...args], copy);
    if (git.code !== 0) throw new StepFailed(`git ${args[0]} exited ${git.code}: ${git.stderr.trim()}`);
  }
  console.log(`Copied to ${copy} and committed.\n`);
  const rewrite = await runNode("flush-codemod", codemod, ["src"], copy);
  expectCode(rewrite, [0], "flush-codemod");

  heading("3. What the codemod changed (git diff)");
  const diff = await run("git", [...GIT_CONFIG, "--no-pager", "diff", "--stat", "--patch"], copy);
  if (diff.code !== 0) throw new StepFailed(`git diff exited ${diff.code}: ${diff.stderr.trim()}`);
  console.log(diff.stdout.trimEnd() || "(nothing)");

  heading("4. The rewritten copy still type-checks");
  const typecheck = await runNode("tsc", tsc, ["-p", "tsconfig.json"], copy);
  expectCode(typecheck, [0], "tsc");
  console.log("tsc: no errors");

  heading("5. Lint the rewritten copy: what is left for a person");
  const after = await runNode("eslint", eslint, ["--format", "stylish", ...(color ? ["--color"] : []), "."], copy);
  expectCode(after, [0, 1], "eslint");
  if (after.code === 0) console.log("eslint: nothing left");

  heading("Summary");
  const codemodLines = stripVTControlCharacters(rewrite.stdout).split("\n");
  const summary = codemodLines.find((line) => line.startsWith("flush-codemod:"));
  console.log(`findings in examples/:      ${describeCounts(found)}`);
  console.log(`codemod:                    ${summary?.replace("flush-codemod: ", "") ?? "(no summary)"}`);
  console.log(`left after the codemod:     ${describeCounts(countFindings(after.stdout))}`);
  console.log('\nThe findings left need a decision the codemod does not make for you (see its "left for a');
  console.log("person\" list above); each rule's page in docs/rules/ shows the fix.");
  if (keep) console.log(`\nThe rewritten copy is kept in ${copy}`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  console.error(`\nnpm run demo: ${error.message}`);
  process.exitCode = 1;
} finally {
  cleanUp();
}
