/**
 * The codemod replaces a file by renaming a new one over it, which needs only the folder's write
 * permission: a file its owner made read-only must be refused by its own mode, and reported. The
 * mode bits decide, since a test run as root would be told by access() that every file is writable.
 */
import { chmod, readFile, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, expect, it } from "vitest";

import { runCodemod } from "../../src/codemod/run-codemod.js";
import { makeTempDir, removeDir } from "./harness.js";

const BUG = `import type { Socket } from "node:net";

export async function hangUp(socket: Socket, farewell: string): Promise<void> {
  socket.write(farewell);
  socket.destroy();
}
`;

const nodeModulesDir = fileURLToPath(new URL("../../node_modules", import.meta.url));

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir("flush-read-only-");
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  await symlink(nodeModulesDir, path.join(dir, "node_modules"), "dir");
  const compilerOptions = { target: "es2022", module: "nodenext", types: ["node"], strict: true, noEmit: true };
  await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }));
});

afterAll(async () => {
  await removeDir(dir);
});

async function rewrite(name: string, mode: number) {
  const file = path.join(dir, name);
  await writeFile(file, BUG);
  await chmod(file, mode);
  const [report] = runCodemod({
    tsconfig: path.join(dir, "tsconfig.json"),
    files: [file],
    dry: false,
    force: true,
  }).files;
  return { report, text: await readFile(file, "utf8"), mode: (await stat(file)).mode & 0o777 };
}

it("a read-only file is left as it is, and reported as failed with the fix", async () => {
  const { report, text, mode } = await rewrite("read-only.ts", 0o444);
  expect(report.status).toBe("failed");
  expect(report.reason).toContain("read-only file: make it writable (chmod u+w) or leave it out");
  expect(text).toBe(BUG);
  expect(mode).toBe(0o444);
});

it("a writable file beside it is rewritten", async () => {
  const { report, text, mode } = await rewrite("writable.ts", 0o644);
  expect(report.status).toBe("changed");
  expect(text).toContain("await finished(socket");
  expect(mode).toBe(0o644);
});
