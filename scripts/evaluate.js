#!/usr/bin/env node
// Lints a checkout of some other project with the plugin's recommended config, type-aware, and
// writes every finding as JSON, to measure the rules' precision on real code (docs/evaluation.md).
//
//   node scripts/evaluate.js <checkout> [--out findings.json] [--include <glob>]... [--exclude <glob>]...
//                            [--tsconfig <path>] [--lib <lib>]... [--dist <dir>]... [--config <name>]...
//
// --dist names a build of the plugin (a folder holding src/index.js; default: this repository's
// dist) and --config one of its configs (default: recommended). Given several, every pair of a
// build and a config lints each file in the same pass (one TypeScript program), each pair's plugin
// under its own namespace; every finding then carries its `variant` ("<dist>#<config>"), and
// `counts` is given per variant. The rules keep their caches per program and per options, so the
// findings are those of separate runs.
//
// The checkout's own dependencies are usually not installed. The script writes one file into the
// checkout, tsconfig.flush-eval.json, which extends the checkout's tsconfig (when it has one) and
// points `typeRoots` at this repository's node_modules/@types, so `node:` built-ins resolve from
// @types/node; imports of uninstalled packages stay unresolved (their values are `any`, which the
// rules leave alone). It installs nothing. Every file is linted on its own inside a try/catch, so
// a crash is recorded against its file and the run goes on; crashes and parse errors are written
// to the JSON too, and the exit code is 0 unless the run itself could not start.

import { once } from "node:events";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative, resolve, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { glob } from "tinyglobby";
import ts from "typescript";

import { importModule } from "./json.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GENERATED_TSCONFIG = "tsconfig.flush-eval.json";
const DEFAULT_INCLUDE = ["**/*.{ts,mts,cts,tsx}"];
const ALWAYS_EXCLUDE = ["**/node_modules/**", "**/dist/**", "**/*.d.ts", "**/*.d.mts", "**/*.d.cts", "**/.git/**"];

/** @param {string} [message] */
function usage(message) {
  if (message) console.error(`evaluate: ${message}`);
  console.error(
    "usage: node scripts/evaluate.js <checkout> [--out findings.json] [--include <glob>]... " +
      "[--exclude <glob>]... [--tsconfig <path>] [--lib <lib>]... [--dist <dir>]... [--config <name>]...",
  );
  process.exitCode = 2;
}

function parseArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        out: { type: "string" },
        include: { type: "string", multiple: true },
        exclude: { type: "string", multiple: true },
        tsconfig: { type: "string" },
        lib: { type: "string", multiple: true },
        dist: { type: "string", multiple: true },
        config: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/**
 * The checkout's own tsconfig, if any: --tsconfig, else tsconfig.json at its root.
 * @param {string} checkout
 * @param {string | undefined} explicit
 */
function findBaseTsconfig(checkout, explicit) {
  if (explicit) {
    const path = resolve(checkout, explicit);
    if (!existsSync(path)) throw new Error(`no such tsconfig: ${path}`);
    return path;
  }
  const path = join(checkout, "tsconfig.json");
  return existsSync(path) ? path : undefined;
}

/**
 * Writes tsconfig.flush-eval.json: the checkout's settings, with the types taken from this
 * repository's @types, and exactly the files to lint. Without a base tsconfig (Deno, Bun), it
 * uses settings that accept `.ts` import specifiers and give the WHATWG stream globals.
 * @param {string} checkout
 * @param {string | undefined} base
 * @param {string[]} files
 * @param {string[] | undefined} libs
 */
