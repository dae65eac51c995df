// no-ignored-backpressure: a function of the project that drops write()'s `false` (in this file or another, up to
// three calls deep), called where writes repeat and a producer feeds them, is the same bug as the write in the loop:
// the call is reported, naming the write. Not when the helper returns the boolean, waits for "drain" itself, writes
// to a stream it makes, or the caller deals with backpressure.
import rule from "../../../rules/no-ignored-backpressure.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

/** A loop over a producer calling row-writers.ts's `writeRow()` as `emitRow`, imported by `importLine`: reported. */
function importedAsEmitRow(name: string, importLine: string) {
  return {
    name,
    code: `
import type { Writable } from "node:stream";
${importLine}
export async function exportRows(rows: AsyncIterable<string>, out: Writable) {
  for await (const row of rows) emitRow(out, row);
}
`,
    errors: [
      {
        messageId: "helperIgnoresBackpressure" as const,
        line: 5,
        data: {
          call: "emitRow()",
          where: "in a loop",
          write: "out.write()",
          location: "line 6 of row-writers.ts",
          stream: "out",
        },
        suggestions: [],
      },
    ],
  };
}

ruleTester.run("no-ignored-backpressure", rule, {
  valid: [
    {
      name: "a helper in another module that returns write()'s boolean, checked by the caller",
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
import { writeRowChecked } from "./row-writers.js";
export async function exportRows(rows: AsyncIterable<string>, out: Writable) {
  for await (const row of rows) {
    if (!writeRowChecked(out, row)) await once(out, "drain");
  }
}
`,
    },
    {
      name: 'a method that waits for "drain" itself, awaited in the loop',
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
export class Exporter {
  constructor(private readonly out: Writable) {}
  private async writeItem(item: object) {
    if (!this.out.write(JSON.stringify(item))) await once(this.out, "drain");
  }
  async run(items: AsyncIterable<object>) {
    for await (const item of items) await this.writeItem(item);
  }
}
`,
    },
    {
      name: "the helper is called once, outside any loop",
      code: `
import type { Writable } from "node:stream";
function writeHeader(out: Writable) {
  out.write("id,name\\n");
}
export async function exportRows(rows: AsyncIterable<string>, out: Writable) {
  writeHeader(out);
  for await (const row of rows) {
    if (!out.write(row)) await new Promise((resolve) => out.once("drain", resolve));
  }
}
`,
    },
    {
      name: "a synchronous loop over rows in memory calls the helper: not reported by default",
      code: `
import type { Writable } from "node:stream";
import { writeRow } from "./row-writers.js";
export function exportRows(rows: string[], out: Writable) {
  for (const row of rows) writeRow(out, row);
}
`,
    },
    {
      name: "the loop reads the buffer level after the helper",
      code: `
import { once } from "node:events";
import type { Writable } from "node:stream";
import { writeRow } from "./row-writers.js";
export async function exportRows(rows: AsyncIterable<string>, out: Writable) {
  for await (const row of rows) {
    writeRow(out, row);
    if (out.writableNeedDrain) await once(out, "drain");
  }
}
`,
    },
    {
      name: "the helper writes to a stream it makes and ends itself",
      code: `
import { createWriteStream } from "node:fs";
function saveOne(path: string, data: string) {
  const out = createWriteStream(path);
  out.write(data);
  out.end();
}
export async function saveAll(files: AsyncIterable<{ path: string; data: string }>) {
  for await (const file of files) saveOne(file.path, file.data);
}
`,
    },
    {
      name: "the stream the caller hands the helper is made afresh in each iteration",
      code: `
import { createWriteStream } from "node:fs";
import { writeRow } from "./row-writers.js";
export async function saveAll(files: AsyncIterable<{ path: string; row: string }>) {
  for await (const file of files) {
    const out = createWriteStream(file.path);
    writeRow(out, file.row);
    out.end();
  }
}
`,
    },
    {
      name: "the helper's write is four calls deep: beyond the bound, not followed",
      code: `
import type { Writable } from "node:stream";
function level4(out: Writable, row: string) {
  out.write(row);
}
function level3(out: Writable, row: string) {
  level4(out, row);
}
function level2(out: Writable, row: string) {
  level3(out, row);
}
function level1(out: Writable, row: string) {
  level2(out, row);
}
export async function exportRows(rows: AsyncIterable<string>, out: Writable) {
  for await (const row of rows) level1(out, row);
}
`,
    },
    {
      name: "mutually recursive helpers that write nothing",
      code: `
import type { Writable } from "node:stream";
function even(n: number): boolean {
  return n === 0 ? true : odd(n - 1);
}
function odd(n: number): boolean {
  return n === 0 ? false : even(n - 1);
}
export async function exportRows(rows: AsyncIterable<string>, out: Writable) {
  for await (const row of rows) {
    even(row.length);
    if (!out.write(row)) await new Promise((resolve) => out.once("drain", resolve));
  }
}
`,
    },
    {
      name: "a helper whose write is in a callback it registers: the write runs when the event comes, not per call",
      code: `
import type { Writable } from "node:stream";
import type { EventEmitter } from "node:events";
function forwardErrors(source: EventEmitter, log: Writable) {
  source.once("error", (error: Error) => log.write(String(error)));
}
export async function watch(sources: AsyncIterable<EventEmitter>, log: Writable) {
  for await (const source of sources) forwardErrors(source, log);
}
`,
    },
  ],
  invalid: [
    {
      name: "a method that drops write()'s boolean, called in a for await loop",
      code: `
import type { Writable } from "node:stream";
export class Exporter {
  constructor(private readonly out: Writable) {}
  private writeItem(item: object) {
    this.out.write(JSON.stringify(item));
  }
  async run(items: AsyncIterable<object>) {
    for await (const item of items) {
      this.writeItem(item);
    }
  }
}
`,
      errors: [
        {
          messageId: "helperIgnoresBackpressure",
          line: 10,
          data: {
            call: "this.writeItem()",
            where: "in a loop",
            write: "this.out.write()",
            location: "line 6",
            stream: "this.out",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a helper in another module, called in a "data" handler: the message names its file',
      code: `
import type { Readable, Writable } from "node:stream";
import { writeRow } from "./row-writers.js";
export function relay(source: Readable, out: Writable) {
  source.on("data", (chunk: Buffer) => {
    writeRow(out, chunk.toString());
  });
}
`,
      errors: [
        {
          messageId: "helperIgnoresBackpressure",
          line: 6,
          data: {
            call: "writeRow()",
            where: "once per chunk of a `data` handler",
            write: "out.write()",
            location: "line 6 of row-writers.ts",
            stream: "out",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "an async helper awaited in the loop still drops the boolean",
      code: `
import type { Socket } from "node:net";
async function send(sock: Socket, data: Buffer) {
  sock.write(data);
}
export async function relay(chunks: AsyncIterable<Buffer>, sock: Socket) {
  for await (const chunk of chunks) {
    await send(sock, chunk);
  }
}
`,
      errors: [
        {
          messageId: "helperIgnoresBackpressure",
          line: 8,
          data: { call: "send()", where: "in a loop", write: "sock.write()", location: "line 4", stream: "sock" },
          suggestions: [],
        },
      ],
    },
    {
      name: "a helper reached through another helper, two calls deep",
      code: `
import type { Writable } from "node:stream";
import { writeRow } from "./row-writers.js";
const emit = (out: Writable, fields: string[]) => {
  writeRow(out, fields.join(","));
};
export async function exportRows(rows: AsyncIterable<string[]>, out: Writable) {
  for await (const fields of rows) emit(out, fields);
}
`,
      errors: [
        {
          messageId: "helperIgnoresBackpressure",
          line: 8,
          data: {
            call: "emit()",
            where: "in a loop",
            write: "out.write()",
            location: "line 6 of row-writers.ts",
            stream: "out",
          },
          suggestions: [],
        },
      ],
    },
    importedAsEmitRow(
      "a helper imported under another name",
      'import { writeRow as emitRow } from "./row-writers.js";',
    ),
    importedAsEmitRow("a helper imported as its module's default export", 'import emitRow from "./row-writers.js";'),
    {
      name: "an arrow function held by a class property",
      code: `
import type { Writable } from "node:stream";
export class Exporter {
  constructor(private readonly out: Writable) {}
  private readonly emit = (row: string) => {
    this.out.write(row);
  };
  async run(rows: AsyncIterable<string>) {
    for await (const row of rows) this.emit(row);
  }
}
`,
      errors: [
        {
          messageId: "helperIgnoresBackpressure",
          line: 9,
          data: {
            call: "this.emit()",
            where: "in a loop",
            write: "this.out.write()",
            location: "line 6",
            stream: "this.out",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "a method declared with a quoted name",
      code: `
import type { Writable } from "node:stream";
export class Exporter {
  constructor(private readonly out: Writable) {}
  "emitRow"(row: string) {
    this.out.write(row);
  }
  async run(rows: AsyncIterable<string>) {
    for await (const row of rows) this.emitRow(row);
  }
}
`,
      errors: [
        {
          messageId: "helperIgnoresBackpressure",
          line: 9,
          data: {
            call: "this.emitRow()",
            where: "in a loop",
            write: "this.out.write()",
            location: "line 6",
            stream: "this.out",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "calls are followed three deep from each call site, whichever site was analysed first",
      code: `
import type { Writable } from "node:stream";
function writeRow(out: Writable, row: string) {
  out.write(row);
}
function viaOne(out: Writable, row: string) {
  writeRow(out, row);
}
function viaTwo(out: Writable, row: string) {
  viaOne(out, row);
}
function viaThree(out: Writable, row: string) {
  viaTwo(out, row);
}
export async function threeDeep(rows: AsyncIterable<string>, out: Writable) {
  for await (const row of rows) viaTwo(out, row);
}
export async function fourDeep(rows: AsyncIterable<string>, out: Writable) {
  for await (const row of rows) viaThree(out, row);
}
`,
      errors: [{ messageId: "helperIgnoresBackpressure", line: 16, suggestions: [] }],
    },
    {
      name: "a loop that writes what it awaited through a helper",
      code: `
import type { Writable } from "node:stream";
import { writeRow } from "./row-writers.js";
export async function copy(next: () => Promise<string | undefined>, out: Writable) {
  for (let row = await next(); row !== undefined; row = await next()) {
    writeRow(out, row);
  }
}
`,
      errors: [{ messageId: "helperIgnoresBackpressure", line: 6, suggestions: [] }],
    },
    {
      name: "a recursive helper that writes is reported once at the call site",
      code: `
import type { Writable } from "node:stream";
function writeTree(out: Writable, node: { name: string; children: object[] }): void {
  out.write(node.name);
  for (const child of node.children) writeTree(out, child as typeof node);
}
export async function exportTrees(trees: AsyncIterable<{ name: string; children: object[] }>, out: Writable) {
  for await (const tree of trees) writeTree(out, tree);
}
`,
      errors: [
        {
          messageId: "helperIgnoresBackpressure",
          line: 8,
          data: { call: "writeTree()", where: "in a loop", write: "out.write()", location: "line 4", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "with checkAllLoops: a forEach over rows in memory that calls the helper",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
import { writeRow } from "./row-writers.js";
export function exportRows(rows: string[], out: Writable) {
  rows.forEach((row) => writeRow(out, row));
}
`,
      errors: [
        {
          messageId: "helperIgnoresBackpressure",
          line: 5,
          data: {
            call: "writeRow()",
            where: "once per item",
            write: "out.write()",
            location: "line 6 of row-writers.ts",
            stream: "out",
          },
          suggestions: [],
        },
      ],
    },
  ],
});
