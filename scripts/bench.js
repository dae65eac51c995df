// npm run bench [-- --files N --runs R] [-- --corpus generated,real] [-- --project <dir>] [-- --profile <dir>]
//               [-- --sites 1000,4000] [-- --dist <build>] [-- --cache <dir>]
// Three measurements, each a comparison made side by side in the same run, every contender in its own
// child process and the contenders alternated round by round, so that machine noise (other
// processes, a busy disk, thermal limits) hits all of them alike. Run after `npm run build` (the
// npm script does both). docs/performance.md explains the method and records results.
//
// 1. The cost of the rules in typed linting (scripts/bench-lint.js does one lint):
//      A  the typed parse alone (typescript-eslint's parser with projectService, and a trivial rule
//         that takes the type checker in every file);
//      B  A + this plugin's recommended rules;
//      S  A + this plugin's strict rules;
//      C  A + @typescript-eslint/no-floating-promises alone.
//    It reports each set's median lint time, elapsed and CPU (CPU time is the steadier figure on a
//    shared machine), the time ESLint measured in the set's rules, and peak RSS; the increments
//    B−A, S−A and C−A of each (medians of the per-round differences), and the ratios of ours to
//    no-floating-promises's. The rule time leaves the parse out: where the rules cost a few
//    seconds in a lint of forty, the parse's spread swamps the CPU increment, not the rule time.
// 2. The codemod (a dry run over the whole project) next to `tsc --noEmit`, and their ratio.
// 3. The cost per site: one generated file with many sites (scripts/corpus.js, manySitesFile) at each
//    --sites size, alternated round by round: the codemod next to `tsc --noEmit` on that one-file
//    project, and the rules' increment (B − A) on it, each per 1,000 sites. A cost per site that
//    stays flat from the smallest size to the largest is linear; one that grows with the size is
//    per-site work over the whole file. --only-sites runs this measurement alone, --skip-sites skips it.
//
// The projects (--corpus, both by default) are a generated corpus of --files files
// (scripts/corpus.js), and real code: the src/ folders of pinned npm packages (scripts/real-corpus.js),
// downloaded once into --cache (node_modules/.cache/flush-bench by default) and checked against
// their pinned integrity. With --project, the one project is the real project in <dir>, linted over
// <dir>/tsconfig.json. --dist <build> takes the plugin and the codemod from another build than
// dist/, to measure a change without `npm run build` (which empties dist/): a build in a checkout
// of its own, which has the package.json and a node_modules, for example
//   git archive HEAD | tar -x -C /tmp/flush-x && ln -s "$PWD/node_modules" /tmp/flush-x/
//   (cd /tmp/flush-x && npx tsc -p tsconfig.build.json) && node scripts/bench.js --dist /tmp/flush-x/dist
// --profile <dir> adds, for each project, one more lint with B and one with C under
// `node --cpu-prof`, writes the profiles in <dir>/<project folder>, and summarises where B's time
// goes (scripts/profile-summary.js); profiled runs are not part of the timings.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, cpus, totalmem } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { writeCorpus, writeManySitesProject } from "./corpus.js";
import { parseJson } from "./json.js";
import { REAL_PACKAGES, writeRealCorpus } from "./real-corpus.js";

/** @typedef {import("./bench-lint.js").RuleSetName} RuleSetName */
/** @typedef {import("./bench-lint.js").LintReport} LintReport */
/** @typedef {ReturnType<typeof import("./profile-summary.js").summarize>} ProfileSummary */
/**
 * The part of `flush-codemod --json`'s report that is read here.
 * @typedef {{ summary: Record<string, number>, files: { rewritten: number }[] }} CodemodJson
 */

/**
 * `map.get(key)` for a key that was put in the map: the benchmark's own bookkeeping.
 * @template K, V
 * @param {ReadonlyMap<K, V>} map
 * @param {K} key
 * @returns {V}
 */
