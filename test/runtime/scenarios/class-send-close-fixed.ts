// The fixed twin of class-send-close.ts, written by hand: the same code with close()'s destroy()
// turned into what the rule's endBeforeDestroy suggestion makes of it (end, then destroy once
// everything sent has left). test/runtime/cross-function.test.ts runs it, and checks that the
// suggestion, applied to the scenario, gives exactly this code.
import type { Socket } from "node:net";

/** A connection to a peer: send() writes, close() hangs up. */
export class Conn {
  constructor(private socket: Socket) {}

  send(data: Buffer): void {
    this.socket.write(data);
  }

  close(): void {
    this.socket.end(() => this.socket.destroy());
  }
}

/** Sends one message and closes: the write is in send(), the destroy() that drops it in close(). */
export function sendAndClose(socket: Socket, big: Buffer): void {
  const conn = new Conn(socket);
  conn.send(big);
  conn.close();
}
