// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it as a child
// process, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush, flush/no-discarded-result */
/* eslint-disable @typescript-eslint/require-await -- async as the code it stands for is: the codemod's rewrite may await in it */
/* eslint-disable @typescript-eslint/no-floating-promises -- the promise left floating is the bug on show */
import { writeFile } from "node:fs/promises";

/** Saves its output with fs/promises' writeFile() and exits. */
async function main(): Promise<void> {
  const [path, size] = process.argv.slice(2);
  writeFile(path, Buffer.alloc(Number(size), 0x65));
  process.exit(0);
}

await main();
