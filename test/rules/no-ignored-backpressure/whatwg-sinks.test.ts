// no-ignored-backpressure: the write() of an underlying sink given to `new WritableStream()` runs once per chunk the
// web stream's producer sends; a Node write() there whose `false` is ignored, in a sink write() that returns before
// the Node stream has room, never slows that producer. Reported unless the sink returns or awaits a wait for "drain"
// (or the write's callback); the waitForDrain suggestion returns or awaits the per-file helper.
import rule from "../../../rules/no-ignored-backpressure.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

/** The helper the waitForDrain suggestion appends to a file, after a blank line. */
const DRAIN_HELPER = `
/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}
`;

ruleTester.run("no-ignored-backpressure", rule, {
  valid: [
    {
      name: 'a synchronous sink write() that returns once(res, "drain") when write() returns false',
      code: `
import { once } from "node:events";
import type { ServerResponse } from "node:http";
export function toWeb(res: ServerResponse): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write(chunk) {
      if (!res.write(chunk)) return once(res, "drain").then(() => undefined);
    },
  });
}
`,
    },
    {
      name: 'an async sink write() that awaits once(res, "drain") when write() returns false',
      code: `
import { once } from "node:events";
import type { ServerResponse } from "node:http";
export function toWeb(res: ServerResponse): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    async write(chunk) {
      if (!res.write(chunk)) await once(res, "drain");
    },
  });
}
`,
    },
    {
      name: "a sink write() that returns a promise settled by the write's callback",
      code: `
import type { Socket } from "node:net";
export function toWeb(sock: Socket): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write(chunk) {
      return new Promise<void>((resolve, reject) => sock.write(chunk, (err) => (err ? reject(err) : resolve())));
    },
  });
}
`,
    },
    {
      name: "the shape the waitForDrain suggestion inserts in a synchronous sink is itself accepted",
      code: `
import type { ServerResponse } from "node:http";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export function toWeb(res: ServerResponse): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write(chunk) {
      if (res.write(chunk) === false) return waitForDrain(res);
    },
  });
}
${DRAIN_HELPER}`,
    },
    {
      name: "a sink that writes to a WHATWG writer and returns its promise",
      code: `
export function relay(writer: WritableStreamDefaultWriter<Uint8Array>): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write(chunk) {
      return writer.write(chunk);
    },
  });
}
`,
    },
    {
      name: "a sink that awaits a WHATWG writer's write()",
      code: `
export function relay(writer: WritableStreamDefaultWriter<Uint8Array>): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    async write(chunk) {
      await writer.write(chunk);
    },
  });
}
`,
    },
    {
      name: "an object with a write() method that is never given to a WritableStream",
      code: `
import type { ServerResponse } from "node:http";
export function handlers(res: ServerResponse) {
  return {
    write(chunk: Uint8Array) {
      res.write(chunk);
    },
  };
}
`,
    },
    {
      name: "a sink const with a write() method, given to something other than a WritableStream",
      code: `
import type { ServerResponse } from "node:http";
declare function register(sink: { write(chunk: Uint8Array): void }): void;
export function setUp(res: ServerResponse) {
  const sink = {
    write(chunk: Uint8Array) {
      res.write(chunk);
    },
  };
  register(sink);
}
`,
    },
    {
      name: "a sink's close() that writes once: only write() runs per chunk",
      code: `
import type { ServerResponse } from "node:http";
export function toWeb(res: ServerResponse): WritableStream<string> {
  return new WritableStream<string>({
    async write(chunk) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once("drain", resolve));
    },
    close() {
      res.write("\\n");
      res.end();
    },
  });
}
`,
    },
  ],
  invalid: [
    {
      name: "a synchronous sink write() method: the suggestion returns the wait",
      code: `
import type { ServerResponse } from "node:http";
export function toWeb(res: ServerResponse): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write(chunk) {
      res.write(chunk);
    },
  });
}
`,
      errors: [
        {
          messageId: "sinkWithoutBackpressure",
          line: 6,
          data: { write: "res.write()", stream: "res" },
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { ServerResponse } from "node:http";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export function toWeb(res: ServerResponse): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write(chunk) {
      if (res.write(chunk) === false) return waitForDrain(res);
    },
  });
}
${DRAIN_HELPER}`,
            },
          ],
        },
      ],
    },
    {
      name: "an arrow function sink write with a block body",
      code: `
import type { Socket } from "node:net";
export function toWeb(sock: Socket): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write: (chunk) => {
      sock.write(chunk);
    },
  });
}
`,
      errors: [
        {
          messageId: "sinkWithoutBackpressure",
          line: 6,
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Socket } from "node:net";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export function toWeb(sock: Socket): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write: (chunk) => {
      if (sock.write(chunk) === false) return waitForDrain(sock);
    },
  });
}
${DRAIN_HELPER}`,
            },
          ],
        },
      ],
    },
    {
      name: "an async sink write(): the suggestion awaits the wait",
      code: `
import type { ServerResponse } from "node:http";
export function toWeb(res: ServerResponse): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    async write(chunk) {
      res.write(chunk);
    },
  });
}
`,
      errors: [
        {
          messageId: "sinkWithoutBackpressure",
          line: 6,
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { ServerResponse } from "node:http";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export function toWeb(res: ServerResponse): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    async write(chunk) {
      if (res.write(chunk) === false) await waitForDrain(res);
    },
  });
}
${DRAIN_HELPER}`,
            },
          ],
        },
      ],
    },
    {
      name: "a sink held in a const and given to new WritableStream(sink)",
      code: `
