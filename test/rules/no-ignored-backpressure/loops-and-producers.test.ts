// no-ignored-backpressure: writes that repeat while a producer feeds them are reported by default: in a `for await`
// loop or any loop inside one, and in a loop that writes what it awaits; a single write, a write in a helper the
// loop calls, and a write that leaves the loop or goes to a stream made afresh in each iteration are not.
import rule from "../../../rules/no-ignored-backpressure.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-ignored-backpressure", rule, {
  valid: [
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
      name: "a stream created afresh in each iteration gets one write",
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
      name: "a write followed by `return` in its block leaves the loop: it does not repeat",
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
  ],
  invalid: [
    {
      name: "a separator written beside streamed data in the same loop is not reported: only the data write is",
      code: `
import type { Writable } from "node:stream";
export async function print(events: AsyncIterable<{ delta: string; first: boolean }>, out: Writable): Promise<void> {
  for await (const event of events) {
    if (event.first) out.write("assistant> ");
    out.write(event.delta);
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
export async function print(events: AsyncIterable<{ delta: string; first: boolean }>, out: Writable): Promise<void> {
  for await (const event of events) {
    if (event.first) out.write("assistant> ");
    if (out.write(event.delta) === false) await waitForDrain(out);
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
      name: "a fixed text written alone once per streamed event is still reported: it grows with the events",
      code: `
import type { Writable } from "node:stream";
export async function dots(events: AsyncIterable<unknown>, out: Writable): Promise<void> {
  for await (const _ of events) out.write(".");
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
export async function dots(events: AsyncIterable<unknown>, out: Writable): Promise<void> {
  for await (const _ of events) if (out.write(".") === false) await waitForDrain(out);
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
      name: "a while loop copying what it awaits from a reader is reported [evaluation TP: hono's Lambda adapter]",
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
  ],
});
