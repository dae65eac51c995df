// no-shutdown-before-flush: streams other than Node's: WHATWG writers and streams (abort() before the flush, close()
// offered instead), Bun and Deno, types that only look like streams, and the streamTypes option.
import rule from "../../../rules/no-shutdown-before-flush.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
    // ---- WHATWG streams -------------------------------------------------------------------------
    {
      name: "WHATWG: awaited writer writes then abort()",
      code: `
export async function send(stream: WritableStream<Uint8Array>, chunk: Uint8Array) {
  const writer = stream.getWriter();
  await writer.write(chunk);
  await writer.abort();
}
`,
    },
    {
      name: "WHATWG: writes then releaseLock() alone lose nothing",
      code: `
export function send(stream: WritableStream<string>, a: string, b: string) {
  const writer = stream.getWriter();
  writer.write(a);
  writer.write(b);
  writer.releaseLock();
}
`,
    },
    {
      name: "WHATWG: an unawaited final writer.close() delivers the queued writes",
      code: `
export function send(stream: WritableStream<string>, chunk: string) {
  const writer = stream.getWriter();
  writer.write(chunk);
  writer.close();
}
`,
    },
    {
      name: "WHATWG: awaited writer.close() before destroying the socket under Writable.toWeb()",
      code: `
import type { Socket } from "node:net";
import { Writable } from "node:stream";
export async function send(sock: Socket, chunk: Uint8Array) {
  const writer = Writable.toWeb(sock).getWriter();
  writer.write(chunk);
  await writer.close();
  sock.destroy();
}
`,
    },
    {
      name: "WHATWG: TransformStream enqueue() then terminate() delivers the chunk",
      code: `
export const upper = new TransformStream<string, string>({
  transform(chunk, controller) {
    controller.enqueue(chunk.toUpperCase());
    controller.terminate();
  },
});
`,
    },
    {
      name: "WHATWG: ReadableStream enqueue() then close() keeps the queue",
      code: `
export function source(chunk: string) {
  return new ReadableStream<string>({
    start(controller) {
      controller.enqueue(chunk);
      controller.close();
    },
  });
}
`,
    },
    {
      name: "a controller's error() after enqueue() is not reported: the reader gets the error, nothing is lost silently [evaluation F4]",
      code: `
export function failing(chunks: string[]) {
  return new ReadableStream<string>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.error(new Error("failed"));
    },
  });
}
`,
    },
    // ---- Bun, Deno, other types -----------------------------------------------------------------
    {
      name: "Bun: FileSink write then end",
      code: `
import { file } from "bun";
const sink = file("out.txt").writer();
sink.write("hello");
sink.end();
`,
    },
    {
      name: "Deno: awaited FsFile write then close",
      code: `
const f = await Deno.open("out.txt", { write: true, create: true });
await f.write(new TextEncoder().encode("hello"));
f.close();
`,
    },
    {
      name: "a type that merely has write() and destroy() is no stream",
      code: `
class Journal {
  private readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  destroy(): void {
    this.lines.length = 0;
  }
}
export function reset(journal: Journal) {
  journal.write("reset");
  journal.destroy();
}
`,
    },
    // ---- the streamTypes option -----------------------------------------------------------------
    {
      name: "a user's stream class is not checked unless named in streamTypes",
      code: `
class MyStream {
  write(chunk: string): boolean {
    return chunk.length > 0;
  }
  destroy(): void {}
}
export function use(s: MyStream) {
  s.write("x");
  s.destroy();
}
`,
    },
    {
      name: "streamTypes: an awaited flush() of the user's stream waits",
      options: [{ streamTypes: [{ from: "file", name: "MyStream" }] }],
      code: `
class MyStream {
  write(chunk: string): boolean {
    return chunk.length > 0;
  }
  async flush(): Promise<void> {}
  destroy(): void {}
}
export async function use(s: MyStream) {
  s.write("x");
  await s.flush();
  s.destroy();
}
`,
    },
  ],
  invalid: [
    // ---- WHATWG streams -------------------------------------------------------------------------
    {
      name: "WHATWG: writes then writer.abort() — close() is offered instead",
      code: `
export async function send(stream: WritableStream<string>, chunks: string[]) {
  const writer = stream.getWriter();
  for (const chunk of chunks) writer.write(chunk);
  await writer.abort();
}
`,
      errors: [
        {
          messageId: "abortBeforeFlush",
          line: 5,
          data: { shutdown: "writer.abort()", write: "writer.write()", line: 4, stream: "writer" },
          suggestions: [
            {
              messageId: "closeInsteadOfAbort",
              output: `
export async function send(stream: WritableStream<string>, chunks: string[]) {
  const writer = stream.getWriter();
  for (const chunk of chunks) writer.write(chunk);
  await writer.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "WHATWG: writes, releaseLock(), then stream.abort(reason)",
      code: `
export async function send(stream: WritableStream<string>, chunk: string) {
  const writer = stream.getWriter();
  writer.write(chunk);
  writer.releaseLock();
  await stream.abort(new Error("cancelled"));
}
`,
      errors: [
        {
          messageId: "abortBeforeFlush",
          line: 6,
          data: {
            shutdown: 'stream.abort(new Error("cancelled"))',
            write: "writer.write()",
            line: 4,
            stream: "writer",
          },
          suggestions: [
            {
              messageId: "closeInsteadOfAbort",
              output: `
export async function send(stream: WritableStream<string>, chunk: string) {
  const writer = stream.getWriter();
  writer.write(chunk);
  writer.releaseLock();
  await stream.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "WHATWG: writes through Writable.toWeb(sock), releaseLock(), then sock.destroy()",
      code: `
import type { Socket } from "node:net";
import { Writable } from "node:stream";
export function send(sock: Socket, chunk: Uint8Array) {
  const writer = Writable.toWeb(sock).getWriter();
  writer.write(chunk);
  writer.releaseLock();
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 8,
          data: { shutdown: "sock.destroy()", write: "writer.write()", line: 6, stream: "writer" },
          suggestions: [],
        },
      ],
    },
    {
      name: "WHATWG: a writer over Writable.toWeb(this.sock), then this.sock.destroy()",
      code: `
import type { Socket } from "node:net";
import { Writable } from "node:stream";
export class Connection {
  constructor(private readonly sock: Socket) {}
  async close(hello: Uint8Array, goodbye: Uint8Array) {
    const writer = Writable.toWeb(this.sock).getWriter();
    await writer.write(hello);
    writer.write(goodbye);
    writer.releaseLock();
    this.sock.destroy();
  }
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 11,
          data: { shutdown: "this.sock.destroy()", write: "writer.write()", line: 9, stream: "writer" },
          suggestions: [],
        },
      ],
    },
    {
      name: "a WHATWG writer's abort() is abortBeforeFlush, with close() suggested",
      code: `
export function cancel(writer: WritableStreamDefaultWriter<string>) {
  writer.write("a");
  writer.abort();
}
`,
      errors: [
        {
          messageId: "abortBeforeFlush",
          line: 4,
          data: { shutdown: "writer.abort()", write: "writer.write()", line: 3, stream: "writer" },
          suggestions: [
            {
              messageId: "closeInsteadOfAbort",
              output: `
export function cancel(writer: WritableStreamDefaultWriter<string>) {
  writer.write("a");
  writer.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a WritableStream's abort() is abortBeforeFlush, with close() suggested",
      code: `
export function cancel(stream: WritableStream<string>) {
  const writer = stream.getWriter();
  writer.write("a");
  writer.releaseLock();
  stream.abort();
}
`,
      errors: [
        {
          messageId: "abortBeforeFlush",
          line: 6,
          data: { shutdown: "stream.abort()", write: "writer.write()", line: 4, stream: "writer" },
          suggestions: [
            {
              messageId: "closeInsteadOfAbort",
              output: `
export function cancel(stream: WritableStream<string>) {
  const writer = stream.getWriter();
  writer.write("a");
  writer.releaseLock();
  stream.close();
}
`,
            },
          ],
        },
      ],
    },
    // ---- the streamTypes option -----------------------------------------------------------------
    {
      name: "streamTypes { from: 'file' }: a user's class with write() and destroy()",
      options: [{ streamTypes: [{ from: "file", name: "MyStream" }] }],
      code: `
class MyStream {
  write(chunk: string): boolean {
    return chunk.length > 0;
  }
  destroy(): void {}
}
export function use(s: MyStream) {
  s.write("x");
  s.destroy();
}
`,
      errors: [
        {
          messageId: "abortBeforeFlush",
          line: 10,
          data: { shutdown: "s.destroy()", write: "s.write()", line: 9, stream: "s" },
          suggestions: [],
        },
      ],
    },
    {
      name: "streamTypes by name: abort() of a user's class that can close()",
      options: [{ streamTypes: ["MyStream"] }],
      code: `
class MyStream {
  write(chunk: string): boolean {
    return chunk.length > 0;
  }
  close(): void {}
  abort(): void {}
}
export function use(s: MyStream) {
  s.write("x");
  s.abort();
}
`,
      errors: [
        {
          messageId: "abortBeforeFlush",
          line: 11,
          data: { shutdown: "s.abort()", write: "s.write()", line: 10, stream: "s" },
          suggestions: [
            {
              messageId: "closeInsteadOfAbort",
              output: `
class MyStream {
  write(chunk: string): boolean {
    return chunk.length > 0;
  }
  close(): void {}
  abort(): void {}
}
export function use(s: MyStream) {
  s.write("x");
  s.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "streamTypes: process.exit() after a write to a user's stream",
      options: [{ streamTypes: [{ from: "file", name: "MyStream" }] }],
      code: `
class MyStream {
  write(chunk: string): boolean {
    return chunk.length > 0;
  }
}
const s = new MyStream();
s.write("x");
process.exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 9,
          data: { shutdown: "process.exit(1)", write: "s.write()", line: 8 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
class MyStream {
  write(chunk: string): boolean {
    return chunk.length > 0;
  }
}
const s = new MyStream();
s.write("x");
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "streamTypes abort() of a class without close(): abortBeforeFlush, no closeInsteadOfAbort",
      options: [{ streamTypes: [{ from: "file", name: "MyStream" }] }],
      code: `
class MyStream {
  write(chunk: string): boolean {
    return chunk.length > 0;
  }
  abort(): void {}
}
export function use(s: MyStream) {
  s.write("x");
  s.abort();
}
`,
      errors: [
        {
          messageId: "abortBeforeFlush",
          line: 10,
          data: { shutdown: "s.abort()", write: "s.write()", line: 9, stream: "s" },
          suggestions: [],
        },
      ],
    },
  ],
});
