// Deliberately buggy: test/runtime/liveness.test.ts lints it, runs it as a child process whose
// stdin and stdout are pipes, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush */
import { once } from "node:events";
import { createInterface } from "node:readline";

/** Asks for the report's size on stdin, prints the report and exits; stdin stays open, as a terminal's does. */
async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  const [answer] = (await once(lines, "line")) as [string];
  process.stdout.write(Buffer.alloc(Number(answer), 0x69));
  process.exit(0);
}

await main();
