#!/usr/bin/env node
// Recall benchmark (issue 10): lints each real, fixed bug of docs/evaluation-sets.json `recallBugs`
// at its pre-fix commit and says whether the expected rule reports it. `--set heldOut` runs
// `heldOutRecallBugs` instead, the bugs chosen before the rule changes tuned on `recallBugs`.
//
//   node scripts/recall.js --checkouts <dir> [--mirrors <dir>] [--out result.json] [--dist <dir>]
//                          [--timeout <seconds>] [--jobs <n>] [--only <index>]... [--commit <sha>]
//                          [--set recall|heldOut] [--install-deps [--install-timeout <seconds>]]
//
// <checkouts>/<owner>+<name>@<preFixCommit> is the pre-fix checkout. When it is missing and
// --mirrors is given, it is made from the bare git directory <mirrors>/<owner>+<name> (or the one
// git directory inside it) with `git archive <commit> | tar -x`; when a snapshot lacks some blobs,
// only the TypeScript, JavaScript and JSON files are extracted, one by one. Nothing is fetched and,
// without --install-deps, nothing is installed. With it, the bug is linted in <checkout>+deps, a
// copy into which its package's dependencies are installed (scripts/recall-deps.js; each install is
// bounded by --install-timeout, default 180 s, and a failed one is recorded and linted anyway).
//
// Each bug is linted the way a user of the package would lint it: the nearest tsconfig.json above
// the bug's file (up to the checkout's root) is the base, or, when there is none, a minimal one is
// generated beside the file. scripts/evaluate.js's writeGeneratedTsconfig writes
// tsconfig.flush-eval.json next to that base, with `typeRoots` pointing at this repository's
// @types and `types: ["node"]`, since the checkout's own node_modules are absent (with
// --install-deps too: an older @types/node of the checkout's hides findings). The files linted
// are the bug's file and any other file its `lines` name (the exit in a CLI's entry point, say), in
// one program, with the built plugin's `strict` and `recommended` configs.
//
// A bug is found in a config when the rule expected for its kind reports a line that its `lines`
// name in that file, or a report's message names such a line ("`write()` on line N"). Each bug
// runs in a worker thread that is terminated after --timeout seconds (default 180).

import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

import { parseJson } from "./json.js";
import { checkoutWithDeps, install, packageDirs } from "./recall-deps.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SETS_FILE = join(repoRoot, "docs", "evaluation-sets.json");
/** @type {readonly ["strict", "recommended"]} */
const CONFIGS = ["strict", "recommended"];
/** The lists of bugs `--set` can name, by their key in the sets file. */
/** @type {Record<string, "recallBugs" | "heldOutRecallBugs">} */
const BUG_SETS = { recall: "recallBugs", heldOut: "heldOutRecallBugs" };

/**
 * @typedef {{ repo: string, fixCommit: string, preFixCommit: string, file: string, lines: string,
 *   kind: string, span: string, link: string, summary: string }} RecallBug
 * @typedef {{ file: string, from: number, to: number }} LineRange
 * @typedef {{ rule: string, file: string, line: number, message: string, namedLine: number | undefined }} Report
 * @typedef {{ found: boolean, hit: Report | undefined, otherRuleHits: Report[] }} Verdict
 * @typedef {{ index: number, checkout: string, tsconfig: string, baseTsconfig: string | null,
 *   files: string[], dist: string }} Job
 * @typedef {{ reports: Record<string, Report[]>, parseErrors: { file: string, line: number, message: string }[],
 *   seconds: number }} JobResult
 * @typedef {{ index: number, repo: string, kind: string, span: string, file: string, lines: string,
 *   expectedRule: string, status: "run" | "not run" | "timeout" | "crash", reason?: string,
 *   checkout?: string, tsconfig?: string, baseTsconfig?: string | null, linted?: string[],
 *   install?: ({ dir: string } & import("./recall-deps.js").InstallOutcome)[],
 *   seconds?: number, parseErrors?: JobResult["parseErrors"], verdicts?: Record<string, Verdict>,
 *   reports?: Record<string, Report[]> }} BugResult
 */

/** The rule that should report each kind of bug. */
/** @type {Record<string, string>} */
const EXPECTED_RULE = {
  "exit-after-write": "flush/no-shutdown-before-flush",
  "destroy-after-write": "flush/no-shutdown-before-flush",
  "announce-before-finish": "flush/no-shutdown-before-flush",
  "pipe-sink-not-awaited": "flush/no-shutdown-before-flush",
  backpressure: "flush/no-ignored-backpressure",
  "unawaited-before-use": "flush/no-discarded-result",
};

