// Deliberately buggy: test/runtime/liveness.test.ts lints it, runs it, and runs the codemod on it.
/* eslint-disable flush/no-ignored-backpressure */
import { PassThrough, type Readable } from "node:stream";

/** Renders rows into a stream that the caller reads: its reader is attached only after this returns. */
export async function render(rows: AsyncIterable<Buffer>): Promise<Readable> {
  const body = new PassThrough();
  for await (const row of rows) {
    body.write(row);
  }
  body.end();
  return body;
}
