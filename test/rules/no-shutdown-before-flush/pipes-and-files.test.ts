// no-shutdown-before-flush through pipes (issue 10): `a.pipe(b)` hands `b` data until `a` ends,
// so waiting for `a` does not wait for `b`. Reading, renaming or announcing `b`'s file, or
// destroying `b`, before it finishes is reported; `await pipeline(…)` and `await finished(b)` are not.
// Also completion announced with emit() right after end().
import rule from "../../../rules/no-shutdown-before-flush.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
    {
      name: "await pipeline() into the file, then rename it",
      code: `
import { createWriteStream } from "node:fs";
import { rename } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
export async function save(src: Readable, tmp: string, dest: string) {
  await pipeline(src, createWriteStream(tmp));
  await rename(tmp, dest);
}
`,
    },
    {
      name: "pipe() into the file, await finished() of the file stream, then rename it",
      code: `
import { createWriteStream } from "node:fs";
import { rename } from "node:fs/promises";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
export async function save(src: Readable, tmp: string, dest: string) {
  const out = createWriteStream(tmp);
  src.pipe(out);
  await finished(out);
  await rename(tmp, dest);
}
`,
    },
    {
      name: "pipe() into the file, resolve on the file stream's own 'finish'",
      code: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
export function save(src: Readable, path: string) {
  return new Promise<string>((resolve, reject) => {
    const out = createWriteStream(path);
    src.pipe(out);
    out.on("finish", () => resolve(path));
    out.on("error", reject);
  });
}
`,
    },
    {
      name: "pipe() into one file, then reading another",
      code: `
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { once } from "node:events";
import type { Readable } from "node:stream";
export async function save(src: Readable, config: string) {
  src.pipe(createWriteStream("upload.bin"));
  await once(src, "end");
  return readFile(config, "utf8");
}
`,
    },
    {
      name: "emit('end') from the stream's 'finish' listener, after end()",
      code: `
import { EventEmitter } from "node:events";
import type { WriteStream } from "node:fs";
export class Download extends EventEmitter {
  finish(out: WriteStream) {
    out.end();
    out.on("finish", () => this.emit("end"));
  }
}
`,
    },
    {
      name: "an async function that ends the caller's file and awaits finished() before returning",
      code: `
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
export async function saveAll(path: string, chunks: AsyncIterable<Buffer>) {
  const out = createWriteStream(path);
  for await (const chunk of chunks) out.write(chunk);
  out.end();
  await finished(out);
}
`,
    },
    {
      name: "an async function that ends a file it named itself: no caller waits on that file",
      code: `
import { createWriteStream } from "node:fs";
export async function logRun(lines: string[]) {
  const log = createWriteStream("run.log", { flags: "a" });
  for (const line of lines) log.write(line + "\\n");
  log.end();
}
`,
    },
    {
      name: "a synchronous function that ends the caller's file: it promises nothing",
      code: `
import { createWriteStream } from "node:fs";
export function saveAll(path: string, chunks: Buffer[]) {
  const out = createWriteStream(path);
  for (const chunk of chunks) out.write(chunk);
  out.end();
}
`,
    },
    {
      name: "resolve passed as the sink's own 'finish' listener",
      code: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
export function save(src: Readable, path: string) {
  return new Promise((resolve) => {
    const out = createWriteStream(path);
    src.pipe(out);
    out.on("finish", resolve);
  });
}
`,
    },
    {
      name: "resolve on a 'response' listener hands over the response: a start, not a completion",
      code: `
import { createWriteStream } from "node:fs";
import type { ClientRequest, IncomingMessage } from "node:http";
export function fetchTo(req: ClientRequest, body: IncomingMessage, path: string) {
  return new Promise<IncomingMessage>((resolve) => {
    req.on("response", (res: IncomingMessage) => resolve(res));
    body.pipe(createWriteStream(path));
  });
}
`,
    },
    {
      name: "pipe() into an HTTP response, then resolve: sending a response is the job",
      code: `
import type { ServerResponse } from "node:http";
import type { Readable } from "node:stream";
export function send(file: Readable, res: ServerResponse) {
  return new Promise<void>((resolve) => {
    file.pipe(res);
    file.on("end", () => resolve());
  });
}
`,
    },
    {
      name: "resolve on 'finish' chained on pipe(): pipe() returns the file stream",
      code: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
export function save(src: Readable, path: string) {
  return new Promise((resolve) => {
    src.pipe(createWriteStream(path)).on("finish", resolve);
  });
}
`,
    },
    {
      name: "resolve on 'finish' behind another listener chained on pipe(): on() returns the file stream too",
      code: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
export function save(src: Readable, path: string) {
  return new Promise<void>((resolve, reject) => {
    src
      .on("error", reject)
      .pipe(createWriteStream(path))
      .on("error", reject)
      .on("finish", () => resolve());
  });
}
`,
    },
    {
      name: "a 'finish' listener on the sink in one branch, a pipeline() into the same sink in the other",
      code: `
import { pipeline, type Readable, type Writable } from "node:stream";
export function upload(data: string | Readable, writable: Writable) {
  return new Promise<void>((resolve, reject) => {
    if (typeof data === "string") {
      writable
        .on("error", reject)
        .on("finish", () => resolve())
        .end(data);
    } else {
      pipeline(data, writable, (error) => (error ? reject(error) : resolve()));
    }
  });
}
`,
    },
    {
      name: "a child's output piped to stdout, then exit once the child is done",
      code: `
import { spawn } from "node:child_process";
import { once } from "node:events";
export async function run(command: string) {
  const child = spawn(command);
  child.stdout.pipe(process.stdout);
  const [code] = await once(child, "exit");
  process.exit(code as number);
}
`,
    },
    {
      name: "resolve in the 'close' listener of the child process whose stdin the pipe fills: the child has exited",
      code: `
import { spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream";
export function play(source: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const player = spawn("ffplay", ["-autoexit", "-i", "pipe:0"]);
    pipeline(source, player.stdin, (error) => {
      if (error) reject(error);
    });
    player.on("close", () => resolve());
  });
}
`,
    },
    {
      name: "resolve in the 'close' listener of the child whose stdin, kept in a constant, the pipe fills",
      code: `
import type { ChildProcess } from "node:child_process";
import type { Readable, Writable } from "node:stream";
export function spawnPipe(dump: ChildProcess, restore: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const restoreStdin = restore.stdin as Writable;
    (dump.stdout as Readable).pipe(restoreStdin);
    dump.on("close", () => restoreStdin.end());
    restore.on("close", (code) => (code ? reject(new Error(\`restore exited with \${code}\`)) : resolve()));
  });
}
`,
    },
    {
      name: "resolve on the 'close' of the file a chain of pipes ends in, the listener registered first",
      code: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGzip } from "node:zlib";