export function writeGeneratedTsconfig(checkout, base, files, libs) {
  const inlined = base ? inlineUnresolvableBase(base) : undefined;
  /** @type {Record<string, unknown>} */
  const compilerOptions = {
    ...(inlined ?? {}),
    typeRoots: [join(repoRoot, "node_modules", "@types")],
    types: ["node"],
    skipLibCheck: true,
    noEmit: true,
    allowJs: false,
    checkJs: false,
    composite: false,
    incremental: false,
    declaration: false,
    declarationMap: false,
    // Files outside the base's rootDir are linted too (tests, scripts).
    rootDir: checkout,
  };
  if (!base || inlined) {
    for (const [key, value] of Object.entries({
      target: "ES2022",
      module: "preserve",
      moduleResolution: "bundler",
      allowImportingTsExtensions: true,
      strict: true,
      lib: ["ES2023", "DOM", "DOM.Iterable"],
    })) {
      if (!inlined || !(key in inlined)) compilerOptions[key] = value;
    }
    if (
      inlined &&
      ["node", "node10", "node16", "nodenext"].includes(String(compilerOptions.moduleResolution).toLowerCase())
    ) {
      compilerOptions.module =
        compilerOptions.moduleResolution === "node" ? "commonjs" : compilerOptions.moduleResolution;
    }
  }
  if (libs?.length) compilerOptions.lib = libs;
  const config = {
    ...(base && !inlined ? { extends: `./${relative(checkout, base)}` } : {}),
    compilerOptions,
    files: files.map((file) => `./${relative(checkout, file)}`),
    include: [],
  };
  const path = join(checkout, GENERATED_TSCONFIG);
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

/**
 * A base tsconfig whose `extends` chain names a file that is not there (a shared config from an
 * uninstalled package, such as gts) cannot be extended: TypeScript refuses the whole program.
 * Then its own compilerOptions are copied (without the missing parent's) and the defaults fill in.
 * @param {string} base
 * @returns {Record<string, unknown> | undefined}
 */
function inlineUnresolvableBase(base) {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
  const parsed = ts.getParsedCommandLineOfConfigFile(base, {}, host);
  const missingParent = (parsed?.errors ?? []).some((d) => [5083, 5058, 6053, 6054, 18001].includes(d.code));
  if (parsed && !missingParent) return undefined;
  const raw =
    /** @type {{ compilerOptions?: Record<string, unknown> } | undefined} */ (
      ts.readConfigFile(base, (path) => ts.sys.readFile(path)).config
    ) ?? {};
  const options = { ...(raw.compilerOptions ?? {}) };
  for (const key of ["paths", "baseUrl", "rootDir", "outDir", "rootDirs", "typeRoots", "types"]) delete options[key];
  return options;
}

async function main() {
  const args = parseArguments();
  if (!args) return;
  if (args.values.help) return usage();
  if (args.positionals.length !== 1) return usage("expected exactly one checkout directory");
  const checkout = resolve(args.positionals[0]);
  if (!existsSync(checkout)) return usage(`no such directory: ${checkout}`);

  /** @type {{ name: string, namespace: string, config: import("eslint").Linter.Config }[]} */
  const variants = [];
  for (const dist of args.values.dist ?? [join(repoRoot, "dist")]) {
    const { default: plugin } = /** @type {{ default: import("../src/index.js").default }} */ (
      await importModule(join(resolve(dist), "src", "index.js"))
    );
    for (const configName of args.values.config ?? ["recommended"]) {
      /** @type {Record<string, import("eslint").Linter.Config | undefined>} */
      const configs = plugin.configs;
      const config = configs[configName];
      if (!config) return usage(`no config ${configName} in ${dist}`);
      variants.push({ name: `${resolve(dist)}#${configName}`, namespace: `flush${variants.length}`, config });
    }
  }
  const single = variants.length === 1;
  const base = findBaseTsconfig(checkout, args.values.tsconfig);
  const files = (
    await glob(args.values.include ?? DEFAULT_INCLUDE, {
      cwd: checkout,
      absolute: true,
      ignore: [...ALWAYS_EXCLUDE, ...(args.values.exclude ?? [])],
    })
  ).sort();
  if (files.length === 0) return usage("no TypeScript files matched");
  const tsconfig = writeGeneratedTsconfig(checkout, base, files, args.values.lib);

  const eslint = new ESLint({
    cwd: checkout,
    overrideConfigFile: true,
    allowInlineConfig: false,
    warnIgnored: false,
    ignore: false,
    overrideConfig: [
      {
        files: ["**/*.{ts,mts,cts,tsx}"],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { project: tsconfig, tsconfigRootDir: checkout },
        },
        linterOptions: { reportUnusedDisableDirectives: "off" },
      },
      ...variants.map((variant) =>
        single
          ? { files: ["**/*.{ts,mts,cts,tsx}"], ...variant.config }
          : {
              files: ["**/*.{ts,mts,cts,tsx}"],
              plugins: Object.fromEntries(
                Object.values(variant.config.plugins ?? {}).map((plugin) => [variant.namespace, plugin]),
              ),
              rules: Object.fromEntries(
                Object.entries(variant.config.rules ?? {}).map(([rule, setting]) => [
                  rule.replace(/^[^/]+\//, `${variant.namespace}/`),
                  setting,
                ]),
              ),
            },
      ),
    ],
  });

  /** @type {{ variant?: string, rule: string, file: string, line: number, column: number, message: string, source: string | undefined }[]} */
  const findings = [];
  /** @type {{ file: string, kind: "parse" | "crash", line?: number, message: string }[]} */
  const errors = [];
  const started = Date.now();
  for (const [index, file] of files.entries()) {
    const rel = relative(checkout, file);
    if (process.stderr.isTTY) {
      const progress = `\r${index + 1}/${files.length} ${rel}`.slice(0, 120).padEnd(120);
      if (!process.stderr.write(progress)) await once(process.stderr, "drain");
    }
    try {
      const [result] = await eslint.lintFiles([file]);
      /** @type {string[] | undefined} */
      let lines;
      for (const message of result?.messages ?? []) {
        if (message.fatal || !message.ruleId) {
          errors.push({ file: rel, kind: "parse", line: message.line, message: message.message });
          continue;
        }
        const variant = single ? undefined : variants.find((v) => message.ruleId?.startsWith(`${v.namespace}/`));
        findings.push({
          ...(variant ? { variant: variant.name } : {}),
          rule: variant ? message.ruleId.replace(/^[^/]+\//, "flush/") : message.ruleId,
          file: rel,
          line: message.line,
          column: message.column,
          message: message.message,
          source: (lines ??= readFileSync(file, "utf8").split(/\r?\n/))[message.line - 1]?.trim(),
        });
      }
    } catch (error) {
      errors.push({
        file: rel,
        kind: "crash",
        message:
          error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 6).join("\n") : String(error),
      });
    }
  }
  if (process.stderr.isTTY) process.stderr.write("\n");

  /** @type {Record<string, number>} */
  const ruleCounts = {};
  /** @type {Record<string, Record<string, number>>} */
  const variantCounts = {};
  for (const finding of findings) {
    const bucket = finding.variant ? (variantCounts[finding.variant] ??= {}) : ruleCounts;
    bucket[finding.rule] = (bucket[finding.rule] ?? 0) + 1;
  }
  const counts = single ? ruleCounts : variantCounts;
  const report = {
    checkout,
    tsconfig: relative(checkout, tsconfig),
    baseTsconfig: base ? relative(checkout, base) : null,
    files: files.length,
    seconds: Math.round((Date.now() - started) / 1000),
    counts,
    crashes: errors.filter((e) => e.kind === "crash").length,
    parseErrors: errors.filter((e) => e.kind === "parse").length,
    findings,
    errors,
  };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (args.values.out) writeFileSync(resolve(args.values.out), json);
  else process.stdout.write(json);
  console.error(
    `evaluate: ${files.length} files, ${findings.length} findings ${JSON.stringify(counts)}, ` +
      `${report.crashes} crashes, ${report.parseErrors} parse errors, ${report.seconds}s`,
  );
}

// Run only as a script: scripts/recall.js imports writeGeneratedTsconfig.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
}
