// no-discarded-result: WHATWG writers, WritableStream and TransformStream: write(), close(), abort(), ready and
// closed must be awaited, returned or have their rejection handled; also through a class field.
import rule from "../../../rules/no-discarded-result.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-discarded-result", rule, {
  valid: [
    {
      name: "writer: `return await writer.write()` keeps the result",
      code: `
export async function send(writer: WritableStreamDefaultWriter<string>, line: string) {
  return await writer.write(line);
}
`,
    },
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
      name: "writer: close() with .catch() and writer.closed awaited",
      code: `
export async function finish(writer: WritableStreamDefaultWriter<string>) {
  writer.close().catch(() => {});
  await writer.closed;
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
      name: "a TransformStream's writable closed while the same function reads its readable to the end is not reported [evaluation F8]",
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
      name: "a write into a TextEncoderStream whose readable the same function then reads is not reported: awaiting it first would deadlock [evaluation F12]",
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
    {
      name: "writes and close() into a transform handed in as a parameter, whose readable the same function reads to the end, are not reported",
      code: `
export async function writeThrough<T>(stream: ReadableWritablePair<T, T>, chunks: T[]): Promise<T[]> {
  const writer = stream.writable.getWriter();
  for (const chunk of chunks) void writer.write(chunk);
  void writer.close();
  const result: T[] = [];
  for await (const chunk of stream.readable) result.push(chunk);
  return result;
}
`,
    },
    {
      name: "a write into a transform kept in a field of a local object, read back through the same field with getReader(), is not reported",
      code: `
class Reorder {
  readonly transform = new TransformStream<number, number>();
}
export async function firstOut(value: number): Promise<number | undefined> {
  const reorder = new Reorder();
  const writer = reorder.transform.writable.getWriter();
  const reader = reorder.transform.readable.getReader();
  writer.write(value);
  return (await reader.read()).value;
}
`,
    },
    {
      name: "a write and close() into a CompressionStream whose readable node:stream/consumers reads whole, also after pipeThrough(), are not reported",
      code: `
import { arrayBuffer, text } from "node:stream/consumers";
export async function roundTrip(data: Uint8Array): Promise<string> {
  const compressor = new CompressionStream("gzip");
  const writer = compressor.writable.getWriter();
  void writer.write(data);
  void writer.close();
  return text(compressor.readable.pipeThrough(new DecompressionStream("gzip")));
}
export async function compressedSize(data: Uint8Array): Promise<number> {
  const compressor = new CompressionStream("gzip");
  const writer = compressor.writable.getWriter();
  void writer.write(data);
  void writer.close();
  return (await arrayBuffer(compressor.readable as ReadableStream)).byteLength;
}
`,
    },
    {
      name: "a writer variable reused for a second transform is not reported when the same function reads both readables",
      code: `
import { arrayBuffer } from "node:stream/consumers";
export async function twice(data: Uint8Array): Promise<ArrayBuffer> {
  const compressor = new CompressionStream("gzip");
  let writer = compressor.writable.getWriter();
  void writer.write(data);
  void writer.close();
  const compressed = await arrayBuffer(compressor.readable);
  const decompressor = new DecompressionStream("gzip");
  writer = decompressor.writable.getWriter();
  void writer.write(new Uint8Array(compressed));
  void writer.close();
  return arrayBuffer(decompressor.readable);
}
`,
    },
    {
      name: "writes through a class's writer field into the class's own transform, which the class reads with getReader(), are not reported",
      code: `
export class Detector {
  private input = new TransformStream<Uint8Array, Uint8Array>();
  private inputWriter: WritableStreamDefaultWriter<Uint8Array>;
  private inputReader: ReadableStreamDefaultReader<Uint8Array>;
  constructor() {
    this.inputWriter = this.input.writable.getWriter();
    this.inputReader = this.input.readable.getReader();
  }
  push(frame: Uint8Array): void {
    this.inputWriter.write(frame);
  }
  async next(): Promise<Uint8Array | undefined> {
    return (await this.inputReader.read()).value;
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "writer.closed.then(onFulfilled) thrown away in a constructor, with no rejection handler, is reported [evaluation TP: h3]",
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
          data: {
            callee: "this.writer.closed",
            how: "as a bare statement",
            lost: "whether the stream finished or failed",
          },
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
    {
      name: "writes into a transform whose readable goes to a project's reader, which may cancel it early, are reported",
      code: `
declare function readIntoArray(stream: ReadableStream<Uint8Array>, maxSize: number): Promise<Uint8Array | null>;
export async function tooLong(): Promise<Uint8Array | null> {
  const { writable, readable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  writer.write(new TextEncoder().encode("hello"));
  writer.close();
  return readIntoArray(readable, 2);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 6,
          data: { callee: "writer.write()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [],
        },
        {
          messageId: "discardedResult",
          line: 7,
          data: {
            callee: "writer.close()",
            how: "as a bare statement",
            lost: "whether everything was written before the close",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "writes through a writer variable later given a second transform, whose readable is only handed on, are reported, though the first transform is read here",
      code: `
import { arrayBuffer } from "node:stream/consumers";
export async function relay(data: Uint8Array): Promise<ReadableStream<Uint8Array>> {
  const compressor = new CompressionStream("gzip");
  let writer = compressor.writable.getWriter();
  void writer.write(data);
  const compressed = await arrayBuffer(compressor.readable);
  const decompressor = new DecompressionStream("gzip");
  writer = decompressor.writable.getWriter();
  void writer.write(new Uint8Array(compressed));
  return decompressor.readable;
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 6,
          data: { callee: "writer.write()", how: "with `void`", lost: "whether the data was written" },
          suggestions: [],
        },
        {
          messageId: "discardedResult",
          line: 10,
          data: { callee: "writer.write()", how: "with `void`", lost: "whether the data was written" },
          suggestions: [],
        },
      ],
    },
    {
      name: "a write to a connection's writable is reported although its readable is read: that is the peer's data, not the write's",
      code: `
interface Connection {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}
export async function ping(connection: Connection): Promise<Uint8Array | undefined> {
  const writer = connection.writable.getWriter();
  void writer.write(new Uint8Array([1]));
  const reader = connection.readable.getReader();
  return (await reader.read()).value;
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 8,
          data: { callee: "writer.write()", how: "with `void`", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              data: { callee: "writer.write()", how: "with `void`", lost: "whether the data was written" },
              output: `
interface Connection {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}
export async function ping(connection: Connection): Promise<Uint8Array | undefined> {
  const writer = connection.writable.getWriter();
  await writer.write(new Uint8Array([1]));
  const reader = connection.readable.getReader();
  return (await reader.read()).value;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "close() on the writable of a class's transform while its writer holds the lock is reported: it always rejects",
      code: `
export class Detector {
  private input = new TransformStream<Uint8Array, Uint8Array>();
  private inputWriter = this.input.writable.getWriter();
  private inputReader = this.input.readable.getReader();
  endInput(): void {
    this.input.writable.close();
  }
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 7,
          data: {
            callee: "this.input.writable.close()",
            how: "as a bare statement",
            lost: "whether everything was written before the close",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "writes into a class's transform whose readable the class only hands out are reported",
      code: `
export class Events {
  private output = new TransformStream<string, string>();
  private writer = this.output.writable.getWriter();
  get stream(): ReadableStream<string> {
    return this.output.readable;
  }
  send(event: string): void {
    this.writer.write(event);
  }
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 9,
          data: { callee: "this.writer.write()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [],
        },
      ],
    },
    // ---- writers --------------------------------------------------------------------------------
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
    // ---- WritableStream, TransformStream, Writable.toWeb() --------------------------------------
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
    // ---- a writer in a class field --------------------------------------------------------------
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
  ],
});
