// no-shutdown-before-flush: destroy() or resetAndDestroy() of a Node stream after write() or end() loses what is still
// queued, on every kind of Node stream. Not reported: the shapes where Node is safe by itself, and a
// destroy that is meant: passing on an error, or a test's teardown after its assertions.
import rule from "../../../rules/no-shutdown-before-flush.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
    // ---- where Node is safe by itself -----------------------------------------------------------
    {
      name: "Node is safe: end() after write() flushes both",
      code: `
import type { ServerResponse } from "node:http";
export function handle(res: ServerResponse, a: string, b: string) {
  res.write(a);
  res.end(b);
}
`,
    },
    {
      name: "Node is safe: a bare end() at the end of a function flushes every earlier write",
      code: `
import type { Writable } from "node:stream";
export function writeRows(out: Writable, rows: string[]) {
  for (const row of rows) out.write(row + "\\n");
  out.end();
}
`,
    },
    {
      name: "Node is safe: destroySoon() waits for the write queue before destroying",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.write(data);
  sock.destroySoon();
}
`,
    },
    {
      name: "Node is safe: a pipeline that is awaited has flushed its last stream",
      code: `
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
export async function compress(data: string) {
  const out = createWriteStream("out.gz");
  await pipeline(Readable.from([data]), createGzip(), out);
  out.destroy();
}
`,
    },
    // ---- nothing written to the stream destroyed ------------------------------------------------
    {
      name: "destroying a different stream than the one written to",
      code: `
import type { Socket } from "node:net";
export function relay(from: Socket, to: Socket, data: Buffer) {
  to.write(data);
  from.destroy();
}
`,
    },
    {
      name: "a bare end() with nothing written in the function, then destroy(): no data to lose",
      code: `
import { request } from "node:http";
export function ping(path: string) {
  const req = request({ socketPath: path, method: "HEAD" });
  req.end();
  req.destroy();
}
`,
    },
    // ---- a status line of fixed size on a connected socket: the kernel took it, destroy() sends it
    {
      name: "an upgrade rejected with a literal status line, then destroy(): the kernel sends what it took",
      code: `
import type { Server } from "node:http";
export function guard(server: Server, isAllowed: (url?: string) => boolean) {
  server.on("upgrade", (req, socket) => {
    if (isAllowed(req.url)) return;
    socket.write("HTTP/1.1 400 Bad Request\\r\\n\\r\\n");
    socket.destroy();
  });
}
`,
    },
    {
      name: "an upgrade rejected with a status line carrying the request's HTTP version, then destroy()",
      code: `
