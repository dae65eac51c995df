#!/usr/bin/env node
// The editor case of issue 10: linting one file of a 2,000-file program, where the summaries of
// no-shutdown-before-flush follow calls into other files. Generates the program in a temporary
// folder, lints its entry file with each rule set in fresh processes, alternated, and prints the
// rules' own time (ESLint's `stats`) as medians.
//
//   node scripts/bench-editor.js [--rounds 5] [--shape typical|dense] [--dist <dir>]
//
// typical: every module exports 4 functions that call 2 functions of other modules; one in four
//          writes to the socket it is handed, one in eight prints a serialised report. The entry
//          calls 20 of them, then destroys the socket and exits.
// dense:   every function writes to the socket and to stdout and calls 3 others; the entry calls 40.
//          A worst case: everything it reaches writes, so every summary is made in full.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { parseJson } from "./json.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MODULES = 2000;

/** @typedef {{ calls: number, entryCalls: number, writes: (i: number, j: number) => { socket: boolean, report: boolean } }} Shape */
/** @type {Record<string, Shape>} */
const SHAPES = {
  typical: {
    calls: 2,
    entryCalls: 20,
    writes: (i, j) => ({ socket: (i + j) % 4 === 0, report: (i * 4 + j) % 8 === 3 }),
  },
  dense: { calls: 3, entryCalls: 40, writes: () => ({ socket: true, report: true }) },
};

/**
 * A fixed spread of callees: module `i`'s `k`-th dependency.
 * @param {number} i
 * @param {number} k
 */
function dependency(i, k) {
  return (i * 7919 + (k + 1) * 104729) % MODULES;
}

/** @param {string} dir @param {Shape} shape */
function generate(dir, shape) {
  mkdirSync(join(dir, "src"));
  for (let i = 0; i < MODULES; i++) {
    const deps = Array.from({ length: shape.calls }, (_, k) => dependency(i, k)).filter((d) => d !== i);
    const imports = deps.map((d) => `import { f${d}_0, f${d}_1 } from "./m${d}.js";`).join("\n");
    const functions = [0, 1, 2, 3].map((j) => {
      const { socket, report } = shape.writes(i, j);
      const body = [
        socket ? `  if (rows.length > ${j}) sock.write(rows.join("\\n"));` : "",
        report ? "  for (const row of rows) process.stdout.write(JSON.stringify(row));" : "",
        ...deps.map((d, k) => `  if (rows.length === ${k}) f${d}_${k % 2}(sock, rows.slice(1));`),
        "  return rows.length;",
      ].filter(Boolean);
      return `export function f${i}_${j}(sock: Socket, rows: string[]): number {\n${body.join("\n")}\n}`;
    });
    writeFileSync(
      join(dir, "src", `m${i}.ts`),
      `import type { Socket } from "node:net";\n${imports}\n\n${functions.join("\n\n")}\n`,
    );
  }
  const entry = [...new Set(Array.from({ length: shape.entryCalls }, (_, k) => dependency(k, 5)))];
  writeFileSync(
    join(dir, "src", "main.ts"),
    [
      'import type { Socket } from "node:net";',
      ...entry.map((d) => `import { f${d}_0 } from "./m${d}.js";`),
      "export function serve(sock: Socket, rows: string[]): void {",
      ...entry.map((d) => `  f${d}_0(sock, rows);`),
      "  sock.destroy();",
      "  process.exit(0);",
      "}",
      "",
    ].join("\n"),
  );
  const compilerOptions = {
    target: "es2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    strict: true,
    types: ["node"],
    typeRoots: [join(repoRoot, "node_modules", "@types")],
    noEmit: true,
    skipLibCheck: true,
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["src"] }));
}

/** The child: lints src/main.ts once and prints each rule's time as JSON. */
const CHILD = `
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
const [dist, set] = process.argv.slice(2);
const plugin = (await import(dist + "/src/index.js")).default;
const rules = set === "no-floating-promises" ? { "@typescript-eslint/no-floating-promises": "error" } : plugin.configs[set].rules;
const eslint = new ESLint({ cwd: process.cwd(), stats: true, overrideConfigFile: true, overrideConfig: [{
  files: ["**/*.ts"],
  languageOptions: { parser: tseslint.parser, parserOptions: { project: "./tsconfig.json", tsconfigRootDir: process.cwd() } },
  plugins: { flush: plugin, "@typescript-eslint": tseslint.plugin },
  rules,
}] });
const [result] = await eslint.lintFiles(["src/main.ts"]);
const times = {};
for (const pass of result.stats?.times?.passes ?? []) {
  for (const [rule, time] of Object.entries(pass.rules ?? {})) times[rule] = (times[rule] ?? 0) + time.total;
}
const fatal = result.messages.find((message) => message.fatal);
if (fatal) throw new Error(fatal.message);
console.log(JSON.stringify(times));
`;

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string", default: "5" },
      shape: { type: "string", default: "typical" },
      dist: { type: "string", default: join(repoRoot, "dist") },
    },
  });
  const shape = SHAPES[values.shape];
  if (!shape) throw new Error(`--shape must be one of ${Object.keys(SHAPES).join(", ")}`);
  const rounds = Number(values.rounds);
  const dir = mkdtempSync(join(tmpdir(), "flush-bench-editor-"));
  try {
    generate(dir, shape);
    const childFile = join(repoRoot, "node_modules", ".flush-bench-editor-child.mjs");
    writeFileSync(childFile, CHILD);
    /** @type {Record<string, Record<string, number[]>>} */
    const samples = {};
    const sets = ["no-floating-promises", "recommended", "strict"];
    for (let round = 1; round <= rounds; round++) {
      for (const set of sets) {
        // The TypeScript parser recurses once per nested import while it builds the program.
        const output = execFileSync(process.execPath, ["--stack-size=4000", childFile, resolve(values.dist), set], {
          cwd: dir,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"],
        });
        const times = /** @type {Record<string, number>} */ (parseJson(output));
        for (const [rule, ms] of Object.entries(times)) ((samples[set] ??= {})[rule] ??= []).push(ms);
      }
      process.stderr.write(`round ${round}/${rounds} done\n`);
    }
    rmSync(childFile);
    console.log(`rule time linting src/main.ts of a ${MODULES}-module program (${values.shape}), median of ${rounds}:`);
    for (const set of sets) {
      for (const [rule, ms] of Object.entries(samples[set] ?? {})) {
        console.log(`  ${set.padEnd(22)} ${rule.padEnd(42)} ${median(ms).toFixed(0).padStart(6)} ms`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
