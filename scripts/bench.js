// npm run bench [-- --files N --runs R] [-- --project <dir>] [-- --profile <dir>]
// Two measurements, each a comparison made side by side in the same run, every contender in its own
// child process and the contenders alternated round by round, so that machine noise (other
// processes, a busy disk, thermal limits) hits all of them alike. Run after `npm run build` (the
// npm script does both). docs/performance.md explains the method and records results.
//
// 1. The cost of the rules in typed linting (scripts/bench-lint.js does one lint):
//      A  the typed parse alone (typescript-eslint's parser with projectService, and a trivial rule
//         that takes the type checker in every file);
//      B  A + this plugin's recommended rules;
//      C  A + @typescript-eslint/no-floating-promises alone.
//    It reports each set's median lint time, elapsed and CPU (CPU time is the steadier figure on a
//    shared machine), the increments B−A and C−A (medians of the per-round differences) and their
//    ratio, and the peak RSS of B against A.
// 2. The codemod (a dry run over the whole project) next to `tsc --noEmit`, and their ratio.
//
// The project is a generated corpus of --files files (scripts/corpus.js), or, with --project, the
// real project in <dir>, linted over <dir>/tsconfig.json. --profile <dir> adds one more lint with B
// and one with C under `node --cpu-prof`, writes the profiles there, and summarises where B's time
// goes (scripts/profile-summary.js); profiled runs are not part of the timings.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { writeCorpus } from "./corpus.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    files: { type: "string", default: "2000" },
    runs: { type: "string", default: "3" },
    project: { type: "string" },
    profile: { type: "string" },
    "skip-codemod": { type: "boolean", default: false },
  },
});
const fileCount = Number(values.files);
const runs = Number(values.runs);
if (!(fileCount > 0) || !(runs > 0)) throw new Error("--files and --runs take positive numbers");

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const log = (line) => process.stderr.write(`${line}\n`);

