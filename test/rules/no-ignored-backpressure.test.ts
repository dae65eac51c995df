import rule from "../../rules/no-ignored-backpressure.js";
import { createRuleTester } from "../rule-tester.js";

const ruleTester = createRuleTester();

/** `text` with CRLF line endings. */
const crlf = (text: string): string => text.replaceAll("\n", "\r\n");

ruleTester.run("no-ignored-backpressure", rule, {
  valid: [
    {
      name: '`if (!s.write(c)) await once(s, "drain")` in a for-of loop',
      code: `
import { once } from "node:events";
import type { Socket } from "node:net";
export async function send(sock: Socket, chunks: Buffer[]) {
  for (const chunk of chunks) {
    if (!sock.write(chunk)) await once(sock, "drain");
  }
}
`,
    },
    {
      name: "`const ok = s.write(c); if (!ok) await once(...)`",
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function send(out: Writable, lines: string[]) {
  for (const line of lines) {
    const ok = out.write(line);
    if (!ok) await once(out, "drain");
  }
}
`,
    },
    {
      name: "the write result is stored and read: the code looks at `false` itself",
      code: `
import type { Writable } from "node:stream";
export function send(out: Writable, lines: string[]): number {
  let full = 0;
  for (const line of lines) {
    const ok = out.write(line);
    if (!ok) full++;
  }
  return full;
}
`,
    },
    {
      name: 'a loop that registers a "drain" listener before writing on',
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, lines: string[]) {
  for (const line of lines) {
    if (!out.write(line)) {
      await new Promise<void>((resolve) => out.once("drain", resolve));
    }
  }
}
`,
    },
    {
      name: '`s.write(c) || await once(s, "drain")`',
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function send(out: Writable, lines: string[]) {
  for (const line of lines) {
    out.write(line) || (await once(out, "drain"));
  }
}
`,
    },
    {
      name: "the shape the waitForDrain suggestion inserts is itself accepted",
      code: `
import { once } from "node:events";
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, chunks: Buffer[]) {
  for (const chunk of chunks) {
    if (sock.write(chunk) === false) {
      const drained = new AbortController();
      await Promise.race([
        once(sock, "drain", { signal: drained.signal }),
        finished(sock, { signal: drained.signal }),
      ]).finally(() => drained.abort());
    }
  }
}
`,
    },
    {
      name: 'write, then `if (s.writableNeedDrain) await once(s, "drain")`',
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function send(out: Writable, lines: string[]) {
  for (const line of lines) {
    out.write(line);
    if (out.writableNeedDrain) await once(out, "drain");
  }
}
`,
    },
    {
      name: "for await into an http ServerResponse that waits for drain",
      code: `
import { once } from "node:events";
import type { ServerResponse } from "node:http";
import type { Readable } from "node:stream";
export async function stream(src: Readable, res: ServerResponse) {
  for await (const chunk of src) {
    if (res.write(chunk) === false) await once(res, "drain");
  }
  res.end();
}
`,
    },
    {
      name: "forEach whose callback keeps the write results",
      code: `
import type { Writable } from "node:stream";
export function headers(out: Writable, lines: string[]): boolean[] {
  const results: boolean[] = [];
  lines.forEach((line) => {
    results.push(out.write(line));
  });
  out.end();
  return results;
}
`,
    },
    {
      name: '"data" handler that pauses its source when write() returns false',
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", (chunk: Buffer) => {
    if (!dest.write(chunk)) src.pause();
  });
  dest.on("drain", () => src.resume());
}
`,
    },
    {
      name: "the shape the pauseSource suggestion inserts is itself accepted",
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.addListener("data", (chunk: Buffer) => {
    if (dest.write(chunk) === false) {
      src.pause();
      dest.once("drain", () => src.resume());
    }
  });
}
`,
    },
    {
      name: "a loop that checks `writableNeedDrain`",
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, lines: string[]) {
  for (const line of lines) {
    while (out.writableNeedDrain) await new Promise((resolve) => setTimeout(resolve, 10));
    out.write(line);
  }
}
`,
    },
    {
      name: "a loop that compares `writableLength` with `writableHighWaterMark`",
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, lines: string[]) {
  for (const line of lines) {
    out.write(line);
    if (out.writableLength > out.writableHighWaterMark) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
`,
    },
    {
      name: "a single write before end()",
      code: `
import type { Writable } from "node:stream";
export function reply(out: Writable, body: string) {
  out.write(body);
  out.end();
}
`,
    },
    {
      name: 'a single write per request in a "request" listener',
      code: `
import { createServer } from "node:http";
export const server = createServer();
server.on("request", (_req, res) => {
  res.write("hello");
  res.end();
});
`,
    },
    {
      name: "a WHATWG writer's awaited writes are not this rule's business",
      code: `
export async function send(stream: WritableStream<string>, lines: string[]) {
  const writer = stream.getWriter();
  for (const line of lines) {
    await writer.write(line);
  }
  await writer.close();
}
`,
    },
    {
      name: "a WHATWG writer's unawaited writes are not this rule's business either",
      code: `
export async function send(stream: WritableStream<string>, lines: string[]) {
  const writer = stream.getWriter();
  for (const line of lines) {
    void writer.write(line);
  }
  await writer.close();
}
`,
    },
    {
      name: "a writer from Writable.toWeb()",
      code: `
import { Writable } from "node:stream";
export async function send(out: Writable, chunks: Uint8Array[]) {
  const writer = (Writable.toWeb(out) as WritableStream<Uint8Array>).getWriter();
  for (const chunk of chunks) await writer.write(chunk);
}
`,
    },
    {
      name: "a logger class with its own write()",
      code: `
class Logger {
  readonly lines: string[] = [];
  write(line: string): boolean {
    this.lines.push(line);
    return true;
  }
}
export function logAll(log: Logger, items: string[]) {
  for (const item of items) {
    log.write(item);
  }
}
`,
    },
    {
      name: "a cache interface with write() in forEach",
      code: `
interface Cache {
  write(key: string, value: string): boolean;
}
export function fill(cache: Cache, entries: [string, string][]) {
  entries.forEach(([key, value]) => cache.write(key, value));
}
`,
    },
    {
      name: "an array builder with write() in a data-like handler and a loop",
      code: `
import { EventEmitter } from "node:events";
class Builder {
  readonly parts: string[] = [];
  write(part: string): boolean {
    return this.parts.push(part) > 0;
  }
}
export function collect(events: EventEmitter, builder: Builder, extra: string[]) {
  events.on("data", (part: string) => {
    builder.write(part);
  });
  for (const part of extra) builder.write(part);
}
`,
    },
    {
      name: "a Writable-like interface that is not Node's",
      code: `
interface Sink {
  write(chunk: string): boolean;
  end(): void;
}
export function drainAll(sink: Sink, chunks: string[]) {
  for (const chunk of chunks) sink.write(chunk);
  sink.end();
}
`,
    },
    {
      name: "fs.write() with a callback is no stream",
      code: `
import fs from "node:fs";
export function writeAll(fd: number, chunks: Buffer[]) {
  for (const chunk of chunks) {
    fs.write(fd, chunk, () => {});
  }
}
`,
    },
    {
      name: "FileHandle writes return promises, awaited here",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function writeAll(fh: FileHandle, chunks: string[]) {
  for (const chunk of chunks) {
    await fh.write(chunk);
  }
}
`,
    },
    {
      name: "Bun FileSink writes are not Node streams",
      code: `
import type { FileSink } from "bun";
export function writeAll(sink: FileSink, chunks: string[]) {
  for (const chunk of chunks) sink.write(chunk);
}
`,
    },
    {
      name: "a WHATWG controller's enqueue in a loop",
      code: `
export function fromArray(chunks: string[]) {
  return new ReadableStream<string>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}
`,
    },
    {
      name: "console.log in a loop",
      code: `
export function print(lines: string[]) {
  for (const line of lines) console.log(line);
}
`,
    },
    {
      name: "the write result is returned",
      code: `
import type { Writable } from "node:stream";
export function writeFirstEmpty(out: Writable, chunks: string[]): boolean {
  for (const chunk of chunks) {
    if (chunk === "") return out.write(chunk);
  }
  return true;
}
`,
    },
    {
      name: "the write results are collected",
      code: `
import type { Writable } from "node:stream";
export function writeAll(out: Writable, chunks: string[]): boolean[] {
  const results: boolean[] = [];
  for (const chunk of chunks) {
    results.push(out.write(chunk));
  }
  return results;
}
`,
    },
    {
      name: "the write result is folded into a flag that is returned",
      code: `
import type { Writable } from "node:stream";
export function writeAll(out: Writable, chunks: string[]): boolean {
  let ok = true;
  for (const chunk of chunks) ok = out.write(chunk) && ok;
  return ok;
}
`,
    },
    {
      name: "the write result is the loop condition",
      code: `
import type { Writable } from "node:stream";
export function fill(out: Writable, next: () => string | undefined): string | undefined {
  let chunk: string | undefined;
  while ((chunk = next()) !== undefined && out.write(chunk)) {
    // stop as soon as the buffer is full
  }
  return chunk;
}
`,
    },
    {
      name: "each write's callback is awaited",
      code: `
import type { Writable } from "node:stream";
export async function writeAll(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    await new Promise<void>((resolve, reject) => out.write(chunk, (err) => (err ? reject(err) : resolve())));
  }
}
`,
    },
    {
      name: "the write is in a helper function that the loop calls",
      code: `