import type { Server } from "node:http";
export function guard(server: Server, isAllowed: (url?: string) => boolean) {
  server.on("upgrade", (req, socket) => {
    if (isAllowed(req.url)) return;
    socket.write(\`HTTP/\${req.httpVersion} 403 Forbidden\\r\\n\\r\\n\`);
    socket.destroy();
  });
}
`,
    },
    {
      name: "a status line built from a number and a constant, then destroy()",
      code: `
import type { Socket } from "node:net";
const CRLF = "\\r\\n";
export function reject(socket: Socket, status: number) {
  socket.write(\`HTTP/1.1 \${status} Rejected\${CRLF}\${CRLF}\`);
  socket.end("Connection: close" + CRLF);
  socket.destroy();
}
`,
    },
    // ---- destroying on purpose: an error passed on, test teardown -------------------------------
    {
      name: "destroy(e) in a catch block fails the stream on purpose",
      code: `
import type { Writable } from "node:stream";
declare function transform(d: string): Promise<string>;
export async function convert(out: Writable, d: string) {
  try {
    out.write(await transform(d));
    out.end();
  } catch (e) {
    out.destroy(e as Error);
    throw e;
  }
}
`,
    },
    {
      name: "destroy(err) passing on the error the handler was given is not reported: the reader sees the failure [evaluation F11]",
      code: `
import type { ServerResponse } from "node:http";
export function failResponse(err: Error, res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
  res.end(\`Error: \${err.message}\`);
  res.destroy(err);
}
`,
    },
    {
      name: "destroy(err) with an error made from the one the handler was given is not reported [evaluation F11]",
      code: `
import type { ServerResponse } from "node:http";
export function handleResponseError(e: unknown, outgoing: ServerResponse): void {
  const err = e instanceof Error ? e : new Error("unknown error", { cause: e });
  outgoing.end(\`Error: \${err.message}\`);
  outgoing.destroy(err);
}
`,
    },
    {
      name: "destroy() in a catch block that throws again: the caller learns of the failure",
      code: `
import { once } from "node:events";
import type { WriteStream } from "node:fs";
export async function copy(out: WriteStream, source: AsyncIterable<Uint8Array>): Promise<void> {
  try {
    for await (const chunk of source) {
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
  } catch (error) {
    out.destroy();
    throw error;
  }
}
`,
    },
    {
      name: "a shutdown in a test's own callback after its assertions is teardown",
      code: `
import { connect } from "node:net";
declare function it(name: string, body: () => Promise<void>): void;
declare function expect(value: unknown): { toBe(expected: unknown): void };
it("counts the bytes written", async () => {
  const socket = connect(8080);
  socket.write("hello");
  expect(socket.bytesWritten).toBe(5);
  socket.destroy();
});
`,
    },
    {
      name: "a destroy() in a test's own callback before its assertions simulates a disconnect",
      code: `
import { connect } from "node:net";
declare function it(name: string, body: () => Promise<void>): void;
declare function expect(value: unknown): { toBe(expected: unknown): void };
it("aborts the upload when the client disconnects", async () => {
  const socket = connect(8080);
  socket.write("partial body");
  socket.destroy();
  expect(socket.destroyed).toBe(true);
});
`,
    },
  ],
  invalid: [
    // ---- net.Socket, tls.TLSSocket --------------------------------------------------------------
    {
      name: "write then destroy on a socket",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.write(data);
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 4, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              data: { shutdown: "sock.destroy()", write: "sock.write()", line: 4, stream: "sock" },
              output: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.write(data);
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "end then destroy on a socket",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.end(data);
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          data: { shutdown: "sock.destroy()", write: "sock.end()", line: 4, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              data: { stream: "sock" },
              output: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.end(data);
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "resetAndDestroy after write, in an async function: both suggestions",
      code: `
import type { Socket } from "node:net";
export async function refuse(sock: Socket) {
  sock.write("HTTP/1.1 503 Service Unavailable\\r\\n\\r\\n");
  sock.resetAndDestroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          data: { shutdown: "sock.resetAndDestroy()", write: "sock.write()", line: 4, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export async function refuse(sock: Socket) {
  sock.write("HTTP/1.1 503 Service Unavailable\\r\\n\\r\\n");
  sock.end(() => sock.resetAndDestroy());
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              data: { stream: "sock" },
              output: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export async function refuse(sock: Socket) {
  sock.write("HTTP/1.1 503 Service Unavailable\\r\\n\\r\\n");
  sock.end();
  await finished(sock, { readable: false });
  sock.resetAndDestroy();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "tls.TLSSocket: destroy(error) after write",
      code: `
import type { TLSSocket } from "node:tls";
export async function reply(sock: TLSSocket, body: string) {
  sock.write(body);
  sock.destroy(new Error("done"));
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          data: { shutdown: 'sock.destroy(new Error("done"))', write: "sock.write()", line: 4, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { TLSSocket } from "node:tls";
export async function reply(sock: TLSSocket, body: string) {
  sock.write(body);
  sock.end(() => sock.destroy(new Error("done")));
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import type { TLSSocket } from "node:tls";
import { finished } from "node:stream/promises";
export async function reply(sock: TLSSocket, body: string) {
  sock.write(body);
  sock.end();
  await finished(sock, { readable: false });
  sock.destroy(new Error("done"));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "net.Socket in a class field: this.sock.write then this.sock.destroy",
      code: `
import type { Socket } from "node:net";
export class Connection {
  constructor(private readonly sock: Socket) {}
  close(goodbye: string) {
    this.sock.write(goodbye);
    this.sock.destroy();
  }
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 7,
          data: { shutdown: "this.sock.destroy()", write: "this.sock.write()", line: 6, stream: "this.sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              data: { stream: "this.sock" },
              output: `
import type { Socket } from "node:net";
export class Connection {
  constructor(private readonly sock: Socket) {}
  close(goodbye: string) {
    this.sock.write(goodbye);
    this.sock.end(() => this.sock.destroy());
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "return sock.destroy(): no statement to wait before, so only the end callback is offered",
      code: `
import type { Socket } from "node:net";
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  return sock.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  return sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "writes once per item in forEach, then destroy()",
      code: `
import type { Socket } from "node:net";
export function sendAll(sock: Socket, items: readonly string[]): void {
  items.forEach((item) => sock.write(item));
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 4, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function sendAll(sock: Socket, items: readonly string[]): void {
  items.forEach((item) => sock.write(item));
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "destroy(new Error(...)) outside a catch block still loses the write",
      code: `
import type { Socket } from "node:net";
export function timeOut(sock: Socket, x: string) {
  sock.write(x);
  sock.destroy(new Error("timeout"));
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          data: { shutdown: 'sock.destroy(new Error("timeout"))', write: "sock.write()", line: 4, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function timeOut(sock: Socket, x: string) {
  sock.write(x);
  sock.end(() => sock.destroy(new Error("timeout")));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a status line and then a body handed in, then destroy(): the body may not fit the kernel's buffer",
      code: `
import type { Socket } from "node:net";
export function reject(socket: Socket, body: string) {
  socket.write("HTTP/1.1 400 Bad Request\\r\\n\\r\\n");
  socket.write(body);
  socket.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 6,
          data: { shutdown: "socket.destroy()", write: "socket.write()", line: 5, stream: "socket" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              data: { shutdown: "socket.destroy()", write: "socket.write()", line: 5, stream: "socket" },
              output: `
import type { Socket } from "node:net";
export function reject(socket: Socket, body: string) {
  socket.write("HTTP/1.1 400 Bad Request\\r\\n\\r\\n");
  socket.write(body);
  socket.end(() => socket.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a status line carrying a project's text field, then destroy(): the field may be a body",
      code: `
import type { Socket } from "node:net";
export function reject(socket: Socket, result: { error: string }) {
  socket.write(\`HTTP/1.1 400 Bad Request\\r\\n\\r\\n\${result.error}\`);
  socket.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          data: { shutdown: "socket.destroy()", write: "socket.write()", line: 4, stream: "socket" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              data: { shutdown: "socket.destroy()", write: "socket.write()", line: 4, stream: "socket" },
              output: `
import type { Socket } from "node:net";
export function reject(socket: Socket, result: { error: string }) {
  socket.write(\`HTTP/1.1 400 Bad Request\\r\\n\\r\\n\${result.error}\`);
  socket.end(() => socket.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a status line written in a loop, then destroy(): the number of writes is not fixed",
      code: `
import type { Socket } from "node:net";
export function reject(socket: Socket, names: string[]) {
  for (const name of names) socket.write("X-Rejected: 1\\r\\n");
  socket.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          data: { shutdown: "socket.destroy()", write: "socket.write()", line: 4, stream: "socket" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              data: { shutdown: "socket.destroy()", write: "socket.write()", line: 4, stream: "socket" },
              output: `
import type { Socket } from "node:net";
export function reject(socket: Socket, names: string[]) {
  for (const name of names) socket.write("X-Rejected: 1\\r\\n");
  socket.end(() => socket.destroy());
}
`,
            },
          ],
        },
      ],
    },
    // ---- http, http2 ----------------------------------------------------------------------------
    {
      name: "http ServerResponse: res.end(body) then res.socket!.destroy()",
      code: `
import type { IncomingMessage, ServerResponse } from "node:http";
export function handle(_req: IncomingMessage, res: ServerResponse, body: Buffer) {
  res.end(body);
  res.socket!.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          data: { shutdown: "res.socket!.destroy()", write: "res.end()", line: 4, stream: "res" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              data: { stream: "res" },
              output: `
import type { IncomingMessage, ServerResponse } from "node:http";
export function handle(_req: IncomingMessage, res: ServerResponse, body: Buffer) {
  res.end(body);
  res.end(() => res.socket!.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "http ServerResponse: res.socket?.destroy() in an async handler; finished(res) needs no readable: false",
      code: `
import type { ServerResponse } from "node:http";
export async function handle(res: ServerResponse, body: Buffer) {
  res.end(body);
  res.socket?.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          data: { shutdown: "res.socket?.destroy()", write: "res.end()", line: 4, stream: "res" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { ServerResponse } from "node:http";
export async function handle(res: ServerResponse, body: Buffer) {
  res.end(body);
  res.end(() => res.socket?.destroy());
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              data: { stream: "res" },
              output: `
import type { ServerResponse } from "node:http";
import { finished } from "node:stream/promises";
export async function handle(res: ServerResponse, body: Buffer) {
  res.end(body);
  res.end();
  await finished(res);
  res.socket?.destroy();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "http ServerResponse: res.destroy() after res.end(body) in a server callback",
      code: `
import { createServer } from "node:http";
export const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(process.env));
  res.destroy();
});
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 6,
          data: { shutdown: "res.destroy()", write: "res.end()", line: 5, stream: "res" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import { createServer } from "node:http";
export const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(process.env));
  res.end(() => res.destroy());
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "http ClientRequest: write then destroy",
      code: `
import { request } from "node:http";
export function post(body: string) {
  const req = request("http://localhost:8080/upload", { method: "POST" });
  req.write(body);
  req.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 6,
          data: { shutdown: "req.destroy()", write: "req.write()", line: 5, stream: "req" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import { request } from "node:http";
export function post(body: string) {
  const req = request("http://localhost:8080/upload", { method: "POST" });
  req.write(body);
  req.end(() => req.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "http2 server stream: end then destroy",
      code: `
import type { ServerHttp2Stream } from "node:http2";
export function respond(stream: ServerHttp2Stream, body: string) {
  stream.respond({ ":status": 200 });
  stream.end(body);
  stream.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 6,
          data: { shutdown: "stream.destroy()", write: "stream.end()", line: 5, stream: "stream" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { ServerHttp2Stream } from "node:http2";
export function respond(stream: ServerHttp2Stream, body: string) {
  stream.respond({ ":status": 200 });
  stream.end(body);
  stream.end(() => stream.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "http2 client request stream: write then destroy, async: finished() with readable: false",
      code: `
import { connect } from "node:http2";
export async function upload(body: string) {
  const session = connect("https://localhost:8443");
  const req = session.request({ ":method": "POST" });
  req.write(body);
  req.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 7,
          data: { shutdown: "req.destroy()", write: "req.write()", line: 6, stream: "req" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import { connect } from "node:http2";
export async function upload(body: string) {
  const session = connect("https://localhost:8443");
  const req = session.request({ ":method": "POST" });
  req.write(body);
  req.end(() => req.destroy());
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import { connect } from "node:http2";
import { finished } from "node:stream/promises";
export async function upload(body: string) {
  const session = connect("https://localhost:8443");
  const req = session.request({ ":method": "POST" });
  req.write(body);
  req.end();
  await finished(req, { readable: false });
  req.destroy();
}
`,
            },
          ],
        },
      ],
    },
    // ---- zlib, child.stdin, PassThrough, Transform ----------------------------------------------
    {
      name: "zlib: gzip.end then gzip.destroy",
      code: `
import { createGzip } from "node:zlib";
export async function compress(data: Buffer) {
  const gzip = createGzip();
  gzip.end(data);
  gzip.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 6,
          data: { shutdown: "gzip.destroy()", write: "gzip.end()", line: 5, stream: "gzip" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import { createGzip } from "node:zlib";
export async function compress(data: Buffer) {
  const gzip = createGzip();
  gzip.end(data);
  gzip.end(() => gzip.destroy());
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import { createGzip } from "node:zlib";
import { finished } from "node:stream/promises";
export async function compress(data: Buffer) {
  const gzip = createGzip();
  gzip.end(data);
  gzip.end();
  await finished(gzip);
  gzip.destroy();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "child_process: child.stdin.write then child.stdin.destroy",
      code: `
import { spawn } from "node:child_process";
export function feed(input: string) {
  const child = spawn("sort");
  child.stdin.write(input);
  child.stdin.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 6,
          data: {
            shutdown: "child.stdin.destroy()",
            write: "child.stdin.write()",
            line: 5,
            stream: "child.stdin",
          },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              data: { stream: "child.stdin" },
              output: `
import { spawn } from "node:child_process";
export function feed(input: string) {
  const child = spawn("sort");
  child.stdin.write(input);
  child.stdin.end(() => child.stdin.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "PassThrough: write then destroy",
      code: `
import { PassThrough } from "node:stream";
export function wrap(data: string) {
  const pass = new PassThrough();
  pass.write(data);
  pass.destroy();
  return pass;
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 6,
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import { PassThrough } from "node:stream";
export function wrap(data: string) {
  const pass = new PassThrough();
  pass.write(data);
  pass.end(() => pass.destroy());
  return pass;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "Transform: end then destroy",
      code: `
import { Transform } from "node:stream";
export function make(data: string) {
  const t = new Transform({
    transform(chunk, _encoding, callback) {
      callback(null, chunk);
    },
  });
  t.end(data);
  t.destroy();
  return t;
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 10,
          data: { shutdown: "t.destroy()", write: "t.end()", line: 9, stream: "t" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import { Transform } from "node:stream";
export function make(data: string) {
  const t = new Transform({
    transform(chunk, _encoding, callback) {
      callback(null, chunk);
    },
  });
  t.end(data);
  t.end(() => t.destroy());
  return t;
}
`,
            },
          ],
        },
      ],
    },
    // ---- the finished import in the suggestion --------------------------------------------------
    {
      name: "suggestion reuses an existing, renamed finished import",
      code: `
import type { Socket } from "node:net";
import { finished as flushed } from "node:stream/promises";
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  sock.destroy();
  await flushed(sock);
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 6,
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
import { finished as flushed } from "node:stream/promises";
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  sock.end(() => sock.destroy());
  await flushed(sock);
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import type { Socket } from "node:net";
import { finished as flushed } from "node:stream/promises";
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  sock.end();
  await flushed(sock, { readable: false });
  sock.destroy();
  await flushed(sock);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "suggestion imports finished under another name when the file declares finished",
      code: `
import type { Socket } from "node:net";
const finished = new WeakSet<Socket>();
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  finished.add(sock);
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 7,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 5, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
const finished = new WeakSet<Socket>();
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  finished.add(sock);
  sock.end(() => sock.destroy());
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import type { Socket } from "node:net";
import { finished as streamFinished } from "node:stream/promises";
const finished = new WeakSet<Socket>();
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  finished.add(sock);
  sock.end();
  await streamFinished(sock, { readable: false });
  sock.destroy();
}
`,
            },
          ],
        },
      ],
    },
    // ---- JavaScript files -----------------------------------------------------------------------
    {
      name: "CommonJS: require('node:net'), write then destroy in a plain function",
      filename: "file.cjs",
      code: `
const net = require("node:net");
function send(port, data) {
  const sock = net.connect(port);
  sock.write(data);
  sock.destroy();
}
module.exports = { send };
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 6,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 5, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
const net = require("node:net");
function send(port, data) {
  const sock = net.connect(port);
  sock.write(data);
  sock.end(() => sock.destroy());
}
module.exports = { send };
`,
            },
          ],
        },
      ],
    },
    {
      name: "CommonJS: in an async function the suggestion requires finished",
      filename: "file.cjs",
      code: `
const net = require("node:net");
async function send(port, data) {
  const sock = net.connect(port);
  sock.write(data);
  sock.destroy();
}
module.exports = { send };
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 6,
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
const net = require("node:net");
async function send(port, data) {
  const sock = net.connect(port);
  sock.write(data);
  sock.end(() => sock.destroy());
}
module.exports = { send };
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
const net = require("node:net");
const { finished } = require("node:stream/promises");
async function send(port, data) {
  const sock = net.connect(port);
  sock.write(data);
  sock.end();
  await finished(sock, { readable: false });
  sock.destroy();
}
module.exports = { send };
`,
            },
          ],
        },
      ],
    },
    {
      name: "ES module JavaScript: top-level write then destroy, top-level await offered",
      filename: "file.mjs",
      code: `
import { createWriteStream } from "node:fs";
const out = createWriteStream("out.log");
out.write(process.argv.join(" "));
out.destroy();
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 5,
          data: { shutdown: "out.destroy()", write: "out.write()", line: 4, stream: "out" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import { createWriteStream } from "node:fs";
const out = createWriteStream("out.log");
out.write(process.argv.join(" "));
out.end(() => out.destroy());
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
const out = createWriteStream("out.log");
out.write(process.argv.join(" "));
out.end();
await finished(out);
out.destroy();
`,
            },
          ],
        },
      ],
    },
    // ---- tests ----------------------------------------------------------------------------------
    {
      name: "a destroy() in a helper that a test calls is reported like any other",
      code: `
import { connect } from "node:net";
declare function it(name: string, body: () => Promise<void>): void;
async function sendGreeting(port: number): Promise<void> {
  const socket = connect(port);
  socket.write("hello");
  socket.destroy();
}
it("sends a greeting", async () => {
  await sendGreeting(8080);
});
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 7,
          data: { shutdown: "socket.destroy()", write: "socket.write()", line: 6, stream: "socket" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import { connect } from "node:net";
declare function it(name: string, body: () => Promise<void>): void;
async function sendGreeting(port: number): Promise<void> {
  const socket = connect(port);
  socket.write("hello");
  socket.end(() => socket.destroy());
}
it("sends a greeting", async () => {
  await sendGreeting(8080);
});
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import { connect } from "node:net";
import { finished } from "node:stream/promises";
declare function it(name: string, body: () => Promise<void>): void;
async function sendGreeting(port: number): Promise<void> {
  const socket = connect(port);
  socket.write("hello");
  socket.end();
  await finished(socket, { readable: false });
  socket.destroy();
}
it("sends a greeting", async () => {
  await sendGreeting(8080);
});
`,
            },
          ],
        },
      ],
    },
  ],
});
