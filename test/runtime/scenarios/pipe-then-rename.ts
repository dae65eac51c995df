// Deliberately buggy (issue 10, through a pipe): test/runtime/cross-function.test.ts lints it with
// the plugin and runs it. Its fixed twin is pipe-then-rename-fixed.ts.
/* eslint-disable flush/no-shutdown-before-flush */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename } from "node:fs/promises";
import type { Readable } from "node:stream";

/**
 * Saves an upload: streams it to a temporary file, then moves the file into place. The source's
 * "end" says nothing about the file stream, which may not even be open yet.
 */
export async function saveUpload(src: Readable, tmp: string, dest: string): Promise<void> {
  src.pipe(createWriteStream(tmp));
  await once(src, "end");
  await rename(tmp, dest);
}
