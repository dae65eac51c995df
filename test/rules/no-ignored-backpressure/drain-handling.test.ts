// no-ignored-backpressure: a loop that deals with backpressure itself is not reported: it waits for "drain", reads
// write()'s result, reads the buffer level, or passes its callback on; a "drain" listener outside the loop, an
// awaited write() and a write() callback do not make it wait.
import rule from "../../../rules/no-ignored-backpressure.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-ignored-backpressure", rule, {
  valid: [
    // ---- waiting for "drain" --------------------------------------------------------------------
    {
      name: "a loop that awaits a library's drain helper before each batch is not reported",
      code: `
import type { Writable } from "node:stream";
declare function waitDrain(stream: Writable): Promise<void>;
export async function dump(batches: AsyncIterable<string[]>, out: Writable): Promise<void> {
  for await (const batch of batches) {
    await waitDrain(out);
    for (const line of batch) out.write(line + "\\n");
  }
}
`,
    },
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
    // ---- reading the buffer level ---------------------------------------------------------------
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
      name: "writableNeedDrain read in the enclosing loop stops after each command: not reported [evaluation F6]",
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
    // ---- the result of write() kept or used -----------------------------------------------------
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
    // ---- callbacks ------------------------------------------------------------------------------
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
      name: "a _writev-style batch that passes its callback to the last write() is not reported: the upstream waits [evaluation F5]",
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
  ],
  invalid: [
    {
      name: "a loop that awaits other work before each batch, named for no drain, is reported",
      code: `
import type { Writable } from "node:stream";
declare function waitTurn(stream: Writable): Promise<void>;
export async function dump(batches: AsyncIterable<string[]>, out: Writable): Promise<void> {
  for await (const batch of batches) {
    await waitTurn(out);
    for (const line of batch) out.write(line + "\\n");
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 7,
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
declare function waitTurn(stream: Writable): Promise<void>;
export async function dump(batches: AsyncIterable<string[]>, out: Writable): Promise<void> {
  for await (const batch of batches) {
    await waitTurn(out);
    for (const line of batch) if (out.write(line + "\\n") === false) await waitForDrain(out);
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
      name: "`await s.write(c)` awaits a boolean, not the drain",
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
  ],
});
