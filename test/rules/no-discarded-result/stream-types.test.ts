// no-discarded-result: what counts as a stream is judged by declaration, not by name: Bun's FileSink, Deno's
// FsFile, types that only look like streams, and the user's own types named in streamTypes.
import rule from "../../../rules/no-discarded-result.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-discarded-result", rule, {
  valid: [
    // ---- not a stream, or no promise ------------------------------------------------------------
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
    // ---- Bun and Deno ---------------------------------------------------------------------------
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
    // ---- the streamTypes option -----------------------------------------------------------------
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
  ],
  invalid: [
    // ---- Bun and Deno ---------------------------------------------------------------------------
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
    // ---- the streamTypes option -----------------------------------------------------------------
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
  ],
});
