// A shape Node makes safe: test/runtime/proof.test.ts checks that no-shutdown-before-flush leaves
// it alone and, running it as a child process, that the file gets every byte.
/* eslint-disable flush/no-discarded-result */
import { open } from "node:fs/promises";

const [path, size] = process.argv.slice(2);
const fh = await open(path, "w");
// eslint-disable-next-line @typescript-eslint/no-floating-promises -- the shape on show, which Node makes safe
fh.write(Buffer.alloc(Number(size), 0x64));
process.exit(0);