function at(map, key) {
  const value = map.get(key);
  if (value === undefined) throw new Error(`no entry for ${String(key)}`);
  return value;
}

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    files: { type: "string", default: "2000" },
    runs: { type: "string", default: "3" },
    project: { type: "string" },
    corpus: { type: "string", default: "generated,real" },
    cache: { type: "string" },
    dist: { type: "string" },
    profile: { type: "string" },
    "skip-codemod": { type: "boolean", default: false },
    sites: { type: "string", default: "1000,4000" },
    "skip-sites": { type: "boolean", default: false },
    "only-sites": { type: "boolean", default: false },
  },
});
const fileCount = Number(values.files);
const runs = Number(values.runs);
const siteCounts = values.sites.split(",").map(Number);
if (!(fileCount > 0) || !(runs > 0)) throw new Error("--files and --runs take positive numbers");
if (!siteCounts.every((count) => Number.isInteger(count) && count > 0))
  throw new Error("--sites takes positive whole numbers, comma-separated");
/** @typedef {"generated" | "real"} CorpusName */
/** @type {(name: string) => name is CorpusName} */
const isCorpusName = (name) => name === "generated" || name === "real";
const corpora = values.corpus.split(",").filter(isCorpusName);
if (corpora.length === 0 || corpora.length !== values.corpus.split(",").length)
  throw new Error("--corpus takes generated, real, or both, comma-separated");
