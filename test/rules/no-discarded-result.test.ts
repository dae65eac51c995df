import rule from "../../rules/no-discarded-result.js";
import { createRuleTester } from "../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-discarded-result", rule, {
  valid: [
    // ---- awaited, returned, yielded ------------------------------------------------------------
    {
      name: "FileHandle: awaited write, sync and close are kept",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  await fh.write(data);
  await fh.sync();
  await fh.close();
}
`,
    },
    {
      name: "FileHandle: a returned close() and an arrow's expression body hand the promise to the caller",
      code: `
import type { FileHandle } from "node:fs/promises";
export function closeFile(fh: FileHandle) {
  return fh.close();
}
export const flushFile = (fh: FileHandle) => fh.datasync();
`,
    },
    {
      name: "FileHandle: a yielded appendFile() goes to whoever drives the generator",
      code: `
import type { FileHandle } from "node:fs/promises";
export function* appendAll(fh: FileHandle, lines: string[]) {
  for (const line of lines) yield fh.appendFile(line);
}
`,
    },
    {
      name: "writer: `return await writer.write()` keeps the result",
      code: `
export async function send(writer: WritableStreamDefaultWriter<string>, line: string) {
  return await writer.write(line);
}
`,
    },
    {
      name: "FileHandle: writes passed to an awaited Promise.all",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function saveBoth(fh: FileHandle, a: string, b: string) {
  await Promise.all([fh.write(a), fh.write(b)]);
}
`,
    },
    {
      name: "returned Promise.race of once(drain) and finished(), returned Promise.allSettled of writer calls",
      code: `
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
export function drainOrFinish(s: Writable) {
  return Promise.race([once(s, "drain"), finished(s)]);
}
export function settle(writer: WritableStreamDefaultWriter<string>) {
  return Promise.allSettled([writer.write("a"), writer.close()]);
}
`,
    },
    {
      name: "the plugin's own wait-for-drain shape: once(drain) raced with finished() and awaited through .finally()",
      code: `
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
export async function waitForDrain(s: Writable) {
  const drained = new AbortController();
  await Promise.race([
    once(s, "drain", { signal: drained.signal }),
    finished(s, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
    },
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
      name: "appendFile() returned from a map() callback into an awaited Promise.all",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function appendAll(fh: FileHandle, lines: string[]) {
  await Promise.all(lines.map((line) => fh.appendFile(line)));
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
    // ---- rejection handled ------------------------------------------------------------------------
    {
      name: "Streams standard idiom: await writer.ready, write with the rejection handled, await close()",
      code: `
export async function writeAll(stream: WritableStream<Uint8Array>, chunks: Uint8Array[]) {
  const writer = stream.getWriter();
  for (const chunk of chunks) {
    await writer.ready;
    writer.write(chunk).catch(() => {});
  }
  await writer.close();
}
`,
    },
    {
      name: "Streams standard idiom: forEach of writes with .catch(), then close() returned",
      code: `
export function writeArray(stream: WritableStream<string>, chunks: string[]) {
  const writer = stream.getWriter();
  chunks.forEach((chunk) => writer.write(chunk).catch(() => {}));
  return writer.close();
}
`,
    },
    {
      name: ".then() with a rejection handler handles write() and writer.closed",
      code: `
export function watch(writer: WritableStreamDefaultWriter<string>) {
  writer.write("x").then(undefined, (error: unknown) => console.error(error));
  writer.closed.then(() => console.log("closed"), () => console.log("failed"));
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
      name: "writer: close() with .catch() and writer.closed awaited",
      code: `
export async function finish(writer: WritableStreamDefaultWriter<string>) {
  writer.close().catch(() => {});
  await writer.closed;
}
`,
    },
    // ---- not a stream, or no promise --------------------------------------------------------------
    {
      name: "write/flush/close on a cache interface and a logger class are not stream calls",
      code: `
interface Cache {
  write(key: string, value: string): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
}
declare const cache: Cache;
class Logger {
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
  write(line: string): Promise<void> {
    return Promise.resolve(void line);
  }
}
export function shutdown(logger: Logger) {
  cache.write("k", "v");
  cache.flush();
  void cache.close();
  logger.write("x");
  logger.flush();
  const _ = logger.close();
}
`,
    },
    {
      name: "local types named FileSink, FileHandle and WritableStreamDefaultWriter are judged by declaration, not name",
      code: `
class FileSink {
  flush(): Promise<number> { return Promise.resolve(0); }
  end(): Promise<number> { return Promise.resolve(0); }
}
interface FileHandle { close(): Promise<void>; sync(): Promise<void> }
class WritableStreamDefaultWriter {
  write(_chunk: string): Promise<void> { return Promise.resolve(); }
}
export function f(sink: FileSink, fh: FileHandle, writer: WritableStreamDefaultWriter) {
  sink.flush();
  sink.end();
  fh.close();
  void fh.sync();
  writer.write("x");
}
`,
    },
    {
      name: "Node Writable write()/end() return boolean/this, not promises",
      code: `
import type { Writable } from "node:stream";
import type { ServerResponse } from "node:http";
export function respond(s: Writable, res: ServerResponse) {
  s.write("a");
  s.end("b");
  res.end();
  process.stdout.write("x");
}
`,
    },
    {
      name: "once() with events other than drain/finish/close is not a stream result",
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export function watch(s: Writable) {
  once(s, "error");
  once(s, "pipe");
}
`,
    },
    {
      name: "Deno FsFile close() and writeSync(), Bun FileSink write() return no promise",
      code: `
import type { FileSink } from "bun";
export function f(file: Deno.FsFile, sink: FileSink, data: Uint8Array) {
  file.writeSync(data);
  file.close();
  sink.write("x");
}
`,
    },
    {
      name: "callback-style fs writeFile/appendFile return void",
      code: `
import { writeFile, appendFile } from "node:fs";
export function save() {
  writeFile("a.txt", "x", () => {});
  appendFile("a.txt", "x", () => {});
}
`,
    },
    {
      name: "callback-style stream pipeline/finished return no promise",
      code: `
import { pipeline, finished } from "node:stream";
import type { Readable, Writable } from "node:stream";
export function pipe(r: Readable, w: Writable) {
  pipeline(r, w, () => {});
  finished(w, () => {});
}
`,
    },
    {
      name: "without the streamTypes option a user's own class with flush()/close() promises is not reported",
      code: `
class MyStream {
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
export function shutdown(s: MyStream) {
  s.flush();
  s.close();
}
`,
    },
    {
      name: "streamTypes option: awaited flush() and returned close() of the user's class are fine",
      options: [{ streamTypes: [{ from: "file", name: "MyStream" }] }],
      code: `
class MyStream {
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
export async function shutdown(s: MyStream) {
  await s.flush();
  return s.close();
}
`,
    },
    {
      name: "streamTypes option: a method of the user's class that returns no promise is not reported",
      options: [{ streamTypes: [{ from: "file", name: "MyStream" }] }],
      code: `
class MyStream {
  write(chunk: string): boolean {
    return chunk.length > 0;
  }
}
export function send(s: MyStream) {
  s.write("x");
}
`,
    },
    // ---- every family, used correctly --------------------------------------------------------------
    {
      name: "top-level await of writeFile in an ES module",
      code: `
import { writeFile } from "node:fs/promises";
await writeFile("a.txt", "x");
`,
    },
    {
      name: "fs.promises.writeFile and a destructured alias of fs/promises, awaited",
      code: `
import fs from "node:fs";
import fsp from "node:fs/promises";
const { appendFile } = fsp;
export async function save() {
  await fs.promises.writeFile("a.txt", "x");
  await appendFile("a.txt", "y");
}
`,
    },
    {
      name: "writer.ready awaited only when the queue is full",
      code: `
export async function send(writer: WritableStreamDefaultWriter<string>, line: string) {
  if ((writer.desiredSize ?? 0) <= 0) await writer.ready;
  await writer.write(line);
}
`,
    },
    {
      name: "TransformStream writable side: writer from ts.writable.getWriter() awaited",
      code: `
export async function feed(t: TransformStream<string, string>, lines: string[]) {
  const writer = t.writable.getWriter();
  for (const line of lines) await writer.write(line);
  await writer.close();
}
`,
    },
    {
      name: "WritableStream close() and abort() awaited",
      code: `
export async function finish(ws: WritableStream<string>, failed: boolean) {
  if (failed) await ws.abort(new Error("failed"));
  else await ws.close();
}
`,
    },
    {
      name: "stream/promises pipeline awaited and finished returned",
      code: `
import { pipeline, finished } from "node:stream/promises";
import type { Readable, Writable } from "node:stream";
export async function copy(r: Readable, w: Writable) {
  await pipeline(r, w);
}
export function done(w: Writable) {
  return finished(w);
}
`,
    },
    {
      name: "Bun FileSink flush() awaited and end() returned",
      code: `
import type { FileSink } from "bun";
export async function finish(sink: FileSink) {
  sink.write("x");
  await sink.flush();
  return sink.end();
}
`,
    },
    {
      name: "Deno FsFile write() and sync() awaited",
      code: `
export async function save(file: Deno.FsFile, data: Uint8Array) {
  await file.write(data);
  await file.sync();
  file.close();
}
`,
    },
    {
      name: "a writer stored in a class field, awaited",
      code: `
export class Log {
  private readonly writer: WritableStreamDefaultWriter<string>;
  constructor(stream: WritableStream<string>) {
    this.writer = stream.getWriter();
  }
  async append(line: string) {
    await this.writer.write(line);
  }
}
`,
    },
    {
      name: "JavaScript ES module (.mjs): top-level await of writeFile",
      filename: "file.mjs",
      code: `
import { writeFile } from "node:fs/promises";
await writeFile("out.txt", "data");
`,
    },
    {
      name: "JavaScript CommonJS (.cjs): once(drain) awaited inside an async function",
      filename: "file.cjs",
      code: `
const { once } = require("node:events");
async function wait(stream) {
  await once(stream, "drain");
}
module.exports = { wait };
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

    // ---- regressions: fixes from the rule reviews -----------------------------------------------
    {
      name: "regression: an exported binding holding a write is not discarded, another module may read it",
      code: `
import { writeFile } from "node:fs/promises";
export const saved = writeFile("a.txt", "x");
`,
    },
    {
      name: "regression: once(server, \"close\") on a net.Server is no stream completion",
      code: `
import { once } from "node:events";
import type { Server } from "node:net";
export async function shutDown(server: Server) {
  server.close();
  once(server, "close");
}
`,
    },
    // ---- checkByteCounts: counts of possibly partial writes ---------------------------------------
    {
      name: "checkByteCounts off (recommended): a dropped fs.writeSync() count is not reported",
      code: `
import * as fs from "node:fs";
export function save(fd: number, data: string): void {
  fs.writeSync(fd, data);
}
`,
    },
    {
      name: "checkByteCounts: an fs.writeSync() count that is read is fine",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
export function save(fd: number, data: string): number {
  const written = fs.writeSync(fd, data);
  return written;
}
`,
    },
    {
      name: "checkByteCounts: an fs.write() callback that checks bytesWritten is fine",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
export function save(fd: number, data: Buffer): void {
  fs.write(fd, data, (error, written) => {
    if (error || written < data.length) throw error ?? new Error("short write");
  });
}
`,
    },
    {
      name: "checkByteCounts: an awaited FileHandle.write(buffer) without offsets is not a by-hand loop",
      options: [{ checkByteCounts: true }],
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: Buffer): Promise<void> {
  await fh.write(data);
}
`,
    },
    {
      name: "evaluation F8: a TransformStream's writable closed while the same function reads its readable to the end",
      code: `
declare function produce(writable: WritableStream<string>): Promise<void>;
export async function collect(): Promise<string[]> {
  const { readable, writable } = new TransformStream<string, string>();
  produce(writable).then(() => writable.close());
  const out: string[] = [];
  for await (const chunk of readable) out.push(chunk);
  return out;
}
`,
    },
    {
      name: "evaluation F12: a write into a TextEncoderStream whose readable the same function reads (awaiting it first would deadlock)",
      code: `
export async function encodeOne(text: string): Promise<Uint8Array | undefined> {
  const stream = new TextEncoderStream();
  const reader = stream.readable.getReader();
  const writer = stream.writable.getWriter();
  writer.write(text);
  const { value } = await reader.read();
  return value;
}
`,
    },
  ],
  invalid: [
    {
      name: "evaluation TP (h3): writer.closed.then(onFulfilled) thrown away in a constructor, no rejection handler",
      code: `
export class EventStream {
  closed = false;
  constructor(private readonly writer: WritableStreamDefaultWriter<string>) {
    this.writer.closed.then(() => {
      this.closed = true;
    });
  }
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          data: { callee: "this.writer.closed", how: "as a bare statement", lost: "whether the stream finished or failed" },
          suggestions: [],
        },
      ],
    },
    {
      name: "a TransformStream's writable closed while its readable is only handed on: a cancel makes close() reject unseen",
      code: `
declare function produce(writable: WritableStream<string>): Promise<void>;
export function respond(): Response {
  const { readable, writable } = new TransformStream<string, string>();
  produce(writable).then(() => writable.close());
  return new Response(readable.pipeThrough(new TextEncoderStream()));
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          data: {
            callee: "writable.close()",
            how: "as a bare statement",
            lost: "whether everything was written before the close",
          },
          suggestions: [],
        },
      ],
    },
    // ---- fs/promises FileHandle -------------------------------------------------------------------
    {
      name: "FileHandle write() as a bare statement in an async function: await or return",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  fh.write(data);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 17,
          data: { callee: "fh.write()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              data: { callee: "fh.write()", how: "as a bare statement", lost: "whether the data was written" },
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  await fh.write(data);
}
`,
            },
            {
              messageId: "returnPromise",
              data: { callee: "fh.write()", how: "as a bare statement", lost: "whether the data was written" },
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  return fh.write(data);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "FileHandle sync() in a non-async function: only returning the promise is offered",
      code: `
import type { FileHandle } from "node:fs/promises";
export function persist(fh: FileHandle) {
  fh.sync();
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
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export function persist(fh: FileHandle) {
  return fh.sync();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "FileHandle close() under `void` is discarded; await replaces the void",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function done(fh: FileHandle) {
  void fh.close();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 8,
          endColumn: 18,
          data: {
            callee: "fh.close()",
            how: "with `void`",
            lost: "whether everything was written before the close",
          },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function done(fh: FileHandle) {
  await fh.close();
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function done(fh: FileHandle) {
  return fh.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "FileHandle datasync() bound to `_`",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  const _ = fh.datasync();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 13,
          data: { callee: "fh.datasync()", how: "into a variable nobody reads", lost: "whether the data reached the disk" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  const _ = await fh.datasync();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "FileHandle writeFile() stored in a variable that is never read",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle) {
  const pending = fh.writeFile("x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle) {
  const pending = await fh.writeFile("x");
}
`,
            },
          ],
        },
      ],
    },
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
      name: "FileHandle writev() and Deno FsFile syncData() as bare statements",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(file: Deno.FsFile, fh: FileHandle, bufs: Buffer[]) {
  file.syncData();
  fh.writev(bufs);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "file.syncData()", how: "as a bare statement", lost: "whether the data reached the disk" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(file: Deno.FsFile, fh: FileHandle, bufs: Buffer[]) {
  await file.syncData();
  fh.writev(bufs);
}
`,
            },
          ],
        },
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(file: Deno.FsFile, fh: FileHandle, bufs: Buffer[]) {
  file.syncData();
  await fh.writev(bufs);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(file: Deno.FsFile, fh: FileHandle, bufs: Buffer[]) {
  file.syncData();
  return fh.writev(bufs);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "FileHandle close() in a finally block: await only (it is not the function's last statement)",
      code: `
import { open } from "node:fs/promises";
export async function save(path: string) {
  const fh = await open(path, "w");
  try {
    await fh.write("x");
  } finally {
    fh.close();
  }
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { open } from "node:fs/promises";
export async function save(path: string) {
  const fh = await open(path, "w");
  try {
    await fh.write("x");
  } finally {
    await fh.close();
  }
}
`,
            },
          ],
        },
      ],
    },
    // ---- fs/promises free functions ------------------------------------------------------------------
    {
      name: "writeFile() at the top level of an ES module: top-level await is offered",
      code: `
import { writeFile } from "node:fs/promises";
writeFile("a.txt", "x");
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 1,
          data: { callee: "writeFile()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { writeFile } from "node:fs/promises";
await writeFile("a.txt", "x");
`,
            },
          ],
        },
      ],
    },
    {
      name: "`void appendFile()` at the top level of an ES module: await replaces the void",
      code: `
import { appendFile } from "node:fs/promises";
void appendFile("log.txt", "line");
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 6,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { appendFile } from "node:fs/promises";
await appendFile("log.txt", "line");
`,
            },
          ],
        },
      ],
    },
    {
      name: "fs.promises.writeFile() reached through the fs default import",
      code: `
import fs from "node:fs";
export async function save() {
  fs.promises.writeFile("a.txt", "x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "fs.promises.writeFile()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import fs from "node:fs";
export async function save() {
  await fs.promises.writeFile("a.txt", "x");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import fs from "node:fs";
export async function save() {
  return fs.promises.writeFile("a.txt", "x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "appendFile() through `import { promises as fsp } from \"node:fs\"`",
      code: `
import { promises as fsp } from "node:fs";
export async function log() {
  fsp.appendFile("log.txt", "x");
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
import { promises as fsp } from "node:fs";
export async function log() {
  await fsp.appendFile("log.txt", "x");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { promises as fsp } from "node:fs";
export async function log() {
  return fsp.appendFile("log.txt", "x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "writeFile() through a namespace import of fs/promises",
      code: `
import * as fsp from "node:fs/promises";
export async function save() {
  fsp.writeFile("a", "b");
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
import * as fsp from "node:fs/promises";
export async function save() {
  await fsp.writeFile("a", "b");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import * as fsp from "node:fs/promises";
export async function save() {
  return fsp.writeFile("a", "b");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "writeFile destructured from the fs/promises default export (`const { writeFile } = fsp`)",
      code: `
import fsp from "node:fs/promises";
const { writeFile } = fsp;
export async function save() {
  writeFile("a.txt", "x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "writeFile()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import fsp from "node:fs/promises";
const { writeFile } = fsp;
export async function save() {
  await writeFile("a.txt", "x");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import fsp from "node:fs/promises";
const { writeFile } = fsp;
export async function save() {
  return writeFile("a.txt", "x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a discarded .then() chain on appendFile() in a non-async function: return the chain",
      code: `
import { appendFile } from "node:fs/promises";
export function log() {
  appendFile("a.txt", "x").then(() => console.log("done"));
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          endColumn: 27,
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import { appendFile } from "node:fs/promises";
export function log() {
  return appendFile("a.txt", "x").then(() => console.log("done"));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "writeFile() as a statement in a non-async arrow with a block body: return it",
      code: `
import { writeFile } from "node:fs/promises";
export const save = (data: string) => {
  writeFile("a.txt", data);
};
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import { writeFile } from "node:fs/promises";
export const save = (data: string) => {
  return writeFile("a.txt", data);
};
`,
            },
          ],
        },
      ],
    },
    // ---- WHATWG writer, WritableStream, TransformStream ------------------------------------------------
    {
      name: "writer.write() as a bare statement",
      code: `
export async function send(writer: WritableStreamDefaultWriter<string>) {
  writer.write("x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 3,
          endColumn: 20,
          data: { callee: "writer.write()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              data: { callee: "writer.write()", how: "as a bare statement", lost: "whether the data was written" },
              output: `
export async function send(writer: WritableStreamDefaultWriter<string>) {
  await writer.write("x");
}
`,
            },
            {
              messageId: "returnPromise",
              data: { callee: "writer.write()", how: "as a bare statement", lost: "whether the data was written" },
              output: `
export async function send(writer: WritableStreamDefaultWriter<string>) {
  return writer.write("x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "the idiom without the rejection handled: a bare write after `await writer.ready` is still discarded",
      code: `
export async function writeAll(writer: WritableStreamDefaultWriter<Uint8Array>, chunks: Uint8Array[]) {
  for (const chunk of chunks) {
    await writer.ready;
    writer.write(chunk);
  }
  await writer.close();
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
export async function writeAll(writer: WritableStreamDefaultWriter<Uint8Array>, chunks: Uint8Array[]) {
  for (const chunk of chunks) {
    await writer.ready;
    await writer.write(chunk);
  }
  await writer.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "writer.ready read as a bare statement is not waiting for anything",
      code: `
export async function send(writer: WritableStreamDefaultWriter<string>) {
  writer.ready;
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 3,
          endColumn: 15,
          data: { callee: "writer.ready", how: "as a bare statement", lost: "when the buffer has room again" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export async function send(writer: WritableStreamDefaultWriter<string>) {
  await writer.ready;
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
export async function send(writer: WritableStreamDefaultWriter<string>) {
  return writer.ready;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "writer.ready stored in a variable nobody reads",
      code: `
export async function send(writer: WritableStreamDefaultWriter<string>) {
  const ready = writer.ready;
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export async function send(writer: WritableStreamDefaultWriter<string>) {
  const ready = await writer.ready;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "`void writer.closed` in a non-async function: returning it replaces the void",
      code: `
export function watch(writer: WritableStreamDefaultWriter<string>) {
  void writer.closed;
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 8,
          data: { callee: "writer.closed", how: "with `void`", lost: "whether the stream finished or failed" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
export function watch(writer: WritableStreamDefaultWriter<string>) {
  return writer.closed;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "writer.closed read as a bare statement in a getter",
      code: `
export class Watcher {
  constructor(private readonly writer: WritableStreamDefaultWriter<string>) {}
  get done() {
    this.writer.closed;
    return true;
  }
}
`,
      errors: [{ messageId: "discardedResult", line: 5, column: 5, suggestions: [] }],
    },
    {
      name: "writer.abort() as a bare statement",
      code: `
export async function cancel(writer: WritableStreamDefaultWriter<string>) {
  writer.abort();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 3,
          data: { callee: "writer.abort()", how: "as a bare statement", lost: "whether the abort went through" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export async function cancel(writer: WritableStreamDefaultWriter<string>) {
  await writer.abort();
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
export async function cancel(writer: WritableStreamDefaultWriter<string>) {
  return writer.abort();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "writer.close() bound to `_` in a non-async function: nothing to suggest",
      code: `
export function finish(writer: WritableStreamDefaultWriter<string>) {
  const _ = writer.close();
}
`,
      errors: [{ messageId: "discardedResult", line: 3, column: 13, suggestions: [] }],
    },
    {
      name: "optional-chained writer?.close() as a bare statement",
      code: `
export async function finish(writer: WritableStreamDefaultWriter<string> | undefined) {
  writer?.close();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export async function finish(writer: WritableStreamDefaultWriter<string> | undefined) {
  await writer?.close();
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
export async function finish(writer: WritableStreamDefaultWriter<string> | undefined) {
  return writer?.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a discarded .finally() chain does not handle the close() rejection",
      code: `
export async function finish(writer: WritableStreamDefaultWriter<string>) {
  writer.close().finally(() => writer.releaseLock());
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 3,
          endColumn: 17,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export async function finish(writer: WritableStreamDefaultWriter<string>) {
  await writer.close().finally(() => writer.releaseLock());
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
export async function finish(writer: WritableStreamDefaultWriter<string>) {
  return writer.close().finally(() => writer.releaseLock());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a discarded writer.ready.then(() => writer.write()) chain loses both promises",
      code: `
export function send(writer: WritableStreamDefaultWriter<string>, chunk: string) {
  writer.ready.then(() => writer.write(chunk));
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 3,
          endColumn: 15,
          data: { callee: "writer.ready", how: "as a bare statement", lost: "when the buffer has room again" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
export function send(writer: WritableStreamDefaultWriter<string>, chunk: string) {
  return writer.ready.then(() => writer.write(chunk));
}
`,
            },
          ],
        },
        {
          messageId: "discardedResult",
          line: 3,
          column: 27,
          data: { callee: "writer.write()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
export function send(writer: WritableStreamDefaultWriter<string>, chunk: string) {
  return writer.ready.then(() => writer.write(chunk));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "WritableStream close() as a bare statement",
      code: `
export async function finish(ws: WritableStream<string>) {
  ws.close();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 3,
          data: {
            callee: "ws.close()",
            how: "as a bare statement",
            lost: "whether everything was written before the close",
          },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export async function finish(ws: WritableStream<string>) {
  await ws.close();
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
export async function finish(ws: WritableStream<string>) {
  return ws.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "WritableStream abort() in a non-async function",
      code: `
export function cancel(ws: WritableStream<string>) {
  ws.abort(new Error("x"));
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
export function cancel(ws: WritableStream<string>) {
  return ws.abort(new Error("x"));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "TransformStream writable side: a write through ts.writable.getWriter() dropped",
      code: `
export async function feed(t: TransformStream<string, string>) {
  const writer = t.writable.getWriter();
  writer.write("x");
  await writer.close();
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
export async function feed(t: TransformStream<string, string>) {
  const writer = t.writable.getWriter();
  await writer.write("x");
  await writer.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "TransformStream writable side: getWriter().write() inline and writable.close()",
      code: `
export async function feed(t: TransformStream<string, string>) {
  t.writable.getWriter().write("x");
  t.writable.close();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 3,
          data: {
            callee: "t.writable.getWriter().write()",
            how: "as a bare statement",
            lost: "whether the data was written",
          },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export async function feed(t: TransformStream<string, string>) {
  await t.writable.getWriter().write("x");
  t.writable.close();
}
`,
            },
          ],
        },
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export async function feed(t: TransformStream<string, string>) {
  t.writable.getWriter().write("x");
  await t.writable.close();
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
export async function feed(t: TransformStream<string, string>) {
  t.writable.getWriter().write("x");
  return t.writable.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "TransformStream writable side: writable.abort() in a non-async function",
      code: `
export function cancel(t: TransformStream<string, string>) {
  t.writable.abort();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
export function cancel(t: TransformStream<string, string>) {
  return t.writable.abort();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a writer of Writable.toWeb(s) is a WHATWG writer too",
      code: `
import { Writable } from "node:stream";
export async function send(s: Writable) {
  const writer = Writable.toWeb(s).getWriter();
  writer.write(new Uint8Array(1));
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { Writable } from "node:stream";
export async function send(s: Writable) {
  const writer = Writable.toWeb(s).getWriter();
  await writer.write(new Uint8Array(1));
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { Writable } from "node:stream";
export async function send(s: Writable) {
  const writer = Writable.toWeb(s).getWriter();
  return writer.write(new Uint8Array(1));
}
`,
            },
          ],
        },
      ],
    },
    // ---- writer in a class field -------------------------------------------------------------------------
    {
      name: "a writer stored in a class field: this.writer.write() in a non-async method",
      code: `
export class Log {
  private writer: WritableStreamDefaultWriter<string>;
  constructor(ws: WritableStream<string>) {
    this.writer = ws.getWriter();
  }
  append(x: string) {
    this.writer.write(x);
  }
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 8,
          column: 5,
          data: { callee: "this.writer.write()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
export class Log {
  private writer: WritableStreamDefaultWriter<string>;
  constructor(ws: WritableStream<string>) {
    this.writer = ws.getWriter();
  }
  append(x: string) {
    return this.writer.write(x);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a writer in a private class field: this.#writer.write() in an async method",
      code: `
export class Sink {
  #writer: WritableStreamDefaultWriter<string>;
  constructor(stream: WritableStream<string>) {
    this.#writer = stream.getWriter();
  }
  async send(line: string) {
    this.#writer.write(line);
    await this.#writer.ready;
  }
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export class Sink {
  #writer: WritableStreamDefaultWriter<string>;
  constructor(stream: WritableStream<string>) {
    this.#writer = stream.getWriter();
  }
  async send(line: string) {
    await this.#writer.write(line);
    await this.#writer.ready;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a FileHandle in a class field closed from a class-property arrow: return it",
      code: `
import type { FileHandle } from "node:fs/promises";
export class Closer {
  constructor(private readonly fh: FileHandle) {}
  closeLater = () => {
    this.fh.close();
  };
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export class Closer {
  constructor(private readonly fh: FileHandle) {}
  closeLater = () => {
    return this.fh.close();
  };
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "sync() in a constructor: neither await nor return is possible",
      code: `
import type { FileHandle } from "node:fs/promises";
export class Opener {
  constructor(fh: FileHandle) {
    fh.sync();
  }
}
`,
      errors: [{ messageId: "discardedResult", line: 5, column: 5, suggestions: [] }],
    },
    // ---- events.once and stream/promises ---------------------------------------------------------------
    {
      name: "once(s, \"drain\") as a bare statement waits for nothing",
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  once(s, "drain");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          endColumn: 19,
          data: { callee: "once()", how: "as a bare statement", lost: "when the buffer has room again" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await once(s, "drain");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return once(s, "drain");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "once(s, \"finish\") as a bare statement",
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  once(s, "finish");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "once()", how: "as a bare statement", lost: "whether the stream finished or failed" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await once(s, "finish");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return once(s, "finish");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "events.once(s, \"close\") through the events default import",
      code: `
import events from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  events.once(s, "close");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "events.once()", how: "as a bare statement", lost: "whether the stream finished or failed" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import events from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await events.once(s, "close");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import events from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return events.once(s, "close");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "EventEmitter.once(s, \"finish\"), the static method",
      code: `
import { EventEmitter } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  EventEmitter.once(s, "finish");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { EventEmitter } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await EventEmitter.once(s, "finish");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { EventEmitter } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return EventEmitter.once(s, "finish");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "finished(s) from stream/promises as a bare statement",
      code: `
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  finished(s);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "finished()", how: "as a bare statement", lost: "whether the stream finished or failed" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await finished(s);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return finished(s);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "finished() through `import { promises as streamPromises } from \"node:stream\"`",
      code: `
import { promises as streamPromises } from "node:stream";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  streamPromises.finished(s);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { promises as streamPromises } from "node:stream";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await streamPromises.finished(s);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { promises as streamPromises } from "node:stream";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return streamPromises.finished(s);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "pipeline() from stream/promises as a bare statement",
      code: `
import { pipeline } from "node:stream/promises";
import type { Readable, Writable } from "node:stream";
export async function copy(r: Readable, w: Writable) {
  pipeline(r, w);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "pipeline()", how: "as a bare statement", lost: "whether the stream finished or failed" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { pipeline } from "node:stream/promises";
import type { Readable, Writable } from "node:stream";
export async function copy(r: Readable, w: Writable) {
  await pipeline(r, w);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { pipeline } from "node:stream/promises";
import type { Readable, Writable } from "node:stream";
export async function copy(r: Readable, w: Writable) {
  return pipeline(r, w);
}
`,
            },
          ],
        },
      ],
    },
    // ---- Bun and Deno ------------------------------------------------------------------------------------
    {
      name: "Bun FileSink flush() (number | Promise<number>) as a bare statement",
      code: `
import type { FileSink } from "bun";
export async function finish(sink: FileSink) {
  sink.write("x");
  sink.flush();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "sink.flush()", how: "as a bare statement", lost: "whether the buffer was flushed" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileSink } from "bun";
export async function finish(sink: FileSink) {
  sink.write("x");
  await sink.flush();
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileSink } from "bun";
export async function finish(sink: FileSink) {
  sink.write("x");
  return sink.flush();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "Bun FileSink end() in a non-async function",
      code: `
import type { FileSink } from "bun";
export function finish(sink: FileSink) {
  sink.end();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "sink.end()", how: "as a bare statement", lost: "whether everything was flushed" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import type { FileSink } from "bun";
export function finish(sink: FileSink) {
  return sink.end();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "Bun FileSink flush() in a function that declares its return type: no return suggestion",
      code: `
import type { FileSink } from "bun";
export function send(sink: FileSink): number {
  sink.flush();
  return sink.write("x");
}
`,
      errors: [{ messageId: "discardedResult", line: 4, column: 3, suggestions: [] }],
    },
    {
      name: "Bun FileSink from file().writer(): end() dropped",
      code: `
import { file } from "bun";
export async function save() {
  const sink = file("out.txt").writer();
  sink.write("x");
  sink.end();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { file } from "bun";
export async function save() {
  const sink = file("out.txt").writer();
  sink.write("x");
  await sink.end();
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { file } from "bun";
export async function save() {
  const sink = file("out.txt").writer();
  sink.write("x");
  return sink.end();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "Deno FsFile write() and sync() both dropped",
      code: `
export async function save(file: Deno.FsFile, data: Uint8Array) {
  file.write(data);
  file.sync();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 3,
          data: { callee: "file.write()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export async function save(file: Deno.FsFile, data: Uint8Array) {
  await file.write(data);
  file.sync();
}
`,
            },
          ],
        },
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "file.sync()", how: "as a bare statement", lost: "whether the data reached the disk" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
export async function save(file: Deno.FsFile, data: Uint8Array) {
  file.write(data);
  await file.sync();
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
export async function save(file: Deno.FsFile, data: Uint8Array) {
  file.write(data);
  return file.sync();
}
`,
            },
          ],
        },
      ],
    },
    // ---- callbacks whose return value is ignored ---------------------------------------------------------
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
    // ---- bindings, chains, operators ---------------------------------------------------------------------
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
    // ---- streamTypes option -----------------------------------------------------------------------------
    {
      name: "streamTypes option (file specifier): the user's flush() and close() promises must not be dropped",
      options: [{ streamTypes: [{ from: "file", name: "MyStream" }] }],
      code: `
class MyStream {
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
export async function shutdown(s: MyStream) {
  s.flush();
  s.close();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 7,
          column: 3,
          data: { callee: "s.flush()", how: "as a bare statement", lost: "whether the buffer was flushed" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
class MyStream {
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
export async function shutdown(s: MyStream) {
  await s.flush();
  s.close();
}
`,
            },
          ],
        },
        {
          messageId: "discardedResult",
          line: 8,
          column: 3,
          data: {
            callee: "s.close()",
            how: "as a bare statement",
            lost: "whether everything was written before the close",
          },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
class MyStream {
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
export async function shutdown(s: MyStream) {
  s.flush();
  await s.close();
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
class MyStream {
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
export async function shutdown(s: MyStream) {
  s.flush();
  return s.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "streamTypes option (plain name): a subclass of the user's stream counts too",
      options: [{ streamTypes: ["MyStream"] }],
      code: `
class MyStream {
  async flush(): Promise<void> {}
}
class BufferedStream extends MyStream {}
export function shutdown(s: BufferedStream) {
  s.flush();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
class MyStream {
  async flush(): Promise<void> {}
}
class BufferedStream extends MyStream {}
export function shutdown(s: BufferedStream) {
  return s.flush();
}
`,
            },
          ],
        },
      ],
    },
    // ---- JavaScript files ----------------------------------------------------------------------------------
    {
      name: "JavaScript ES module (.mjs): writeFile() at the top level, top-level await offered",
      filename: "file.mjs",
      code: `
import { writeFile } from "node:fs/promises";
writeFile("out.txt", "data");
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { writeFile } from "node:fs/promises";
await writeFile("out.txt", "data");
`,
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript ES module (.mjs): a JSDoc-typed writer's write() dropped",
      filename: "file.mjs",
      code: `
/** @param {WritableStreamDefaultWriter<string>} writer */
export async function send(writer) {
  writer.write("x");
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
/** @param {WritableStreamDefaultWriter<string>} writer */
export async function send(writer) {
  await writer.write("x");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
/** @param {WritableStreamDefaultWriter<string>} writer */
export async function send(writer) {
  return writer.write("x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript CommonJS (.cjs): no top-level await, but await inside an async function",
      filename: "file.cjs",
      code: `
const fsp = require("node:fs/promises");
fsp.writeFile("out.txt", "data");
async function save() {
  fsp.appendFile("out.txt", "more");
}
module.exports = { save };
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 1,
          data: { callee: "fsp.writeFile()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [],
        },
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
const fsp = require("node:fs/promises");
fsp.writeFile("out.txt", "data");
async function save() {
  await fsp.appendFile("out.txt", "more");
}
module.exports = { save };
`,
            },
            {
              messageId: "returnPromise",
              output: `
const fsp = require("node:fs/promises");
fsp.writeFile("out.txt", "data");
async function save() {
  return fsp.appendFile("out.txt", "more");
}
module.exports = { save };
`,
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript CommonJS (.cjs): `void` at the top level, nothing to suggest",
      filename: "file.cjs",
      code: `
const { appendFile } = require("node:fs/promises");
void appendFile("log.txt", "line");
`,
      errors: [{ messageId: "discardedResult", line: 3, column: 6, suggestions: [] }],
    },
    {
      name: "JavaScript CommonJS (.cjs): once destructured from require(\"node:events\")",
      filename: "file.cjs",
      code: `
const { once } = require("node:events");
function wait(stream) {
  once(stream, "drain");
}
module.exports = { wait };
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "once()", how: "as a bare statement", lost: "when the buffer has room again" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
const { once } = require("node:events");
function wait(stream) {
  return once(stream, "drain");
}
module.exports = { wait };
`,
            },
          ],
        },
      ],
    },

    // ---- regressions: fixes from the rule reviews -----------------------------------------------
    {
      name: "regression: once imported under another name (`once as eventOnce`) is still once()",
      code: `
import { once as eventOnce } from "node:events";
import type { Socket } from "node:net";
export function waitForRoom(s: Socket) {
  eventOnce(s, "drain");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "eventOnce()", how: "as a bare statement", lost: "when the buffer has room again" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import { once as eventOnce } from "node:events";
import type { Socket } from "node:net";
export function waitForRoom(s: Socket) {
  return eventOnce(s, "drain");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: writeFile destructured under another name (`{ writeFile: save } = fsp`)",
      code: `
import * as fsp from "node:fs/promises";
const { writeFile: save } = fsp;
export async function store() {
  save("a", "x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "save()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import * as fsp from "node:fs/promises";
const { writeFile: save } = fsp;
export async function store() {
  await save("a", "x");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import * as fsp from "node:fs/promises";
const { writeFile: save } = fsp;
export async function store() {
  return save("a", "x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: the same binding without `export` is a variable nobody reads",
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
      name: "regression: the left operand of `||` is the statement's value: `fh.sync() || console.log(...)`",
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
      name: "regression: the left operand of `??` is the statement's value: `writer?.close() ?? fallback`",
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
      name: "regression: once(sock, \"close\") on a socket is a stream completion",
      code: `
import { once } from "node:events";
import type { Socket } from "node:net";
export function hangUp(sock: Socket) {
  sock.end();
  once(sock, "close");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 6,
          column: 3,
          data: { callee: "once()", how: "as a bare statement", lost: "whether the stream finished or failed" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import { once } from "node:events";
import type { Socket } from "node:net";
export function hangUp(sock: Socket) {
  sock.end();
  return once(sock, "close");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: plain JavaScript (.js): once(x, \"drain\") with an untyped parameter",
      filename: "script.js",
      code: `
import { once } from "node:events";
export function waitForRoom(x) {
  once(x, "drain");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "once()", how: "as a bare statement", lost: "when the buffer has room again" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import { once } from "node:events";
export function waitForRoom(x) {
  return once(x, "drain");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: no await suggestion in a class static block, even at a module's top level",
      code: `
import { writeFile } from "node:fs/promises";
export class Config {
  static {
    writeFile("c.json", "{}");
  }
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 5,
          data: { callee: "writeFile()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [],
        },
      ],
    },
    {
      name: "regression: no await suggestion in a class field initializer",
      code: `
import { writeFile } from "node:fs/promises";
export class Config {
  readonly written = void writeFile("c.json", "{}");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 27,
          data: { callee: "writeFile()", how: "with `void`", lost: "whether the data was written" },
          suggestions: [],
        },
      ],
    },
    {
      name: "regression: `fh.sync() as Promise<void>;` is awaited as a whole, in parentheses",
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
      name: "regression: `fh.sync() satisfies Promise<void>;` is awaited as a whole, in parentheses",
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
      name: "regression: `void fh.close();` ending a synchronous function: `void` becomes `return`",
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
    {
      name: "regression: a block-bodied addEventListener() listener gets no returnPromise: its caller drops it",
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
      name: "regression: an async addEventListener() listener gets addAwait, still no returnPromise",
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
      name: "regression: a `.then()` callback of an awaited chain gets returnPromise: the chain waits for it",
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
          data: { callee: "fh.close()", how: "as a bare statement", lost: "whether everything was written before the close" },
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
    {
      name: "checkByteCounts: a dropped fs.writeSync() count; writeFileSync() writes everything",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
export function save(fd: number, data: string): void {
  fs.writeSync(fd, data);
}
`,
      errors: [
        {
          messageId: "byteCountIgnored",
          line: 4,
          data: {
            callee: "fs.writeSync()",
            advice: "Use `writeFileSync()`, which writes everything, or loop until the count covers the data.",
          },
          suggestions: [
            {
              messageId: "useWriteFileSync",
              output: `
import * as fs from "node:fs";
export function save(fd: number, data: string): void {
  fs.writeFileSync(fd, data);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "checkByteCounts: an fs.write() callback without bytesWritten",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
export function save(fd: number, data: Buffer): void {
  fs.write(fd, data, (error) => {
    if (error) throw error;
  });
}
`,
      errors: [{ messageId: "byteCountIgnored", line: 4, data: { callee: "fs.write()", advice: "Check `bytesWritten` in the callback and write the rest, or use `writeFile()`." }, suggestions: [] }],
    },
    {
      name: "checkByteCounts: an awaited FileHandle.write() with offsets kept by hand, count dropped",
      options: [{ checkByteCounts: true }],
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: Buffer, position: number): Promise<void> {
  await fh.write(data, 0, data.length, position);
}
`,
      errors: [{ messageId: "byteCountIgnored", line: 4, data: { callee: "fh.write()", advice: "Loop on `bytesWritten` until the whole buffer is written, or use `fh.writeFile()`." }, suggestions: [] }],
    },
    {
      name: "checkByteCounts: Deno FsFile write() awaited and writeSync(), counts dropped",
      options: [{ checkByteCounts: true }],
      code: `
export async function save(file: Deno.FsFile, data: Uint8Array): Promise<void> {
  await file.write(data);
  file.writeSync(data);
}
`,
      errors: [
        { messageId: "byteCountIgnored", line: 3, data: { callee: "file.write()", advice: "Loop on the count until everything is written, or use `writeAll()` from `@std/io`." }, suggestions: [] },
        { messageId: "byteCountIgnored", line: 4, data: { callee: "file.writeSync()", advice: "Loop on the count until everything is written, or use `writeAll()` from `@std/io`." }, suggestions: [] },
      ],
    },
  ],
});