/**
 * The lines a bug's `lines` text names, per file. A number or range on its own is in the bug's
 * file; `path:N` or `path:N-M` is in that file, and a following `:N` (as in `cli.ts:107 and :128`)
 * in the same one.
 * @param {RecallBug} bug
 * @returns {LineRange[]}
 */
export function parseLines(bug) {
  /** @type {LineRange[]} */
  const ranges = [];
  for (const segment of bug.lines.split(";")) {
    let lastPath = bug.file;
    const pattern = /([\w@.+/-]+\.[cm]?[jt]sx?)?:(\d+)(?:-(\d+))?|(?<![\w.:-])(\d+)(?:-(\d+))?(?![\w.])/g;
    for (const match of segment.matchAll(pattern)) {
      const [, path, pathFrom, pathTo, from, to] = match;
      if (pathFrom !== undefined) {
        if (path) lastPath = path;
        ranges.push({ file: lastPath, from: Number(pathFrom), to: Number(pathTo ?? pathFrom) });
      } else if (from !== undefined) {
        ranges.push({ file: bug.file, from: Number(from), to: Number(to ?? from) });
      }
    }
  }
  return ranges;
}

/**
 * @param {Report[]} reports
 * @param {LineRange[]} ranges
 * @param {string} expectedRule
 * @returns {Verdict}
 */
export function judge(reports, ranges, expectedRule) {
  /** @param {string} file @param {number | undefined} line */
  const named = (file, line) =>
    line !== undefined && ranges.some((range) => range.file === file && line >= range.from && line <= range.to);
  const onBug = reports.filter((report) => named(report.file, report.line) || named(report.file, report.namedLine));
  const hits = onBug.filter((report) => report.rule === expectedRule);
  // A report on a named line is a better witness than one that only names it in its message.
  const hit = hits.find((report) => named(report.file, report.line)) ?? hits[0];
  return { found: hit !== undefined, hit, otherRuleHits: onBug.filter((report) => report.rule !== expectedRule) };
}

// ---------------------------------------------------------------------------------------------
// Worker: lints one bug's files with both configs.

/** @param {Job} job @returns {Promise<JobResult>} */
async function lintJob(job) {
  const [{ ESLint }, { default: tseslint }, { importModule }] = await Promise.all([
    import("eslint"),
    import("typescript-eslint"),
    import("./json.js"),
  ]);
  const { default: plugin } = /** @type {{ default: import("../src/index.js").default }} */ (
    await importModule(join(job.dist, "src", "index.js"))
  );
  const started = Date.now();
  /** @type {Record<string, Report[]>} */
  const reports = {};
  /** @type {JobResult["parseErrors"]} */
  const parseErrors = [];
  for (const config of CONFIGS) {
    const eslint = new ESLint({
      cwd: job.checkout,
      overrideConfigFile: true,
      allowInlineConfig: false,
      warnIgnored: false,
      ignore: false,
      overrideConfig: [
        {
          files: ["**/*.{ts,mts,cts,tsx}"],
          languageOptions: {
            parser: tseslint.parser,
            parserOptions: { project: job.tsconfig, tsconfigRootDir: dirname(job.tsconfig) },
          },
          linterOptions: { reportUnusedDisableDirectives: "off" },
        },
        { files: ["**/*.{ts,mts,cts,tsx}"], ...plugin.configs[config] },
      ],
    });
    const list = (reports[config] = /** @type {Report[]} */ ([]));
    for (const result of await eslint.lintFiles(job.files)) {
      const file = relative(job.checkout, result.filePath);
      for (const message of result.messages) {
        if (message.fatal || !message.ruleId) {
          if (config === CONFIGS[0]) parseErrors.push({ file, line: message.line, message: message.message });
          continue;
        }
        const namedLine = /\bon line (\d+)\b/.exec(message.message)?.[1];
        list.push({
          rule: message.ruleId,
          file,
          line: message.line,
          message: message.message,
          namedLine: namedLine === undefined ? undefined : Number(namedLine),
        });
      }
    }
  }
  return { reports, parseErrors, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

if (!isMainThread) {
  /** Node types workerData as `any`. @param {unknown} data */
  const asJob = (data) => /** @type {Job} */ (data);
  const job = asJob(workerData);
  lintJob(job).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (/** @type {unknown} */ error) =>
      parentPort?.postMessage({
        ok: false,
        error:
          error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 8).join("\n") : String(error),
      }),
  );
}