import type { Writable } from "node:stream";
function send(out: Writable, chunk: string) {
  out.write(chunk);
}
export function writeAll(out: Writable, chunks: string[]) {
  for (const chunk of chunks) send(out, chunk);
}
`,
    },
    {
      name: 'src.once("data") runs its handler once',
      code: `
import type { Readable, Writable } from "node:stream";
export function firstChunk(src: Readable, dest: Writable) {
  src.once("data", (chunk: Buffer) => {
    dest.write(chunk);
  });
}
`,
    },
    {
      name: 'an "end" handler runs once',
      code: `
import type { Readable, Writable } from "node:stream";
export function trailer(src: Readable, dest: Writable) {
  src.on("end", () => dest.write("done\\n"));
}
`,
    },
    {
      name: "a stream typed `any` is not recognised",
      code: `
export function writeAll(out: any, chunks: string[]) {
  for (const chunk of chunks) out.write(chunk);
}
`,
    },
    {
      name: "JavaScript (.mjs): the write waits for drain",
      filename: "file.mjs",
      code: `
import { once } from "node:events";
import { createWriteStream } from "node:fs";
const out = createWriteStream("out.txt");
for (const line of ["a", "b"]) {
  if (!out.write(line)) await once(out, "drain");
}
out.end();
`,
    },
    {
      name: "JavaScript (.cjs): the write waits for drain",
      filename: "file.cjs",
      code: `
const { once } = require("node:events");
async function main(lines) {
  for (const line of lines) {
    if (!process.stdout.write(line)) await once(process.stdout, "drain");
  }
}
module.exports = main;
`,
    },

    // ---- regressions: fixes from the rule reviews -----------------------------------------------
    {
      name: "regression: the booleans of an expression-bodied map() callback are kept and read",
      code: `
import type { Writable } from "node:stream";
export function send(s: Writable, chunks: string[]) {
  const lengths = chunks.map((c) => s.write(c));
  return lengths.every(Boolean);
}
`,
    },
    {
      name: "regression: a stream created afresh in each iteration gets one write",
      code: `
import { createWriteStream } from "node:fs";
export function fanOut(files: string[], data: string) {
  for (const f of files) {
    const out = createWriteStream(f);
    out.write(data);
    out.end();
  }
}
`,
    },
    {
      name: "regression: a write followed by `return` in its block leaves the loop: it does not repeat",
      code: `
