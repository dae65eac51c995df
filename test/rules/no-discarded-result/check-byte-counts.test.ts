// no-discarded-result: the checkByteCounts option reports a dropped byte count of a write that may be partial.
import rule from "../../../rules/no-discarded-result.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-discarded-result", rule, {
  valid: [
    {
      name: "checkByteCounts off (recommended): a dropped fs.writeSync() count is not reported",
      code: `
import * as fs from "node:fs";
export function save(fd: number, data: string): void {
  fs.writeSync(fd, data);
}
`,
    },
    {
      name: "checkByteCounts: an fs.writeSync() count that is read is fine",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
export function save(fd: number, data: string): number {
  const written = fs.writeSync(fd, data);
  return written;
}
`,
    },
    {
      name: "checkByteCounts: an fs.write() callback that checks bytesWritten is fine",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
export function save(fd: number, data: Buffer): void {
  fs.write(fd, data, (error, written) => {
    if (error || written < data.length) throw error ?? new Error("short write");
  });
}
`,
    },
    {
      name: "checkByteCounts: an awaited FileHandle.write(buffer) without offsets is not a by-hand loop",
      options: [{ checkByteCounts: true }],
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: Buffer): Promise<void> {
  await fh.write(data);
}
`,
    },
    {
      name: "checkByteCounts: a few fixed bytes (a terminal escape sequence) go whole in one write",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
const SHOW_CURSOR = "\\u001B[?25h";
export function restore(fd: number): void {
  fs.writeSync(fd, SHOW_CURSOR);
  fs.writeSync(fd, "\\n");
}
`,
    },
    {
      name: "checkByteCounts: a write at a given position goes to a file that can seek, short only on a full disk",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
import type { FileHandle } from "node:fs/promises";
export async function patchHeader(fh: FileHandle, fd: number, header: Buffer): Promise<void> {
  await fh.write(header, 0, header.length, 0);
  fs.writeSync(fd, header, 0, header.length, 0);
}
`,
    },
    {
      name: "checkByteCounts: a descriptor opened from a path is a regular file, short only on a full disk",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
export class FileLog {
  private fd: number | undefined;
  open(path: string): void {
    this.fd = fs.openSync(path, "a");
  }
  log(line: string): void {
    if (this.fd !== undefined) fs.writeSync(this.fd, \`\${line}\\n\`);
  }
}
export function append(path: string, data: Buffer): void {
  const fd = fs.openSync(path, "a");
  fs.writeSync(fd, data);
  fs.closeSync(fd);
}
`,
    },
  ],
  invalid: [
    {
      name: "checkByteCounts: a dropped fs.writeSync() count; writeFileSync() writes everything",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
export function save(fd: number, data: string): void {
  fs.writeSync(fd, data);
}
`,
      errors: [
        {
          messageId: "byteCountIgnored",
          line: 4,
          data: {
            callee: "fs.writeSync()",
            advice: "Use `writeFileSync()`, which writes everything, or loop until the count covers the data.",
          },
          suggestions: [
            {
              messageId: "useWriteFileSync",
              output: `
import * as fs from "node:fs";
export function save(fd: number, data: string): void {
  fs.writeFileSync(fd, data);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "checkByteCounts: a descriptor opened from a device path may be a terminal or a pipe",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
export function show(data: string): void {
  const fd = fs.openSync("/dev/tty", "w");
  fs.writeSync(fd, data);
}
`,
      errors: [
        {
          messageId: "byteCountIgnored",
          line: 5,
          data: {
            callee: "fs.writeSync()",
            advice: "Use `writeFileSync()`, which writes everything, or loop until the count covers the data.",
          },
          suggestions: [
            {
              messageId: "useWriteFileSync",
              output: `
import * as fs from "node:fs";
export function show(data: string): void {
  const fd = fs.openSync("/dev/tty", "w");
  fs.writeFileSync(fd, data);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "checkByteCounts: an fs.write() callback without bytesWritten",
      options: [{ checkByteCounts: true }],
      code: `
import * as fs from "node:fs";
export function save(fd: number, data: Buffer): void {
  fs.write(fd, data, (error) => {
    if (error) throw error;
  });
}
`,
      errors: [
        {
          messageId: "byteCountIgnored",
          line: 4,
          data: {
            callee: "fs.write()",
            advice: "Check `bytesWritten` in the callback and write the rest, or use `writeFile()`.",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "checkByteCounts: an awaited FileHandle.write() with offsets kept by hand and no position, count dropped",
      options: [{ checkByteCounts: true }],
      code: `
import type { FileHandle } from "node:fs/promises";
export async function save(fh: FileHandle, data: Buffer, offset: number): Promise<void> {
  await fh.write(data, offset, data.length - offset);
}
`,
      errors: [
        {
          messageId: "byteCountIgnored",
          line: 4,
          data: {
            callee: "fh.write()",
            advice: "Loop on `bytesWritten` until the whole buffer is written, or use `fh.writeFile()`.",
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "checkByteCounts: Deno FsFile write() awaited and writeSync(), counts dropped",
      options: [{ checkByteCounts: true }],
      code: `
export async function save(file: Deno.FsFile, data: Uint8Array): Promise<void> {
  await file.write(data);
  file.writeSync(data);
}
`,
      errors: [
        {
          messageId: "byteCountIgnored",
          line: 3,
          data: {
            callee: "file.write()",
            advice: "Loop on the count until everything is written, or use `writeAll()` from `@std/io`.",
          },
          suggestions: [],
        },
        {
          messageId: "byteCountIgnored",
          line: 4,
          data: {
            callee: "file.writeSync()",
            advice: "Loop on the count until everything is written, or use `writeAll()` from `@std/io`.",
          },
          suggestions: [],
        },
      ],
    },
  ],
});