// ---------------------------------------------------------------------------------------------
// Main thread: checkouts, tsconfigs, workers, tables.

/** @param {string} message */
function usage(message) {
  console.error(`recall: ${message}`);
  console.error(
    "usage: node scripts/recall.js --checkouts <dir> [--mirrors <dir>] [--out result.json] [--dist <dir>] " +
      "[--timeout <seconds>] [--jobs <n>] [--only <index>]... [--commit <sha of --dist's build>] [--set recall|heldOut] " +
      "[--install-deps [--install-timeout <seconds>]]",
  );
  process.exitCode = 2;
}

/**
 * The bare git directory of a mirror: <mirrors>/<owner>+<name> itself, or the git directory in it.
 * @param {string} mirrors
 * @param {string} repo
 */
function findGitDir(mirrors, repo) {
  const base = join(mirrors, repo.replace("/", "+"));
  if (!existsSync(base)) return undefined;
  if (existsSync(join(base, "HEAD")) && existsSync(join(base, "objects"))) return base;
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    const candidate = join(base, entry.name);
    if (entry.isDirectory() && existsSync(join(candidate, "HEAD")) && existsSync(join(candidate, "objects"))) {
      return candidate;
    }
  }
  return undefined;
}

/**
 * Extracts <commit> of <gitDir> into <target> (through <target>.part, renamed when complete).
 * @param {string} gitDir
 * @param {string} commit
 * @param {string} target
 * @returns {string | undefined} a note when only some files could be extracted
 */
function extract(gitDir, commit, target) {
  const part = `${target}.part`;
  rmSync(part, { recursive: true, force: true });
  mkdirSync(part, { recursive: true });
  const whole = spawnSync(
    "bash",
    ["-o", "pipefail", "-c", 'git --git-dir "$0" archive "$1" | tar -x -C "$2"', gitDir, commit, part],
    {
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    },
  );
  let note;
  if (whole.status !== 0) {
    // A snapshot without some large blobs: extract every file whose blob is there.
    rmSync(part, { recursive: true, force: true });
    mkdirSync(part, { recursive: true });
    const entries = execFileSync("git", ["--git-dir", gitDir, "ls-tree", "-r", "-z", commit], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
    })
      .split("\0")
      .filter(Boolean)
      .map((line) => {
        const [meta = "", path = ""] = line.split("\t");
        return { type: meta.split(" ")[1], oid: meta.split(" ")[2] ?? "", path };
      })
      .filter((entry) => entry.type === "blob");
    const present = execFileSync("git", ["--git-dir", gitDir, "cat-file", "--batch-check=%(objectname)"], {
      input: entries.map((entry) => entry.oid).join("\n") + "\n",
      encoding: "utf8",
      maxBuffer: 1 << 30,
    })
      .split("\n")
      .map((line) => !line.endsWith(" missing"));
    const paths = entries.filter((_, index) => present[index]).map((entry) => entry.path);
    for (let start = 0; start < paths.length; start += 500) {
      execFileSync(
        "bash",
        [
          "-o",
          "pipefail",
          "-c",
          'git --git-dir "$0" archive "$1" -- "${@:3}" | tar -x -C "$2"',
          gitDir,
          commit,
          part,
          ...paths.slice(start, start + 500),
        ],
        { stdio: "ignore", env: { ...process.env, GIT_LITERAL_PATHSPECS: "1" } },
      );
    }
    note = `full archive failed; extracted the ${paths.length} of ${entries.length} files whose blobs are in the snapshot`;
  }
  renameSync(part, target);
  return note;
}

/**
 * The nearest tsconfig.json above <file>, not above <checkout>.
 * @param {string} checkout
 * @param {string} file
 */
function nearestTsconfig(checkout, file) {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const candidate = join(dir, "tsconfig.json");
    if (existsSync(candidate)) return candidate;
    if (dir === checkout || relative(checkout, dir).startsWith("..") || dir === dirname(dir)) return undefined;
  }
}

/** A hash of the built plugin, taken before and after the runs, to show it did not change. @param {string} dist */
function hashDist(dist) {
  const hash = createHash("sha256");
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js")) hash.update(relative(dist, path)).update(readFileSync(path));
    }
  };
  walk(dist);
  return hash.digest("hex").slice(0, 16);
}

/**
 * @param {Job} job
 * @param {number} timeoutSeconds
 * @returns {Promise<{ ok: true, result: JobResult } | { ok: false, timeout: boolean, error: string }>}
 */
