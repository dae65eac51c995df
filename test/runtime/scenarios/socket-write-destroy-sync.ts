// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush */
import type { Socket } from "node:net";

/** The hyper bug in a synchronous function: the codemod cannot await here. */
export function sendAndHangUp(socket: Socket, payload: Buffer): void {
  socket.write(payload);
  socket.destroy();
}
