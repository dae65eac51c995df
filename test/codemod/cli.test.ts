// End-to-end tests of the flush-codemod CLI as a user runs it: the built bin in dist/, started as a
// child process (stdout and stderr are pipes, not TTYs) in temporary projects that are git
// repositories with everything committed unless a test says otherwise.
import { existsSync, watch } from "node:fs";
import { lstat, mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import { applyPatch } from "diff";
import { afterAll, beforeAll, describe, it, type ExpectStatic } from "vitest";

import {
  ageFiles,
  assertCliBuilt,
  commitAll,
  createProject,
  describeResult,
  findTemporaryFiles,
  git,
  isInsideGitWorkTree,
  readState,
  readText,
  REPO_ROOT,
  removeProjects,
  runCli,
  spawnCli,
  waitForCli,
  type CliResult,
  type FileState,
} from "./cli-helpers.js";

const { version } = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };

// ---- fixtures ----------------------------------------------------------------------------------

/** Two bugs the codemod rewrites (a socket destroyed before its write is flushed, a discarded write promise), one it leaves. */
const BUG_TS = `import type { Socket } from "node:net";

export async function send(sock: Socket, data: string): Promise<void> {
  sock.write(data);
  sock.destroy();
}

export async function save(writer: WritableStreamDefaultWriter<string>, x: string): Promise<void> {
  writer.write(x);
}

export function saveLater(writer: WritableStreamDefaultWriter<string>, x: string): void {
  writer.write(x);
}
`;

const BUG_TS_REWRITTEN = `import type { Socket } from "node:net";
import { finished } from "node:stream/promises";

export async function send(sock: Socket, data: string): Promise<void> {
  sock.write(data);
  sock.end();
  await finished(sock, { readable: false });
  sock.destroy();
}

export async function save(writer: WritableStreamDefaultWriter<string>, x: string): Promise<void> {
  await writer.write(x);
}

export function saveLater(writer: WritableStreamDefaultWriter<string>, x: string): void {
  writer.write(x);
}
`;

/** How a dry run lists the site in BUG_TS it leaves for a person: where it stands in BUG_TS. */
const BUG_TS_MANUAL = {
  line: 13,
  column: 3,
  rule: "no-discarded-result",
  reason: "in a synchronous function: making it async would change its callers",
};

/** How a run that writes lists the same site: where it stands in BUG_TS_REWRITTEN. */
const BUG_TS_REWRITTEN_MANUAL = { ...BUG_TS_MANUAL, line: 16 };

/** Nothing stream-related at all. */
const CLEAN_TS = `export function add(a: number, b: number): number {
  return a + b;
}
`;

/** Stream code that is already right: analysed, nothing to do. */
const GOOD_TS = `export async function save(writer: WritableStreamDefaultWriter<string>, x: string): Promise<void> {
  await writer.write(x);
}
`;

const SOCKET_BUG_TS = `import type { Socket } from "node:net";

export async function send(sock: Socket, data: string): Promise<void> {
  sock.write(data);
  sock.destroy();
}
`;

const SOCKET_BUG_TS_REWRITTEN = `import type { Socket } from "node:net";
import { finished } from "node:stream/promises";

export async function send(sock: Socket, data: string): Promise<void> {
  sock.write(data);
  sock.end();
  await finished(sock, { readable: false });
  sock.destroy();
}
`;

const SUMMARY = /^flush-codemod: \d+ files scanned, .*$/m;

function summaryLine(result: CliResult): string | undefined {
  return SUMMARY.exec(result.stdout)?.[0];
}

async function expectUntouched(
  expect: ExpectStatic,
  dir: string,
  before: ReadonlyMap<string, FileState>,
  paths: readonly string[] = [...before.keys()],
): Promise<void> {
  for (const path of paths) {
    const after = await readState(dir, path);
    const was = before.get(path)!;
    expect(after.bytes.equals(was.bytes), `${path} must keep its bytes`).toBe(true);
    expect(after.mtimeNs, `${path} must keep its mtime (it was not written)`).toBe(was.mtimeNs);
  }
}

beforeAll(() => {
  assertCliBuilt();
});

afterAll(removeProjects);