export function archive(pack: Readable, path: string, logPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const gzip = createGzip();
    const out = createWriteStream(path);
    const log = createWriteStream(logPath);
    out.once("close", () => resolve());
    out.once("error", reject);
    pack.pipe(gzip);
    gzip.pipe(out);
  });
}
`,
    },
    {
      name: "an async function that returns a promise settled by the sink's 'close' waits for the file",
      code: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGzip } from "node:zlib";
export async function writeTarball(path: string, pack: Readable): Promise<void> {
  const tarball = createWriteStream(path);
  pack.pipe(createGzip()).pipe(tarball);
  return new Promise((resolve, reject) => {
    tarball.on("close", resolve);
    tarball.on("error", reject);
  });
}
`,
    },
    {
      name: "done in the 'end' listener of the stream a helper returns, after piping a chain together",
      code: `
import { Duplex, PassThrough, Transform } from "node:stream";
function upper(): Transform {
  return new Transform({ transform: (chunk, _encoding, next) => next(null, String(chunk).toUpperCase()) });
}
function chain(): Duplex {
  const head = new PassThrough();
  const stages = [upper(), upper()];
  let tail: Transform = head;
  for (const index in stages) tail = tail.pipe(stages[index]);
  return Duplex.from({ writable: head, readable: tail });
}
export function collect(lines: string[], done: () => void): void {
  const stream = chain();
  let received = "";
  stream.on("data", (chunk: Buffer) => (received += chunk));
  stream.on("end", () => {
    console.log(received);
    done();
  });
  for (const line of lines) stream.write(line);
  stream.end();
}
`,
    },
    {
      name: "resolve on the 'finish' of the stream a one-expression chain of pipes ends in, past an unnamed gunzip",
      code: `
import { createReadStream } from "node:fs";
import type { Writable } from "node:stream";
import { createGunzip } from "node:zlib";
export function unpack(path: string, extract: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    extract.on("finish", resolve);
    createReadStream(path).pipe(createGunzip()).pipe(extract).on("error", reject);
  });
}
`,
    },
  ],
  invalid: [
    {
      name: "pipe() into a file, wait for the source's 'end', then rename the file",
      code: `
import { createWriteStream } from "node:fs";
import { rename } from "node:fs/promises";
import { once } from "node:events";
import type { Readable } from "node:stream";
export async function save(src: Readable, tmp: string, dest: string) {
  const out = createWriteStream(tmp);
  src.pipe(out);
  await once(src, "end");
  await rename(tmp, dest);
}
`,
      errors: [
        {
          messageId: "useBeforeFinish",
          line: 10,
          data: { shutdown: "rename(tmp, dest)", stream: "out", write: "src.pipe()", line: 8 },
          suggestions: [
            {
              messageId: "awaitFinishedBeforeUse",
              output: `
import { createWriteStream } from "node:fs";
import { rename } from "node:fs/promises";
import { once } from "node:events";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
export async function save(src: Readable, tmp: string, dest: string) {
  const out = createWriteStream(tmp);
  src.pipe(out);
  await once(src, "end");
  await finished(out);
  await rename(tmp, dest);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "pipe() into a file, resolve with its path when the source ends",
      code: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
export function save(src: Readable, path: string) {
  return new Promise<string>((resolve) => {
    const out = createWriteStream(path);
    src.pipe(out);
    src.on("end", () => resolve(path));
  });
}
`,
      errors: [{ messageId: "announceBeforeFlush", line: 8 }],
    },
    {
      name: "resolve on the response's 'end' listener registered before the pipe() into a file",
      code: `
import { createWriteStream } from "node:fs";
import type { IncomingMessage } from "node:http";
export function download(res: IncomingMessage, path: string) {
  return new Promise<void>((resolve) => {
    res.on("end", () => resolve());
    res.pipe(createWriteStream(path));
  });
}
`,
      errors: [{ messageId: "announceBeforeFlush", line: 6 }],
    },
    {
      name: "a helper pipes into the file, the caller reads it once the source ended",
      code: `
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { once } from "node:events";
import type { Readable } from "node:stream";
function store(src: Readable, path: string) {
  src.pipe(createWriteStream(path));
}
export async function roundTrip(src: Readable, path: string) {
  store(src, path);
  await once(src, "end");
  return readFile(path);
}
`,
      errors: [{ messageId: "useAfterWriteInCall", line: 12 }],
    },
    {
      name: "end() then emit('end') at once: listeners hear of completion before the file is written",
      code: `
import { EventEmitter } from "node:events";
import type { WriteStream } from "node:fs";
export class Download extends EventEmitter {
  finish(out: WriteStream, last: Buffer) {
    out.end(last);
    this.emit("end");
  }
}
`,
      errors: [{ messageId: "announceBeforeFlush", line: 7 }],
    },
    {
      name: "pipe() into a socket, then destroy it",
      code: `
import type { Socket } from "node:net";
import type { Readable } from "node:stream";
export function relay(src: Readable, sock: Socket) {
  src.pipe(sock);
  sock.destroy();
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
import type { Readable } from "node:stream";
export function relay(src: Readable, sock: Socket) {
  src.pipe(sock);
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "an async function ends the file its caller named and returns before 'finish'",
      code: `
import { createWriteStream } from "node:fs";
export async function saveAll(path: string, chunks: AsyncIterable<Buffer>) {
  const out = createWriteStream(path);
  for await (const chunk of chunks) out.write(chunk);
  out.end();
}
`,
      errors: [
        {
          messageId: "returnBeforeFinish",
          line: 6,
          data: { shutdown: "out.end()", write: "out.end()", line: 6, stream: "out" },
          suggestions: [
            {
              messageId: "awaitFinishedBeforeReturn",
              output: `
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
export async function saveAll(path: string, chunks: AsyncIterable<Buffer>) {
  const out = createWriteStream(path);
  for await (const chunk of chunks) out.write(chunk);
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
      name: "an async function that returns a promise settled by a timer, not the sink, returns before 'finish'",
      code: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGzip } from "node:zlib";
export async function writeTarball(path: string, pack: Readable): Promise<void> {
  const tarball = createWriteStream(path);
  pack.pipe(createGzip()).pipe(tarball);
  return new Promise((resolve) => setTimeout(resolve, 10));
}
`,
      errors: [
        {
          messageId: "returnBeforeFinish",
          line: 7,
          data: { shutdown: "pack.pipe(createGzip()).pipe(tarball)", stream: "tarball" },
          suggestions: [
            {
              messageId: "awaitFinishedBeforeReturn",
              output: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGzip } from "node:zlib";
import { finished } from "node:stream/promises";
export async function writeTarball(path: string, pack: Readable): Promise<void> {
  const tarball = createWriteStream(path);
  pack.pipe(createGzip()).pipe(tarball);
  await finished(tarball);
  return new Promise((resolve) => setTimeout(resolve, 10));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "resolve in the source's 'end' listener while the pipe still fills a child's stdin",
      code: `
import { spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream";
export function play(source: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const player = spawn("ffplay", ["-autoexit", "-i", "pipe:0"]);
    pipeline(source, player.stdin, (error) => {
      if (error) reject(error);
    });
    source.on("end", () => resolve());
  });
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 11,
          data: { shutdown: "resolve()", write: "pipeline()", line: 8, stream: "player.stdin" },
          suggestions: [],
        },
      ],
    },
    {
      name: "done in the source's 'end' listener while a transform chain still fills a file",
      code: `
import { createWriteStream } from "node:fs";
import { Transform, type Readable } from "node:stream";
export function copy(source: Readable, stage: Transform, path: string, done: () => void): void {
  source.pipe(stage);
  stage.pipe(createWriteStream(path));
  source.on("end", () => done());
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 7,
          data: { shutdown: "done()", write: "stage.pipe()", line: 6, stream: "createWriteStream(path)" },
          suggestions: [],
        },
      ],
    },
    {
      name: "done on the source's 'end' while its pipe into a transform feeds an untyped sink",
      code: `
import { Transform, type Readable } from "node:stream";
declare function concat(callback: (rows: number[]) => void): any;
export function total(source: Readable, done: () => void): void {
  source
    .pipe(new Transform({ objectMode: true, transform: (row, _encoding, next) => next(null, row.num) }))
    .pipe(concat((rows) => console.log(rows.length)));
  source.on("end", done);
}
`,
      errors: [{ messageId: "announceBeforeFlush", line: 8 }],
    },
    {
      name: "resolve on the source's 'end' while a one-expression chain of pipes still fills its last stream",
      code: `
import { createReadStream } from "node:fs";
import type { Writable } from "node:stream";
import { createGunzip } from "node:zlib";
export function unpack(path: string, extract: Writable): Promise<void> {
  return new Promise((resolve) => {
    const source = createReadStream(path);
    source.on("end", () => resolve());
    source.pipe(createGunzip()).pipe(extract);
  });
}
`,
      errors: [{ messageId: "announceBeforeFlush", line: 8 }],
    },
    {
      name: "resolve in the 'close' listener of the child whose output the pipe reads, not of the one it fills",
      code: `
import type { ChildProcess } from "node:child_process";
import type { Readable, Writable } from "node:stream";
export function spawnPipe(dump: ChildProcess, restore: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const restoreStdin = restore.stdin as Writable;
    (dump.stdout as Readable).pipe(restoreStdin);
    dump.on("close", () => resolve());
  });
}
`,
      errors: [{ messageId: "announceBeforeFlush", line: 8 }],
    },
    {
      name: "resolve on the 'close' of a stream the chain of pipes does not reach",
      code: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGzip } from "node:zlib";
export function archive(pack: Readable, path: string, logPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const gzip = createGzip();
    const out = createWriteStream(path);
    const log = createWriteStream(logPath);
    log.once("close", () => resolve());
    out.once("error", reject);
    pack.pipe(gzip);
    gzip.pipe(out);
  });
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 10,
          data: { shutdown: "resolve()", write: "pack.pipe()", line: 12, stream: "gzip" },
          suggestions: [],
        },
      ],
    },
    {
      name: "resolve passed as the source's 'end' listener while pipe() fills the file",
      code: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
export function save(src: Readable, path: string) {
  return new Promise((resolve, reject) => {
    src.pipe(createWriteStream(path));
    src.on("end", resolve);
    src.on("error", reject);
  });
}
`,
      errors: [{ messageId: "announceBeforeFlush", line: 7 }],
    },
    {
      name: "resolve on the source's 'end' behind another listener chained on the source",
      code: `
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
export function save(src: Readable, path: string) {
  return new Promise<void>((resolve, reject) => {
    src.pipe(createWriteStream(path));
    src.on("error", reject).on("end", () => resolve());
  });
}
`,
      errors: [{ messageId: "announceBeforeFlush", line: 7 }],
    },
    {
      name: "emit('end', path) right after end(): a completion event with a value is still early",
      code: `
import { EventEmitter } from "node:events";
import type { WriteStream } from "node:fs";
export class Download extends EventEmitter {
  finish(out: WriteStream, path: string) {
    out.end();
    this.emit("end", path);
  }
}
`,
      errors: [{ messageId: "announceBeforeFlush", line: 7 }],
    },
    {
      name: "a long chained pipe() is named by its method alone in the message",
      code: `
import { createWriteStream } from "node:fs";
import type { IncomingMessage } from "node:http";
export function download(res: IncomingMessage, path: string, onProgress: (bytes: number) => void) {
  return new Promise((resolve) => {
    res.on("data", (chunk: Buffer) => onProgress(chunk.length)).on("end", resolve).pipe(createWriteStream(path));
  });
}
`,
      errors: [
        {
          messageId: "announceBeforeFlush",
          line: 6,
          data: {
            shutdown: "resolve",
            write: "….pipe()",
            line: 6,
            stream: "createWriteStream(path)",
          },
        },
      ],
    },
    {
      name: "pipe() into a Writable handed in, resolve on the source's 'end': it may be the caller's file",
      code: `
import type { IncomingMessage } from "node:http";
import type { Writable } from "node:stream";
export function download(res: IncomingMessage, out: Writable) {
  return new Promise<void>((resolve, reject) => {
    res.pipe(out);
    res.on("error", reject);
    res.on("end", resolve);
  });
}
`,
      errors: [{ messageId: "announceBeforeFlush", line: 8 }],
    },
  ],
});
