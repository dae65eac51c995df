// no-ignored-backpressure: what counts as a Node writable stream: HTTP requests and responses, process.stdout,
// subclasses, class fields and type parameters do; WHATWG writers, Bun sinks, fs and FileHandle writes, look-alike
// types, `any`, a sink that calls back at once (local or the project's class) and a crypto hash do not; and the streamTypes option.
import rule from "../../../rules/no-ignored-backpressure.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-ignored-backpressure", rule, {
  valid: [
    // ---- not Node streams, or no signal to ignore -----------------------------------------------
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
      name: "a stream typed `any` is not recognised",
      code: `
export function writeAll(out: any, chunks: string[]) {
  for (const chunk of chunks) out.write(chunk);
}
`,
    },
    {
      name: "writes into a local in-memory sink that calls back at once are not reported [evaluation F15]",
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
    {
      name: "writes into the project's Writable subclass whose _write() calls back at once are not reported",
      options: [{ checkAllLoops: true }],
      code: `
import { Writable } from "node:stream";
class MemoryStream extends Writable {
  private readonly parts: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void) {
    this.parts.push(chunk);
    callback();
  }
}
export async function fill(chunks: string[]) {
  const sink = new MemoryStream();
  for (const chunk of chunks) {
    sink.write(chunk);
  }
  return sink;
}
`,
    },
    {
      name: "writes into a crypto hash are digested at once and not reported",
      options: [{ checkAllLoops: true }],
      code: `
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
export function digest(files: Readable) {
  const hash = createHash("sha256");
  files.on("data", (chunk: Buffer) => {
    hash.write(chunk);
  });
  return hash;
}
`,
    },
    // ---- the streamTypes option -----------------------------------------------------------------
    {
      name: "streamTypes: a write() that returns void gives no backpressure signal",
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
  ],
  invalid: [
    // ---- Node streams ---------------------------------------------------------------------------
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
      name: "a Writable subclass whose _write() calls back later",
      options: [{ checkAllLoops: true }],
      code: `
import { Writable } from "node:stream";
class Collect extends Writable {
  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: () => void) {
    setImmediate(callback);
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
    setImmediate(callback);
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
      name: "a stream typed as a type parameter `T extends Writable`",
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
    // ---- the streamTypes option -----------------------------------------------------------------
    {
      name: "streamTypes: a write() that returns boolean, in an async loop",
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
