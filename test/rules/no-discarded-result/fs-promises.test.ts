// no-discarded-result: the promises of node:fs/promises (FileHandle methods and the free functions writeFile()
// and appendFile(), however they are imported) must be awaited or returned; callback-style fs returns nothing.
import rule from "../../../rules/no-discarded-result.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-discarded-result", rule, {
  valid: [
    {
      name: "FileHandle: awaited write, sync and close are kept",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  await fh.write(data);
  await fh.sync();
  await fh.close();
}
`,
    },
    {
      name: "FileHandle: a returned close() and an arrow's expression body hand the promise to the caller",
      code: `
import type { FileHandle } from "node:fs/promises";
export function closeFile(fh: FileHandle) {
  return fh.close();
}
export const flushFile = (fh: FileHandle) => fh.datasync();
`,
    },
    {
      name: "FileHandle: a yielded appendFile() goes to whoever drives the generator",
      code: `
import type { FileHandle } from "node:fs/promises";
export function* appendAll(fh: FileHandle, lines: string[]) {
  for (const line of lines) yield fh.appendFile(line);
}
`,
    },
    {
      name: "FileHandle: writes passed to an awaited Promise.all",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function saveBoth(fh: FileHandle, a: string, b: string) {
  await Promise.all([fh.write(a), fh.write(b)]);
}
`,
    },
    {
      name: "fs.promises.writeFile and a destructured alias of fs/promises, awaited",
      code: `
import fs from "node:fs";
import fsp from "node:fs/promises";
const { appendFile } = fsp;
export async function save() {
  await fs.promises.writeFile("a.txt", "x");
  await appendFile("a.txt", "y");
}
`,
    },
    {
      name: "callback-style fs writeFile/appendFile return void",
      code: `
import { writeFile, appendFile } from "node:fs";
export function save() {
  writeFile("a.txt", "x", () => {});
  appendFile("a.txt", "x", () => {});
}
`,
    },
  ],
  invalid: [
    // ---- FileHandle -----------------------------------------------------------------------------
    {
      name: "FileHandle write() as a bare statement in an async function: await or return",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  fh.write(data);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 17,
          data: { callee: "fh.write()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              data: { callee: "fh.write()", how: "as a bare statement", lost: "whether the data was written" },
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  await fh.write(data);
}
`,
            },
            {
              messageId: "returnPromise",
              data: { callee: "fh.write()", how: "as a bare statement", lost: "whether the data was written" },
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: string) {
  return fh.write(data);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "FileHandle sync() in a non-async function: only returning the promise is offered",
      code: `
import type { FileHandle } from "node:fs/promises";
export function persist(fh: FileHandle) {
  fh.sync();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "fh.sync()", how: "as a bare statement", lost: "whether the data reached the disk" },
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export function persist(fh: FileHandle) {
  return fh.sync();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "FileHandle close() under `void` is discarded; await replaces the void",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function done(fh: FileHandle) {
  void fh.close();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 8,
          endColumn: 18,
          data: {
            callee: "fh.close()",
            how: "with `void`",
            lost: "whether everything was written before the close",
          },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function done(fh: FileHandle) {
  await fh.close();
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function done(fh: FileHandle) {
  return fh.close();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "FileHandle datasync() bound to `_`",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  const _ = fh.datasync();
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 13,
          data: {
            callee: "fh.datasync()",
            how: "into a variable nobody reads",
            lost: "whether the data reached the disk",
          },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function persist(fh: FileHandle) {
  const _ = await fh.datasync();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "FileHandle writeFile() stored in a variable that is never read",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle) {
  const pending = fh.writeFile("x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle) {
  const pending = await fh.writeFile("x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "FileHandle writev() and Deno FsFile syncData() as bare statements",
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(file: Deno.FsFile, fh: FileHandle, bufs: Buffer[]) {
  file.syncData();
  fh.writev(bufs);
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "file.syncData()", how: "as a bare statement", lost: "whether the data reached the disk" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(file: Deno.FsFile, fh: FileHandle, bufs: Buffer[]) {
  await file.syncData();
  fh.writev(bufs);
}
`,
            },
          ],
        },
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(file: Deno.FsFile, fh: FileHandle, bufs: Buffer[]) {
  file.syncData();
  await fh.writev(bufs);
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import type { FileHandle } from "node:fs/promises";
export async function save(file: Deno.FsFile, fh: FileHandle, bufs: Buffer[]) {
  file.syncData();
  return fh.writev(bufs);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "FileHandle close() in a finally block: await only (it is not the function's last statement)",
      code: `
import { open } from "node:fs/promises";
export async function save(path: string) {
  const fh = await open(path, "w");
  try {
    await fh.write("x");
  } finally {
    fh.close();
  }
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import { open } from "node:fs/promises";
export async function save(path: string) {
  const fh = await open(path, "w");
  try {
    await fh.write("x");
  } finally {
    await fh.close();
  }
}
`,
            },
          ],
        },
      ],
    },
    // ---- free functions, however imported -------------------------------------------------------
    {
      name: "fs.promises.writeFile() reached through the fs default import",
      code: `
import fs from "node:fs";
export async function save() {
  fs.promises.writeFile("a.txt", "x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          data: { callee: "fs.promises.writeFile()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import fs from "node:fs";
export async function save() {
  await fs.promises.writeFile("a.txt", "x");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import fs from "node:fs";
export async function save() {
  return fs.promises.writeFile("a.txt", "x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'appendFile() through `import { promises as fsp } from "node:fs"`',
      code: `
import { promises as fsp } from "node:fs";
export async function log() {
  fsp.appendFile("log.txt", "x");
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
import { promises as fsp } from "node:fs";
export async function log() {
  await fsp.appendFile("log.txt", "x");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import { promises as fsp } from "node:fs";
export async function log() {
  return fsp.appendFile("log.txt", "x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "writeFile() through a namespace import of fs/promises",
      code: `
import * as fsp from "node:fs/promises";
export async function save() {
  fsp.writeFile("a", "b");
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
import * as fsp from "node:fs/promises";
export async function save() {
  await fsp.writeFile("a", "b");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import * as fsp from "node:fs/promises";
export async function save() {
  return fsp.writeFile("a", "b");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "writeFile destructured from the fs/promises default export (`const { writeFile } = fsp`)",
      code: `
import fsp from "node:fs/promises";
const { writeFile } = fsp;
export async function save() {
  writeFile("a.txt", "x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "writeFile()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import fsp from "node:fs/promises";
const { writeFile } = fsp;
export async function save() {
  await writeFile("a.txt", "x");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import fsp from "node:fs/promises";
const { writeFile } = fsp;
export async function save() {
  return writeFile("a.txt", "x");
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a discarded .then() chain on appendFile() in a non-async function: return the chain",
      code: `
import { appendFile } from "node:fs/promises";
export function log() {
  appendFile("a.txt", "x").then(() => console.log("done"));
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          endColumn: 27,
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import { appendFile } from "node:fs/promises";
export function log() {
  return appendFile("a.txt", "x").then(() => console.log("done"));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "writeFile() as a statement in a non-async arrow with a block body: return it",
      code: `
import { writeFile } from "node:fs/promises";
export const save = (data: string) => {
  writeFile("a.txt", data);
};
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: "returnPromise",
              output: `
import { writeFile } from "node:fs/promises";
export const save = (data: string) => {
  return writeFile("a.txt", data);
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "writeFile destructured under another name (`{ writeFile: save } = fsp`)",
      code: `
import * as fsp from "node:fs/promises";
const { writeFile: save } = fsp;
export async function store() {
  save("a", "x");
}
`,
      errors: [
        {
          messageId: "discardedResult",
          line: 5,
          column: 3,
          data: { callee: "save()", how: "as a bare statement", lost: "whether the data was written" },
          suggestions: [
            {
              messageId: "addAwait",
              output: `
import * as fsp from "node:fs/promises";
const { writeFile: save } = fsp;
export async function store() {
  await save("a", "x");
}
`,
            },
            {
              messageId: "returnPromise",
              output: `
import * as fsp from "node:fs/promises";
const { writeFile: save } = fsp;
export async function store() {
  return save("a", "x");
}
`,
            },
          ],
        },
      ],
    },
  ],
});
