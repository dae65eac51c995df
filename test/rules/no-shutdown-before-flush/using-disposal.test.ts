// no-shutdown-before-flush: leaving the scope of a `using` or `await using` binding of a Node stream destroys it,
// and so does calling its Symbol.asyncDispose yourself: what was written and not waited for is lost.
import rule from "../../../rules/no-shutdown-before-flush.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
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
  ],
  invalid: [
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
          messageId: "destroyBeforeFlush",
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
  ],
});
