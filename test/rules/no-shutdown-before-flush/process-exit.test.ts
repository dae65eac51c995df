// no-shutdown-before-flush: process.exit() after writes it cuts short (file streams, writeFile() and appendFile()
// from node:fs/promises, FileHandle.writeFile()), its aliases, exits that wait (callbacks, listeners,
// .then(process.exit)), and the suggestion to set process.exitCode instead.
import rule from "../../../rules/no-shutdown-before-flush.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
    // ---- exits that wait, or have nothing to wait for -------------------------------------------
    {
      name: "process.exitCode instead of process.exit() lets stdout drain",
      code: `
process.stdout.write(JSON.stringify(process.env));
process.exitCode = 1;
`,
    },
    {
      name: "mocha's drain idiom: an exit in the function handed to write() on stdout and stderr as its callback waits for both",
      code: `
export function exitAfterDrain(code: number): void {
  let draining = 0;
  const done = () => {
    if (!draining--) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    draining += 1;
    stream.write("", done);
  }
  done();
}
export function fail(rows: string[]): void {
  process.stdout.write(rows.join("\\n"));
  exitAfterDrain(1);
}
`,
    },
    {
      name: "process.exit() in the stdout write callback",
      code: `
process.stdout.write(JSON.stringify(process.env), () => process.exit(1));
`,
    },
    {
      name: "console.log() then an empty stdout write whose callback exits: writes complete in order",
      code: `
console.log(process.env);
process.stdout.write("", () => process.exit(0));
`,
    },
    {
      name: "process.exit() in a signal listener is another function",
      code: `
process.stdout.write(JSON.stringify(process.env));
process.on("SIGINT", () => process.exit(130));
`,
    },
    {
      name: "process.exit() inside a 'close' listener of a file stream",
      code: `
import { createWriteStream } from "node:fs";
const out = createWriteStream("report.json");
out.end(JSON.stringify(process.env));
out.on("close", () => process.exit(0));
`,
    },
    {
      name: "an exit ends its path: a later exit is not charged with writes before the earlier one",
      code: `
export async function main(help: boolean, work: () => Promise<void>) {
  if (help) {
    console.log("usage: tool [--help]");
    process.exit(0);
  }
  await work();
  process.exit(1);
}
`,
    },
    {
      name: "an exit after an awaited prompt: the person read the output, on a terminal that took it at once",
      code: `
import { createInterface } from "node:readline/promises";
export async function push(statements: string[]) {
  console.log(statements.join("\\n"));
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Execute all statements? ");
  if (answer !== "y") process.exit(0);
}
`,
    },
    {
      name: "an exit after awaiting a prompt class: `await render(new Select([...]))`",
      code: `
declare class Prompt<T> {
  result(): T;
}
declare class Select extends Prompt<number> {
  constructor(items: string[]);
}
declare function render<T>(prompt: Prompt<T>): Promise<{ data: T }>;
export async function push(statements: string[]) {
  console.log(statements.join("\\n"));
  const { data } = await render(new Select(["No, abort", "Yes"]));
  if (data === 0) process.exit(0);
}
`,
    },
    // ---- files: awaited writes, FileHandle writes already in the thread pool --------------------
    {
      name: "awaited fs.promises.writeFile then exit",
      code: `
import { writeFile } from "node:fs/promises";
await writeFile("out.json", JSON.stringify(process.env));
process.exit(0);
`,
    },
    {
      name: "writeFile calls inside an awaited Promise.all then exit",
      code: `
import { writeFile } from "node:fs/promises";
await Promise.all([writeFile("a.txt", "a"), writeFile("b.txt", "b")]);
process.exit(0);
`,
    },
    {
      name: "FileHandle: one unawaited write followed by close() loses nothing",
      code: `
import { open } from "node:fs/promises";
const fh = await open("out.bin", "w");
fh.write(Buffer.alloc(8 << 20));
fh.close();
`,
    },
    {
      name: "FileHandle: one unawaited write followed by exit loses nothing (it is in the thread pool)",
      code: `
import { open } from "node:fs/promises";
const fh = await open("out.bin", "w");
fh.write(Buffer.alloc(8 << 20));
process.exit(0);
`,
    },
    {
      name: "FileHandle: a loop of writes followed by await fh.close() then exit",
      code: `
import { open } from "node:fs/promises";
const fh = await open("out.bin", "w");
for (let i = 0; i < 8; i++) fh.write(Buffer.alloc(1 << 20));
await fh.close();
process.exit(0);
`,
    },
    {
      name: "FileHandle: a loop of unawaited writes then process.exit() loses nothing (measured: 8 and 64 MiB complete, 12 of 12)",
      code: `
import { open } from "node:fs/promises";
const fh = await open("out.bin", "w");
for (let i = 0; i < 8; i++) fh.write(Buffer.alloc(1 << 20));
process.exit(0);
`,
    },
    {
      name: "FileHandle: a loop of writes, an unawaited close(), then process.exit() loses nothing",
      code: `
import { open } from "node:fs/promises";
const fh = await open("out.bin", "w");
for (let i = 0; i < 8; i++) fh.write(Buffer.alloc(1 << 20));
fh.close();
process.exit(0);
`,
    },
    {
      name: "a single unawaited fh.write() is in the thread pool already and survives process.exit()",
      code: `
import type { FileHandle } from "node:fs/promises";
export function dump(fh: FileHandle, buf: Buffer) {
  fh.write(buf);
  process.exit(0);
}
`,
    },
    {
      name: "a write kept in a variable and awaited before process.exit()",
      code: `
import { writeFile } from "node:fs/promises";
export async function save(p: string, d: string) {
  const saving = writeFile(p, d);
  await saving;
  process.exit(0);
}
`,
    },
    {
      name: "writes pushed into an array in a loop and awaited with Promise.all before process.exit()",
      code: `
import { writeFile } from "node:fs/promises";
export async function saveAll(names: string[], d: string) {
  const jobs: Promise<void>[] = [];
  for (const n of names) jobs.push(writeFile(n, d));
  await Promise.all(jobs);
  process.exit(0);
}
`,
    },
    {
      name: "ES module JavaScript: await finished() before exit",
      filename: "file.mjs",
      code: `
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
const out = createWriteStream("out.log");
out.end(process.argv.join(" "));
await finished(out);
process.exit(0);
`,
    },
    // ---- .then(process.exit) and .finally(process.exit) after the write -------------------------
    {
      name: "ES module JavaScript: `writeFile(...).then(process.exit)` exits once the write is done",
      filename: "file.mjs",
      code: `
import { writeFile } from "node:fs/promises";
export function save(d) {
  writeFile("o.json", d).then(process.exit);
}
`,
    },
    {
      name: "`writeFile(...).finally(process.exit)` exits once the write is done",
      code: `
import { writeFile } from "node:fs/promises";
export function save(d: string) {
  writeFile("o.json", d).finally(process.exit);
}
`,
    },
  ],
  invalid: [
    {
      name: "an exit in a helper's local function that no write() is handed is reported at the helper's call",
      code: `
export function exitNow(code: number): void {
  const done = () => process.exit(code);
  done();
}
export function fail(rows: string[]): void {
  process.stdout.write(rows.join("\\n"));
  exitNow(1);
}
`,
      errors: [{ messageId: "exitInCall", line: 8, suggestions: [] }],
    },
    // ---- files ----------------------------------------------------------------------------------
    {
      name: "fs.createWriteStream: write then process.exit()",
      code: `
import { createWriteStream } from "node:fs";
const out = createWriteStream("out.log");
out.write(JSON.stringify(process.env));
process.exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "out.write()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { createWriteStream } from "node:fs";
const out = createWriteStream("out.log");
out.write(JSON.stringify(process.env));
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "fs.createWriteStream: the literal exemption is for stdout and stderr only",
      code: `
import { createWriteStream } from "node:fs";
const log = createWriteStream("app.log");
log.write("shutting down\\n");
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(0)", write: "log.write()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { createWriteStream } from "node:fs";
const log = createWriteStream("app.log");
log.write("shutting down\\n");
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "fs.createWriteStream: end then process.exit() without a code: no suggestion",
      code: `
import * as fs from "node:fs";
const out = fs.createWriteStream("out.log");
out.end(JSON.stringify(process.env));
process.exit();
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit()", write: "out.end()", line: 4 },
          suggestions: [],
        },
      ],
    },
    {
      name: "fs.promises.writeFile unawaited then process.exit()",
      code: `
import * as fs from "node:fs";
fs.promises.writeFile("out.json", JSON.stringify(process.env));
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(0)", write: "fs.promises.writeFile()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import * as fs from "node:fs";
fs.promises.writeFile("out.json", JSON.stringify(process.env));
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "appendFile from node:fs/promises unawaited then process.exit()",
      code: `
import { appendFile } from "node:fs/promises";
export function fail(message: string): void {
  appendFile("errors.log", message + "\\n");
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "appendFile()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { appendFile } from "node:fs/promises";
export function fail(message: string): void {
  appendFile("errors.log", message + "\\n");
  process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "one unawaited fh.writeFile() of 8 MiB is cut short by process.exit()",
      code: `
import type { FileHandle } from "node:fs/promises";
export function dump(fh: FileHandle) {
  fh.writeFile(Buffer.alloc(8 << 20));
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(0)", write: "fh.writeFile()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import type { FileHandle } from "node:fs/promises";
export function dump(fh: FileHandle) {
  fh.writeFile(Buffer.alloc(8 << 20));
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "one unawaited fh.appendFile() of 8 MiB is cut short by process.exit()",
      code: `
import type { FileHandle } from "node:fs/promises";
export function dump(fh: FileHandle) {
  fh.appendFile(Buffer.alloc(8 << 20));
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(0)", write: "fh.appendFile()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import type { FileHandle } from "node:fs/promises";
export function dump(fh: FileHandle) {
  fh.appendFile(Buffer.alloc(8 << 20));
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "CommonJS: fs.createWriteStream write then process.exit()",
      filename: "file.cjs",
      code: `
const fs = require("node:fs");
const out = fs.createWriteStream("out.log");
out.write(JSON.stringify(process.env));
process.exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "out.write()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
const fs = require("node:fs");
const out = fs.createWriteStream("out.log");
out.write(JSON.stringify(process.env));
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "an exit after awaiting work that asks nobody: the output may still be queued",
      code: `
export async function push(statements: string[], execute: () => Promise<number>) {
  console.log(statements.join("\\n"));
  const failed = await execute();
  if (failed > 0) process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "console.log()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export async function push(statements: string[], execute: () => Promise<number>) {
  console.log(statements.join("\\n"));
  const failed = await execute();
  if (failed > 0) process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    // ---- aliases of process.exit and stdout -----------------------------------------------------
    {
      name: "alias: import { exit } from 'node:process'",
      code: `
import { exit } from "node:process";
process.stdout.write(JSON.stringify(process.env));
exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "exit(1)", write: "process.stdout.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { exit } from "node:process";
process.stdout.write(JSON.stringify(process.env));
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "alias: const { stdout } = process",
      code: `
const { stdout } = process;
stdout.write(JSON.stringify(process.env));
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(0)", write: "stdout.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
const { stdout } = process;
stdout.write(JSON.stringify(process.env));
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "alias: const { exit } = process",
      code: `
const { exit } = process;
console.log(process.env);
exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "exit(1)", write: "console.log()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
const { exit } = process;
console.log(process.env);
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "alias: import { stdout, exit } from 'node:process'",
      code: `
import { exit, stdout } from "node:process";
stdout.write(JSON.stringify(process.env));
exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "exit(1)", write: "stdout.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { exit, stdout } from "node:process";
stdout.write(JSON.stringify(process.env));
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "alias: the default import of node:process",
      code: `
import proc from "node:process";
proc.stderr.write(JSON.stringify(proc.env));
proc.exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "proc.exit(1)", write: "proc.stderr.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import proc from "node:process";
proc.stderr.write(JSON.stringify(proc.env));
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "alias: .then(process.exit) is reported at the process.exit reference, with no suggestion",
      code: `
process.stdout.write(JSON.stringify(process.env));
Promise.resolve(0).then(process.exit);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          column: 25,
          endColumn: 37,
          data: { shutdown: "process.exit", write: "process.stdout.write()", line: 2 },
          suggestions: [],
        },
      ],
    },
    {
      name: "alias: .then(exit) with exit imported from node:process",
      code: `
import { exit } from "node:process";
console.log(process.env);
Promise.resolve(2).then(exit);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          column: 25,
          endColumn: 29,
          data: { shutdown: "exit", write: "console.log()", line: 3 },
          suggestions: [],
        },
      ],
    },
    {
      name: "alias: .finally(process.exit)",
      code: `
console.error(process.env);
Promise.resolve().finally(process.exit);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit", write: "console.error()", line: 2 },
          suggestions: [],
        },
      ],
    },
    {
      name: "`.then(process.exit)` on a chain without the write does not wait for it",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
declare function main(): Promise<number>;
export function run(x: string) {
  process.stdout.write(x);
  main().then(process.exit);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          column: 15,
          data: { shutdown: "process.exit", write: "process.stdout.write()", line: 4 },
          suggestions: [],
        },
      ],
    },
    // ---- the process.exitCode suggestion --------------------------------------------------------
    {
      name: "a conditional process.exit(code): the suggestion keeps the condition",
      code: `
process.stdout.write(JSON.stringify(process.env));
const code = Number(process.env["EXIT_CODE"]);
if (code) process.exit(code);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(code)", write: "process.stdout.write()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
process.stdout.write(JSON.stringify(process.env));
const code = Number(process.env["EXIT_CODE"]);
if (code) process.exitCode = code;
`,
            },
          ],
        },
      ],
    },
    {
      name: "useExitCode for an unbraced `if` that ends the function",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
export function report(big: string, failed: boolean) {
  console.error(big);
  if (failed) process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          column: 15,
          data: { shutdown: "process.exit(1)", write: "console.error()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function report(big: string, failed: boolean) {
  console.error(big);
  if (failed) process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "useExitCode at the end of a braced `if` that ends the function",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
export function report(big: string, failed: boolean) {
  if (failed) {
    console.error(big);
    process.exit(1);
  }
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "console.error()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function report(big: string, failed: boolean) {
  if (failed) {
    console.error(big);
    process.exitCode = 1;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "useExitCode where a bare `return;` follows the exit",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
export function report(big: string, failed: boolean) {
  console.error(big);
  if (failed) {
    process.exit(1);
    return;
  }
  console.log("ok");
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "console.error()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function report(big: string, failed: boolean) {
  console.error(big);
  if (failed) {
    process.exitCode = 1;
    return;
  }
  console.log("ok");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "no useExitCode where code runs after the exit: `if (...) { ...; process.exit(2); } rest();`",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
declare function rest(): void;
export function cli(args: string[], big: string) {
  if (!args.length) {
    console.error(big);
    process.exit(2);
  }
  rest();
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 6,
          data: { shutdown: "process.exit(2)", write: "console.error()", line: 5 },
          suggestions: [],
        },
      ],
    },
    {
      name: "no useExitCode in a function declared to return `never`",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
export function fail(big: string): never {
  console.error(big);
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(1)", write: "console.error()", line: 3 },
          suggestions: [],
        },
      ],
    },
  ],
});
