// no-shutdown-before-flush: what waits for the flush before a shutdown (finished(), once(), the end and write callbacks,
// listeners, a reply from the peer), and which paths reach the shutdown with data still queued:
// branches, loops, try/finally, switch, break and continue.
import rule from "../../../rules/no-shutdown-before-flush.js";
import { createRuleTester, reportedWithExitCode } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
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
      name: "`await finished(sock)` still waits for the socket",
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
      name: "`await new Promise((r) => sock.end(r))` still waits for the socket",
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
      name: 'a flag set by a "finish" listener and awaited before destroy() waits for the flush [evaluation F3a]',
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
      name: 'a "drain" listener spy polled before destroy() waits for the drain [evaluation F3a]',
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
      name: 'a spy made from the socket and polled for "drain" before destroy() waits for the drain [evaluation F3a]',
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
      name: "awaiting a reply promise made from the socket before the write waits for the peer [evaluation F3b]",
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
    // ---- paths that did not write, or waited on each --------------------------------------------
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
    // ---- paths that a local flag rules out -----------------------------------------------------
    {
      name: "a flag set after the report makes the path with the report return before the exit",
      code: `
export function main(args: string[], rows: readonly object[]): void {
  let handled = false;
  if (args.includes("--list")) {
    process.stdout.write(JSON.stringify(rows));
    handled = true;
  }
  if (handled) return;
  console.error("nothing to do");
  process.exit(0);
}
`,
    },
    {
      name: "a command handler that writes only when it returns true rules out the exit behind `if (await handle()) return`",
      code: `
async function handleList(args: string[], rows: readonly object[]): Promise<boolean> {
  if (args[0] !== "list") return false;
  process.stdout.write(JSON.stringify(rows));
  return true;
}
export async function main(args: string[], rows: readonly object[]): Promise<void> {
  if (await handleList(args, rows)) return;
  console.error("unknown command");
  process.exit(1);
}
`,
    },
    {
      name: "a handler declared to return a boolean does not fall off the end of its exhaustive switch",
      code: `
async function handle(command: "list" | "count" | undefined, rows: readonly object[]): Promise<boolean> {
  if (!command) return false;
  process.stdout.write(JSON.stringify(rows));
  switch (command) {
    case "list":
      return true;
    case "count":
      process.stdout.write(JSON.stringify(rows.length));
      return true;
  }
}
export async function main(command: "list" | "count" | undefined, rows: readonly object[]): Promise<void> {
  if (await handle(command, rows)) return;
  process.exit(1);
}
`,
    },
    {
      name: "a flag cleared on the path that writes rules out the destroy behind it",
      code: `
import type { Socket } from "node:net";
export function reply(sock: Socket, body: Buffer, keepAlive: boolean): void {
  let close = !keepAlive;
  if (body.length > 0) {
    sock.write(body);
    close = false;
  }
  if (close && !sock.destroyed) sock.destroy();
}
`,
    },
  ],
  invalid: [
    // ---- waits that wait for nothing ------------------------------------------------------------
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
          messageId: "destroyBeforeFlush",
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
          messageId: "destroyBeforeFlush",
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
    {
      name: "awaiting a call that only reads `sock.remoteAddress` does not wait for the socket",
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
          messageId: "destroyBeforeFlush",
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
      name: 'a "finish" flag that the awaited expression does not read waits for nothing',
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
          messageId: "destroyBeforeFlush",
          line: 11,
          data: { shutdown: "socket.destroy()", write: "socket.write()", line: 9, stream: "socket" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
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
`,
            },
            {
              messageId: "awaitFinishedBeforeDestroy",
              output: `
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
`,
            },
          ],
        },
      ],
    },
    // ---- paths ----------------------------------------------------------------------------------
    reportedWithExitCode(
      "a command handler that also writes before returning false still leaves its output pending at the exit",
      `
async function handleList(args: string[], rows: readonly object[]): Promise<boolean> {
  process.stdout.write(JSON.stringify(rows));
  if (args[0] !== "list") return false;
  return true;
}
export async function main(args: string[], rows: readonly object[]): Promise<void> {
  if (await handleList(args, rows)) return;
  process.exit(1);
}
`,
      { messageId: "exitAfterWriteInCall", line: 9 },
    ),
    reportedWithExitCode(
      "a handler with no declared return type may fall off the end of its switch with its output pending",
      `
async function handle(command: "list" | "count" | undefined, rows: readonly object[]) {
  if (!command) return false;
  process.stdout.write(JSON.stringify(rows));
  switch (command) {
    case "list":
      return true;
    case "count":
      return true;
  }
}
export async function main(command: "list" | "count" | undefined, rows: readonly object[]): Promise<void> {
  if (await handle(command, rows)) return;
  process.exit(1);
}
`,
      { messageId: "exitAfterWriteInCall", line: 14 },
    ),
    {
      name: "an exit on the path where the handler returned true follows its output",
      code: `
async function handleList(args: string[], rows: readonly object[]): Promise<boolean> {
  if (args[0] !== "list") return false;
  process.stdout.write(JSON.stringify(rows));
  return true;
}
export async function main(args: string[], rows: readonly object[]): Promise<void> {
  if (!(await handleList(args, rows))) return;
  process.exit(0);
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
async function handleList(args: string[], rows: readonly object[]): Promise<boolean> {
  if (args[0] !== "list") return false;
  process.stdout.write(JSON.stringify(rows));
  return true;
}
export async function main(args: string[], rows: readonly object[]): Promise<void> {
  if (!(await handleList(args, rows))) return;
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a flag that a callback may set is not known on the path: the exit is still reached",
      code: `
export function main(args: string[], rows: readonly object[]): void {
  let handled = false;
  args.forEach((arg) => {
    if (arg === "--quiet") handled = true;
  });
  process.stdout.write(JSON.stringify(rows));
  if (handled) return;
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 9,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 7 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function main(args: string[], rows: readonly object[]): void {
  let handled = false;
  args.forEach((arg) => {
    if (arg === "--quiet") handled = true;
  });
  process.stdout.write(JSON.stringify(rows));
  if (handled) return;
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a flag set in a loop is not known after one walk of its body: the exit is still reached",
      code: `
export function main(files: string[], rows: readonly object[]): void {
  let printed = false;
  for (const file of files) {
    if (printed) continue;
    process.stdout.write(JSON.stringify(rows) + file);
    printed = true;
  }
  if (!printed) return;
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 10,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 6 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function main(files: string[], rows: readonly object[]): void {
  let printed = false;
  for (const file of files) {
    if (printed) continue;
    process.stdout.write(JSON.stringify(rows) + file);
    printed = true;
  }
  if (!printed) return;
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
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
          messageId: "destroyBeforeFlush",
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
          messageId: "destroyBeforeFlush",
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
          messageId: "destroyBeforeFlush",
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
          messageId: "destroyBeforeFlush",
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
          messageId: "destroyBeforeFlush",
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
          messageId: "destroyBeforeFlush",
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
          messageId: "destroyBeforeFlush",
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
          messageId: "destroyBeforeFlush",
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
      name: "a switch whose clauses all end in `break` does not hide the code after it",
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
          messageId: "destroyBeforeFlush",
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
      name: "a write followed by `break` reaches the code after the loop",
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
          messageId: "destroyBeforeFlush",
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
      name: "a write followed by `continue` reaches the code after the loop",
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
          messageId: "destroyBeforeFlush",
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
      name: "`if (quit) sock.destroy();` gets braces around the inserted end() and wait",
      code: `
import type { Socket } from "node:net";
export async function send(sock: Socket, data: Buffer, quit: boolean) {
  sock.write(data);
  if (quit) sock.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
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
  ],
});