import type { Writable } from "node:stream";
export async function save(body: ReadableStream<Uint8Array>, out: Writable) {
  const sink: UnderlyingSink<Uint8Array> = {
    async write(chunk) {
      out.write(chunk);
    },
    close() {
      out.end();
    },
  };
  await body.pipeTo(new WritableStream(sink));
}
`,
      errors: [
        {
          messageId: "sinkWithoutBackpressure",
          line: 6,
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Writable } from "node:stream";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export async function save(body: ReadableStream<Uint8Array>, out: Writable) {
  const sink: UnderlyingSink<Uint8Array> = {
    async write(chunk) {
      if (out.write(chunk) === false) await waitForDrain(out);
    },
    close() {
      out.end();
    },
  };
  await body.pipeTo(new WritableStream(sink));
}
${DRAIN_HELPER}`,
            },
          ],
        },
      ],
    },
    {
      name: "a WritableStream imported from node:stream/web",
      code: `
import type { Socket } from "node:net";
import { WritableStream } from "node:stream/web";
export function toWeb(sock: Socket) {
  return new WritableStream<Uint8Array>({
    write(chunk) {
      sock.write(chunk);
    },
  });
}
`,
      errors: [
        {
          messageId: "sinkWithoutBackpressure",
          line: 7,
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { Socket } from "node:net";
import { WritableStream } from "node:stream/web";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export function toWeb(sock: Socket) {
  return new WritableStream<Uint8Array>({
    write(chunk) {
      if (sock.write(chunk) === false) return waitForDrain(sock);
    },
  });
}
${DRAIN_HELPER}`,
            },
          ],
        },
      ],
    },
    {
      name: "an expression-bodied sink write returns the boolean, which the WritableStream ignores: no suggestion",
      code: `
import type { ServerResponse } from "node:http";
export function toWeb(res: ServerResponse): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write: (chunk) => res.write(chunk),
  });
}
`,
      errors: [{ messageId: "sinkWithoutBackpressure", line: 5, suggestions: [] }],
    },
    {
      name: "a synchronous sink write() that goes on after the write: no suggestion, returning would skip the rest",
      code: `
import type { ServerResponse } from "node:http";
export function toWeb(res: ServerResponse): WritableStream<Uint8Array> {
  let sent = 0;
  return new WritableStream<Uint8Array>({
    write(chunk) {
      res.write(chunk);
      sent += chunk.length;
    },
  });
}
`,
      errors: [{ messageId: "sinkWithoutBackpressure", line: 7, suggestions: [] }],
    },
    {
      name: "a synchronous sink write() declared to return void: no suggestion, it could not return the wait",
      code: `
import type { ServerResponse } from "node:http";
export function toWeb(res: ServerResponse): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write(chunk): void {
      res.write(chunk);
    },
  });
}
`,
      errors: [{ messageId: "sinkWithoutBackpressure", line: 6, suggestions: [] }],
    },
    {
      name: "a write callback that settles nothing the sink returns does not slow the producer",
      code: `
import type { ServerResponse } from "node:http";
export function toWeb(res: ServerResponse, onError: (error: Error) => void): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write(chunk) {
      res.write(chunk, (error) => error && onError(error));
    },
  });
}
`,
      errors: [
        {
          messageId: "sinkWithoutBackpressure",
          line: 6,
          suggestions: [
            {
              messageId: "waitForDrain",
              output: `
import type { ServerResponse } from "node:http";
import { once } from "node:events";
import { finished } from "node:stream/promises";
export function toWeb(res: ServerResponse, onError: (error: Error) => void): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    write(chunk) {
      if (res.write(chunk, (error) => error && onError(error)) === false) return waitForDrain(res);
    },
  });
}
${DRAIN_HELPER}`,
            },
          ],
        },
      ],
    },
  ],
});
