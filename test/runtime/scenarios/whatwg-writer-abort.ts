// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush, flush/no-discarded-result */
import type { Socket } from "node:net";
import { Writable } from "node:stream";

/** Sends a payload through a WHATWG writer over a socket, then tears the stream down. */
export async function sendThroughWriter(socket: Socket, payload: Uint8Array): Promise<void> {
  const writer = Writable.toWeb(socket).getWriter();
  writer.write(payload).catch(() => {});
  writer.abort();
}
