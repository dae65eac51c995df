// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush, flush/no-discarded-result */
/* eslint-disable @typescript-eslint/require-await -- async as the code it stands for is: the codemod's rewrite may await in it */
/* eslint-disable @typescript-eslint/no-floating-promises -- the promise left floating is the bug on show */
import type { Socket } from "node:net";
import { Writable } from "node:stream";

/** Sends a payload through a WHATWG writer over a socket, then tears the stream down. */
export async function sendThroughWriter(socket: Socket, payload: Uint8Array): Promise<void> {
  const writer = Writable.toWeb(socket).getWriter();
  writer.write(payload).catch(() => {});
  writer.abort();
}
