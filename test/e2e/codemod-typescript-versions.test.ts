// The packed codemod with each TypeScript its peer range allows, installed as the user's own, in
// projects whose tsconfigs are written as that version's users write them (TypeScript 5 loads every
// @types package by itself; TypeScript 6 only those in `types`). The same files must get the same
// rewrites and the same sites left for a person on every version; a project it cannot understand,
// and a TypeScript without the compiler API, must end in exit 2 and a message naming the fix.
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeRun, run, type RunResult } from "./run-command.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const fixtureSource = join(repoRoot, "test", "fixtures", "codemod-project", "src");

const SETUP_TIMEOUT = 480_000;
const RUN_TIMEOUT = 120_000;

const COMPILER_OPTIONS = {
  target: "es2022",
  lib: ["es2023", "dom"],
  module: "nodenext",
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};

interface Setup {
  readonly name: string;
  /** What the project installs as its TypeScript. */
  readonly packages: readonly string[];
  readonly compilerOptions: Record<string, unknown>;
}

const WITH_NODE_TYPES = { ...COMPILER_OPTIONS, types: ["node"] };

/** Each supported TypeScript, with the tsconfig its users write. */
const SUPPORTED: readonly Setup[] = [
  {
    name: "TypeScript 5.4, @types found by default",
    packages: ["typescript@5.4.5"],
    compilerOptions: COMPILER_OPTIONS,
  },
  {
    name: "TypeScript 5.9, @types found by default",
    packages: ["typescript@5.9.3"],
    compilerOptions: COMPILER_OPTIONS,
  },
  { name: "TypeScript 6.0, types: [node]", packages: ["typescript@6.0.2"], compilerOptions: WITH_NODE_TYPES },
  {
    // The README's setup for TypeScript 7 projects: 7's tsc beside 6's compiler API as `typescript`.
    name: "TypeScript 7 beside @typescript/typescript6 as typescript",
    packages: ["typescript@npm:@typescript/typescript6@6.0.2", "@typescript/native@npm:typescript@7.0.2"],
    compilerOptions: WITH_NODE_TYPES,
  },
];
const WITHOUT_TYPES: Setup = {
  name: "TypeScript 6.0 without types",
  packages: ["typescript@6.0.2"],
  compilerOptions: COMPILER_OPTIONS,
};
const NATIVE: Setup = {
  name: "TypeScript 7 (native)",
  packages: ["typescript@7.0.2"],
  compilerOptions: COMPILER_OPTIONS,
};

interface JsonReport {
  files: { file: string; status: string; rewritten: number }[];
  manual: { file: string; line: number; column: number; rule: string; reason: string }[];
}

let work: string;
let tarball: string;
const projects = new Map<Setup, string>();

async function createProject(setup: Setup): Promise<string> {
  const dir = join(work, `project-${projects.size}`);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "codemod-ts", private: true, type: "module" })}\n`,
  );
  await writeFile(
    join(dir, "tsconfig.json"),
    `${JSON.stringify({ compilerOptions: setup.compilerOptions, include: ["src"] }, null, 2)}\n`,
  );
  await cp(fixtureSource, join(dir, "src"), { recursive: true });
  // Peers other than TypeScript (ESLint, typescript-eslint) play no part in the codemod.
  const install = await run(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--legacy-peer-deps",
      tarball,
      ...setup.packages,
      "@types/node@24.19.2",
    ],
    dir,
  );
  expect(install.code, describeRun(`npm install (${setup.name})`, install)).toBe(0);
  projects.set(setup, dir);
  return dir;
}

function codemod(setup: Setup, args: readonly string[]): Promise<RunResult> {
  const dir = projects.get(setup)!;
  return run(join(dir, "node_modules", ".bin", "flush-codemod"), args, dir);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "flush-codemod-ts-versions-"));
  const pack = await run("npm", ["pack", "--json", "--pack-destination", work], repoRoot);
  expect(pack.code, describeRun("npm pack", pack)).toBe(0);
  const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
  tarball = join(work, filename);
  // One at a time: parallel installs would race on npm's cache and gain little on two cores.
  for (const setup of [...SUPPORTED, WITHOUT_TYPES, NATIVE]) await createProject(setup);
}, SETUP_TIMEOUT);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the codemod with the user's own TypeScript", () => {
  it(
    "rewrites and lists the same sites with every supported TypeScript",
    { timeout: RUN_TIMEOUT * SUPPORTED.length },
    async () => {
      const results: { setup: Setup; report: JsonReport; diff: string }[] = [];
      for (const setup of SUPPORTED) {
        const json = await codemod(setup, ["--dry", "--json", "src"]);
        expect(json.code, describeRun(`flush-codemod --json (${setup.name})`, json)).toBe(0);
        const diff = await codemod(setup, ["--dry", "src"]);
        expect(diff.code, describeRun(`flush-codemod --dry (${setup.name})`, diff)).toBe(0);
        results.push({ setup, report: JSON.parse(json.stdout) as JsonReport, diff: diff.stdout });
      }
      const [reference, ...others] = results;
      // Every fixture file has something to rewrite: a version that understood nothing would show here.
      expect(reference.report.files.map((file) => [file.file, file.status])).toEqual([
        ["src/cli.ts", "changed"],
        ["src/server.ts", "changed"],
        ["src/writer.ts", "changed"],
      ]);
      expect(reference.report.manual.length).toBeGreaterThan(0);
      for (const other of others) {
        expect(other.report, `${other.setup.name} against ${reference.setup.name}`).toEqual(reference.report);
        expect(other.diff, `${other.setup.name}'s diff against ${reference.setup.name}'s`).toBe(reference.diff);
      }
    },
  );

  it("exits 2 naming @types/node when TypeScript 6 sees no Node types", { timeout: RUN_TIMEOUT }, async () => {
    const result = await codemod(WITHOUT_TYPES, ["--dry", "src"]);
    expect(result.code, describeRun("flush-codemod without types", result)).toBe(2);
    expect(result.stderr).toContain('Install @types/node and list "node" in compilerOptions.types');
  });

  it("exits 2 naming the TypeScript to install when only TypeScript 7 is there", { timeout: RUN_TIMEOUT }, async () => {
    const result = await codemod(NATIVE, ["--dry", "src"]);
    expect(result.code, describeRun("flush-codemod with TypeScript 7", result)).toBe(2);
    expect(result.stderr).toMatch(/needs TypeScript's compiler API, TypeScript 5\.4 to 6\.0, and found 7\.0\.2/);
    expect(result.stderr).toContain("npm install --save-dev typescript@~6.0");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
