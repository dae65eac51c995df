// Issue 6, trap 1: `await using` on a Node writable destroys it at the end of the scope instead
// of ending it. This runs the codemod fixture's input and output for real: the input loses the
// data, the rewrite (end, then await finished) delivers every byte.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

const FIXTURES = new URL("../fixtures/codemods/flush-before-shutdown/", import.meta.url);
const ROWS = 4096;
const ROW = "x".repeat(2047);
/** 4096 rows of 2 KiB: 8 MiB, more than a file stream writes before the scope ends. */
const EXPECTED_BYTES = ROWS * (ROW.length + 1) - 1;
const TRIALS = 3;

const directory = mkdtempSync(join(tmpdir(), "flush-using-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

type WriteReport = (path: string, rows: readonly string[]) => Promise<void>;

/** Compiles a fixture as Node 20 runs it: `await using` lowered to TypeScript's disposal helpers. */
async function load(fixture: string): Promise<WriteReport> {
  const source = readFileSync(new URL(fixture, FIXTURES), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  const file = join(directory, fixture.replace(/\.ts$/, ".mjs"));
  writeFileSync(file, outputText);
  return ((await import(pathToFileURL(file).href)) as { writeReport: WriteReport }).writeReport;
}

async function bytesWritten(writeReport: WriteReport, trial: number): Promise<number> {
  const path = join(directory, `report-${trial}-${Math.random().toString(36).slice(2)}.txt`);
  await writeReport(
    path,
    Array.from({ length: ROWS }, () => ROW),
  );
  return statSync(path).size;
}

describe("await using on fs.createWriteStream", () => {
  it("loses the data when the scope ends after a write (the input)", async () => {
    const writeReport = await load("await-using-file-stream.input.ts");
    const sizes: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) sizes.push(await bytesWritten(writeReport, trial));
    for (const size of sizes) expect(size).toBeLessThan(EXPECTED_BYTES);
  });

  it("delivers every byte once the codemod ends the stream and waits (the output)", async () => {
    const writeReport = await load("await-using-file-stream.output.ts");
    for (let trial = 0; trial < TRIALS; trial++) expect(await bytesWritten(writeReport, trial)).toBe(EXPECTED_BYTES);
  });
});