function runWorker(job, timeoutSeconds) {
  return new Promise((resolvePromise) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: job });
    let settled = false;
    /** @param {{ ok: true, result: JobResult } | { ok: false, timeout: boolean, error: string }} value */
    const settle = (value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise(value);
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle({ ok: false, timeout: true, error: `no result after ${timeoutSeconds} s` }),
      timeoutSeconds * 1000,
    );
    worker.on("message", (/** @type {{ ok: true, result: JobResult } | { ok: false, error: string }} */ message) =>
      settle(message.ok ? message : { ok: false, timeout: false, error: message.error }),
    );
    worker.on("error", (/** @type {unknown} */ error) =>
      settle({
        ok: false,
        timeout: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    );
    worker.on("exit", (code) => settle({ ok: false, timeout: false, error: `worker exited with code ${code}` }));
  });
}

/**
 * @param {BugResult[]} results
 * @param {"kind" | "span"} key
 */
function table(results, key) {
  const groups = [...new Set(results.map((result) => result[key]))].sort();
  /** @type {Record<string, Record<string, { found: number, total: number, run: number }>>} */
  const summary = {};
  const rows = [[key, ...CONFIGS.map((config) => `${config} found/total (recall)`), "not run"]];
  for (const group of [...groups, "all"]) {
    const members = results.filter((result) => group === "all" || result[key] === group);
    const run = members.filter((result) => result.status === "run");
    summary[group] = {};
    const cells = CONFIGS.map((config) => {
      const found = run.filter((result) => result.verdicts?.[config]?.found).length;
      summary[group][config] = { found, total: members.length, run: run.length };
      return `${found}/${members.length} (${Math.round((100 * found) / members.length)}%)`;
    });
    rows.push([group, ...cells, String(members.length - run.length)]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log(rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ")).join("\n"));
  console.log();
  return summary;
}

function parseArguments() {
  try {
    return parseArgs({
      options: {
        checkouts: { type: "string" },
        mirrors: { type: "string" },
        out: { type: "string" },
        dist: { type: "string" },
        timeout: { type: "string" },
        jobs: { type: "string" },
        only: { type: "string", multiple: true },
        commit: { type: "string" },
        set: { type: "string" },
        "install-deps": { type: "boolean" },
        "install-timeout": { type: "string" },
      },
    });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

async function main() {
  const args = parseArguments();
  if (!args) return;
  const { values } = args;
  if (!values.checkouts) return usage("--checkouts is required");
  const setKey = BUG_SETS[values.set ?? "recall"];
  if (!setKey) return usage(`--set must be one of ${Object.keys(BUG_SETS).join(", ")}`);
  const checkouts = resolve(values.checkouts);
  const dist = resolve(values.dist ?? join(repoRoot, "dist"));
  if (!existsSync(join(dist, "src", "index.js"))) return usage(`no built plugin in ${dist} (npm run build)`);
  const timeoutSeconds = Number(values.timeout ?? 180);
  const installSeconds = Number(values["install-timeout"] ?? 180);
  const jobs = Math.max(1, Number(values.jobs ?? Math.min(2, availableParallelism())));
  mkdirSync(checkouts, { recursive: true });

  const { writeGeneratedTsconfig } = await import("./evaluate.js");
  const sets = /** @type {Record<string, RecallBug[]>} */ (parseJson(readFileSync(SETS_FILE, "utf8")));
  const bugs = sets[setKey];
  const only = values.only?.map(Number);
  const distHashBefore = hashDist(dist);
  const started = Date.now();

  /** @type {BugResult[]} */
  const results = [];
  /** @type {{ result: BugResult, job: Job }[]} */
  const pending = [];
  /** @type {Map<string, string | undefined>} */
  const extracted = new Map();
  for (const [index, bug] of bugs.entries()) {
    /** @type {BugResult} */
    const result = {
      index,
      repo: bug.repo,
      kind: bug.kind,
      span: bug.span,
      file: bug.file,
      lines: bug.lines,
      expectedRule: EXPECTED_RULE[bug.kind] ?? "?",
      status: "not run",
    };
    results.push(result);
    if (only && !only.includes(index)) {
      result.reason = "not selected (--only)";
      continue;
    }
    const checkout = join(checkouts, `${bug.repo.replace("/", "+")}@${bug.preFixCommit}`);
    result.checkout = checkout;
    if (!existsSync(checkout)) {
      const gitDir = values.mirrors ? findGitDir(resolve(values.mirrors), bug.repo) : undefined;
      if (!gitDir) {
        result.reason = values.mirrors ? "no mirror of the repository" : "no checkout and no --mirrors";
        continue;
      }
      try {
        console.error(`recall: extracting ${bug.repo}@${bug.preFixCommit.slice(0, 10)}`);
        extracted.set(checkout, extract(gitDir, bug.preFixCommit, checkout));
      } catch (error) {
        result.reason = `extraction failed: ${error instanceof Error ? error.message : String(error)}`;
        continue;
      }
    }
    if (!existsSync(join(checkout, bug.file))) {
      result.reason = `${bug.file} is not in the checkout${extracted.get(checkout) ? ` (${extracted.get(checkout)})` : ""}`;
      continue;
    }
    const root = values["install-deps"] ? checkoutWithDeps(checkout) : checkout;
    const mainFile = join(root, bug.file);
    if (values["install-deps"]) {
      result.checkout = root;
      result.install = packageDirs(root, mainFile).map((dir) => {
        console.error(`recall: npm install in ${relative(checkouts, dir)}`);
        return { dir: relative(root, dir) || ".", ...install(root, dir, installSeconds) };
      });
    }
    const files = [
      ...new Set([bug.file, ...parseLines(bug).map((range) => range.file)].map((file) => join(root, file))),
    ].filter((file) => existsSync(file));
    const base = nearestTsconfig(root, mainFile);
    const packageDir = base ? dirname(base) : dirname(mainFile);
    // evaluate.js names its file tsconfig.flush-eval.json; several bugs can share a package.
    const tsconfig = join(packageDir, `tsconfig.flush-recall-${index}.json`);
    renameSync(writeGeneratedTsconfig(packageDir, base, files, undefined), tsconfig);
    result.tsconfig = relative(root, tsconfig);
    result.baseTsconfig = base ? relative(root, base) : null;
    result.linted = files.map((file) => relative(root, file));
    pending.push({ result, job: { index, checkout: root, tsconfig, baseTsconfig: base ?? null, files, dist } });
  }

  let next = 0;
  const runOne = async () => {
    while (next < pending.length) {
      const { result, job } = pending[next++];
      const bug = bugs[job.index];
      console.error(`recall: [${job.index}] ${bug.repo} ${bug.file}`);
      const outcome = await runWorker(job, timeoutSeconds);
      if (!outcome.ok) {
        result.status = outcome.timeout ? "timeout" : "crash";
        result.reason = outcome.error;
        continue;
      }
      const ranges = parseLines(bug);
      result.status = "run";
      result.seconds = outcome.result.seconds;
      result.parseErrors = outcome.result.parseErrors;
      result.reports = outcome.result.reports;
      result.verdicts = Object.fromEntries(
        CONFIGS.map((config) => [config, judge(outcome.result.reports[config] ?? [], ranges, result.expectedRule)]),
      );
    }
  };
  await Promise.all(Array.from({ length: jobs }, runOne));

  console.log();
  const byKind = table(results, "kind");
  const bySpan = table(results, "span");
  for (const result of results) {
    const cells = CONFIGS.map((config) => {
      const verdict = result.verdicts?.[config];
      if (!verdict) return `${config}: ${result.status}`;
      if (!verdict.found) return `${config}: missed`;
      return `${config}: ${verdict.hit?.rule.replace("flush/", "")} ${verdict.hit?.file}:${verdict.hit?.line}`;
    });
    console.log(`[${result.index}] ${result.repo} ${result.kind} ${result.span}  ${cells.join("  ")}`);
  }
  const distHashAfter = hashDist(dist);
  const report = {
    // The commit the plugin in --dist was built from, when it is not this repository's HEAD.
    commit: values.commit ?? execFileSync("git", ["-C", repoRoot, "rev-parse", "HEAD"], { encoding: "utf8" }).trim(),
    set: setKey,
    installDeps: values["install-deps"] ?? false,
    dist,
    distHash: distHashBefore,
    distChangedDuringRun: distHashBefore !== distHashAfter,
    timeoutSeconds,
    seconds: Math.round((Date.now() - started) / 1000),
    byKind,
    bySpan,
    bugs: results,
  };
  if (report.distChangedDuringRun) console.error("recall: warning: the built plugin changed during the run");
  if (values.out) writeFileSync(resolve(values.out), `${JSON.stringify(report, null, 2)}\n`);
}

if (isMainThread && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
}
