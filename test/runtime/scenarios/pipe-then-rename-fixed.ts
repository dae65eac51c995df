// The fixed twin of pipe-then-rename.ts, written by hand: pipeline() settles once the file stream
// has written everything and closed. test/runtime/cross-function.test.ts runs it.
import { createWriteStream } from "node:fs";
import { rename } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Saves an upload: streams it to a temporary file, then moves the file into place. */
export async function saveUpload(src: Readable, tmp: string, dest: string): Promise<void> {
  await pipeline(src, createWriteStream(tmp));
  await rename(tmp, dest);
}
