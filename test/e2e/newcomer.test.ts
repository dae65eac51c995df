// A newcomer's first five minutes: clone the repository, read the README's "Try it" section, run
// the commands it gives, and see the rules and the codemod at work on examples/.
//
// The clone is of HEAD: uncommitted changes are not in it, as they would not be for a newcomer. To
// try uncommitted work, name the paths to copy from the working tree into the clone, separated by
// spaces: FLUSH_E2E_OVERLAY="README.md package.json examples scripts/demo.js" npx vitest run test/e2e/newcomer.test.ts
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeRun, run, type RunResult } from "./run-command.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** `git clone` and `npm ci` (15 to 30 s with a warm npm cache, more with a cold one). */
const SETUP_TIMEOUT = 300_000;
/** `npm run demo` builds the plugin, lints twice, runs the codemod and tsc: about 20 s. */
const DEMO_TIMEOUT = 180_000;

/** The environment of a newcomer's shell: no test runner's variables, and npm's cache before the network. */
function newcomerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_prefer_offline: "true" };
  for (const name of Object.keys(env)) {
    if (name === "NODE_ENV" || name === "TEST" || name.startsWith("VITEST")) delete env[name];
  }
  return env;
}

/** The README section under `## <title>`, up to the next `## ` heading. */
function section(readme: string, title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start === -1) throw new Error(`README.md has no "## ${title}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** The lines of the first ```sh block of `text`. */
function firstShellBlock(text: string): string[] {
  const match = /```sh\n([\s\S]*?)```/.exec(text);
  if (!match?.[1]) throw new Error("no ```sh block");
  return match[1]
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** The `js` block between the README's eslint.config.js markers. */
function readmeConfig(readme: string): string {
  const markers = /<!-- begin eslint\.config\.js -->\s*```js\n([\s\S]*?)```\s*<!-- end eslint\.config\.js -->/;
  const match = markers.exec(readme);
  if (!match?.[1]) throw new Error("README.md has no ```js block between the eslint.config.js markers");
  return match[1];
}

describe("a newcomer following the README", () => {
  let work: string;
  let clone: string;
  let readme: string;
  let commands: string[];
  let install: RunResult;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "eslint-plugin-flush-newcomer-"));
    clone = join(work, "eslint-plugin-flush");
    const cloned = await run("git", ["clone", "--quiet", "--no-hardlinks", repoRoot, clone], work);
    expect(cloned.code, describeRun("git clone", cloned)).toBe(0);
    for (const path of (process.env["FLUSH_E2E_OVERLAY"] ?? "").split(/\s+/).filter(Boolean)) {
      await cp(join(repoRoot, path), join(clone, path), { recursive: true, force: true });
    }

    readme = await readFile(join(clone, "README.md"), "utf8");
    commands = firstShellBlock(section(readme, "Try it"));
    expect(commands, 'the "Try it" section of README.md sets up with `npm ci` and runs `npm run demo`').toEqual([
      "npm ci",
      "npm run demo",
    ]);
    expect(existsSync(join(clone, "node_modules")), "a fresh clone has no node_modules").toBe(false);
    expect(existsSync(join(clone, "dist")), "a fresh clone has no build").toBe(false);

    const [command = "", ...args] = commands[0].split(/\s+/);
    install = await run(command, [...args, "--no-audit", "--no-fund"], clone, newcomerEnv());
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("says how to run the tests next to the demo", () => {
    expect(section(readme, "Try it")).toContain("`npm test`");
  });

  it("installs with the README's first command", () => {
    expect(install.code, describeRun(commands[0], install)).toBe(0);
    expect(existsSync(join(clone, "node_modules", "eslint", "package.json"))).toBe(true);
  });

  it("runs the demo: all three rules, the codemod's summary, a clean exit", { timeout: DEMO_TIMEOUT }, async () => {
    expect(install.code, "npm ci failed: see the test above").toBe(0);
    const [command = "", ...args] = commands[1].split(/\s+/);
    const demo = await run(command, args, clone, newcomerEnv());
    const what = describeRun(commands[1], demo);
    expect(demo.code, what).toBe(0);

    for (const rule of ["no-discarded-result", "no-shutdown-before-flush", "no-ignored-backpressure"]) {
      expect(demo.stdout, `${what}\n\nthe demo shows a finding of flush/${rule}`).toMatch(
        new RegExp(`\\serror\\s.*\\sflush/${rule}\\n`),
      );
    }
    expect(demo.stdout, what).toMatch(
      /flush-codemod: \d+ files scanned, [1-9]\d* changed, \d+ unchanged, 0 skipped, 0 failed\n/,
    );
    expect(demo.stdout, what).toMatch(/^diff --git a\/src\//m);
    expect(demo.stdout, what).toContain("tsc: no errors");
    expect(demo.stdout, what).toMatch(/findings in examples\/: +[1-9]\d* \(/);

    const copy = /Copied to (.+) and committed\./.exec(demo.stdout)?.[1];
    expect(copy, what).toBeDefined();
    expect(existsSync(copy!), `the demo removes its copy ${copy}`).toBe(false);
  });

  it("type-checks examples/ as it is", async () => {
    expect(install.code, "npm ci failed: see the test above").toBe(0);
    const tsc = join(clone, "node_modules", "typescript", "bin", "tsc");
    const result = await run(process.execPath, [tsc, "-p", "examples/tsconfig.json"], clone);
    expect(result.code, describeRun("tsc -p examples/tsconfig.json", result)).toBe(0);
  });

  it("lints examples/ with the README's config, the plugin imported from the build", async () => {
    const config = await readFile(join(clone, "examples", "eslint.config.js"), "utf8");
    const withoutComments = config.replace(/^(\/\/.*\n)+/, "");
    const expected = readmeConfig(readme).replace(
      'import flush from "eslint-plugin-flush";',
      'import flush from "../dist/src/index.js";',
    );
    expect(withoutComments).toBe(expected);
  });
});
