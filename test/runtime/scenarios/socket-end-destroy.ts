// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush */
/* eslint-disable @typescript-eslint/require-await -- async as the code it stands for is: the codemod's rewrite may await in it */
import type { Socket } from "node:net";

/** Ends the connection with a last payload, then makes sure it is gone. */
export async function endAndHangUp(socket: Socket, payload: Buffer): Promise<void> {
  socket.end(payload);
  socket.destroy();
}
