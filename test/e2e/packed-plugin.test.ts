// A new user's first run: pack the built plugin, install it into a fresh project next to the
// versions the README targets, paste the README's eslint.config.js, and run the real ESLint CLI.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeRun, run } from "./run-command.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

interface PeerSet {
  readonly name: string;
  /** What the new project installs next to the plugin. */
  readonly packages: readonly string[];
  /** `--concurrency` came with ESLint 9.34. */
  readonly hasConcurrency: boolean;
}

/**
 * The oldest versions package.json's peer ranges allow (ESLint 9.22 is the first with the
 * `eslint/config` the README's config imports) and the newest this repository develops with: what
 * the ranges promise is what this test installs.
 */
const PEER_SETS: readonly PeerSet[] = [
  {
    name: "the oldest peers",
    packages: ["eslint@9.22.0", "typescript-eslint@8.0.0", "typescript@5.4.5", "@types/node@24.19.2"],
    hasConcurrency: false,
  },
  {
    name: "the newest peers",
    packages: ["eslint@10.15.0", "typescript-eslint@8.72.0", "typescript@6.0.2", "@types/node@24.19.2"],
    hasConcurrency: true,
  },
];

const SETUP_TIMEOUT = 240_000;
const LINT_TIMEOUT = 120_000;

/** The `js` block between the README's eslint.config.js markers, verbatim. */
async function readReadmeConfig(): Promise<string> {
  const readme = await readFile(join(repoRoot, "README.md"), "utf8");
  const match = /<!-- begin eslint\.config\.js -->\s*```js\n([\s\S]*?)```\s*<!-- end eslint\.config\.js -->/.exec(
    readme,
  );
  if (!match?.[1]) {
    throw new Error(
      "README.md has no ```js block between <!-- begin eslint.config.js --> and <!-- end eslint.config.js -->",
    );
  }
  return match[1];
}

const TSCONFIG = {
  compilerOptions: {
    target: "es2022",
    module: "nodenext",
    types: ["node"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  include: ["src"],
};

const BUGS = `import type { Socket } from "node:net";
import type { Writable } from "node:stream";
import type { WritableStreamDefaultWriter } from "node:stream/web";

export function send(sock: Socket, data: Buffer): void {
  sock.write(data);
  sock.destroy();
}

export function push(writer: WritableStreamDefaultWriter<string>, chunk: string): void {
  writer.write(chunk);
}

export async function copy(out: Writable, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    out.write(chunk);
  }
}
`;

const CLEAN = `import { once } from "node:events";
import type { Socket } from "node:net";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type { WritableStreamDefaultWriter } from "node:stream/web";


export async function send(sock: Socket, data: Buffer): Promise<void> {
  sock.end(data);
  await finished(sock);
}

export async function push(writer: WritableStreamDefaultWriter<string>, chunk: string): Promise<void> {
  await writer.write(chunk);
}

export async function copy(out: Writable, chunks: readonly string[]): Promise<void> {
  for (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, "drain");
  }
}
`;

/** The 1-based line of the only line of `source` containing `text`. */
function lineOf(source: string, text: string): number {
  const [line, ...others] = source.split("\n").flatMap((content, index) => (content.includes(text) ? [index + 1] : []));
  if (line === undefined || others.length > 0) {
    throw new Error(`expected exactly one line containing ${JSON.stringify(text)}`);
  }
  return line;
}

const EXPECTED_BUG_REPORTS = [
  { file: "src/bugs.ts", ruleId: "flush/no-shutdown-before-flush", line: lineOf(BUGS, "sock.destroy()") },
  { file: "src/bugs.ts", ruleId: "flush/no-discarded-result", line: lineOf(BUGS, "writer.write(chunk)") },
  { file: "src/bugs.ts", ruleId: "flush/no-ignored-backpressure", line: lineOf(BUGS, "out.write(chunk)") },
].sort(byPosition);

interface Report {
  file: string;
  ruleId: string;
  line: number;
}

function byPosition(a: Report, b: Report): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId);
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; severity: number; message: string; fatal?: boolean }[];
}

