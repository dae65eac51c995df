// The fixed twin of helper-then-destroy.ts, written by hand: the same code with the destroy() turned
// into what the rule's endBeforeDestroy suggestion makes of it. test/runtime/cross-function.test.ts
// runs it, and checks that the suggestion, applied to the scenario, gives exactly this code.
import type { Socket } from "node:net";

/** Writes a reply: its head, then its body. */
function sendReply(sock: Socket, head: string, body: Buffer): void {
  sock.write(head);
  sock.write(body);
}

/** Answers and hangs up: the writes are in sendReply(), the destroy() that drops them is here. */
export function answerAndHangUp(sock: Socket, head: string, body: Buffer): void {
  sendReply(sock, head, body);
  sock.end(() => sock.destroy());
}
