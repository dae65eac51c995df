// no-shutdown-before-flush: announcing completion (a promise's resolve(), the function's completion callback) right
// after end(), before the stream emitted "finish", and the shapes that announce after the flush or not at all.
import rule from "../../../rules/no-shutdown-before-flush.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
    {
      name: "resolve passed as the end callback announces after the flush",
      code: `
import type { Writable } from "node:stream";
export function save(out: Writable, data: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    out.on("error", reject);
    out.end(data, resolve);
  });
}
`,
    },
    {
      name: "resolve from a 'finish' listener announces after the flush",
      code: `
import type { Writable } from "node:stream";
export function save(out: Writable, data: string): Promise<void> {
  return new Promise((resolve) => {
    out.on("finish", resolve);
    out.end(data);
  });
}
`,
    },
    {
      name: "the completion callback after await finished()",
      code: `
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
export async function save(out: Writable, data: string, callback: () => void) {
  out.end(data);
  await finished(out);
  callback();
}
`,
    },
    {
      name: "next() after res.end() passes control on (Express middleware) and announces nothing",
      code: `
import type { IncomingMessage, ServerResponse } from "node:http";
export function handle(_req: IncomingMessage, res: ServerResponse, next: () => void) {
  res.end("ok");
  next();
}
`,
    },
    {
      name: "reject() after end() announces no success",
      code: `
import type { Writable } from "node:stream";
export function save(out: Writable, data: string): Promise<void> {
  return new Promise((_resolve, reject) => {
    out.end(data);
    reject(new Error("cancelled"));
  });
}
`,
    },
    {
      name: "Express-style middleware: `res.end(); next();` passes control on, it announces nothing",
      code: `
import type { IncomingMessage, ServerResponse } from "node:http";
export function middleware(req: IncomingMessage, res: ServerResponse, next: () => void) {
  res.end(req.url);
  next();
}
`,
    },
    {
      name: "`resolve(received)` after end() hands over a value, it announces no flush",
      code: `
import type { Socket } from "node:net";
export function exchange(peer: Socket, received: Buffer): Promise<Buffer> {
  return new Promise((resolve) => {
    peer.end();
    resolve(received);
  });
}
`,
    },
    {
      name: "resolve() after end() in a promise the function awaits, before it waits on the stream itself, announces nothing [evaluation F9]",
      code: `
import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
export async function render(handler: (out: PassThrough, next: () => void) => void): Promise<Buffer[]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await new Promise<void>((resolve) => {
    handler(out, () => {
      out.end();
      resolve();
    });
  });
  await finished(out);
  return chunks;
}
`,
    },
    {
      name: "resolve after a bare end() of the response a server callback was handed, with nothing written to it",
      code: `
import http from "node:http";
export function serveOnce(): Promise<void> {
  return new Promise<void>((done) => {
    const server = http.createServer((req, res) => {
      res.end();
      server.close();
      done();
    });
    server.listen(8080);
  });
}
`,
    },
    {
      name: "resolve after ending a response with a status text from Node's table, nothing else written",
      code: `
import http from "node:http";
import net from "node:net";
export function forward(response: http.ServerResponse, port: number): Promise<void> {
  return new Promise((resolve) => {
    const client = net.connect(port);
    client.on("error", () => {
      response.statusCode = 502;
      response.setHeader("content-type", "text/plain");
      response.end(http.STATUS_CODES[response.statusCode]);
      resolve();
    });
  });
}
`,
    },
    {
      name: "resolve after ending a response with a body handed in: Node keeps sending an ended response",
      code: `
import http from "node:http";
import net from "node:net";
export function forwardBody(response: http.ServerResponse, port: number, body: string): Promise<void> {
  return new Promise((resolve) => {
    const client = net.connect(port);
    client.on("error", () => {
      response.end(body);
      resolve();
    });
  });
}
`,
    },
    {
      name: "resolve after writing and ending the response a server callback was handed: Node keeps sending it",
      code: `
import http from "node:http";
export function serveOnce(page: string): Promise<void> {
  return new Promise<void>((done) => {
    const server = http.createServer((req, res) => {
      res.write(page);
      res.end();
      done();
    });
    server.listen(8080);
  });
}
`,
    },
    {
      name: "cleanup in the 'close' listener of a stream: ending it or the streams it was made from, then resolve()",
      code: `
import { PassThrough, type Duplex, type Readable } from "node:stream";
declare function pumpify(streams: (Readable | Duplex)[]): Duplex;
export function drain(source: Readable): Promise<void> {
  return new Promise((resolve) => {
    const second = new PassThrough({ objectMode: true });
    const third = new PassThrough({ objectMode: true });
    const together = pumpify([source, second, third]);
    together.on("close", () => {
      third.end();
      together.end();
      resolve();
    });
  });
}
`,
    },
  ],
  invalid: [
    {
      name: "announce: resolve() right after end() in a promise executor",
      code: `
import type { Writable } from "node:stream";
export function save(out: Writable, data: string): Promise<void> {
  return new Promise((resolve) => {
    out.end(data);
    resolve();
  });
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 6,
          data: { shutdown: "resolve()", write: "out.end()", line: 5, stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "ending a stream in the 'close' listener of another it was not made from, then resolve(), announces too early",
      code: `
import { PassThrough, type Duplex, type Readable } from "node:stream";
declare function pumpify(streams: (Readable | Duplex)[]): Duplex;
export function drain(source: Readable): Promise<void> {
  return new Promise((resolve) => {
    const second = new PassThrough({ objectMode: true });
    const third = new PassThrough({ objectMode: true });
    const together = pumpify([source, second, third]);
    source.on("close", () => {
      third.end();
      together.end();
      resolve();
    });
  });
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 12,
          data: { shutdown: "resolve()", write: "together.end()", line: 11, stream: "together" },
          suggestions: [],
        },
      ],
    },
    {
      name: "announce: resolve() in a function-expression executor after write and end",
      code: `
import type { Writable } from "node:stream";
export function save(out: Writable, data: string): Promise<void> {
  return new Promise(function (resolve) {
    out.write(data);
    out.end();
    resolve();
  });
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 7,
          data: { shutdown: "resolve()", write: "out.end()", line: 6, stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "announce: resolve() outside the end callback is still too early",
      code: `
import type { Writable } from "node:stream";
export function save(out: Writable, data: string): Promise<void> {
  return new Promise((resolve) => {
    out.end(data, () => console.debug("flushed"));
    resolve();
  });
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 6,
          data: { shutdown: "resolve()", write: "out.end()", line: 5, stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "announce: the completion callback right after end()",
      code: `
import type { Writable } from "node:stream";
export function save(out: Writable, data: string, callback: (error?: Error) => void) {
  out.end(data);
  callback();
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 5,
          data: { shutdown: "callback()", write: "out.end()", line: 4, stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "announce: an arrow function's error-first callback with null",
      code: `
import type { Writable } from "node:stream";
export const save = (out: Writable, data: string, done: (error: Error | null) => void) => {
  out.write(data);
  out.end();
  done(null);
};
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 6,
          data: { shutdown: "done(null)", write: "out.end()", line: 5, stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "`ws.end(data); done();` announces success before the flush",
      code: `
import type { Writable } from "node:stream";
export function finish(ws: Writable, data: string, done: () => void) {
  ws.end(data);
  done();
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 5,
          data: { shutdown: "done()", write: "ws.end()", line: 4, stream: "ws" },
          suggestions: [],
        },
      ],
    },
    {
      name: "a bare `resolve()` right after end() announces success before the flush",
      code: `
import type { Writable } from "node:stream";
export function close(ws: Writable, d: string): Promise<void> {
  return new Promise((resolve) => {
    ws.end(d);
    resolve();
  });
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 6,
          data: { shutdown: "resolve()", write: "ws.end()", line: 5, stream: "ws" },
          suggestions: [],
        },
      ],
    },
    {
      name: "`cb(null)` right after end() announces success before the flush",
      code: `
import type { Writable } from "node:stream";
export function closeWith(ws: Writable, d: string, cb: (err: Error | null) => void) {
  ws.end(d);
  cb(null);
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 5,
          data: { shutdown: "cb(null)", write: "ws.end()", line: 4, stream: "ws" },
          suggestions: [],
        },
      ],
    },
  ],
});
