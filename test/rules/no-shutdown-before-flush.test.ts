import rule from "../../rules/no-shutdown-before-flush.js";
import { createRuleTester } from "../rule-tester.js";

const ruleTester = createRuleTester();

/** A string literal of `length` characters: the stdout/stderr exemption stops at 4 KiB. */
const literalOf = (length: number): string => `"${"x".repeat(length)}"`;

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

    // ---- waiting before the shutdown ------------------------------------------------------------
    {
      name: "await finished(s) after end() waits for the data to leave",
      code: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  sock.end();
  await finished(sock, { readable: false });
  sock.destroy();
}
`,
    },
    {
      name: "await once(s, 'finish') waits",
      code: `
import { once } from "node:events";
import type { Socket } from "node:net";
export async function send(sock: Socket, data: Buffer) {
  sock.end(data);
  await once(sock, "finish");
  sock.destroy();
}
`,
    },
    {
      name: "await once(s, 'close') waits, and resetAndDestroy() after it is fine",
      code: `
import { once } from "node:events";
import type { Socket } from "node:net";
export async function send(sock: Socket, data: Buffer) {
  sock.end(data);
  await once(sock, "close");
  sock.resetAndDestroy();
}
`,
    },
    {
      name: "await once(s, 'drain') after the write waits for the buffer to empty",
      code: `
import { once } from "node:events";
import type { Socket } from "node:net";
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  await once(sock, "drain");
  sock.destroy();
}
`,
    },
    {
      name: "await finished(s) on both branches waits on every path",
      code: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, data: Buffer, compact: boolean) {
  if (compact) {
    sock.end(data.subarray(0, 16));
    await finished(sock, { readable: false });
  } else {
    sock.end(data);
    await finished(sock, { readable: false });
  }
  sock.destroy();
}
`,
    },
    {
      name: "an awaited promise around end(data, resolve) waits",
      code: `
import type { Socket } from "node:net";
export async function send(sock: Socket, data: Buffer) {
  await new Promise<void>((resolve) => sock.end(data, resolve));
  sock.destroy();
}
`,
    },
    {
      name: "code inside the end(data, cb) callback runs after the flush",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.end(data, () => {
    sock.destroy();
  });
}
`,
    },
    {
      name: "code inside the write(data, cb) callback runs after the chunk was handed on",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.write(data, () => {
    sock.destroy();
  });
}
`,
    },
    {
      name: "code inside a 'finish' listener runs after the flush",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.on("finish", () => sock.destroy());
  sock.end(data);
}
`,
    },
    {
      name: "process.exit() inside a 'close' listener of a file stream",
      code: `
