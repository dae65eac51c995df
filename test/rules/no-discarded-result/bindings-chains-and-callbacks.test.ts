// no-discarded-result: a result is kept when awaited, returned, stored and read, or handled; a binding nobody
// reads, a chain, an operator, `void`, or a callback whose return value its caller ignores throws it away.
import rule from "../../../rules/no-discarded-result.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-discarded-result", rule, {
  valid: [
    // ---- kept: stored and read, chained, handled ------------------------------------------------
    {
      name: "a write stored in a variable and awaited later in the same function",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  const written = fh.write(data);
  console.log("queued");
  await written;
}
`,
    },
    {
      name: "a close() stored and awaited in a closure the function returns",
      code: `
import type { FileHandle } from "node:fs/promises";
export function closeLater(fh: FileHandle) {
  const closing = fh.close();
  return async () => {
    await closing;
  };
}
`,
    },
    {
      name: "writes collected in an array variable that an awaited Promise.all reads",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, a: string) {
  const pending = [fh.write(a), fh.sync()];
  await Promise.all(pending);
}
`,
    },
    {
      name: "sync() chained into an awaited .then() chain",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  await fh.write(data).then(() => fh.sync());
}
`,
    },
    {
      name: "a call whose promise is passed to a function, and one stored in a property",
      code: `
import type { FileHandle } from "node:fs/promises";
declare function track(p: Promise<unknown>): void;
export class Closer {
  pending: Promise<unknown> | undefined;
  run(fh: FileHandle) {
    track(fh.sync());
    this.pending = fh.close();
  }
}
`,
    },
    {
      name: "FileHandle close() with .catch() has its rejection handled",
      code: `
import type { FileHandle } from "node:fs/promises";
export function closeQuietly(fh: FileHandle) {
  fh.close().catch((error: unknown) => console.error(error));
}
`,
    },
    {
      name: "a discarded Promise.all or .then() chain that ends in .catch() is handled",
      code: `
import type { FileHandle } from "node:fs/promises";
export function save(fh: FileHandle, a: string) {
  Promise.all([fh.write(a), fh.sync()]).catch((error: unknown) => console.error(error));
  fh.write(a).then(() => fh.sync()).catch(() => {});
}
`,
    },
    {
      name: "an async IIFE that awaits inside is not the stream call's discard",
      code: `
import type { FileHandle } from "node:fs/promises";
export function appendAll(fh: FileHandle, lines: string[]) {
  for (const line of lines) {
    void (async () => {
      await fh.appendFile(line);
    })();
  }
}
`,
    },
    {
      name: "an exported binding holding a write is not discarded, another module may read it",
      code: `
import { writeFile } from "node:fs/promises";
export const saved = writeFile("a.txt", "x");
`,
    },
    // ---- callbacks ------------------------------------------------------------------------------
    {
      name: "appendFile() returned from a map() callback into an awaited Promise.all",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function appendAll(fh: FileHandle, lines: string[]) {
  await Promise.all(lines.map((line) => fh.appendFile(line)));
}
`,
    },
  ],
  invalid: [
    // ---- bindings, chains, operators ------------------------------------------------------------
    {
      name: "sync() assigned to a declared `_`",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  let _: unknown;
  _ = fh.sync();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 7,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  let _: unknown;
  _ = await fh.sync();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a variable whose only read throws the promise away again",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  const p = fh.sync();
  p;
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 13,
          data: { callee: "fh.sync()", how: "into a variable nobody reads", lost: "whether the data reached the disk" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  const p = await fh.sync();
  p;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a variable read only by `void`",
      code: `
import type { FileHandle } from "node:fs/promises";
export function done(fh: FileHandle) {
  const p = fh.close();
  void p;
}
`,
      errors: [{ messageId: "discardedResult", line: 4, column: 13, suggestions: [] }],
    },
    {
      name: "a discarded .then() chain on write() in an async function: await or return the chain",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  fh.write(data).then(() => console.log("written"));
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          endColumn: 17,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  await fh.write(data).then(() => console.log("written"));
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  return fh.write(data).then(() => console.log("written"));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a bare statement inside a .then() callback of an awaited chain: return it into the chain",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, a: string) {
  await fh.write(a).then(() => {
    fh.sync();
  });
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, a: string) {
  await fh.write(a).then(() => {
    return fh.sync();
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "both branches of a discarded conditional: await wraps the whole conditional in parentheses",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle, full: boolean) {
  full ? fh.sync() : fh.datasync();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle, full: boolean) {
  await (full ? fh.sync() : fh.datasync());
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle, full: boolean) {
  return full ? fh.sync() : fh.datasync();
}
`,
            },
          ],
        },
        {
          messageId: "discardedResult",
          line: 4,
          column: 22,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle, full: boolean) {
  await (full ? fh.sync() : fh.datasync());
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle, full: boolean) {
  return full ? fh.sync() : fh.datasync();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "`flag && fh.sync()` as a statement: await wraps the whole expression",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle, flag: boolean) {
  flag && fh.sync();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 11,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle, flag: boolean) {
  await (flag && fh.sync());
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle, flag: boolean) {
  return flag && fh.sync();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "the left operand of a comma expression is discarded",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  fh.sync(), console.log("x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  await fh.sync(), console.log("x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a parenthesised cast of sync() as a statement",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  (fh.sync() as Promise<void>);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 4,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  await (fh.sync() as Promise<void>);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  return (fh.sync() as Promise<void>);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a Promise.all that is itself discarded loses every write in it",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, a: string) {
  Promise.all([fh.write(a), fh.sync()]);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, a: string) {
  await Promise.all([fh.write(a), fh.sync()]);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, a: string) {
  return Promise.all([fh.write(a), fh.sync()]);
}
`,
            },
          ],
        },
        {
          messageId: "discardedResult",
          line: 4,
          column: 29,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, a: string) {
  await Promise.all([fh.write(a), fh.sync()]);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, a: string) {
  return Promise.all([fh.write(a), fh.sync()]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "`void Promise.all([...])` in a non-async function",
      code: `
import type { FileHandle } from "node:fs/promises";
export function save(fh: FileHandle, a: string) {
  void Promise.all([fh.write(a)]);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 21,
          data: { callee: "fh.write()", how: "with `void`", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export function save(fh: FileHandle, a: string) {
  return Promise.all([fh.write(a)]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "`return void fh.close()` returns undefined, not the promise",
      code: `
import type { FileHandle } from "node:fs/promises";
export function done(fh: FileHandle) {
  return void fh.close();
}
`,
      errors: [{ messageId: "discardedResult", line: 4, column: 15, suggestions: [] }],
    },
    {
      name: "the same binding without `export` is a variable nobody reads",
      code: `
import { writeFile } from "node:fs/promises";
const saved = writeFile("a.txt", "x");
export {};
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 15,
          data: { callee: "writeFile()", how: "into a variable nobody reads", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { writeFile } from "node:fs/promises";
const saved = await writeFile("a.txt", "x");
export {};
`,
            },
          ],
        },
      ],
    },
    {
      name: "the left operand of `||` is the statement's value: `fh.sync() || console.log(...)`",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  fh.sync() || console.log("x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "fh.sync()", how: "as a bare statement", lost: "whether the data reached the disk" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  await (fh.sync() || console.log("x"));
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  return fh.sync() || console.log("x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "the left operand of `??` is the statement's value: `writer?.close() ?? fallback`",
      code: `
declare const fallback: Promise<void>;
export async function stop(writer: WritableStreamDefaultWriter<string> | undefined) {
  writer?.close() ?? fallback;
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: {
            callee: "writer?.close()",
            how: "as a bare statement",
            lost: "whether everything was written before the close",
          },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
declare const fallback: Promise<void>;
export async function stop(writer: WritableStreamDefaultWriter<string> | undefined) {
  await (writer?.close() ?? fallback);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
declare const fallback: Promise<void>;
export async function stop(writer: WritableStreamDefaultWriter<string> | undefined) {
  return writer?.close() ?? fallback;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "`fh.sync() as Promise<void>;` is awaited as a whole, in parentheses",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  fh.sync() as Promise<void>;
  console.log("synced");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "fh.sync()", how: "as a bare statement", lost: "whether the data reached the disk" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  await (fh.sync() as Promise<void>);
  console.log("synced");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "`fh.sync() satisfies Promise<void>;` is awaited as a whole, in parentheses",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  fh.sync() satisfies Promise<void>;
  console.log("synced");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "fh.sync()", how: "as a bare statement", lost: "whether the data reached the disk" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  await (fh.sync() satisfies Promise<void>);
  console.log("synced");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "`void fh.close();` ending a synchronous function: `void` becomes `return`",
      code: `
import type { FileHandle } from "node:fs/promises";
export function release(fh: FileHandle) {
  void fh.close();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 8,
          data: { callee: "fh.close()", how: "with `void`", lost: "whether everything was written before the close" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export function release(fh: FileHandle) {
  return fh.close();
}
`,
            },
          ],
        },
      ],
    },
    // ---- callbacks whose return value is ignored ------------------------------------------------
    {
      name: "FileHandle appendFile() returned from a forEach callback: the caller ignores it, nothing to suggest",
      code: `
import type { FileHandle } from "node:fs/promises";
export function appendAll(fh: FileHandle, lines: string[]) {
  lines.forEach((line) => fh.appendFile(line));
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 27,
          endColumn: 46,
          data: { callee: "fh.appendFile()", how: "to a caller that ignores it", lost: "whether the data was written" },
          suggestions: [],
        },
      ],
    },
    {
      name: "an async forEach callback returning appendFile(): forEach still drops the promise",
      code: `
import type { FileHandle } from "node:fs/promises";
export function appendAll(fh: FileHandle, lines: string[]) {
  lines.forEach(async (line) => fh.appendFile(line));
}
`,
      errors: [{ messageId: "discardedResult", line: 4, column: 33, suggestions: [] }],
    },
    {
      name: "FileHandle appendFile() as a statement in a block-bodied forEach callback: no await, no useful return",
      code: `
import type { FileHandle } from "node:fs/promises";
export function appendAll(fh: FileHandle, lines: string[]) {
  lines.forEach((line) => {
    fh.appendFile(line);
  });
}
`,
      errors: [{ messageId: "discardedResult", line: 5, column: 5, suggestions: [] }],
    },
    {
      name: "close() returned from a setTimeout callback",
      code: `
import type { FileHandle } from "node:fs/promises";
export function closeSoon(fh: FileHandle) {
  setTimeout(() => fh.close(), 10);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 20,
          endColumn: 30,
          data: {
            callee: "fh.close()",
            how: "to a caller that ignores it",
            lost: "whether everything was written before the close",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "writer.close() returned from a Node event listener",
      code: `
import type { Writable } from "node:stream";
export function relay(s: Writable, writer: WritableStreamDefaultWriter<string>) {
  s.on("finish", () => writer.close());
}
`,
      errors: [{ messageId: "discardedResult", line: 4, column: 24, suggestions: [] }],
    },
    {
      name: "close() returned from a function-expression listener for process beforeExit",
      code: `
import type { FileHandle } from "node:fs/promises";
export function closeOnExit(fh: FileHandle) {
  process.on("beforeExit", function () {
    return fh.close();
  });
}
`,
      errors: [{ messageId: "discardedResult", line: 5, column: 12, suggestions: [] }],
    },
    {
      name: "sync() returned from a queueMicrotask callback",
      code: `
import type { FileHandle } from "node:fs/promises";
export function syncSoon(fh: FileHandle) {
  queueMicrotask(() => fh.sync());
}
`,
      errors: [{ messageId: "discardedResult", line: 4, column: 24, suggestions: [] }],
    },
    {
      name: "sync() as a statement in an async timer callback: await inside it",
      code: `
import type { FileHandle } from "node:fs/promises";
export function syncSoon(fh: FileHandle) {
  setTimeout(async () => {
    fh.sync();
  }, 10);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export function syncSoon(fh: FileHandle) {
  setTimeout(async () => {
    await fh.sync();
  }, 10);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "`() => void fh.close()` as a listener: void is no excuse",
      code: `
import type { FileHandle } from "node:fs/promises";
export function closeOnDone(fh: FileHandle, emitter: NodeJS.EventEmitter) {
  emitter.on("done", () => void fh.close());
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 33,
          data: {
            callee: "fh.close()",
            how: "with `void`",
            lost: "whether everything was written before the close",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "a block-bodied addEventListener() listener gets no returnPromise: its caller drops it",
      code: `
export function abortOnSignal(signal: AbortSignal, writer: WritableStreamDefaultWriter<string>) {
  signal.addEventListener("abort", () => {
    writer.abort();
  });
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 5,
          data: { callee: "writer.abort()", how: "as a bare statement", lost: "whether the abort went through" },
          suggestions: [],
        },
      ],
    },
    {
      name: "an async addEventListener() listener gets addAwait, still no returnPromise",
      code: `
export function abortOnSignal(signal: AbortSignal, writer: WritableStreamDefaultWriter<string>) {
  signal.addEventListener("abort", async () => {
    writer.abort();
  });
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 5,
          data: { callee: "writer.abort()", how: "as a bare statement", lost: "whether the abort went through" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export function abortOnSignal(signal: AbortSignal, writer: WritableStreamDefaultWriter<string>) {
  signal.addEventListener("abort", async () => {
    await writer.abort();
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a `.then()` callback of an awaited chain gets returnPromise: the chain waits for it",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  await fh.write(data).then(() => {
    fh.close();
  });
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 5,
          data: {
            callee: "fh.close()",
            how: "as a bare statement",
            lost: "whether everything was written before the close",
          },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  await fh.write(data).then(() => {
    return fh.close();
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