describe.each(PEER_SETS)("the packed plugin in a new project with $name", ({ packages, hasConcurrency }) => {
  let work: string;
  let project: string;
  let eslintBin: string;

  /** Runs the project's own eslint with JSON output; files are relative to the project. */
  async function eslint(args: readonly string[], env?: NodeJS.ProcessEnv) {
    const result = await run(eslintBin, ["--format", "json", ...args], project, { ...process.env, ...env });
    let reports: Report[] | undefined;
    try {
      reports = toReports(JSON.parse(result.stdout) as JsonResult[]);
    } catch (error) {
      if (result.code === 0 || result.code === 1) throw error;
      // A crash (exit 2) prints no JSON: the caller's exit-code assertion shows the stderr.
    }
    return { ...result, reports };
  }

  function toReports(results: readonly JsonResult[]): Report[] {
    const reports: Report[] = [];
    for (const result of results) {
      const file = result.filePath.slice(project.length + 1).replaceAll("\\", "/");
      for (const message of result.messages) {
        if (message.ruleId === null) {
          // Parsing errors, crashes and "File ignored because no matching configuration was supplied".
          const hint = message.message.startsWith("File ignored because no matching configuration")
            ? " (no object in the README's eslint.config.js has `files` that match it, and ESLint lints only" +
              " .js, .mjs and .cjs files by default)"
            : "";
          throw new Error(`ESLint could not lint ${file}: ${message.message}${hint}`);
        }
        expect(message.severity, `${file}:${message.line} ${message.ruleId}`).toBe(2);
        reports.push({ file, ruleId: message.ruleId, line: message.line });
      }
    }
    return reports.sort(byPosition);
  }

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, "dist", "src", "index.js"))) {
      throw new Error(
        "dist/ is missing: the end-to-end test packs the built plugin. Run `npm run build` first (`npm test` does).",
      );
    }
    work = await mkdtemp(join(tmpdir(), "eslint-plugin-flush-e2e-"));
    project = join(work, "project");
    await mkdir(join(project, "src"), { recursive: true });

    const pack = await run("npm", ["pack", "--json", "--pack-destination", work], repoRoot);
    expect(pack.code, describeRun("npm pack", pack)).toBe(0);
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];

    await writeFile(
      join(project, "package.json"),
      `${JSON.stringify({ name: "flush-e2e-project", private: true, type: "module" }, null, 2)}\n`,
    );
    await writeFile(join(project, "tsconfig.json"), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
    await writeFile(join(project, "eslint.config.js"), await readReadmeConfig());
    await writeFile(join(project, "src", "bugs.ts"), BUGS);
    await writeFile(join(project, "src", "clean.ts"), CLEAN);

    const install = await run(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", join(work, filename), ...packages],
      project,
    );
    expect(install.code, describeRun("npm install", install)).toBe(0);
    eslintBin = join(project, "node_modules", ".bin", "eslint");
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("installs the plugin from the tarball, not from the repository", async () => {
    const installed = JSON.parse(
      await readFile(join(project, "node_modules", "eslint-plugin-flush", "package.json"), "utf8"),
    ) as { version: string };
    const own = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as { version: string };
    expect(installed.version).toBe(own.version);
    expect(existsSync(join(project, "node_modules", "eslint-plugin-flush", "src"))).toBe(false);
  });

  it("reports each bug at its line and exits 1", { timeout: LINT_TIMEOUT }, async () => {
    const result = await eslint(["src/bugs.ts"]);
    expect(result.code, describeRun("eslint src/bugs.ts", result)).toBe(1);
    expect(result.reports).toEqual(EXPECTED_BUG_REPORTS);
  });

  it("exits 0 on clean code and on the README's config file itself", { timeout: LINT_TIMEOUT }, async () => {
    const result = await eslint(["src/clean.ts", "eslint.config.js"]);
    expect(result.code, describeRun("eslint src/clean.ts eslint.config.js", result)).toBe(0);
    expect(result.reports).toEqual([]);
  });

  it("reports the same with --cache, and the second run reads the cache", { timeout: LINT_TIMEOUT }, async () => {
    const args = ["--cache", "--cache-location", join(work, "eslintcache"), "src/bugs.ts", "src/clean.ts"];

    const first = await eslint(args);
    expect(first.code, describeRun("first eslint --cache", first)).toBe(1);
    expect(first.reports).toEqual(EXPECTED_BUG_REPORTS);
    expect(existsSync(join(work, "eslintcache")), "the first run writes the cache").toBe(true);

    // ESLint logs each file it serves from the cache under one of these debug namespaces (9.22, 10.15).
    const second = await eslint(args, { DEBUG: "eslint:eslint,eslint:eslint-helpers" });
    expect(second.code, describeRun("second eslint --cache", second)).toBe(1);
    expect(second.reports).toEqual(EXPECTED_BUG_REPORTS);
    for (const file of ["bugs.ts", "clean.ts"]) {
      expect(second.stderr, `the second run lints src/${file} from the cache`).toContain(
        `Skipping file since it hasn't changed: ${join(project, "src", file)}`,
      );
    }
  });

  // Defined only where the installed ESLint has the option, rather than skipped.
  if (!hasConcurrency) return;

  it("reports the same with --concurrency 2", { timeout: LINT_TIMEOUT }, async () => {
    const result = await eslint(["--concurrency", "2", "src/bugs.ts", "src/clean.ts"]);
    expect(result.code, describeRun("eslint --concurrency 2", result)).toBe(1);
    expect(result.reports).toEqual(EXPECTED_BUG_REPORTS);
  });
});
