// no-shutdown-before-flush across functions (issue 10): the write in a callee and the exit or destroy
// in its caller, the shutdown in a callee, a class whose methods share a stream, a project's own
// stream wrapper. Helpers in another module live in test/fixtures/cross-function-helpers.ts.
import rule from "../../../rules/no-shutdown-before-flush.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
    // ---- the callee's output is small, or is waited for ------------------------------------------
    {
      name: "CLI entry point: the callee prints a short status line, then the caller exits",
      code: `
function run(): number {
  console.log("done");
  return 0;
}
process.exit(run());
`,
    },
    {
      name: "CLI entry point: process.exitCode from the callee's result lets stdout drain",
      code: `
import { printReport } from "./cross-function-helpers.js";
declare const rows: object[];
process.exitCode = printReport(rows);
`,
    },
    {
      name: "main().then() that sets process.exitCode instead of exiting",
      code: `
async function main(): Promise<number> {
  process.stdout.write(JSON.stringify(process.env));
  return 0;
}
void main().then((code) => {
  process.exitCode = code;
});
`,
    },
    {
      name: "a helper that ends the stream and awaits finished() makes the caller's destroy() safe",
      code: `
import type { Socket } from "node:net";
import { endAndWait, sendReply } from "./cross-function-helpers.js";
export async function reply(sock: Socket, body: Buffer) {
  sendReply(sock, "HTTP/1.1 200 OK\\r\\n\\r\\n", body);
  await endAndWait(sock);
  sock.destroy();
}
`,
    },
    {
      name: "a helper that ends the caller's stream under a local name and waits for its end callback flushes it, even with an early return where there is none",
      code: `
import type { WriteStream } from "node:fs";
interface LogContext {
  quiet: boolean;
  writer?: WriteStream;
}
function logEvent(context: LogContext, message: string): void {
  context.writer?.write(\`\${message}\\n\`);
}
async function disposeLog(context: LogContext): Promise<void> {
  const writer = context.writer;
  if (!writer) return;
  await new Promise<void>((resolve) => {
    writer.end(() => resolve());
    writer.on("error", () => resolve());
  });
}
export async function shutdown(context: LogContext): Promise<void> {
  logEvent(context, "Shutting down.");
  await disposeLog(context);
  process.exit(0);
}
`,
    },
    {
      name: "a helper writing to another stream than the one destroyed",
      code: `
import type { Socket } from "node:net";
import { sendReply } from "./cross-function-helpers.js";
export function relay(client: Socket, upstream: Socket, body: Buffer) {
  sendReply(client, "OK\\r\\n", body);
  upstream.destroy();
}
`,
    },
    // ---- classes whose methods share a stream ----------------------------------------------------
    {
      name: "class close() that ends the socket delivers what send() wrote",
      code: `
import type { Socket } from "node:net";
export class Connection {
  constructor(private readonly socket: Socket) {}
  send(data: Buffer) {
    this.socket.write(data);
  }
  close() {
    this.socket.end();
  }
}
`,
    },
    {
      name: "class abort() that destroys the socket: the name says queued data is to be dropped",
      code: `
import type { Socket } from "node:net";
export class Connection {
  constructor(private readonly socket: Socket) {}
  send(data: Buffer) {
    this.socket.write(data);
  }
  abort() {
    this.socket.destroy();
  }
}
`,
    },
    {
      name: "class close() that ends the socket and awaits finished() before destroying it",
      code: `
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";
export class Connection {
  constructor(private readonly socket: Socket) {}
  send(data: Buffer) {
    this.socket.write(data);
  }
  async close() {
    this.socket.end();
    await finished(this.socket);
    this.socket.destroy();
  }
}
`,
    },
    {
      name: "a cleanup method that must be handed the error runs only on failure",
      code: `
import type { Socket } from "node:net";
export class Connection {
  constructor(private readonly socket: Socket) {}
  send(data: Buffer) {
    this.socket.write(data);
  }
  private cleanup(error: Error) {
    this.socket.destroy();
    console.error(error.message);
  }
}
`,
    },
    {
      name: "class methods writing to one socket and destroying another",
      code: `
import type { Socket } from "node:net";
export class Bridge {
  constructor(
    private readonly client: Socket,
    private readonly upstream: Socket,
  ) {}
  forward(data: Buffer) {
    this.client.write(data);
  }
  close() {
    this.upstream.destroy();
  }
}
`,
    },
    // ---- the shutdown in a callee ------------------------------------------------------------------
    {
      name: "a callee that destroys the stream, called before anything is written",
      code: `
import type { Socket } from "node:net";
import { closeConnection } from "./cross-function-helpers.js";
export function reject(sock: Socket) {
  closeConnection(sock);
}
`,
    },
    {
      name: "a timer that exits once the output has been flushed",
      code: `
process.stdout.write(JSON.stringify(process.env), () => {
  setTimeout(() => process.exit(0), 50);
});
`,
    },
    {
      name: "a log() helper handed only messages prints a message: the exit after it loses nothing",
      code: `
function log(message: string, ...rest: string[]) {
  process.stdout.write([message, ...rest].join(" ") + "\\n");
}
log("Logged out", "of", "every account");
process.exit(0);
`,
    },
    {
      name: "a fatal() helper forwarding its text arguments to error() prints a message: the exit after it loses nothing",
      code: `
declare function red(...text: string[]): string;
function error(...messages: string[]) {
  console.error("❌", red(...messages));
}
export function fatal(...messages: string[]) {
  error(...messages);
  process.exit(1);
}
`,
    },
    {
      name: "a request written to the socket, then its reply awaited through a promise the reader settles: destroy() after it loses nothing",
      code: `
import type { Socket } from "node:net";
export class Client {
  private readonly waiting = new Map<number, (reply: Buffer) => void>();
  constructor(private readonly socket: Socket) {}
  request(id: number, message: Buffer): Promise<Buffer> {
    this.socket.write(message);
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
    });
  }
  close(): void {
    this.socket.destroy();
  }
}
export async function query(client: Client, message: Buffer) {
  await client.request(1, message);
  client.close();
}
`,
    },
    {
      name: "a client whose request() returns a chained reply promise kept in a constant, and whose close() destroys the socket",
      code: `
import type { Socket } from "node:net";
export class Client {
  private resolveReply: (reply?: Buffer) => void = () => {};
  constructor(private readonly socket: Socket) {}
  request(message: Buffer): Promise<Buffer | undefined> {
    const reply = new Promise<Buffer | undefined>((resolve) => {
      this.resolveReply = resolve;
    }).finally(() => this.socket.setTimeout(0));
    this.socket.write(message);
    return reply;
  }
  close(): void {
    this.socket.destroy();
  }
}
export async function bindThenLeave(client: Client, message: Buffer) {
  await client.request(message);
  client.close();
}
`,
    },
    {
      name: "an exit in the catch block of the awaited call that printed: it rejected instead",
      code: `
async function run(rows: object[]): Promise<void> {
  process.stdout.write(JSON.stringify(rows));
}
async function main() {
  try {
    await run([]);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
void main();
`,
    },
    {
      name: "a class's error handler destroys the socket: not an orderly close",
      code: `
import type { Socket } from "node:net";
export class Connection {
  constructor(private readonly socket: Socket) {}
  send(data: Buffer) {
    this.socket.write(data);
  }
  handleSocketError() {
    this.socket.destroy();
  }
}
`,
    },
    {
      name: "emit('end', req, res, proxyRes): a library's own event, not a report that the job is done",
      code: `
import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
export class Proxy extends EventEmitter {
  finish(res: ServerResponse, body: Buffer, request: object, upstream: object) {
    res.end(body);
    this.emit("end", request, res, upstream);
  }
}
`,
    },
    {
      name: "a helper handed a list and an object written out in place prints text of fixed size",
      code: `
function logJson(value: unknown) {
  process.stdout.write(JSON.stringify(value, null, 2));
}
function command(name: string, flags: string[]) {
  return [name, ...flags].join(" ");
}
declare const reason: string;
logJson({ error: reason, retry: false });
process.stdout.write(command("deploy", []) + "\\n");
process.exit(1);
`,
    },
    {
      name: "a log() helper called with nothing prints its default, an empty line",
      code: `
function log(message = "", ...rest: string[]) {
  process.stdout.write([message, ...rest].join(" ") + "\\n");
}
log();
process.exit(0);
`,
    },
  ],
  invalid: [
    // ---- CLI entry points: the output in a callee, the exit in the caller --------------------------
    {
      name: "process.exit(run()) where run() writes a serialised report",
      code: `
function run(rows: object[]): number {
  process.stdout.write(JSON.stringify(rows));
  return 1;
}
declare const rows: object[];
process.exit(run(rows));
`,
      errors: [
        {
          messageId: "exitAfterWriteInCall",
          line: 7,
          data: {
            shutdown: "process.exit(run(rows))",
            call: "run()",
            line: 7,
            stream: "process.stdout",
            write: "process.stdout.write()",
            where: "line 3",
          },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
function run(rows: object[]): number {
  process.stdout.write(JSON.stringify(rows));
  return 1;
}
declare const rows: object[];
process.exitCode = run(rows);
`,
            },
          ],
        },
      ],
    },
    {
      name: "a helper that returns early while the stream is still there does not wait for it on every path",
      code: `
import type { WriteStream } from "node:fs";
interface LogContext {
  quiet: boolean;
  writer?: WriteStream;
}
function logEvent(context: LogContext, message: string): void {
  context.writer?.write(\`\${message}\\n\`);
}
async function disposeLog(context: LogContext): Promise<void> {
  const writer = context.writer;
  if (context.quiet) return;
  await new Promise<void>((resolve) => {
    writer?.end(() => resolve());
  });
}
export async function shutdown(context: LogContext): Promise<void> {
  logEvent(context, "Shutting down.");
  await disposeLog(context);
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitAfterWriteInCall",
          line: 20,
          data: {
            shutdown: "process.exit(0)",
            call: "logEvent()",
            line: 18,
            write: "context.writer?.write()",
            where: "line 8",
          },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import type { WriteStream } from "node:fs";
interface LogContext {
  quiet: boolean;
  writer?: WriteStream;
}
function logEvent(context: LogContext, message: string): void {
  context.writer?.write(\`\${message}\\n\`);
}
async function disposeLog(context: LogContext): Promise<void> {
  const writer = context.writer;
  if (context.quiet) return;
  await new Promise<void>((resolve) => {
    writer?.end(() => resolve());
  });
}
export async function shutdown(context: LogContext): Promise<void> {
  logEvent(context, "Shutting down.");
  await disposeLog(context);
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a promise returned from a callee that was handed stdout does not wait for stdout [recall: typeDiagram]",
      code: `
declare function renderToString(source: string): Promise<Uint8Array>;
async function render(source: string, stdout: NodeJS.WritableStream): Promise<number> {
  stdout.write(await renderToString(source));
  return 0;
}
export function main(source: string, stdout: NodeJS.WritableStream): Promise<number> {
  return render(source, stdout);
}
void main("x", process.stdout).then((code) => process.exit(code));
`,
      errors: [
        {
          messageId: "exitAfterWriteInCall",
          line: 10,
          data: {
            shutdown: "process.exit(code)",
            call: "main()",
            line: 10,
            write: "stdout.write()",
            where: "line 4",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "exit() imported from node:process after a callee in another module printed a report",
      code: `
import { exit } from "node:process";
import { printReport } from "./cross-function-helpers.js";
declare const rows: object[];
exit(printReport(rows));
`,
      errors: [
        {
          messageId: "exitAfterWriteInCall",
          line: 5,
          data: {
            shutdown: "exit(printReport(rows))",
            call: "printReport()",
            line: 5,
            stream: "process.stdout",
            write: "process.stdout.write()",
            where: "cross-function-helpers.ts:7",
          },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { exit } from "node:process";
import { printReport } from "./cross-function-helpers.js";
declare const rows: object[];
process.exitCode = printReport(rows);
`,
            },
          ],
        },
      ],
    },
    {
      name: "main().then((code) => process.exit(code)): the async main's output is not flushed by its promise",
      code: `
async function main(): Promise<number> {
  console.log(JSON.stringify(process.env));
  return 0;
}
void main().then((code) => process.exit(code));
`,
      errors: [{ messageId: "exitAfterWriteInCall", line: 6 }],
    },
    {
      name: "main().then(process.exit) after an async main wrote a report",
      code: `
async function main(): Promise<number> {
  process.stdout.write(JSON.stringify(process.env));
  return 0;
}
void main().then(process.exit);
`,
      errors: [{ messageId: "exitAfterWriteInCall", line: 6 }],
    },
    {
      name: "a never-returning helper in another module exits after a serialised report",
      code: `
import { fail } from "./cross-function-helpers.js";
console.log(JSON.stringify(process.env));
fail(1);
`,
      errors: [
        {
          messageId: "exitInCall",
          line: 4,
          data: {
            shutdown: "fail(1)",
            drop: "process.exit()",
            where: "cross-function-helpers.ts:26",
            write: "console.log()",
            line: 3,
          },
        },
      ],
    },
    // ---- helpers that write and return -------------------------------------------------------------
    {
      name: "a helper writes the reply, the caller destroys the socket",
      code: `
import type { Socket } from "node:net";
import { sendReply } from "./cross-function-helpers.js";
export function reply(sock: Socket, body: Buffer) {
  sendReply(sock, "HTTP/1.1 200 OK\\r\\n\\r\\n", body);
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "destroyAfterWriteInCall",
          line: 6,
          data: {
            shutdown: "sock.destroy()",
            call: "sendReply()",
            line: 5,
            stream: "sock",
            write: "sock.write()",
            where: "cross-function-helpers.ts:13",
          },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
import { sendReply } from "./cross-function-helpers.js";
export function reply(sock: Socket, body: Buffer) {
  sendReply(sock, "HTTP/1.1 200 OK\\r\\n\\r\\n", body);
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a request written to the socket, then a promise a timer settles: destroy() after it may cut the request",
      code: `
import type { Socket } from "node:net";
export class Client {
  constructor(private readonly socket: Socket) {}
  request(message: Buffer): Promise<void> {
    this.socket.write(message);
    return new Promise((resolve) => {
      setTimeout(resolve, 10);
    });
  }
  close(): void {
    this.socket.destroy();
  }
}
export async function query(client: Client, message: Buffer) {
  await client.request(message);
  client.close();
}
`,
      errors: [
        {
          messageId: "destroyAfterWriteInMethod",
          line: 12,
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export class Client {
  constructor(private readonly socket: Socket) {}
  request(message: Buffer): Promise<void> {
    this.socket.write(message);
    return new Promise((resolve) => {
      setTimeout(resolve, 10);
    });
  }
  close(): void {
    this.socket.end(() => this.socket.destroy());
  }
}
export async function query(client: Client, message: Buffer) {
  await client.request(message);
  client.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a recursive helper writes rows, the caller destroys the socket",
      code: `
import type { Socket } from "node:net";
function writeRows(sock: Socket, rows: string[], index: number): void {
  if (index >= rows.length) return;
  sock.write(rows[index]);
  writeRows(sock, rows, index + 1);
}
export function dump(sock: Socket, rows: string[]) {
  writeRows(sock, rows, 0);
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "destroyAfterWriteInCall",
          line: 10,
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
function writeRows(sock: Socket, rows: string[], index: number): void {
  if (index >= rows.length) return;
  sock.write(rows[index]);
  writeRows(sock, rows, index + 1);
}
export function dump(sock: Socket, rows: string[]) {
  writeRows(sock, rows, 0);
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
    // ---- the shutdown in a callee ------------------------------------------------------------------
    {
      name: "the caller writes, a callee in another module destroys the socket",
      code: `
import type { Socket } from "node:net";
import { closeConnection } from "./cross-function-helpers.js";
export function reject(sock: Socket, body: Buffer) {
  sock.write(body);
  closeConnection(sock);
}
`,
      errors: [
        {
          messageId: "destroyInCall",
          line: 6,
          data: {
            shutdown: "closeConnection(sock)",
            drop: "sock.destroy()",
            where: "cross-function-helpers.ts:22",
            write: "sock.write()",
            line: 5,
          },
        },
      ],
    },
    // ---- classes whose methods share a stream ------------------------------------------------------
    {
      name: "class close() destroys the socket that send() writes to",
      code: `
import type { Socket } from "node:net";
export class Connection {
  constructor(private readonly socket: Socket) {}
  send(data: Buffer) {
    this.socket.write(data);
  }
  close() {
    this.socket.destroy();
  }
}
`,
      errors: [
        {
          messageId: "destroyAfterWriteInMethod",
          line: 9,
          data: {
            shutdown: "this.socket.destroy()",
            method: "send",
            stream: "this.socket",
            write: "this.socket.write()",
            where: "line 6",
          },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export class Connection {
  constructor(private readonly socket: Socket) {}
  send(data: Buffer) {
    this.socket.write(data);
  }
  close() {
    this.socket.end(() => this.socket.destroy());
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a cleanup method that may be handed an error is also the orderly close",
      code: `
import type { Socket } from "node:net";
export class Connection {
  constructor(private readonly socket: Socket) {}
  send(data: Buffer) {
    this.socket.write(data);
  }
  cleanup(error?: Error) {
    this.socket.destroy();
    if (error) console.error(error.message);
  }
}
`,
      errors: [
        {
          messageId: "destroyAfterWriteInMethod",
          line: 9,
          data: {
            shutdown: "this.socket.destroy()",
            method: "send",
            stream: "this.socket",
            write: "this.socket.write()",
            where: "line 6",
          },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export class Connection {
  constructor(private readonly socket: Socket) {}
  send(data: Buffer) {
    this.socket.write(data);
  }
  cleanup(error?: Error) {
    this.socket.end(() => this.socket.destroy());
    if (error) console.error(error.message);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "class dispose() ends and destroys at once what a private helper method wrote",
      code: `
import type { Socket } from "node:net";
export class Transport {
  constructor(private readonly socket: Socket) {}
  private writeChunk(chunk: Buffer) {
    this.socket.write(chunk);
  }
  dispose() {
    this.socket.end();
    this.socket.destroy();
  }
}
`,
      errors: [
        {
          messageId: "destroyAfterWriteInMethod",
          line: 10,
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
import type { Socket } from "node:net";
export class Transport {
  constructor(private readonly socket: Socket) {}
  private writeChunk(chunk: Buffer) {
    this.socket.write(chunk);
  }
  dispose() {
    this.socket.end();
    this.socket.end(() => this.socket.destroy());
  }
}
`,
            },
          ],
        },
      ],
    },
    // ---- a project's own stream wrapper ------------------------------------------------------------
    {
      name: "a wrapper class: write() delegates to its socket, destroy() destroys it",
      code: `
import type { Socket } from "node:net";
class Channel {
  constructor(private readonly socket: Socket) {}
  write(data: Buffer): boolean {
    return this.socket.write(data);
  }
  destroy(): void {
    this.socket.destroy();
  }
}
export function finish(channel: Channel, last: Buffer) {
  channel.write(last);
  channel.destroy();
}
`,
      errors: [
        {
          messageId: "destroyInCall",
          line: 14,
          data: {
            shutdown: "channel.destroy()",
            drop: "this.socket.destroy()",
            where: "line 9",
            write: "channel.write()",
            line: 13,
          },
        },
      ],
    },
    {
      name: "a forced exit scheduled on a timer, after a serialised report",
      code: `
function scheduleForcedExit() {
  setTimeout(() => {
    process.exit(process.exitCode ?? 0);
  }, 50);
}
console.log(JSON.stringify(process.env));
scheduleForcedExit();
`,
      errors: [
        {
          messageId: "exitInCall",
          line: 8,
          data: {
            shutdown: "scheduleForcedExit()",
            drop: "process.exit()",
            where: "line 4",
            write: "console.log()",
            line: 7,
          },
        },
      ],
    },
    {
      name: "a print() helper handed data: the exit after it loses the tail",
      code: `
function print(rows: object[]) {
  process.stdout.write(JSON.stringify(rows));
}
declare const rows: object[];
print(rows);
process.exit(0);
`,
      errors: [
        {
          messageId: "exitAfterWriteInCall",
          line: 7,
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
function print(rows: object[]) {
  process.stdout.write(JSON.stringify(rows));
}
declare const rows: object[];
print(rows);
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "two calls deep: the short status line a helper writes first does not hide the report it prints after it",
      code: `
import type { Socket } from "node:net";
function report(sock: Socket, rows: object[]) {
  sock.write("ok\\n");
  process.stdout.write(JSON.stringify(rows));
}
function handle(sock: Socket, rows: object[]) {
  report(sock, rows);
}
export function main(sock: Socket, rows: object[]) {
  handle(sock, rows);
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitAfterWriteInCall",
          line: 12,
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import type { Socket } from "node:net";
function report(sock: Socket, rows: object[]) {
  sock.write("ok\\n");
  process.stdout.write(JSON.stringify(rows));
}
function handle(sock: Socket, rows: object[]) {
  report(sock, rows);
}
export function main(sock: Socket, rows: object[]) {
  handle(sock, rows);
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a fatal() helper forwarding objects to error(): they may be printed whole before the exit",
      code: `
function error(...rows: object[]) {
  console.error("Error:", ...rows);
}
export function fatal(...rows: object[]) {
  error(...rows);
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitAfterWriteInCall",
          line: 7,
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
function error(...rows: object[]) {
  console.error("Error:", ...rows);
}
export function fatal(...rows: object[]) {
  error(...rows);
  process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a logger forwarding ...args: any[] to the console, handed a serialised result: the exit after it loses the tail",
      code: `
class Log {
  static log(...args: any[]): void {
    console.log(...args);
  }
}
export function printRun(run: { jobs: object[] }, failed: boolean) {
  Log.log(JSON.stringify(run, null, 2));
  if (failed) process.exit(12);
}
`,
      errors: [
        {
          messageId: "exitAfterWriteInCall",
          line: 9,
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
class Log {
  static log(...args: any[]): void {
    console.log(...args);
  }
}
export function printRun(run: { jobs: object[] }, failed: boolean) {
  Log.log(JSON.stringify(run, null, 2));
  if (failed) process.exitCode = 12;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a render() helper handed a result object, not text: its tables count as output",
      code: `
interface Analysis {
  readonly problems: readonly string[];
}
function render(analysis: Analysis) {
  for (const problem of analysis.problems) console.log(problem);
  console.log(JSON.stringify(analysis));
}
export function report(analysis: Analysis) {
  render(analysis);
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitAfterWriteInCall",
          line: 11,
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
interface Analysis {
  readonly problems: readonly string[];
}
function render(analysis: Analysis) {
  for (const problem of analysis.problems) console.log(problem);
  console.log(JSON.stringify(analysis));
}
export function report(analysis: Analysis) {
  render(analysis);
  process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
  ],
});