const dist = resolve(values.dist ?? join(root, "dist"));
const cache = resolve(values.cache ?? join(root, "node_modules/.cache/flush-bench"));

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 */
function time(command, args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs Node with `args`; its elapsed time and, with /usr/bin/time, its CPU time (user + system).
 * @param {string[]} args
 * @param {string} cwd
 */
function timeNode(args, cwd) {
  if (!TIME) return { ...time(process.execPath, args, cwd), cpuSeconds: undefined };
  const run = time(TIME, ["-f", "cpu %U %S", process.execPath, ...args], cwd);
  const measured = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
  return { ...run, cpuSeconds: measured ? Number(measured[1]) + Number(measured[2]) : undefined };
}

/** @param {readonly number[]} list */
function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** @param {readonly number[]} list */
const seconds = (list) => list.map((s) => s.toFixed(2)).join(", ");
/** @param {number} kib */
const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;

/** @type {Record<RuleSetName, string>} */
const SETS = {
  parse: "A  typed parse only",
  flush: "B  + flush/recommended",
  strict: "S  + flush/strict",
  floating: "C  + no-floating-promises",
};

/**
 * One lint in a child process; its peak RSS from /usr/bin/time when there is one, else its own.
 * @param {RuleSetName} set
 * @param {string} directory
 * @param {string} scratch
 * @param {string[]} [nodeOptions]
 * @returns {LintReport & { wallSeconds: number, peakKiB: number }}
 */
function lint(set, directory, scratch, nodeOptions = []) {
  const out = join(scratch, `${set}.json`);
  const node = [
    ...nodeOptions,
    join(root, "scripts/bench-lint.js"),
    ...["--set", set, "--dir", directory, "--out", out, "--dist", dist],
  ];
  const run = TIME
    ? time(TIME, ["-f", "maxrss %M", process.execPath, ...node], root)
    : time(process.execPath, node, root);
  if (run.status !== 0) throw new Error(`the lint with set ${set} failed (exit ${run.status}): ${run.stderr}`);
  const report = /** @type {LintReport} */ (parseJson(readFileSync(out, "utf8")));
  const measured = TIME && /maxrss (\d+)\s*$/.exec(run.stderr);
  return { ...report, wallSeconds: run.seconds, peakKiB: measured ? Number(measured[1]) : report.maxRssKiB };
}

/**
 * The four sets, alternated round by round, on one project; what it printed, for the summary.
 * @param {string} name what the project is, for the report
 * @param {string} directory
 * @param {string} scratch
 * @returns {BenchSummary}
 */
function benchLint(name, directory, scratch) {
  const sets = /** @type {RuleSetName[]} */ (Object.keys(SETS));
  /** @typedef {"lintSeconds" | "lintCpuSeconds" | "ruleSeconds" | "wallSeconds" | "peakKiB"} Measure */
  /** @type {Measure[]} */
  const measures = ["lintSeconds", "lintCpuSeconds", "ruleSeconds", "wallSeconds", "peakKiB"];
  const m = /** @type {Record<Measure, Record<RuleSetName, number[]>>} */ (
    Object.fromEntries(
      measures.map((key) => [key, Object.fromEntries(sets.map((set) => [set, /** @type {number[]} */ ([])]))]),
    )
  );
  // Every set has its report after the first round, and there is at least one (--runs > 0).
  const reports = /** @type {Record<RuleSetName, LintReport>} */ ({});
  for (let round = 0; round < runs; round++) {
    // A, B, S, C in the first round, B, S, C, A in the second, and so on: no set is always first.
    const order = sets.map((_, k) => sets[(k + round) % sets.length]);
    for (const set of order) {
      const report = lint(set, directory, scratch);
      if (report.fatal > 0)
        log(`  warning: ${report.fatal} files did not parse with set ${set}; first: ${report.firstFatal}`);
      for (const key of measures) m[key][set].push(report[key]);
      reports[set] = report;
      log(
        `  round ${round + 1}/${runs} ${set.padEnd(8)} ${report.lintSeconds.toFixed(2)} s elapsed, ` +
          `${report.lintCpuSeconds.toFixed(2)} s CPU, ${report.ruleSeconds.toFixed(2)} s in rules, ${mib(report.peakKiB)} peak`,
      );
    }
  }
  // The increment of a set over A: the median of the per-round differences (A ran in the same round).
  /** @type {(key: Measure, set: RuleSetName) => number} */
  const increment = (key, set) => median(m[key][set].map((s, round) => s - m[key].parse[round]));

  console.log(
    `\ntyped lint of ${reports.parse.files} files (${name}), ${runs} rounds, sets alternated (ESLint's lintFiles, timed in the child)`,
  );
  for (const set of sets) {
    const problems = Object.entries(reports[set].problems)
      .map(([rule, count]) => `${rule} ${count}`)
      .join(", ");
    console.log(
      `${SETS[set].padEnd(27)} elapsed median ${median(m.lintSeconds[set]).toFixed(2)} s (${seconds(m.lintSeconds[set])}); ` +
        `CPU median ${median(m.lintCpuSeconds[set]).toFixed(2)} s (${seconds(m.lintCpuSeconds[set])}); ` +
        `rules median ${median(m.ruleSeconds[set]).toFixed(2)} s (${seconds(m.ruleSeconds[set])}); ` +
        `peak RSS ${mib(median(m.peakKiB[set]))} (${m.peakKiB[set].map((kib) => (kib / 1024).toFixed(0)).join(", ")})` +
        (problems ? `; ${problems}` : ""),
    );
  }
  const rssFrom = TIME ? "/usr/bin/time %M" : "the child's process.resourceUsage().maxRSS";
  /** @type {[Measure, string, (value: number) => string][]} */
  const increments = [
    ["lintSeconds", "elapsed", (s) => `${s.toFixed(2)} s`],
    ["lintCpuSeconds", "CPU    ", (s) => `${s.toFixed(2)} s`],
    ["ruleSeconds", "rules  ", (s) => `${s.toFixed(2)} s`],
    ["peakKiB", "peak RSS", (kib) => `${(kib / 1024).toFixed(0)} MiB (${percent(kib / median(m.peakKiB.parse))})`],
  ];
  const theirs = Object.fromEntries(increments.map(([key]) => [key, increment(key, "floating")]));
  console.log(`increments over A (medians of the per-round differences); peak RSS from ${rssFrom}:`);
  for (const [key, label, format] of increments) {
    console.log(`  ${label.padEnd(8)} C−A (no-floating-promises) ${format(theirs[key])}`);
    for (const set of /** @type {const} */ (["flush", "strict"])) {
      const ours = increment(key, set);
      console.log(
        `  ${label.padEnd(8)} ${set === "flush" ? "B−A (recommended)" : "S−A (strict)     "}      ${format(ours)}; ` +
          `ratio to C−A ${(ours / theirs[key]).toFixed(2)} (target: at most 0.50)`,
      );
    }
  }
  /** @type {(set: RuleSetName) => BenchRow} */
  const row = (set) => ({
    elapsed: increment("lintSeconds", set),
    cpu: increment("lintCpuSeconds", set),
    rules: increment("ruleSeconds", set),
    rssMiB: increment("peakKiB", set) / 1024,
    rssShare: increment("peakKiB", set) / median(m.peakKiB.parse),
  });
  return {
    name,
    files: reports.parse.files,
    parse: row("parse"),
    flush: row("flush"),
    strict: row("strict"),
    floating: row("floating"),
  };
}

/** @param {number} ratio a relative increment: 0.05 is 5% more */
const percent = (ratio) => `${ratio >= 0 ? "+" : ""}${(ratio * 100).toFixed(1)}%`;

/**
 * The increments of one set over A in one project, and what they are next to no-floating-promises's.
 * @typedef {{ elapsed: number, cpu: number, rules: number, rssMiB: number, rssShare: number }} BenchRow
 * @typedef {{ name: string, files: number } & Record<RuleSetName, BenchRow>} BenchSummary
 */

/**
 * The ratios of every project, side by side: our increments to no-floating-promises's.
 * @param {BenchSummary[]} summaries
 */
function printSummary(summaries) {
  console.log(`
summary, increments over the typed parse (A); ratios to no-floating-promises's (target: at most 0.50)`);
  /** @type {(value: number, of: number) => string} */
  const ratio = (value, of) => (value / of).toFixed(2);
  for (const { name, files, flush, strict, floating } of summaries) {
    console.log(
      `${name} (${files} files): no-floating-promises ${floating.elapsed.toFixed(2)} s elapsed, ${floating.cpu.toFixed(2)} s CPU, ` +
        `${floating.rules.toFixed(2)} s in rules, ${floating.rssMiB.toFixed(0)} MiB (${percent(floating.rssShare)})`,
    );
    for (const [label, ours] of /** @type {const} */ ([
      ["recommended", flush],
      ["strict", strict],
    ])) {
      console.log(
        `  ${label.padEnd(11)} ${ours.elapsed.toFixed(2)} s elapsed (ratio ${ratio(ours.elapsed, floating.elapsed)}), ` +
          `${ours.cpu.toFixed(2)} s CPU (ratio ${ratio(ours.cpu, floating.cpu)}), ` +
          `${ours.rules.toFixed(2)} s in rules (ratio ${ratio(ours.rules, floating.rules)}), ` +
          `peak RSS ${ours.rssMiB.toFixed(0)} MiB, ${percent(ours.rssShare)} (ratio ${ratio(ours.rssMiB, floating.rssMiB)})`,
      );
    }
  }
}

/**
 * `tsc --noEmit` over `directory`'s tsconfig.json.
 * @param {string} directory
 */
function typeCheck(directory) {
  return timeNode(
    [join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", join(directory, "tsconfig.json")],
    directory,
  );
}

/**
 * `flush-codemod --dry --json` over `directory`'s tsconfig.json; its report, parsed.
 * @param {string} directory
 * @param {string[]} [nodeOptions]
 */
function dryCodemod(directory, nodeOptions = []) {
  const cli = join(dist, "src/cli/flush-codemod.js");
  const run = timeNode(
    [...nodeOptions, cli, "--dry", "--json", "--project", join(directory, "tsconfig.json"), "."],
    directory,
  );
  if (run.status !== 0) throw new Error(`the codemod failed (exit ${run.status}): ${run.stderr}`);
  return { ...run, report: /** @type {CodemodJson} */ (parseJson(run.stdout)) };
}

/** @param {string} directory */
function benchCodemod(directory) {
  /** @type {{ tsc: number[], codemod: number[] }} */
  const timings = { tsc: [], codemod: [] };
  let summary;
  for (let run = 0; run < runs; run++) {
    const checked = typeCheck(directory);
    timings.tsc.push(checked.seconds);
    const rewrite = dryCodemod(directory);
    timings.codemod.push(rewrite.seconds);
    summary = rewrite.report.summary;
    log(`  run ${run + 1}/${runs} tsc ${checked.seconds.toFixed(2)} s, codemod ${rewrite.seconds.toFixed(2)} s`);
  }
  const tscMedian = median(timings.tsc);
  const codemodMedian = median(timings.codemod);
  console.log(`\ncodemod next to tsc, ${runs} alternating runs each (process wall times)`);
  console.log(`codemod summary: ${JSON.stringify(summary)}`);
  console.log(`tsc --noEmit        median ${tscMedian.toFixed(2)} s  (${seconds(timings.tsc)})`);
  console.log(`flush-codemod --dry median ${codemodMedian.toFixed(2)} s  (${seconds(timings.codemod)})`);
  console.log(`ratio codemod / tsc: ${(codemodMedian / tscMedian).toFixed(2)} (target: at most 1.50)`);
}

/**
 * The cost per site: a one-file project for each of `siteCounts`, the sizes alternated round by
 * round, each measured with `tsc --noEmit`, the codemod, and the lints A and B. CPU time (user +
 * system, from /usr/bin/time, else elapsed time) is the figure compared: the codemod's beyond
 * `tsc`'s, and the rules' (B − A), per 1,000 sites. Returns the project directories, by size.
 * @param {string} scratch
 */
function benchManySites(scratch) {
  const directories = new Map(
    siteCounts.map((count) => {
      const directory = join(scratch, `sites-${count}`);
      writeManySitesProject(directory, count, join(root, "node_modules"));
      return [count, directory];
    }),
  );
  /** @typedef {"tsc" | "codemod" | "tscCpu" | "codemodCpu" | "rules" | "rulesCpu"} SiteMeasure */
  /** @type {SiteMeasure[]} */
  const measures = ["tsc", "codemod", "tscCpu", "codemodCpu", "rules", "rulesCpu"];
  const m = new Map(
    siteCounts.map((count) => [
      count,
      /** @type {Record<SiteMeasure, number[]>} */ (
        Object.fromEntries(measures.map((key) => [key, /** @type {number[]} */ ([])]))
      ),
    ]),
  );
  /** @type {Map<number, { rewritten: number, problems: Record<string, number> }>} */
  const outcome = new Map();
  for (let round = 0; round < runs; round++) {
    for (const count of round % 2 === 0 ? siteCounts : [...siteCounts].reverse()) {
      const directory = at(directories, count);
      const checked = typeCheck(directory);
      const rewrite = dryCodemod(directory);
      const parse = lint("parse", directory, scratch);
      const flush = lint("flush", directory, scratch);
      const measured = {
        tsc: checked.seconds,
        codemod: rewrite.seconds,
        tscCpu: checked.cpuSeconds ?? checked.seconds,
        codemodCpu: rewrite.cpuSeconds ?? rewrite.seconds,
        rules: flush.lintSeconds - parse.lintSeconds,
        rulesCpu: flush.lintCpuSeconds - parse.lintCpuSeconds,
      };
      for (const key of measures) at(m, count)[key].push(measured[key]);
      outcome.set(count, { rewritten: rewrite.report.files[0]?.rewritten ?? 0, problems: flush.problems });
      log(
        `  round ${round + 1}/${runs} ${count} sites: tsc ${checked.seconds.toFixed(2)} s, codemod ${rewrite.seconds.toFixed(2)} s, ` +
          `lint A ${parse.lintSeconds.toFixed(2)} s, B ${flush.lintSeconds.toFixed(2)} s`,
      );
    }
  }
  // Per 1,000 sites: the codemod's CPU time beyond tsc's (the median of the per-round differences), and the rules'.
  /** @type {(count: number, list: number[]) => number} */
  const perThousand = (count, list) => (1000 * median(list)) / count;
  /** @type {(count: number) => number[]} */
  const codemodExtra = (count) => at(m, count).codemodCpu.map((cpu, round) => cpu - at(m, count).tscCpu[round]);
  const cpuFrom = TIME ? "CPU (user + system)" : "elapsed (no /usr/bin/time for CPU)";
  console.log(
    `\nmany sites in one file (scripts/corpus.js manySitesFile), ${runs} rounds, sizes alternated; medians, ${cpuFrom}`,
  );
  for (const count of siteCounts) {
    const { tsc, codemod, tscCpu, codemodCpu, rules, rulesCpu } = at(m, count);
    const { rewritten, problems } = at(outcome, count);
    const reported = Object.values(problems).reduce((sum, n) => sum + n, 0);
    console.log(
      `${String(count).padStart(6)} sites: codemod ${median(codemodCpu).toFixed(2)} s, tsc --noEmit ${median(tscCpu).toFixed(2)} s, ` +
        `codemod / tsc ${(median(codemodCpu) / median(tscCpu)).toFixed(2)} (elapsed ${median(codemod).toFixed(2)} s / ${median(tsc).toFixed(2)} s); ` +
        `codemod beyond tsc ${perThousand(count, codemodExtra(count)).toFixed(2)} s per 1000 sites (${rewritten} rewritten); ` +
        `rules B − A ${perThousand(count, rulesCpu).toFixed(2)} s per 1000 sites (elapsed ${perThousand(count, rules).toFixed(2)} s; ${reported} reports)`,
    );
  }
  // --sites is never empty: "" splits into [""], which is not a positive number.
  const [small, large] = [siteCounts[0], siteCounts[siteCounts.length - 1]];
  if (large !== small) {
    // Per-site work over the whole file makes the cost per site grow in proportion to the size.
    /** @type {(list: (count: number) => number[]) => number} */
    const growth = (list) => perThousand(large, list(large)) / perThousand(small, list(small));
    /** @type {(count: number) => number[]} */
    const rulesCpu = (count) => at(m, count).rulesCpu;
    console.log(
      `cost per site, ${large} sites against ${small}: codemod beyond tsc ×${growth(codemodExtra).toFixed(2)}, ` +
        `rules ×${growth(rulesCpu).toFixed(2)} ` +
        `(×1.00: linear, less with fixed costs spread over more sites; ×${(large / small).toFixed(2)}: quadratic)`,
    );
    // The cost of the sites added between the two sizes, fixed costs cancelled out.
    /** @type {(list: (count: number) => number[]) => number} */
    const marginal = (list) => (1000 * (median(list(large)) - median(list(small)))) / (large - small);
    console.log(
      `cost per 1000 sites added from ${small} to ${large}: codemod beyond tsc ${marginal(codemodExtra).toFixed(2)} s, ` +
        `rules ${marginal(rulesCpu).toFixed(2)} s`,
    );
  }
  return directories;
}

/**
 * A CPU profile of the codemod on `directory`, summarised for this plugin's frames.
 * @param {string} directory
 * @param {string} into
 * @param {string} name
 */
async function profileCodemod(directory, into, name) {
  mkdirSync(into, { recursive: true });
  const { summarize } = await import("./profile-summary.js");
  dryCodemod(directory, ["--cpu-prof", `--cpu-prof-dir=${into}`, `--cpu-prof-name=${name}`]);
  console.log(`
profile of the codemod: ${join(into, name)}`);
  console.log(
    summarize(
      /** @type {import("./profile-summary.js").CpuProfile} */ (parseJson(readFileSync(join(into, name), "utf8"))),
      pathToFileURL(join(dist, "/")).href,
      15,
    ).text,
  );
}

/**
 * @param {string} directory
 * @param {string} scratch
 * @param {string} into
 */
async function profile(directory, scratch, into) {
  mkdirSync(into, { recursive: true });
  const { summarize } = await import("./profile-summary.js");
  /** @type {[RuleSetName, string][]} */
  const matches = [
    ["flush", pathToFileURL(join(dist, "src/")).href],
    ["floating", "@typescript-eslint/eslint-plugin/dist/rules/no-floating-promises"],
  ];
  /** @type {Map<RuleSetName, ProfileSummary>} */
  const attributed = new Map();
  for (const [set, match] of matches) {
    const name = `${set}.cpuprofile`;
    lint(set, directory, scratch, ["--cpu-prof", `--cpu-prof-dir=${into}`, `--cpu-prof-name=${name}`]);
    const profiled = /** @type {import("./profile-summary.js").CpuProfile} */ (
      parseJson(readFileSync(join(into, name), "utf8"))
    );
    const summary = summarize(profiled, match, 15);
    attributed.set(set, summary);
    console.log(`\nprofile of set ${set}: ${join(into, name)}`);
    console.log(summary.text);
  }
  // The time sampled with the rules' own frames on the stack (their TypeScript queries included),
  // compared directly, and as a share of the rest of its run (which is roughly the typed parse).
  const flush = at(attributed, "flush");
  const floating = at(attributed, "floating");
  /** @type {(summary: ProfileSummary) => number} */
  const share = ({ matchedMs, totalMs }) => matchedMs / (totalMs - matchedMs);
  console.log(
    `\nprofiled time under the rules: ours ${flush.matchedMs.toFixed(0)} ms, no-floating-promises ${floating.matchedMs.toFixed(0)} ms, ` +
      `ratio ${(flush.matchedMs / floating.matchedMs).toFixed(2)}; relative to the rest of each run: ` +
      `${(100 * share(flush)).toFixed(1)}% vs ${(100 * share(floating)).toFixed(1)}%, ratio ${(share(flush) / share(floating)).toFixed(2)}`,
  );
}

const scratch = mkdtempSync(join(tmpdir(), "flush-bench-"));
try {
  console.log(
    `Node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; plugin from ${dist}`,
  );
  if (!values["only-sites"]) {
    /** @type {[string, string][]} the projects, by name */
    const projects = [];
    if (values.project) {
      const directory = resolve(values.project);
      if (!existsSync(join(directory, "tsconfig.json"))) throw new Error(`no tsconfig.json in ${directory}`);
      projects.push([directory, directory]);
    } else {
      for (const corpus of corpora) {
        const directory = join(scratch, corpus);
        if (corpus === "generated") {
          writeCorpus(directory, fileCount, join(root, "node_modules"));
          projects.push([`generated corpus of ${fileCount} files`, directory]);
        } else {
          writeRealCorpus(directory, cache, join(root, "node_modules/@types"), log);
          const packages = REAL_PACKAGES.map(({ name, version }) => `${name}@${version}`).join(" + ");
          projects.push([`real code: ${packages} src/`, directory]);
        }
      }
    }
    /** @type {BenchSummary[]} */
    const summaries = [];
    for (const [name, directory] of projects) {
      console.log(`\nproject: ${name}`);
      log(`${name}: typed lint, sets A/B/S/C alternated:`);
      summaries.push(benchLint(name, directory, scratch));
      if (!values["skip-codemod"]) {
        log(`${name}: codemod next to tsc, alternated:`);
        benchCodemod(directory);
      }
      if (values.profile) await profile(directory, scratch, resolve(values.profile, basename(directory)));
    }
    printSummary(summaries);
  }
  if (!values["skip-sites"]) {
    log(`many sites in one file (${siteCounts.join(", ")}), alternated:`);
    const directories = benchManySites(scratch);
    const largest = siteCounts[siteCounts.length - 1];
    if (values.profile)
      await profileCodemod(at(directories, largest), resolve(values.profile), `codemod-${largest}-sites.cpuprofile`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