import type { Writable } from "node:stream";
export async function upToComment(s: Writable, cs: string[]) {
  for (const c of cs) {
    if (c.startsWith("#")) {
      s.write(c);
      s.end();
      return;
    }
  }
}
`,
    },
    {
      name: "regression: streamTypes: a write() that returns void gives no backpressure signal",
      options: [{ streamTypes: [{ from: "file", name: "MyStream" }] }],
      code: `
class MyStream {
  readonly parts: string[] = [];
  write(chunk: string): void {
    this.parts.push(chunk);
  }
}
export async function pump(s: MyStream, cs: string[]) {
  for (const c of cs) s.write(c);
}
`,
    },
    {
      name: "evaluation F7a: a loop over headers already in memory, in an async function",
      code: `
export async function printHeaders(response: Response): Promise<void> {
  for (const [name, value] of response.headers) {
    process.stderr.write(\`< \${name}: \${value}\\n\`);
  }
  await response.body?.cancel();
}
`,
    },
    {
      name: "evaluation F7b: a synchronous loop printing data the process already holds",
      code: `
export function printTree(titles: readonly string[]): void {
  for (const title of titles) process.stdout.write(\`\${title}\\n\`);
}
`,
    },
    {
      name: "evaluation F7b: forEach over an array writes a copy of it at most",
      code: `
import type { ServerResponse } from "node:http";
export function sendLines(res: ServerResponse, lines: string[]): void {
  lines.forEach((line) => res.write(\`\${line}\\n\`));
  res.end();
}
`,
    },
    {
      name: "evaluation F7c: one progress line per iteration of a loop paced by other awaited work",
      code: `
declare function measure(name: string): Promise<number>;
export async function report(candidates: readonly string[]): Promise<void> {
  for (const name of candidates) {
    process.stdout.write(\`measuring \${name}...\`);
    const ms = await measure(name);
    process.stdout.write(\` \${ms} ms\\n\`);
  }
}
`,
    },
    {
      name: "evaluation F7c: a value awaited before the loop is held data, written once per item",
      code: `
import type { Writable } from "node:stream";
declare function load(): Promise<string>;
export async function repeat(out: Writable, times: number): Promise<void> {
  const text = await load();
  for (let i = 0; i < times; i++) {
    out.write(text);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
`,
    },
    {
      name: "evaluation F5: a _writev-style batch passes its callback to the last write(), so the upstream waits",
      options: [{ checkAllLoops: true }],
      code: `
import type { Socket } from "node:net";
export function forwardBatch(
  socket: Socket,
  batch: ReadonlyArray<{ chunk: Buffer }>,
  callback: (error?: Error | null) => void,
): void {
  for (let i = 0; i < batch.length; i++) {
    if (i === batch.length - 1) socket.write(batch[i]!.chunk, callback);
    else socket.write(batch[i]!.chunk);
  }
}
`,
    },
    {
      name: "evaluation F6: writableNeedDrain read in the enclosing loop stops after each command",
      options: [{ checkAllLoops: true }],
      code: `
import type { Socket } from "node:net";
export function writeCommands(socket: Socket, commands: Iterable<readonly Buffer[]>): void {
  for (const parts of commands) {
    for (const part of parts) {
      socket.write(part);
    }
    if (socket.writableNeedDrain) break;
  }
}
`,
    },
    {
      name: 'evaluation F14: a "data" handler that answers once per connection behind a flag',
      options: [{ checkAllLoops: true }],
      code: `
import { createServer } from "node:net";
export const upstream = createServer((socket) => {
  let answered = false;
  let head = "";
  socket.on("data", (chunk: Buffer) => {
    head += chunk.toString("latin1");
    if (answered || !head.includes("\\r\\n\\r\\n")) return;
    answered = true;
    socket.write("HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok");
    socket.end();
  });
});
`,
    },
    {
      name: "evaluation F16: a constant prompt written from a process.stdin handler",
      code: `
declare function disconnect(): Promise<void>;
export function listenForEscape(): void {
  process.stdin.on("data", async (data: Buffer) => {
    if (data.length === 1 && data[0] === 27) {
      await disconnect();
      process.stdout.write("> ");
    }
  });
}
`,
    },
    {
      name: "evaluation F15: writes into a local in-memory sink that calls back at once",
      options: [{ checkAllLoops: true }],
      code: `
import { Writable } from "node:stream";
import type { ChildProcess } from "node:child_process";
export function capture(child: ChildProcess): Buffer[] {
  const captured: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      captured.push(chunk);
      callback();
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => sink.write(chunk));
  return captured;
}
`,
    },
  ],
  invalid: [
    {
      name: 'evaluation TP (redis test server): a "data" handler answering each chunk with a reply derived from it',
      code: `
import { createServer } from "node:net";
export const server = createServer((socket) => {
  socket.on("data", (chunk: Buffer) => {
    socket.write("+OK\\r\\n".repeat(chunk.toString().split("\\r\\n").length - 1));
  });
});
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "socket.write()", where: "once per chunk of a `data` handler", stream: "socket" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import { createServer } from "node:net";
export const server = createServer((socket) => {
  socket.on("data", (chunk: Buffer) => {
    if (socket.write("+OK\\r\\n".repeat(chunk.toString().split("\\r\\n").length - 1)) === false) {
      socket.pause();
      socket.once("drain", () => socket.resume());
    }
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "evaluation TP: a while loop copying what it awaits from a reader (hono's Lambda adapter)",
      code: `
import type { Writable } from "node:stream";
export async function copy(reader: ReadableStreamDefaultReader<Uint8Array>, out: Writable): Promise<void> {
  let r = await reader.read();
  while (!r.done) {
    out.write(r.value);
    r = await reader.read();
  }
  out.end();
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function copy(reader: ReadableStreamDefaultReader<Uint8Array>, out: Writable): Promise<void> {
  let r = await reader.read();
  while (!r.done) {
    if (out.write(r.value) === false) await waitForDrain(out);
    r = await reader.read();
  }
  out.end();
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a destructured value from an awaited read() is written",
      code: `
import type { Writable } from "node:stream";
export async function copy(reader: ReadableStreamDefaultReader<Uint8Array>, out: Writable): Promise<void> {
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    out.write(value);
  }
  out.end();
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 7,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function copy(reader: ReadableStreamDefaultReader<Uint8Array>, out: Writable): Promise<void> {
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    if (out.write(value) === false) await waitForDrain(out);
  }
  out.end();
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a loop over names that writes what it awaits for each: the data is not held beforehand",
      code: `
import { readFile } from "node:fs/promises";
import type { Writable } from "node:stream";
export async function concatenate(files: readonly string[], out: Writable): Promise<void> {
  for (const file of files) {
    out.write(await readFile(file));
  }
  out.end();
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { readFile } from "node:fs/promises";
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function concatenate(files: readonly string[], out: Writable): Promise<void> {
  for (const file of files) {
    if (out.write(await readFile(file)) === false) await waitForDrain(out);
  }
  out.end();
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a synchronous loop inside a for await loop is fed by its producer",
      code: `
import type { Writable } from "node:stream";
export async function splitLines(source: AsyncIterable<string>, out: Writable): Promise<void> {
  for await (const chunk of source) {
    for (const line of chunk.split("\\n")) {
      out.write(\`> \${line}\\n\`);
    }
  }
  out.end();
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function splitLines(source: AsyncIterable<string>, out: Writable): Promise<void> {
  for await (const chunk of source) {
    for (const line of chunk.split("\\n")) {
      if (out.write(\`> \${line}\\n\`) === false) await waitForDrain(out);
    }
  }
  out.end();
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "for-of over a net.Socket in an async function",
      options: [{ checkAllLoops: true }],
      code: `
import type { Socket } from "node:net";
export async function send(sock: Socket, chunks: Buffer[]) {
  for (const chunk of chunks) {
    sock.write(chunk);
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "sock.write()", where: "in a loop", stream: "sock" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Socket } from "node:net";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, chunks: Buffer[]) {
  for (const chunk of chunks) {
    if (sock.write(chunk) === false) await waitForDrain(sock);
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "classic for loop over an fs.WriteStream",
      options: [{ checkAllLoops: true }],
      code: `
import { createWriteStream } from "node:fs";
export async function save(path: string, rows: string[]) {
  const out = createWriteStream(path);
  for (let i = 0; i < rows.length; i++) {
    out.write(rows[i]);
  }
  out.end();
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function save(path: string, rows: string[]) {
  const out = createWriteStream(path);
  for (let i = 0; i < rows.length; i++) {
    if (out.write(rows[i]) === false) await waitForDrain(out);
  }
  out.end();
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "for-in loop into a zlib stream the function returns: no drain-wait suggestion, its reader comes only after the return",
      options: [{ checkAllLoops: true }],
      code: `
import { createGzip } from "node:zlib";
export async function compress(record: Record<string, string>) {
  const gzip = createGzip();
  for (const key in record) {
    gzip.write(record[key]!);
  }
  gzip.end();
  return gzip;
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "gzip.write()", where: "in a loop", stream: "gzip" },
          suggestions: [],
        },
      ],
    },
    {
      name: "while loop into a NodeJS.WritableStream parameter",
      options: [{ checkAllLoops: true }],
      code: `
export async function send(out: NodeJS.WritableStream, lines: string[]) {
  let i = 0;
  while (i < lines.length) {
    out.write(lines[i++]!);
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function send(out: NodeJS.WritableStream, lines: string[]) {
  let i = 0;
  while (i < lines.length) {
    if (out.write(lines[i++]!) === false) await waitForDrain(out);
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "do-while loop into child.stdin",
      options: [{ checkAllLoops: true }],
      code: `
import { spawn } from "node:child_process";
export async function feed(lines: string[]) {
  const child = spawn("cat");
  const stdin = child.stdin;
  let i = 0;
  do {
    stdin.write(lines[i]!);
    i++;
  } while (i < lines.length);
  stdin.end();
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 8,
          data: { write: "stdin.write()", where: "in a loop", stream: "stdin" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { spawn } from "node:child_process";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function feed(lines: string[]) {
  const child = spawn("cat");
  const stdin = child.stdin;
  let i = 0;
  do {
    if (stdin.write(lines[i]!) === false) await waitForDrain(stdin);
    i++;
  } while (i < lines.length);
  stdin.end();
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "for await loop into a PassThrough the function returns: no drain-wait suggestion, its reader comes only after the return",
      code: `
import { PassThrough, type Readable } from "node:stream";
export async function copy(src: Readable) {
  const pass = new PassThrough();
  for await (const chunk of src) {
    pass.write(chunk);
  }
  pass.end();
  return pass;
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "pass.write()", where: "in a loop", stream: "pass" },
          suggestions: [],
        },
      ],
    },
    {
      name: "http ServerResponse in a loop",
      options: [{ checkAllLoops: true }],
      code: `
import type { IncomingMessage, ServerResponse } from "node:http";
export async function handle(_req: IncomingMessage, res: ServerResponse, rows: string[]) {
  for (let i = 0; i < rows.length; i++) {
    res.write(rows[i]);
  }
  res.end();
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "res.write()", where: "in a loop", stream: "res" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { IncomingMessage, ServerResponse } from "node:http";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function handle(_req: IncomingMessage, res: ServerResponse, rows: string[]) {
  for (let i = 0; i < rows.length; i++) {
    if (res.write(rows[i]) === false) await waitForDrain(res);
  }
  res.end();
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "http ClientRequest in a loop",
      options: [{ checkAllLoops: true }],
      code: `
import { request } from "node:http";
export async function upload(rows: string[]) {
  const req = request("http://localhost/");
  for (const row of rows) {
    req.write(row);
  }
  req.end();
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "req.write()", where: "in a loop", stream: "req" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { request } from "node:http";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function upload(rows: string[]) {
  const req = request("http://localhost/");
  for (const row of rows) {
    if (req.write(row) === false) await waitForDrain(req);
  }
  req.end();
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "process.stdout in a loop",
      options: [{ checkAllLoops: true }],
      code: `
export async function print(lines: string[]) {
  for (const line of lines) {
    process.stdout.write(line + "\\n");
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 4,
          data: { write: "process.stdout.write()", where: "in a loop", stream: "process.stdout" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function print(lines: string[]) {
  for (const line of lines) {
    if (process.stdout.write(line + "\\n") === false) await waitForDrain(process.stdout);
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a Writable subclass",
      options: [{ checkAllLoops: true }],
      code: `
import { Writable } from "node:stream";
class Collect extends Writable {
  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: () => void) {
    callback();
  }
}
export async function fill(chunks: string[]) {
  const sink = new Collect();
  for (const chunk of chunks) {
    sink.write(chunk);
  }
  return sink;
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 11,
          data: { write: "sink.write()", where: "in a loop", stream: "sink" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
class Collect extends Writable {
  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: () => void) {
    callback();
  }
}
export async function fill(chunks: string[]) {
  const sink = new Collect();
  for (const chunk of chunks) {
    if (sink.write(chunk) === false) await waitForDrain(sink);
  }
  return sink;
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a stream held in a class field",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export class Sink {
  constructor(private readonly out: Writable) {}
  async send(chunks: string[]) {
    for (const chunk of chunks) {
      this.out.write(chunk);
    }
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 7,
          data: { write: "this.out.write()", where: "in a loop", stream: "this.out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export class Sink {
  constructor(private readonly out: Writable) {}
  async send(chunks: string[]) {
    for (const chunk of chunks) {
      if (this.out.write(chunk) === false) await waitForDrain(this.out);
    }
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a loop body without braces",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[]) {
  for (const chunk of chunks) out.write(chunk);
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 4,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function send(out: Writable, chunks: string[]) {
  for (const chunk of chunks) if (out.write(chunk) === false) await waitForDrain(out);
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a write with a callback argument",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, rows: string[]) {
  for (const row of rows) {
    out.write(row, "utf8", (err) => {
      if (err) console.error(err);
    });
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function send(out: Writable, rows: string[]) {
  for (const row of rows) {
    if (out.write(row, "utf8", (err) => {
      if (err) console.error(err);
    }) === false) await waitForDrain(out);
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "two writes in one loop: each is reported with its own suggestion",
      options: [{ checkAllLoops: true }],
      code: `
import type { Socket } from "node:net";
export async function send(sock: Socket, rows: string[]) {
  for (const row of rows) {
    sock.write(row);
    sock.write("\\n");
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "sock.write()", where: "in a loop", stream: "sock" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Socket } from "node:net";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, rows: string[]) {
  for (const row of rows) {
    if (sock.write(row) === false) await waitForDrain(sock);
    sock.write("\\n");
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "sock.write()", where: "in a loop", stream: "sock" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Socket } from "node:net";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, rows: string[]) {
  for (const row of rows) {
    sock.write(row);
    if (sock.write("\\n") === false) await waitForDrain(sock);
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "nested loops: the inner loop repeats the write",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function table(out: Writable, rows: string[][]) {
  for (const row of rows) {
    for (const cell of row) {
      out.write(cell);
    }
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function table(out: Writable, rows: string[][]) {
  for (const row of rows) {
    for (const cell of row) {
      if (out.write(cell) === false) await waitForDrain(out);
    }
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a labelled loop with continue",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, rows: string[]) {
  outer: for (const row of rows) {
    if (row === "") continue outer;
    out.write(row);
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function send(out: Writable, rows: string[]) {
  outer: for (const row of rows) {
    if (row === "") continue outer;
    if (out.write(row) === false) await waitForDrain(out);
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "an async generator",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function* tee(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    out.write(chunk);
    yield chunk;
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function* tee(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    if (out.write(chunk) === false) await waitForDrain(out);
    yield chunk;
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a loop at the top level of an ES module",
      options: [{ checkAllLoops: true }],
      code: `
import { createWriteStream } from "node:fs";
const out = createWriteStream("out.txt");
for (const line of ["a", "b"]) {
  out.write(line);
}
out.end();
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
const out = createWriteStream("out.txt");
for (const line of ["a", "b"]) {
  if (out.write(line) === false) await waitForDrain(out);
}
out.end();

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "synchronous function: no waitForDrain suggestion",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    out.write(chunk);
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "a synchronous callback inside an async function: no waitForDrain suggestion",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function later(out: Writable, chunks: string[]) {
  setTimeout(() => {
    for (const chunk of chunks) {
      out.write(chunk);
    }
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a "drain" listener outside the loop does not make the loop wait',
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(out: Writable, rows: string[]) {
  out.on("drain", () => console.log("drained"));
  for (const row of rows) {
    out.write(row);
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "forEach with an expression-bodied arrow",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[]) {
  chunks.forEach((chunk) => out.write(chunk));
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 4,
          data: { write: "out.write()", where: "once per item", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "forEach with a block-bodied arrow",
      options: [{ checkAllLoops: true }],
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, chunks: Buffer[]) {
  chunks.forEach((chunk) => {
    sock.write(chunk);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "sock.write()", where: "once per item", stream: "sock" },
          suggestions: [],
        },
      ],
    },
    {
      name: "forEach with an async callback: awaiting there would not stop forEach",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[]) {
  chunks.forEach(async (chunk) => {
    out.write(chunk);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "once per item", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "Set#forEach",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(out: Writable, rows: Set<string>) {
  rows.forEach((row) => {
    out.write(row);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "once per item", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "map with a block-bodied callback",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(out: Writable, chunks: string[]) {
  return chunks.map((chunk) => {
    out.write(chunk);
    return chunk.length;
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "once per item", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "some() callback",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(out: Writable, rows: string[]) {
  return rows.some((row) => {
    out.write(row);
    return row === "";
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "once per item", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: '"data" handler with an expression-bodied arrow',
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", (chunk: Buffer) => dest.write(chunk));
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 4,
          data: { write: "dest.write()", where: "once per chunk of a `data` handler", stream: "dest" },
          suggestions: [],
        },
      ],
    },
    {
      name: '"data" handler with a block-bodied arrow: pause the source',
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", (chunk: Buffer) => {
    dest.write(chunk);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "dest.write()", where: "once per chunk of a `data` handler", stream: "dest" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", (chunk: Buffer) => {
    if (dest.write(chunk) === false) {
      src.pause();
      dest.once("drain", () => src.resume());
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: '"data" handler as a function expression given to prependListener',
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.prependListener("data", function (chunk: Buffer) {
    dest.write(chunk);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "dest.write()", where: "once per chunk of a `data` handler", stream: "dest" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.prependListener("data", function (chunk: Buffer) {
    if (dest.write(chunk) === false) {
      src.pause();
      dest.once("drain", () => src.resume());
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: '"data" handler via addListener on an echo socket',
      code: `
import type { Socket } from "node:net";
export function echo(sock: Socket) {
  sock.addListener("data", (data: Buffer) => {
    sock.write(data);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "sock.write()", where: "once per chunk of a `data` handler", stream: "sock" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import type { Socket } from "node:net";
export function echo(sock: Socket) {
  sock.addListener("data", (data: Buffer) => {
    if (sock.write(data) === false) {
      sock.pause();
      sock.once("drain", () => sock.resume());
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: '"data" handler on class fields',
      code: `
import type { Readable, Writable } from "node:stream";
export class Relay {
  constructor(
    private readonly src: Readable,
    private readonly dest: Writable,
  ) {}
  start() {
    this.src.on("data", (chunk: Buffer) => {
      this.dest.write(chunk);
    });
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 10,
          data: { write: "this.dest.write()", where: "once per chunk of a `data` handler", stream: "this.dest" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import type { Readable, Writable } from "node:stream";
export class Relay {
  constructor(
    private readonly src: Readable,
    private readonly dest: Writable,
  ) {}
  start() {
    this.src.on("data", (chunk: Buffer) => {
      if (this.dest.write(chunk) === false) {
        this.src.pause();
        this.dest.once("drain", () => this.src.resume());
      }
    });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'async "data" handler: pausing, not awaiting, is what helps',
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", async (chunk: Buffer) => {
    dest.write(chunk);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "dest.write()", where: "once per chunk of a `data` handler", stream: "dest" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", async (chunk: Buffer) => {
    if (dest.write(chunk) === false) {
      src.pause();
      dest.once("drain", () => src.resume());
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'process.stdin "data" into process.stdout',
      code: `
process.stdin.on("data", (chunk: Buffer) => process.stdout.write(chunk));
export {};
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 2,
          data: {
            write: "process.stdout.write()",
            where: "once per chunk of a `data` handler",
            stream: "process.stdout",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "import of once reused, finished added",
      options: [{ checkAllLoops: true }],
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    out.write(chunk);
  }
  await once(out, "finish");
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
export async function send(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    if (out.write(chunk) === false) await waitForDrain(out);
  }
  await once(out, "finish");
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "once imported next to EventEmitter is reused",
      options: [{ checkAllLoops: true }],
      code: `
import { EventEmitter, once } from "node:events";
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[], progress: EventEmitter) {
  for (const chunk of chunks) {
    out.write(chunk);
    progress.emit("chunk", chunk.length);
  }
  await once(out, "finish");
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { EventEmitter, once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
export async function send(out: Writable, chunks: string[], progress: EventEmitter) {
  for (const chunk of chunks) {
    if (out.write(chunk) === false) await waitForDrain(out);
    progress.emit("chunk", chunk.length);
  }
  await once(out, "finish");
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "once merged into an existing named import of node:events",
      options: [{ checkAllLoops: true }],
      code: `
import { EventEmitter } from "node:events";
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[], progress: EventEmitter) {
  for (const chunk of chunks) {
    out.write(chunk);
    progress.emit("chunk");
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { EventEmitter, once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
export async function send(out: Writable, chunks: string[], progress: EventEmitter) {
  for (const chunk of chunks) {
    if (out.write(chunk) === false) await waitForDrain(out);
    progress.emit("chunk");
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "finished merged, under its alias, into an existing import of node:stream/promises",
      options: [{ checkAllLoops: true }],
      code: `
import { on } from "node:events";
import { pipeline } from "node:stream/promises";
import type { Readable, Writable } from "node:stream";
export async function send(out: Writable, chunks: string[], src: Readable) {
  const finished = false;
  for (const chunk of chunks) {
    out.write(chunk);
  }
  await pipeline(src, out);
  return [on, finished];
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 8,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { on, once } from "node:events";
import { pipeline, finished as streamFinished } from "node:stream/promises";
import type { Readable, Writable } from "node:stream";
export async function send(out: Writable, chunks: string[], src: Readable) {
  const finished = false;
  for (const chunk of chunks) {
    if (out.write(chunk) === false) await waitForDrain(out);
  }
  await pipeline(src, out);
  return [on, finished];
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    streamFinished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "aliased imports from events and stream/promises reused",
      options: [{ checkAllLoops: true }],
      code: `
import { once as onceEvent } from "events";
import { finished as done } from "stream/promises";
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    out.write(chunk);
  }
  out.end();
  await done(out);
  return onceEvent;
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 7,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { once as onceEvent } from "events";
import { finished as done } from "stream/promises";
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    if (out.write(chunk) === false) await waitForDrain(out);
  }
  out.end();
  await done(out);
  return onceEvent;
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    onceEvent(stream, "drain", { signal: drained.signal }),
    done(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "namespace import of node:stream/promises reused",
      options: [{ checkAllLoops: true }],
      code: `
import * as streamPromises from "node:stream/promises";
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    out.write(chunk);
  }
  out.end();
  await streamPromises.finished(out);
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import * as streamPromises from "node:stream/promises";
import type { Writable } from "node:stream";
import { once } from "node:events";
export async function send(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    if (out.write(chunk) === false) await waitForDrain(out);
  }
  out.end();
  await streamPromises.finished(out);
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    streamPromises.finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "local names once and finished are taken: aliases",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[], once: boolean) {
  let finished = false;
  for (const chunk of chunks) {
    out.write(chunk);
  }
  finished = once;
  return finished;
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once as eventsOnce } from "node:events";
import { finished as streamFinished } from "node:stream/promises";
export async function send(out: Writable, chunks: string[], once: boolean) {
  let finished = false;
  for (const chunk of chunks) {
    if (out.write(chunk) === false) await waitForDrain(out);
  }
  finished = once;
  return finished;
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    eventsOnce(stream, "drain", { signal: drained.signal }),
    streamFinished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a type-only import of once does not count",
      options: [{ checkAllLoops: true }],
      code: `
import type { once } from "node:events";
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[], wait: typeof once) {
  for (const chunk of chunks) {
    out.write(chunk);
  }
  return wait;
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { once } from "node:events";
import type { Writable } from "node:stream";
import { once as eventsOnce } from "node:events";
import { finished } from "node:stream/promises";
export async function send(out: Writable, chunks: string[], wait: typeof once) {
  for (const chunk of chunks) {
    if (out.write(chunk) === false) await waitForDrain(out);
  }
  return wait;
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    eventsOnce(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "single quotes and tab indentation are kept",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from 'node:stream';
export async function send(out: Writable, chunks: string[]) {
\tfor (const chunk of chunks) {
\t\tout.write(chunk);
\t}
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
export async function send(out: Writable, chunks: string[]) {
\tfor (const chunk of chunks) {
\t\tif (out.write(chunk) === false) await waitForDrain(out);
\t}
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
\tconst drained = new AbortController();
\tawait Promise.race([
\t\tonce(stream, 'drain', { signal: drained.signal }),
\t\tfinished(stream, { signal: drained.signal }),
\t]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "four-space indentation is kept",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[]) {
    for (const chunk of chunks) {
        out.write(chunk);
    }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function send(out: Writable, chunks: string[]) {
    for (const chunk of chunks) {
        if (out.write(chunk) === false) await waitForDrain(out);
    }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
    const drained = new AbortController();
    await Promise.race([
        once(stream, "drain", { signal: drained.signal }),
        finished(stream, { signal: drained.signal }),
    ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "CRLF line endings are kept",
      options: [{ checkAllLoops: true }],
      code: crlf(`
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    out.write(chunk);
  }
}
`),
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: crlf(`
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function send(out: Writable, chunks: string[]) {
  for (const chunk of chunks) {
    if (out.write(chunk) === false) await waitForDrain(out);
  }
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`),
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript (.mjs): net.connect() socket, imports added",
      filename: "file.mjs",
      options: [{ checkAllLoops: true }],
      code: `
import net from "node:net";
export async function send(chunks) {
  const sock = net.connect(80, "example.com");
  for (const chunk of chunks) {
    sock.write(chunk);
  }
  sock.end();
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "sock.write()", where: "in a loop", stream: "sock" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import net from "node:net";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function send(chunks) {
  const sock = net.connect(80, "example.com");
  for (const chunk of chunks) {
    if (sock.write(chunk) === false) await waitForDrain(sock);
  }
  sock.end();
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream) {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript (.mjs): top-level loop",
      filename: "file.mjs",
      options: [{ checkAllLoops: true }],
      code: `
import { createWriteStream } from "node:fs";
const out = createWriteStream("out.txt");
for (const line of ["a", "b"]) {
  out.write(line);
}
out.end();
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
const out = createWriteStream("out.txt");
for (const line of ["a", "b"]) {
  if (out.write(line) === false) await waitForDrain(out);
}
out.end();

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream) {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'JavaScript (.cjs): require() added after "use strict"',
      filename: "file.cjs",
      options: [{ checkAllLoops: true }],
      code: `
"use strict";
async function main(lines) {
  for (const line of lines) {
    process.stdout.write(line);
  }
}
module.exports = main;
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "process.stdout.write()", where: "in a loop", stream: "process.stdout" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
"use strict";
const { once } = require("node:events");
const { finished } = require("node:stream/promises");
async function main(lines) {
  for (const line of lines) {
    if (process.stdout.write(line) === false) await waitForDrain(process.stdout);
  }
}
module.exports = main;

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream) {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript (.cjs): existing require() calls reused",
      filename: "file.cjs",
      options: [{ checkAllLoops: true }],
      code: `
const { once } = require("node:events");
const streamPromises = require("node:stream/promises");
async function main(lines) {
  for (const line of lines) {
    process.stdout.write(line);
  }
}
module.exports = { main, once, streamPromises };
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "process.stdout.write()", where: "in a loop", stream: "process.stdout" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
const { once } = require("node:events");
const streamPromises = require("node:stream/promises");
async function main(lines) {
  for (const line of lines) {
    if (process.stdout.write(line) === false) await waitForDrain(process.stdout);
  }
}
module.exports = { main, once, streamPromises };

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream) {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    streamPromises.finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript (.cjs): once merged into an existing destructured require()",
      filename: "file.cjs",
      options: [{ checkAllLoops: true }],
      code: `
const { EventEmitter } = require("node:events");
async function main(lines, progress) {
  for (const line of lines) {
    process.stdout.write(line);
    progress.emit("line");
  }
}
module.exports = { main, EventEmitter };
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "process.stdout.write()", where: "in a loop", stream: "process.stdout" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
const { EventEmitter, once } = require("node:events");
const { finished } = require("node:stream/promises");
async function main(lines, progress) {
  for (const line of lines) {
    if (process.stdout.write(line) === false) await waitForDrain(process.stdout);
    progress.emit("line");
  }
}
module.exports = { main, EventEmitter };

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream) {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript (.cjs): once taken, aliased in the require() pattern",
      filename: "file.cjs",
      options: [{ checkAllLoops: true }],
      code: `
const fs = require("node:fs");
async function main(lines, once) {
  const out = fs.createWriteStream("out.txt");
  for (const line of lines) {
    out.write(line);
  }
  return once;
}
module.exports = main;
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
const fs = require("node:fs");
const { once: eventsOnce } = require("node:events");
const { finished } = require("node:stream/promises");
async function main(lines, once) {
  const out = fs.createWriteStream("out.txt");
  for (const line of lines) {
    if (out.write(line) === false) await waitForDrain(out);
  }
  return once;
}
module.exports = main;

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream) {
  const drained = new AbortController();
  await Promise.race([
    eventsOnce(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript (.cjs): top-level loop cannot await",
      filename: "file.cjs",
      options: [{ checkAllLoops: true }],
      code: `
const { createWriteStream } = require("node:fs");
const out = createWriteStream("out.txt");
for (const line of ["a", "b"]) {
  out.write(line);
}
out.end();
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'JavaScript (.cjs): "data" handler with a block body',
      filename: "file.cjs",
      code: `
const fs = require("node:fs");
const src = fs.createReadStream("in.txt");
const dest = fs.createWriteStream("out.txt");
src.on("data", (chunk) => {
  dest.write(chunk);
});
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "dest.write()", where: "once per chunk of a `data` handler", stream: "dest" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
const fs = require("node:fs");
const src = fs.createReadStream("in.txt");
const dest = fs.createWriteStream("out.txt");
src.on("data", (chunk) => {
  if (dest.write(chunk) === false) {
    src.pause();
    dest.once("drain", () => src.resume());
  }
});
`,
            },
          ],
        },
      ],
    },

    // ---- regressions: fixes from the rule reviews -----------------------------------------------
    {
      name: "regression: an expression-bodied map() callback as a statement drops the booleans",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(s: Writable, chunks: string[]) {
  chunks.map((c) => s.write(c));
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 4,
          column: 21,
          data: { write: "s.write()", where: "once per item", stream: "s" },
          suggestions: [],
        },
      ],
    },
    {
      name: "regression: `await s.write(c)` awaits a boolean, not the drain",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function send(s: Writable, cs: string[]) {
  for (const c of cs) {
    await s.write(c);
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          column: 11,
          data: { write: "s.write()", where: "in a loop", stream: "s" },
          suggestions: [],
        },
      ],
    },
    {
      name: "regression: a stream typed as a type parameter `T extends Writable`",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function f<T extends Writable>(s: T, cs: string[]) {
  for (const c of cs) s.write(c);
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 4,
          column: 23,
          data: { write: "s.write()", where: "in a loop", stream: "s" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function f<T extends Writable>(s: T, cs: string[]) {
  for (const c of cs) if (s.write(c) === false) await waitForDrain(s);
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: a `return` in a forEach callback ends one item only: the write still repeats",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(s: Writable, rows: string[]) {
  rows.forEach((row) => {
    s.write(row);
    return row.length;
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "s.write()", where: "once per item", stream: "s" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'regression: no pauseSource for a "data" source that is an EventEmitter without pause()/resume()',
      code: `
import type { EventEmitter } from "node:events";
import type { Writable } from "node:stream";
export function relay(src: EventEmitter, out: Writable) {
  src.on("data", (c: string) => {
    out.write(c);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "once per chunk of a `data` handler", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'regression: no pauseSource for a "data" source that is a call: naming it twice would open two streams',
      code: `
import { createReadStream } from "node:fs";
import type { Writable } from "node:stream";
export function relay(from: string, out: Writable) {
  createReadStream(from).on("data", (c) => {
    out.write(c);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: "once per chunk of a `data` handler", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "regression: pauseSource is still offered for a Readable named by a plain path",
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, out: Writable) {
  src.on("data", (c) => {
    out.write(c);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "once per chunk of a `data` handler", stream: "out" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, out: Writable) {
  src.on("data", (c) => {
    if (out.write(c) === false) {
      src.pause();
      out.once("drain", () => src.resume());
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: a stream named `drained` is handed to the helper, whose own `drained` is local to it",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function copy(drained: Writable, cs: string[]) {
  for (const c of cs) drained.write(c);
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 4,
          data: { write: "drained.write()", where: "in a loop", stream: "drained" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function copy(drained: Writable, cs: string[]) {
  for (const c of cs) if (drained.write(c) === false) await waitForDrain(drained);
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: in a file without imports, new imports go before the first function's JSDoc comment",
      options: [{ checkAllLoops: true }],
      code: `
/** Copies every chunk to \`out\`. */
export async function copy(out: NodeJS.WritableStream, cs: string[]) {
  for (const c of cs) out.write(c);
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 4,
          data: { write: "out.write()", where: "in a loop", stream: "out" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { once } from "node:events";
import { finished } from "node:stream/promises";
/** Copies every chunk to \`out\`. */
export async function copy(out: NodeJS.WritableStream, cs: string[]) {
  for (const c of cs) if (out.write(c) === false) await waitForDrain(out);
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: streamTypes: a write() that returns boolean, in an async loop",
      options: [{ checkAllLoops: true, streamTypes: [{ from: "file", name: "MyStream" }] }],
      code: `
import { EventEmitter } from "node:events";
class MyStream extends EventEmitter implements NodeJS.WritableStream {
  writable = true;
  write(chunk: string | Uint8Array): boolean {
    return chunk.length > 0;
  }
  end(): this {
    return this;
  }
}
export async function pump(s: MyStream, cs: string[]) {
  for (const c of cs) s.write(c);
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 13,
          data: { write: "s.write()", where: "in a loop", stream: "s" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import { EventEmitter, once } from "node:events";
import { finished } from "node:stream/promises";
class MyStream extends EventEmitter implements NodeJS.WritableStream {
  writable = true;
  write(chunk: string | Uint8Array): boolean {
    return chunk.length > 0;
  }
  end(): this {
    return this;
  }
}
export async function pump(s: MyStream, cs: string[]) {
  for (const c of cs) if (s.write(c) === false) await waitForDrain(s);
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
            },
          ],
        },
      ],
    },
  ],
});
