// no-discarded-result: which fix is offered where the call is: top-level await in an ES module (also .mjs), none
// in CommonJS, and await or return in class bodies, constructors, static blocks and field initializers.
import rule from "../../../rules/no-discarded-result.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-discarded-result", rule, {
  valid: [
    {
      name: "top-level await of writeFile in an ES module",
      code: `
import { writeFile } from "node:fs/promises";
await writeFile("a.txt", "x");
`,
    },
    {
      name: "JavaScript ES module (.mjs): top-level await of writeFile",
      filename: "file.mjs",
      code: `
import { writeFile } from "node:fs/promises";
await writeFile("out.txt", "data");
`,
    },
    {
      name: "JavaScript CommonJS (.cjs): once(drain) awaited inside an async function",
      filename: "file.cjs",
      code: `
const { once } = require("node:events");
async function wait(stream) {
  await once(stream, "drain");
}
module.exports = { wait };
`,
    },
  ],
  invalid: [
    // ---- top level ------------------------------------------------------------------------------
    {
      name: "writeFile() at the top level of an ES module: top-level await is offered",
      code: `
import { writeFile } from "node:fs/promises";
writeFile("a.txt", "x");
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 1,
          data: { callee: "writeFile()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { writeFile } from "node:fs/promises";
await writeFile("a.txt", "x");
`,
            },
          ],
        },
      ],
    },
    {
      name: "`void appendFile()` at the top level of an ES module: await replaces the void",
      code: `
import { appendFile } from "node:fs/promises";
void appendFile("log.txt", "line");
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 6,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { appendFile } from "node:fs/promises";
await appendFile("log.txt", "line");
`,
            },
          ],
        },
      ],
    },
    // ---- JavaScript files -----------------------------------------------------------------------
    {
      name: "JavaScript ES module (.mjs): writeFile() at the top level, top-level await offered",
      filename: "file.mjs",
      code: `
import { writeFile } from "node:fs/promises";
writeFile("out.txt", "data");
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { writeFile } from "node:fs/promises";
await writeFile("out.txt", "data");
`,
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript ES module (.mjs): a JSDoc-typed writer's write() dropped",
      filename: "file.mjs",
      code: `
/** @param {WritableStreamDefaultWriter<string>} writer */
export async function send(writer) {
  writer.write("x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
/** @param {WritableStreamDefaultWriter<string>} writer */
export async function send(writer) {
  await writer.write("x");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
/** @param {WritableStreamDefaultWriter<string>} writer */
export async function send(writer) {
  return writer.write("x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript CommonJS (.cjs): no top-level await, but await inside an async function",
      filename: "file.cjs",
      code: `
const fsp = require("node:fs/promises");
fsp.writeFile("out.txt", "data");
async function save() {
  fsp.appendFile("out.txt", "more");
}
module.exports = { save };
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 3,
          column: 1,
          data: { callee: "fsp.writeFile()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [],
        },
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
const fsp = require("node:fs/promises");
fsp.writeFile("out.txt", "data");
async function save() {
  await fsp.appendFile("out.txt", "more");
}
module.exports = { save };
`,
            },
            {
              messageId: "returnPromise",
              output: `
const fsp = require("node:fs/promises");
fsp.writeFile("out.txt", "data");
async function save() {
  return fsp.appendFile("out.txt", "more");
}
module.exports = { save };
`,
            },
          ],
        },
      ],
    },
    {
      name: "JavaScript CommonJS (.cjs): `void` at the top level, nothing to suggest",
      filename: "file.cjs",
      code: `
const { appendFile } = require("node:fs/promises");
void appendFile("log.txt", "line");
`,
      errors: [{ messageId: "discardedResult", line: 3, column: 6, suggestions: [] }],
    },
    {
      name: 'JavaScript CommonJS (.cjs): once destructured from require("node:events")',
      filename: "file.cjs",
      code: `
const { once } = require("node:events");
function wait(stream) {
  once(stream, "drain");
}
module.exports = { wait };
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
const { once } = require("node:events");
function wait(stream) {
  return once(stream, "drain");
}
module.exports = { wait };
`,
            },
          ],
        },
      ],
    },
    // ---- classes --------------------------------------------------------------------------------
    {
      name: "a FileHandle in a class field closed from a class-property arrow: return it",
      code: `
import type { FileHandle } from "node:fs/promises";
export class Closer {
  constructor(private readonly fh: FileHandle) {}
  closeLater = () => {
    this.fh.close();
  };
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export class Closer {
  constructor(private readonly fh: FileHandle) {}
  closeLater = () => {
    return this.fh.close();
  };
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "sync() in a constructor: neither await nor return is possible",
      code: `
import type { FileHandle } from "node:fs/promises";
export class Opener {
  constructor(fh: FileHandle) {
    fh.sync();
  }
}
`,
      errors: [{ messageId: "discardedResult", line: 5, column: 5, suggestions: [] }],
    },
    {
      name: "no await suggestion in a class static block, even at a module's top level",
      code: `
import { writeFile } from "node:fs/promises";
export class Config {
  static {
    writeFile("c.json", "{}");
  }
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 5,
          data: { callee: "writeFile()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [],
        },
      ],
    },
    {
      name: "no await suggestion in a class field initializer",
      code: `
import { writeFile } from "node:fs/promises";
export class Config {
  readonly written = void writeFile("c.json", "{}");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 27,
          data: { callee: "writeFile()", how: "with `void`", lost: "whether the data was written" },
          suggestions: [],
        },
      ],
    },
  ],
});