import { createWriteStream } from "node:fs";
const out = createWriteStream("report.json");
out.end(JSON.stringify(process.env));
out.on("close", () => process.exit(0));
`,
    },
    {
      name: "the shutdown is on a path that did not write: return before destroy",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer | undefined) {
  if (data) {
    sock.write(data);
    return;
  }
  sock.destroy();
}
`,
    },
    {
      name: "the shutdown is on a path that did not write: throw before destroy",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  if (data.length > 0) {
    sock.write(data);
    throw new Error("unexpected data");
  }
  sock.destroy();
}
`,
    },
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
      name: "try/catch: destroy only when the awaited finish failed",
      code: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, data: Buffer) {
  try {
    sock.end(data);
    await finished(sock, { readable: false });
  } catch {
    sock.destroy();
  }
}
`,
    },

    // ---- announcing completion at the right time ------------------------------------------------
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

    // ---- process exit ---------------------------------------------------------------------------
    {
      name: "process.exitCode instead of process.exit() lets stdout drain",
      code: `
process.stdout.write(JSON.stringify(process.env));
process.exitCode = 1;
`,
    },
    {
      name: "process.exit() in the stdout write callback",
      code: `
process.stdout.write(JSON.stringify(process.env), () => process.exit(1));
`,
    },
    {
      name: "console.log() then an empty stdout write whose callback exits: writes complete in order",
      code: `
console.log(process.env);
process.stdout.write("", () => process.exit(0));
`,
    },
    {
      name: "process.exit() in a signal listener is another function",
      code: `
process.stdout.write(JSON.stringify(process.env));
process.on("SIGINT", () => process.exit(130));
`,
    },
    {
      name: "Node is safe: a short string literal to console.log then exit (the kernel takes it at once)",
      code: `
console.log("usage: tool <file>");
process.exit(2);
`,
    },
    {
      name: "Node is safe: a template literal without substitutions to console.error then exit",
      code: `
console.error(\`missing argument\`);
process.exit(1);
`,
    },
    {
      name: "Node is safe: process.stdout.write of a literal then exit",
      code: `
process.stdout.write("done\\n");
process.exit(0);
`,
    },
    {
      name: "Node is safe: string and number literals to stderr then exit",
      code: `
process.stderr.write("exit code ");
console.error("code", 42);
process.exit(3);
`,
    },
    {
      name: "Node is safe: a literal of 4095 characters to stdout is still small",
      code: `
process.stdout.write(${literalOf(4095)});
process.exit(0);
`,
    },
    {
      name: "awaited fs.promises.writeFile then exit",
      code: `
import { writeFile } from "node:fs/promises";
await writeFile("out.json", JSON.stringify(process.env));
process.exit(0);
`,
    },
    {
      name: "writeFile calls inside an awaited Promise.all then exit",
      code: `
import { writeFile } from "node:fs/promises";
await Promise.all([writeFile("a.txt", "a"), writeFile("b.txt", "b")]);
process.exit(0);
`,
    },
    {
      name: "FileHandle: one unawaited write followed by close() loses nothing",
      code: `
import { open } from "node:fs/promises";
const fh = await open("out.bin", "w");
fh.write(Buffer.alloc(8 << 20));
fh.close();
`,
    },
    {
      name: "FileHandle: one unawaited write followed by exit loses nothing (it is in the thread pool)",
      code: `
import { open } from "node:fs/promises";
const fh = await open("out.bin", "w");
fh.write(Buffer.alloc(8 << 20));
process.exit(0);
`,
    },
    {
      name: "FileHandle: a loop of writes followed by await fh.close() then exit",
      code: `
import { open } from "node:fs/promises";
const fh = await open("out.bin", "w");
for (let i = 0; i < 8; i++) fh.write(Buffer.alloc(1 << 20));
await fh.close();
process.exit(0);
`,
    },

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

    // ---- other platforms, other types -----------------------------------------------------------
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

    // ---- JavaScript files -----------------------------------------------------------------------
    {
      name: "CommonJS: destroy inside the end callback",
      filename: "file.cjs",
      code: `
const net = require("node:net");
function send(port, data) {
  const sock = net.connect(port);
  sock.end(data, () => sock.destroy());
}
module.exports = { send };
`,
    },
    {
      name: "ES module JavaScript: await finished() before exit",
      filename: "file.mjs",
      code: `
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
const out = createWriteStream("out.log");
out.end(process.argv.join(" "));
await finished(out);
process.exit(0);
`,
    },

    // ---- regressions: fixes from the rule reviews -----------------------------------------------
    {
      name: "regression: one short literal to stdout before process.exit() outside a loop is still exempt",
      code: `
console.log("usage");
process.exit(2);
`,
    },
    {
      name: "regression: a single unawaited fh.write() is in the thread pool already and survives process.exit()",
      code: `
import type { FileHandle } from "node:fs/promises";
export function dump(fh: FileHandle, buf: Buffer) {
  fh.write(buf);
  process.exit(0);
}
`,
    },
    {
      name: "regression: ES module JavaScript: `writeFile(...).then(process.exit)` exits once the write is done",
      filename: "file.mjs",
      code: `
import { writeFile } from "node:fs/promises";
export function save(d) {
  writeFile("o.json", d).then(process.exit);
}
`,
    },
    {
      name: "regression: `writeFile(...).finally(process.exit)` exits once the write is done",
      code: `
import { writeFile } from "node:fs/promises";
export function save(d: string) {
  writeFile("o.json", d).finally(process.exit);
}
`,
    },
    {
      name: "regression: a write kept in a variable and awaited before process.exit()",
      code: `
import { writeFile } from "node:fs/promises";
export async function save(p: string, d: string) {
  const saving = writeFile(p, d);
  await saving;
  process.exit(0);
}
`,
    },
    {
      name: "regression: writes pushed into an array in a loop and awaited with Promise.all before process.exit()",
      code: `
import { writeFile } from "node:fs/promises";
export async function saveAll(names: string[], d: string) {
  const jobs: Promise<void>[] = [];
  for (const n of names) jobs.push(writeFile(n, d));
  await Promise.all(jobs);
  process.exit(0);
}
`,
    },
    {
      name: "regression: `await finished(sock)` still waits for the socket",
      code: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export async function reply(sock: Socket, body: string) {
  sock.write(body);
  sock.end();
  await finished(sock);
  sock.destroy();
}
`,
    },
    {
      name: "regression: `await new Promise((r) => sock.end(r))` still waits for the socket",
      code: `
import type { Socket } from "node:net";
export async function reply(sock: Socket, body: string) {
  sock.write(body);
  await new Promise<void>((r) => sock.end(r));
  sock.destroy();
}
`,
    },
    {
      name: "regression: destroy(e) in a catch block fails the stream on purpose",
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
      name: "regression: Express-style middleware: `res.end(); next();` passes control on, it announces nothing",
      code: `
import type { IncomingMessage, ServerResponse } from "node:http";
export function middleware(req: IncomingMessage, res: ServerResponse, next: () => void) {
  res.end(req.url);
  next();
}
`,
    },
    {
      name: "regression: `resolve(received)` after end() hands over a value, it announces no flush",
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
    // ---- using / await using: disposal destroys a Node stream ------------------------------------
    {
      name: "using: ended and finished before the scope ends",
      code: `
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
export async function report(path: string, text: string) {
  await using out = createWriteStream(path);
  out.write(text);
  out.end();
  await finished(out);
}
`,
    },
    {
      name: "using: ended through the end callback, awaited",
      code: `
import { createWriteStream } from "node:fs";
export async function report(path: string, text: string) {
  await using out = createWriteStream(path);
  await new Promise<void>((resolve) => out.end(text, resolve));
}
`,
    },
    {
      name: "using: nothing written, so disposal loses nothing",
      code: `
import { createWriteStream } from "node:fs";
export async function touch(path: string) {
  await using out = createWriteStream(path);
  out.on("error", () => {});
}
`,
    },
    {
      name: "using: a throw is an error path, where disposal is meant to abort",
      code: `
import { createWriteStream } from "node:fs";
export async function report(path: string, text: string) {
  await using out = createWriteStream(path);
  out.write(text);
  throw new Error("stop");
}
`,
    },
    {
      name: "FileHandle: a loop of unawaited writes then process.exit() loses nothing (measured: 8 and 64 MiB complete, 12 of 12)",
      code: `
import { open } from "node:fs/promises";
const fh = await open("out.bin", "w");
for (let i = 0; i < 8; i++) fh.write(Buffer.alloc(1 << 20));
process.exit(0);
`,
    },
    {
      name: "FileHandle: a loop of writes, an unawaited close(), then process.exit() loses nothing",
      code: `
import { open } from "node:fs/promises";
const fh = await open("out.bin", "w");
for (let i = 0; i < 8; i++) fh.write(Buffer.alloc(1 << 20));
fh.close();
process.exit(0);
`,
    },
    // ---- evaluation on real projects: diagnostics before exit, paths ended by exit ----------------
    {
      name: "a diagnostic composed in a template, then process.exit(): the kernel takes it at once",
      code: `
export function requireValue(flag: string, value: string | undefined): string {
  if (value === undefined) {
    console.error(\`Error: \${flag} requires a value\`);
    process.exit(1);
  }
  return value;
}
`,
    },
    {
      name: "the caught error printed before process.exit()",
      code: `
export async function main(run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
`,
    },
    {
      name: "an exit ends its path: a later exit is not charged with writes before the earlier one",
      code: `
export async function main(help: boolean, work: () => Promise<void>) {
  if (help) {
    console.log("usage: tool [--help]");
    process.exit(0);
  }
  await work();
  process.exit(1);
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
    {
      name: "a request, then the reply read with for await from the same socket, then destroy(): the peer got it",
      code: `
import type { Socket } from "node:net";
export async function ping(sock: Socket): Promise<string> {
  sock.write("PING\\r\\n");
  let reply = "";
  for await (const chunk of sock) {
    reply += String(chunk);
    break;
  }
  sock.destroy();
  return reply;
}
`,
    },
    {
      name: "evaluation F4: a controller's error() after enqueue(): the reader gets the error, nothing is lost silently",
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
    {
      name: "evaluation F1: one message of unknown size before process.exit() (a string parameter)",
      code: `
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
`,
    },
    {
      name: "evaluation F1: a message wrapped in a colouring call, and a tagged template, before process.exit()",
      code: `
declare function red(text: string): string;
declare function green(strings: TemplateStringsArray, ...values: unknown[]): string;
export function done(failed: boolean, flag: string): void {
  if (failed) {
    console.error(red(\`Error: \${flag} needs a value\`));
    process.exit(1);
  }
  console.log(green\`Cache was cleared\`);
  process.exit(0);
}
`,
    },
    {
      name: "evaluation F3a: a \"finish\" listener sets a flag that is awaited before destroy()",
      code: `
import type { Socket } from "node:net";
declare function waitUntil(check: () => boolean): Promise<void>;
export async function closeAfterFinish(socket: Socket): Promise<void> {
  let finished = false;
  socket.once("finish", () => {
    finished = true;
  });
  socket.end("bye");
  await waitUntil(() => finished);
  socket.destroy();
}
`,
    },
    {
      name: "evaluation F3a: a \"drain\" listener spy is polled before destroy()",
      code: `
import type { Socket } from "node:net";
declare function spy(): () => void;
declare function poll(read: () => unknown): Promise<void>;
export async function drainThenClose(socket: Socket, data: Buffer): Promise<void> {
  const onDrain = spy();
  socket.on("drain", onDrain);
  socket.write(data);
  await poll(() => onDrain);
  socket.destroy();
}
`,
    },
    {
      name: "evaluation F13: a literal then process.exit() in a loop: every run of the write ends the process",
      code: `
declare function question(prompt: string): Promise<string>;
export async function repl(): Promise<void> {
  while (true) {
    const command = await question("> ");
    if (command === "quit") {
      console.log("Goodbye!");
      process.exit(0);
    }
  }
}
`,
    },
    {
      name: "evaluation F3b: the awaited reply promise was made from the socket before the write",
      code: `
import type { Socket } from "node:net";
declare function readReply(socket: Socket): Promise<string>;
export async function connectThroughProxy(socket: Socket, target: string): Promise<string> {
  const replyPromise = readReply(socket);
  socket.write(\`CONNECT \${target} HTTP/1.1\\r\\n\\r\\n\`);
  const reply = await replyPromise;
  if (!reply.startsWith("HTTP/1.1 200")) socket.destroy();
  return reply;
}
`,
    },
    {
      name: "evaluation F11: destroy(err) passes on the error the handler was given: the reader sees the failure",
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
      name: "evaluation F3a: a spy made from the socket is polled for \"drain\" before destroy()",
      code: `
import type { Socket } from "node:net";
declare function spyOnSocket(socket: Socket): { listeners: Record<string, () => void> };
declare function poll(read: () => unknown): Promise<void>;
export async function drainThenClose(socket: Socket, data: Buffer): Promise<void> {
  const { listeners } = spyOnSocket(socket);
  socket.write(data);
  await poll(() => listeners.drain);
  socket.destroy();
}
`,
    },
    {
      name: "evaluation F9: resolve() after end() in a promise the function awaits, and then it waits on the stream itself",
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
      name: "evaluation F1: messages made from options, errors, numbers and handed-in text before process.exit()",
      code: `
declare const c: { red(text: string): string; gray(text: string): string };
interface Options { usage?: { command?: string }; meta?: { version?: string } }
declare function usage(options: Options): string;
declare function versions(options: Options): string[];
export function cli(options: Options, argv: readonly string[]): void {
  try {
    if (argv.includes("--version")) {
      process.stdout.write(versions(options).join("\\n") + "\\n");
      process.exit(0);
    }
    if (argv.length > 3) {
      console.log(usage(options));
      process.exit(0);
    }
  } catch (error) {
    const command = options.usage?.command || "cli";
    console.error(c.red((error as Error).message || String(error)));
    console.error(c.gray(\`Run \\\`\${command} --help\\\` for usage.\`));
    process.exit(1);
  }
  console.warn(\`\${[argv, options].filter(Boolean).length} things keep the process alive\`);
  process.exit();
}
`,
    },
    {
      name: "evaluation F18: a list of short messages printed in a loop before process.exit(): judged by content by default",
      code: `
export function summarise(failed: readonly { file: string }[]): void {
  for (const r of failed) console.log(\`  FAIL \${r.file}\`);
  process.exit(failed.length === 0 ? 0 : 1);
}
`,
    },
    {
      name: "evaluation F1: a narrowed unknown error, an empty line, an argument and a literal-union result before process.exit()",
      code: `
declare function run(): Promise<void>;
declare function wait(): Promise<"ok" | "stall">;
export async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== "host") {
    console.log();
    console.error(\`Unknown mode: \${mode}\`);
    process.exit(1);
  }
  const result = await wait();
  console.log(\`Result: \${result.toUpperCase()}\`);
  await run().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error) console.error(error);
      process.exit(1);
    },
  );
}
`,
    },
    {
      name: "evaluation F11: destroy(err) with an error made from the one the handler was given",
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
      name: "evaluation F10: destroy() in a test after its assertions is teardown",
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
      name: "evaluation F17: a large print on a branch that ends the try without anything that can throw after it",
      code: `
declare function createFile(path: string, content: string): Promise<void>;
export async function generate(dryRun: boolean, path: string, rows: readonly string[]): Promise<void> {
  try {
    const content = rows.join("\\n");
    if (dryRun) {
      console.log(content);
    } else {
      await createFile(path, content);
    }
  } catch (error) {
    console.error("Failed:", error);
    process.exit(1);
  }
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
  ],
  invalid: [
    {
      name: "evaluation F17: the exit in the try is reported, the one in the catch is not: process.exit() throws nothing",
      code: `
declare function check(): Promise<boolean>;
export async function run(rows: readonly string[]): Promise<void> {
  try {
    if (await check()) {
      console.log(rows.join("\\n"));
      process.exit(1);
    }
  } catch (error) {
    console.error("Failed:", error);
    process.exit(1);
  }
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 7,
          data: { shutdown: "process.exit(1)", write: "console.log()", line: 6 },
          suggestions: [],
        },
      ],
    },
    {
      name: "a destroy() in a test before any assertion is no teardown",
      code: `
import { connect } from "node:net";
declare function it(name: string, body: () => Promise<void>): void;
declare function expect(value: unknown): { toBe(expected: unknown): void };
it("sends a greeting", async () => {
  const socket = connect(8080);
  socket.write("hello");
  socket.destroy();
  expect(socket.destroyed).toBe(true);
});
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 8,
          data: { shutdown: "socket.destroy()", write: "socket.write()", line: 7, stream: "socket" },
          suggestions: [
            { messageId: "endBeforeDestroy", output: `
import { connect } from "node:net";
declare function it(name: string, body: () => Promise<void>): void;
declare function expect(value: unknown): { toBe(expected: unknown): void };
it("sends a greeting", async () => {
  const socket = connect(8080);
  socket.write("hello");
  socket.end(() => socket.destroy());
  expect(socket.destroyed).toBe(true);
});
` },
            { messageId: "awaitFinishedBeforeDestroy", output: `
import { connect } from "node:net";
import { finished } from "node:stream/promises";
declare function it(name: string, body: () => Promise<void>): void;
declare function expect(value: unknown): { toBe(expected: unknown): void };
it("sends a greeting", async () => {
  const socket = connect(8080);
  socket.write("hello");
  socket.end();
  await finished(socket, { readable: false });
  socket.destroy();
  expect(socket.destroyed).toBe(true);
});
` },
          ],
        },
      ],
    },
    {
      name: "evaluation TP (typeorm check mode): a message that carries a generated file, then process.exit()",
      code: `
declare function green(strings: TemplateStringsArray, ...values: unknown[]): string;
declare function white(text: string): string;
declare function getTemplate(name: string, up: readonly string[]): string;
export function check(name: string, upSqls: readonly string[]): void {
  const fileContent = getTemplate(name, upSqls);
  console.log(green\`Unexpected changes found:\\n\\n\${white(fileContent)}\`);
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 8,
          data: { shutdown: "process.exit(1)", write: "console.log()", line: 7 },
          suggestions: [{ messageId: "useExitCode", output: `
declare function green(strings: TemplateStringsArray, ...values: unknown[]): string;
declare function white(text: string): string;
declare function getTemplate(name: string, up: readonly string[]): string;
export function check(name: string, upSqls: readonly string[]): void {
  const fileContent = getTemplate(name, upSqls);
  console.log(green\`Unexpected changes found:\\n\\n\${white(fileContent)}\`);
  process.exitCode = 1;
}
` }],
        },
      ],
    },
    {
      name: "a report rendered from data, then process.exit()",
      code: `
declare function renderTable(rows: readonly object[]): string;
export function report(rows: readonly object[]): void {
  process.stdout.write(renderTable(rows));
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 4 },
          suggestions: [{ messageId: "useExitCode", output: `
declare function renderTable(rows: readonly object[]): string;
export function report(rows: readonly object[]): void {
  process.stdout.write(renderTable(rows));
  process.exitCode = 0;
}
` }],
        },
      ],
    },
    {
      name: "a file's contents printed through a constant, then process.exit()",
      code: `
import { readFile } from "node:fs/promises";
export async function cat(path: string): Promise<void> {
  const text = await readFile(path, "utf8");
  console.log(text);
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 6,
          data: { shutdown: "process.exit(0)", write: "console.log()", line: 5 },
          suggestions: [{ messageId: "useExitCode", output: `
import { readFile } from "node:fs/promises";
export async function cat(path: string): Promise<void> {
  const text = await readFile(path, "utf8");
  console.log(text);
  process.exitCode = 0;
}
` }],
        },
      ],
    },
    {
      name: "a serialised result printed once, then process.exit()",
      code: `
export function printAll(rows: readonly object[]): void {
  console.log(JSON.stringify(rows));
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(0)", write: "console.log()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function printAll(rows: readonly object[]): void {
  console.log(JSON.stringify(rows));
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "an object formatted by console.dir(), then process.exit() in the catch (evaluation TP: typeorm QueryCommand)",
      code: `
declare function query(sql: string): Promise<object>;
declare function release(): Promise<void>;
export async function run(sql: string): Promise<void> {
  try {
    const result = await query(sql);
    console.dir(result, { depth: null });
    await release();
  } catch (error) {
    console.error("Query failed:", error);
    process.exit(1);
  }
}
`,
      errors: [{ messageId: "exitBeforeFlush", line: 11 }],
    },
    {
      name: "console.log() once per item in forEach, then process.exit() (evaluation TP: typeorm SchemaLogCommand)",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
declare function destroy(): Promise<void>;
export async function logSchema(queries: readonly { query: string }[]): Promise<void> {
  try {
    queries.forEach((q) => {
      console.log(q.query.trim());
    });
    await destroy();
  } catch {
    process.exit(1);
  }
}
`,
      errors: [{ messageId: "exitBeforeFlush", line: 10 }],
    },
    {
      name: "a Buffer to stdout, then process.exit()",
      code: `
export function dump(data: Buffer): void {
  process.stdout.write(data);
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function dump(data: Buffer): void {
  process.stdout.write(data);
  process.exitCode = 0;
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
          messageId: "discardBeforeFlush",
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
      name: "a \"finish\" flag that the awaited expression does not read waits for nothing",
      code: `
import type { Socket } from "node:net";
declare function sleep(ms: number): Promise<void>;
export async function closeLater(socket: Socket, data: Buffer): Promise<void> {
  let finished = false;
  socket.once("finish", () => {
    finished = true;
  });
  socket.write(data);
  await sleep(10);
  socket.destroy();
  return void finished;
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 11,
          data: { shutdown: "socket.destroy()", write: "socket.write()", line: 9, stream: "socket" },
          suggestions: [
            { messageId: "endBeforeDestroy", output: `
import type { Socket } from "node:net";
declare function sleep(ms: number): Promise<void>;
export async function closeLater(socket: Socket, data: Buffer): Promise<void> {
  let finished = false;
  socket.once("finish", () => {
    finished = true;
  });
  socket.write(data);
  await sleep(10);
  socket.end(() => socket.destroy());
  return void finished;
}
` },
            { messageId: "awaitFinishedBeforeDestroy", output: `
import type { Socket } from "node:net";
import { finished as streamFinished } from "node:stream/promises";
declare function sleep(ms: number): Promise<void>;
export async function closeLater(socket: Socket, data: Buffer): Promise<void> {
  let finished = false;
  socket.once("finish", () => {
    finished = true;
  });
  socket.write(data);
  await sleep(10);
  socket.end();
  await streamFinished(socket, { readable: false });
  socket.destroy();
  return void finished;
}
` },
          ],
        },
      ],
    },
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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

    // ---- control flow ---------------------------------------------------------------------------
    {
      name: "control flow: a write in one if-branch, destroy after the if",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer | undefined) {
  if (data) {
    sock.write(data);
  }
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 7,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 5, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer | undefined) {
  if (data) {
    sock.write(data);
  }
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "control flow: await finished(s) in only one branch still leaves a path that did not wait",
      code: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, data: Buffer, careful: boolean) {
  sock.end(data);
  if (careful) {
    await finished(sock, { readable: false });
  }
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 9,
          data: { shutdown: "sock.destroy()", write: "sock.end()", line: 5, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, data: Buffer, careful: boolean) {
  sock.end(data);
  if (careful) {
    await finished(sock, { readable: false });
  }
  sock.end(() => sock.destroy());
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, data: Buffer, careful: boolean) {
  sock.end(data);
  if (careful) {
    await finished(sock, { readable: false });
  }
  sock.end();
  await finished(sock, { readable: false });
  sock.destroy();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "control flow: writes in a for-of loop, destroy after it",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, lines: string[]) {
  for (const line of lines) {
    sock.write(line + "\\n");
  }
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 7,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 5, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function send(sock: Socket, lines: string[]) {
  for (const line of lines) {
    sock.write(line + "\\n");
  }
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "control flow: a while loop that breaks before its write, destroy after it",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, next: () => Buffer | undefined) {
  while (true) {
    const chunk = next();
    if (!chunk) break;
    sock.write(chunk);
  }
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 9,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 7, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function send(sock: Socket, next: () => Buffer | undefined) {
  while (true) {
    const chunk = next();
    if (!chunk) break;
    sock.write(chunk);
  }
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "control flow: a do-while loop of writes, destroy after it",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, next: () => string) {
  let line: string;
  do {
    line = next();
    sock.write(line);
  } while (line);
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 9,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 7, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function send(sock: Socket, next: () => string) {
  let line: string;
  do {
    line = next();
    sock.write(line);
  } while (line);
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "control flow: write and destroy of each socket in a broadcast loop",
      code: `
import type { Socket } from "node:net";
export function broadcast(socks: Socket[], message: string) {
  for (const s of socks) {
    s.write(message);
    s.destroy();
  }
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 6,
          data: { shutdown: "s.destroy()", write: "s.write()", line: 5, stream: "s" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function broadcast(socks: Socket[], message: string) {
  for (const s of socks) {
    s.write(message);
    s.end(() => s.destroy());
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "control flow: write in try, destroy in finally",
      code: `
import type { Socket } from "node:net";
export async function send(sock: Socket, render: () => string) {
  try {
    sock.write(render());
  } finally {
    sock.destroy();
  }
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 7,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 5, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export async function send(sock: Socket, render: () => string) {
  try {
    sock.write(render());
  } finally {
    sock.end(() => sock.destroy());
  }
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, render: () => string) {
  try {
    sock.write(render());
  } finally {
    sock.end();
    await finished(sock, { readable: false });
    sock.destroy();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "control flow: write or end in a conditional expression, destroy after",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer | null) {
  data ? sock.write(data) : sock.end();
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 5,
          data: { shutdown: "sock.destroy()", write: "sock.end()", line: 4, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer | null) {
  data ? sock.write(data) : sock.end();
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "control flow: end(data, cb) waits only inside cb; a destroy right after it is reported",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.end(data, () => console.debug("sent"));
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 5,
          data: { shutdown: "sock.destroy()", write: "sock.end()", line: 4, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.end(data, () => console.debug("sent"));
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "control flow: awaiting something unrelated to the socket is no wait for it",
      code: `
import type { Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  await delay(100);
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 7,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 5, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  await delay(100);
  sock.end(() => sock.destroy());
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import type { Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, data: Buffer) {
  sock.write(data);
  await delay(100);
  sock.end();
  await finished(sock, { readable: false });
  sock.destroy();
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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

    // ---- process.exit after stdout, stderr, console ---------------------------------------------
    {
      name: "process.stdout.write(big) then process.exit()",
      code: `
process.stdout.write(JSON.stringify(process.env));
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
process.stdout.write(JSON.stringify(process.env));
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "process.stderr.write(message) then process.exit(1) in a function",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
export function fail(error: Error): void {
  process.stderr.write(String(error.stack));
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(1)", write: "process.stderr.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function fail(error: Error): void {
  process.stderr.write(String(error.stack));
  process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "console.log(object) then process.exit(): console writes to stdout",
      code: `
console.log(process.env);
process.exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(1)", write: "console.log()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
console.log(process.env);
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "console.table() then process.exit()",
      code: `
console.table(process.env);
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(0)", write: "console.table()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
console.table(process.env);
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "a literal of 5000 characters to stdout is no small write",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
process.stdout.write(${literalOf(5000)});
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
process.stdout.write(${literalOf(5000)});
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "a conditional process.exit(code): the suggestion keeps the condition",
      code: `
process.stdout.write(JSON.stringify(process.env));
const code = Number(process.env["EXIT_CODE"]);
if (code) process.exit(code);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(code)", write: "process.stdout.write()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
process.stdout.write(JSON.stringify(process.env));
const code = Number(process.env["EXIT_CODE"]);
if (code) process.exitCode = code;
`,
            },
          ],
        },
      ],
    },

    // ---- aliases of process.exit and stdout -----------------------------------------------------
    {
      name: "alias: import { exit } from 'node:process'",
      code: `
import { exit } from "node:process";
process.stdout.write(JSON.stringify(process.env));
exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "exit(1)", write: "process.stdout.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { exit } from "node:process";
process.stdout.write(JSON.stringify(process.env));
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "alias: const { stdout } = process",
      code: `
const { stdout } = process;
stdout.write(JSON.stringify(process.env));
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(0)", write: "stdout.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
const { stdout } = process;
stdout.write(JSON.stringify(process.env));
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "alias: const { exit } = process",
      code: `
const { exit } = process;
console.log(process.env);
exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "exit(1)", write: "console.log()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
const { exit } = process;
console.log(process.env);
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "alias: import { stdout, exit } from 'node:process'",
      code: `
import { exit, stdout } from "node:process";
stdout.write(JSON.stringify(process.env));
exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "exit(1)", write: "stdout.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { exit, stdout } from "node:process";
stdout.write(JSON.stringify(process.env));
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "alias: the default import of node:process",
      code: `
import proc from "node:process";
proc.stderr.write(JSON.stringify(proc.env));
proc.exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "proc.exit(1)", write: "proc.stderr.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import proc from "node:process";
proc.stderr.write(JSON.stringify(proc.env));
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "alias: .then(process.exit) is reported at the process.exit reference, with no suggestion",
      code: `
process.stdout.write(JSON.stringify(process.env));
Promise.resolve(0).then(process.exit);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          column: 25,
          endColumn: 37,
          data: { shutdown: "process.exit", write: "process.stdout.write()", line: 2 },
          suggestions: [],
        },
      ],
    },
    {
      name: "alias: .then(exit) with exit imported from node:process",
      code: `
import { exit } from "node:process";
console.log(process.env);
Promise.resolve(2).then(exit);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          column: 25,
          endColumn: 29,
          data: { shutdown: "exit", write: "console.log()", line: 3 },
          suggestions: [],
        },
      ],
    },
    {
      name: "alias: .finally(process.exit)",
      code: `
console.error(process.env);
Promise.resolve().finally(process.exit);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit", write: "console.error()", line: 2 },
          suggestions: [],
        },
      ],
    },

    // ---- process.exit after files ---------------------------------------------------------------
    {
      name: "fs.createWriteStream: write then process.exit()",
      code: `
import { createWriteStream } from "node:fs";
const out = createWriteStream("out.log");
out.write(JSON.stringify(process.env));
process.exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "out.write()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { createWriteStream } from "node:fs";
const out = createWriteStream("out.log");
out.write(JSON.stringify(process.env));
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "fs.createWriteStream: the literal exemption is for stdout and stderr only",
      code: `
import { createWriteStream } from "node:fs";
const log = createWriteStream("app.log");
log.write("shutting down\\n");
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(0)", write: "log.write()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { createWriteStream } from "node:fs";
const log = createWriteStream("app.log");
log.write("shutting down\\n");
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "fs.createWriteStream: end then process.exit() without a code: no suggestion",
      code: `
import * as fs from "node:fs";
const out = fs.createWriteStream("out.log");
out.end(JSON.stringify(process.env));
process.exit();
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit()", write: "out.end()", line: 4 },
          suggestions: [],
        },
      ],
    },
    {
      name: "fs.promises.writeFile unawaited then process.exit()",
      code: `
import * as fs from "node:fs";
fs.promises.writeFile("out.json", JSON.stringify(process.env));
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(0)", write: "fs.promises.writeFile()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import * as fs from "node:fs";
fs.promises.writeFile("out.json", JSON.stringify(process.env));
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "appendFile from node:fs/promises unawaited then process.exit()",
      code: `
import { appendFile } from "node:fs/promises";
export function fail(message: string): void {
  appendFile("errors.log", message + "\\n");
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "appendFile()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { appendFile } from "node:fs/promises";
export function fail(message: string): void {
  appendFile("errors.log", message + "\\n");
  process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },

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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
          line: 11,
          data: { shutdown: "this.sock.destroy()", write: "writer.write()", line: 9, stream: "writer" },
          suggestions: [],
        },
      ],
    },

    // ---- announcing success before the flush ----------------------------------------------------
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
          messageId: "discardBeforeFlush",
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
          messageId: "discardBeforeFlush",
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
      name: "CommonJS: fs.createWriteStream write then process.exit()",
      filename: "file.cjs",
      code: `
const fs = require("node:fs");
const out = fs.createWriteStream("out.log");
out.write(JSON.stringify(process.env));
process.exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "out.write()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
const fs = require("node:fs");
const out = fs.createWriteStream("out.log");
out.write(JSON.stringify(process.env));
process.exitCode = 1;
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
          messageId: "discardBeforeFlush",
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
    {
      name: "ES module JavaScript: console.log then process.exit()",
      filename: "file.mjs",
      code: `
console.log(process.env);
process.exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(1)", write: "console.log()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
console.log(process.env);
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },

    // ---- regressions: fixes from the rule reviews -----------------------------------------------
    {
      name: "regression: a switch whose clauses all end in `break` does not hide the code after it",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer, mode: number) {
  switch (mode) {
    case 1:
      sock.setNoDelay(true);
      break;
    default:
      sock.setKeepAlive(true);
      break;
  }
  sock.write(data);
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 13,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 12, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer, mode: number) {
  switch (mode) {
    case 1:
      sock.setNoDelay(true);
      break;
    default:
      sock.setKeepAlive(true);
      break;
  }
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
      name: "regression: a write followed by `break` reaches the code after the loop",
      code: `
import type { Socket } from "node:net";
export function sendLast(sock: Socket, items: { last: boolean; data: string }[]) {
  for (const item of items) {
    if (item.last) {
      sock.write(item.data);
      break;
    }
  }
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 10,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 6, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function sendLast(sock: Socket, items: { last: boolean; data: string }[]) {
  for (const item of items) {
    if (item.last) {
      sock.write(item.data);
      break;
    }
  }
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: a write followed by `continue` reaches the code after the loop",
      code: `
import type { Socket } from "node:net";
export function sendSkipped(sock: Socket, items: { skip: boolean; data: string }[]) {
  for (const item of items) {
    if (item.skip) {
      sock.write(item.data);
      continue;
    }
  }
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 10,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 6, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export function sendSkipped(sock: Socket, items: { skip: boolean; data: string }[]) {
  for (const item of items) {
    if (item.skip) {
      sock.write(item.data);
      continue;
    }
  }
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: short stdout literals in a loop add up: not exempt before process.exit()",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
for (let i = 0; i < 100000; i++) console.log("row");
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(0)", write: "console.log()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
for (let i = 0; i < 100000; i++) console.log("row");
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: one unawaited fh.writeFile() of 8 MiB is cut short by process.exit()",
      code: `
import type { FileHandle } from "node:fs/promises";
export function dump(fh: FileHandle) {
  fh.writeFile(Buffer.alloc(8 << 20));
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(0)", write: "fh.writeFile()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import type { FileHandle } from "node:fs/promises";
export function dump(fh: FileHandle) {
  fh.writeFile(Buffer.alloc(8 << 20));
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: one unawaited fh.appendFile() of 8 MiB is cut short by process.exit()",
      code: `
import type { FileHandle } from "node:fs/promises";
export function dump(fh: FileHandle) {
  fh.appendFile(Buffer.alloc(8 << 20));
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(0)", write: "fh.appendFile()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import type { FileHandle } from "node:fs/promises";
export function dump(fh: FileHandle) {
  fh.appendFile(Buffer.alloc(8 << 20));
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: `.then(process.exit)` on a chain without the write does not wait for it",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
declare function main(): Promise<number>;
export function run(x: string) {
  process.stdout.write(x);
  main().then(process.exit);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          column: 15,
          data: { shutdown: "process.exit", write: "process.stdout.write()", line: 4 },
          suggestions: [],
        },
      ],
    },
    {
      name: "regression: awaiting a call that only reads `sock.remoteAddress` does not wait for the socket",
      code: `
import type { Socket } from "node:net";
declare function audit(address: string | undefined): Promise<void>;
export async function reply(sock: Socket, body: string) {
  sock.write(body);
  await audit(sock.remoteAddress);
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 7,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 5, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
declare function audit(address: string | undefined): Promise<void>;
export async function reply(sock: Socket, body: string) {
  sock.write(body);
  await audit(sock.remoteAddress);
  sock.end(() => sock.destroy());
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
declare function audit(address: string | undefined): Promise<void>;
export async function reply(sock: Socket, body: string) {
  sock.write(body);
  await audit(sock.remoteAddress);
  sock.end();
  await finished(sock, { readable: false });
  sock.destroy();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: destroy(new Error(...)) outside a catch block still loses the write",
      code: `
import type { Socket } from "node:net";
export function timeOut(sock: Socket, x: string) {
  sock.write(x);
  sock.destroy(new Error("timeout"));
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 5,
          data: { shutdown: "sock.destroy(new Error(\"timeout\"))", write: "sock.write()", line: 4, stream: "sock" },
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
      name: "regression: a WHATWG writer's abort() is abortBeforeFlush, with close() suggested",
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
      name: "regression: a WritableStream's abort() is abortBeforeFlush, with close() suggested",
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
    {
      name: "regression: streamTypes abort() of a class without close(): abortBeforeFlush, no closeInsteadOfAbort",
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
    {
      name: "regression: `if (quit) sock.destroy();` gets braces around the inserted end() and wait",
      code: `
import type { Socket } from "node:net";
export async function send(sock: Socket, data: Buffer, quit: boolean) {
  sock.write(data);
  if (quit) sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 5,
          column: 13,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 4, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export async function send(sock: Socket, data: Buffer, quit: boolean) {
  sock.write(data);
  if (quit) sock.end(() => sock.destroy());
}
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export async function send(sock: Socket, data: Buffer, quit: boolean) {
  sock.write(data);
  if (quit) {
    sock.end();
    await finished(sock, { readable: false });
    sock.destroy();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: useExitCode for an unbraced `if` that ends the function",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
export function report(big: string, failed: boolean) {
  console.error(big);
  if (failed) process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          column: 15,
          data: { shutdown: "process.exit(1)", write: "console.error()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function report(big: string, failed: boolean) {
  console.error(big);
  if (failed) process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: useExitCode at the end of a braced `if` that ends the function",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
export function report(big: string, failed: boolean) {
  if (failed) {
    console.error(big);
    process.exit(1);
  }
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "console.error()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function report(big: string, failed: boolean) {
  if (failed) {
    console.error(big);
    process.exitCode = 1;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: useExitCode where a bare `return;` follows the exit",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
export function report(big: string, failed: boolean) {
  console.error(big);
  if (failed) {
    process.exit(1);
    return;
  }
  console.log("ok");
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "console.error()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function report(big: string, failed: boolean) {
  console.error(big);
  if (failed) {
    process.exitCode = 1;
    return;
  }
  console.log("ok");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "regression: no useExitCode where code runs after the exit: `if (...) { ...; process.exit(2); } rest();`",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
declare function rest(): void;
export function cli(args: string[], big: string) {
  if (!args.length) {
    console.error(big);
    process.exit(2);
  }
  rest();
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 6,
          data: { shutdown: "process.exit(2)", write: "console.error()", line: 5 },
          suggestions: [],
        },
      ],
    },
    {
      name: "regression: no useExitCode in a function declared to return `never`",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
export function fail(big: string): never {
  console.error(big);
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(1)", write: "console.error()", line: 3 },
          suggestions: [],
        },
      ],
    },
    {
      name: "regression: `ws.end(data); done();` announces success before the flush",
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
      name: "regression: a bare `resolve()` right after end() announces success before the flush",
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
      name: "regression: `cb(null)` right after end() announces success before the flush",
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
    {
      name: "await using: a write then the end of the scope destroys the file stream",
      code: `
import { createWriteStream } from "node:fs";
export async function report(path: string, text: string) {
  await using out = createWriteStream(path);
  out.write(text);
}
`,
      errors: [
        {
          messageId: "disposeBeforeFlush",
          line: 4,
          data: { shutdown: "out", write: "out.write()", line: 5, stream: "out" },
          suggestions: [
            {
              messageId: "endAndWaitBeforeDispose",
              output: `
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
export async function report(path: string, text: string) {
  await using out = createWriteStream(path);
  out.write(text);
  out.end();
  await finished(out);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "await using: each return leaves the scope and disposes the stream",
      code: `
import { createWriteStream } from "node:fs";
export async function report(path: string, text: string): Promise<number> {
  await using out = createWriteStream(path);
  out.end(text);
  if (text.length > 10) return 1;
  return 2;
}
`,
      errors: [
        {
          messageId: "disposeBeforeFlush",
          line: 4,
          data: { shutdown: "out", write: "out.end()", line: 5, stream: "out" },
          suggestions: [
            {
              messageId: "endAndWaitBeforeDispose",
              output: `
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
export async function report(path: string, text: string): Promise<number> {
  await using out = createWriteStream(path);
  out.end(text);
  if (text.length > 10) {
    out.end();
    await finished(out);
    return 1;
  }
  return 2;
}
`,
            },
          ],
        },
        {
          messageId: "disposeBeforeFlush",
          line: 4,
          data: { shutdown: "out", write: "out.end()", line: 5, stream: "out" },
          suggestions: [
            {
              messageId: "endAndWaitBeforeDispose",
              output: `
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
export async function report(path: string, text: string): Promise<number> {
  await using out = createWriteStream(path);
  out.end(text);
  if (text.length > 10) return 1;
  out.end();
  await finished(out);
  return 2;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "using of a socket in a block inside a loop: disposed at the end of every iteration",
      code: `
import { connect } from "node:net";
export async function sendAll(path: string, bodies: string[]) {
  for (const body of bodies) {
    await using sock = connect(path);
    sock.write(body);
  }
}
`,
      errors: [
        {
          messageId: "disposeBeforeFlush",
          line: 5,
          data: { shutdown: "sock", write: "sock.write()", line: 6, stream: "sock" },
          suggestions: [
            {
              messageId: "endAndWaitBeforeDispose",
              output: `
import { connect } from "node:net";
import { finished } from "node:stream/promises";
export async function sendAll(path: string, bodies: string[]) {
  for (const body of bodies) {
    await using sock = connect(path);
    sock.write(body);
    sock.end();
    await finished(sock, { readable: false });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "an explicit out[Symbol.asyncDispose]() after a write counts as destroy()",
      code: `
import { createWriteStream } from "node:fs";
export async function report(path: string, text: string) {
  const out = createWriteStream(path);
  out.write(text);
  await out[Symbol.asyncDispose]();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 6,
          data: { shutdown: "out[Symbol.asyncDispose]()", write: "out.write()", line: 5, stream: "out" },
          suggestions: [
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
export async function report(path: string, text: string) {
  const out = createWriteStream(path);
  out.write(text);
  out.end();
  await finished(out);
  await out[Symbol.asyncDispose]();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "data from elsewhere concatenated with a newline, then process.exit(): still reported",
      code: `
export function dump(rows: readonly object[]) {
  process.stdout.write(JSON.stringify(rows) + "\\n");
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function dump(rows: readonly object[]) {
  process.stdout.write(JSON.stringify(rows) + "\\n");
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
  ],
});
