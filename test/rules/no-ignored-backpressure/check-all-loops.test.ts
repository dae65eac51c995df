// no-ignored-backpressure: loops over data the process already holds are not reported by default; the checkAllLoops
// option (on in `strict`) reports them, in every form of loop and wherever the loop is.
import rule from "../../../rules/no-ignored-backpressure.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-ignored-backpressure", rule, {
  valid: [
    {
      name: "a loop over headers already in memory, in an async function, is not reported by default [evaluation F7a]",
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
      name: "a synchronous loop printing data the process already holds is not reported by default [evaluation F7b]",
      code: `
export function printTree(titles: readonly string[]): void {
  for (const title of titles) process.stdout.write(\`\${title}\\n\`);
}
`,
    },
    {
      name: "one progress line per iteration of a loop paced by other awaited work is not reported by default [evaluation F7c]",
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
      name: "a value awaited before the loop is held data, written once per item: not reported by default [evaluation F7c]",
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
      name: "checkAllLoops: log lines to stdout and through a logger, one per item or per step of awaited work",
      options: [{ checkAllLoops: true }],
      code: `
class Logger {
  constructor(private readonly stream: NodeJS.WritableStream) {}
  info(message: string): void {
    this.stream.write(\`\${message}\\n\`);
  }
}
export async function clean(logger: Logger, paths: readonly string[], remove: (path: string) => Promise<void>) {
  for (const path of paths) {
    process.stdout.write(\`deleting \${path}\\n\`);
    await remove(path);
    logger.info(\`deleted \${path} (\${paths.length} in all)\`);
  }
}
`,
    },
    {
      name: "checkAllLoops: a forEach over the entries of HTTP headers writes a handful of lines",
      options: [{ checkAllLoops: true }],
      code: `
import type { OutgoingHttpHeaders } from "node:http";
import type { Socket } from "node:net";
export function writeHead(sock: Socket, headers: OutgoingHttpHeaders): void {
  Object.entries(headers).forEach(([name, value]) => {
    sock.write(\`\${name}: \${String(value)}\\r\\n\`);
  });
}
`,
    },
    {
      name: "checkAllLoops: a loop over a constant list written out in the code",
      options: [{ checkAllLoops: true }],
      code: `
import type { Socket } from "node:net";
const GREETING = ["220 ready", "250 ok"];
export function greet(sock: Socket): void {
  for (const line of GREETING) sock.write(line + "\\r\\n");
}
`,
    },
  ],
  invalid: [
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
      name: "checkAllLoops: rows of data written to stdout, one per item, are no log lines",
      options: [{ checkAllLoops: true }],
      code: `
export function dump(rows: readonly { id: number; name: string }[]): void {
  for (const row of rows) process.stdout.write(JSON.stringify(row) + "\\n");
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 3,
          data: { write: "process.stdout.write()", where: "in a loop", stream: "process.stdout" },
          suggestions: [],
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
      name: "two writes of data in one loop: each is reported with its own suggestion",
      options: [{ checkAllLoops: true }],
      code: `
import type { Socket } from "node:net";
export async function send(sock: Socket, rows: [string, string][]) {
  for (const [name, value] of rows) {
    sock.write(name);
    sock.write(value);
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
export async function send(sock: Socket, rows: [string, string][]) {
  for (const [name, value] of rows) {
    if (sock.write(name) === false) await waitForDrain(sock);
    sock.write(value);
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
export async function send(sock: Socket, rows: [string, string][]) {
  for (const [name, value] of rows) {
    sock.write(name);
    if (sock.write(value) === false) await waitForDrain(sock);
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
