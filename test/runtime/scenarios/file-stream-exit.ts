// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it as a child
// process, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush */
import { createWriteStream } from "node:fs";

/** Saves its output to a file and exits. */
function main(): void {
  const [path, size] = process.argv.slice(2);
  const out = createWriteStream(path);
  out.write(Buffer.alloc(Number(size), 0x63));
  process.exit(0);
}

main();
