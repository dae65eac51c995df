// no-shutdown-before-flush with checkUntypedStreams: a value typed `any` (JavaScript, a project
// without `strict`) that one function both writes to and destroys is taken for a Node stream there,
// by its method names alone. `unknown`, an unresolved type, and the option off are left alone.
import { fileURLToPath } from "node:url";

import { RuleTester } from "@typescript-eslint/rule-tester";

import rule from "../../../rules/no-shutdown-before-flush.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

const UNTYPED = [{ checkUntypedStreams: true }] as const;

/** A helper that answers a refused connection by hand: written, then destroyed. */
const REJECT_HELPER = `
export function reject(socket, body) {
  socket.write(body);
  socket.destroy();
}
`;

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
    {
      name: "a require() of child_process in a TypeScript file with Node's types: untyped by its form, no notice",
      code: `
const { execSync } = require("child_process");
export const run = (command: string) => execSync(command);
`,
    },
    {
      name: "option off: an untyped value written and destroyed is not taken for a stream",
      filename: "script.js",
      code: REJECT_HELPER,
    },
    {
      name: "an untyped value written, then ended without destroy(), is not taken for a stream",
      filename: "script.js",
      options: UNTYPED,
      code: `
export function reply(socket, body) {
  socket.write(body);
  socket.end();
}
`,
    },
    {
      name: "a value typed unknown (JSDoc) is not taken for a stream",
      filename: "script.js",
      options: UNTYPED,
      code: `
/**
 * @param {unknown} socket
 * @param {string} body
 */
export function reject(socket, body) {
  socket.write(body);
  socket.destroy();
}
`,
    },
    {
      name: "a typed object that is no stream is not taken for one",
      options: UNTYPED,
      code: `
interface Cache {
  write(entry: string): void;
  destroy(): void;
}
export function drop(cache: Cache, entry: string) {
  cache.write(entry);
  cache.destroy();
}
`,
    },
    {
      name: "an untyped value only ended bare, then destroyed, was handed no data",
      filename: "script.js",
      options: UNTYPED,
      code: `
export function hangUp(socket) {
  socket.end();
  socket.destroy();
}
`,
    },
    {
      name: "an untyped value written before process.exit() but never destroyed is not taken for a stream",
      filename: "script.js",
      options: UNTYPED,
      code: `
export function fail(conn, body) {
  conn.write(body);
  process.exit(1);
}
`,
    },
    {
      name: "an untyped value written in one function and destroyed in another is not taken for a stream",
      filename: "script.js",
      options: UNTYPED,
      code: `
export function send(socket, body) {
  socket.write(body);
  finish(socket);
}
function finish(socket) {
  socket.destroy();
}
`,
    },
  ],
  invalid: [
    {
      name: "an upgrade listener's untyped socket: an HTTP error written, then destroyed",
      filename: "script.js",
      options: UNTYPED,
      code: `
export function guard(server, isAllowed, body) {
  server.on("upgrade", (req, socket) => {
    if (isAllowed(req)) return;
    socket.write("HTTP/1.1 401 Unauthorized\\r\\n\\r\\n" + body);
    socket.destroy();
  });
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
              output: `
export function guard(server, isAllowed, body) {
  server.on("upgrade", (req, socket) => {
    if (isAllowed(req)) return;
    socket.write("HTTP/1.1 401 Unauthorized\\r\\n\\r\\n" + body);
    socket.end(() => socket.destroy());
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "an untyped parameter of a .js helper written, then destroyed",
      filename: "script.js",
      options: UNTYPED,
      code: REJECT_HELPER,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 4,
          data: { shutdown: "socket.destroy()", write: "socket.write()", line: 3, stream: "socket" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
export function reject(socket, body) {
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
      name: "an async helper: no finished() is offered, whether the stream is a socket is unknown",
      filename: "file.cjs",
      options: UNTYPED,
      code: `
async function close(conn, body) {
  conn.end(body);
  conn.destroy();
}
module.exports = { close };
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 4,
          data: { shutdown: "conn.destroy()", write: "conn.end()", line: 3, stream: "conn" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
async function close(conn, body) {
  conn.end(body);
  conn.end(() => conn.destroy());
}
module.exports = { close };
`,
            },
          ],
        },
      ],
    },
    {
      name: "writes once per item in an arrow function count for the function around it",
      filename: "script.js",
      options: UNTYPED,
      code: `
export function sendAll(socket, lines) {
  lines.forEach((line) => socket.write(line));
  socket.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 4,
          data: { shutdown: "socket.destroy()", write: "socket.write()", line: 3, stream: "socket" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
export function sendAll(socket, lines) {
  lines.forEach((line) => socket.write(line));
  socket.end(() => socket.destroy());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a parameter typed any in TypeScript is checked like an untyped one",
      options: UNTYPED,
      code: `
export function reject(socket: any, body: string) {
  socket.write(body);
  socket.destroy();
}
`,
      errors: [
        {
          messageId: "destroyBeforeFlush",
          line: 4,
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              output: `
export function reject(socket: any, body: string) {
  socket.write(body);
  socket.end(() => socket.destroy());
}
`,
            },
          ],
        },
      ],
    },
  ],
});

// A stream whose type TypeScript cannot resolve is an "error" `any`: the file is reported once as
// missing Node types, and its streams are not guessed at.
const withoutNodeTypes = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: true,
      tsconfigRootDir: fileURLToPath(new URL("../../fixtures/without-node-types", import.meta.url)),
    },
  },
});

withoutNodeTypes.run("no-shutdown-before-flush", rule, {
  valid: [],
  invalid: [
    {
      name: "a stream of an unresolved type is not taken for an untyped one",
      options: UNTYPED,
      code: `
import type { Socket } from "node:net";
export function reject(socket: Socket, body: string) {
  socket.write(body);
  socket.destroy();
}
`,
      errors: [{ messageId: "missingNodeTypes", data: { module: "node:net" }, line: 2 }],
    },
  ],
});
