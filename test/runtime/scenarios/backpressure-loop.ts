// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it, and runs the codemod on it.
/* eslint-disable flush/no-ignored-backpressure */
import type { Socket } from "node:net";
import { finished } from "node:stream/promises";

/** Streams chunks to a peer as fast as its source produces them, then ends the connection. */
export async function sendChunks(socket: Socket, chunks: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of chunks) {
    socket.write(chunk);
  }
  socket.end();
  await finished(socket, { readable: false });
}
