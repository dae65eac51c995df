// no-ignored-backpressure: the waitForDrain and pauseSource suggestions: where each is offered, the imports and the
// helper they add (reusing, merging or aliasing what the file has), the file's style, and JavaScript files.
import rule from "../../../rules/no-ignored-backpressure.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

/** `text` with CRLF line endings. */
const crlf = (text: string): string => text.replaceAll("\n", "\r\n");

ruleTester.run("no-ignored-backpressure", rule, {
  valid: [
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
      name: "JavaScript (.mjs): the write waits for drain",
      filename: "file.mjs",
      code: `
import { once } from "node:events";
import { createWriteStream } from "node:fs";
const out = createWriteStream("out.txt");
for (const line of process.argv.slice(2)) {
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
  ],
  invalid: [
    // ---- where each suggestion is offered -------------------------------------------------------
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
      name: 'no pauseSource for a "data" source that is an EventEmitter without pause()/resume()',
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
      name: 'no pauseSource for a "data" source that is a call: naming it twice would open two streams',
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
      name: "pauseSource is still offered for a Readable named by a plain path",
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
    // ---- the imports and the helper -------------------------------------------------------------
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
      name: "a stream named `drained` is handed to the helper, whose own `drained` is local to it",
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
      name: "in a file without imports, new imports go before the first function's JSDoc comment",
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
    // ---- the file's quotes, indentation and line endings ----------------------------------------
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
    // ---- JavaScript files -----------------------------------------------------------------------
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
for (const line of process.argv.slice(2)) {
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
for (const line of process.argv.slice(2)) {
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
for (const line of process.argv.slice(2)) {
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
  ],
});
