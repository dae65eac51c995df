// Issue 6, trap 3: a write that may take fewer bytes than it was given. A child whose stdout is a
// pipe (made non-blocking by Node as soon as process.stdout is touched) calls fs.writeSync() with
// 8 MiB while the parent reads slowly: one write(2) takes what the pipe holds, and dropping the
// count drops the rest. Looping on the count delivers every byte.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

const BYTES = 8 << 20;
const TRIALS = 3;

const CHILD = `import fs from "node:fs";
void process.stdout;
const data = Buffer.alloc(${BYTES}, 120);
if (process.argv[2] === "dropped") {
  const count = fs.writeSync(1, data);
  process.stderr.write(String(count));
} else {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += fs.writeSync(1, data, offset);
    } catch (error) {
      if (error.code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
  process.stderr.write(String(offset));
}
`;

const directory = mkdtempSync(join(tmpdir(), "flush-byte-counts-"));
const childPath = join(directory, "child.mjs");
writeFileSync(childPath, CHILD);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs the child with a slow reader on its stdout; returns bytes received and what the child counted. */
async function run(mode: "dropped" | "loop"): Promise<{ received: number; counted: number }> {
  const child = spawn(process.execPath, [childPath, mode], { stdio: ["ignore", "pipe", "pipe"] });
  let received = 0;
  let counted = "";
  child.stderr.on("data", (chunk: Buffer) => (counted += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => {
    received += chunk.length;
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 2);
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(code).toBe(0);
  return { received, counted: Number(counted) };
}

describe("fs.writeSync() to a non-blocking pipe", () => {
  it("takes only part of the data: dropping the count loses the rest", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const { received, counted } = await run("dropped");
      expect(counted).toBeGreaterThan(0);
      expect(counted).toBeLessThan(BYTES);
      expect(received).toBe(counted);
    }
  });

  it("delivers every byte when the code loops on the count", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      expect(await run("loop")).toEqual({ received: BYTES, counted: BYTES });
    }
  });
});
