/**
 * A file that already awaits at its top level may await there once more, whatever the tsconfig
 * says: the codemod flushes before its exit instead of calling it synchronous code. The project
 * here sets no "module" (TypeScript then picks one from the target), the case the compiler options
 * alone do not show.
 */
import { copyFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, expect, it } from "vitest";

import { runCodemod, type FileReport } from "../../src/codemod/run-codemod.js";
import { makeTempDir, MiB, removeDir, runChild, scenarioPath, transpileTo } from "./harness.js";

const PAYLOAD = 8 * MiB;
const TRIALS = 3;

const nodeModulesDir = fileURLToPath(new URL("../../node_modules", import.meta.url));

let dir: string;
let report: FileReport;

beforeAll(async () => {
  dir = await makeTempDir("flush-top-level-await-");
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  await symlink(nodeModulesDir, path.join(dir, "node_modules"), "dir");
  const compilerOptions = {
    target: "es2022",
    moduleResolution: "bundler",
    types: ["node"],
    strict: true,
    noEmit: true,
  };
  await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }));
  const file = path.join(dir, "cli.ts");
  await copyFile(scenarioPath("cli-top-level-await-exit.ts"), file);
  [report] = runCodemod({ tsconfig: path.join(dir, "tsconfig.json"), files: [file], dry: true, force: false })
    .files as [FileReport];
});

afterAll(async () => {
  await removeDir(dir);
});

it("the exit after the top-level await is rewritten to flush with await, not listed as synchronous code", () => {
  expect(report.sites).toMatchObject([{ rule: "no-shutdown-before-flush", rewritten: true }]);
  expect(report.rewritten).toContain(
    'await new Promise((resolve) => process.stdout.write("", resolve));\nprocess.exit(0);',
  );
});

it("the rewritten program delivers its whole output through a slow pipe, and exits 0", async () => {
  const script = await transpileTo(dir, "cli-rewritten", report.rewritten!);
  for (let i = 0; i < TRIALS; i++) {
    const run = await runChild(script, [String(PAYLOAD)], { pauseMs: 5, timeoutMs: 30_000 });
    expect(run).toMatchObject({ exitCode: 0, ending: "end", stderr: "", bytes: PAYLOAD });
  }
});