// Each test has its own project; they run one after another, so that a busy machine only makes them slower.
describe("flush-codemod CLI", { timeout: 120_000 }, () => {
  describe("usage", () => {
    it("--help prints the usage and exits 0", async ({ expect }) => {
      const dir = await createProject({});
      const result = await runCli(["--help"], dir);
      expect(result.code, describeResult("--help", result)).toBe(0);
      expect(result.stdout).toMatch(/^Usage: flush-codemod \[options\] <files, folders or globs\.\.\.>\n/);
      for (const option of ["--project <tsconfig>", "--dry", "--json", "--force", "--help", "--version"]) {
        expect(result.stdout).toContain(`  ${option}`);
      }
      expect(result.stdout).toContain(
        "Exit codes: 0 done, 1 a file could not be read or written, 2 usage or configuration error",
      );
      expect(result.stderr).toBe("");
    });

    it("--version prints package.json's version and exits 0", async ({ expect }) => {
      const dir = await createProject({});
      const result = await runCli(["--version"], dir);
      expect(result.code, describeResult("--version", result)).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
      expect(result.stderr).toBe("");
    });

    it("an unknown flag exits 2 naming the flag and --help", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": BUG_TS });
      const result = await runCli(["--frobnicate", "src"], dir);
      expect(result.code, describeResult("--frobnicate", result)).toBe(2);
      expect(result.stderr).toMatch(/^flush-codemod: .*'--frobnicate'/);
      expect(result.stderr).toContain("Run flush-codemod --help for usage.");
      expect(result.stdout).toBe("");
      expect(await readText(dir, "src/bug.ts")).toBe(BUG_TS);
    });

    it("a path that does not exist exits 2", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": BUG_TS });
      const result = await runCli(["src/bug.ts", "src/missing.ts"], dir);
      expect(result.code, describeResult("missing path", result)).toBe(2);
      expect(result.stderr).toBe(
        "flush-codemod: no such file or folder: src/missing.ts\nRun flush-codemod --help for usage.\n",
      );
      expect(result.stdout).toBe("");
      expect(await readText(dir, "src/bug.ts")).toBe(BUG_TS);
    });

    it("no tsconfig.json in the folder or above exits 2 and points to --project", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": BUG_TS }, { tsconfig: false, git: false });
      for (let above = tmpdir(); ; above = dirname(above)) {
        expect(existsSync(join(above, "tsconfig.json")), `this test needs no tsconfig.json in ${above}`).toBe(false);
        if (dirname(above) === above) break;
      }
      const result = await runCli(["src"], dir);
      expect(result.code, describeResult("no tsconfig", result)).toBe(2);
      expect(result.stderr).toContain(`no tsconfig.json in ${dir} or above it`);
      expect(result.stderr).toContain("--project <tsconfig>");
      expect(result.stdout).toBe("");
      expect(await readText(dir, "src/bug.ts")).toBe(BUG_TS);
    });

    it("--project naming a file that does not exist exits 2", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": BUG_TS });
      const result = await runCli(["--project", "missing/tsconfig.json", "src"], dir);
      expect(result.code, describeResult("--project missing", result)).toBe(2);
      expect(result.stderr).toMatch(/no such tsconfig: \S*\/missing\/tsconfig\.json\n/);
      expect(await readText(dir, "src/bug.ts")).toBe(BUG_TS);
    });

    it("no arguments exits 2", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": BUG_TS });
      const result = await runCli([], dir);
      expect(result.code, describeResult("no arguments", result)).toBe(2);
      expect(result.stderr).toBe(
        "flush-codemod: name the files, folders or globs to rewrite\nRun flush-codemod --help for usage.\n",
      );
      expect(result.stdout).toBe("");
      expect(await readText(dir, "src/bug.ts")).toBe(BUG_TS);
    });
  });

  describe("rewriting", () => {
    it("rewrites the file with bugs, leaves the others untouched, and summarises", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": BUG_TS, "src/clean.ts": CLEAN_TS, "src/good.ts": GOOD_TS });
      const before = await ageFiles(dir, ["src/bug.ts", "src/clean.ts", "src/good.ts"]);
      const result = await runCli(["src"], dir);
      expect(result.code, describeResult("flush-codemod src", result)).toBe(0);
      expect(await readText(dir, "src/bug.ts")).toBe(BUG_TS_REWRITTEN);
      expect((await readState(dir, "src/bug.ts")).mtimeNs).not.toBe(before.get("src/bug.ts")!.mtimeNs);
      await expectUntouched(expect, dir, before, ["src/clean.ts", "src/good.ts"]);
      const { line, column, reason, rule } = BUG_TS_REWRITTEN_MANUAL;
      expect(result.stdout).toBe(
        "flush-codemod: 3 files scanned, 1 changed, 2 unchanged, 0 skipped, 0 failed\n" +
          "left for a person (1):\n" +
          `  src/bug.ts:${line}:${column} ${reason} (${rule})\n`,
      );
      expect(result.stderr).toBe("");
      expect(git(dir, "status", "--porcelain")).toBe(" M src/bug.ts\n");

      // A second run finds nothing more to do: the rewrite is complete.
      commitAll(dir, "rewritten");
      const again = await ageFiles(dir, ["src/bug.ts", "src/clean.ts", "src/good.ts"]);
      const second = await runCli(["src"], dir);
      expect(second.code, describeResult("second run", second)).toBe(0);
      expect(summaryLine(second)).toBe("flush-codemod: 3 files scanned, 0 changed, 3 unchanged, 0 skipped, 0 failed");
      await expectUntouched(expect, dir, again);
    });

    it("--dry changes nothing and prints a unified diff of what would change", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": BUG_TS, "src/clean.ts": CLEAN_TS, "src/good.ts": GOOD_TS });
      const before = await ageFiles(dir, ["src/bug.ts", "src/clean.ts", "src/good.ts"]);
      const result = await runCli(["--dry", "src"], dir);
      expect(result.code, describeResult("--dry", result)).toBe(0);
      await expectUntouched(expect, dir, before);
      expect(git(dir, "status", "--porcelain")).toBe("");
      expect(await findTemporaryFiles(join(dir, "src"))).toEqual([]);

      const summaryAt = result.stdout.search(SUMMARY);
      expect(summaryAt, result.stdout).toBeGreaterThan(0);
      const patch = result.stdout.slice(0, summaryAt);
      expect(patch).toMatch(/^--- src\/bug\.ts(\t.*)?$/m);
      expect(patch).toMatch(/^\+\+\+ src\/bug\.ts(\t.*)?$/m);
      expect(patch).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/m);
      expect(patch).toContain('\n+import { finished } from "node:stream/promises";\n');
      expect(patch).toContain("\n-  writer.write(x);\n+  await writer.write(x);\n");
      // Only the file that would change is in the diff, and the diff is exactly the rewrite.
      expect(patch).not.toContain("clean.ts");
      expect(patch).not.toContain("good.ts");
      expect(applyPatch(BUG_TS, patch)).toBe(BUG_TS_REWRITTEN);

      expect(result.stdout.slice(summaryAt)).toBe(
        "flush-codemod: 3 files scanned, 1 would change, 2 unchanged, 0 skipped, 0 failed\n" +
          "left for a person (1):\n" +
          `  src/bug.ts:${BUG_TS_MANUAL.line}:${BUG_TS_MANUAL.column} ${BUG_TS_MANUAL.reason} (${BUG_TS_MANUAL.rule})\n`,
      );
    });

    it("--json prints only a JSON report with the counts, the files and the sites left", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": BUG_TS, "src/clean.ts": CLEAN_TS, "src/good.ts": GOOD_TS });
      const expected = (dry: boolean) => ({
        dry,
        summary: { scanned: 3, changed: 1, unchanged: 2, skipped: 0, failed: 0 },
        uncommitted: [],
        files: [
          { file: "src/bug.ts", status: "changed", rewritten: 2 },
          { file: "src/clean.ts", status: "unchanged", rewritten: 0 },
          { file: "src/good.ts", status: "unchanged", rewritten: 0 },
        ],
        manual: [{ file: "src/bug.ts", ...(dry ? BUG_TS_MANUAL : BUG_TS_REWRITTEN_MANUAL) }],
      });

      const dry = await runCli(["--json", "--dry", "src"], dir);
      expect(dry.code, describeResult("--json --dry", dry)).toBe(0);
      expect(JSON.parse(dry.stdout)).toEqual(expected(true));
      expect(dry.stderr).toBe("");
      expect(await readText(dir, "src/bug.ts")).toBe(BUG_TS);

      const real = await runCli(["--json", "src"], dir);
      expect(real.code, describeResult("--json", real)).toBe(0);
      expect(JSON.parse(real.stdout)).toEqual(expected(false));
      expect(real.stderr).toBe("");
      expect(await readText(dir, "src/bug.ts")).toBe(BUG_TS_REWRITTEN);
    });

    it("skips a file with a syntax error, says where, and rewrites the others", async ({ expect }) => {
      const broken = SOCKET_BUG_TS.replace("export async", "export const x = ;\nexport async");
      const dir = await createProject({ "src/broken.ts": broken, "src/bug.ts": SOCKET_BUG_TS });
      const before = await ageFiles(dir, ["src/broken.ts"]);
      const result = await runCli(["src"], dir);
      expect(result.code, describeResult("syntax error", result)).toBe(0);
      expect(summaryLine(result)).toBe("flush-codemod: 2 files scanned, 1 changed, 0 unchanged, 1 skipped, 0 failed");
      const skipped = /^ {2}skipped src\/broken\.ts: (.*)$/m.exec(result.stdout);
      expect(skipped, result.stdout).not.toBeNull();
      expect(skipped![1]).toMatch(/^syntax error, /);
      expect(skipped![1]).toMatch(/\bline 3\b/);
      await expectUntouched(expect, dir, before);
      expect(await readText(dir, "src/bug.ts")).toBe(SOCKET_BUG_TS_REWRITTEN);

      const json = await runCli(["--json", "--dry", "src/broken.ts"], dir);
      expect(json.code, describeResult("syntax error --json", json)).toBe(0);
      const report = JSON.parse(json.stdout) as { files: { file: string; status: string; reason: string }[] };
      expect(report.files).toHaveLength(1);
      expect(report.files[0]).toMatchObject({ file: "src/broken.ts", status: "skipped", rewritten: 0 });
      expect(report.files[0].reason).toMatch(/^syntax error, line 3\b/);
    });

    it("keeps CRLF line endings, a byte order mark and the file mode", async ({ expect }) => {
      const crlf = SOCKET_BUG_TS.replaceAll("\n", "\r\n");
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      const dir = await createProject(
        {
          "src/lf.ts": SOCKET_BUG_TS,
          "src/crlf.ts": crlf,
          "src/bom.ts": Buffer.concat([bom, Buffer.from(SOCKET_BUG_TS)]),
          "src/bom-crlf.ts": Buffer.concat([bom, Buffer.from(crlf)]),
          "src/exec.ts": SOCKET_BUG_TS,
        },
        { modes: { "src/exec.ts": 0o755 } },
      );
      const result = await runCli(["src"], dir);
      expect(result.code, describeResult("line endings", result)).toBe(0);
      expect(summaryLine(result)).toBe("flush-codemod: 5 files scanned, 5 changed, 0 unchanged, 0 skipped, 0 failed");

      expect(await readText(dir, "src/lf.ts")).toBe(SOCKET_BUG_TS_REWRITTEN);
      const rewrittenCrlf = await readText(dir, "src/crlf.ts");
      expect(rewrittenCrlf).not.toBe(crlf);
      const lines = rewrittenCrlf.split("\n");
      expect(lines.at(-1), "the file still ends with a line break").toBe("");
      for (const line of lines.slice(0, -1)) expect(line.endsWith("\r"), JSON.stringify(line)).toBe(true);
      expect(rewrittenCrlf).toBe(SOCKET_BUG_TS_REWRITTEN.replaceAll("\n", "\r\n"));

      const bomBytes = (await readState(dir, "src/bom.ts")).bytes;
      expect([...bomBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bomBytes.subarray(3).toString("utf8")).toBe(SOCKET_BUG_TS_REWRITTEN);
      const bomCrlfBytes = (await readState(dir, "src/bom-crlf.ts")).bytes;
      expect([...bomCrlfBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bomCrlfBytes.subarray(3).toString("utf8")).toBe(SOCKET_BUG_TS_REWRITTEN.replaceAll("\n", "\r\n"));

      const exec = await readState(dir, "src/exec.ts");
      expect(exec.mode.toString(8)).toBe("755");
      expect(exec.bytes.toString("utf8")).toBe(SOCKET_BUG_TS_REWRITTEN);
      expect(git(dir, "status", "--porcelain").split("\n").sort().join("\n")).toBe(
        ["", " M src/bom-crlf.ts", " M src/bom.ts", " M src/crlf.ts", " M src/exec.ts", " M src/lf.ts"].join("\n"),
      );
    });

    it("leaves a file unchanged when its rewrite would add type errors, and says so", async ({ expect }) => {
      // The promise bound to `pending` is never read, so the codemod awaits it; the awaited value
      // (void) no longer fits the declared type Promise<void>: TS2322.
      const never = `export async function main(writer: WritableStreamDefaultWriter<string>): Promise<void> {
  const pending: Promise<void> = writer.write("x");
}
`;
      const dir = await createProject({ "src/never.ts": never, "src/bug.ts": SOCKET_BUG_TS });
      const before = await ageFiles(dir, ["src/never.ts"]);
      const result = await runCli(["src"], dir);
      expect(result.code, describeResult("type errors", result)).toBe(0);
      await expectUntouched(expect, dir, before);
      expect(await readText(dir, "src/bug.ts")).toBe(SOCKET_BUG_TS_REWRITTEN);
      expect(summaryLine(result)).toBe("flush-codemod: 2 files scanned, 1 changed, 0 unchanged, 1 skipped, 0 failed");
      const skipped = /^ {2}skipped src\/never\.ts: (.*)$/m.exec(result.stdout);
      expect(skipped, result.stdout).not.toBeNull();
      expect(skipped![1]).toMatch(/^the rewrite would add type errors \(line 2:\d+: TS2322: .*\); left unchanged$/);
      expect(result.stdout).toContain(
        "left for a person (1):\n  src/never.ts:2:34 the rewrite would add type errors (no-discarded-result)\n",
      );
    });

    it("writes no progress-bar escape codes to a stderr that is not a TTY", async ({ expect }) => {
      const files: Record<string, string> = { "src/bug.ts": SOCKET_BUG_TS };
      for (let i = 0; i < 120; i++)
        files[`src/plain-${String(i).padStart(3, "0")}.ts`] = `export const value${i} = ${i};\n`;
      const dir = await createProject(files);
      const result = await runCli(["src"], dir);
      expect(result.code, describeResult("121 files", result)).toBe(0);
      expect(summaryLine(result)).toBe(
        "flush-codemod: 121 files scanned, 1 changed, 120 unchanged, 0 skipped, 0 failed",
      );
      for (const output of [result.stderr, result.stdout]) {
        expect(output).not.toContain("\u001b");
        expect(output).not.toContain("\r");
      }
      for (const line of result.stderr.split("\n").slice(0, -1)) {
        expect(line).toMatch(/^flush-codemod: \d+\/121 files analysed$/);
      }
    });
  });

  describe("uncommitted changes", () => {
    it("refuses to write when a file to rewrite has uncommitted changes; --dry does not refuse; --force writes", async ({
      expect,
    }) => {
      const dir = await createProject({
        "src/a.ts": SOCKET_BUG_TS,
        "src/b.ts": SOCKET_BUG_TS,
        "src/clean.ts": CLEAN_TS,
      });
      const editedA = `// edited, not committed\n${SOCKET_BUG_TS}`;
      await writeFile(join(dir, "src/a.ts"), editedA);
      const before = await ageFiles(dir, ["src/a.ts", "src/b.ts", "src/clean.ts"]);

      const refused = await runCli(["src"], dir);
      expect(refused.code, describeResult("dirty tree", refused)).toBe(2);
      expect(refused.stderr).toContain("refusing to write");
      expect(refused.stderr).toContain("\n  src/a.ts\n");
      expect(refused.stderr).not.toContain("src/b.ts");
      expect(refused.stderr).toContain("--force");
      expect(refused.stderr).toContain("Nothing was written.");
      await expectUntouched(expect, dir, before);
      expect(await findTemporaryFiles(join(dir, "src"))).toEqual([]);

      // Staged is still uncommitted.
      git(dir, "add", "src/a.ts");
      const staged = await runCli(["src"], dir);
      expect(staged.code, describeResult("staged change", staged)).toBe(2);
      expect(staged.stderr).toContain("\n  src/a.ts\n");
      await expectUntouched(expect, dir, before);

      const dry = await runCli(["--dry", "src"], dir);
      expect(dry.code, describeResult("--dry on a dirty tree", dry)).toBe(0);
      expect(dry.stderr).toBe("");
      expect(dry.stdout).toMatch(/^--- src\/a\.ts/m);
      expect(dry.stdout).toMatch(/^--- src\/b\.ts/m);
      expect(summaryLine(dry)).toBe("flush-codemod: 3 files scanned, 2 would change, 1 unchanged, 0 skipped, 0 failed");
      await expectUntouched(expect, dir, before);

      const forced = await runCli(["--force", "src"], dir);
      expect(forced.code, describeResult("--force", forced)).toBe(0);
      expect(forced.stderr).toBe("");
      expect(summaryLine(forced)).toBe("flush-codemod: 3 files scanned, 2 changed, 1 unchanged, 0 skipped, 0 failed");
      expect(await readText(dir, "src/a.ts")).toBe(`// edited, not committed\n${SOCKET_BUG_TS_REWRITTEN}`);
      expect(await readText(dir, "src/b.ts")).toBe(SOCKET_BUG_TS_REWRITTEN);
      await expectUntouched(expect, dir, before, ["src/clean.ts"]);
    });

    it("counts an untracked new file as uncommitted", async ({ expect }) => {
      const dir = await createProject({ "src/a.ts": SOCKET_BUG_TS });
      await writeFile(join(dir, "src/new.ts"), SOCKET_BUG_TS);
      const before = await ageFiles(dir, ["src/a.ts", "src/new.ts"]);
      const result = await runCli(["src"], dir);
      expect(result.code, describeResult("untracked file", result)).toBe(2);
      expect(result.stderr).toContain("\n  src/new.ts\n");
      expect(result.stderr).not.toContain("src/a.ts");
      expect(result.stderr).toContain("--force");
      await expectUntouched(expect, dir, before);
    });

    it("does not refuse in a folder that is not in a git repository", async ({ expect }) => {
      const dir = await createProject({ "src/a.ts": SOCKET_BUG_TS }, { git: false });
      expect(isInsideGitWorkTree(dir), `${dir} must not be inside a git work tree for this test`).toBe(false);
      const result = await runCli(["src"], dir);
      expect(result.code, describeResult("no git", result)).toBe(0);
      expect(result.stderr).toBe("");
      expect(summaryLine(result)).toBe("flush-codemod: 1 files scanned, 1 changed, 0 unchanged, 0 skipped, 0 failed");
      expect(await readText(dir, "src/a.ts")).toBe(SOCKET_BUG_TS_REWRITTEN);
    });
  });

  describe("killed mid-run", () => {
    const FILES = 200;
    const id = (i: number) => String(i).padStart(3, "0");
    const name = (i: number) => `f${id(i)}.ts`;
    // Filler makes each file a few kilobytes, so that a write cut short would show.
    const filler = Array.from(
      { length: 80 },
      (_, k) => `// filler ${k}: a torn write would leave this file shorter\n`,
    ).join("");
    const original = (i: number) =>
      SOCKET_BUG_TS.replace("\nexport async function send(", `\n${filler}export async function send${id(i)}(`);
    const rewritten = (i: number) =>
      SOCKET_BUG_TS_REWRITTEN.replace(
        "\nexport async function send(",
        `\n${filler}export async function send${id(i)}(`,
      );

    type KillTrigger =
      /** This text on stderr, then `delayMs`. */
      | { readonly stderr: string; readonly delayMs: number }
      /**
       * `renamed(remaining)` files renamed into place; then, with `duringWrite`, the next temporary
       * file created (the run is between writing a file and renaming it).
       */
      | { readonly renamed: (remaining: number) => number; readonly duringWrite: boolean };

    interface KillPoint {
      readonly what: string;
      readonly args: readonly string[];
      readonly trigger: KillTrigger;
    }

    const TEMPORARY = /\.flush-codemod-\d+\.tmp$/;

    /** Starts the CLI in `dir` and SIGKILLs it at `point`. */
    async function runAndKill(
      dir: string,
      point: KillPoint,
      remaining: number,
    ): Promise<{ pid: number; result: CliResult }> {
      const child = spawnCli([...point.args, "src"], dir);
      const done = waitForCli(child);
      const { trigger } = point;
      let killTimer: NodeJS.Timeout | undefined;
      let renamed = 0;
      const watcher = watch(join(dir, "src"), (event, filename) => {
        if (!("renamed" in trigger) || event !== "rename" || filename === null) return;
        const enough = renamed >= trigger.renamed(remaining);
        if (/^f\d{3}\.ts$/.test(filename)) renamed++;
        if (trigger.duringWrite ? enough && TEMPORARY.test(filename) : renamed >= trigger.renamed(remaining)) {
          child.kill("SIGKILL");
        }
      });
      if ("stderr" in trigger) {
        let seen = "";
        child.stderr!.on("data", (chunk: Buffer | string) => {
          seen += String(chunk);
          if (seen.includes(trigger.stderr)) killTimer ??= setTimeout(() => child.kill("SIGKILL"), trigger.delayMs);
        });
      }
      try {
        return { pid: child.pid!, result: await done };
      } finally {
        watcher.close();
        clearTimeout(killTimer);
      }
    }

    async function countOriginals(dir: string): Promise<number> {
      let count = 0;
      for (let i = 0; i < FILES; i++) if ((await readText(dir, join("src", name(i)))) === original(i)) count++;
      return count;
    }

    it("leaves every file either as it was or fully rewritten, whenever it is SIGKILLed", async ({ expect }) => {
      const files: Record<string, string> = {};
      for (let i = 0; i < FILES; i++) files[join("src", name(i))] = original(i);
      const dir = await createProject(files);
      const src = join(dir, "src");

      // From the second run on, the files written by the run before are uncommitted: hence --force.
      const points: KillPoint[] = [
        { what: "while analysing", args: [], trigger: { stderr: `${FILES}/${FILES} files analysed`, delayMs: 300 } },
        { what: "while writing the first file", args: [], trigger: { renamed: () => 0, duringWrite: true } },
        {
          what: "between two files, half-way",
          args: ["--force"],
          trigger: { renamed: (n) => Math.floor(n / 2), duringWrite: false },
        },
        {
          what: "while writing a file, half-way",
          args: ["--force"],
          trigger: { renamed: (n) => Math.floor(n / 2), duringWrite: true },
        },
      ];
      for (const point of points) {
        const before = await countOriginals(dir);
        const { pid, result } = await runAndKill(dir, point, before);
        expect(result.signal, describeResult(`the run to be killed ${point.what}`, result)).toBe("SIGKILL");

        let originals = 0;
        for (let i = 0; i < FILES; i++) {
          const text = await readText(dir, join("src", name(i)));
          if (text === original(i)) originals++;
          else
            expect(text, `${name(i)} after a kill ${point.what}: neither the original nor the full rewrite`).toBe(
              rewritten(i),
            );
        }
        const temporary = await findTemporaryFiles(src);
        if ("stderr" in point.trigger) {
          expect(originals, `nothing may be written ${point.what}`).toBe(before);
          expect(temporary).toEqual([]);
        } else {
          // The kill came after the files it waited for were in place, and before the last one.
          expect(before - originals).toBeGreaterThanOrEqual(point.trigger.renamed(before));
          expect(originals).toBeGreaterThan(0);
        }
        expect(
          temporary.every((file) => file.endsWith(`.flush-codemod-${pid}.tmp`)),
          temporary.join(", "),
        ).toBe(true);
        expect(temporary.length, `temporary files left ${point.what}: ${temporary.join(", ")}`).toBeLessThanOrEqual(1);
        for (const file of temporary) await unlink(join(src, file));
      }

      // Finishing the job rewrites what is left, to the same text, and leaves no temporary file.
      const left = await countOriginals(dir);
      const finish = await runCli(["--force", "src"], dir);
      expect(finish.code, describeResult("the final run", finish)).toBe(0);
      expect(summaryLine(finish)).toBe(
        `flush-codemod: ${FILES} files scanned, ${left} changed, ${FILES - left} unchanged, 0 skipped, 0 failed`,
      );
      for (let i = 0; i < FILES; i++) expect(await readText(dir, join("src", name(i))), name(i)).toBe(rewritten(i));
      expect(await findTemporaryFiles(src)).toEqual([]);
    }, 180_000);
  });

  describe("files reached in unusual ways", () => {
    it("keeps a 0o666 mode whatever the umask", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": SOCKET_BUG_TS }, { modes: { "src/bug.ts": 0o666 } });
      const result = await runCli(["src"], dir);
      expect(result.code, describeResult("0o666", result)).toBe(0);
      expect(await readText(dir, "src/bug.ts")).toBe(SOCKET_BUG_TS_REWRITTEN);
      expect((await readState(dir, "src/bug.ts")).mode).toBe(0o666);
    });

    it("rewrites the file a symbolic link points at and keeps the link a link", async ({ expect }) => {
      const dir = await createProject({ "shared/real.ts": SOCKET_BUG_TS });
      await mkdir(join(dir, "src"), { recursive: true });
      await symlink("../shared/real.ts", join(dir, "src", "link.ts"));
      commitAll(dir, "link");
      const result = await runCli(["--project", "tsconfig.json", "src/link.ts"], dir);
      expect(result.code, describeResult("symlink", result)).toBe(0);
      expect((await lstat(join(dir, "src", "link.ts"))).isSymbolicLink()).toBe(true);
      expect(await readText(dir, "shared/real.ts")).toBe(SOCKET_BUG_TS_REWRITTEN);
    });

    it("checks uncommitted changes in a repository reached through a symbolic link", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": SOCKET_BUG_TS });
      const linkParent = await mkdtemp(join(tmpdir(), "flush-codemod-link-"));
      const link = join(linkParent, "repo");
      await symlink(dir, link, "dir");
      try {
        await writeFile(join(dir, "src", "bug.ts"), `// edited\n${SOCKET_BUG_TS}`);
        const refused = await runCli(
          ["--project", join(link, "tsconfig.json"), join(link, "src", "bug.ts")],
          linkParent,
        );
        expect(refused.code, describeResult("dirty through a link", refused)).toBe(2);
        expect(refused.stderr).toContain("uncommitted changes");
        commitAll(dir, "edit");
        const clean = await runCli(["--project", join(link, "tsconfig.json"), join(link, "src", "bug.ts")], linkParent);
        expect(clean.code, describeResult("clean through a link", clean)).toBe(0);
        expect(await readText(dir, "src/bug.ts")).toBe(`// edited\n${SOCKET_BUG_TS_REWRITTEN}`);
      } finally {
        await rm(linkParent, { recursive: true, force: true });
      }
    });

    it("prints the JSON report, with the uncommitted files, when it refuses", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": SOCKET_BUG_TS });
      await writeFile(join(dir, "src", "bug.ts"), `// edited\n${SOCKET_BUG_TS}`);
      const result = await runCli(["--json", "src"], dir);
      expect(result.code, describeResult("json refusal", result)).toBe(2);
      const report = JSON.parse(result.stdout) as { uncommitted: string[] };
      expect(report.uncommitted).toEqual(["src/bug.ts"]);
      expect(await readText(dir, "src/bug.ts")).toBe(`// edited\n${SOCKET_BUG_TS}`);
    });

    it("removes a temporary file a killed earlier run left beside a file it rewrites", async ({ expect }) => {
      const dir = await createProject({ "src/bug.ts": SOCKET_BUG_TS });
      const leftover = join(dir, "src", ".bug.ts.flush-codemod-99999.tmp");
      await writeFile(leftover, "half");
      const result = await runCli(["src/bug.ts"], dir);
      expect(result.code, describeResult("leftover", result)).toBe(0);
      expect(existsSync(leftover)).toBe(false);
      expect(await findTemporaryFiles(join(dir, "src"))).toEqual([]);
    });
  });
});
