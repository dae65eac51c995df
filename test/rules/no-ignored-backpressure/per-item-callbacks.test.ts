// no-ignored-backpressure: a write in a per-item callback (forEach, map, some) repeats once per item: reported with
// checkAllLoops unless the callback keeps the booleans; a `return` in the callback ends one item only.
import rule from "../../../rules/no-ignored-backpressure.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-ignored-backpressure", rule, {
  valid: [
    {
      name: "forEach whose callback keeps the write results",
      code: `
import type { Writable } from "node:stream";
export function headers(out: Writable, lines: string[]): boolean[] {
  const results: boolean[] = [];
  lines.forEach((line) => {
    results.push(out.write(line));
  });
  out.end();
  return results;
}
`,
    },
    {
      name: "the booleans of an expression-bodied map() callback are kept and read",
      code: `
import type { Writable } from "node:stream";
export function send(s: Writable, chunks: string[]) {
  const lengths = chunks.map((c) => s.write(c));
  return lengths.every(Boolean);
}
`,
    },
    {
      name: "forEach over an array writes a copy of it at most: not reported by default [evaluation F7b]",
      code: `
import type { ServerResponse } from "node:http";
export function sendLines(res: ServerResponse, lines: string[]): void {
  lines.forEach((line) => res.write(\`\${line}\\n\`));
  res.end();
}
`,
    },
  ],
  invalid: [
    {
      name: "forEach with an expression-bodied arrow",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[]) {
  chunks.forEach((chunk) => out.write(chunk));
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 4,
          data: { write: "out.write()", where: "once per item", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "forEach with a block-bodied arrow",
      options: [{ checkAllLoops: true }],
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, chunks: Buffer[]) {
  chunks.forEach((chunk) => {
    sock.write(chunk);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "sock.write()", where: "once per item", stream: "sock" },
          suggestions: [],
        },
      ],
    },
    {
      name: "forEach with an async callback: awaiting there would not stop forEach",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export async function send(out: Writable, chunks: string[]) {
  chunks.forEach(async (chunk) => {
    out.write(chunk);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "once per item", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "Set#forEach",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(out: Writable, rows: Set<string>) {
  rows.forEach((row) => {
    out.write(row);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "once per item", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "map with a block-bodied callback",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(out: Writable, chunks: string[]) {
  return chunks.map((chunk) => {
    out.write(chunk);
    return chunk.length;
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "once per item", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "some() callback",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(out: Writable, rows: string[]) {
  return rows.some((row) => {
    out.write(row);
    return row === "";
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "out.write()", where: "once per item", stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "an expression-bodied map() callback as a statement drops the booleans",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(s: Writable, chunks: string[]) {
  chunks.map((c) => s.write(c));
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 4,
          column: 21,
          data: { write: "s.write()", where: "once per item", stream: "s" },
          suggestions: [],
        },
      ],
    },
    {
      name: "a `return` in a forEach callback ends one item only: the write still repeats",
      options: [{ checkAllLoops: true }],
      code: `
import type { Writable } from "node:stream";
export function send(s: Writable, rows: string[]) {
  rows.forEach((row) => {
    s.write(row);
    return row.length;
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "s.write()", where: "once per item", stream: "s" },
          suggestions: [],
        },
      ],
    },
  ],
});
