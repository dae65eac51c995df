// node scripts/bench-lint.js --set parse|flush|strict|floating --dir <project dir> [--out <json file>] [--dist <build>]
// One typed-lint run, meant to be started in its own child process by scripts/bench.js so that
// every run starts cold and its peak memory is its own. It lints every TypeScript source file of
// <dir>/tsconfig.json (not the .d.ts files) through ESLint's Node API with the typescript-eslint
// parser and `projectService`, with one rule set:
//   parse    — only a trivial rule that asks for the program's type checker in every file: the cost
//              of typed parsing alone (the baseline that the other two sets are measured against);
//   flush    — this plugin's recommended config (built, from dist/src/index.js, or from
//              <build>/src/index.js with --dist <build>);
//   strict   — this plugin's strict config, from the same build;
//   floating — @typescript-eslint/no-floating-promises alone.
// It prints (or writes to --out) one JSON object: the lint's elapsed and CPU time, the process's
// peak RSS and the number of problems per rule.
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import ts from "typescript";

import { importModule } from "./json.js";

const { values } = parseArgs({
  options: {
    set: { type: "string" },
    dir: { type: "string" },
    out: { type: "string" },
    dist: { type: "string" },
  },
});
/** @typedef {"parse" | "flush" | "strict" | "floating"} RuleSetName */
/** @type {readonly RuleSetName[]} */
const SETS = ["parse", "flush", "strict", "floating"];
/** @type {(set: string | undefined) => set is RuleSetName} */
const isRuleSet = (set) => SETS.some((name) => name === set);
if (!isRuleSet(values.set) || !values.dir) {
  throw new Error(`usage: bench-lint.js --set ${SETS.join("|")} --dir <project dir> [--out <file>] [--dist <build>]`);
}
const directory = resolve(values.dir);

/** The TypeScript sources of <dir>/tsconfig.json, as tsc itself resolves them. */
function projectFiles() {
  const tsconfig = resolve(directory, "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  return parsed.fileNames.filter((file) => /\.(?:[cm]?ts|tsx)$/.test(file) && !/\.d\.[cm]?ts$/.test(file));
}

/**
 * The baseline's only rule. typescript-eslint builds the program while it parses each file (the
 * project service's language service) and creates the checker when it builds the parser services;
 * this rule makes sure both are really obtained in every file, as any typed rule does, and asks for
 * nothing else, so that TypeScript's lazy type checking is not started.
 */
/**
 * Typed as typescript-eslint types rules, for its parser services; registered below as an ESLint rule.
 * @type {import("@typescript-eslint/utils").TSESLint.RuleModule<never>}
 */
const typeInfoRule = {
  meta: { type: "problem", schema: [], messages: {} },
  create(context) {
    return {
      Program() {
        const services = context.sourceCode.parserServices;
        if (!services?.program) throw new Error(`no type information for ${context.filename}`);
        services.program.getTypeChecker();
      },
    };
  },
};

/**
 * @param {RuleSetName} set
 * @returns {Promise<Pick<import("eslint").Linter.Config, "plugins" | "rules">>}
 */
async function ruleSet(set) {
  if (set === "parse") {
    const bench = /** @type {import("eslint").ESLint.Plugin} */ (
      /** @type {unknown} */ ({ rules: { "type-info": typeInfoRule } })
    );
    return { plugins: { bench }, rules: { "bench/type-info": "error" } };
  }
  if (set === "flush" || set === "strict") {
    // The build (bench.js runs after `npm run build`), typed by its source: type-checking this
    // script needs no build. A build elsewhere (--dist) must sit in a checkout of its own, beside
    // its package.json (the plugin reads it by the package's name) and a node_modules (see bench.js).
    const built = values.dist
      ? pathToFileURL(resolve(values.dist, "src/index.js")).href
      : new URL("../dist/src/index.js", import.meta.url).href;
    const flush = /** @type {{ default: import("../src/index.js").default }} */ (await importModule(built)).default;
    // The plugin types its configs loosely (see src/index.ts); at run time they are flat configs.
    const config = set === "flush" ? flush.configs.recommended : flush.configs.strict;
    const { plugins, rules } = /** @type {import("eslint").Linter.Config} */ (config);
    return { plugins, rules };
  }
  return {
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: { "@typescript-eslint/no-floating-promises": "error" },
  };
}

const files = projectFiles();
const { plugins, rules } = await ruleSet(values.set);
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const eslint = new ESLint({
  cwd: directory,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ["**/*.{ts,tsx,mts,cts}"],
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: { projectService: true, tsconfigRootDir: directory },
      },
      linterOptions: { reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" },
      plugins,
      rules,
    },
  ],
  warnIgnored: false,
  // A real project's `/* eslint ... */` comments and disable directives name rules that a set may
  // not have (ESLint would report them as undefined rules): ignore them, in every set alike.
  allowInlineConfig: false,
  // Each rule's own time, per file: the rules' cost without the parse's noise (see ruleSeconds).
  stats: true,
});
const results = await eslint.lintFiles(files);
const lintSeconds = Number(process.hrtime.bigint() - start) / 1e9;
// CPU time (user + system, all of the process's threads, the garbage collector's included): less
// sensitive than elapsed time to other processes competing for the cores.
const cpu = process.cpuUsage(cpuStart);
const lintCpuSeconds = (cpu.user + cpu.system) / 1e6;

// The time ESLint measured in the set's rules, summed over files: their listeners' wall time, with
// the type checking they trigger and the garbage collection that falls in it. Next to the CPU
// increment over the typed parse, it leaves out the parse, whose run-to-run spread is larger than
// the rules' whole cost on the generated corpus.
let ruleMilliseconds = 0;
for (const result of results) {
  for (const pass of result.stats?.times.passes ?? []) {
    for (const time of Object.values(pass.rules ?? {})) ruleMilliseconds += time.total;
  }
}
const ruleSeconds = ruleMilliseconds / 1000;

/** @type {Record<string, number>} */
const problems = {};
let fatal = 0;
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal) fatal++;
    const key = message.ruleId ?? "(parse error)";
    problems[key] = (problems[key] ?? 0) + 1;
  }
}
/**
 * What one run prints: bench.js reads it.
 * @typedef {object} LintReport
 * @property {RuleSetName} set
 * @property {number} files
 * @property {number} linted
 * @property {number} fatal
 * @property {Record<string, number>} problems
 * @property {number} lintSeconds
 * @property {number} lintCpuSeconds
 * @property {number} ruleSeconds
 * @property {number} maxRssKiB
 * @property {string} [firstFatal]
 */
/** @type {LintReport} */
const report = {
  set: values.set,
  files: files.length,
  linted: results.length,
  fatal,
  problems,
  lintSeconds,
  lintCpuSeconds,
  ruleSeconds,
  maxRssKiB: process.resourceUsage().maxRSS,
};
if (fatal > 0) {
  for (const result of results) {
    const firstFatal = result.messages.find((message) => message.fatal);
    if (firstFatal) {
      report.firstFatal = `${result.filePath}: ${firstFatal.message}`;
      break;
    }
  }
}
const text = JSON.stringify(report);
if (values.out) writeFileSync(values.out, text);
else console.log(text);
