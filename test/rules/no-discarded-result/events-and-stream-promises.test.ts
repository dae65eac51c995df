// no-discarded-result: once() from node:events for "drain", "finish" and "close", and finished() and pipeline()
// from node:stream/promises, wait for nothing unless their promise is awaited or returned.
import rule from "../../../rules/no-discarded-result.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-discarded-result", rule, {
  valid: [
    {
      name: "returned Promise.race of once(drain) and finished(), returned Promise.allSettled of writer calls",
      code: `
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
export function drainOrFinish(s: Writable) {
  return Promise.race([once(s, "drain"), finished(s)]);
}
export function settle(writer: WritableStreamDefaultWriter<string>) {
  return Promise.allSettled([writer.write("a"), writer.close()]);
}
`,
    },
    {
      name: "the plugin's own wait-for-drain shape: once(drain) raced with finished() and awaited through .finally()",
      code: `
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
export async function waitForDrain(s: Writable) {
  const drained = new AbortController();
  await Promise.race([
    once(s, "drain", { signal: drained.signal }),
    finished(s, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`,
    },
    {
      name: "once() with events other than drain/finish/close is not a stream result",
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export function watch(s: Writable) {
  once(s, "error");
  once(s, "pipe");
}
`,
    },
    {
      name: "callback-style stream pipeline/finished return no promise",
      code: `
import { pipeline, finished } from "node:stream";
import type { Readable, Writable } from "node:stream";
export function pipe(r: Readable, w: Writable) {
  pipeline(r, w, () => {});
  finished(w, () => {});
}
`,
    },
    {
      name: "stream/promises pipeline awaited and finished returned",
      code: `
import { pipeline, finished } from "node:stream/promises";
import type { Readable, Writable } from "node:stream";
export async function copy(r: Readable, w: Writable) {
  await pipeline(r, w);
}
export function done(w: Writable) {
  return finished(w);
}
`,
    },
    {
      name: 'once(server, "close") on a net.Server is no stream completion',
      code: `
import { once } from "node:events";
import type { Server } from "node:net";
export async function shutDown(server: Server) {
  server.close();
  once(server, "close");
}
`,
    },
  ],
  invalid: [
    {
      name: 'once(s, "drain") as a bare statement waits for nothing',
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  once(s, "drain");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          endColumn: 19,
          data: { callee: "once()", how: "as a bare statement", lost: "when the buffer has room again" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await once(s, "drain");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return once(s, "drain");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'once(s, "finish") as a bare statement',
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  once(s, "finish");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "once()", how: "as a bare statement", lost: "whether the stream finished or failed" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await once(s, "finish");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return once(s, "finish");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'events.once(s, "close") through the events default import',
      code: `
import events from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  events.once(s, "close");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "events.once()", how: "as a bare statement", lost: "whether the stream finished or failed" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import events from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await events.once(s, "close");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import events from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return events.once(s, "close");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'EventEmitter.once(s, "finish"), the static method',
      code: `
import { EventEmitter } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  EventEmitter.once(s, "finish");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { EventEmitter } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await EventEmitter.once(s, "finish");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { EventEmitter } from "node:events";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return EventEmitter.once(s, "finish");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "finished(s) from stream/promises as a bare statement",
      code: `
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  finished(s);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "finished()", how: "as a bare statement", lost: "whether the stream finished or failed" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await finished(s);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return finished(s);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'finished() through `import { promises as streamPromises } from "node:stream"`',
      code: `
import { promises as streamPromises } from "node:stream";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  streamPromises.finished(s);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { promises as streamPromises } from "node:stream";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  await streamPromises.finished(s);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { promises as streamPromises } from "node:stream";
import type { Writable } from "node:stream";
export async function wait(s: Writable) {
  return streamPromises.finished(s);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "pipeline() from stream/promises as a bare statement",
      code: `
import { pipeline } from "node:stream/promises";
import type { Readable, Writable } from "node:stream";
export async function copy(r: Readable, w: Writable) {
  pipeline(r, w);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "pipeline()", how: "as a bare statement", lost: "whether the stream finished or failed" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { pipeline } from "node:stream/promises";
import type { Readable, Writable } from "node:stream";
export async function copy(r: Readable, w: Writable) {
  await pipeline(r, w);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { pipeline } from "node:stream/promises";
import type { Readable, Writable } from "node:stream";
export async function copy(r: Readable, w: Writable) {
  return pipeline(r, w);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "once imported under another name (`once as eventOnce`) is still once()",
      code: `
import { once as eventOnce } from "node:events";
import type { Socket } from "node:net";
export function waitForRoom(s: Socket) {
  eventOnce(s, "drain");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "eventOnce()", how: "as a bare statement", lost: "when the buffer has room again" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import { once as eventOnce } from "node:events";
import type { Socket } from "node:net";
export function waitForRoom(s: Socket) {
  return eventOnce(s, "drain");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'once(sock, "close") on a socket is a stream completion',
      code: `
import { once } from "node:events";
import type { Socket } from "node:net";
export function hangUp(sock: Socket) {
  sock.end();
  once(sock, "close");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 6,
          column: 3,
          data: { callee: "once()", how: "as a bare statement", lost: "whether the stream finished or failed" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import { once } from "node:events";
import type { Socket } from "node:net";
export function hangUp(sock: Socket) {
  sock.end();
  return once(sock, "close");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'plain JavaScript (.js): once(x, "drain") with an untyped parameter',
      filename: "script.js",
      code: `
import { once } from "node:events";
export function waitForRoom(x) {
  once(x, "drain");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "once()", how: "as a bare statement", lost: "when the buffer has room again" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import { once } from "node:events";
export function waitForRoom(x) {
  return once(x, "drain");
}
`,
            },
          ],
        },
      ],
    },
  ],
});