function time(command, args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const seconds = (list) => list.map((s) => s.toFixed(2)).join(", ");
const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;

const SETS = {
  parse: "A  typed parse only",
  flush: "B  + flush/recommended",
  floating: "C  + no-floating-promises",
};

/** One lint in a child process; its peak RSS from /usr/bin/time when there is one, else its own. */
function lint(set, directory, scratch, nodeOptions = []) {
  const out = join(scratch, `${set}.json`);
  const node = [...nodeOptions, join(root, "scripts/bench-lint.js"), "--set", set, "--dir", directory, "--out", out];
  const run = TIME ? time(TIME, ["-f", "maxrss %M", process.execPath, ...node], root) : time(process.execPath, node, root);
  if (run.status !== 0) throw new Error(`the lint with set ${set} failed (exit ${run.status}): ${run.stderr}`);
  const report = JSON.parse(readFileSync(out, "utf8"));
  const measured = TIME && /maxrss (\d+)\s*$/.exec(run.stderr);
  return { ...report, wallSeconds: run.seconds, peakKiB: measured ? Number(measured[1]) : report.maxRssKiB };
}

function benchLint(directory, scratch) {
  const sets = Object.keys(SETS);
  const measures = ["lintSeconds", "lintCpuSeconds", "wallSeconds", "peakKiB"];
  const m = Object.fromEntries(measures.map((key) => [key, Object.fromEntries(sets.map((set) => [set, []]))]));
  const reports = {};
  for (let round = 0; round < runs; round++) {
    // A, B, C in the first round, B, C, A in the second, and so on: no set is always first.
    const order = sets.map((_, k) => sets[(k + round) % sets.length]);
    for (const set of order) {
      const report = lint(set, directory, scratch);
      if (report.fatal > 0) log(`  warning: ${report.fatal} files did not parse with set ${set}; first: ${report.firstFatal}`);
      for (const key of measures) m[key][set].push(report[key]);
      reports[set] = report;
      log(
        `  round ${round + 1}/${runs} ${set.padEnd(8)} ${report.lintSeconds.toFixed(2)} s elapsed, ` +
          `${report.lintCpuSeconds.toFixed(2)} s CPU, ${mib(report.peakKiB)} peak`,
      );
    }
  }
  // The increment of a set over A: the median of the per-round differences (A ran in the same round).
  const increment = (key, set) => median(m[key][set].map((s, round) => s - m[key].parse[round]));
  const memory = median(m.peakKiB.flush) / median(m.peakKiB.parse) - 1;

  console.log(`\ntyped lint of ${reports.parse.files} files, ${runs} rounds, sets alternated (ESLint's lintFiles, timed in the child)`);
  for (const set of sets) {
    const problems = Object.entries(reports[set].problems)
      .map(([rule, count]) => `${rule} ${count}`)
      .join(", ");
    console.log(
      `${SETS[set].padEnd(27)} elapsed median ${median(m.lintSeconds[set]).toFixed(2)} s (${seconds(m.lintSeconds[set])}); ` +
        `CPU median ${median(m.lintCpuSeconds[set]).toFixed(2)} s (${seconds(m.lintCpuSeconds[set])}); ` +
        `peak RSS ${mib(median(m.peakKiB[set]))}` +
        (problems ? `; ${problems}` : ""),
    );
  }
  for (const [key, label] of [
    ["lintSeconds", "elapsed"],
    ["lintCpuSeconds", "CPU    "],
  ]) {
    const ours = increment(key, "flush");
    const theirs = increment(key, "floating");
    console.log(
      `${label} increment B−A (our rules) ${ours.toFixed(2)} s, C−A (no-floating-promises) ${theirs.toFixed(2)} s; ` +
        `ratio (B−A)/(C−A) ${(ours / theirs).toFixed(2)} (target: at most 0.50)`,
    );
  }
  console.log(
    `peak RSS B vs A: ${memory >= 0 ? "+" : ""}${(memory * 100).toFixed(1)}% ` +
      `(${mib(median(m.peakKiB.flush))} vs ${mib(median(m.peakKiB.parse))}; target: at most +5%; ` +
      `from ${TIME ? "/usr/bin/time %M" : "the child's process.resourceUsage().maxRSS"})`,
  );
}

function benchCodemod(directory, tsconfig) {
  const tsc = [join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", tsconfig];
  const codemod = [join(root, "dist/src/cli/flush-codemod.js"), "--dry", "--json", "--project", tsconfig, "."];
  const timings = { tsc: [], codemod: [] };
  let summary;
  for (let run = 0; run < runs; run++) {
    const typeCheck = time(process.execPath, tsc, directory);
    timings.tsc.push(typeCheck.seconds);
    const rewrite = time(process.execPath, codemod, directory);
    if (rewrite.status !== 0) throw new Error(`the codemod failed (exit ${rewrite.status}): ${rewrite.stderr}`);
    timings.codemod.push(rewrite.seconds);
    summary = JSON.parse(rewrite.stdout).summary;
    log(`  run ${run + 1}/${runs} tsc ${typeCheck.seconds.toFixed(2)} s, codemod ${rewrite.seconds.toFixed(2)} s`);
  }
  const tscMedian = median(timings.tsc);
  const codemodMedian = median(timings.codemod);
  console.log(`\ncodemod next to tsc, ${runs} alternating runs each (process wall times)`);
  console.log(`codemod summary: ${JSON.stringify(summary)}`);
  console.log(`tsc --noEmit        median ${tscMedian.toFixed(2)} s  (${seconds(timings.tsc)})`);
  console.log(`flush-codemod --dry median ${codemodMedian.toFixed(2)} s  (${seconds(timings.codemod)})`);
  console.log(`ratio codemod / tsc: ${(codemodMedian / tscMedian).toFixed(2)} (target: at most 1.50)`);
}

async function profile(directory, scratch, into) {
  mkdirSync(into, { recursive: true });
  const { summarize } = await import("./profile-summary.js");
  const matches = { flush: "dist/src/", floating: "@typescript-eslint/eslint-plugin/dist/rules/no-floating-promises" };
  const attributed = {};
  for (const [set, match] of Object.entries(matches)) {
    const name = `${set}.cpuprofile`;
    lint(set, directory, scratch, ["--cpu-prof", `--cpu-prof-dir=${into}`, `--cpu-prof-name=${name}`]);
    const summary = summarize(JSON.parse(readFileSync(join(into, name), "utf8")), match, 15);
    attributed[set] = summary;
    console.log(`\nprofile of set ${set}: ${join(into, name)}`);
    console.log(summary.text);
  }
  // The time sampled with the rules' own frames on the stack (their TypeScript queries included),
  // compared directly, and as a share of the rest of its run (which is roughly the typed parse).
  const { flush, floating } = attributed;
  const share = ({ matchedMs, totalMs }) => matchedMs / (totalMs - matchedMs);
  console.log(
    `\nprofiled time under the rules: ours ${flush.matchedMs.toFixed(0)} ms, no-floating-promises ${floating.matchedMs.toFixed(0)} ms, ` +
      `ratio ${(flush.matchedMs / floating.matchedMs).toFixed(2)}; relative to the rest of each run: ` +
      `${(100 * share(flush)).toFixed(1)}% vs ${(100 * share(floating)).toFixed(1)}%, ratio ${(share(flush) / share(floating)).toFixed(2)}`,
  );
}

const scratch = mkdtempSync(join(tmpdir(), "flush-bench-"));
try {
  let directory;
  if (values.project) {
    directory = resolve(values.project);
    if (!existsSync(join(directory, "tsconfig.json"))) throw new Error(`no tsconfig.json in ${directory}`);
  } else {
    directory = join(scratch, "corpus");
    writeCorpus(directory, fileCount, join(root, "node_modules"));
  }
  console.log(
    `project: ${values.project ? directory : `generated corpus of ${fileCount} files`}; ` +
      `Node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  );
  log("typed lint, sets A/B/C alternated:");
  benchLint(directory, scratch);
  if (!values["skip-codemod"]) {
    log("codemod next to tsc, alternated:");
    benchCodemod(directory, join(directory, "tsconfig.json"));
  }
  if (values.profile) await profile(directory, scratch, resolve(values.profile));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
