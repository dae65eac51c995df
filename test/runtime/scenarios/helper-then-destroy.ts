// Deliberately buggy (issue 10, across functions): test/runtime/cross-function.test.ts lints it
// with the plugin and runs it. Its fixed twin is helper-then-destroy-fixed.ts.
/* eslint-disable flush/no-shutdown-before-flush */
import type { Socket } from "node:net";

/** Writes a reply: its head, then its body. */
function sendReply(sock: Socket, head: string, body: Buffer): void {
  sock.write(head);
  sock.write(body);
}

/** Answers and hangs up: the writes are in sendReply(), the destroy() that drops them is here. */
export function answerAndHangUp(sock: Socket, head: string, body: Buffer): void {
  sendReply(sock, head, body);
  sock.destroy();
}
