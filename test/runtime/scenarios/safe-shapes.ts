// Shapes that look like the bug but that Node makes safe: test/runtime/proof.test.ts checks that
// no-shutdown-before-flush leaves them alone and that they deliver every byte.
/* eslint-disable flush/no-discarded-result */
import type { FileHandle } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** `end()` right after `write()`: Node sends everything, then closes the write side. */
export function writeThenEnd(socket: Socket, payload: Buffer): void {
  socket.write(payload);
  socket.end();
}

/** `res.write()` then `res.end()`: the response is complete once the client has read it. */
export function writeThenEndResponse(res: ServerResponse, body: Buffer): void {
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length });
  res.write(body);
  res.end();
}

/** `close()` on a FileHandle waits for the operations still running on it. */
export async function writeThenClose(fh: FileHandle, chunks: readonly Buffer[]): Promise<void> {
  for (const chunk of chunks) {
    // eslint-disable-next-line @typescript-eslint/no-floating-promises -- the shape on show: close() waits for it
    fh.write(chunk);
  }
  await fh.close();
}
